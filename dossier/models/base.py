"""The abstract base of every content page (news, blogs, projects, events, publications,
sources) and the breadcrumb trail; its admin form and panels are in ``page_forms``."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst, slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from .. import seo
from ..blocks import BodyBlock
from ..serializers import ChangeNoteSerializer, ThemeSerializer
from .fields import optional_link
from .page_forms import (
    BasePageForm,
    HiddenFieldPanel,
    LivePagePanel,
    ThemesPanel,
)
from .related import related_pages
from .sections import section_indexes
from .shared import CachedViewRestrictionsMixin, publisher_data
from .snippets import PageAuthor, PageTheme, TaggedPage


def home_crumb(request):
    """The first breadcrumb of a page outside the page tree (search, theme hubs): the home
    page under its own title, as on every page in the tree."""
    site = Site.find_for_request(request) if request is not None else None
    title = site.root_page.title if site is not None else "Home"
    return {"title": title, "url": "/"}


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


def page_ancestors(page, request):
    """The ancestors of ``page`` from the home page (depth 2) down, for the breadcrumbs and
    the section index (depth 3) that tags link to. A page directly in a section gets them
    without a query, from the site's root page and the sections kept for the content
    version; a deeper page (a part of a series) in one query."""
    site = Site.find_for_request(request) if request is not None else None
    if site is not None and page.depth == SECTION_ITEM_DEPTH:
        parent_path = page.path[: -page.steplen]
        for section in section_indexes(request):
            if section.path == parent_path and parent_path[: -page.steplen] == site.root_page.path:
                return [site.root_page, section]
    return list(page.get_ancestors().filter(depth__gte=2).only("title", "url_path", "depth"))


#: The depth of a page directly in a section (root > home > section index > page).
SECTION_ITEM_DEPTH = 4


#: Routes of section indexes (feed/) and publications (ris/, bib/) that a child page's slug
#: would hide.
RESERVED_SLUGS = frozenset({"feed", "ris", "bib"})


#: The longest change note: a few sentences, as readers see it in the page's history.
def labelled(label, value):
    """``"label value"`` for a card or meta line, or nothing when there is no value: the
    lists that hold these lines drop the empty ones (see ``BasePage.card``)."""
    value = str(value or "").strip()
    return f"{label} {value}" if value else ""


def nested_related_lookups(search_fields, prefix=""):
    """The ``prefetch_related`` lookups of the relations below the first level of
    ``RelatedFields`` in ``search_fields`` (``page_themes__theme``); modelsearch's own
    ``get_indexed_objects`` fetches only the first level."""
    for field in search_fields:
        if isinstance(field, index.RelatedFields):
            path = f"{prefix}{field.field_name}"
            if prefix:
                yield path
            yield from nested_related_lookups(field.fields, f"{path}__")


class StreamSearchField(index.SearchField):
    """A ``SearchField`` for a StreamField that walks the blocks once per value: the
    PostgreSQL backend asks each search field for its value four times per page indexed (for
    the title and body vectors and texts), and a body's text comes from parsing every rich
    text block. The text is kept on the StreamValue, which a new body replaces; a body
    changed in place (``page.body.append(...)``) would keep its old text until the page is
    loaded again, and the dossier never does that."""

    def get_value(self, obj):
        stream = getattr(obj, self.field_name)
        text = getattr(stream, "_searchable_text", None)
        if text is None:
            text = stream._searchable_text = super().get_value(obj)
        return text


class BasePage(CachedViewRestrictionsMixin, Page):
    """What every dossier content page shares: intro, image, body, date, themes, tags,
    and the listing and SEO fields in the promote tab."""

    intro = models.TextField(
        "inleiding",
        max_length=600,
        help_text="Eén tot drie zinnen die zeggen waar de pagina over gaat. Staat boven de tekst.",
    )
    image = optional_link("wagtailimages.Image", "afbeelding")
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
    listing_image = optional_link(
        "wagtailimages.Image",
        "afbeelding in overzichten",
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
        MultiFieldPanel([ThemesPanel("themes"), FieldPanel("tags")], heading="Thema's en tags")
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
    change_panels = [
        LivePagePanel(
            [
                FieldPanel("change_note"),
                FieldPanel("change_important"),
                HiddenFieldPanel("change_note_id"),
            ],
            heading="Wijziging",
        )
    ]
    content_panels = [
        *title_panels,
        *date_panels,
        *text_panels,
        *taxonomy_panels,
        *related_panels,
        *change_panels,
    ]
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
        StreamSearchField("body"),
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
        APIField(
            "change_notes",
            serializer=ChangeNoteSerializer(
                source="published_change_notes", many=True, read_only=True
            ),
        ),
    ]

    #: Whether cards of this type show their authors (the listing prefetches them).
    lists_authors = False
    #: Whether the page is an article that readers read through, so that its reading time
    #: means something; types with a programme, a download or a link leave it off.
    is_article = False
    #: Minutes below which a reading time tells a reader nothing.
    reading_time_minimum = 2

    #: The child relation whose items have a ``date`` that counts as an update of the page
    #: (a project's updates), for "Bijgewerkt op" and the finder; None for most types.
    update_relation = None

    base_form_class = BasePageForm

    class Meta:
        abstract = True

    @classmethod
    def get_indexed_objects(cls):
        """The pages of this type that the search index holds, fetched with everything their
        search fields read: without the nested relations (a page's themes and authors), a
        rebuild of the index took a query per theme and per author of every page."""
        return (
            super()
            .get_indexed_objects()
            .prefetch_related(*nested_related_lookups(cls.get_search_fields()))
        )

    @property
    def themes(self):
        """The page's themes by name (from ``prefetch_related(PageTheme.prefetch())`` when a
        listing fetched them)."""
        fetched = {
            *getattr(self, "_prefetched_objects_cache", {}),
            *getattr(self, "_cluster_related_objects", {}),
        }
        if "page_themes" not in fetched:
            if self.pk is None:
                return []  # a new page that was given no themes yet
            models.prefetch_related_objects([self], PageTheme.prefetch())
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
        """The image of the page's listing card: the listing image, else the page's image;
        None when the editor chose neither."""
        return self.listing_image or self.image

    @property
    def card_image_alt(self):
        """The text alternative of the card image: the page image's alt text, or the
        description that the image library holds for a separate listing image."""
        if self.listing_image_id and self.listing_image_id != self.image_id:
            return self.listing_image.description
        return self.image_alt

    def finder_kind(self):
        """The finder's "soort" of this page: a value of its section's
        ``finder_kind_choices``; types with kinds give their kind."""
        return slugify(self._meta.verbose_name)

    def card_kind(self):
        """The kind of page that a listing card and the page itself name; types with kinds
        name the kind."""
        return capfirst(self._meta.verbose_name)

    def card_event(self):
        """The event whose time and place a card shows: None but for events."""
        return None

    def card_series(self):
        """The line that places the page in a series ("Deel 3 van 8 · ..."): none but for
        types with series."""
        return ""

    def card_key(self):
        """What the page's card shows of other pages, beside the page's own revision (the
        cached card is kept under both, see ``dossier.fragments``); nothing by default."""
        return ()

    @classmethod
    def prepare_cards(cls, pages):
        """Fetch at once what the cards of ``pages`` (of this type) need beyond the listing
        query, so that a list of cards costs no query per card; nothing by default."""

    def card_bylines(self):
        """The lines under a card's summary: its authors, for types that list them. A label
        never stands without its value: a page without authors has no "Door" line."""
        if not self.lists_authors:
            return []
        names = [link.person.name for link in self.page_authors.all()]
        return [labelled("Door", ", ".join(names))]

    @cached_property
    def card(self):
        """What a listing card shows besides the title and summary.

        Computed here rather than probed in the template: a template lookup of an attribute
        that a type lacks costs a ``dir()`` of the page, about a quarter of a millisecond.
        """
        return {
            "kind": self.card_kind(),
            "event": self.card_event(),
            "bylines": [line for line in self.card_bylines() if line],
        }

    @cached_property
    def reading_time(self):
        """Minutes to read the intro and body at 200 words a minute, at least one."""
        texts = self.body.stream_block.get_searchable_content(self.body)
        words = len(" ".join([self.intro, *texts]).split())
        return max(1, round(words / 200))

    @property
    def shows_reading_time(self):
        """Only articles of some length show their reading time."""
        return self.is_article and self.reading_time >= self.reading_time_minimum

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

    @property
    def published_change_notes(self):
        """Every published change note of the page, newest first (for the API)."""
        return self.change_notes.published() if self.pk else []

    @cached_property
    def change_history(self):
        """The page's published important changes, newest first: what "Alle wijzigingen"
        lists (one query)."""
        if self.pk is None:
            return []
        return list(
            self.change_notes.published().important().only("page_id", "text", "published_at")
        )

    @cached_property
    def last_update(self):
        """The day of the page's last important change: its last important change note, or
        for types with dated updates their latest update dated today or earlier; None when
        there is none. The same answer as ``changes.last_updated_dates`` gives the finder."""
        days = [note.date for note in self.change_history[:1]]
        if self.update_relation:
            # Fetched once, for the page's timeline as well.
            models.prefetch_related_objects([self], self.update_relation)
            today = timezone.localdate()
            items = getattr(self, self.update_relation).all()
            days.extend(item.date for item in items if item.date <= today)
        return max(days, default=None)

    @property
    def shows_last_update(self):
        """ "Bijgewerkt op" says something only after the page's own date."""
        return self.last_update is not None and self.last_update > self.date

    @property
    def date_modified(self):
        """When the content last changed for readers (schema.org ``dateModified``): the last
        important change when there is one, else the last publication."""
        return self.last_update or self.last_published_at

    def structured_data(self, request):
        """This page as schema.org data for its JSON-LD; the section types refine it."""
        return seo.web_page_data(
            self, request, publisher_data(request), modified=self.date_modified
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_pages"] = related_pages(self)
        context["page_themes"] = self.themes
        context["page_tags"] = list(self.tags.all())
        ancestors = page_ancestors(self, request)
        context["section"] = next((a for a in ancestors if a.depth == 3), None)
        context["breadcrumb_trail"] = breadcrumb_trail(self, request, ancestors)
        return context
