"""The five sections: editors create every page type in the admin with real block names;
each renders with its fields; drafts and private pages stay out of every listing."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from dossier.models import Organisation, PageAuthor, Person, Theme
from news.models import NewsIndexPage, NewsPage
from opinion.models import BlogPage, OpinionIndexPage
from projects.models import EventPage, ProjectIndexPage, ProjectPage, ProjectsItemPage
from publications.models import PublicationIndexPage, PublicationPage
from sources.models import SourceIndexPage, SourcePage
from tests import pages
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db

BODY = streamfield(
    [
        ("heading", {"text": "Aanpak", "level": "h2"}),
        ("paragraph", rich_text("<p>Zo pakten we het aan.</p>")),
    ]
)


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("redacteur", "r@example.nl", "x" * 16)
    client.force_login(user)
    return client


def base_form(title, slug, **extra):
    return {
        "title": title,
        "slug": slug,
        "date": "2024-06-01",
        "intro": "Een inleiding van de redactie.",
        "body": BODY,
        "tags": "laadpalen, data",
        "related_page_links": inline_formset([]),
        "action-publish": "publish",
        **extra,
    }


def person():
    return Person.objects.get(name="Jan-Willem Wesselink")


CASES = {
    "news": (
        NewsIndexPage,
        NewsPage,
        lambda: {"kind": "succesverhaal", "source_name": "VNG", "source_url": "https://vng.nl/"},
    ),
    "blog": (
        OpinionIndexPage,
        BlogPage,
        lambda: {"page_authors": inline_formset([{"person": person().pk}])},
    ),
    "project": (
        ProjectIndexPage,
        ProjectPage,
        lambda: {
            "status": "lopend",
            "period_start": "2024-01-01",
            "period_end": "",
            "results": rich_text("<p>Een eerste kaart van alle laadpalen.</p>"),
            "contact_person": person().pk,
            "take_part_title": "Doe mee",
            "take_part_text": "Denk mee over de volgende stap.",
            "take_part_url": "",
            "updates": inline_formset(
                [{"date": "2024-03-01", "title": "Start", "text": rich_text("<p>Begonnen.</p>")}]
            ),
        },
    ),
    "event": (
        ProjectIndexPage,
        EventPage,
        lambda: {
            "start": "2027-03-01 13:00",
            "end": "2027-03-01 17:00",
            "location_name": "Utrecht",
            "location_address": "Stationsplein 1",
            "online_url": "",
            "audience": "Beleidsmakers",
            "registration_url": "https://example.org/aanmelden",
            "contact_person": person().pk,
            "show_contact_email": "on",
            "programme": inline_formset(
                [{"time": "13:15", "title": "Opening", "speaker": person().pk, "slides": ""}]
            ),
            "related_publication": "",
        },
    ),
    "publication": (
        PublicationIndexPage,
        PublicationPage,
        lambda: {
            "kind": "handreiking",
            "publisher": Organisation.objects.get(name="Platform31").pk,
            "part_number": "",
            "external_url": "https://example.org/handreiking",
            "page_authors": inline_formset([{"person": person().pk}]),
        },
    ),
    "source": (
        SourceIndexPage,
        SourcePage,
        lambda: {
            "kind": "dataset",
            "link_url": "https://example.org/data",
            "owner_organisation": Organisation.objects.get(name="Waag").pk,
            "why_read": "Open data over luchtkwaliteit per straat.",
        },
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_editor_creates_and_readers_see_each_page_type(editor, case):
    index_model, model, extra = CASES[case]
    index = index_model.objects.get()
    url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{index.pk}/"
    assert editor.get(url).status_code == 200
    data = nested_form_data(base_form(f"Nieuwe {case}", f"nieuwe-{case}", **extra()))
    data["themes"] = [Theme.objects.get(slug="mobiliteit").pk]  # a multiple choice, not nested
    response = editor.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = model.objects.get(slug=f"nieuwe-{case}")
    assert page.live
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]
    assert [t.slug for t in page.themes] == ["mobiliteit"]
    assert sorted(page.tags.names()) == ["data", "laadpalen"]

    html = editor.get(page.url).content.decode()
    assert len(find_all(html, "h1")) == 1
    assert '<h2 class="block-heading">Aanpak</h2>' in html
    assert find_all(html, "a", href="/thema/mobiliteit/")
    assert find_all(html, "nav", **{"aria-label": "Kruimelpad"})
    assert "Leestijd" not in html  # a short page: its reading time says nothing
    # Readers find it in the section listing.
    listing = editor.get(index.url).content.decode()
    assert f"Nieuwe {case}" in listing


def test_page_type_rules_keep_each_type_in_its_section():
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert BlogPage.allowed_parent_page_models() == [OpinionIndexPage]
    assert set(ProjectIndexPage.allowed_subpage_models()) == {ProjectPage, EventPage}
    assert not ProjectsItemPage.is_creatable
    assert set(PublicationPage.allowed_parent_page_models()) == {
        PublicationIndexPage,
        PublicationPage,
    }
    assert SourcePage.allowed_parent_page_models() == [SourceIndexPage]
    assert not NewsPage.can_create_at(SourceIndexPage.objects.get())


@pytest.mark.parametrize(
    ("make", "index_url"),
    [
        (pages.news, "/nieuws/"),
        (pages.blog, "/opinie/"),
        (pages.project, "/projecten/"),
        (pages.event, "/projecten/"),
        (pages.publication, "/publicaties/"),
        (pages.source, "/bronnen/"),
    ],
)
def test_drafts_and_private_pages_never_appear(client, make, index_url):
    make(title="Geheim concept XQ", live=False, themes=["zorg"])
    pages.make_private(make(title="Besloten pagina XQ", themes=["zorg"]))
    visible = make(title="Openbare pagina XQ", themes=["zorg"])
    for url in (index_url, f"{index_url}?thema=zorg", "/thema/zorg/", "/"):
        html = client.get(url).content.decode()
        assert "Geheim concept XQ" not in html, url
        assert "Besloten pagina XQ" not in html, url
    assert "Openbare pagina XQ" in client.get(index_url).content.decode()
    assert client.get(visible.url).status_code == 200


def test_event_reads_as_report_once_past(client):
    past = pages.event(title="Terugblik", days_from_now=-10)
    html = client.get(past.url).content.decode()
    assert "Verslag van een bijeenkomst" in html
    assert "vond plaats op" in html
    coming = pages.event(title="Vooruitblik", days_from_now=10)
    html = client.get(coming.url).content.decode()
    assert "vond plaats op" not in html
    assert "Bijeenkomst" in html


def test_publication_series_has_numbered_parts_with_previous_and_next(client):
    series = pages.publication(title="Reeks")
    parts = [
        pages.publication(
            title=f"Deel {n}", kind="casus", parent=series, part_number=n, tags=["casus"]
        )
        for n in (1, 2, 3)
    ]
    html = client.get(parts[1].url).content.decode()
    assert find_all(html, "a", href="/zoeken/?tag=casus")  # tags lead into the finder
    assert texts(find_all(html, "a", rel="prev")) == ["← Vorig deel: Deel 1"]
    assert texts(find_all(html, "a", rel="next")) == ["Volgend deel: Deel 3 →"]
    assert texts(find_all(html, "span", **{"aria-current": "page"}))[-1] == "Deel 2"
    series_html = client.get(series.url).content.decode()
    assert "De delen van deze reeks" in series_html
    for part in parts:
        assert f'href="{part.url}"' in series_html


def test_publication_citation_and_ris_download(client):
    page = pages.publication(title='Data & "de gemeente"\nregel twee')
    page.page_authors = [
        PageAuthor(person=Person.objects.get(name="Jos van Winkel"), sort_order=0),
        PageAuthor(person=Person.objects.get(name="Jan-Willem Wesselink"), sort_order=1),
    ]
    page.publisher = Organisation.objects.get(name="Platform31")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "van Winkel, J., &amp; Wesselink, J.-W. (2024)." in html
    assert "<i>Data &amp; &quot;de gemeente&quot;" in html
    response = client.get(page.url + "ris/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert response["Content-Disposition"].startswith("attachment;")
    ris = response.content.decode()
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - RPRT"
    assert 'TI  - Data & "de gemeente" regel twee' in lines
    assert "AU  - van Winkel, Jos" in lines
    assert "PB  - Platform31" in lines
    assert lines[-2] == "ER  - "


def test_the_citation_escapes_the_title_authors_and_publisher(client):
    page = pages.publication(title="<script>alert(1)</script> & meer")
    person = Person.objects.create(name="Ada <b>de</b> Vries & Zn")
    page.page_authors = [PageAuthor(person=person, sort_order=0)]
    page.publisher = Organisation.objects.create(name="Bureau <i>X</i> & Co")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    [citation] = find_all(html, "p", **{"class": "citation__text"})
    start = html.index('<p class="citation__text">')
    markup = html[start : html.index("</p>", start)].removeprefix('<p class="citation__text">')
    assert markup == (
        "&lt;b&gt;de&lt;/b&gt; Vries &amp; Zn, A. (2024). "
        "<i>&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer</i>. "
        f"Bureau &lt;i&gt;X&lt;/i&gt; &amp; Co. {page.get_full_url()}"
    )
    assert "<script>alert(1)" not in html
    assert citation.text.startswith("<b>de</b> Vries & Zn, A. (2024). <script>alert(1)</script> &")


def test_unknown_theme_hub_is_a_404(client):
    assert client.get("/thema/bestaat-niet/").status_code == 404


def test_theme_hub_groups_content_by_section_with_links_into_the_finder(client):
    pages.news(title="Nieuws over zorg", themes=["zorg"])
    pages.source(title="Bron over zorg", themes=["zorg"])
    html = client.get("/thema/zorg/").content.decode()
    assert texts(find_all(html, "h1")) == ["Zorg"]
    assert find_all(html, "a", href="/zoeken/?sectie=nieuws&thema=zorg")
    assert find_all(html, "a", href="/zoeken/?sectie=bronnen&thema=zorg")
    assert find_all(html, "a", href="/zoeken/?thema=zorg")
    assert "Nieuws over zorg" in html and "Bron over zorg" in html
    assert html.index("Nieuws over zorg") < html.index("Bron over zorg")


def test_theme_list_links_every_theme(client):
    html = client.get("/thema/").content.decode()
    for theme in Theme.objects.all():
        assert find_all(html, "a", href=f"/thema/{theme.slug}/")


def test_share_row_has_plain_links_and_no_script_from_elsewhere(client):
    page = pages.news(title="Deelbaar")
    html = client.get(page.url).content.decode()
    share = [
        e.attrs["href"]
        for e in find_all(html, "a")
        if "share" in e.attrs.get("href", "")
        or e.attrs.get("href", "").startswith(("https://wa.me", "mailto:?", "https://x.com"))
    ]
    assert any(h.startswith("https://www.linkedin.com/sharing/") for h in share)
    assert any(h.startswith("https://x.com/intent/post?") for h in share)
    assert any(h.startswith("https://www.facebook.com/sharer/") for h in share)
    assert any(h.startswith("https://wa.me/?") for h in share)
    assert any(h.startswith("mailto:?") for h in share)
    assert [e for e in find_all(html, "a") if "data-copy-link" in e.attrs]
    for script in find_all(html, "script"):
        if script.attrs.get("type") == "application/ld+json":
            continue  # structured data, not a script that runs
        assert script.attrs["src"].startswith("/static/")


def test_related_pages_put_editor_picks_first_then_shared_themes(client):
    from dossier.models import RelatedPageLink

    page = pages.news(title="Hoofdbericht", themes=["veiligheid"], tags=["camera"])
    shared = pages.blog(title="Deelt thema en tag", themes=["veiligheid"], tags=["camera"])
    pages.source(title="Geen overlap", themes=["zorg"])
    picked = pages.publication(title="Door de redactie gekozen")
    page.related_page_links = [RelatedPageLink(target=Page.objects.get(pk=picked.pk), sort_order=0)]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    related = find_all(html, "ul", **{"class": "related__list"})[0].text
    assert related.index("Door de redactie gekozen") < related.index("Deelt thema en tag")
    assert "Geen overlap" not in related
    assert shared.title in related


def test_themes_wait_in_a_draft_until_it_is_published(django_user_model):
    """Themes are a child relation of the page: a draft keeps its own, the live page its."""
    page = pages.news("Thema's in een concept", themes=["zorg"])
    zorg, mobiliteit = Theme.objects.get(slug="zorg"), Theme.objects.get(slug="mobiliteit")
    user = django_user_model.objects.create_superuser("thema-redacteur", "t@example.nl", "x")
    form = NewsPage.get_edit_handler().get_form_class()(instance=page, for_user=user)
    assert form["themes"].initial == [zorg.pk]

    page.themes = [mobiliteit, zorg]
    revision = page.save_revision(user=user)
    assert [t.slug for t in NewsPage.objects.get(pk=page.pk).themes] == ["zorg"]
    assert [t.slug for t in revision.as_object().themes] == ["mobiliteit", "zorg"]

    revision.publish()
    assert [t.slug for t in NewsPage.objects.get(pk=page.pk).themes] == ["mobiliteit", "zorg"]
    listed = NewsIndexPage.objects.get().listing().filter(page_themes__theme=mobiliteit)
    assert page.pk in {item.pk for item in listed}


def test_editors_see_theme_changes_when_they_compare_revisions(client, django_user_model):
    page = pages.news("Thema's vergelijken", themes=["zorg"])
    live = page.get_latest_revision()
    page.themes = [Theme.objects.get(slug="mobiliteit")]
    draft = page.save_revision()
    client.force_login(django_user_model.objects.create_superuser("vergelijker", "v@x.nl", "x"))
    url = f"/admin/pages/{page.pk}/revisions/compare/{live.pk}...{draft.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thema&#x27;s" in html or "Thema's" in html
    assert "Mobiliteit" in html and "Zorg" in html
