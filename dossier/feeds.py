"""RSS 2.0 feeds: the whole dossier (``/feeds/``), one section (``<section>/feed/``, a
route of the index page) and one theme (``/thema/<slug>/feed/``).

Every feed reads the sections' own ``listing()``, so a feed shows exactly the live, public
pages that the index shows. ``urlpatterns`` is included by ``dossier/urls.py`` before
Wagtail's catch-all, with the path that lets Wagtail serve the ``agenda.ics`` routes of
``projects``.
"""

from django.shortcuts import get_object_or_404
from django.urls import path, re_path, reverse
from wagtail import views as wagtail_views

from .models import Theme, section_indexes
from .ops import cache_tags
from .seo import absolute_url
from .syndication import SITE_NAME, DossierFeed, plain_text


class SiteFeed(DossierFeed):
    """The whole dossier: the newest items of every section together."""

    title = SITE_NAME
    description = "Het nieuwste uit alle rubrieken van het Kennisdossier Smart Society."

    def link(self):
        return absolute_url(self.request, "/")

    def items(self):
        pages = []
        for index in section_indexes(self.request):
            pages += self.section_items(index)
        return self.newest(pages)


class ThemeFeed(DossierFeed):
    """One theme across the sections, beside its hub at ``/thema/<slug>/``."""

    def get_object(self, request, slug):
        theme = get_object_or_404(Theme, slug=slug)
        cache_tags.lists_theme(theme.pk)
        return theme

    def title(self, theme):
        return f"{plain_text(theme.name)} | {SITE_NAME}"

    def description(self, theme):
        return plain_text(theme.description) or f"Alles over {theme.name.lower()} in het dossier."

    def link(self, theme):
        # On the site's own address, as the page links are.
        return absolute_url(self.request, reverse("theme_detail", args=[theme.slug]))

    def items(self, theme):
        pages = []
        for index in section_indexes(self.request):
            pages += self.section_items(index, page_themes__theme=theme)
        return self.newest(pages)


urlpatterns = [
    path("feeds/", SiteFeed(), name="site_feed"),
    path("thema/<slug:slug>/feed/", ThemeFeed(), name="theme_feed"),
    # Wagtail serves only paths of slugs ending in a slash; calendar routes of pages
    # (projects/models.py) end in ".ics", so hand those paths to Wagtail here.
    re_path(r"^((?:[\w-]+/)*agenda\.ics)$", wagtail_views.serve, name="page_calendar"),
]
