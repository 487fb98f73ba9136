"""The demo dossier loads completely, and loading it again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from dossier.models import DossierHomePage, DossierSettings, Organisation, Person, Theme

pytestmark = pytest.mark.django_db


def test_site_root_is_the_dossier_home_page():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, DossierHomePage)
    assert site.root_page.url_path == "/home/"
    # Wagtail's own welcome page is gone.
    assert not Page.objects.filter(title__startswith="Welcome").exists()


def test_demo_has_the_seed_themes_people_and_organisations():
    assert list(Theme.objects.values_list("slug", flat=True)) == [
        "circulaire-economie",
        "digitale-inclusie",
        "klimaat-en-energie",
        "mobiliteit",
        "veiligheid",
        "verantwoord-datagebruik",
        "zorg",
    ]
    assert Organisation.objects.filter(is_own=True).count() == 1
    assert Person.objects.get(name="Jan-Willem Wesselink").organisation.name == (
        "Future City Foundation"
    )


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


def test_loading_again_changes_nothing():
    pages = Page.objects.count()
    revisions = Revision.objects.count()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions


def test_loading_again_restores_an_edited_page():
    page = Page.objects.get(slug="privacy").specific
    page.intro = "Door een redacteur gewijzigd"
    page.save_revision().publish()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "~ standaardpagina /privacy/" in out.getvalue()
    page.refresh_from_db()
    assert page.intro.startswith("Welke gegevens")
