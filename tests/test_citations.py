"""References to publications as reference managers read them: the APA text on the page, the
RIS download (read with rispy) and the BibTeX download (read with bibtexparser), for a report,
a part of a series, a book, a chapter and an essay."""

from datetime import date

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares
from django.core.exceptions import ValidationError

from dossier.models import Organisation, PageAuthor, Person
from publications import citations
from publications.models import PublicationPage
from tests import pages
from tests.helpers import find_all

pytestmark = pytest.mark.django_db

NASTY = 'Data & "de gemeente" {in} 100% \u2013 één café\nregel twee'
NASTY_ONE_LINE = 'Data & "de gemeente" {in} 100% \u2013 één café regel twee'


def demo_page(slug):
    return PublicationPage.objects.get(slug=slug)


def read_ris(client, page):
    response = client.get(page.url + "ris/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="')
    [entry] = rispy.loads(response.content.decode())
    return entry, page.get_full_url(response.wsgi_request)


def read_bibtex(client, page):
    response = client.get(page.url + "bib/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"].endswith('.bib"')
    library = bibtexparser.parse_string(
        response.content.decode(),
        append_middleware=[
            middlewares.LatexDecodingMiddleware(),
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
        ],
    )
    assert library.failed_blocks == []
    [entry] = library.entries
    return entry, page.get_full_url(response.wsgi_request)


def citation_markup(html):
    start = html.index('<p class="citation__text">') + len('<p class="citation__text">')
    return html[start : html.index("</p>", start)]


def with_authors(page, *names):
    page.page_authors = [
        PageAuthor(person=Person.objects.get_or_create(name=name)[0], sort_order=n)
        for n, name in enumerate(names)
    ]
    return page


# --- a part of a series: the demo's third case ------------------------------------------


def test_series_part_apa_names_series_number_and_commissioner(client):
    part = demo_page("samen-meten-aan-luchtkwaliteit")
    response = client.get(part.url)
    url = part.get_full_url(response.wsgi_request)
    assert citation_markup(response.content.decode()) == (
        "Waag. (2019). <i>Samen meten aan luchtkwaliteit</i> (Smart society cases, deel 3). "
        f"In opdracht van Vereniging van Nederlandse Gemeenten. {url}"
    )


def test_series_part_ris(client):
    entry, url = read_ris(client, demo_page("samen-meten-aan-luchtkwaliteit"))
    assert entry["type_of_reference"] == "RPRT"
    assert entry["title"] == "Samen meten aan luchtkwaliteit"
    assert entry["secondary_title"] == "Smart society cases"  # Zotero: the report's series
    assert entry["issn"] == "3"  # SN, Zotero's report number
    assert entry["authors"] == ["Waag"]
    assert entry["publisher"] == "Waag"
    assert entry["year"] == "2019"
    assert entry["urls"] == [url]
    assert entry["notes"] == ["In opdracht van Vereniging van Nederlandse Gemeenten"]


def test_series_part_bibtex(client):
    entry, url = read_bibtex(client, demo_page("samen-meten-aan-luchtkwaliteit"))
    assert entry.entry_type == "techreport"
    assert entry["title"] == "Samen meten aan luchtkwaliteit"
    assert entry["series"] == "Smart society cases"
    assert entry["number"] == "3"
    assert [name.last for name in entry["author"]] == [["Waag"]]
    assert entry["institution"] == "Waag"
    assert entry["year"] == "2019"
    assert entry["url"] == url
    assert entry["note"] == "In opdracht van Vereniging van Nederlandse Gemeenten"


def test_the_series_itself_is_a_report_by_its_publisher(client):
    series = demo_page("smart-society-cases")
    entry, url = read_ris(client, series)
    assert (entry["type_of_reference"], entry["title"]) == ("RPRT", "Smart society cases")
    assert "secondary_title" not in entry
    assert "issn" not in entry
    html = client.get(series.url).content.decode()
    assert citation_markup(html) == (
        "Waag. (2019). <i>Smart society cases</i>. "
        f"In opdracht van Vereniging van Nederlandse Gemeenten. {url}"
    )


# --- a report by people, a book, a chapter, an essay ---------------------------------------


def test_report_with_authors(client):
    page = with_authors(pages.publication(title="Datagedreven sturing"), "Jos van Winkel")
    page.publisher = Organisation.objects.get(name="Platform31")
    page.save_revision().publish()
    entry, url = read_ris(client, page)
    assert entry["type_of_reference"] == "RPRT"
    assert entry["authors"] == ["van Winkel, Jos"]
    assert (entry["publisher"], entry["year"], entry["urls"]) == ("Platform31", "2024", [url])
    assert "secondary_title" not in entry
    bib, _ = read_bibtex(client, page)
    assert bib.entry_type == "techreport"
    [author] = bib["author"]
    assert (author.first, author.von, author.last) == (["Jos"], ["van"], ["Winkel"])
    assert (bib["institution"], bib["year"], bib["url"]) == ("Platform31", "2024", url)
    assert "series" not in bib.fields_dict
    html = client.get(page.url).content.decode()
    assert citation_markup(html) == (
        f"van Winkel, J. (2024). <i>Datagedreven sturing</i>. Platform31. {url}"
    )


def test_book_and_its_chapters(client):
    book = pages.publication(title="Slimme stad, wijze stad", kind="boek")
    book.publisher = Organisation.objects.get(name="Future City Foundation")
    book.save_revision().publish()
    chapter = with_authors(
        pages.publication(title="Wie beslist?", kind="essay", parent=book, part_number=2),
        "Sanne de Vries",
    )
    chapter.save_revision().publish()

    entry, url = read_ris(client, book)
    assert entry["type_of_reference"] == "BOOK"
    assert (entry["title"], entry["publisher"], entry["year"]) == (
        "Slimme stad, wijze stad",
        "Future City Foundation",
        "2024",
    )
    assert entry["authors"] == ["Future City Foundation"]
    bib, _ = read_bibtex(client, book)
    assert (bib.entry_type, bib["publisher"], bib["url"]) == ("book", "Future City Foundation", url)

    entry, url = read_ris(client, chapter)
    assert entry["type_of_reference"] == "CHAP"
    assert entry["secondary_title"] == "Slimme stad, wijze stad"  # the book
    assert entry["section"] == "2"  # SE: the chapter's number
    assert entry["authors"] == ["de Vries, Sanne"]
    assert entry["publisher"] == "Future City Foundation"  # from the book
    bib, _ = read_bibtex(client, chapter)
    assert bib.entry_type == "incollection"
    assert (bib["booktitle"], bib["chapter"], bib["publisher"]) == (
        "Slimme stad, wijze stad",
        "2",
        "Future City Foundation",
    )
    html = client.get(chapter.url).content.decode()
    assert citation_markup(html) == (
        "de Vries, S. (2024). Wie beslist? In <i>Slimme stad, wijze stad</i> (deel 2). "
        f"Future City Foundation. {url}"
    )


def test_essay_is_a_web_page(client):
    essay = demo_page("open-de-black-box")
    entry, url = read_ris(client, essay)
    assert entry["type_of_reference"] == "ELEC"
    assert entry["title"] == "Open de black box"
    assert entry["authors"] == ["Stikker, Marleen"]
    assert entry["secondary_title"] == "Waag"  # the website
    assert (entry["publisher"], entry["year"], entry["urls"]) == ("Waag", "2019", [url])
    bib, _ = read_bibtex(client, essay)
    assert bib.entry_type == "misc"
    assert [name.last for name in bib["author"]] == [["Stikker"]]
    assert (bib["title"], bib["publisher"], bib["year"], bib["url"]) == (
        "Open de black box",
        "Waag",
        "2019",
        url,
    )
    html = client.get(essay.url).content.decode()
    assert citation_markup(html) == (
        f"Stikker, M. (2019, 10 december). <i>Open de black box</i>. Waag. {url}"
    )


# --- titles that break naive formatting -----------------------------------------------


def test_nasty_titles_survive_ris_and_bibtex(client):
    page = with_authors(pages.publication(title=NASTY), "Ada Ö'Brien-Çelik", "Jan-Willem de Wit")
    page.publisher = Organisation.objects.create(name="Bureau {X} & Zn_ #1")
    page.save_revision().publish()
    entry, _ = read_ris(client, page)
    assert entry["title"] == NASTY_ONE_LINE
    assert entry["authors"] == ["Ö'Brien-Çelik, Ada", "de Wit, Jan-Willem"]
    assert entry["publisher"] == "Bureau {X} & Zn_ #1"
    bib, _ = read_bibtex(client, page)
    assert bib["title"] == NASTY_ONE_LINE
    assert bib["institution"] == "Bureau {X} & Zn_ #1"
    assert [(n.first, n.last) for n in bib["author"]] == [
        (["Ada"], ["Ö'Brien-Çelik"]),
        (["Jan-Willem"], ["Wit"]),
    ]
    html = client.get(page.url).content.decode()
    assert citation_markup(html).startswith(
        "Ö&#x27;Brien-Çelik, A., &amp; de Wit, J.-W. (2024). "
        "<i>Data &amp; &quot;de gemeente&quot; {in} 100% \u2013 één café regel twee</i>. "
    )


def test_bibtex_escapes_what_latex_and_bibtex_read_as_syntax():
    assert citations.latex("a & b_c 50% $5 #1 ~ ^ \\") == (
        r"a \& b\_c 50\% \$5 \#1 \textasciitilde{} \textasciicircum{} \textbackslash{}"
    )
    assert citations.latex("{paired}") == r"\{paired\}"
    # An unpaired brace would end or swallow the value: written without a brace of its own.
    assert citations.latex("open { only") == r"open \textbraceleft{} only"
    reference = citations.Reference(
        form=citations.REPORT, title="open { only } } x", date=date(2024, 1, 2), url=""
    )
    library = bibtexparser.parse_string(citations.bibtex(reference))
    assert library.failed_blocks == []
    assert library.entries[0].key == "anoniem2024open"


# --- the citation block --------------------------------------------------------------------


def test_citation_block_offers_apa_ris_and_bibtex_in_dutch(client):
    part = demo_page("samen-meten-aan-luchtkwaliteit")
    html = client.get(part.url).content.decode()
    links = {a.attrs["href"]: " ".join(a.text.split()) for a in find_all(html, "a")}
    assert links[part.url + "ris/"] == "RIS-bestand"
    assert links[part.url + "bib/"] == "BibTeX-bestand"
    assert "Verwijzen naar deze publicatie" in html
    assert "APA-stijl" in html


def test_reserved_slug_bib_is_refused():
    page = pages.publication(title="Bib")
    page.slug = "bib"  # would hide the series' BibTeX download
    with pytest.raises(ValidationError) as raised:
        page.clean()
    assert "gereserveerd" in raised.value.message_dict["slug"][0]


def test_api_names_the_commissioner(client):
    series = demo_page("smart-society-cases")
    response = client.get(f"/api/v2/pages/{series.pk}/")
    assert response.status_code == 200
    assert response.json()["commissioner"]["name"] == "Vereniging van Nederlandse Gemeenten"
