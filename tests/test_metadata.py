"""Page metadata: description, canonical URL, Open Graph, X card and schema.org JSON-LD."""

import io
import json
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from dossier.models import DossierSettings, StandardPage
from news.models import NewsPage
from opinion.models import BlogPage
from projects.models import EventPage, ProjectPage
from publications.models import PublicationPage
from sources.models import SourcePage
from tests import pages
from tests.helpers import find_all, parse, texts

pytestmark = pytest.mark.django_db

SITE_NAME = "Kennisdossier Smart Society"
ARTICLE_PROPERTIES = {"headline", "datePublished", "author", "image", "mainEntityOfPage"}

# (what to open, the schema.org type of its main node)
PAGE_TYPES = {
    "home": ("/", "WebSite"),
    "news index": ("/nieuws/", "CollectionPage"),
    "opinion index": ("/opinie/", "CollectionPage"),
    "projects index": ("/projecten/", "CollectionPage"),
    "publications index": ("/publicaties/", "CollectionPage"),
    "sources index": ("/bronnen/", "CollectionPage"),
    "news": (NewsPage, "NewsArticle"),
    "blog": (BlogPage, "BlogPosting"),
    "project": (ProjectPage, "CreativeWork"),
    "event": (EventPage, "Event"),
    "publication": (PublicationPage, None),  # Report, Book or CreativeWork by kind
    "source": (SourcePage, "WebPage"),
    "standard page": (StandardPage, "WebPage"),
    "theme list": ("/thema/", "CollectionPage"),
    "theme hub": ("/thema/mobiliteit/", "CollectionPage"),
}
PUBLICATION_TYPES = {"rapport": "Report", "boek": "Book"}


def url_of(target):
    if isinstance(target, str):
        return target
    return target.objects.live().public().order_by("path").first().url


def metadata(html):
    """The <meta> tags by property or name; each must occur once."""
    found = {}
    for element in find_all(html, "meta"):
        key = element.attrs.get("property") or element.attrs.get("name")
        if key:
            assert key not in found, f"{key} occurs twice"
            found[key] = element.attrs.get("content")
    return found


def json_ld(html):
    scripts = find_all(html, "script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def node(graph, schema_type):
    matches = [item for item in graph if item["@type"] == schema_type]
    assert len(matches) == 1, f"expected one {schema_type} in {[i['@type'] for i in graph]}"
    return matches[0]


def is_absolute(url):
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(("target", "schema_type"), PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_every_page_type_has_its_metadata(client, target, schema_type):
    url = url_of(target)
    html = get_html(client, url)
    meta = metadata(html)

    titles = texts(find_all(html, "title"))
    assert len(titles) == 1
    assert titles[0].endswith(SITE_NAME)
    assert 0 < len(meta["description"]) <= 160

    canonical = [e.attrs["href"] for e in find_all(html, "link", rel="canonical")]
    assert len(canonical) == 1
    assert is_absolute(canonical[0])
    assert urlsplit(canonical[0]).path == url

    assert meta["og:title"]
    assert meta["og:description"] == meta["description"]
    assert meta["og:url"] == canonical[0]
    assert is_absolute(meta["og:image"])
    assert meta["og:site_name"] == SITE_NAME
    assert meta["og:locale"] == "nl_NL"
    assert meta["og:type"] in {"article", "website"}
    assert meta["twitter:card"] == "summary_large_image"

    graph = json_ld(html)
    if schema_type is None:  # a publication: its type follows its kind
        page = PublicationPage.objects.get(url_path__endswith=url)
        schema_type = PUBLICATION_TYPES.get(page.kind, "CreativeWork")
    assert graph[0]["@type"] == schema_type


def test_title_is_the_seo_title_with_the_site_name(client):
    page = pages.news(title="Een lange titel voor het nieuws")
    page.seo_title = "Korte titel"
    page.save_revision().publish()
    html = get_html(client, page.url)
    assert texts(find_all(html, "title")) == [f"Korte titel | {SITE_NAME}"]
    assert metadata(html)["og:title"] == "Korte titel"


def test_home_title_is_the_site_name_and_home_offers_site_search(client):
    html = get_html(client, "/")
    assert texts(find_all(html, "title")) == [SITE_NAME]
    website = node(json_ld(html), "WebSite")
    assert website["name"] == SITE_NAME
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert is_absolute(template)
    assert template.endswith("/zoeken/?q={search_term_string}")
    assert action["query-input"] == "required name=search_term_string"
    assert website["publisher"]["name"] == DossierSettings.objects.get().organisation_name


def test_description_prefers_the_search_description_and_stays_short(client):
    page = pages.news(title="Beschreven")
    page.intro = "Woord " * 100
    page.save_revision().publish()
    description = metadata(get_html(client, page.url))["description"]
    assert len(description) <= 160
    assert description.startswith("Woord Woord")

    page.search_description = "Wat zoekmachines tonen."
    page.save_revision().publish()
    html = get_html(client, page.url)
    assert metadata(html)["description"] == "Wat zoekmachines tonen."
    assert json_ld(html)[0]["description"] == "Wat zoekmachines tonen."


def test_share_image_is_a_rendition_of_the_page_image(client):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), "#0b4f6c").save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Raadzaal", file=ImageFile(io.BytesIO(buffer.getvalue()), name="raadzaal.png")
    )
    page = pages.news(title="Met afbeelding")
    page.image, page.image_alt = image, "De raadzaal tijdens een debat"
    page.save_revision().publish()
    meta = metadata(get_html(client, page.url))
    assert is_absolute(meta["og:image"])
    assert "fill-1200x630" in meta["og:image"]
    assert meta["og:image:alt"] == page.image_alt
    rendition = page.image.get_rendition("fill-1200x630")
    assert urlsplit(meta["og:image"]).path == rendition.url
    assert meta["og:image:width"] == str(rendition.width)


