"""A reader in a real browser follows a theme by e-mail: from the theme's hub to the sign-up
form, the confirmation link from the mail a real SMTP server received, an editor publishing a
page on the theme in Wagtail's admin, the alert, and the one-click unsubscribe. Links that
expired or were damaged get a Dutch page.

The served copy puts the mails on the "mail" queue in the database (the test settings); this
process runs the queue's worker, as production's worker process does, sending to the SMTP
server (tests/smtp.py) with the served copy's address in the links."""

import re
import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from alerts import tokens
from alerts.models import Event, Subscriber, Subscription, Topic
from news.models import NewsIndexPage
from tests.helpers import run_mail_worker

pytestmark = pytest.mark.browser

THEME, THEME_NAME = "zorg", "Zorg"
READER = "browserlezer@example.nl"
USERNAME = "browser-alerts-redacteur"
PASSWORD = "een-lang-wachtwoord-voor-de-volgtest"
TITLE = "Browsertest: zorgrobots in het verpleeghuis"


@pytest.fixture
def mail_worker(smtp_server, settings, site_url, django_db_blocker):
    """Runs the "mail" queue's worker once through, sending to ``smtp_server`` with links to
    the served copy; removes what the test left in the database afterwards."""
    for name, value in smtp_server.settings().items():
        setattr(settings, name, value)
    settings.PUBLIC_BASE_URL = site_url

    def run():
        with django_db_blocker.unblock():
            try:
                run_mail_worker()
            finally:
                connection.close()

    with django_db_blocker.unblock():
        editor = get_user_model().objects.create_superuser(
            USERNAME, "browser-alerts@example.org", PASSWORD
        )
        connection.close()
    yield run
    with django_db_blocker.unblock():
        for page in Page.objects.filter(title=TITLE):
            Event.objects.filter(page=page).delete()
            page.delete()
        Subscriber.objects.filter(email=READER).delete()
        Topic.objects.filter(theme__slug=THEME, subscriptions__isnull=True).delete()
        DBTaskResult.objects.all().delete()
        editor.delete()
        connection.close()


def link(received, fragment):
    [url] = [u for u in re.findall(r"https?://\S+", received.text) if fragment in u]
    return url


def test_follow_a_theme_confirm_receive_an_alert_and_unsubscribe(
    page, site_url, smtp_server, mail_worker, django_db_blocker
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/thema/{THEME}/")
    page.get_by_role("link", name="Volg per e-mail").first.click()
    page.wait_for_url(f"**/volgen/?thema={THEME}")
    assert page.get_by_role("heading", level=1).inner_text() == "Volg het dossier"

    page.get_by_label("Uw e-mailadres").fill(READER)
    page.get_by_label(re.compile("^Direct")).check()
    page.wait_for_timeout(2200)  # the time-trap: a person takes a moment
    page.get_by_role("button", name="Stuur mij de bevestigingslink").click()
    page.wait_for_url("**/volgen/verstuurd/")
    assert page.get_by_role("heading", level=1).inner_text() == "Kijk in uw mailbox"

    mail_worker()
    [confirmation] = smtp_server.to(READER)
    page.goto(link(confirmation, "/volgen/bevestigen/"))
    page.get_by_role("button", name="Ja, stuur mij deze e-mails").click()
    assert page.get_by_role("heading", level=1).inner_text() == "U bent aangemeld"
    with django_db_blocker.unblock():
        subscription = Subscription.objects.get(subscriber__email=READER)
        assert subscription.topic.theme.slug == THEME and subscription.frequency == "direct"
        index_id = NewsIndexPage.objects.get().pk
        connection.close()

    # An editor publishes a news item on the theme in Wagtail's admin.
    page.goto(site_url + "/admin/login/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(site_url + "/admin/")
    page.goto(f"{site_url}/admin/pages/add/news/newspage/{index_id}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_intro").fill("Drie verpleeghuizen proberen robots die helpen tillen.")
    page.locator("#id_date").fill("2026-11-20")
    page.get_by_label(THEME_NAME, exact=True).check()
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(f"{site_url}/admin/pages/{index_id}/")

    mail_worker()
    [alert] = [m for m in smtp_server.to(READER) if m is not confirmation]
    assert alert.subject == f"Nieuw: {TITLE}"
    assert "Drie verpleeghuizen" in alert.text
    unsubscribe = re.fullmatch(r"<(\S+)>", str(alert.message["List-Unsubscribe"]).strip())[1]
    assert unsubscribe.startswith(site_url + "/volgen/afmelden/")
    assert unsubscribe in alert.text

    # The unsubscribe link opened in the browser asks first, then one click ends it.
    page.goto(unsubscribe)
    page.get_by_role("button", name="Ja, stop deze e-mails").click()
    assert page.get_by_role("heading", level=1).inner_text() == "U bent afgemeld"
    with django_db_blocker.unblock():
        subscription.refresh_from_db()
        assert subscription.ended_at is not None
        connection.close()


def test_expired_and_damaged_confirmation_links_get_a_dutch_page(page, site_url):
    params = {"thema": THEME}
    long_ago = time.time() - 8 * 24 * 3600
    with mock.patch("time.time", return_value=long_ago):
        expired = tokens.confirm_token(READER, params, "direct")
    good = tokens.confirm_token(READER, params, "direct")
    damaged = good[:-3] + ("abc" if not good.endswith("abc") else "xyz")

    response = page.goto(f"{site_url}/volgen/bevestigen/{expired}/")
    assert response.status == 410
    assert page.get_by_role("heading", level=1).inner_text() == "Deze link werkt niet"
    assert "Deze link is verlopen" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="meld u opnieuw aan").is_visible()

    response = page.goto(f"{site_url}/volgen/bevestigen/{damaged}/")
    assert response.status == 400
    assert page.get_by_role("heading", level=1).inner_text() == "Deze link werkt niet"
    assert "Deze link klopt niet" in page.locator("main").inner_text()

    # The control: the undamaged link asks to confirm.
    response = page.goto(f"{site_url}/volgen/bevestigen/{good}/")
    assert response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "Bevestig uw aanmelding"
