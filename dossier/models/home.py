"""The site root (the dossier's home page) and standard pages."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .. import seo
from ..blocks import BodyBlock
from ..ops import cache_tags
from .base import BasePage
from .fields import optional_link
from .sections import section_indexes
from .shared import CachedViewRestrictionsMixin, publisher_data, themes, without_restricted


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
    featured_page = optional_link(
        "wagtailcore.Page",
        "uitgelicht",
        help_text="Een pagina die bovenaan de homepage opvalt. Leeg: het nieuwste bericht uit "
        "de rubrieken staat er.",
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
        cache_tags.lists_everything()
        sections = [s for s in section_indexes(request) if s.show_in_menus]
        teasers = {section.pk: section.home_teasers() for section in sections}
        next_event = next(
            filter(None, (section.next_event(teasers[section.pk]) for section in sections)), None
        )
        featured = self.featured(teasers.values(), exclude=next_event)
        shown = {page.pk for page in (featured, next_event) if page is not None}
        context.update(
            featured=featured,
            next_event=next_event,
            sections=[
                {
                    "index": section,
                    "items": [item for item in teasers[section.pk] if item.pk not in shown],
                }
                for section in sections
            ],
            themes=themes(),
        )
        return context

    def featured(self, teaser_lists, exclude=None):
        """The page that the editors feature, when it is live and public; else the newest
        item of the sections' teasers that has appeared (not an event still to come)."""
        chosen = self.featured_page
        if chosen is not None and chosen.live:
            model = chosen.specific_class
            pages = without_restricted(model.objects.filter(pk=chosen.pk))
            if issubclass(model, BasePage):  # its card image comes along
                pages = pages.select_related("listing_image", "image")
            return pages.first()
        today = timezone.localdate()
        candidates = [
            item
            for items in teaser_lists
            for item in items
            if item.date <= today and (exclude is None or item.pk != exclude.pk)
        ]
        return max(candidates, key=lambda item: (item.date, item.pk), default=None)

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
