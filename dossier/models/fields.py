"""Field helpers shared by the models of every app."""

from django.db import models


def optional_link(to, verbose_name, *, related_name="+", **options):
    """A link to another object that may be empty and is emptied when that object goes:
    an image, a document, a page, a person or an organisation."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )
