from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "dossier"
    verbose_name = "Kennisdossier"

    def ready(self):
        from . import signals

        signals.connect()
