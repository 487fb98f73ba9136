"""What the alerts keep about an address, and for how long: ``manage.py prune_alerts`` (dates
moved back past the retention periods) and ``manage.py alerts_address export|erase``."""

import io
import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alerts.management.commands.alerts_address import Command as AddressCommand
from alerts.models import Delivery, DigestRun, Event, Frequency, Subscriber, Subscription, Topic
from alerts.tasks import send_confirmation
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def days_ago(days, hours=0):
    return timezone.now() - timedelta(days=days, hours=hours)


RETAINED = settings.ALERTS_RETENTION_DAYS
LOGGED = settings.ALERTS_LOG_DAYS


def _subscriber(email, *, created=0, blocked=None):
    subscriber = Subscriber.objects.create(email=email)
    Subscriber.objects.filter(pk=subscriber.pk).update(
        created_at=days_ago(created), blocked_at=blocked, blocked_reason="klacht" if blocked else ""
    )
    return Subscriber.objects.get(pk=subscriber.pk)


def _subscription(subscriber, topic, *, created=0, ended=None, frequency=Frequency.DIRECT):
    subscription = Subscription.objects.create(
        subscriber=subscriber, topic=topic, frequency=frequency
    )
    Subscription.objects.filter(pk=subscription.pk).update(
        created_at=days_ago(created), ended_at=days_ago(ended) if ended is not None else None
    )
    return subscription


def _event(key, *, created=0):
    page = NewsPage.objects.live().order_by("pk").first()
    event = Event.objects.create(key=key, page=page, kind=Event.NEW)
    Event.objects.filter(pk=event.pk).update(created_at=days_ago(created))
    return event


def _delivery(subscriber, *, event=None, run=None, created=0, sent=True):
    when = days_ago(created)
    return Delivery.objects.create(
        subscriber=subscriber,
        event=event,
        run=run,
        created_at=when,
        next_attempt_at=when,
        sent_at=when if sent else None,
        outcome="verstuurd" if sent else "",
    )


def _run(frequency, *, ended, finished=True):
    end = days_ago(ended)
    return DigestRun.objects.create(
        frequency=frequency,
        period_start=end - timedelta(days=1 if frequency == Frequency.DAILY else 7),
        period_end=end,
        finished_at=end if finished else None,
    )


@pytest.fixture
def topics():
    news = NewsIndexPage.objects.get()
    return (
        Topic.objects.create(key="sectie=nieuws", section=news),
        Topic.objects.create(key="tag=slimme-meters", tag="slimme-meters"),
    )


def _prune(*args):
    out = io.StringIO()
    call_command("prune_alerts", *args, stdout=out)
    return out.getvalue()


def test_prune_deletes_ended_subscriptions_and_addresses_left_without_any(topics):
    news, meters = topics
    old = RETAINED + 1
    # Follows news, ended meters long ago: the old subscription goes, the address stays.
    stays = _subscriber("blijft@example.org", created=old + 10)
    active = _subscription(stays, news, created=old + 10)
    old_ended = _subscription(stays, meters, created=old + 10, ended=old)
    # Ended everything recently: kept until the retention period has passed.
    recent = _subscriber("recent@example.org", created=old + 10)
    recent_ended = _subscription(recent, news, created=old + 10, ended=RETAINED - 1)
    # Ended everything long ago: the address goes, with its mail records.
    gone = _subscriber("weg@example.org", created=old + 10)
    _subscription(gone, news, created=old + 10, ended=old)
    _delivery(gone, event=_event("page:weg"), created=RETAINED - 2)
    # Never had a subscription (left by an old confirmation) and is old: goes.
    never = _subscriber("nooit@example.org", created=old)
    # ... and a new one stays for now.
    fresh = _subscriber("nieuw@example.org", created=1)
    # Blocked after a complaint, long ago: the address is kept so that it is never mailed.
    blocked = _subscriber("klacht@example.org", created=old + 10, blocked=days_ago(old))
    blocked_ended = _subscription(blocked, news, created=old + 10, ended=old)

    output = _prune()

    assert set(Subscription.objects.values_list("pk", flat=True)) == {active.pk, recent_ended.pk}
    assert not Subscription.objects.filter(pk__in=[old_ended.pk, blocked_ended.pk]).exists()
    remaining = set(Subscriber.objects.values_list("email", flat=True))
    assert remaining == {stays.email, recent.email, fresh.email, blocked.email}
    assert never.email not in remaining and gone.email not in remaining
    assert Subscriber.objects.get(pk=blocked.pk).blocked_at is not None
    assert not Delivery.objects.filter(subscriber_id=gone.pk).exists()
    assert "3 ended subscriptions" in output
    assert "2 addresses without a subscription" in output


