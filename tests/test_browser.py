"""What a person does in a real browser (Debian's Chromium via Playwright), with axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_violations(page):
    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{violation['id']}: {[node['target'] for node in violation['nodes']]}"
        for violation in results.response["violations"]
    ]


def test_first_tab_reaches_the_skip_link_and_a_section_link_works(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.getAttribute('href'), document.activeElement.textContent]"
    )
    assert focused == ["#main-content", "Direct naar de inhoud"]
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # visible once focused

    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Publicaties").click()
    page.wait_for_url(site_url + "/publicaties/")
    assert page.get_by_role("heading", level=1).inner_text() == "Publicaties"


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize(
    "path",
    ["/", "/nieuws/", "/privacy/", "/bestaat-niet/", "/zoeken/", "/zoeken/?q=gemeente"],
)
def test_no_wcag_violations(page, site_url, width, path):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + path)
    assert axe_violations(page) == []


def test_no_horizontal_scrolling_at_320_px(page, site_url):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(site_url + "/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_search_from_the_header_finds_and_marks_results(page, site_url):
    page.goto(site_url + "/nieuws/")
    page.get_by_role("search", name="Zoeken in het dossier").get_by_label("Zoekterm").fill(
        "algoritmeregister"
    )
    page.get_by_role("button", name="Zoek", exact=True).first.click()
    page.wait_for_url("**/zoeken/?q=algoritmeregister")
    results = page.locator(".finder__list .finder__title")
    assert results.count() >= 1
    assert "lgoritmeregister" in results.first.inner_text()
    assert page.locator(".finder__list mark").count() >= 1
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"


def test_axe_check_can_fail(page):
    page.set_content(
        "<html><body><img src='data:,'><a href='#'></a>"
        "<p style='color:#777;background:#888'>weinig contrast</p></body></html>"
    )
    ids = {violation.split(":")[0] for violation in axe_violations(page)}
    assert {"html-has-lang", "image-alt", "link-name", "color-contrast"} <= ids
