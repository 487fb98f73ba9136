from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.search import index

from dossier import seo
from dossier.models import BasePage, PageAuthor, SectionIndexPage, publisher_data
from dossier.serializers import PersonSerializer


class BlogPage(BasePage):
    """An opinion piece by one or more authors, shown with their role and organisation;
    a piece that appeared elsewhere first names where."""

    first_published_in = models.CharField(
        "eerder verschenen in",
        max_length=250,
        blank=True,
        help_text="Alleen als het stuk eerder elders verscheen, bijvoorbeeld "
        "'Campagne Smart Society, European Media Partner (2019)'.",
    )
    first_published_url = models.URLField(
        "link naar de eerdere publicatie",
        blank=True,
        help_text="Waar lezers het stuk in de oorspronkelijke publicatie vinden.",
    )

    content_panels = [
        *BasePage.title_panels,
        *BasePage.date_panels,
        MultipleChooserPanel(
            "page_authors",
            chooser_field_name="person",
            heading="Auteurs",
            label="Auteur",
            min_num=1,
            help_text="Wie schreef dit stuk? Functie en organisatie komen uit de persoonsgegevens.",
        ),
        *BasePage.text_panels,
        MultiFieldPanel(
            [FieldPanel("first_published_in"), FieldPanel("first_published_url")],
            heading="Eerder verschenen",
        ),
        *BasePage.taxonomy_panels,
        *BasePage.related_panels,
        *BasePage.change_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.RelatedFields(
            "page_authors", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("authors", serializer=PersonSerializer(many=True, read_only=True)),
        APIField("first_published_in"),
        APIField("first_published_url"),
    ]

    parent_page_types = ["opinion.OpinionIndexPage"]
    subpage_types = []
    lists_authors = True
    is_article = True

    class Meta:
        verbose_name = "blog"
        verbose_name_plural = "blogs"

    def clean(self):
        super().clean()
        if self.first_published_url and not self.first_published_in:
            raise ValidationError(
                {"first_published_in": "Noem de publicatie waarin het stuk eerder verscheen."}
            )

    def card_kind(self):
        # The section's name: readers know these pieces as opinion, in lists and on the page.
        return "Opinie"

    def structured_data(self, request):
        data = seo.creative_work_data(
            self,
            request,
            "BlogPosting",
            authors=self.authors,
            publisher=publisher_data(request),
            modified=self.date_modified,
        )
        if self.first_published_url:
            data["isBasedOn"] = self.first_published_url
        return data


class OpinionIndexPage(SectionIndexPage):
    """The opinion section: blogs in which municipalities and others have their say."""

    listing_model = BlogPage
    finder_kind_choices = [("blog", "Opinie")]
    subpage_types = ["opinion.BlogPage"]

    class Meta:
        verbose_name = "opinieoverzicht"

    def listing(self):
        authors = PageAuthor.objects.select_related("person__organisation")
        return super().listing().prefetch_related(Prefetch("page_authors", queryset=authors))
