"""What the layout shows: the home page's hierarchy, listing images only where an editor chose
one, detail pages without placeholder art, reading time only on articles of some length."""

import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site

from dossier.models import DossierSettings
from tests import pages
from tests.helpers import find_all, parse, texts

pytestmark = pytest.mark.django_db


def make_image(title, description=""):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 675), "#2a9d8f").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title,
        description=description,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="beeld.png"),
    )


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def section_of(html, heading_id):
    """The texts of the links in the home page's block labelled by ``heading_id``."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    end = html.index("</section>", start)
    return texts(find_all(html[start:end], "a"))


# Home


def test_home_opens_with_the_definition_and_a_call_to_contribute(client):
    html = html_of(client, "/")
    main = html[html.index('id="main-content"') :]
    contribute = DossierSettings.for_site(Site.objects.get(is_default_site=True))
    assert contribute.contribution_page is not None
    # The call comes before any section's content, right under the intro.
    first_button = find_all(main, "a", **{"class": "button"})[0]
    assert first_button.attrs["href"] == contribute.contribution_page.url
    assert main.index("Draag bij") < main.index("Uitgelicht") < main.index("Het nieuwste")
    assert "Wat is een smart society?" in main
    assert main.index("Wat is een smart society?") < main.index("Uitgelicht")


def test_home_features_the_editors_choice(client):
    chosen = pages.publication(title="Het rapport van het jaar", when=timezone.localdate())
    home = home_page()
    home.featured_page = chosen
    home.save_revision().publish()
    html = html_of(client, "/")
    assert section_of(html, "featured-heading") == ["Het rapport van het jaar"]
    # Not twice: the compact lists leave the featured page out.
    assert html.count(">Het rapport van het jaar<") == 1


def test_home_features_the_newest_item_when_the_editors_chose_none(client):
    assert home_page().featured_page is None
    pages.news(title="Het allernieuwste bericht", when=timezone.localdate())
    html = html_of(client, "/")
    assert section_of(html, "featured-heading") == ["Het allernieuwste bericht"]


def test_an_unpublished_choice_falls_back_to_the_newest(client):
    chosen = pages.news(title="Teruggetrokken bericht", when=timezone.localdate())
    home = home_page()
    home.featured_page = chosen
    home.save_revision().publish()
    chosen.unpublish()
    html = html_of(client, "/")
    assert "Teruggetrokken bericht" not in section_of(html, "featured-heading")


def test_home_shows_the_next_upcoming_event_not_a_past_one(client):
    pages.event(title="Gisteren geweest", days_from_now=-1)
    pages.event(title="Morgen al", days_from_now=1)
    html = html_of(client, "/")
    shown = section_of(html, "event-heading")
    assert shown[0] == "Morgen al"
    assert "Gisteren geweest" not in html


def test_home_links_every_theme_and_the_theme_list_and_has_a_share_row(client):
    html = html_of(client, "/")
    themed = section_of(html, "themes-heading")
    assert "Alle thema's" in themed and "Mobiliteit" in themed
    assert find_all(html, "a", href="/thema/mobiliteit/")
    share = section_of(html, "share-heading")
    assert {"LinkedIn", "E-mail", "Link kopiëren"} <= {t.split(" (")[0] for t in share}


def test_home_lists_the_newest_per_section_compactly(client):
    pages.blog(title="Een blog van vandaag", when=timezone.localdate())
    html = html_of(client, "/")
    titles = texts(find_all(html, "a", **{"class": "teaser-list__title"}))
    assert len(titles) <= 5 * 3
    assert find_all(html, "a", href="/opinie/")


# Listings


def test_cards_show_the_listing_image_as_a_responsive_lazy_picture_with_alt_text(client):
    image = make_image("Raadzaal", "De raadzaal tijdens een debat")
    page = pages.news(title="Bericht met beeld", when=timezone.localdate())
    page.listing_image = image
    page.save_revision().publish()
    pages.news(title="Bericht zonder beeld", when=timezone.localdate())
    html = html_of(client, "/nieuws/")
    [picture_img] = [e for e in parse(html) if e.tag == "img" and e.attrs.get("loading")]
    assert picture_img.attrs["alt"] == "De raadzaal tijdens een debat"
    assert picture_img.attrs["loading"] == "lazy"
    assert "800w" in picture_img.attrs["srcset"]
    sources = [e.attrs["type"] for e in parse(html) if e.tag == "source"]
    assert sources == ["image/avif", "image/webp"]
    # One image: the card without a listing or page image has none.
    assert len(find_all(html, "div", **{"class": "card__image"})) == 1


def test_a_card_falls_back_to_the_page_image_with_its_alt_text(client):
    page = pages.news(title="Bericht met paginabeeld", when=timezone.localdate())
    page.image, page.image_alt = make_image("Kaart"), "Een kaart van de wijk"
    page.save_revision().publish()
    html = html_of(client, "/nieuws/")
    alts = [e.attrs["alt"] for e in parse(html) if e.tag == "img" and "alt" in e.attrs]
    assert "Een kaart van de wijk" in alts


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_listing_images_cost_the_same_queries_for_one_card_or_many(client):
    def add(count):
        for n in range(count):
            page = pages.news(title=f"Beeldbericht {n}", when=timezone.localdate(), themes=["zorg"])
            page.listing_image = make_image(f"Beeld {n}", f"Beeld nummer {n}")
            page.save_revision().publish()

    add(1)
    one = {url: queries(client, url) for url in ("/nieuws/", "/thema/zorg/")}
    add(5)
    many = {url: queries(client, url) for url in ("/nieuws/", "/thema/zorg/")}
    assert many == one


# Detail pages


def test_a_page_without_an_image_shows_none(client):
    page = pages.news(title="Zonder beeld")
    html = html_of(client, page.url)
    assert not find_all(html, "figure", **{"class": "detail__image"})
    assert not [e for e in parse(html) if e.tag == "picture"]


def test_the_demo_pages_carry_no_placeholder_art(client):
    html = html_of(client, "/nieuws/steunverklaring-smart-society/")
    assert not find_all(html, "figure", **{"class": "detail__image"})


def test_reading_time_only_on_articles_of_some_length(client):
    long_text = "<p>" + "woord " * 600 + "</p>"
    article = pages.news(title="Lang artikel")
    article.body = [("paragraph", long_text)]
    article.save_revision().publish()
    assert "Leestijd 3 min" in html_of(client, article.url)

    short = pages.news(title="Kort bericht")
    assert "Leestijd" not in html_of(client, short.url)

    source = pages.source(title="Lange bron")
    source.body = [("paragraph", long_text)]
    source.save_revision().publish()
    assert "Leestijd" not in html_of(client, source.url)
    event = pages.event(title="Lange bijeenkomst")
    assert "Leestijd" not in html_of(client, event.url)


def test_the_e_mail_share_link_says_it_opens_the_mail_program(client):
    page = pages.news(title="Te delen")
    html = html_of(client, page.url)
    links = {t.split(" (")[0]: t for t in section_of(html, "share-heading")}
    assert links["E-mail"] == "E-mail (opent uw e-mailprogramma)"
    assert links["LinkedIn"] == "LinkedIn (opent andere website)"


def test_the_key_facts_come_before_the_text_and_the_aside_holds_themes_and_share(client):
    page = pages.event(title="Met thema", themes=["zorg"])
    html = html_of(client, page.url)
    start = html.index('class="detail__aside"')
    aside = html[start : html.index("</aside>", start)]
    assert "Thema's" in aside and "Deel deze pagina" in aside
    facts = html[html.index('class="detail__facts"') : start]
    assert "Wanneer" in facts and "Waar" in facts
    assert html.index('class="detail__facts"') < html.index('class="detail__main"')


def test_a_featured_page_behind_a_login_is_not_shown(client):
    chosen = pages.news(title="Alleen voor leden", when=timezone.localdate())
    home = home_page()
    home.featured_page = chosen
    home.save_revision().publish()
    pages.make_private(chosen)
    assert "Alleen voor leden" not in html_of(client, "/")


def test_home_with_a_featured_image_stays_within_the_query_budget(client):
    from tests.test_query_budgets import BUDGET

    chosen = pages.news(title="Uitgelicht met beeld", when=timezone.localdate())
    chosen.listing_image = make_image("Wijkkaart", "Een kaart van de wijk")
    chosen.save_revision().publish()
    home = home_page()
    home.featured_page = chosen
    home.save_revision().publish()
    html = html_of(client, "/")
    assert "Een kaart van de wijk" in html
    assert queries(client, "/") <= BUDGET
