"""Site-wide data kept in the cache per content version (dossier/ops/versioned.py) and the
two-query page lookup (DossierHomePage.route): never stale, same answers as Wagtail's own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from dossier.models import DossierSettings, StandardPage
from news.models import NewsIndexPage
from tests import pages
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db


def nav_titles(response):
    assert response.status_code == 200
    return texts(find_all(response.content.decode(), "a", **{"class": "main-nav__link"}))


def test_a_new_section_in_the_menu_shows_in_the_navigation_at_once(client):
    assert "Colofon extra" not in nav_titles(client.get("/"))
    home = Site.objects.get(is_default_site=True).root_page
    page = StandardPage(title="Colofon extra", slug="colofon-extra", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    assert "Colofon extra" in nav_titles(client.get("/"))
    page.unpublish()
    assert "Colofon extra" not in nav_titles(client.get("/nieuws/"))


def test_restricting_a_page_hides_it_from_lists_at_once_and_lifting_it_shows_it(client):
    page = pages.news("Bericht achter een login")
    assert "Bericht achter een login" in client.get("/nieuws/").content.decode()
    pages.make_private(page)
    assert "Bericht achter een login" not in client.get("/nieuws/").content.decode()
    assert "Bericht achter een login" not in client.get("/").content.decode()
    assert client.get(page.url).status_code == 302  # to the login page
    PageViewRestriction.objects.filter(page_id=page.pk).delete()
    assert "Bericht achter een login" in client.get("/nieuws/").content.decode()
    assert client.get(page.url).status_code == 200


def test_a_restricted_section_keeps_its_items_out_of_the_sitemap_and_search(client):
    page = pages.news("Verborgen sectiebericht")
    pages.make_private(NewsIndexPage.objects.get())
    assert page.url not in client.get("/sitemap.xml").content.decode()
    search = client.get("/zoeken/", {"q": "Verborgen sectiebericht"}).content.decode()
    assert "Verborgen sectiebericht" not in texts(
        find_all(search, "h2", **{"class": "card__title"})
    )


def test_changed_site_settings_show_in_the_footer_at_once(client):
    client.get("/")
    settings = DossierSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Het Nieuwe Kennisinstituut"
    settings.save()
    assert "Een uitgave van Het Nieuwe Kennisinstituut." in client.get("/").content.decode()


def test_the_shared_data_costs_no_queries_once_cached(client):
    client.get("/nieuws/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/nieuws/")
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert "wagtailcore_pageviewrestriction" not in sql
    assert "dossier_dossiersettings" not in sql


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/nieuws/", 200),
        ("/nieuws/feed/", 200),  # a route of the section index
        ("/nieuws/bestaat-niet/", 404),
        ("/nieuws/bestaat-niet/feed/", 404),
        ("/bestaat-niet/", 404),
        ("/projecten/feed/", 200),
        ("/bijdragen/bedankt/", 200),  # a route of the form page
    ],
)
def test_urls_answer_as_before(client, url, status):
    assert client.get(url).status_code == status


def test_a_detail_page_and_its_routes_are_found(client):
    series = pages.publication("Reeks voor de route")
    part = pages.publication("Deel voor de route", parent=series, part_number=1)
    assert client.get(series.url).status_code == 200
    assert client.get(part.url).status_code == 200
    assert client.get(f"{series.url}ris/").status_code == 200
    assert client.get(f"{part.url}bestaat-niet/").status_code == 404


def test_a_draft_is_not_served_but_its_live_child_is(client):
    series = pages.publication("Reeks die concept wordt")
    part = pages.publication("Deel onder een concept", parent=series, part_number=1)
    Page.objects.get(pk=series.pk).specific.unpublish()
    assert client.get(series.url).status_code == 404
    # Wagtail serves a live page under an unpublished parent; so does the one-query lookup.
    assert client.get(part.url).status_code == 200


def test_a_new_year_and_a_new_theme_show_in_the_filters_at_once(client):
    from datetime import date

    from dossier.models import Theme

    before = client.get("/nieuws/").content.decode()
    assert '<option value="2011"' not in before
    pages.news("Bericht uit 2011", when=date(2011, 3, 1))
    Theme.objects.create(name="Archieven", slug="archieven")
    after = client.get("/nieuws/").content.decode()
    assert '<option value="2011"' in after
    assert '<option value="archieven"' in after
