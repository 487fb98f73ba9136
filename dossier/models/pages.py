"""The abstract bases of dossier pages, the home page and standard pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from .. import seo
from ..blocks import BodyBlock
from ..listing import ListingFilterForm, paginate
from ..ops.versioned import versioned
from ..serializers import ThemeSerializer
from ..syndication import SectionFeed
from .related import related_pages
from .shared import CachedViewRestrictionsMixin, publisher_data, themes, without_restricted
from .snippets import PageAuthor, PageTheme, TaggedPage, Theme

# --- Abstract page bases --------------------------------------------------------------


def breadcrumb_trail(page, request, ancestors=None):
    """The breadcrumbs from the home page to ``page``: [{title, url}], the last one the page
    itself (url None); empty for the home page.

    ``ancestors`` (from depth 2) when the caller has them; a page directly under the home
    page needs no query, since the home page is selected with the site.
    """
    if page.depth <= 2:
        return []
    if ancestors is None:
        site = Site.find_for_request(request) if request is not None else None
        root = site.root_page if site is not None else None
        if root is not None and page.path[: -page.steplen] == root.path:
            ancestors = [root]
        else:
            ancestors = page.get_ancestors().filter(depth__gte=2).only("title", "url_path")
    return [
        *({"title": a.title, "url": a.get_url(request)} for a in ancestors),
        {"title": page.title, "url": None},
    ]


#: Routes of section indexes (feed/) and publications (ris/) that a child page's slug would hide.
RESERVED_SLUGS = frozenset({"feed", "ris"})


class BasePageForm(WagtailAdminPageForm):
    """The page form of every content type: the themes as checkboxes, stored as the page's
    ``page_themes`` (in memory until the page or its revision is saved, as Wagtail keeps
    every child relation)."""

    themes = forms.ModelMultipleChoiceField(
        Theme.objects.all(),
        label="Thema's",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].initial = [link.theme_id for link in self.instance.page_themes.all()]

    def save(self, commit=True):
        self.instance.themes = self.cleaned_data.get("themes") or []
        return super().save(commit=commit)


class BasePage(CachedViewRestrictionsMixin, Page):
    """What every dossier content page shares: intro, image, body, date, themes, tags,
    and the listing and SEO fields in the promote tab."""

    intro = models.TextField(
        "inleiding",
        max_length=600,
        help_text="Eén tot drie zinnen die zeggen waar de pagina over gaat. Staat boven de tekst.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="afbeelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        "alt-tekst van de afbeelding",
        max_length=250,
        blank=True,
        help_text="Beschrijf wat de afbeelding laat zien. Verplicht bij een afbeelding.",
    )
    body = StreamField(BodyBlock(), verbose_name="tekst", blank=True)
    date = models.DateField(
        "datum",
        default=timezone.localdate,
        db_index=True,
        help_text="De datum waarop lezers de pagina zien verschijnen; lijsten sorteren hierop.",
    )
    tags = ClusterTaggableManager(
        "tags",
        through=TaggedPage,
        blank=True,
        help_text="Vrije trefwoorden, gescheiden door komma's.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="afbeelding in overzichten",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Laat leeg om de afbeelding van de pagina te gebruiken.",
    )
    listing_summary = models.CharField(
        "samenvatting in overzichten",
        max_length=300,
        blank=True,
        help_text="Laat leeg om de inleiding te gebruiken.",
    )

    # The edit form in named groups, which each page type composes with its own fields.
    title_panels = Page.content_panels
    date_panels = [FieldPanel("date")]
    text_panels = [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Afbeelding"),
        FieldPanel("body"),
    ]
    taxonomy_panels = [
        MultiFieldPanel([FieldPanel("themes"), FieldPanel("tags")], heading="Thema's en tags")
    ]
    related_panels = [
        InlinePanel(
            "related_page_links",
            heading="Gerelateerde pagina's",
            label="Gerelateerde pagina",
            help_text="Deze staan bovenaan bij 'Lees ook'; daarna volgen pagina's met "
            "dezelfde thema's en tags.",
        )
    ]
    content_panels = [*title_panels, *date_panels, *text_panels, *taxonomy_panels, *related_panels]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading="In overzichten",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "page_themes", [index.RelatedFields("theme", [index.SearchField("name")])]
        ),
    ]
    api_fields = [
        APIField("date"),
        APIField("intro"),
        APIField("image"),
        APIField("image_alt"),
        APIField("body"),
        APIField("themes", serializer=ThemeSerializer(many=True, read_only=True)),
        APIField("tags"),
        APIField("listing_summary"),
    ]

    #: Whether cards of this type show their authors (the listing prefetches them).
    lists_authors = False

    base_form_class = BasePageForm

    class Meta:
        abstract = True

    @property
    def themes(self):
        """The page's themes by name (from ``prefetch_related("page_themes__theme")`` when a
        listing fetched them)."""
        fetched = {
            *getattr(self, "_prefetched_objects_cache", {}),
            *getattr(self, "_cluster_related_objects", {}),
        }
        if "page_themes" not in fetched:
            models.prefetch_related_objects([self], "page_themes__theme")
        return sorted((link.theme for link in self.page_themes.all()), key=lambda t: t.name)

    @themes.setter
    def themes(self, themes):
        """Give the page these themes; saved with the page or its next revision."""
        kept = {link.theme_id: link for link in self.page_themes.all()}
        self.page_themes = [kept.get(theme.pk) or PageTheme(theme=theme) for theme in themes]

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Geef een alt-tekst bij de afbeelding."})
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": f"'{self.slug}' is gereserveerd voor een feed of download."}
            )

    @property
    def summary(self):
        return self.listing_summary or self.intro

    @property
    def card_image(self):
        return self.listing_image or self.image

    def card_kind(self):
        """The kind of page that a listing card and the page itself name; types with kinds
        name the kind."""
        return capfirst(self._meta.verbose_name)

    def card_event(self):
        """The event whose time and place a card shows: None but for events."""
        return None

    def card_bylines(self):
        """The lines under a card's summary: its authors, for types that list them."""
        if not self.lists_authors:
            return []
        return ["Door " + ", ".join(link.person.name for link in self.page_authors.all())]

    @cached_property
    def card(self):
        """What a listing card shows besides the title and summary.

        Computed here rather than probed in the template: a template lookup of an attribute
        that a type lacks costs a ``dir()`` of the page, about a quarter of a millisecond.
        """
        return {
            "kind": self.card_kind(),
            "event": self.card_event(),
            "bylines": self.card_bylines(),
        }

    @cached_property
    def reading_time(self):
        """Minutes to read the intro and body at 200 words a minute, at least one."""
        texts = self.body.stream_block.get_searchable_content(self.body)
        words = len(" ".join([self.intro, *texts]).split())
        return max(1, round(words / 200))

    @cached_property
    def authors(self):
        """The people credited as authors, in the editor's order."""
        # Listings prefetch the authors; a single page fetches them here, in one query.
        models.prefetch_related_objects(
            [self],
            models.Prefetch(
                "page_authors",
                queryset=PageAuthor.objects.select_related("person__organisation"),
            ),
        )
        return [link.person for link in self.page_authors.all()]

    def structured_data(self, request):
        """This page as schema.org data for its JSON-LD; the section types refine it."""
        return seo.web_page_data(self, request, publisher_data(request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_pages"] = related_pages(self)
        context["page_themes"] = self.themes
        context["page_tags"] = list(self.tags.all())
        # One query for the breadcrumbs and for the section index (depth 3) that tags link
        # to, also from the parts of a publication series.
        ancestors = list(
            self.get_ancestors().filter(depth__gte=2).only("title", "url_path", "depth")
        )
        context["section"] = next((a for a in ancestors if a.depth == 3), None)
        context["breadcrumb_trail"] = breadcrumb_trail(self, request, ancestors)
        return context


class SectionIndexPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """What the five section index pages share: an intro, a place under the home page and
    an RSS feed at ``feed/``."""

    intro = models.TextField(
        "inleiding",
        max_length=800,
        blank=True,
        help_text="Wat lezers in deze rubriek vinden. Staat bovenaan de pagina en op de homepage.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["dossier.DossierHomePage"]
    max_count = 1

    #: The page type this section lists; set by each section.
    listing_model: type[Page] | None = None
    #: Choices of the ``soort`` filter, when the listed type has a ``kind`` field.
    kind_choices: list[tuple[str, str]] | None = None
    #: How many items the home page and theme hubs show of this section.
    teaser_count = 3

    class Meta:
        abstract = True

    def listing(self):
        """The one listing of this section: live, public items, newest first.

        Used by the index, its feed, the home page and the theme hubs.
        """
        return (
            without_restricted(self.listing_model.objects.live())
            .descendant_of(self)
            .defer_streamfields()
            .order_by("-date", "-pk")
        )

    def filter_fields(self):
        """The section's own filters beside thema, jaar and tag."""
        if not self.kind_choices:
            return {}
        return {
            "soort": forms.ChoiceField(
                label="Soort", required=False, choices=[("", "Alle soorten"), *self.kind_choices]
            )
        }

    def apply_filters(self, queryset, active):
        if "thema" in active:
            queryset = queryset.filter(page_themes__theme__slug=active["thema"])
        if "jaar" in active:
            queryset = queryset.filter(date__year=active["jaar"])
        if "tag" in active:
            queryset = queryset.filter(tagged_items__tag__slug=active["tag"])
        if "soort" in active:
            queryset = queryset.filter(kind=active["soort"])
        return queryset

    def structured_data(self, request):
        return seo.web_page_data(self, request, publisher_data(request), "CollectionPage")

    def get_cached_paths(self):
        """What a CDN purge of this section clears (wagtail.contrib.frontend_cache): the index
        and its feed."""
        return ["/", "feed/"]

    def home_teasers(self):
        """What the home page shows of this section; the newest items unless overridden."""
        return self.teasers()

    def teasers(self, *, theme=None, limit=None):
        """The newest items for the home page or a theme hub."""
        queryset = self.listing()
        if theme is not None:
            queryset = queryset.filter(page_themes__theme=theme)
        return list(queryset[: limit or self.teaser_count])

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return SectionFeed()(request, index=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.listing()
        years = versioned(
            f"years:{self.pk}",
            lambda: [d.year for d in listing.order_by().dates("date", "year", order="DESC")],
        )
        form = ListingFilterForm(
            request.GET, themes=themes(), years=years, extra_fields=self.filter_fields()
        )
        active = form.active
        items = self.apply_filters(listing, active)
        if "tag" in active:
            # A page carries a tag once, but the join is on the tag table: never list it twice.
            items = items.distinct()
        context.update(
            paginate(request, items, base_query=form.query()),
            filter_form=form,
            active_filters=form.active_links(),
            ignored_filters=form.ignored,
        )
        return context


def section_indexes(request):
    """The live section index pages under the site's home page, in menu order."""
    site = Site.find_for_request(request)
    if site is None:
        return []

    def sections():
        children = without_restricted(site.root_page.get_children().live())
        ids = [c.pk for c in children if issubclass(c.specific_class, SectionIndexPage)]
        return list(Page.objects.filter(pk__in=ids).order_by("path").specific())

    # The specific pages, kept for the content version: one query-free list for the home
    # page, the theme hubs, search and the feeds.
    return versioned(f"sections:{site.root_page_id}", sections)


# --- Concrete pages -------------------------------------------------------------------


class DossierHomePage(CachedViewRestrictionsMixin, Page):
    """The site root: what "smart society" means and what the dossier is for."""

    intro = models.TextField(
        "inleiding",
        max_length=600,
        help_text="De openingszin van het dossier, direct onder de titel.",
    )
    definition = models.TextField(
        "definitie",
        blank=True,
        max_length=1200,
        help_text="De definitie van smart society die het dossier hanteert.",
    )
    definition_source = models.CharField("bron van de definitie", blank=True, max_length=250)
    body = StreamField(BodyBlock(), verbose_name="tekst", blank=True)
    featured_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="uitgelicht",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Een pagina die bovenaan de homepage opvalt. Leeg: de blokken per rubriek "
        "vullen zich vanzelf met het nieuwste.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("definition"), FieldPanel("definition_source")], heading="Definitie"
        ),
        FieldPanel("body"),
        PageChooserPanel("featured_page"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("definition"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("definition"),
        APIField("definition_source"),
        APIField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "opinion.OpinionIndexPage",
        "projects.ProjectIndexPage",
        "publications.PublicationIndexPage",
        "sources.SourceIndexPage",
        "dossier.StandardPage",
        "contributions.ContributionFormPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "homepage van het dossier"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = [
            {"index": section, "items": section.home_teasers()}
            for section in section_indexes(request)
            if section.show_in_menus
        ]
        featured = self.featured_page
        context["featured"] = featured.specific if featured and featured.live else None
        context["themes"] = themes()
        return context

    def route(self, request, path_components):
        """Find the page for a URL in two queries (the deepest page on the path, then its
        specific type) instead of two for every level, then let that page route the rest
        (a feed, a download, an unknown child). The same pages answer as with Wagtail's
        level-by-level walk: url_path is the chain of slugs under this page."""
        components = [c for c in path_components if c]
        if not components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "".join(f"{c}/" for c in components[:n])
            for n in range(1, len(components) + 1)
        ]
        deepest = (
            Page.objects.descendant_of(self)
            .filter(slug__in=set(components), url_path__in=prefixes)
            .order_by("-depth")
            .only("id", "depth", "content_type_id")
            .first()
        )
        if deepest is None:
            return super().route(request, path_components)
        return deepest.specific.route(request, components[deepest.depth - self.depth :])

    def structured_data(self, request):
        """The dossier as a WebSite, with the search that search engines may offer."""
        return {
            **seo.website_data(request, seo.site_name(request), publisher_data(request)),
            "description": seo.page_description(self),
        }


class StandardPage(CachedViewRestrictionsMixin, Page):
    """About the dossier, privacy statement, accessibility statement, colophon."""

    intro = models.TextField("inleiding", max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name="tekst", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["dossier.DossierHomePage", "dossier.StandardPage"]
    subpage_types = ["dossier.StandardPage"]

    class Meta:
        verbose_name = "standaardpagina"
        verbose_name_plural = "standaardpagina's"
