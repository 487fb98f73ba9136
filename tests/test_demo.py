"""The demo dossier loads completely from its files, and loading it again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from dossier.demo import data
from dossier.models import (
    DossierHomePage,
    DossierSettings,
    Organisation,
    PageAuthor,
    Person,
    RelatedPageLink,
    Theme,
)

pytestmark = pytest.mark.django_db


def test_site_root_is_the_dossier_home_page():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, DossierHomePage)
    assert site.root_page.url_path == "/home/"
    # Wagtail's own welcome page is gone.
    assert not Page.objects.filter(title__startswith="Welcome").exists()


def test_demo_has_the_themes_people_and_organisations_of_its_files():
    content = data.read_content()
    assert sorted(Theme.objects.values_list("slug", "name", "description")) == sorted(
        (theme["slug"], theme["name"], theme.get("description", "")) for theme in content.themes
    )
    assert sorted(Organisation.objects.values_list("name", "kind", "website", "is_own")) == sorted(
        (o["name"], o["kind"], o.get("website", ""), o.get("is_own", False))
        for o in content.organisations
    )
    assert sorted(Person.objects.values_list("name", "role", "organisation__name", "email")) == (
        sorted(
            (p["name"], p.get("role", ""), p.get("organisation"), p.get("email", ""))
            for p in content.people
        )
    )
    assert len(content.themes) == 7
    assert Organisation.objects.filter(is_own=True).count() == 1
    assert Person.objects.get(name="Jan-Willem Wesselink").organisation.name == (
        "Future City Foundation"
    )


def _expected_tree(content):
    """url_path -> page file, and url_path -> the slugs of its children in load order."""
    pages = {"/home/": content.home}
    children = {"/home/": [section.slug for section in content.sections]}
    for kind in ("dossier.StandardPage", "contributions.ContributionFormPage"):
        for page in content.pages:
            if page["type"] == kind:
                pages[f"/home/{page['slug']}/"] = page
                children["/home/"].append(page["slug"])
    for section in content.sections:
        index = f"/home/{section.slug}/"
        pages[index] = section.index
        children[index] = [page["slug"] for page in section.pages]
        for page in section.pages:
            url = f"{index}{page['slug']}/"
            pages[url] = page
            children[url] = [part["slug"] for part in page.get("parts", [])]
            for part in page.get("parts", []):
                pages[f"{url}{part['slug']}/"] = part
    return pages, children


def test_every_page_file_is_a_live_page_with_its_fields_and_relations():
    content = data.read_content()
    expected, children = _expected_tree(content)
    home = Site.objects.get(is_default_site=True).root_page
    pages = {page.url_path: page for page in Page.objects.descendant_of(home, inclusive=True)}
    # No page more, none less, and every page's children in the order of the files.
    assert sorted(pages) == sorted(expected)
    for url, slugs in children.items():
        assert [child.slug for child in pages[url].get_children()] == slugs, url
    url_of = {
        f"{section}/{spec['slug']}": url
        for url, spec in expected.items()
        for section, other in content.section_pages()
        if other is spec
    }
    for url, spec in expected.items():
        page = pages[url].specific
        assert page.live, url
        assert f"{page._meta.app_label}.{type(page).__name__}" == spec["type"], url
        assert page.title == spec["title"], url
        if "date" in spec:
            assert page.date == spec["date"], url
        if "start" in spec:
            assert page.start == timezone.make_aware(spec["start"]), url
        if "themes" in spec:
            assert sorted(t.slug for t in page.themes) == sorted(spec["themes"]), url
            assert sorted(page.tags.names()) == sorted(spec.get("tags", [])), url
            assert page.image is None, url  # no placeholder art where no image was chosen
        if "authors" in spec:
            assert [a.person.name for a in page.page_authors.all()] == spec["authors"], url
        if "related_publication" in spec:
            assert page.related_publication.url_path == url_of[spec["related_publication"]]
    for section, spec in content.section_pages():
        page = pages[url_of[f"{section}/{spec['slug']}"]]
        related = [link.target.url_path for link in page.related_page_links.all()]
        assert related == [url_of[ref] for ref in spec.get("related", [])], spec["file"]


def test_settings_link_the_contribution_page_and_footer():
    dossier_settings = DossierSettings.for_site(Site.objects.get(is_default_site=True))
    assert dossier_settings.contribution_page.url_path == "/home/bijdragen/"
    assert [block.value.url for block in dossier_settings.footer_links] == [
        "/over-dit-dossier/",
        "/privacy/",
        "/toegankelijkheid/",
        "/bijdragen/",
        "/colofon/",
    ]


def _counts():
    return [
        model.objects.count()
        for model in (
            Page,
            Revision,
            Theme,
            Organisation,
            Person,
            PageAuthor,
            RelatedPageLink,
            get_image_model(),
            get_document_model(),
        )
    ]


def test_loading_again_changes_nothing():
    before = _counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
    assert _counts() == before


def test_loading_again_restores_an_edited_page():
    page = Page.objects.get(slug="privacy").specific
    page.intro = "Door een redacteur gewijzigd"
    page.save_revision().publish()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "~ standaardpagina /privacy/" in out.getvalue()
    page.refresh_from_db()
    assert page.intro.startswith("Welke gegevens")


def test_content_that_does_not_fit_is_refused_before_anything_is_written(monkeypatch):
    content = data.read_content()
    content.settings["footer_links"] = ["bestaat-niet"]
    content.themes[0]["name"] = "Door het laden gewijzigd"
    monkeypatch.setattr("dossier.demo.loader.read_content", lambda: content)
    with pytest.raises(CommandError, match=r"settings\.toml: no page 'bestaat-niet'"):
        call_command("load_demo", stdout=StringIO())
    assert not Theme.objects.filter(name="Door het laden gewijzigd").exists()
