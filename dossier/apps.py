from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "dossier"
    verbose_name = "Kennisdossier"

    def ready(self):
        from . import signals, site_address  # noqa: F401 - site_address registers its check

        signals.connect(self)
