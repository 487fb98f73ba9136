from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from dossier import seo
from dossier.models import (
    BasePage,
    Organisation,
    PageAuthor,
    SectionIndexPage,
    optional_link,
    publisher_data,
    without_restricted,
)
from dossier.ops import cache_tags
from dossier.serializers import OrganisationSerializer, PersonSerializer

from . import citations

#: Publication kinds and the form a reference manager gives them; a part of a book is a
#: chapter.
REFERENCE_FORMS = {
    "rapport": citations.REPORT,
    "casus": citations.REPORT,
    "boek": citations.BOOK,
    "essay": citations.WEB,
    "handreiking": citations.WEB,
    "artikel": citations.WEB,
}


def part_count():
    """The number of live, public parts of each publication in a queryset: one subquery in
    the listing's own query, not a query per card."""
    parts = (
        without_restricted(PublicationPage.objects.live())
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by()
        .values("depth")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(parts), 0)


#: The depth of a page directly in a section (root > home > section index > page): such a
#: page is a series or stands alone; only deeper pages are parts of a series.
SECTION_PAGE_DEPTH = 4


class PublicationPage(RoutablePageMixin, BasePage):
    """A report, book, essay, case or guide; a publication can hold numbered parts."""

    class Kind(models.TextChoices):
        REPORT = "rapport", "Rapport"
        BOOK = "boek", "Boek"
        ESSAY = "essay", "Essay"
        CASE = "casus", "Casus"
        GUIDE = "handreiking", "Handreiking"
        ARTICLE = "artikel", "Artikel"

    kind = models.CharField("soort", max_length=20, choices=Kind.choices, db_index=True)
    publisher = optional_link("dossier.Organisation", "uitgever")
    commissioner = optional_link(
        "dossier.Organisation",
        "opdrachtgever",
        help_text="De organisatie die de publicatie liet maken, als die een ander is dan de "
        "uitgever. Staat in de verwijzing ('In opdracht van ...'); de delen van een reeks "
        "nemen die van de reeks over.",
    )
    document = optional_link(
        "wagtaildocs.Document",
        "bestand",
        help_text="De publicatie zelf, om te downloaden (bijvoorbeeld een pdf).",
    )
    external_url = models.URLField(
        "externe link", blank=True, help_text="Waar de publicatie elders te lezen of te koop is."
    )
    part_number = models.PositiveSmallIntegerField(
        "deelnummer",
        null=True,
        blank=True,
        help_text="Alleen voor een deel van een reeks: het nummer binnen de reeks.",
    )

    content_panels = [
        *BasePage.title_panels,
        *BasePage.date_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("publisher"),
                FieldPanel("commissioner"),
                FieldPanel("part_number"),
            ],
            heading="Over de publicatie",
        ),
        MultipleChooserPanel(
            "page_authors", chooser_field_name="person", heading="Auteurs", label="Auteur"
        ),
        *BasePage.text_panels,
        *BasePage.taxonomy_panels,
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url")], heading="Lezen en downloaden"
        ),
        *BasePage.related_panels,
        *BasePage.change_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.FilterField("kind"),
        index.RelatedFields("publisher", [index.SearchField("name")]),
        index.RelatedFields(
            "page_authors", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("authors", serializer=PersonSerializer(many=True, read_only=True)),
        APIField("publisher", serializer=OrganisationSerializer(read_only=True)),
        APIField("commissioner", serializer=OrganisationSerializer(read_only=True)),
        APIField("document"),
        APIField("external_url"),
        APIField("part_number"),
    ]

    parent_page_types = ["publications.PublicationIndexPage", "publications.PublicationPage"]
    subpage_types = ["publications.PublicationPage"]
    lists_authors = True

    class Meta:
        verbose_name = "publicatie"
        verbose_name_plural = "publicaties"

    def clean(self):
        super().clean()
        if not (self.document_id or self.external_url or self.body):
            raise ValidationError(
                {"document": "Voeg een bestand, een externe link of een tekst toe."}
            )

    # --- series -----------------------------------------------------------------------

    def parts(self):
        """The numbered parts of this publication, if it is a series, by number; no query
        for a page without children."""
        if not self.numchild:
            return []
        return list(
            without_restricted(PublicationPage.objects.child_of(self).live())
            .defer_streamfields()
            .order_by("part_number", "path")
        )

    @cached_property
    def series(self):
        """The publication this page is a part of, with its publisher and commissioner; None
        for a page directly in the section (no query; one for a part)."""
        if self.depth <= SECTION_PAGE_DEPTH:
            return None
        return (
            PublicationPage.objects.filter(path=self.path[: -self.steplen])
            .select_related("publisher", "commissioner")
            .defer_streamfields()
            .first()
        )

    def series_context(self):
        """The series this page belongs to, its parts, and the previous and next part."""
        series = self.series
        if series is None:
            parts = self.parts()
            return {"series": self if parts else None, "parts": parts}
        parts = series.parts()
        position = next((i for i, part in enumerate(parts) if part.pk == self.pk), None)
        previous_part = parts[position - 1] if position else None
        next_part = (
            parts[position + 1] if position is not None and position + 1 < len(parts) else None
        )
        return {
            "series": series,
            "parts": parts,
            "part_total": len(parts),
            "previous_part": previous_part,
            "next_part": next_part,
        }

    @classmethod
    def prepare_cards(cls, pages):
        """For the cards of ``pages``: the series of each part (``series_title``,
        ``series_size``) and the part count of each series (``part_count``), in one query
        for all pages (search results, theme hubs). Listings that annotate these need none."""
        pages = [
            page
            for page in pages
            if not (hasattr(page, "series_title") and hasattr(page, "part_count"))
        ]
        if not pages:
            return
        paths = {page.path[: -page.steplen] for page in pages} | {page.path for page in pages}
        found = {
            path: (title, count)
            for path, title, count in PublicationPage.objects.filter(path__in=paths)
            .annotate(part_count=part_count())
            .values_list("path", "title", "part_count")
        }
        for page in pages:
            page.series_title, page.series_size = found.get(page.path[: -page.steplen], ("", 0))
            page.part_count = found.get(page.path, ("", 0))[1]

    def card_series(self):
        """'Deel 3 van 8 · <series>' for a part of a series; '8 delen' for a series."""
        PublicationPage.prepare_cards([self])
        if self.series_title:
            if self.part_number:
                return f"Deel {self.part_number} van {self.series_size} · {self.series_title}"
            return f"Uit de reeks {self.series_title}"
        return f"Reeks in {self.part_count} delen" if self.part_count else ""

    # --- citation ---------------------------------------------------------------------

    def author_names(self):
        return [person.name for person in self.authors]

    def reference(self, request=None, *, keywords=False):
        """This publication as a ``citations.Reference``; a part of a series takes the
        series' publisher and commissioner when it names none of its own. ``keywords``
        (its tags, one query) for the downloads; the APA text on the page needs none."""
        series = self.series
        publisher = self.publisher or (series.publisher if series else None)
        commissioner = self.commissioner or (series.commissioner if series else None)
        form = REFERENCE_FORMS.get(self.kind, citations.WEB)
        if series is not None and series.kind == self.Kind.BOOK:
            form = citations.CHAPTER
        return citations.Reference(
            form=form,
            title=self.title,
            date=self.date,
            url=self.get_full_url(request) or "",
            authors=self.author_names(),
            organisation=publisher.name if publisher else "",
            publisher=publisher.name if publisher else "",
            commissioner=commissioner.name if commissioner else "",
            series=series.title if series else "",
            number=self.part_number if series else None,
            kind_label=self.get_kind_display(),
            abstract=self.intro,
            keywords=[tag.name for tag in self.tags.all()] if keywords else [],
        )

    def apa_citation(self, request=None):
        """The APA 7 reference as HTML, every value escaped."""
        return citations.apa(self.reference(request))

    def fetch_organisations(self):
        """The publisher and the commissioner in one query rather than one each."""
        ids = {self.publisher_id, self.commissioner_id} - {None}
        if len(ids) < 2 or PublicationPage.publisher.is_cached(self):
            return
        found = Organisation.objects.in_bulk(ids)
        self.publisher = found.get(self.publisher_id)
        self.commissioner = found.get(self.commissioner_id)

    def get_context(self, request, *args, **kwargs):
        self.fetch_organisations()
        context = super().get_context(request, *args, **kwargs)
        series = self.series_context()
        # The series and its parts are listed: a change of any of them makes this page stale.
        cache_tags.shows_pages([*series["parts"], *filter(None, [series["series"]])])
        context.update(series)
        context["citation"] = self.apa_citation(request)
        return context

    # --- listing and structured data --------------------------------------------------

    def finder_kind(self):
        return self.kind

    def card_kind(self):
        return self.get_kind_display()

    def card_bylines(self):
        publisher = [self.publisher.name] if self.publisher_id else []
        return [self.card_series(), *super().card_bylines(), *publisher]

    def structured_data(self, request):
        schema_type = {"rapport": "Report", "boek": "Book"}.get(self.kind, "CreativeWork")
        publisher = (
            seo.organisation_data(self.publisher) if self.publisher_id else publisher_data(request)
        )
        data = seo.creative_work_data(
            self,
            request,
            schema_type,
            authors=self.authors,
            publisher=publisher,
            modified=self.date_modified,
        )
        if self.part_number:
            data["position"] = self.part_number
        if self.commissioner_id:
            data["funder"] = seo.organisation_data(self.commissioner)
        if self.external_url:
            data["sameAs"] = self.external_url
        return data

    def _download(self, text, content_type, extension):
        response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
        filename = slugify(self.title)[:80] or "publicatie"
        response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
        return response

    @path("ris/", name="ris")
    def ris_download(self, request):
        ris = citations.ris(self.reference(request, keywords=True))
        return self._download(ris, "application/x-research-info-systems", "ris")

    @path("bib/", name="bib")
    def bibtex_download(self, request):
        return self._download(
            citations.bibtex(self.reference(request)), "application/x-bibtex", "bib"
        )


