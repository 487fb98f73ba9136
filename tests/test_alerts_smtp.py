"""Alert mails as a real SMTP server (aiosmtpd on loopback) receives them: the confirmation,
a direct alert with its headers and parts, the daily and weekly digests, the one-click
unsubscribe, a mail server that is down, a digest run that is interrupted, and pages that
must never be announced."""

import io
import re
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from email.utils import parsedate_to_datetime

import pytest
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageViewRestriction

from alerts import digests
from alerts.models import Delivery, DigestRun, Event, Frequency, Subscriber, Subscription
from alerts.sending import SendingStopped, claim, due, send_batch
from alerts.topics import Choice, topic_for
from dossier.models import changes
from tests import pages
from tests.helpers import find_all

pytestmark = pytest.mark.django_db

HOST = "localhost"  # the demo Site's hostname, PUBLIC_BASE_URL in the test settings
THEME = "zorg"
IMMEDIATE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
LINK = re.compile(r"https?://[^\s<>\"]+")


# --- Helpers ---------------------------------------------------------------------------------


@pytest.fixture
def mail_server(smtp_settings, settings):
    """The SMTP server, with the mail tasks run at once; rate limits start afresh."""
    settings.TASKS = IMMEDIATE
    cache.clear()
    return smtp_settings


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Run ``action`` as a committed publication would: the alerts record after commit."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def started_token(age=10):
    """The sign-up form's time-trap field as issued ``age`` seconds ago."""
    from alerts.forms import guard

    return signing.dumps(time.time() - age, salt=guard.salt)


def follow(email, *, theme=THEME, frequency=Frequency.DIRECT):
    """A confirmed subscription, as the confirmation click leaves it."""
    subscriber, _created = Subscriber.objects.get_or_create(email=email)
    topic = topic_for(Choice(theme=theme), None)
    subscription, _created = Subscription.objects.update_or_create(
        subscriber=subscriber, topic=topic, defaults={"frequency": frequency}
    )
    return subscription


def links(received):
    """Every link of the mail's HTML part."""
    return [a.attrs.get("href") for a in find_all(received.html, "a")]


def path_of(url):
    assert url.startswith(settings.PUBLIC_BASE_URL), url
    return url[len(settings.PUBLIC_BASE_URL) :]


def unsubscribe_url(received):
    header = str(received.message["List-Unsubscribe"]).strip()
    match = re.fullmatch(r"<(https?://[^>]+)>", header)
    assert match, header
    return match[1]


def next_boundary(frequency, after):
    """The first end of a ``frequency`` period after ``after``: 8.00 Europe/Amsterdam, on a
    Monday for weekly."""
    local = timezone.localtime(after)
    day = local.date()
    while True:
        boundary = datetime.combine(
            day, clock(settings.ALERTS_DIGEST_HOUR), tzinfo=timezone.get_current_timezone()
        )
        weekday_ok = frequency == Frequency.DAILY or day.weekday() == settings.ALERTS_WEEKLY_DAY
        if boundary > local and weekday_ok:
            return boundary
        day += timedelta(days=1)


def pending(**filters):
    return Delivery.objects.filter(sent_at__isnull=True, closed_at__isnull=True, **filters)


# --- Confirmation ----------------------------------------------------------------------------


