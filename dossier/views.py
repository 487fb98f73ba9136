"""Theme hubs: every theme, and a theme's content across the sections."""

from django.shortcuts import get_object_or_404, render
from wagtail.models import Site

from .models import SectionIndexPage, Theme


def section_indexes(request):
    """The live section index pages under the site's home page, in menu order."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    children = site.root_page.get_children().live().public().specific()
    return [child for child in children if isinstance(child, SectionIndexPage)]


def theme_list(request):
    return render(
        request,
        "dossier/theme_list.html",
        {
            "themes": Theme.objects.all(),
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
