"""Theme hubs: every theme, and a theme's content across the sections."""

from django.shortcuts import get_object_or_404, render
from wagtail.models import Page, Site

from .models import SectionIndexPage, Theme
from .shared_data import public, themes, versioned


def section_indexes(request):
    """The live section index pages under the site's home page, in menu order."""
    site = Site.find_for_request(request)
    if site is None:
        return []

    def sections():
        children = public(site.root_page.get_children().live())
        ids = [c.pk for c in children if issubclass(c.specific_class, SectionIndexPage)]
        return list(Page.objects.filter(pk__in=ids).order_by("path").specific())

    # The specific pages, kept for the content version: one query-free list for the home
    # page, the theme hubs, search and the feeds.
    return versioned(f"sections:{site.root_page_id}", sections)


def theme_list(request):
    return render(
        request,
        "dossier/theme_list.html",
        {
            "themes": themes(),
            "breadcrumb_trail": [{"title": "Home", "url": "/"}, {"title": "Thema's", "url": None}],
        },
    )


def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    groups = []
    for index in section_indexes(request):
        items = index.teasers(theme=theme, limit=5)
        if items:
            groups.append({"index": index, "items": items})
    return render(
        request,
        "dossier/theme_detail.html",
        {
            "theme": theme,
            "groups": groups,
            "breadcrumb_trail": [
                {"title": "Home", "url": "/"},
                {"title": "Thema's", "url": "/thema/"},
                {"title": theme.name, "url": None},
            ],
        },
    )
