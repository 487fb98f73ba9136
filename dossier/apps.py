from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "dossier"
    verbose_name = "Kennisdossier"
