"""The shortcuts around Wagtail internals answer exactly as Wagtail does.

``DossierHomePage.route`` finds a page in two queries instead of two per level,
``without_restricted`` and ``CachedViewRestrictionsMixin`` read the view restrictions kept
for the content version instead of querying them each time, and the sitemap
(``sitemap_entries``) reads two columns per page instead of loading every page as its specific
type.
Each is compared here with Wagtail's own implementation on every URL of the demo dossier and
of synthetic bench data, with the routes of routable pages, unknown paths, an alias and
restricted subtrees.
"""

import pytest
from django.contrib.sites.requests import RequestSite
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, PageViewRestriction

from bench.populate import populate
from dossier.models import DossierHomePage, without_restricted
from dossier.site_files import sitemap_entries
from tests import pages

#: Routes that pages add below their own address, and paths that lead nowhere.
SUFFIXES = ["", "feed/", "ris/", "agenda.ics", "bedankt/", "bestaat-niet/", "feed/extra/"]


def _answer(route, home, path):
    """What routing ``path`` under ``home`` gives: the page, its type and the route's
    view and arguments; or 404."""
    request = RequestFactory().get("/" + path)
    components = [part for part in path.split("/") if part]
    try:
        result = route(home, request, components)
    except Http404:
        return "404"
    page, args, kwargs = result
    args = tuple(getattr(arg, "__name__", arg) for arg in args or ())
    return (page.pk, type(page).__name__, repr(args), repr(kwargs))


def _paths(home):
    """Every page's path under the home page, each with every suffix."""
    paths = {"", "bestaat-niet/", "nieuws/bestaat-niet/diep/"}
    for url_path in Page.objects.descendant_of(home).values_list("url_path", flat=True):
        relative = url_path[len(home.url_path) :]
        paths.update(relative + suffix for suffix in SUFFIXES)
    return sorted(paths)


def _assert_same_routes(home):
    paths = _paths(home)
    differences = [
        (path, ours, wagtails)
        for path in paths
        if (ours := _answer(DossierHomePage.route, home, path))
        != (wagtails := _answer(Page.route, home, path))
    ]
    assert not differences, differences[:10]
    return len(paths)


def _assert_same_restrictions():
    for page in Page.objects.specific():
        ours = set(page.get_view_restrictions().values_list("pk", flat=True))
        wagtails = set(Page.get_view_restrictions(page).values_list("pk", flat=True))
        assert ours == wagtails, page.url_path
    querysets = [Page.objects.all(), Page.objects.live(), Page.objects.filter(depth__gte=3)]
    for queryset in querysets:
        assert set(without_restricted(queryset).values_list("pk", flat=True)) == set(
            queryset.public().values_list("pk", flat=True)
        )


def _assert_same_sitemap():
    """The pages' entries of our sitemap are those of Wagtail's own sitemap."""
    request = RequestFactory().get("/sitemap.xml")
    theme_hubs = "/thema/"
    ours = [
        (address, timezone.localdate(modified) if modified else None)
        for address, modified in sitemap_entries(request)
        if theme_hubs not in address
    ]
    urls = Sitemap(request).get_urls(site=RequestSite(request), protocol="http")
    wagtails = [
        (url["location"], timezone.localdate(url["lastmod"]) if url["lastmod"] else None)
        for url in urls
    ]
    assert ours == wagtails
    return len(ours)


@pytest.fixture
def home():
    return DossierHomePage.objects.get()


@pytest.mark.django_db
def test_every_demo_url_routes_as_wagtail_routes_it(home):
    assert _assert_same_routes(home) > 300


@pytest.mark.django_db
def test_the_sitemap_lists_the_demo_as_wagtails_sitemap_does():
    assert _assert_same_sitemap() > 50


@pytest.mark.django_db
def test_routes_agree_with_an_alias_a_draft_and_restricted_subtrees(home):
    original = pages.news("Bericht met een alias")
    opinion = Page.objects.get(depth=3, slug="opinie")
    alias = original.create_alias(parent=opinion, update_slug="alias-van-een-bericht")
    pages.news("Concept dat niemand ziet", live=False)
    pages.make_private(pages.blog("Besloten blog"))
    pages.make_private(Page.objects.get(depth=3, slug="bronnen"))

    _assert_same_routes(home)
    answer = _answer(DossierHomePage.route, home, "opinie/alias-van-een-bericht/")
    assert answer[0] == alias.pk
    _assert_same_restrictions()
    _assert_same_sitemap()


@pytest.mark.django_db
def test_restrictions_agree_without_any_and_with_several(home):
    _assert_same_restrictions()
    PageViewRestriction.objects.create(
        page=Page.objects.get(depth=3, slug="publicaties"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    pages.make_private(pages.news("Besloten bericht"))
    _assert_same_restrictions()


@pytest.mark.django_db
def test_bench_data_routes_and_restrictions_agree(home):
    populate(120)
    pages.make_private(Page.objects.filter(depth=4).order_by("-pk").first())
    assert _assert_same_routes(home) > 900
    _assert_same_restrictions()
    assert _assert_same_sitemap() > 150
