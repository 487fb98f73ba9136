from django.db.models import Prefetch
from wagtail.admin.panels import MultipleChooserPanel
from wagtail.api import APIField
from wagtail.search import index

from dossier import seo
from dossier.models import BasePage, PageAuthor, SectionIndexPage, publisher_data
from dossier.serializers import PersonSerializer


class BlogPage(BasePage):
    """An opinion piece by one or more authors, shown with their role and organisation."""

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
        *BasePage.taxonomy_panels,
        *BasePage.related_panels,
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
    ]

    parent_page_types = ["opinion.OpinionIndexPage"]
    subpage_types = []
    lists_authors = True
    is_article = True

    class Meta:
        verbose_name = "blog"
        verbose_name_plural = "blogs"

    def structured_data(self, request):
        return seo.creative_work_data(
            self,
            request,
            "BlogPosting",
            authors=self.authors,
            publisher=publisher_data(request),
        )


class OpinionIndexPage(SectionIndexPage):
    """The opinion section: blogs in which municipalities and others have their say."""

    listing_model = BlogPage
    subpage_types = ["opinion.BlogPage"]

    class Meta:
        verbose_name = "opinieoverzicht"

    def listing(self):
        authors = PageAuthor.objects.select_related("person__organisation")
        return super().listing().prefetch_related(Prefetch("page_authors", queryset=authors))
