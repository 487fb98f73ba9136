"""The full-page cache: readers get cached pages, editors never do, and publishing or
unpublishing shows at once everywhere the page appears."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import pages
from tests.helpers import find_all, texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

# Everywhere a new news item about mobility shows up.
WHERE_NEWS_SHOWS = ["/", "/nieuws/", "/nieuws/feed/", "/feeds/", "/thema/mobiliteit/"]


@pytest.fixture
def reader():
    return Client(HTTP_HOST="localhost")


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_second_visit_comes_from_the_cache_without_queries(reader):
    first = fetch(reader, "/nieuws/")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = fetch(reader, "/nieuws/")
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_cached_pages_say_how_long_shared_caches_may_keep_them(reader, settings):
    response = fetch(reader, "/")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert f"s-maxage={settings.PAGE_CACHE_SECONDS}" in cache_control
    assert f"max-age={settings.PAGE_CACHE_BROWSER_SECONDS}" in cache_control
    assert "Cookie" in response["Vary"]
    assert not response.cookies


def test_publishing_shows_at_once_everywhere_and_unpublishing_removes_it(reader):
    title = "Deelfietsen in elke wijk van Zwolle"
    for url in WHERE_NEWS_SHOWS:
        assert title not in fetch(reader, url).content.decode()
        assert fetch(reader, url)["X-Page-Cache"] == "hit"

    item = pages.news(title=title, when=pages.date.today(), themes=["mobiliteit"])

    for url in WHERE_NEWS_SHOWS:
        response = fetch(reader, url)
        assert response["X-Page-Cache"] == "miss", url
        assert title in response.content.decode(), url
    assert fetch(reader, item.url)["X-Page-Cache"] == "miss"

    item.unpublish()

    for url in WHERE_NEWS_SHOWS:
        assert title not in fetch(reader, url).content.decode(), url
    assert reader.get(item.url).status_code == 404


def test_deleting_a_page_invalidates(reader):
    item = pages.news(title="Een bericht dat verdwijnt", when=pages.date.today())
    assert "Een bericht dat verdwijnt" in fetch(reader, "/nieuws/").content.decode()
    item.delete()
    assert "Een bericht dat verdwijnt" not in fetch(reader, "/nieuws/").content.decode()


def test_changing_a_theme_invalidates(reader):
    from dossier.models import Theme

    fetch(reader, "/thema/")
    theme = Theme.objects.get(slug="mobiliteit")
    theme.name = "Mobiliteit en bereikbaarheid"
    theme.save()
    assert "Mobiliteit en bereikbaarheid" in fetch(reader, "/thema/").content.decode()


def test_a_logged_in_editor_never_gets_or_fills_the_cache(reader, django_user_model):
    fetch(reader, "/nieuws/")  # cached for readers
    editor = django_user_model.objects.create_superuser("redacteur", "r@example.nl", "x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)

    response = fetch(client, "/nieuws/")
    assert "X-Page-Cache" not in response
    assert b'id="wagtail-userbar-template"' in response.content

    # What readers get carries nothing of the editor's: no userbar, no cookie, no token.
    for url in ("/nieuws/", "/opinie/"):
        fetch(client, url)  # the editor's visits fill nothing
        reader_response = fetch(reader, url)
        assert b"wagtail-userbar" not in reader_response.content
        assert b"csrfmiddlewaretoken" not in reader_response.content
        assert not reader_response.cookies


def test_the_contribution_form_posts_admin_and_errors_are_never_cached(reader):
    for _ in range(2):
        form = fetch(reader, "/bijdragen/")
        assert "X-Page-Cache" not in form
        assert "csrftoken" in form.cookies
    assert reader.get("/admin/login/")["Cache-Control"] != ""
    assert "X-Page-Cache" not in reader.get("/admin/login/")
    reader.get("/bestaat-niet/")
    assert reader.get("/bestaat-niet/").get("X-Page-Cache") != "hit"
    assert "X-Page-Cache" not in reader.post("/zoeken/", {"q": "data"})


def test_pages_are_rendered_as_before_when_the_cache_is_off(reader, settings):
    settings.PAGE_CACHE_ENABLED = False
    assert "X-Page-Cache" not in fetch(reader, "/")
    assert texts(find_all(fetch(reader, "/nieuws/").content, "h1")) == ["Nieuws"]
