from django.apps import AppConfig


class OpinionConfig(AppConfig):
    name = "opinion"
    verbose_name = "Opinie"