def test_pages_without_an_image_share_the_default_image(client):
    page = pages.news(title="Zonder afbeelding")
    html = get_html(client, page.url)
    meta = metadata(html)
    assert meta["og:image"].endswith("/img/og-default.png")
    assert is_absolute(meta["og:image"])
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert json_ld(html)[0]["image"] == [meta["og:image"]]
    with PILImage.open(finders.find("img/og-default.png")) as image:
        assert image.size == (1200, 630)
    static = client.get(urlsplit(meta["og:image"]).path)
    assert static.status_code == 200
    with PILImage.open(io.BytesIO(b"".join(static.streaming_content))) as image:
        assert image.size == (1200, 630)


def test_articles_have_the_properties_search_engines_require(client):
    for model in (NewsPage, BlogPage, PublicationPage):
        page = model.objects.live().public().order_by("path").first()
        url = page.full_url
        article = json_ld(get_html(client, page.url))[0]
        assert article.keys() >= ARTICLE_PROPERTIES, model
        assert article["headline"] == page.title
        assert article["datePublished"] == page.date.isoformat()
        assert article["mainEntityOfPage"]["@id"] == url
        assert all(is_absolute(image) for image in article["image"])
        assert article["publisher"]["@type"] == "Organization"
        assert article["publisher"]["name"]


def test_news_article_is_by_the_publisher(client):
    page = pages.news(title="Bericht van de redactie")
    article = json_ld(get_html(client, page.url))[0]
    organisation = DossierSettings.objects.get().organisation_name
    assert article["author"]["@type"] == "Organization"
    assert article["author"]["name"] == organisation
    assert article["publisher"]["name"] == organisation


def test_blog_authors_are_people_with_role_and_employer(client):
    page = (
        BlogPage.objects.live()
        .filter(page_authors__person__organisation__isnull=False)
        .exclude(page_authors__person__role="")
        .first()
    )
    authors = json_ld(get_html(client, page.url))[0]["author"]
    expected = list(page.authors)
    assert [author["name"] for author in authors] == [person.name for person in expected]
    for author, person in zip(authors, expected, strict=True):
        assert author["@type"] == "Person"
        assert author.get("jobTitle", "") == person.role
        if person.organisation_id:
            assert author["worksFor"] == {
                "@type": "Organization",
                "name": person.organisation.name,
                **({"url": person.organisation.website} if person.organisation.website else {}),
            }
        assert "email" not in author and "telephone" not in author


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [("rapport", "Report"), ("boek", "Book"), ("essay", "CreativeWork"), ("casus", "CreativeWork")],
)
def test_publication_type_follows_its_kind(client, kind, schema_type):
    page = pages.publication(title=f"Een {kind}", kind=kind)
    work = json_ld(get_html(client, page.url))[0]
    assert work["@type"] == schema_type
    assert work.keys() >= ARTICLE_PROPERTIES


def test_publication_names_its_authors_and_publisher(client):
    page = (
        PublicationPage.objects.live()
        .filter(publisher__isnull=False, page_authors__isnull=False)
        .distinct()
        .first()
    )
    work = json_ld(get_html(client, page.url))[0]
    assert work["publisher"]["name"] == page.publisher.name
    assert [author["name"] for author in work["author"]] == page.author_names()
    assert work["datePublished"] == page.date.isoformat()


def test_event_has_dates_place_and_organizer(client):
    page = pages.event(title="Bijeenkomst in Utrecht")
    event = json_ld(get_html(client, page.url))[0]
    assert event["@type"] == "Event"
    assert event["name"] == page.title
    # RFC 3339 with the Dutch offset
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+0[12]:00", event["startDate"])
    assert event["startDate"] < event["endDate"]
    assert event["location"] == {"@type": "Place", "name": "Utrecht", "address": "Utrecht"}
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["organizer"]["@type"] == "Organization"
    assert event["organizer"]["name"] == DossierSettings.objects.get().organisation_name


