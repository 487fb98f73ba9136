"""A contribution from outside: one stored submission of the form."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone

from dossier.models import optional_link

from ..uploads import attachment_path, private_storage

TEXT_MAX_LENGTH = 20_000


class Contribution(models.Model):
    """One submission of the contribution form, stored before anything else happens."""

    class Kind(models.TextChoices):
        NEWS = "nieuwstip", "Nieuwstip"
        BLOG = "blog", "Blog of opinie"
        PROJECT = "project", "Project of bijeenkomst"
        PUBLICATION = "publicatie", "Publicatie"
        SOURCE = "bron", "Bron (website, dataset, tool)"
        OTHER = "anders", "Iets anders"

    class Status(models.TextChoices):
        NEW = "nieuw", "Nieuw"
        IN_PROGRESS = "in_behandeling", "In behandeling"
        ACCEPTED = "geaccepteerd", "Geaccepteerd"
        REJECTED = "afgewezen", "Afgewezen"

    created_at = models.DateTimeField("ontvangen", default=timezone.now, db_index=True)
    name = models.CharField("naam", max_length=160)
    organisation = models.CharField("organisatie", max_length=160, blank=True)
    email = models.EmailField("e-mailadres")
    kind = models.CharField("soort bijdrage", max_length=20, choices=Kind.choices)
    title = models.CharField("titel", max_length=200)
    text = models.TextField(
        "tekst", max_length=TEXT_MAX_LENGTH, validators=[MaxLengthValidator(TEXT_MAX_LENGTH)]
    )
    link = models.URLField("link", max_length=500, blank=True)
    attachment = models.FileField(
        "bijlage", upload_to=attachment_path, storage=private_storage, blank=True, max_length=255
    )
    attachment_name = models.CharField("bestandsnaam van de bijlage", max_length=255, blank=True)
    attachment_type = models.CharField("soort bestand", max_length=100, blank=True)
    attachment_size = models.PositiveIntegerField("grootte van de bijlage", null=True, blank=True)
    consent_at = models.DateTimeField("toestemming gegeven op")

    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    editor_notes = models.TextField(
        "notities van de redactie", blank=True, help_text="Alleen zichtbaar in het beheer."
    )
    page = optional_link(
        "wagtailcore.Page", "pagina", help_text="De pagina die van deze bijdrage is gemaakt."
    )
    document = optional_link(
        "wagtaildocs.Document",
        "document",
        help_text="De bijlage in de documentenbibliotheek, na 'Maak conceptpagina'.",
    )
    editors_notified_at = models.DateTimeField("redactie bericht op", null=True, blank=True)
    confirmation_sent_at = models.DateTimeField("bevestiging verstuurd op", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "bijdrage"
        verbose_name_plural = "bijdragen"
        db_table = "dossier_contribution"  # kept from when the model lived in the dossier app

    def __str__(self):
        return self.title
