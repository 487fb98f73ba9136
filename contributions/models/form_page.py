"""The page that holds the contribution form, with its thank-you route."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from dossier.blocks import RICH_TEXT_FEATURES
from dossier.models import CachedViewRestrictionsMixin, optional_link

from ..views import contribution_form, contribution_thanks


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
    privacy_page = optional_link(
        "wagtailcore.Page",
        "privacyverklaring",
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
        db_table = "dossier_contributionformpage"  # kept from the dossier app

    @path("")
    def form_view(self, request):
        return contribution_form(request, self)

    @path("bedankt/")
    def thanks_view(self, request):
        return contribution_thanks(request, self)
