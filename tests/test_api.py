"""The read-only JSON API at /api/v2/: each section's fields, only live public pages and
public documents, no write methods, and bad parameters answered with 400."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests import pages

pytestmark = pytest.mark.django_db


def get_json(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    return response.json()


def items_of(client, page_type, fields="*"):
    data = get_json(client, "/api/v2/pages/", {"type": page_type, "fields": fields})
    assert data["meta"]["total_count"] == len(data["items"]) > 0
    return data["items"]


def test_index_lists_the_endpoints(client):
    data = get_json(client, "/api/v2/")
    # On the site's address (the tests' PUBLIC_BASE_URL), not the host the request named.
    assert data == {
        "pages": "http://localhost/api/v2/pages/",
        "images": "http://localhost/api/v2/images/",
        "documents": "http://localhost/api/v2/documents/",
    }


def test_news_has_its_fields_and_themes(client):
    item = next(i for i in items_of(client, "news.NewsPage") if i["themes"])
    assert item["kind"] in {"nieuws", "evenement", "initiatief", "publicatie", "succesverhaal"} | {
        "interview"
    }
    assert {"date", "intro", "body", "tags", "source_name", "source_url"} <= item.keys()
    assert set(item["themes"][0]) == {"name", "slug"}


def test_pages_filter_by_theme_id_or_slug(client):
    from dossier.models import PageTheme, Theme

    theme = Theme.objects.get(slug="zorg")
    tagged = set(
        PageTheme.objects.filter(theme=theme, page__live=True).values_list("page_id", flat=True)
    )
    news_ids = {i["id"] for i in items_of(client, "news.NewsPage")}
    for value in (str(theme.pk), theme.slug):
        data = get_json(client, "/api/v2/pages/", {"themes": value, "limit": 100})
        assert {item["id"] for item in data["items"]} == tagged
        news = get_json(client, "/api/v2/pages/", {"type": "news.NewsPage", "themes": value})
        assert {item["id"] for item in news["items"]} == tagged & news_ids
    assert get_json(client, "/api/v2/pages/", {"themes": "bestaat-niet"})["items"] == []


def test_blog_authors_without_contact_details(client):
    item = next(i for i in items_of(client, "opinion.BlogPage") if i["title"].startswith("Van "))
    assert [author["name"] for author in item["authors"]] == ["Kajsa Ollongren"]
    assert all(set(author) == {"name", "role", "organisation"} for author in item["authors"])


def test_event_has_times_place_and_programme(client):
    workshop = next(
        i for i in items_of(client, "projects.EventPage") if i["title"].startswith("Workshop")
    )
    assert workshop["start"].startswith("2020-02-14T")
    assert workshop["end"] > workshop["start"]
    assert workshop["location_name"]
    assert workshop["programme"], "the demo workshop has a programme"
    assert {"time", "title", "speaker", "slides"} <= workshop["programme"][0].keys()


def test_project_publication_and_source_fields(client):
    project = items_of(client, "projects.ProjectPage")[0]
    assert {"status", "period_start", "updates", "results", "contact_person"} <= project.keys()
    publication = next(
        i for i in items_of(client, "publications.PublicationPage") if i["publisher"]
    )
    assert {"name", "website", "is_own"} == set(publication["publisher"])
    assert {"kind", "authors", "document", "external_url", "part_number"} <= publication.keys()
    source = items_of(client, "sources.SourcePage")[0]
    assert source["link_url"].startswith("http")
    assert source["why_read"]


def test_drafts_and_private_pages_never_appear(client):
    draft = pages.news("Concept voor de API", live=False)
    private = pages.make_private(pages.news("Besloten voor de API"))
    public = pages.news("Openbaar voor de API")
    titles = {
        item["title"]
        for item in get_json(client, "/api/v2/pages/", {"type": "news.NewsPage", "limit": 100})[
            "items"
        ]
    }
    assert public.title in titles
    assert draft.title not in titles
    assert private.title not in titles
    get_json(client, f"/api/v2/pages/{draft.pk}/", status=404)
    get_json(client, f"/api/v2/pages/{private.pk}/", status=404)
    found = get_json(client, "/api/v2/pages/", {"search": "Besloten"})["items"]
    assert private.pk not in {item["id"] for item in found}


def test_private_documents_never_appear(client):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    hidden = Document.objects.create(
        title="Interne notitie",
        collection=private,
        file=ContentFile(b"%PDF-1.4 intern", name="intern.pdf"),
    )
    shown = Document.objects.create(
        title="Openbare notitie", file=ContentFile(b"%PDF-1.4 open", name="open.pdf")
    )
    ids = {item["id"] for item in get_json(client, "/api/v2/documents/", {"limit": 100})["items"]}
    assert shown.pk in ids
    assert hidden.pk not in ids
    get_json(client, f"/api/v2/documents/{hidden.pk}/", status=404)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
def test_write_methods_are_not_allowed(client, method, url):
    response = getattr(client, method)(url, {}, content_type="application/json")
    assert response.status_code == 405


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "abc"},
        {"limit": "-5"},
        {"offset": "-1"},
        {"unknown": "1"},
        {"type": "nope.Nope"},
        {"type": "x" * 5000},
        {"order": "nope"},
        {"child_of": "abc"},
        {"descendant_of": "-1"},
        {"fields": "nonexistent"},
        {"search": "gemeente", "search_operator": "xor"},
    ],
)
def test_bad_parameters_answer_400(client, params):
    data = get_json(client, "/api/v2/pages/", params, status=400)
    assert data["message"]


@pytest.mark.parametrize("search", ['"', "a'b", "\x00", "(", "x" * 3000, "AND OR NOT"])
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
def test_hostile_search_never_fails(client, url, search):
    data = get_json(client, url, {"search": search})
    assert data["meta"]["total_count"] >= 0


def test_search_finds_in_dutch_words(client):
    pages.news("Het fietsdepot van de gemeente")
    data = get_json(client, "/api/v2/pages/", {"search": "fietsdepot"})
    assert [item["title"] for item in data["items"]] == ["Het fietsdepot van de gemeente"]


def test_answers_json_even_to_a_browser(client):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response["Content-Type"] == "application/json"
    assert not response.cookies
