from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from dossier import seo
from dossier.models import (
    BasePage,
    PageAuthor,
    SectionIndexPage,
    optional_link,
    publisher_data,
    without_restricted,
)
from dossier.serializers import OrganisationSerializer, PersonSerializer

RIS_TYPES = {
    "rapport": "RPRT",
    "boek": "BOOK",
    "essay": "GEN",
    "casus": "CASE",
    "handreiking": "GEN",
    "artikel": "JOUR",
}


def split_name(name):
    """("given names", "family name with its particles") of a Dutch name as written."""
    parts = name.split()
    if len(parts) < 2:
        return "", name
    return parts[0], " ".join(parts[1:])


def initials(given):
    """'Jan-Willem' -> 'J.-W.'"""
    return "-".join(f"{part[0]}." for part in given.split("-") if part)


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
        """The numbered parts of this publication, if it is a series."""
        return list(
            without_restricted(PublicationPage.objects.child_of(self).live())
            .defer_streamfields()
            .order_by("part_number", "path")
        )

    def series_context(self):
        """The series this page belongs to, its parts, and the previous and next part."""
        # Directly under the section index (home > index > page): a series itself, or alone.
        parent = self.get_parent().specific if self.depth > 4 else None
        if not isinstance(parent, PublicationPage):
            parts = self.parts()
            return {"series": self if parts else None, "parts": parts}
        parts = parent.parts()
        position = next((i for i, part in enumerate(parts) if part.pk == self.pk), None)
        previous_part = parts[position - 1] if position else None
        next_part = (
            parts[position + 1] if position is not None and position + 1 < len(parts) else None
        )
        return {
            "series": parent,
            "parts": parts,
            "previous_part": previous_part,
            "next_part": next_part,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.series_context())
        context["citation"] = self.apa_citation(request)
        return context

    # --- citation ---------------------------------------------------------------------

    def author_names(self):
        return [person.name for person in self.authors]

    def apa_citation(self, request=None):
        """An APA-style reference as HTML, every value escaped:
        Authors (year). <i>Title</i>. Publisher. URL"""
        people = []
        for name in self.author_names():
            given, family = split_name(name)
            people.append(f"{family}, {initials(given)}" if given else family)
        if len(people) > 1:
            authors = ", ".join(people[:-1]) + ", & " + people[-1]
        elif people:
            authors = people[0]
        else:
            authors = self.publisher.name if self.publisher_id else ""
        year = self.date.year
        parts = [format_html("{} ({}).", authors, year) if authors else format_html("({}).", year)]
        title = self.title
        if self.part_number:
            title = f"{title} (deel {self.part_number})"
        parts.append(format_html("<i>{}</i>.", title))
        if self.publisher_id and self.publisher.name != authors:
            parts.append(format_html("{}.", self.publisher.name))
        url = self.get_full_url(request)
        if url:
            parts.append(format_html("{}", url))
        return format_html_join(" ", "{}", ((part,) for part in parts))

    def ris(self, request=None):
        """The reference as RIS, for reference managers."""
        lines = [("TY", RIS_TYPES.get(self.kind, "GEN")), ("TI", self.title)]
        lines += [("AU", "{1}, {0}".format(*split_name(name))) for name in self.author_names()]
        lines.append(("PY", str(self.date.year)))
        lines.append(("DA", self.date.strftime("%Y/%m/%d")))
        if self.publisher_id:
            lines.append(("PB", self.publisher.name))
        lines.append(("UR", self.get_full_url(request) or ""))
        if self.intro:
            lines.append(("AB", self.intro))
        lines += [("KW", tag.name) for tag in self.tags.all()]
        lines.append(("ER", ""))
        # One line per field: values never carry a line break into the next field.
        return "".join(f"{tag}  - {' '.join(str(value).split())}\r\n" for tag, value in lines)

    # --- structured data --------------------------------------------------------------

    def card_kind(self):
        return self.get_kind_display()

    def card_bylines(self):
        publisher = [self.publisher.name] if self.publisher_id else []
        return [*super().card_bylines(), *publisher]

    def structured_data(self, request):
        schema_type = {"rapport": "Report", "boek": "Book"}.get(self.kind, "CreativeWork")
        publisher = (
            seo.organisation_data(self.publisher) if self.publisher_id else publisher_data(request)
        )
        data = seo.creative_work_data(
            self, request, schema_type, authors=self.authors, publisher=publisher
        )
        if self.part_number:
            data["position"] = self.part_number
        if self.external_url:
            data["sameAs"] = self.external_url
        return data

    @path("ris/", name="ris")
    def ris_download(self, request):
        response = HttpResponse(
            self.ris(request), content_type="application/x-research-info-systems; charset=utf-8"
        )
        filename = slugify(self.title)[:80] or "publicatie"
        response["Content-Disposition"] = f'attachment; filename="{filename}.ris"'
        return response


class PublicationIndexPage(SectionIndexPage):
    """The publications section: reports, books, essays and case studies."""

    listing_model = PublicationPage
    kind_choices = PublicationPage.Kind.choices
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = "publicatieoverzicht"

    def listing(self):
        authors = PageAuthor.objects.select_related("person")
        return (
            super()
            .listing()
            .select_related("publisher", "document")
            .prefetch_related(models.Prefetch("page_authors", queryset=authors))
        )
