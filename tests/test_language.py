"""The public interface speaks Dutch, in one voice: every template type is rendered and its
visible text (and the text a screen reader announces) read for English interface words,
doubled punctuation and the wording faults readers noticed."""

import re
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.models import Site

from dossier.models import DossierSettings, Organisation, Person, Theme
from news.models import NewsPage
from opinion.models import BlogPage
from projects.models import EventPage, ProjectPage
from publications.models import PublicationPage
from sources.models import SourcePage

pytestmark = pytest.mark.django_db

#: Interface words that only English templates would put on a page. Content may be English
#: ("Brainport Smart District", "Internet of Things"), so these are interface words and
#: phrases, matched as whole words.
ENGLISH = [
    "Home",
    "Search",
    "Read more",
    "Share",
    "Next",
    "Previous",
    "Page",
    "Submit",
    "Skip to",
    "Menu",
    "Results",
    "Published",
    "Updated",
    "Author",
    "Close",
    "Back",
    "Loading",
    "Required",
    "Optional",
    "Reset",
    "Sort by",
    "the",
    "and",
    "with",
    "your",
    "you",
    "please",
    "click here",
    "minutes",
    "Moderators",
]
ENGLISH_PATTERN = re.compile(r"\b(" + "|".join(re.escape(word) for word in ENGLISH) + r")\b")
#: Punctuation that a label and its message run into ("Wat wilt u bijdragen?: Kies ...").
DOUBLED = re.compile(r"[?.!:]\s*:|\.\s*\.(?!\.)")
#: Attributes whose text a reader sees or hears.
SPOKEN_ATTRIBUTES = ("alt", "aria-label", "title", "placeholder")


