"""Bounces and complaints from the mail provider (django-anymail's tracking webhook, here
Postmark's, posted as Postmark posts it): a hard bounce, a refusal, a complaint or an
unsubscribe blocks the address, ends its subscriptions and closes its waiting mails; no later
alert goes to it. A soft bounce changes nothing, and neither does a report without the
webhook secret."""

import base64
import json

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from alerts.events import queue_direct
from alerts.models import Delivery, Event, Frequency, Subscriber, Subscription, Topic
from alerts.privacy import BLOCKED_OUTCOME
from alerts.sending import send_due
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

WEBHOOK = "/volgen/anymail/postmark/tracking/"
SECRET = "postmark:een-lang-geheim"
BOUNCED = "bounced.lezer@example.org"
OTHER = "andere.lezer@example.org"


@pytest.fixture
def client(client):
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture
def followers():
    """Two direct subscribers of the news section, with one alert waiting for each."""
    topic = Topic.objects.create(key="sectie=nieuws", section=NewsIndexPage.objects.get())
    subscribers = {}
    for email in (BOUNCED, OTHER):
        subscribers[email] = Subscriber.objects.create(email=email)
        Subscription.objects.create(
            subscriber=subscribers[email], topic=topic, frequency=Frequency.DIRECT
        )
    event = _event(topic, "eerste")
    assert queue_direct(event) == 2
    return topic, subscribers


def _event(topic, key):
    page = NewsPage.objects.live().order_by("pk").first()
    event = Event.objects.create(key=f"test:{key}", page=page, kind=Event.NEW)
    event.topics.add(topic)
    return event


def _post(client, payload, secret=SECRET):
    headers = {}
    if secret:
        headers["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(secret.encode()).decode()
    return client.post(
        WEBHOOK, data=json.dumps(payload), content_type="application/json", **headers
    )


def _bounce(kind="HardBounce", email=BOUNCED):
    return {
        "RecordType": "Bounce",
        "ID": 4323372036854775807,
        "Type": kind,
        "TypeCode": 1,
        "Name": "Hard bounce",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Description": "The server was unable to deliver your message.",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        "Email": email,
        "From": "dossier@example.org",
        "BouncedAt": "2026-11-27T10:00:00Z",
        "Inactive": True,
        "CanActivate": True,
        "Subject": "Nieuw in het dossier",
    }


def _complaint(email=BOUNCED):
    return {
        "RecordType": "SpamComplaint",
        "ID": 42,
        "Type": "SpamComplaint",
        "TypeCode": 512,
        "MessageID": "00000000-0000-0000-0000-000000000000",
        "Email": email,
        "BouncedAt": "2026-11-27T10:00:00Z",
        "Subject": "Nieuw in het dossier",
    }


def _state(email):
    subscriber = Subscriber.objects.get(email=email)
    active = Subscription.objects.filter(subscriber=subscriber, ended_at__isnull=True).count()
    waiting = Delivery.objects.filter(
        subscriber=subscriber, sent_at__isnull=True, closed_at__isnull=True
    ).count()
    return subscriber, active, waiting


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
def test_a_hard_bounce_blocks_the_address_and_no_later_alert_goes_to_it(client, followers):
    topic, _subscribers = followers
    response = _post(client, _bounce())
    assert response.status_code == 200

    subscriber, active, waiting = _state(BOUNCED)
    assert subscriber.blocked_at is not None
    assert subscriber.blocked_reason == "onbestelbaar (Postmark)"
    assert (active, waiting) == (0, 0)
    closed = Delivery.objects.get(subscriber=subscriber)
    assert closed.outcome == BLOCKED_OUTCOME and closed.sent_at is None
    # The other reader is untouched.
    other, active, waiting = _state(OTHER)
    assert (other.blocked_at, active, waiting) == (None, 1, 1)

    # A later alert is queued for the other reader only, and only they get mail.
    assert queue_direct(_event(topic, "later")) == 1
    sent, failed, _skipped = send_due(Delivery.objects.filter(run__isnull=True))
    assert (sent, failed) == (2, 0)
    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients == [OTHER, OTHER]


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
def test_a_complaint_blocks_the_address(client, followers):
    assert _post(client, _complaint()).status_code == 200
    subscriber, active, waiting = _state(BOUNCED)
    assert subscriber.blocked_reason == "klacht (Postmark)"
    assert (active, waiting) == (0, 0)


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
@pytest.mark.parametrize("kind", ["SoftBounce", "Transient", "DnsError"])
def test_a_soft_bounce_changes_nothing(client, followers, kind):
    assert _post(client, _bounce(kind)).status_code == 200
    subscriber, active, waiting = _state(BOUNCED)
    assert (subscriber.blocked_at, active, waiting) == (None, 1, 1)


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
def test_a_report_with_the_wrong_secret_is_refused(client, followers):
    response = _post(client, _complaint(), secret="postmark:geraden")
    assert response.status_code == 400
    subscriber, active, _waiting = _state(BOUNCED)
    assert (subscriber.blocked_at, active) == (None, 1)


@override_settings(ANYMAIL={"WEBHOOK_SECRET": ""})
def test_without_a_webhook_secret_reports_are_ignored(client, followers):
    with pytest.warns(Warning, match="WEBHOOK_SECRET"):
        response = _post(client, _complaint(), secret=None)
    assert response.status_code == 200
    subscriber, active, _waiting = _state(BOUNCED)
    assert (subscriber.blocked_at, active) == (None, 1)


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
def test_a_complaint_about_an_unknown_address_keeps_it_blocked(client):
    """A complaint about a confirmation request (somebody entered another's address): the
    address is stored blocked, so that the sign-up form sends it nothing again."""
    assert _post(client, _complaint(email="Onbekend@Example.org")).status_code == 200
    subscriber = Subscriber.objects.get(email="onbekend@example.org")
    assert subscriber.blocked_at is not None
    assert not subscriber.subscriptions.exists()


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
def test_a_second_report_keeps_the_first_reason(client, followers):
    _post(client, _bounce())
    first = Subscriber.objects.get(email=BOUNCED)
    _post(client, _complaint())
    again = Subscriber.objects.get(email=BOUNCED)
    assert (again.blocked_at, again.blocked_reason) == (first.blocked_at, first.blocked_reason)
    assert again.blocked_at <= timezone.now()
