from django.apps import AppConfig


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = "Bijdragen"

    def ready(self):
        from . import signals

        signals.connect()
