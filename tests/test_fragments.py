"""Cards, teasers and filter fields kept as HTML (dossier/fragments.py), and the request's site
kept per content version (dossier/ops/sites.py): reused while nothing they show changed,
rendered again after a publish of their page or a site-wide change, never grown by made-up
input, and the same site as Wagtail finds."""

from datetime import date

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from dossier.models import PageAuthor, Person
from dossier.ops.sites import site_for_request
from tests import pages
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db


def card_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return texts(find_all(response.content.decode(), "h2", **{"class": "card__title"}))


def theme_card_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return texts(find_all(response.content.decode(), "h3", **{"class": "card__title"}))


def test_a_card_is_rendered_once_and_reused_by_the_index_and_the_theme_hub(client):
    page = pages.news("Kaart van eerst", themes=["mobiliteit"], when=date(2099, 1, 1))
    assert "Kaart van eerst" in card_titles(client, "/nieuws/")
    # A change in the database that no publish announced: the kept card does not see it,
    # which shows that the card was not rendered again.
    Page.objects.filter(pk=page.pk).update(title="Stil gewijzigd")
    assert "Kaart van eerst" in card_titles(client, "/nieuws/")
    assert "Stil gewijzigd" not in card_titles(client, "/nieuws/")
    # The theme hub shows the h3 variant of the same card: rendered once for it.
    assert "Stil gewijzigd" in theme_card_titles(client, "/thema/mobiliteit/")
    Page.objects.filter(pk=page.pk).update(title="Nog eens stil gewijzigd")
    assert "Stil gewijzigd" in theme_card_titles(client, "/thema/mobiliteit/")


def test_a_publish_of_the_page_renders_its_card_again(client):
    page = pages.news("Voor de publicatie", when=date(2099, 1, 1))
    assert "Voor de publicatie" in card_titles(client, "/nieuws/")
    page.title = "Na de publicatie"
    page.save_revision().publish()
    titles = card_titles(client, "/nieuws/")
    assert "Na de publicatie" in titles
    assert "Voor de publicatie" not in titles


def test_a_renamed_author_shows_on_the_kept_cards_at_once(client):
    person = Person.objects.create(name="Auteur Voor")
    page = pages.publication("Rapport met auteur", when=date(2099, 1, 1))
    page.page_authors = [PageAuthor(person=person, sort_order=0)]
    page.save_revision().publish()
    assert "Door Auteur Voor" in client.get("/publicaties/").content.decode()
    person.name = "Auteur Na"
    person.save()  # a site-wide change: the content version moves on
    html = client.get("/publicaties/").content.decode()
    assert "Door Auteur Na" in html
    assert "Auteur Voor" not in html


def test_a_new_part_changes_the_card_of_its_series(client):
    series = pages.publication("Reeks op de kaart", when=date(2099, 1, 1))
    pages.publication("Deel een", parent=series, part_number=1)
    assert "Reeks in 1 delen" in client.get("/publicaties/").content.decode()
    pages.publication("Deel twee", parent=series, part_number=2)
    assert "Reeks in 2 delen" in client.get("/publicaties/").content.decode()


def test_home_page_teasers_follow_a_publish(client):
    page = pages.blog("Teaser voor", when=date(2099, 1, 2))
    assert "Teaser voor" in client.get("/").content.decode()
    page.title = "Teaser na"
    page.save_revision().publish()
    html = client.get("/").content.decode()
    assert "Teaser na" in html
    assert "Teaser voor" not in html


def test_made_up_filter_values_are_not_kept(client):
    from dossier.fragments import cache
    from dossier.ops.page_cache import content_version

    def kept():
        name = f"fragment:{content_version()}:filter-fields:"
        return sum(name in key for key in cache()._cache)  # local memory's keys

    client.get("/nieuws/?thema=mobiliteit")
    assert kept() == 1
    client.get("/nieuws/?thema=zorg")
    assert kept() == 2
    for n in range(5):
        assert client.get(f"/nieuws/?thema=verzonnen-{n}").status_code == 200
    assert kept() == 2


def test_filter_fields_show_the_readers_selection(client):
    html = client.get("/nieuws/?thema=mobiliteit").content.decode()
    assert '<option value="mobiliteit" selected>' in html
    html = client.get("/nieuws/").content.decode()
    assert '<option value="mobiliteit" selected>' not in html
    assert '<option value="mobiliteit">' in html


@pytest.mark.parametrize(
    "host", ["localhost", "localhost:8000", "testserver", "127.0.0.1:9", "onbekend.example"]
)
def test_the_kept_site_is_the_one_wagtail_finds(host, settings):
    settings.ALLOWED_HOSTS = ["*"]
    request = RequestFactory().get("/", HTTP_HOST=host)
    ours = site_for_request(request)
    wagtails = Site._find_for_request(RequestFactory().get("/", HTTP_HOST=host))
    assert ours == wagtails
    assert ours is not None
    assert ours.root_page_id == wagtails.root_page_id


def test_a_new_site_is_found_at_once(client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    request = RequestFactory().get("/", HTTP_HOST="tweede.example")
    default = site_for_request(request)
    assert default.is_default_site
    second = Site.objects.create(
        hostname="tweede.example", port=80, root_page=default.root_page, site_name="Tweede"
    )
    try:
        assert site_for_request(RequestFactory().get("/", HTTP_HOST="tweede.example")) == second
        assert client.get("/", HTTP_HOST="tweede.example").status_code == 200
    finally:
        # Wagtail keeps the sites' root paths in the cache, which a rollback does not reach.
        second.delete()


def related_titles(client, page):
    html = client.get(page.url).content.decode()
    lists = find_all(html, "ul", **{"class": "related__list"})
    return lists[0].text if lists else ""


def test_the_related_ranking_is_kept_per_revision_and_an_unpublished_page_leaves_at_once(
    client,
):
    from dossier.models import RelatedPageLink
    from dossier.models.related import ranking

    page = pages.news("Met suggesties", themes=["veiligheid"], tags=["camera"])
    other = pages.blog("Gedeelde camera", themes=["veiligheid"], tags=["camera"])
    picked = pages.source("Stil gekozen")
    assert "Gedeelde camera" in related_titles(client, page)
    page.refresh_from_db()
    kept = ranking(page)
    # A pick written without a publish: the kept ranking does not see it.
    RelatedPageLink.objects.create(page=page, target=Page.objects.get(pk=picked.pk), sort_order=0)
    assert ranking(page) == kept
    assert "Stil gekozen" not in related_titles(client, page)
    # Unpublished: gone from "Lees ook" at once, whatever the kept ranking says.
    other.unpublish()
    assert "Gedeelde camera" not in related_titles(client, page)
    # A publish of the page ranks afresh.
    page.save_revision().publish()
    assert "Stil gekozen" in related_titles(client, page)
