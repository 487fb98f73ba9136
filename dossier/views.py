"""Theme hubs: every theme, and a theme's content across the sections."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from .listing import Selection
from .models import home_crumb, section_indexes, themes
from .models.finder import Finder
from .ops import cache_tags

#: How many of a section's items a theme hub shows; the finder lists them all.
HUB_ITEMS = 5


def theme_list(request):
    return render(
        request,
        "dossier/theme_list.html",
        {
            "themes": themes(),
            "breadcrumb_trail": [home_crumb(request), {"title": "Thema's", "url": None}],
        },
    )


def theme_detail(request, slug):
    """A theme across the sections: the newest items of each, and how many there are in
    all, with a link into the finder for the rest (one query counts them)."""
    theme = next((theme for theme in themes() if theme.slug == slug), None)
    if theme is None:
        raise Http404("Geen thema met deze naam.")
    cache_tags.lists_theme(theme.pk)
    cache_tags.reads_params()
    sections = section_indexes(request)
    today = timezone.localdate()
    finder = Finder(Selection(theme=theme.slug), sections=sections, themes=themes(), today=today)
    counts = finder.section_counts()
    total = sum(counts.values())
    groups = []
    for index in sections:
        count = counts.get(index.pk, 0)
        items = index.teasers(theme=theme, limit=HUB_ITEMS) if count else []
        if items:
            groups.append({"index": index, "items": items, "count": count})
    return render(
        request,
        "dossier/theme_detail.html",
        {
            "theme": theme,
            "groups": groups,
            "total": total,
            "breadcrumb_trail": [
                home_crumb(request),
                {"title": "Thema's", "url": "/thema/"},
                {"title": theme.name, "url": None},
            ],
        },
    )
