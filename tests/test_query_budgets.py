"""SQL queries per page stay the same as the dossier grows."""

import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images import get_image_model

from dossier.models import Organisation, PageAuthor, Person
from tests import pages

pytestmark = pytest.mark.django_db

# At most 15 queries for any page, at any size of the dossier (bench/run.py's MAX_QUERIES).
# The navigation, footer, sections, settings and view restrictions come from the cache
# (dossier/ops/versioned.py), as they do on every request but the first after a change.
BUDGET = 15
# The HTML pages readers read take fewer: their cards and filter fields are kept as HTML per
# page revision, and the site, sections and breadcrumbs of a page in a section come from the
# cache (dossier/fragments.py, dossier/ops/sites.py).
PAGE_BUDGET = 10
#: The downloads, feeds and files among ``urls()``: they have only the overall budget.
NOT_PAGES = ("feed/", "feeds/", ".ics", "ris/", "bib/", ".xml")


def queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_content(count):
    """``count`` more pages of every type, sharing themes and tags, so lists grow."""
    made = {}
    for n in range(count):
        options = {"themes": ["mobiliteit", "zorg"], "tags": ["groei", f"tag-{n}"]}
        made.setdefault("news", pages.news(title=f"Bericht {n}", **options))
        pages.blog(title=f"Blog {n}", **options)
        made.setdefault("project", pages.project(title=f"Project {n}", **options))
        made.setdefault("event", pages.event(title=f"Sessie {n}", days_from_now=n - 3, **options))
        series = pages.publication(title=f"Reeks {n}", **options)
        made.setdefault("publication", series)
        pages.publication(title=f"Deel {n}", parent=series, part_number=1, **options)
        made.setdefault("source", pages.source(title=f"Bron {n}", **options))
        made.setdefault("blog", pages.blog(title=f"Blog extra {n}", **options))
    return made


def urls(made):
    return [
        "/",
        "/nieuws/",
        "/opinie/",
        "/projecten/",
        "/publicaties/",
        "/bronnen/",
        "/nieuws/?thema=mobiliteit&page=2",
        "/thema/",
        "/thema/mobiliteit/",
        "/bijdragen/",
        "/zoeken/?q=bericht",
        "/zoeken/?q=blog&thema=mobiliteit",
        "/nieuws/feed/",
        "/projecten/agenda.ics",
        "/feeds/",
        "/thema/mobiliteit/feed/",
        f"{made['event'].url}agenda.ics",
        f"{made['publication'].url}ris/",
        f"{made['publication'].url}bib/",
        "/sitemap.xml",
        *(page.url for page in made.values()),
    ]


def test_queries_do_not_grow_with_content(client):
    small = add_content(2)
    counts_small = {url: queries(client, url) for url in urls(small)}
    add_content(30)
    counts_large = {url: queries(client, url) for url in urls(small)}
    assert counts_large == counts_small
    for url, count in counts_large.items():
        assert count <= BUDGET, f"{url}: {count} queries"
        if not url.endswith(NOT_PAGES):
            assert count <= PAGE_BUDGET, f"{url}: {count} queries"


def test_event_queries_do_not_grow_with_its_programme(client):
    from dossier.models import Person
    from projects.models import ProgrammeItem
    from tests.test_blocks import make_document

    page = pages.event(title="Druk programma", days_from_now=-2)
    speaker = Person.objects.get(name="Jos van Winkel")

    def with_items(count):
        page.programme = [
            ProgrammeItem(
                title=f"Praatje {n}",
                speaker=speaker,
                slides=make_document(f"Slides {n}"),
                sort_order=n,
            )
            for n in range(count)
        ]
        page.save_revision().publish()
        return queries(client, page.url)

    assert with_items(1) == with_items(6)


def test_contribution_form_queries_do_not_grow_with_submissions(client):
    from django.utils import timezone

    from contributions.models import Contribution

    def with_submissions(count):
        Contribution.objects.bulk_create(
            Contribution(
                name=f"Inzender {n}",
                email="inzender@example.nl",
                kind="nieuwstip",
                title=f"Tip {n}",
                text="Tekst",
                consent_at=timezone.now(),
            )
            for n in range(count)
        )
        return queries(client, "/bijdragen/")

    first = with_submissions(1)
    assert first == with_submissions(50)
    assert first <= BUDGET


def test_a_fully_described_publication_stays_in_budget(client):
    """Everything a publication page can show at once: a part of a series with a publisher
    and a commissioner, authors, an image, themes and tags, the citation and the parts."""
    waag = Organisation.objects.create(name="Waag (budget)", kind="maatschappelijk")
    vng = Organisation.objects.create(name="VNG (budget)", kind="overheid")
    options = {"themes": ["mobiliteit", "zorg"], "tags": ["groei", "sensoren"]}
    series = pages.publication(title="Reeks met alles", **options)
    series.publisher, series.commissioner = waag, vng
    series.save_revision().publish()
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), "#0b4f6c").save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Meetkastje", file=ImageFile(io.BytesIO(buffer.getvalue()), name="kastje.png")
    )
    parts = []
    for number in (1, 2, 3):
        part = pages.publication(
            title=f"Deel met alles {number}", parent=series, part_number=number, **options
        )
        part.image, part.image_alt = image, "Een meetkastje aan een gevel"
        part.page_authors = [
            PageAuthor(person=Person.objects.create(name=f"Auteur {number} {n}"), sort_order=n)
            for n in range(2)
        ]
        part.save_revision().publish()
        parts.append(part)
    for page in (series, parts[1]):
        assert queries(client, page.url) <= BUDGET, page.url