def test_prune_deletes_old_mail_records_runs_and_events(topics):
    news, meters = topics
    reader = _subscriber("lezer@example.org", created=LOGGED + 10)
    _subscription(reader, news, created=LOGGED + 10)
    old_event = _event("page:oud", created=LOGGED + 1)
    old_event.topics.add(news)
    kept_event = _event("page:wacht", created=LOGGED + 1)
    new_event = _event("page:nieuw", created=1)
    old_sent = _delivery(reader, event=old_event, created=RETAINED + 1)
    recent_sent = _delivery(reader, event=new_event, created=RETAINED - 1)
    # Never sent nor given up (still waiting for a retry): kept, and so is its event.
    waiting = _delivery(reader, event=kept_event, created=RETAINED + 1, sent=False)
    old_daily = _run(Frequency.DAILY, ended=LOGGED + 2)
    last_daily = _run(Frequency.DAILY, ended=LOGGED + 1)
    recent_weekly = _run(Frequency.WEEKLY, ended=3)
    old_weekly = _run(Frequency.WEEKLY, ended=LOGGED + 7)
    digest = _delivery(reader, run=old_weekly, created=LOGGED + 7)

    output = _prune()

    assert set(Delivery.objects.values_list("pk", flat=True)) == {recent_sent.pk, waiting.pk}
    assert not Delivery.objects.filter(pk__in=[old_sent.pk, digest.pk]).exists()
    # The latest run of each frequency stays, however old: the next period starts there.
    assert set(DigestRun.objects.values_list("pk", flat=True)) == {
        last_daily.pk,
        recent_weekly.pk,
    }
    assert not DigestRun.objects.filter(pk__in=[old_daily.pk, old_weekly.pk]).exists()
    mine = Event.objects.filter(key__in=["page:oud", "page:wacht", "page:nieuw"])
    assert set(mine.values_list("key", flat=True)) == {"page:wacht", "page:nieuw"}
    # The selection nobody follows and no event names goes; the followed one stays.
    assert Topic.objects.filter(pk=news.pk).exists()
    assert not Topic.objects.filter(pk=meters.pk).exists()
    assert "2 sent-mail records" in output
    assert "2 digest runs" in output
    assert "1 events" in output
    assert "1 selections nobody follows" in output


def test_an_unfinished_digest_run_keeps_the_events_of_its_period(topics):
    _run(Frequency.WEEKLY, ended=LOGGED + 5, finished=False)
    inside = _event("page:binnen", created=LOGGED + 6)
    before = _event("page:ervoor", created=LOGGED + 20)
    _prune()
    assert Event.objects.filter(pk=inside.pk).exists()
    assert not Event.objects.filter(pk=before.pk).exists()


def test_prune_dry_run_deletes_nothing(topics):
    news, _meters = topics
    reader = _subscriber("lezer@example.org", created=RETAINED + 10)
    _subscription(reader, news, created=RETAINED + 10, ended=RETAINED + 1)
    output = _prune("--dry-run")
    assert "Would delete" in output
    assert "1 ended subscriptions" in output
    assert "1 addresses without a subscription" in output
    assert Subscriber.objects.filter(pk=reader.pk).exists()
    assert Subscription.objects.filter(subscriber=reader).exists()