def test_online_and_hybrid_events_have_a_virtual_location(client):
    online = pages.event(title="Webinar")
    online.location_name = ""
    online.online_url = "https://example.org/webinar"
    online.save_revision().publish()
    event = json_ld(get_html(client, online.url))[0]
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://example.org/webinar"}
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"

    hybrid = pages.event(title="Hybride sessie")
    hybrid.online_url = "https://example.org/stream"
    hybrid.location_address = "Domplein 1, Utrecht"
    hybrid.save_revision().publish()
    event = json_ld(get_html(client, hybrid.url))[0]
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in event["location"]] == ["Place", "VirtualLocation"]
    assert event["location"][0]["address"] == "Domplein 1, Utrecht"


def test_source_page_is_about_the_source(client):
    page = SourcePage.objects.live().filter(owner_organisation__isnull=False).first()
    about = json_ld(get_html(client, page.url))[0]["about"]
    assert about["url"] == page.link_url
    assert about["publisher"]["name"] == page.owner_organisation.name


@pytest.mark.parametrize(
    "target", [NewsPage, BlogPage, EventPage, PublicationPage, SourcePage, StandardPage]
)
def test_detail_pages_have_a_breadcrumb_list_like_the_visible_trail(client, target):
    url = url_of(target)
    html = get_html(client, url)
    items = node(json_ld(html), "BreadcrumbList")["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert len(items) >= 2
    assert all(is_absolute(item["item"]) for item in items)
    assert urlsplit(items[0]["item"]).path == "/"
    assert items[-1]["item"] == find_all(html, "link", rel="canonical")[0].attrs["href"]
    crumbs = [
        e for e in parse(html) if e.tag == "li" and "breadcrumbs__item" in e.attrs.get("class", "")
    ]
    assert [item["name"] for item in items] == texts(crumbs)


def test_theme_hub_breadcrumbs_and_own_title(client):
    html = get_html(client, "/thema/mobiliteit/")
    graph = json_ld(html)
    assert graph[0]["name"] == "Mobiliteit"
    assert metadata(html)["og:title"] == "Mobiliteit"
    items = node(graph, "BreadcrumbList")["itemListElement"]
    assert [urlsplit(item["item"]).path for item in items] == ["/", "/thema/", "/thema/mobiliteit/"]


def test_home_has_no_breadcrumb_list(client):
    assert [item["@type"] for item in json_ld(get_html(client, "/"))] == ["WebSite"]


def test_a_title_cannot_close_the_json_ld_script(client):
    title = "</script><script>alert(1)</script> & <!-- ok"
    page = pages.news(title=title)
    html = get_html(client, page.url)
    assert "<script>alert(1)" not in html
    body = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in body and ">" not in body
    article = json.loads(body)["@graph"][0]
    assert article["headline"] == title
    assert json_ld(html)[0]["name"] == title


def test_section_index_canonical_keeps_only_the_page_number(client):
    for n in range(13):  # more than one page of news
        pages.news(title=f"Extra bericht {n}")

    def canonical(url):
        return find_all(get_html(client, url), "link", rel="canonical")[0].attrs["href"]

    index = canonical("/nieuws/")
    assert urlsplit(index).path == "/nieuws/" and not urlsplit(index).query
    assert canonical("/nieuws/?page=2") == index + "?page=2"
    assert canonical("/nieuws/?page=1") == index
    assert canonical("/nieuws/?page=abc") == index
    # A filtered listing points to the index itself, whatever page of it.
    assert canonical("/nieuws/?soort=nieuws") == index
    assert canonical("/nieuws/?thema=mobiliteit&page=2") == index
    # Ignored parameters do not make a listing filtered.
    assert canonical("/nieuws/?page=2&utm_source=nieuwsbrief") == index + "?page=2"


def test_not_found_page_is_not_indexed(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    meta = metadata(html)
    assert meta["robots"] == "noindex"
    assert meta["description"]
    assert texts(find_all(html, "title")) == [f"Pagina niet gevonden | {SITE_NAME}"]
    assert not find_all(html, "link", rel="canonical")
    assert not find_all(html, "script", type="application/ld+json")


def test_articles_tell_when_they_were_published(client):
    page = pages.blog(title="Gedateerd")
    meta = metadata(get_html(client, page.url))
    assert meta["og:type"] == "article"
    assert meta["article:published_time"] == page.date.isoformat()
    assert metadata(get_html(client, "/nieuws/"))["og:type"] == "website"
