"""An editor in a real browser: from the list of contributions to the one screen that shows
the submission, then "Maak conceptpagina" with a section and a theme, landing in Wagtail's
page editor with the draft."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from contributions.models import Contribution
from dossier.models import Theme

pytestmark = pytest.mark.browser

TITLE = "Browsertest: deelauto's in de wijk"
USERNAME = "browser-redacteur"
PASSWORD = "een-lang-wachtwoord-voor-de-browsertest"


@pytest.fixture
def submitted(django_db_blocker):
    """An editor and a contribution, committed for the served copy; removed afterwards with
    the draft page the test makes and its moderation state."""
    with django_db_blocker.unblock():
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_user(
            USERNAME, "browser-redacteur@example.org", PASSWORD, first_name="Bram"
        )
        user.groups.add(Group.objects.get(name="Editors"))
        contribution = Contribution.objects.create(
            name="Sanne de Vries",
            organisation="Gemeente Deventer",
            email="sanne@deventer.example",
            kind=Contribution.Kind.PROJECT,
            title=TITLE,
            text="Bewoners delen elektrische auto's.\n\nDe gemeente meet hoe vaak ze rijden.",
            link="https://www.deventer.example/deelauto",
            consent_at=timezone.now(),
        )
        connection.close()
    yield contribution
    with django_db_blocker.unblock():
        contribution.refresh_from_db()
        page_id = contribution.page_id
        contribution.delete()
        if page_id:
            WorkflowState.objects.filter(object_id=str(page_id)).delete()  # and its task states
            Page.objects.get(pk=page_id).delete()
        user.delete()
        connection.close()


def test_editor_makes_a_draft_from_a_contribution(page, site_url, submitted, django_db_blocker):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "/admin/login/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(site_url + "/admin/")

    page.get_by_role("link", name="Bijdragen", exact=True).first.click()
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"{site_url}/admin/bijdragen/edit/{submitted.pk}/")

    # Everything the contribution holds is on this screen
    main = page.locator("main")
    assert "Bewoners delen elektrische auto's." in main.inner_text()
    assert "De gemeente meet hoe vaak ze rijden." in main.inner_text()
    assert main.get_by_role("link", name="sanne@deventer.example").is_visible()
    assert main.get_by_role("link", name="https://www.deventer.example/deelauto").is_visible()
    assert main.get_by_label("Project", exact=True).is_checked(), "suggested by the kind"

    # Wagtail's icons keep their size inside the buttons
    button = main.get_by_role("button", name="Maak conceptpagina")
    icon_box = button.locator("svg").bounding_box()
    assert icon_box["width"] <= 24
    assert icon_box["height"] <= 24

    main.get_by_label("Mobiliteit").check()
    button.click()

    page.wait_for_url(f"{site_url}/admin/pages/*/edit/")
    assert "Conceptpagina" in page.locator(".messages").inner_text()
    assert page.locator("#id_title").input_value() == TITLE
    assert page.locator("#id_intro").input_value() == "Bewoners delen elektrische auto's."
    assert page.get_by_label("Mobiliteit").is_checked()
    with django_db_blocker.unblock():
        submitted.refresh_from_db()
        draft = submitted.page.specific
        assert submitted.status == Contribution.Status.ACCEPTED
        assert [theme.slug for theme in draft.themes] == ["mobiliteit"]
        assert Theme.objects.filter(slug="mobiliteit").exists()
        connection.close()
