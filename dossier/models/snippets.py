"""The shared snippets (themes, organisations, people) and the relations every page can
have: tags, authors and editor-picked related pages."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable
from wagtail.search import index

from .fields import optional_link

# --- Snippets -------------------------------------------------------------------------


class Theme(index.Indexed, models.Model):
    """A theme that cuts across the sections, such as "klimaat en energie"."""

    name = models.CharField("naam", max_length=80, unique=True)
    slug = models.SlugField(
        "slug",
        max_length=80,
        unique=True,
        help_text="Het laatste deel van het webadres van het thema, bijvoorbeeld 'mobiliteit'.",
    )
    description = models.TextField(
        "korte omschrijving",
        blank=True,
        max_length=600,
        help_text="Eén of twee zinnen die zeggen waar het thema over gaat.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "thema"
        verbose_name_plural = "thema's"

    def __str__(self):
        return self.name


class Organisation(index.Indexed, models.Model):
    """A publisher, source owner or employer."""

    class Kind(models.TextChoices):
        GOVERNMENT = "overheid", "Overheid"
        MUNICIPALITY = "gemeente", "Gemeente"
        COMPANY = "bedrijf", "Bedrijf"
        KNOWLEDGE = "kennisinstelling", "Kennisinstelling"
        CIVIL_SOCIETY = "maatschappelijk", "Maatschappelijke organisatie"

    name = models.CharField("naam", max_length=160, unique=True)
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    website = models.URLField("website", blank=True)
    is_own = models.BooleanField(
        "eigen organisatie",
        default=False,
        help_text="Aanvinken voor het kennisinstituut dat dit dossier uitgeeft.",
    )

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("website"), FieldPanel("is_own")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"

    def __str__(self):
        return self.name


def names_organisation(role, organisation):
    """Whether a role already names the organisation, as in "minister van Binnenlandse Zaken"
    for the "Ministerie van Binnenlandse Zaken": the organisation's name, or its name without
    the first word when at least two words remain, appears in the role."""
    role, name = role.casefold(), organisation.casefold()
    rest = name.split(maxsplit=1)[1] if len(name.split()) > 2 else ""
    return name in role or bool(rest and rest in role)


class Person(index.Indexed, models.Model):
    """An author, speaker or contact person."""

    name = models.CharField("naam", max_length=160)
    role = models.CharField(
        "functie",
        max_length=160,
        blank=True,
        help_text="Bijvoorbeeld 'wethouder' of 'onderzoeker'.",
    )
    organisation = optional_link(Organisation, "organisatie", related_name="people")
    photo = optional_link("wagtailimages.Image", "foto")
    email = models.EmailField(
        "e-mailadres",
        blank=True,
        help_text="Alleen zichtbaar waar een redacteur dat kiest, zoals bij een contactpersoon.",
    )
    phone = models.CharField(
        "telefoonnummer",
        max_length=40,
        blank=True,
        help_text="Alleen zichtbaar waar een redacteur dat kiest.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading="Contactgegevens"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "persoon"
        verbose_name_plural = "personen"

    def __str__(self):
        return self.name

    @property
    def role_line(self):
        """The "role, organisation" line that readers see under a name."""
        organisation = self.organisation.name if self.organisation_id else ""
        if organisation and names_organisation(self.role, organisation):
            organisation = ""
        return ", ".join(part for part in (self.role, organisation) if part)


# --- Tags -----------------------------------------------------------------------------


class TaggedPage(TaggedItemBase):
    """One tag table for every page type, so tags can be browsed across sections.

    The table points at ``wagtailcore.Page``, so filter a page type by tag through
    ``tagged_items__tag__slug``; ``tags__slug`` joins on the wrong column for subclasses.
    Reading (``page.tags.all()``, ``prefetch_related("tags")``) works as usual.
    """

    content_object = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "tag van een pagina"
        verbose_name_plural = "tags van pagina's"


class PageTheme(models.Model):
    """One theme of one page: one table for every page type, keyed on ``wagtailcore.Page``
    (as ``TaggedPage`` is), so that theme hubs, related pages, filters and search ask one
    table. Editors tick the themes on the page form (``BasePageForm``); a page reads them
    as ``page.themes``; querysets filter through ``page_themes__theme``."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="page_themes")
    theme = models.ForeignKey(
        Theme, verbose_name="thema", on_delete=models.CASCADE, related_name="page_links"
    )

    class Meta:
        verbose_name = "thema van een pagina"
        verbose_name_plural = "thema's van pagina's"
        constraints = [
            models.UniqueConstraint(fields=["page", "theme"], name="unique_theme_per_page")
        ]

    def __str__(self):
        return self.theme.name

    @classmethod
    def prefetch(cls):
        """Fetches the themes of a list of pages in one query: ``prefetch_related(...)``."""
        return models.Prefetch("page_themes", queryset=cls.objects.select_related("theme"))


class PageAuthor(Orderable):
    """An author of a blog or publication, in the order the editor chose."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="page_authors")
    person = models.ForeignKey(
        Person, verbose_name="persoon", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = "auteur"
        verbose_name_plural = "auteurs"


class RelatedPageLink(Orderable):
    """A page the editor links as related; shown before the automatic suggestions."""

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="related_page_links"
    )
    target = models.ForeignKey(
        "wagtailcore.Page", verbose_name="pagina", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = "gerelateerde pagina"
        verbose_name_plural = "gerelateerde pagina's"