class VisibleText(HTMLParser):
    """The text a reader sees or hears: element text outside script, style and template,
    plus alt texts, labels and titles. JSON-LD and meta tags are for machines."""

    HIDDEN = {"script", "style", "template", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden_depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden_depth += 1
            return
        if self.hidden_depth:
            return
        for name, value in attrs:
            if name in SPOKEN_ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1

    def handle_data(self, data):
        if not self.hidden_depth and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return parser.parts


def problems(html):
    """(kind, text) for every English interface word and every doubled punctuation."""
    found = []
    for text in visible_text(html):
        found += [
            ("English", f"{match.group(0)!r} in {text!r}")
            for match in ENGLISH_PATTERN.finditer(text)
        ]
        found += [("punctuation", text) for _ in DOUBLED.finditer(text)]
    return found


def first_url(model):
    return model.objects.live().order_by("path").first().url


def reader_urls():
    """One URL for every template type a reader meets."""
    theme = Theme.objects.order_by("slug").first()
    past_event = EventPage.objects.live().filter(location_name__startswith="Workshop").first()
    series = PublicationPage.objects.live().filter(part_number__isnull=True, depth=4)
    part = PublicationPage.objects.live().filter(part_number__isnull=False).first()
    return [
        "/",
        "/nieuws/",
        "/nieuws/?page=2",
        f"/nieuws/?thema={theme.slug}",
        "/opinie/",
        "/projecten/",
        "/publicaties/",
        "/bronnen/",
        first_url(NewsPage),
        first_url(BlogPage),
        first_url(ProjectPage),
        first_url(EventPage),
        past_event.url,
        series.first().url,
        part.url,
        first_url(SourcePage),
        "/over-dit-dossier/",
        "/colofon/",
        "/bijdragen/",
        "/thema/",
        f"/thema/{theme.slug}/",
        "/zoeken/",
        "/zoeken/?q=data",
        "/zoeken/?q=zzqqxxnietsgevonden",
        "/bestaat-niet/",
    ]


def test_no_english_interface_words_on_any_template_type(client):
    found = {}
    for url in reader_urls():
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        if problem := problems(response.content.decode()):
            found[url] = problem
    assert found == {}


def test_the_form_with_errors_reads_well(client):
    response = client.post(
        "/bijdragen/",
        {"name": "Jan\nJansen", "email": "geen-adres", "title": "x" * 500, "link": "ftp://x"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert problems(html) == []
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    # Each message names its field, so the summary needs no labels in front.
    assert "Schrijf uw naam op één regel" in summary
    assert "Maak de titel korter: hoogstens 200 tekens (nu 500)." in summary
    assert "Kies wat u wilt bijdragen." in summary


@pytest.mark.parametrize("template", ["404.html", "500.html", "503.html", "403_csrf.html"])
def test_error_pages_speak_dutch(template):
    request = RequestFactory().get("/")
    html = render_to_string(template, {"minutes": 5}, request=request)
    assert visible_text(html)
    assert problems(html) == []


def test_detector_finds_what_it_looks_for():
    """The checks above can fail: English words and doubled punctuation are found."""
    html = (
        "<main><a href='/'>Home</a><p>Read more about the dossier</p>"
        "<img alt='Share this'><li>Wat wilt u bijdragen?: Kies iets.</li>"
        "<script>var Home = 1;</script></main>"
    )
    kinds = [kind for kind, _ in problems(html)]
    assert kinds.count("English") == 4
    assert kinds.count("punctuation") == 1


def test_every_breadcrumb_trail_starts_at_the_home_page_by_its_title(client):
    home_title = client.get("/").context["page"].title
    for url in ["/zoeken/?q=data", "/thema/", f"/thema/{Theme.objects.first().slug}/", "/nieuws/"]:
        trail = client.get(url).context["breadcrumb_trail"] if url != "/nieuws/" else None
        if trail is not None:
            assert trail[0] == {"title": home_title, "url": "/"}, url
    html = client.get("/zoeken/?q=data").content.decode()
    assert f'<a href="/">{home_title}</a>' in html


def test_opinion_is_called_opinion_in_lists_and_on_the_page(client):
    blog = BlogPage.objects.live().first()
    listing = client.get("/opinie/").content.decode()
    assert '<span class="card__kind">Opinie</span>' in listing
    assert '<span class="card__kind">Blog</span>' not in listing
    assert "Opinie" in client.get(blog.url).content.decode()


def test_an_event_names_its_place_once():
    event = EventPage(location_name="Workshoplocatie in Utrecht", location_address="Utrecht")
    assert event.place == "Workshoplocatie in Utrecht"
    event.location_address = "Stationsplein 1, Utrecht"
    assert event.place == "Workshoplocatie in Utrecht, Stationsplein 1, Utrecht"
    event.location_name, event.location_address = "", "Stadhuis Zwolle"
    assert event.place == "Stadhuis Zwolle"
    event.location_name, event.location_address = "Stadhuis", "Stadhuis Zwolle, Grote Kerkplein"
    assert event.place == "Stadhuis Zwolle, Grote Kerkplein"


def test_a_role_that_names_its_organisation_is_not_followed_by_it():
    ministry = Organisation.objects.create(
        name="Ministerie van Proeven en Toetsen", kind="overheid"
    )
    minister = Person(name="Minister", role="minister van Proeven en Toetsen")
    minister.organisation = ministry
    assert minister.role_line == "minister van Proeven en Toetsen"
    amersfoort = Organisation.objects.create(name="Gemeente Nergenshuizen", kind="gemeente")
    head = Person(name="Hoofd", role="hoofd Bestuur, Strategie en Veiligheid")
    head.organisation = amersfoort
    assert head.role_line == "hoofd Bestuur, Strategie en Veiligheid, Gemeente Nergenshuizen"
    # One remaining word is not enough to tell: a province is not the municipality.
    adviser = Person(name="Adviseur", role="adviseur bij de provincie Proefstad")
    adviser.organisation = Organisation.objects.create(name="Gemeente Proefstad", kind="gemeente")
    assert adviser.role_line == "adviseur bij de provincie Proefstad, Gemeente Proefstad"


def test_public_pages_name_the_publisher_not_the_institute(client):
    site = Site.objects.get(is_default_site=True)
    name = DossierSettings.for_site(site).organisation_name
    assert name and name != "Kennisinstituut"
    for url in ["/projecten/", "/publicaties/", "/colofon/", "/over-dit-dossier/"]:
        html = client.get(url).content.decode()
        assert "het kennisinstituut" not in html, url
        assert name in html, url


def test_the_demo_keeps_the_facts_of_its_sources(client):
    workshop = EventPage.objects.live().get(slug="workshop-aan-de-slag-met-smart-en-leefbaar")
    html = client.get(workshop.url).content.decode()
    assert 'href="tel:0628638426">06 28 63 84 26</a>' in html
    assert "Future City Foundation</a></dd>" in html
    assert "Workshoplocatie in Utrecht, Utrecht" not in html
    agenda = NewsPage.objects.live().get(slug="steunverklaring-smart-society")
    assert "circulaire-economie" in {theme.slug for theme in agenda.themes}
    foreword = BlogPage.objects.live().get(slug="van-slimme-stad-naar-slimme-samenleving")
    html = client.get(foreword.url).content.decode()
    assert "Eerder verschenen in Campagne Smart Society van European Media Partner" in html
    assert "minister van Binnenlandse Zaken en Koninkrijksrelaties, Ministerie" not in html