def test_sign_up_sends_a_confirmation_mail_whose_link_creates_the_subscription(mail_server):
    client = Client(HTTP_HOST=HOST)
    response = client.post(
        f"/volgen/?thema={THEME}",
        {
            "email": "Lezer@Example.nl",
            "frequency": "wekelijks",
            "website": "",
            "started": started_token(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/volgen/verstuurd/"
    # Nothing is stored before the click.
    assert not Subscriber.objects.filter(email="lezer@example.nl").exists()

    [received] = mail_server.messages
    assert received.recipients == ["lezer@example.nl"]
    assert received.subject.startswith("Bevestig: e-mail over")
    assert "zorg" in received.subject.lower()
    assert received.message["Message-ID"] and received.message["Date"]
    assert settings.DEFAULT_FROM_EMAIL in str(received.message["From"])
    [confirm] = [url for url in LINK.findall(received.text) if "/volgen/bevestigen/" in url]
    assert confirm in links(received)
    assert find_all(received.html, "img") == []

    # A GET (a mail scanner) only asks; the button's POST subscribes.
    page = client.get(path_of(confirm))
    assert page.status_code == 200
    assert not Subscriber.objects.filter(email="lezer@example.nl").exists()
    assert client.post(path_of(confirm)).status_code == 200
    subscription = Subscription.objects.get(subscriber__email="lezer@example.nl")
    assert subscription.frequency == Frequency.WEEKLY
    assert subscription.topic.theme.slug == THEME
    assert subscription.ended_at is None


def test_sign_up_says_the_same_for_an_address_already_following(mail_server):
    follow("al@example.nl")
    response = Client(HTTP_HOST=HOST).post(
        f"/volgen/?thema={THEME}",
        {
            "email": "al@example.nl",
            "frequency": "direct",
            "website": "",
            "started": started_token(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/volgen/verstuurd/"
    assert [m.to for m in mail_server.messages] == ["al@example.nl"]


# --- Direct alerts ---------------------------------------------------------------------------


def test_a_new_page_on_a_followed_theme_sends_one_alert_with_the_right_headers(
    mail_server, publish
):
    subscription = follow("direct@example.nl")
    follow("elders@example.nl", theme="mobiliteit")
    page = publish(pages.news, "Nieuwe zorgrobots in de wijk", themes=[THEME])

    [received] = mail_server.messages
    assert received.recipients == ["direct@example.nl"]
    assert received.subject == "Nieuw: Nieuwe zorgrobots in de wijk"
    headers = received.message
    assert settings.DEFAULT_FROM_EMAIL in str(headers["From"])
    assert re.fullmatch(r"<[^@<>]+@[^@<>]+>", str(headers["Message-ID"]))
    sent = parsedate_to_datetime(str(headers["Date"]))
    if sent.tzinfo is None:  # "-0000": UTC, as Django writes it (EMAIL_USE_LOCALTIME off)
        sent = sent.replace(tzinfo=UTC)
    assert abs((timezone.now() - sent).total_seconds()) < 120
    assert str(headers["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"
    assert unsubscribe_url(received).startswith(settings.PUBLIC_BASE_URL + "/volgen/afmelden/")
    assert headers.is_multipart()
    assert {p.get_content_type() for p in headers.walk()} >= {"text/plain", "text/html"}

    # Readable without images; every link is the site's own address, no redirects.
    assert "Nieuwe zorgrobots in de wijk" in received.text
    assert page.full_url in received.text
    assert find_all(received.html, "img") == []
    hrefs = links(received)
    assert page.full_url in hrefs
    assert unsubscribe_url(received) in hrefs
    assert hrefs and all(href.startswith(settings.PUBLIC_BASE_URL + "/") for href in hrefs)
    assert not any(re.search(r"redirect|track|utm_|[?&](url|next)=", h) for h in hrefs)

    delivery = Delivery.objects.get(subscriber=subscription.subscriber)
    assert delivery.sent_at is not None and delivery.attempts == 0


def test_an_important_change_note_sends_an_alert_with_its_words(mail_server, publish):
    page = pages.news("Zorgdata delen", themes=[THEME])
    follow("wijziging@example.nl")

    def change():
        revision = page.save_revision()
        changes.record(page, revision, "De cijfers van 2025 zijn toegevoegd.", True)
        revision.publish()

    publish(change)
    [received] = mail_server.messages
    assert received.subject == "Gewijzigd: Zorgdata delen"
    assert "De cijfers van 2025 zijn toegevoegd." in received.text
    assert "De cijfers van 2025 zijn toegevoegd." in received.html
    assert Event.objects.get(page=page, kind=Event.CHANGED).text.startswith("De cijfers")

    # Published again without a new note: nothing more.
    publish(lambda: page.save_revision().publish())
    assert len(mail_server.messages) == 1


def test_one_click_unsubscribe_without_csrf_is_idempotent_and_stops_the_mails(mail_server, publish):
    subscription = follow("stop@example.nl")
    publish(pages.news, "Eerste bericht", themes=[THEME])
    [received] = mail_server.messages
    path = path_of(unsubscribe_url(received))

    client = Client(HTTP_HOST=HOST, enforce_csrf_checks=True)
    body = "List-Unsubscribe=One-Click"
    form = "application/x-www-form-urlencoded"
    # A GET only asks.
    assert client.get(path).status_code == 200
    subscription.refresh_from_db()
    assert subscription.ended_at is None

    first = client.post(path, body, content_type=form)
    assert first.status_code == 200
    subscription.refresh_from_db()
    assert subscription.ended_at is not None
    second = client.post(path, body, content_type=form)
    assert second.status_code == 200
    subscription.refresh_from_db()
    assert subscription.ended_at is not None

    mail_server.clear()
    publish(pages.news, "Tweede bericht", themes=[THEME])
    assert mail_server.messages == []
    assert not pending(subscriber=subscription.subscriber).exists()


# --- Never announced -------------------------------------------------------------------------


def test_private_and_draft_pages_never_go_out(mail_server, publish):
    follow("prive@example.nl")
    # Restricted itself.
    restricted = pages.news("Alleen voor ingelogden", themes=[THEME], live=False)
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    publish(lambda: restricted.get_latest_revision().publish())
    # Under a restricted parent.
    parent = pages.news("Besloten map", themes=[THEME], live=False)
    PageViewRestriction.objects.create(page=parent, restriction_type="password", password="x")
    child = pages.news("Kind", themes=[THEME], live=False)
    child.move(parent, pos="last-child")
    child.refresh_from_db()
    publish(lambda: child.get_latest_revision().publish())
    # A draft, and a draft's important change note.
    publish(pages.news, "Nog een concept", themes=[THEME], live=False)
    live = pages.news("Gepubliceerd", themes=[THEME])

    def draft_change():
        revision = live.save_revision()
        changes.record(live, revision, "Alleen in het concept.", True)

    publish(draft_change)

    restricted.refresh_from_db()
    child.refresh_from_db()
    assert restricted.live and child.live
    assert not Event.objects.filter(page__in=[restricted, child]).exists()
    assert not Event.objects.filter(text="Alleen in het concept.").exists()
    assert not Delivery.objects.exists()
    assert mail_server.messages == []
    # The control: a public page on the theme does go out.
    publish(pages.news, "Openbaar", themes=[THEME])
    assert [m.subject for m in mail_server.messages] == ["Nieuw: Openbaar"]


def test_a_page_that_went_private_after_queueing_is_not_sent(smtp_settings, publish, run_worker):
    """With the database queue: the alert waits for the worker, the page becomes private in
    between; the worker sends nothing and closes the delivery."""
    follow("laat@example.nl")
    page = publish(pages.news, "Eerst openbaar", themes=[THEME])
    delivery = Delivery.objects.get(subscriber__email="laat@example.nl")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    run_worker()
    delivery.refresh_from_db()
    assert delivery.sent_at is None and delivery.closed_at is not None
    assert smtp_settings.messages == []


# --- Mail server down ------------------------------------------------------------------------


def test_mail_server_down_keeps_the_alerts_and_the_retry_sends_each_once(
    smtp_settings, publish, run_worker, settings
):
    settings.ALERTS_RETRY_DELAYS = [0, 0, 0]
    for n in range(3):
        follow(f"storing{n}@example.nl")
    smtp_settings.stop()
    publish(pages.news, "Tijdens de storing", themes=[THEME])
    assert pending().count() == 3
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    # One worker pass while the server is down: nothing sent, nothing lost, a retry queued.
    run_worker("--max-tasks", "1")
    waiting = list(pending())
    assert len(waiting) == 3
    assert all(d.attempts == 1 and d.next_attempt_at is not None for d in waiting)
    assert all(d.claimed_at is None and d.outcome == "opnieuw proberen" for d in waiting)
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    smtp_settings.start()
    run_worker()
    assert sorted(m.to for m in smtp_settings.messages) == [
        "storing0@example.nl",
        "storing1@example.nl",
        "storing2@example.nl",
    ]
    assert not pending().exists()
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 3
    # Running again sends nothing twice.
    run_worker()
    call_command("send_digests", stdout=io.StringIO(), stderr=io.StringIO())
    assert len(smtp_settings.messages) == 3


# --- Digests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("frequency", [Frequency.DAILY, Frequency.WEEKLY])
def test_digest_one_mail_per_subscriber_per_period_with_its_items(mail_server, publish, frequency):
    for n in range(3):
        follow(f"overzicht{n}@example.nl", frequency=frequency)
    follow("direct-lezer@example.nl", frequency=Frequency.DIRECT)
    publish(pages.news, "Eerste zorgbericht", themes=[THEME])
    publish(pages.news, "Tweede zorgbericht", themes=[THEME])
    publish(pages.news, "Over iets anders", themes=["mobiliteit"])
    # The direct reader had two alerts; the digest readers nothing yet.
    assert sorted(m.subject for m in mail_server.messages) == [
        "Nieuw: Eerste zorgbericht",
        "Nieuw: Tweede zorgbericht",
    ]
    mail_server.clear()

    end = next_boundary(frequency, timezone.now())
    # Not yet due a minute before the period ends.
    digests.run_due(now=end - timedelta(minutes=1))
    assert mail_server.messages == []
    digests.run_due(now=end + timedelta(minutes=1))
    received = mail_server.messages
    assert sorted(m.to for m in received) == [f"overzicht{n}@example.nl" for n in range(3)]
    word = "dagelijks" if frequency == Frequency.DAILY else "wekelijks"
    for message in received:
        assert message.subject.startswith(f"Uw {word}e overzicht: 2 berichten")
        for text in (message.text, message.html):
            assert "Eerste zorgbericht" in text and "Tweede zorgbericht" in text
            assert "Over iets anders" not in text
        assert str(message.message["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"
        assert find_all(message.html, "img") == []
        assert all(h.startswith(settings.PUBLIC_BASE_URL + "/") for h in links(message))
    # The run of the period before (the first run ever) found nothing to send.
    run = DigestRun.objects.get(frequency=frequency, period_end=end)
    assert run.finished_at is not None
    assert not DigestRun.objects.filter(finished_at__isnull=True).exists()

    # The same period again, by the command or by hand: nothing more.
    digests.run_due(now=end + timedelta(minutes=2))
    assert len(mail_server.messages) == 3


def test_send_digests_command_sends_the_due_digest(mail_server, publish, settings):
    follow("commando@example.nl", frequency=Frequency.DAILY)
    publish(pages.news, "Voor het overzicht", themes=[THEME])
    # The command reads the clock itself, and the period that ended last (8.00) came before
    # this event: a run whose period holds the event stands for the next one.
    now = timezone.now()
    DigestRun.objects.create(
        frequency=Frequency.DAILY,
        period_start=now - timedelta(hours=1),
        period_end=now + timedelta(seconds=1),
    )
    out = io.StringIO()
    call_command("send_digests", stdout=out, stderr=io.StringIO())
    assert "1 verstuurd" in out.getvalue()
    assert [m.to for m in mail_server.messages] == ["commando@example.nl"]


def test_interrupted_digest_run_resumes_without_repeats_or_gaps(mail_server, publish, settings):
    settings.ALERTS_BATCH_SIZE = 2
    readers = [f"ronde{n}@example.nl" for n in range(5)]
    for email in readers:
        follow(email, frequency=Frequency.DAILY)
    publish(pages.news, "Bericht in periode een", themes=[THEME])
    first_end = next_boundary(Frequency.DAILY, timezone.now())

    # The scheduler starts the run; its process dies after the first batch.
    run = digests.due_run(Frequency.DAILY, first_end + timedelta(minutes=1))
    digests.fill(run)
    send_batch(claim(due(timezone.now()) & Delivery.objects.filter(run=run), 2))
    assert len(mail_server.messages) == 2
    run.refresh_from_db()
    assert run.finished_at is None

    # The next minute's run takes it up again: the other three, nobody twice.
    digests.run_due(now=first_end + timedelta(minutes=2))
    assert sorted(m.to for m in mail_server.messages) == readers
    run.refresh_from_db()
    assert run.finished_at is not None

    # The mail server goes away in the middle of the next period's run.
    second = publish(pages.news, "Bericht in periode twee", themes=[THEME])
    Event.objects.filter(page=second).update(created_at=first_end + timedelta(hours=3))
    mail_server.clear()
    mail_server.fail_after(3)
    second_end = next_boundary(Frequency.DAILY, first_end)
    with pytest.raises(SendingStopped):
        digests.run_due(now=second_end + timedelta(minutes=1))
    assert len(mail_server.messages) == 3
    mail_server.fail_after(None)
    digests.run_due(now=second_end + timedelta(minutes=2))
    received = mail_server.messages
    assert sorted(m.to for m in received) == readers
    for message in received:
        assert "Bericht in periode twee" in message.text
        assert "Bericht in periode een" not in message.text
    assert DigestRun.objects.filter(frequency=Frequency.DAILY).count() == 2
    assert not DigestRun.objects.filter(finished_at__isnull=True).exists()
