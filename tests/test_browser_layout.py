"""The layout in a real browser at a desktop and a phone width: no WCAG 2.1 A/AA violation on
any template, a text column with the aside beside it on a wide screen, nothing wider than a
phone's screen, and the key facts of an event before its text on a phone."""

import pytest

from tests.test_browser import axe_violations

pytestmark = pytest.mark.browser

DESKTOP, PHONE = 1280, 375

# One URL per template: home, the five section indexes, a detail page of each type, the
# themes, a theme hub, search results and a page that does not exist.
TEMPLATES = {
    "home": "/",
    "news index": "/nieuws/",
    "opinion index": "/opinie/",
    "projects index": "/projecten/",
    "publications index": "/publicaties/",
    "sources index": "/bronnen/",
    "news": "/nieuws/steunverklaring-smart-society/",
    "blog": "/opinie/data-is-een-middel-geen-doel/",
    "project": "/projecten/lerend-netwerk-smart-society/",
    "event": "/projecten/smart-society-dag-2027/",
    "publication": "/publicaties/smart-en-leefbaar/",
    "source": "/bronnen/luchtmeetnet/",
    "standard page": "/over-dit-dossier/",
    "themes": "/thema/",
    "theme hub": "/thema/mobiliteit/",
    "search": "/zoeken/?q=data",
    "not found": "/bestaat-niet/",
}

DETAILS = ["news", "blog", "project", "event", "publication", "source"]


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_passes_axe_and_fits_the_screen(page, site_url, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + TEMPLATES[name])
    assert axe_violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_contribution_form_with_errors_passes_axe(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "/bijdragen/")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator(".form-field--error").count() >= 1
    assert axe_violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width


def boxes(page):
    return page.evaluate(
        """() => Object.fromEntries(['.detail__main', '.detail__aside', '.detail__facts']
            .map(s => [s, document.querySelector(s)])
            .filter(([, e]) => e)
            .map(([s, e]) => { const r = e.getBoundingClientRect();
                return [s, {left: r.left, right: r.right, top: r.top, bottom: r.bottom}]; }))"""
    )


@pytest.mark.parametrize("name", DETAILS)
def test_on_a_wide_screen_the_aside_stands_beside_a_readable_text_column(page, site_url, name):
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    page.goto(site_url + TEMPLATES[name])
    found = boxes(page)
    main, aside = found[".detail__main"], found[".detail__aside"]
    assert aside["left"] >= main["right"]  # side by side, not below
    assert aside["top"] < main["bottom"]
    assert main["right"] - main["left"] <= 42 * 16 + 1  # the text column keeps its measure
    prose_chars = page.evaluate(
        """() => { const p = document.querySelector(
                '.detail__main .prose p, .detail__header .lead');
            const probe = document.createElement('span'); probe.textContent = '0'.repeat(100);
            p.appendChild(probe); const ch = probe.getBoundingClientRect().width / 100;
            probe.remove(); return p.getBoundingClientRect().width / ch; }"""
    )
    assert 55 <= prose_chars <= 80


def test_an_events_time_and_place_are_above_the_fold_on_a_wide_screen(page, site_url):
    page.set_viewport_size({"width": DESKTOP, "height": 800})
    page.goto(site_url + TEMPLATES["event"])
    facts = boxes(page)[".detail__facts"]
    assert facts["top"] < 800 and page.get_by_text("Wanneer", exact=True).is_visible()


@pytest.mark.parametrize("name", ["event", "publication", "source"])
def test_on_a_phone_the_key_facts_come_before_the_text_and_the_aside_after(page, site_url, name):
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(site_url + TEMPLATES[name])
    found = boxes(page)
    facts, main, aside = found[".detail__facts"], found[".detail__main"], found[".detail__aside"]
    assert facts["bottom"] <= main["top"] <= aside["top"]
