"""Small site-wide data that every page needs, kept for one content version.

The view restrictions, the themes and the site settings change only when an editor publishes,
moves or restricts a page or saves a snippet or the settings; those changes raise the page
cache's content version (``dossier.ops.versioned``), so these values cost no query on the next
page that renders them.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction, Site

from .. import seo
from ..ops.versioned import versioned
from .site_settings import DossierSettings
from .snippets import Theme


def dossier_settings(site):
    """The site settings (publisher, contact, footer) of ``site``."""
    return versioned(f"settings:{site.pk}", lambda: DossierSettings.for_site(site))


def publisher_data(request):
    """The institute that publishes the dossier, named in the site settings, as schema.org
    data."""
    site = Site.find_for_request(request) if request is not None else None
    name = dossier_settings(site).organisation_name if site else seo.site_name(None)
    return seo.organisation_reference(request, name)


def themes():
    """Every theme, by name (the filters, the home page, search and the theme list)."""
    return versioned("themes", lambda: list(Theme.objects.all()))


def view_restrictions():
    """[(path of the restricted page, restriction id)] of every view restriction."""
    return versioned(
        "view-restrictions",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "pk")),
    )


def without_restricted(queryset, path_field="path"):
    """The pages of ``queryset`` that no view restriction covers: the same answer as
    Wagtail's ``PageQuerySet.public()``, from the restrictions kept for the content version
    instead of a query each time (tests/test_wagtail_equivalence.py compares the two).
    ``path_field`` names the page's path from another model (the finder's ``page__path``)."""
    paths = {path for path, _pk in view_restrictions()}
    if not paths:
        return queryset
    hidden = Q()
    for path in paths:
        hidden |= Q(**{f"{path_field}__startswith": path})
    return queryset.exclude(hidden)


class CachedViewRestrictionsMixin:
    """Pages check their view restrictions (Wagtail does on every serve) without a query
    when none applies; an alias keeps Wagtail's own check."""

    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()
        ids = [pk for path, pk in view_restrictions() if self.path.startswith(path)]
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
