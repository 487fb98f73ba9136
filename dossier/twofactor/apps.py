from django.apps import AppConfig


class TwoFactorConfig(AppConfig):
    name = "dossier.twofactor"
    label = "twofactor"
    verbose_name = "Tweestapsverificatie"
