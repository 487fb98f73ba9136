"""Theme hubs: every theme, and a theme's content across the sections."""

from django.shortcuts import get_object_or_404, render
from wagtail.models import Site

from .models import SectionIndexPage, Theme


def section_indexes(request, *, specific=True):
    """The live section index pages under the site's home page, in menu order.

    ``specific=False`` saves a query per section when only titles, slugs and paths are needed.
    """
    site = Site.find_for_request(request)
    if site is None:
        return []
    children = site.root_page.get_children().live().public()
    if specific:
        return [child for child in children.specific() if isinstance(child, SectionIndexPage)]
    return [child for child in children if issubclass(child.specific_class, SectionIndexPage)]


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