class PublicationIndexPage(SectionIndexPage):
    """The publications section: reports, books, essays and case studies."""

    listing_model = PublicationPage
    kind_choices = PublicationPage.Kind.choices
    finder_kind_choices = PublicationPage.Kind.choices
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = "publicatieoverzicht"

    def listing(self):
        """The publications directly in the section, a series as one item with its number
        of parts (``part_count``); the parts are listed on the series' page (and found by
        search and on the theme pages)."""
        return (
            self.publications()
            .filter(depth=self.depth + 1)
            .annotate(
                part_count=part_count(),
                series_title=Value("", output_field=models.CharField()),
            )
        )

    def matching(self, queryset, selection):
        """A series is listed when it or one of its parts matches: filtering on the kind
        'casus' finds the series of cases, a theme of one part finds its series."""
        if not selection.filters:
            return queryset
        found = Page.objects.filter(pk__in=super().matching(Page.objects.all(), selection))
        return queryset.filter(Exists(found.filter(path__startswith=OuterRef("path"))))

    def publications(self):
        """Every live, public publication in the section, parts of a series included."""
        authors = PageAuthor.objects.select_related("person")
        return (
            super()
            .listing()
            .select_related("publisher", "document")
            .prefetch_related(models.Prefetch("page_authors", queryset=authors))
        )

    def teasers(self, *, theme=None, limit=None):
        """The home page's newest publications (a series as one); on a theme page also the
        parts of a series that carry the theme, each with its series."""
        if theme is None:
            return super().teasers(limit=limit)
        queryset = self.publications().filter(page_themes__theme=theme)
        items = list(queryset[: limit or self.teaser_count])
        PublicationPage.prepare_cards(items)
        return items
