"""Contributions from outside: the form page and the stored submissions."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..blocks import RICH_TEXT_FEATURES
from ..contributions.uploads import attachment_path, private_storage
from ..shared_data import CachedViewRestrictionsMixin

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
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="pagina",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De pagina die van deze bijdrage is gemaakt.",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De bijlage in de documentenbibliotheek, na 'Maak conceptpagina'.",
    )
    editors_notified_at = models.DateTimeField("redactie bericht op", null=True, blank=True)
    confirmation_sent_at = models.DateTimeField("bevestiging verstuurd op", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "bijdrage"
        verbose_name_plural = "bijdragen"

    def __str__(self):
        return self.title


@receiver(post_delete, sender=Contribution)
def delete_attachment_file(sender, instance, **kwargs):
    """A deleted submission takes its private file with it."""
    if instance.attachment:
        instance.attachment.delete(save=False)


class ContributionFormPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """The form through which outsiders offer a piece to the dossier."""

    intro = RichTextField(
        "inleiding",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Wat voor bijdragen het dossier zoekt en wat er daarna mee gebeurt.",
    )
    thank_you_title = models.CharField(
        "titel van de bedankpagina", max_length=160, default="Bedankt voor uw bijdrage"
    )
    thank_you_text = RichTextField(
        "tekst van de bedankpagina",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Wat de inzender na het versturen ziet, bijvoorbeeld wanneer de redactie "
        "reageert.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="privacyverklaring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Bij de toestemming staat een link naar deze pagina.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        PageChooserPanel("privacy_page"),
        MultiFieldPanel(
            [FieldPanel("thank_you_title"), FieldPanel("thank_you_text")],
            heading="Na het versturen",
        ),
    ]

    parent_page_types = ["dossier.DossierHomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "bijdrageformulier"
        verbose_name_plural = "bijdrageformulieren"

    @path("")
    def form_view(self, request):
        from ..contributions.views import contribution_form

        return contribution_form(request, self)

    @path("bedankt/")
    def thanks_view(self, request):
        from ..contributions.views import contribution_thanks

        return contribution_thanks(request, self)
