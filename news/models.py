from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from dossier import seo
from dossier.models import BasePage, SectionIndexPage, publisher_data


class NewsPage(BasePage):
    """A news item: the institute's own news or a pointer to news elsewhere."""

    class Kind(models.TextChoices):
        NEWS = "nieuws", "Nieuws"
        EVENT = "evenement", "Evenement"
        INITIATIVE = "initiatief", "Initiatief"
        PUBLICATION = "publicatie", "Publicatie"
        SUCCESS_STORY = "succesverhaal", "Succesverhaal"
        INTERVIEW = "interview", "Interview"

    kind = models.CharField(
        "soort", max_length=20, choices=Kind.choices, default=Kind.NEWS, db_index=True
    )
    source_name = models.CharField(
        "naam van de bron",
        max_length=160,
        blank=True,
        help_text="Bij nieuws van elders: wie het bericht publiceerde, bijvoorbeeld 'VNG'.",
    )
    source_url = models.URLField("link naar de bron", blank=True)

    content_panels = [
        *BasePage.title_panels,
        *BasePage.date_panels,
        FieldPanel("kind"),
        *BasePage.text_panels,
        *BasePage.taxonomy_panels,
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url")], heading="Externe bron"
        ),
        *BasePage.related_panels,
        *BasePage.change_panels,
    ]
    search_fields = [*BasePage.search_fields, index.FilterField("kind")]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("source_name"),
        APIField("source_url"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    is_article = True

    class Meta:
        verbose_name = "nieuwsbericht"
        verbose_name_plural = "nieuwsberichten"

    def finder_kind(self):
        return self.kind

    def card_kind(self):
        return self.get_kind_display()

    def structured_data(self, request):
        data = seo.creative_work_data(
            self,
            request,
            "NewsArticle",
            publisher=publisher_data(request),
            modified=self.date_modified,
        )
        if self.source_url:
            data["isBasedOn"] = self.source_url
        return data


class NewsIndexPage(SectionIndexPage):
    """The news section: its index lists news items, events, initiatives and interviews."""

    listing_model = NewsPage
    kind_choices = NewsPage.Kind.choices
    finder_kind_choices = NewsPage.Kind.choices
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = "nieuwsoverzicht"
