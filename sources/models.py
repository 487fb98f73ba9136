from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from dossier import seo
from dossier.models import BasePage, SectionIndexPage, optional_link, publisher_data
from dossier.serializers import OrganisationSerializer


class SourcePage(BasePage):
    """A practice example, website, dataset or tool elsewhere that is worth reading."""

    class Kind(models.TextChoices):
        PRACTICE = "praktijkvoorbeeld", "Praktijkvoorbeeld"
        WEBSITE = "website", "Website"
        DATASET = "dataset", "Dataset"
        TOOL = "tool", "Tool"

    kind = models.CharField("soort", max_length=20, choices=Kind.choices, db_index=True)
    link_url = models.URLField("adres van de bron")
    owner_organisation = optional_link(
        "dossier.Organisation", "eigenaar", help_text="De organisatie achter de bron."
    )
    why_read = models.TextField(
        "waarom lezen?",
        max_length=800,
        help_text="Wat maakt deze bron de moeite waard voor medewerkers van gemeenten?",
    )
    is_featured = models.BooleanField(
        "uitgelicht", default=False, help_text="Uitgelichte bronnen staan op de homepage."
    )

    content_panels = [
        *BasePage.title_panels,
        *BasePage.date_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("link_url"),
                FieldPanel("owner_organisation"),
                FieldPanel("why_read"),
            ],
            heading="De bron",
        ),
        FieldPanel("is_featured"),
        *BasePage.text_panels,
        *BasePage.taxonomy_panels,
        *BasePage.related_panels,
        *BasePage.change_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("why_read"),
        index.FilterField("kind"),
        index.RelatedFields("owner_organisation", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("link_url"),
        APIField("owner_organisation", serializer=OrganisationSerializer(read_only=True)),
        APIField("why_read"),
    ]

    parent_page_types = ["sources.SourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "bron"
        verbose_name_plural = "bronnen"

    def finder_kind(self):
        return self.kind

    def card_kind(self):
        return self.get_kind_display()

    def card_bylines(self):
        return [self.owner_organisation.name] if self.owner_organisation_id else []

    def structured_data(self, request):
        """A page about a source elsewhere: a WebPage about that website, dataset or tool."""
        data = seo.web_page_data(
            self, request, publisher_data(request), modified=self.date_modified
        )
        about_type = {"website": "WebSite", "dataset": "Dataset"}.get(self.kind, "CreativeWork")
        data["about"] = {
            "@type": about_type,
            "name": self.title,
            "url": self.link_url,
            "description": seo.describe(self.why_read, 800),
        }
        if self.owner_organisation_id:
            data["about"]["publisher"] = seo.organisation_data(self.owner_organisation)
        data["datePublished"] = seo.iso(self.date)
        return data


class SourceIndexPage(SectionIndexPage):
    """The sources section: practice examples, websites, datasets and tools worth reading."""

    listing_model = SourcePage
    kind_choices = SourcePage.Kind.choices
    finder_kind_choices = SourcePage.Kind.choices
    subpage_types = ["sources.SourcePage"]

    class Meta:
        verbose_name = "bronnenoverzicht"

    def listing(self):
        return super().listing().select_related("owner_organisation")

    def teasers(self, *, theme=None, limit=None):
        """Featured sources first on the home page; newest after them."""
        if theme is not None:
            return super().teasers(theme=theme, limit=limit)
        return list(
            self.listing().order_by("-is_featured", "-date", "-pk")[: limit or self.teaser_count]
        )
