"""A contributor in a real browser: the form empty and with errors passes axe-core, a
piece with a file goes through to the thank-you page and into the database, and a post refused
by the rate limit comes back with everything typed."""

import time

import pytest
from django.core import signing
from django.db import connection

from contributions.abuse import TOKEN_SALT
from contributions.models import Contribution
from tests.test_browser import axe_violations

pytestmark = pytest.mark.browser

TITLE = "Browsertest: datagedreven wijkaanpak in Deventer"
LIMITED_TITLE = "Browsertest: sensoren in het park"
LIMITED_EMAIL = "pieter@zwolle.example"


@pytest.fixture
def cleanup(django_db_blocker):
    """The served copy commits the submission; remove it afterwards for the other tests."""
    yield
    with django_db_blocker.unblock():
        for contribution in Contribution.objects.filter(title__in=[TITLE, LIMITED_TITLE]):
            contribution.delete()
        # Close this connection, or it would keep the test database from being dropped.
        connection.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_empty_form_has_no_wcag_violations(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "/bijdragen/")
    assert page.get_by_role("heading", level=1).inner_text() == "Bijdragen aan het dossier"
    assert axe_violations(page) == []
    # The honeypot is hidden from people and from assistive technology.
    assert not page.locator("#id_website").is_visible()


def test_contributor_sends_a_piece_with_a_file(
    page, site_url, tmp_path, django_db_blocker, cleanup
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "/bijdragen/")

    # Sent empty: the form comes back with a summary that has focus and links to each field.
    page.get_by_role("button", name="Bijdrage versturen").click()
    summary = page.get_by_role("alert")
    assert "Controleer het formulier" in summary.inner_text()
    assert page.evaluate("() => document.activeElement.className") == "error-summary"
    assert page.title().startswith("Fout: ")
    assert axe_violations(page) == []
    summary.get_by_role("link", name="Vul uw e-mailadres in.", exact=True).click()
    assert page.evaluate("() => document.activeElement.id") == "id_email"
    assert page.get_by_label("E-mailadres").get_attribute("aria-invalid") == "true"

    attachment = tmp_path / "wijkaanpak.pdf"
    attachment.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    page.get_by_label("Naam").fill("Sanne de Vries")
    page.get_by_label("Organisatie (niet verplicht)").fill("Gemeente Deventer")
    page.get_by_label("E-mailadres").fill("sanne@deventer.example")
    page.get_by_label("Project of bijeenkomst").check()
    page.get_by_label("Titel of onderwerp").fill(TITLE)
    page.get_by_label("Uw bijdrage").fill("Wij werken met buurtdata.\n\nEen tweede alinea.")
    page.get_by_label("Link (niet verplicht)").fill("https://www.deventer.nl/wijkaanpak")
    page.get_by_label("Bijlage (niet verplicht)").set_input_files(str(attachment))
    page.get_by_label("Ik geef toestemming").check()
    # The time-trap refuses forms sent within three seconds of being shown.
    page.wait_for_timeout(3200)
    page.get_by_role("button", name="Bijdrage versturen").click()

    page.wait_for_url(site_url + "/bijdragen/bedankt/")
    assert page.get_by_role("heading", level=1).inner_text() == "Bedankt voor uw bijdrage"
    with django_db_blocker.unblock():
        stored = Contribution.objects.get(title=TITLE)
        assert stored.kind == Contribution.Kind.PROJECT
        assert stored.organisation == "Gemeente Deventer"
        assert stored.attachment_name == "wijkaanpak.pdf"
        assert stored.attachment_type == "application/pdf"
        assert stored.attachment.name.endswith(".pdf")
        assert "wijkaanpak" not in stored.attachment.name  # stored under a random name


def fill_in(page, text):
    page.get_by_label("Naam").fill("Pieter Jansen")
    page.get_by_label("Organisatie (niet verplicht)").fill("Gemeente Zwolle")
    page.get_by_label("E-mailadres").fill(LIMITED_EMAIL)
    page.get_by_label("Nieuwstip").check()
    page.get_by_label("Titel of onderwerp").fill(LIMITED_TITLE)
    page.get_by_label("Uw bijdrage").fill(text)
    page.get_by_label("Ik geef toestemming").check()
    # As if the form had been open for a minute: the time-trap lets it through at once.
    started = signing.dumps(time.time() - 60, salt=TOKEN_SALT)
    page.locator("input[name=started]").evaluate("(input, value) => input.value = value", started)


def test_a_refused_post_keeps_what_was_typed(page, site_url, tmp_path, django_db_blocker, cleanup):
    """The fourth piece from one e-mail address within the hour is refused: the reader sees
    why, when to try again, that the file must be chosen again, and everything they typed."""
    page.set_viewport_size({"width": 1280, "height": 900})
    for n in range(3):
        page.goto(site_url + "/bijdragen/")
        fill_in(page, f"Bijdrage {n}.")
        page.get_by_role("button", name="Bijdrage versturen").click()
        page.wait_for_url(site_url + "/bijdragen/bedankt/")

    page.goto(site_url + "/bijdragen/")
    text = "Wij meten de luchtkwaliteit in het park.\n\nEen lange tweede alinea."
    fill_in(page, text)
    attachment = tmp_path / "park.pdf"
    attachment.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    page.get_by_label("Bijlage (niet verplicht)").set_input_files(str(attachment))
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Bijdrage versturen").click()

    response = navigation.value
    assert response.status == 429
    assert int(response.headers["retry-after"]) > 0
    summary = page.get_by_role("alert")
    shown = " ".join(summary.inner_text().split())
    assert shown.startswith("Uw bijdrage is nog niet verstuurd")
    assert "Met dit e-mailadres zijn kort na elkaar al meerdere bijdragen verstuurd." in shown
    assert "Een bijlage moet u opnieuw kiezen." in shown
    assert page.evaluate("() => document.activeElement.className") == "error-summary"
    assert page.title().startswith("Fout: ")
    assert page.get_by_label("Naam").input_value() == "Pieter Jansen"
    assert page.get_by_label("Organisatie (niet verplicht)").input_value() == "Gemeente Zwolle"
    assert page.get_by_label("E-mailadres").input_value() == LIMITED_EMAIL
    assert page.get_by_label("Nieuwstip").is_checked()
    assert page.get_by_label("Titel of onderwerp").input_value() == LIMITED_TITLE
    assert page.get_by_role("textbox", name="Uw bijdrage").input_value() == text
    assert page.get_by_label("Ik geef toestemming").is_checked()
    assert page.get_by_label("Bijlage (niet verplicht)").input_value() == ""
    assert axe_violations(page) == []
    with django_db_blocker.unblock():
        assert Contribution.objects.filter(title=LIMITED_TITLE).count() == 3  # not the fourth
