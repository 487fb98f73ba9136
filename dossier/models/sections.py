"""The abstract base of the five section index pages, and the sections of a site."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, Site
from wagtail.search import index

from .. import seo
from ..listing import FilterForm, paginate
from ..ops import cache_tags
from ..ops.versioned import versioned
from ..syndication import SectionFeed
from .finder import Finder
from .shared import CachedViewRestrictionsMixin, publisher_data, themes, without_restricted
from .snippets import PageTheme

#: What a list of cards prefetches to show their images (BasePage.card_image) from the
#: images that the listing selects: two queries, and none when no card has an image.
CARD_IMAGE_RENDITIONS = ("listing_image__renditions", "image__renditions")


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
    #: The finder's kinds of this section's pages: [(value of ``finder_kind()``, label)].
    finder_kind_choices: list[tuple[str, str]] = []
    #: How many items the home page and theme hubs show of this section.
    teaser_count = 3

    class Meta:
        abstract = True

    def listing(self):
        """The one listing of this section: live, public items, newest first.

        Used by the index, its feed, the home page and the theme hubs. The cards' images
        come with it (a join); their renditions are prefetched where cards show them.
        """
        return (
            without_restricted(self.listing_model.objects.live())
            .descendant_of(self)
            .select_related("listing_image", "image")
            .defer_streamfields()
            .order_by("-date", "-pk")
        )

    def newest_with_themes(self, count, **filters):
        """The newest ``count`` items (with ``filters``) and their themes, for the feeds: by
        date, whatever order the index lists them in."""
        newest = self.listing().filter(**filters).order_by("-date", "-pk")
        return list(newest.prefetch_related(PageTheme.prefetch())[:count])

    def filter_fields(self):
        """The section's own filters beside thema, soort, jaar and tag."""
        return {}

    def filter_form(self, request):
        """The filters of this index: the finder's filters (one implementation), without
        words, section and order, plus the section's own."""
        listing = self.listing()
        years = versioned(
            f"years:{self.pk}",
            lambda: [d.year for d in listing.order_by().dates("date", "year", order="DESC")],
            tags=(cache_tags.SITE, f"s{self.pk}"),
        )
        kinds = self.finder_kind_choices if len(self.finder_kind_choices) > 1 else ()
        names = [name for name in FilterForm.SECTION_FIELDS if kinds or name != "soort"]
        return FilterForm(
            request.GET,
            themes=themes(),
            kinds=kinds,
            years=years,
            fields=names,
            extra_fields=self.filter_fields(),
            today=timezone.localdate(),
        )

    def matching(self, queryset, selection):
        """The items of ``queryset`` that the finder finds for ``selection`` in this section:
        its theme, kind, tag and period filters."""
        if not selection.filters:
            return queryset
        found = Finder(selection, sections=[self], themes=themes(), today=timezone.localdate())
        return queryset.filter(pk__in=found.ids())

    def apply_filters(self, queryset, active):
        """The section's own filters (``filter_fields``); none by default."""
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

    def next_event(self, teasers):
        """The first upcoming event among this section's ``home_teasers()``, for the home
        page; sections without events have none."""
        return None

    def teasers(self, *, theme=None, limit=None):
        """The newest items for the home page or a theme hub."""
        queryset = self.listing()
        if theme is not None:
            queryset = queryset.filter(page_themes__theme=theme)
        return list(queryset[: limit or self.teaser_count])

    def serve(self, request, *args, **kwargs):
        """Every view of the index (the listing, its feed, a calendar) lists the section."""
        cache_tags.lists_section(self.pk)
        return super().serve(request, *args, **kwargs)

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return SectionFeed()(request, index=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form(request)
        cache_tags.reads_params(*form.fields, "page")
        items = self.matching(self.listing(), form.selection())
        items = self.apply_filters(items, form.active)
        items = items.prefetch_related(*CARD_IMAGE_RENDITIONS)
        context.update(
            paginate(request, items, base_query=form.query()),
            filter_form=form,
            active_filters=form.active_links(),
            ignored_filters=form.ignored,
            filter_notices=form.notices,
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
