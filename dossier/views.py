"""Theme hubs: every theme, and a theme's content across the sections."""

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render

from .models import CARD_IMAGE_RENDITIONS, Theme, home_crumb, section_indexes, themes


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
    theme = get_object_or_404(Theme, slug=slug)
    groups = []
    for index in section_indexes(request):
        items = index.teasers(theme=theme, limit=5)
        if items:
            groups.append({"index": index, "items": items})
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
            "breadcrumb_trail": [
                home_crumb(request),
                {"title": "Thema's", "url": "/thema/"},
                {"title": theme.name, "url": None},
            ],
        },
    )
