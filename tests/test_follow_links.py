"""The "Volg" controls: the finder follows its current selection (without period and order),
a content page follows itself, and each leads to a sign-up page that names that choice."""

import pytest
from wagtail.models import Page

from tests import pages
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db

CHOICE_LABEL = {"class": "follow__choice-label"}


def follow_links(client, url):
    html = client.get(url).content.decode()
    return [
        link.attrs["href"]
        for link in find_all(html, "a")
        if texts([link])[0].startswith("Volg deze")
    ]


def test_the_finder_follows_its_selection_without_period_and_order(client):
    url = (
        "/zoeken/?q=data+gemeenten&sectie=publicaties&soort=casus&thema=verantwoord-datagebruik"
        "&tag=participatie&periode=2j&volgorde=datum&page=2"
    )
    assert follow_links(client, url) == [
        "/volgen/?q=data+gemeenten&sectie=publicaties&soort=casus"
        "&thema=verantwoord-datagebruik&tag=participatie"
    ]
    sign_up = client.get(follow_links(client, url)[0]).content.decode()
    assert "met de woorden" in texts(find_all(sign_up, "p", **CHOICE_LABEL))[0]


def test_the_finder_leaves_out_what_it_did_not_understand(client):
    assert follow_links(client, "/zoeken/?thema=bestaat-niet&sectie=nieuws") == [
        "/volgen/?sectie=nieuws"
    ]
    assert follow_links(client, "/zoeken/") == ["/volgen/"]


def test_a_content_page_offers_to_follow_itself(client):
    page = pages.news(title="Een bericht")
    assert follow_links(client, page.url) == [f"/volgen/?pagina={page.pk}"]
    sign_up = client.get(f"/volgen/?pagina={page.pk}").content.decode()
    label = texts(find_all(sign_up, "p", **CHOICE_LABEL))[0]
    assert page.title in label


def test_every_kind_of_content_page_has_the_follow_link(client):
    for slug in ["nieuws", "opinie", "projecten", "publicaties", "bronnen"]:
        index = Page.objects.get(depth=3, slug=slug)
        child = index.get_children().live().public().order_by("pk").first().specific
        assert follow_links(client, child.url) == [f"/volgen/?pagina={child.pk}"], child.url
