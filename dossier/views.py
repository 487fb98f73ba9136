"""Theme hubs: every theme, and a theme's content across the sections."""

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from .listing import Selection
from .models import CARD_IMAGE_RENDITIONS, Theme, home_crumb, section_indexes, themes
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
    theme = get_object_or_404(Theme, slug=slug)
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
    # The cards' images of every section at once: a constant number of queries.
    prefetch_related_objects(
        [item for group in groups for item in group["items"]], *CARD_IMAGE_RENDITIONS
    )
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
