"""A municipal staff member in a real browser: everything about responsible data use from the
last two years, across all sections, in three clicks from the home page; the finder passes
axe-core wide and narrow, and folds its filters away on a phone."""

import re

import pytest

from tests.test_browser import axe_violations

pytestmark = pytest.mark.browser

THEME = "Verantwoord datagebruik"


def test_find_a_theme_in_a_period_across_sections_in_three_clicks(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "/")
    clicks = 0

    page.get_by_role("main").get_by_role("link", name=THEME, exact=True).first.click()
    clicks += 1
    page.wait_for_url("**/thema/verantwoord-datagebruik/")
    hub_total = int(re.search(r"(\d+) pagina", page.locator(".theme-total").inner_text())[1])

    page.get_by_role("link", name=re.compile(r"^Zoek en filter in alle \d+")).click()
    clicks += 1
    page.wait_for_url("**/zoeken/?thema=verantwoord-datagebruik")
    summary = page.locator("#finder-summary")
    assert summary.inner_text().startswith(f"{hub_total} resultaten over verantwoord")

    period = page.get_by_role("navigation", name="Filters met aantallen").get_by_role(
        "link", name=re.compile(r"^Afgelopen 2 jaar")
    )
    expected = int(re.search(r"\((\d+)", period.inner_text())[1])
    period.click()
    clicks += 1
    page.wait_for_url("**/zoeken/?thema=verantwoord-datagebruik&periode=2j")

    assert clicks <= 3
    text = summary.inner_text()
    assert text == (
        f"{expected} {'resultaat' if expected == 1 else 'resultaten'} over verantwoord "
        "datagebruik in alle rubrieken, afgelopen 2 jaar"
    )
    assert page.locator(".finder__item").count() == expected
    # Across sections: the results come from more than one of them.
    sections = {
        item.inner_text()
        for item in page.locator(".finder__meta div:has(dt:text('Rubriek')) dd").all()
    }
    assert len(sections) > 1
    # The chosen filters are chips that take them away again.
    chips = page.get_by_role("list", name="Gekozen filters")
    assert "Thema: Verantwoord datagebruik" in chips.inner_text()
    chips.get_by_role("link", name=re.compile("^Periode")).click()
    page.wait_for_url("**/zoeken/?thema=verantwoord-datagebruik")
    assert summary.inner_text().startswith(f"{hub_total} resultaten")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("query", ["", "?q=gemeenten&thema=verantwoord-datagebruik", "?q=zzqx"])
def test_the_finder_has_no_wcag_violations(page, site_url, width, query):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "/zoeken/" + query)
    assert page.get_by_role("heading", level=1).inner_text() == "Zoeken en vinden"
    assert axe_violations(page) == []


def test_filters_fold_away_on_a_phone_and_stay_open_on_a_wide_screen(page, site_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + "/zoeken/?thema=verantwoord-datagebruik")
    facets = page.locator("details.finder__facets")
    assert facets.get_attribute("open") is None
    assert page.locator("#finder-summary").is_visible()
    page.get_by_text("Filters (1 gekozen)").click()
    assert page.get_by_role("heading", name="Rubriek").is_visible()

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "/zoeken/?thema=verantwoord-datagebruik")
    assert facets.get_attribute("open") is not None
    assert page.get_by_role("heading", name="Rubriek").is_visible()