# --- alerts_address export | erase ---------------------------------------------------------


@pytest.fixture
def reader(topics):
    """A reader with two subscriptions (one ended), mails sent, and a confirmation request
    waiting in the mail queue; and a second reader who must stay untouched."""
    news, meters = topics
    subscriber = _subscriber("lezer@example.org", created=20)
    _subscription(subscriber, news, created=20, frequency=Frequency.WEEKLY)
    _subscription(subscriber, meters, created=20, ended=2)
    _delivery(subscriber, event=_event("page:1", created=5), created=5)
    _delivery(subscriber, run=_run(Frequency.WEEKLY, ended=4), created=4, sent=False)
    send_confirmation.enqueue("lezer@example.org", "token", "Alles over zorg")
    other = _subscriber("ander@example.org", created=20)
    _subscription(other, news, created=20)
    _delivery(other, event=Event.objects.get(key="page:1"), created=5)
    send_confirmation.enqueue("ander@example.org", "token", "Alles over zorg")
    return subscriber, other


def _address(*args):
    out = io.StringIO()
    call_command("alerts_address", *args, stdout=out)
    return out.getvalue()


def test_export_prints_everything_stored_about_the_address(reader):
    data = json.loads(_address("export", " Lezer@Example.org "))
    assert data["email"] == "lezer@example.org"
    assert data["subscriber"]["blocked_at"] is None
    assert data["subscriber"]["confirmed_at"]
    follows = {(s["follows"], s["frequency"], s["ended_at"] is None) for s in data["subscriptions"]}
    assert follows == {
        ("Nieuws", "wekelijks", True),
        ("Alles met tag slimme-meters", "direct", False),
    }
    assert [(m["kind"], m["outcome"], bool(m["sent_at"])) for m in data["mails"]] == [
        ("direct", "verstuurd", True),
        ("digest", "", False),
    ]
    assert data["mails"][0]["about"] == "page:1"
    assert [request["status"] for request in data["confirmation_requests"]] == ["READY"]
    assert "ander@example.org" not in json.dumps(data)


def test_erase_deletes_the_address_and_everything_about_it(reader):
    subscriber, other = reader
    output = _address("erase", "lezer@example.org")
    assert "1 subscriber, 2 subscriptions, 2 sent-mail records, 1 confirmation requests" in output
    assert not Subscriber.objects.filter(email="lezer@example.org").exists()
    assert not Subscription.objects.filter(subscriber_id=subscriber.pk).exists()
    assert not Delivery.objects.filter(subscriber_id=subscriber.pk).exists()
    queued = DBTaskResult.objects.filter(task_path="alerts.tasks.send_confirmation")
    assert [task.args_kwargs["args"][0] for task in queued] == ["ander@example.org"]
    # The other reader keeps everything.
    assert Subscription.objects.filter(subscriber=other).count() == 1
    assert Delivery.objects.filter(subscriber=other).count() == 1
    # Nothing is left to export or erase.
    with pytest.raises(CommandError, match="Nothing is stored about"):
        _address("export", "lezer@example.org")


def test_an_unknown_address_is_a_clear_error_with_exit_code_1(capsys):
    with pytest.raises(CommandError, match=r"Nothing is stored about niemand@example\.org"):
        _address("erase", "niemand@example.org")
    with pytest.raises(SystemExit) as exit_info:
        AddressCommand().run_from_argv(
            ["manage.py", "alerts_address", "export", "niemand@example.org"]
        )
    assert exit_info.value.code == 1
    assert "Nothing is stored about niemand@example.org" in capsys.readouterr().err


def test_a_blocked_address_can_be_exported_and_erased():
    _subscriber("klacht@example.org", blocked=timezone.now())
    data = json.loads(_address("export", "klacht@example.org"))
    assert data["subscriber"]["blocked_reason"] == "klacht"
    assert "1 subscriber, 0 subscriptions" in _address("erase", "klacht@example.org")
    assert not Subscriber.objects.exists()
