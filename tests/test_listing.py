"""Section indexes: newest first, 12 per page, filters in the query string, and bad input
that never gives a 500."""

from datetime import date

import pytest

from tests import pages
from tests.helpers import find_all, parse, texts

pytestmark = pytest.mark.django_db


def card_titles(html):
    return [
        " ".join(e.text.split())
        for e in parse(html)
        if e.tag in {"h2", "h3"} and "card__title" in e.attrs.get("class", "")
    ]


@pytest.fixture
def many_news():
    return [
        pages.news(title=f"Bericht {n:02d}", when=date(2020 + n % 3, 1 + n % 12, 1 + n))
        for n in range(1, 15)
    ]


def test_newest_first_and_twelve_per_page(client, many_news):
    html = client.get("/nieuws/").content.decode()
    titles = card_titles(html)
    assert len(titles) == 12
    from news.models import NewsPage

    expected = list(
        NewsPage.objects.live().order_by("-date", "-pk").values_list("title", flat=True)[:12]
    )
    assert titles == expected
    current = find_all(html, "a", **{"aria-current": "page", "class": "pagination__current"})
    assert "1" in texts(current)[0]


@pytest.mark.parametrize(
    ("query", "page_number"),
    [
        ("page=abc", 1),
        ("page=-1", 1),
        ("page=0", 1),
        ("page=99999", "last"),
        ("page=2&page=1", 1),
        ("page=" + "9" * 5000, "last"),
        ("page=%FF%FE", 1),
    ],
)
def test_bad_page_values_go_to_the_nearest_page(client, many_news, query, page_number):
    from news.models import NewsPage

    last = -(-NewsPage.objects.live().count() // 12)
    response = client.get("/nieuws/?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    number = last if page_number == "last" else page_number
    assert f"pagina {number} van {last}" in html


def test_theme_filter_with_count_and_removable_link(client):
    pages.news(title="Over mobiliteit", themes=["mobiliteit"])
    pages.news(title="Over zorg", themes=["zorg"])
    html = client.get("/nieuws/?thema=mobiliteit").content.decode()
    titles = card_titles(html)
    assert "Over mobiliteit" in titles and "Over zorg" not in titles
    from news.models import NewsPage

    count = NewsPage.objects.live().filter(page_themes__theme__slug="mobiliteit").count()
    assert f"<strong>{count}</strong>" in html
    remove = find_all(html, "ul", **{"aria-label": "Actieve filters"})
    assert remove and "Thema: Mobiliteit" in remove[0].text
    assert find_all(html, "a", href="?")


def test_kind_year_and_tag_filters(client):
    pages.news(
        title="Interview 2021", kind="interview", when=date(2021, 3, 3), tags=["lokale-data"]
    )
    pages.news(title="Nieuws 2021", kind="nieuws", when=date(2021, 4, 4))
    pages.news(title="Interview 2022", kind="interview", when=date(2022, 5, 5))
    html = client.get("/nieuws/?soort=interview&jaar=2021").content.decode()
    assert card_titles(html) == ["Interview 2021"]
    html = client.get("/nieuws/?tag=lokale-data").content.decode()
    assert card_titles(html) == ["Interview 2021"]
    # Filters are kept in the pagination and in the form.
    selected = [e for e in find_all(html, "input", name="tag") if e.attrs.get("type") == "hidden"]
    assert selected[0].attrs["value"] == "lokale-data"


@pytest.mark.parametrize(
    "query",
    [
        "thema=bestaat-niet",
        "soort=roddel",
        "jaar=abcd",
        "jaar=1850",
        "tag=" + "x" * 5000,
        "thema=" + "a" * 5000,
        "thema=<script>alert(1)</script>",
        "thema=mobiliteit&thema=%00",
        "wanneer=gisteren",
    ],
)
def test_unknown_filters_are_ignored_with_a_notice(client, query):
    response = client.get("/nieuws/?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    notice = find_all(html, "p", **{"class": "notice"})
    if not query.startswith("wanneer"):  # not a filter of this section at all
        assert notice and "genegeerd" in notice[0].text
    assert "<script>alert(1)</script>" not in html


def test_filter_form_works_without_javascript(client):
    html = client.get("/nieuws/").content.decode()
    form = find_all(html, "form", method="get", **{"aria-label": "Filter de lijst"})[0]
    assert form.attrs["action"] == ""
    for name in ("thema", "soort", "jaar"):
        select = find_all(html, "select", name=name)
        assert select, name
        assert find_all(html, "label", **{"for": select[0].attrs["id"]})
    assert find_all(html, "button", type="submit")


def test_projects_list_upcoming_events_first_then_newest(client):
    later = pages.event(title="Later", days_from_now=60)
    sooner = pages.event(title="Binnenkort", days_from_now=5)
    past = pages.event(title="Voorbij", days_from_now=-5)
    proj = pages.project(title="Nieuw project", when=date(2026, 11, 1))
    titles = card_titles(client.get("/projecten/").content.decode())
    assert titles.index(sooner.title) < titles.index(later.title)
    assert titles.index(later.title) < titles.index(proj.title)
    assert titles.index(later.title) < titles.index(past.title)


def test_projects_filters_status_kind_and_when(client):
    pages.project(title="Afgerond project", status="afgerond")
    pages.project(title="Lopend project", status="lopend")
    pages.event(title="Komende sessie", days_from_now=3)
    pages.event(title="Vorige sessie", days_from_now=-3)
    assert "Afgerond project" in card_titles(
        client.get("/projecten/?status=afgerond").content.decode()
    )
    assert "Lopend project" not in card_titles(
        client.get("/projecten/?status=afgerond").content.decode()
    )
    titles = card_titles(
        client.get("/projecten/?soort=bijeenkomst&wanneer=komend").content.decode()
    )
    assert "Komende sessie" in titles and "Vorige sessie" not in titles
    assert "Lopend project" not in titles
    titles = card_titles(client.get("/projecten/?wanneer=voorbij").content.decode())
    assert "Vorige sessie" in titles and "Komende sessie" not in titles
