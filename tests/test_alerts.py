"""Following by e-mail: the sign-up form and its defences, the links in the mails (confirm,
unsubscribe, manage), which followed selections a publication matches, and the digest
periods. What an SMTP server receives is in test_alerts_smtp.py."""

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from alerts import tokens
from alerts.digests import due_run, last_boundary
from alerts.events import record_publication
from alerts.forms import guard
from alerts.models import Delivery, DigestRun, Event, Frequency, Subscriber, Subscription, Topic
from alerts.topics import Choice
from dossier.models import Theme, changes
from tests.helpers import find_all

pytestmark = pytest.mark.django_db

HOST = "localhost"
PAGE_SLUG = (
    "handreiking-data-in-de-wijk"  # publications; themes verantwoord-datagebruik, digitale-inclusie
)
THEME = "verantwoord-datagebruik"
IMMEDIATE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def clean_alerts():
    cache.clear()  # the rate limits
    yield
    cache.clear()


@pytest.fixture
def client():
    return Client(HTTP_HOST=HOST)


def started(age=10):
    return signing.dumps(time.time() - age, salt=guard.salt)


def sign_up(client, query="?thema=" + THEME, **data):
    fields = {"email": "lezer@gemeente.nl", "frequency": "direct", "started": started()}
    fields.update(data)
    with override_settings(TASKS=IMMEDIATE):
        return client.post("/volgen/" + query, {k: v for k, v in fields.items() if v is not None})


def link_in(message, route):
    for line in message.body.splitlines():
        if f"/volgen/{route}/" in line:
            return "/volgen/" + line.split("/volgen/", 1)[1].strip()
    raise AssertionError(f"no {route} link in {message.body}")


def follow(email, frequency=Frequency.DIRECT, **fields):
    """A confirmed subscription to a topic made of ``fields`` (page, section, kind, theme,
    tag, words)."""
    key = "test:" + ",".join(f"{k}={getattr(v, 'pk', v)}" for k, v in sorted(fields.items()))
    topic, _ = Topic.objects.get_or_create(key=key, defaults=fields)
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    subscription = Subscription.objects.create(
        subscriber=subscriber, topic=topic, frequency=frequency
    )
    Subscription.objects.filter(pk=subscription.pk).update(
        created_at=timezone.now() - timedelta(minutes=5)
    )
    return subscription


def publish_important(page, text="De cijfers van 2026 zijn toegevoegd."):
    revision = page.save_revision()
    changes.record(page, revision, text, True)
    revision.publish()
    return revision


def direct_to(email):
    return Delivery.objects.filter(subscriber__email=email, run__isnull=True)


# --- The sign-up page and its form ----------------------------------------------------------


def test_the_sign_up_page_names_the_selection_and_sets_no_cookie(client):
    response = client.get(f"/volgen/?thema={THEME}&sectie=publicaties")
    assert response.status_code == 200
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    html = response.content.decode()
    assert "Publicaties over verantwoord datagebruik" in html
    assert find_all(html, "form", method="post")


def test_values_not_understood_are_named_and_left_out(client):
    response = client.get("/volgen/?thema=bestaat-niet&pagina=abc")
    assert response.status_code == 200
    assert "Niet alles uit de link begrepen" in response.content.decode()
    response = client.get("/volgen/?thema=bestaat-niet")
    assert "Alles in het dossier" in response.content.decode()


def test_signing_up_sends_a_confirmation_and_stores_nothing(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("alerts:sent")
    assert Subscriber.objects.count() == 0
    assert len(mail.outbox) == 1
    assert "verantwoord datagebruik" in mail.outbox[0].subject
    assert mail.outbox[0].to == ["lezer@gemeente.nl"]


def test_an_address_already_following_gets_the_same_answer(client):
    follow("lezer@gemeente.nl", theme=Theme.objects.get(slug=THEME))
    first = sign_up(client)
    other = sign_up(client, email="nieuw@gemeente.nl")
    assert (first.status_code, first["Location"]) == (other.status_code, other["Location"])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": ""}, "Vul uw e-mailadres in."),
        ({"email": "geen-adres"}, "Vul een e-mailadres in zoals"),
        ({"email": "a" * 5000 + "@example.nl"}, "Vul een e-mailadres in zoals"),
        ({"email": "a@example.nl\r\nBcc: b@example.nl"}, "Vul een e-mailadres in zoals"),
        ({"email": "a@example.nl", "frequency": "elk-uur"}, "Selecteer een geldige keuze"),
        ({"email": "a@example.nl", "frequency": None}, "Kies hoe vaak"),
    ],
)
def test_bad_input_gets_the_form_back_with_the_error(client, data, message):
    response = sign_up(client, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "U bent nog niet aangemeld" in html
    assert not mail.outbox


def test_hostile_query_strings_get_a_page(client):
    for query in ("?thema=%00", "?q=" + "x" * 10000, "?pagina=99999999999999", "?sectie[]=a"):
        assert client.get("/volgen/" + query).status_code == 200


def test_a_body_in_a_wrong_encoding_gets_the_form_back(client):
    response = client.post(
        "/volgen/",
        data=b"email=\xff\xfe%00&frequency=direct",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_sent(client):
    response = sign_up(client, website="https://spam.example")
    assert response.status_code == 302
    assert not mail.outbox


def test_a_form_sent_too_fast_is_shown_again(client):
    response = sign_up(client, started=started(age=0))
    assert response.status_code == 400
    assert "erg snel" in response.content.decode()
    assert not mail.outbox


@override_settings(ALERTS_SIGNUP_EMAIL_RATE_LIMIT=2)
def test_the_rate_limit_per_address_answers_429_with_retry_after(client):
    assert sign_up(client).status_code == 302
    assert sign_up(client).status_code == 302
    response = sign_up(client)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert len(mail.outbox) == 2
    # Somebody else behind the same gateway still gets through.
    assert sign_up(client, email="collega@gemeente.nl").status_code == 302


def test_a_blocked_address_gets_the_same_answer_and_no_mail(client):
    Subscriber.objects.create(email="weg@gemeente.nl", blocked_at=timezone.now())
    response = sign_up(client, email="weg@gemeente.nl")
    assert response.status_code == 302
    assert not mail.outbox


# --- Confirm ----------------------------------------------------------------------------------


def test_confirming_asks_first_then_creates_the_subscription(client):
    sign_up(client, frequency="wekelijks")
    link = link_in(mail.outbox[0], "bevestigen")
    response = client.get(link)
    assert response.status_code == 200
    assert "Ja, stuur mij deze e-mails" in response.content.decode()
    assert Subscriber.objects.count() == 0  # a mail scanner opening the link subscribes nobody
    response = client.post(link)
    assert response.status_code == 200
    assert "Gelukt" in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.subscriber.email == "lezer@gemeente.nl"
    assert subscription.frequency == Frequency.WEEKLY
    assert subscription.topic.theme.slug == THEME
    client.post(link)  # twice: still one
    assert Subscription.objects.count() == 1


def test_an_expired_link_gets_a_dutch_page(client):
    token = tokens.confirm_token("lezer@gemeente.nl", {"thema": THEME}, "direct")
    later = time.time() + 8 * 24 * 3600
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.core.signing.time.time", lambda: later)
        response = client.get(f"/volgen/bevestigen/{token}/")
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()


@pytest.mark.parametrize("token", ["kapot", "a" * 3000, "eyJ9:abc:def"])
def test_a_tampered_link_gets_a_dutch_page(client, token):
    response = client.get(f"/volgen/bevestigen/{token}/")
    assert response.status_code == 400
    assert "Deze link klopt niet" in response.content.decode()


def test_a_link_changed_by_one_character_is_refused(client):
    token = tokens.confirm_token("lezer@gemeente.nl", {"thema": THEME}, "direct")
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert client.post(f"/volgen/bevestigen/{forged}/").status_code == 400
    assert Subscriber.objects.count() == 0


def test_a_link_to_a_theme_that_is_gone_subscribes_to_nothing(client):
    token = tokens.confirm_token("lezer@gemeente.nl", {"thema": "bestaat-niet"}, "direct")
    response = client.post(f"/volgen/bevestigen/{token}/")
    assert response.status_code == 410
    assert Subscriber.objects.count() == 0


# --- Unsubscribe and manage ---------------------------------------------------------------------


def test_one_click_unsubscribe_needs_no_login_or_csrf_and_is_idempotent():
    subscription = follow("lezer@gemeente.nl", theme=Theme.objects.get(slug=THEME))
    other = follow("lezer@gemeente.nl", kind="rapport")
    url = reverse(
        "alerts:unsubscribe",
        args=[tokens.unsubscribe_token(subscription.subscriber, [subscription.pk])],
    )
    strict = Client(HTTP_HOST=HOST, enforce_csrf_checks=True)
    body = "List-Unsubscribe=One-Click"
    response = strict.post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.ended_at is not None
    assert Subscription.objects.get(pk=other.pk).ended_at is None
    again = strict.post(url, body, content_type="application/x-www-form-urlencoded")
    assert again.status_code == 200


def test_opening_the_unsubscribe_link_asks_first(client):
    subscription = follow("lezer@gemeente.nl", theme=Theme.objects.get(slug=THEME))
    url = reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription.subscriber)])
    response = client.get(url)
    assert response.status_code == 200
    assert "Ja, stop deze e-mails" in response.content.decode()
    assert Subscription.objects.get().ended_at is None


def test_a_link_of_an_erased_address_says_there_is_nothing_to_stop(client):
    subscription = follow("lezer@gemeente.nl", theme=Theme.objects.get(slug=THEME))
    url = reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription.subscriber)])
    Subscriber.objects.all().delete()
    response = client.post(url)
    assert response.status_code == 200
    assert client.get(url).status_code == 200


def test_the_manage_link_goes_only_to_known_addresses(client):
    follow("lezer@gemeente.nl", theme=Theme.objects.get(slug=THEME))
    with override_settings(TASKS=IMMEDIATE):
        known = client.post("/volgen/beheer/", {"email": "Lezer@Gemeente.nl", "started": started()})
        unknown = client.post(
            "/volgen/beheer/", {"email": "onbekend@gemeente.nl", "started": started()}
        )
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [["lezer@gemeente.nl"]]


def test_the_manage_page_changes_frequency_and_stops(client):
    first = follow("lezer@gemeente.nl", theme=Theme.objects.get(slug=THEME))
    second = follow("lezer@gemeente.nl", kind="rapport")
    url = reverse("alerts:manage", args=[tokens.manage_token(first.subscriber)])
    html = client.get(url).content.decode()
    assert "Alles over verantwoord datagebruik" in html
    response = client.post(
        url, {"action": "frequentie", "subscription": first.pk, "frequency": "dagelijks"}
    )
    assert "Opgeslagen" in response.content.decode()
    assert Subscription.objects.get(pk=first.pk).frequency == "dagelijks"
    client.post(url, {"action": "stop", "subscription": second.pk, "frequency": "direct"})
    assert Subscription.objects.get(pk=second.pk).ended_at is not None
    # Somebody else's subscription cannot be changed with this link.
    stranger = follow("ander@gemeente.nl", kind="rapport")
    client.post(url, {"action": "stop", "subscription": stranger.pk, "frequency": "direct"})
    assert Subscription.objects.get(pk=stranger.pk).ended_at is None
    client.post(url, {"action": "stop-alles"})
    assert not Subscription.objects.filter(subscriber=first.subscriber, ended_at__isnull=True)
    for junk in ({"action": "frequentie", "subscription": "x"}, {"action": "?"}, {}):
        assert client.post(url, junk).status_code == 200


# --- What a publication matches -----------------------------------------------------------------


@pytest.fixture
def page():
    return Page.objects.get(slug=PAGE_SLUG).specific


def test_an_important_change_reaches_every_matching_selection_and_no_other(
    page, django_capture_on_commit_callbacks
):
    theme = Theme.objects.get(slug=THEME)
    publications = Page.objects.get(slug="publicaties")
    news = Page.objects.get(slug="nieuws")
    followers = {
        "theme@x.nl": {"theme": theme},
        "section@x.nl": {"section": publications},
        "kind@x.nl": {"section": publications, "kind": page.kind},
        "tag@x.nl": {"tag": "privacy"},
        "page@x.nl": {"page": page},
        "all@x.nl": {},
        "words@x.nl": {"words": "wijk"},
    }
    strangers = {
        "news@x.nl": {"section": news},
        "othertag@x.nl": {"tag": "bestaat-niet"},
        "otherkind@x.nl": {"section": publications, "kind": "boek"},
        "otherwords@x.nl": {"words": "xyzzy"},
    }
    for email, fields in {**followers, **strangers}.items():
        follow(email, **fields)
    follow("daily@x.nl", frequency=Frequency.DAILY, theme=theme)
    with django_capture_on_commit_callbacks(execute=True):
        publish_important(page)
    event = Event.objects.get(page=page, kind=Event.CHANGED)
    assert event.text == "De cijfers van 2026 zijn toegevoegd."
    queued = set(Delivery.objects.filter(event=event).values_list("subscriber__email", flat=True))
    assert queued == set(followers)  # daily subscribers wait for their digest


def test_a_change_that_is_not_important_is_not_announced(page, django_capture_on_commit_callbacks):
    follow("page@x.nl", page=page)
    with django_capture_on_commit_callbacks(execute=True):
        revision = page.save_revision()
        changes.record(page, revision, "Typfout hersteld.", False)
        revision.publish()
    assert not Event.objects.filter(page=page).exclude(kind=Event.NEW).exists()
    assert not Delivery.objects.exists()


def test_publishing_again_announces_nothing_twice(page, django_capture_on_commit_callbacks):
    follow("page@x.nl", page=page)
    with django_capture_on_commit_callbacks(execute=True):
        revision = publish_important(page)
    assert direct_to("page@x.nl").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
        record_publication(page.pk, revision.pk)
    assert direct_to("page@x.nl").count() == 1


def test_a_private_page_is_never_announced(page, django_capture_on_commit_callbacks):
    follow("theme@x.nl", theme=Theme.objects.get(slug=THEME))
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    with django_capture_on_commit_callbacks(execute=True):
        publish_important(page)
    assert not Delivery.objects.exists()
    assert record_publication(page.pk) == []


def test_a_draft_is_never_announced(page, django_capture_on_commit_callbacks):
    follow("theme@x.nl", theme=Theme.objects.get(slug=THEME))
    with django_capture_on_commit_callbacks(execute=True):
        revision = page.save_revision()
        changes.record(page, revision, "Nog niet klaar.", True)
    assert not Delivery.objects.exists()


def test_a_subscription_confirmed_later_does_not_get_older_news(
    page, django_capture_on_commit_callbacks
):
    subscription = follow("theme@x.nl", theme=Theme.objects.get(slug=THEME))
    Subscription.objects.filter(pk=subscription.pk).update(
        created_at=timezone.now() + timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish_important(page)
    assert not Delivery.objects.exists()


def test_a_new_project_update_reaches_the_projects_followers(django_capture_on_commit_callbacks):
    project = Page.objects.type(Page).filter(url_path__contains="/projecten/").specific()
    project = next(p for p in project if getattr(p, "update_relation", None))
    follow("project@x.nl", page=project)
    project.updates.create(date=timezone.localdate(), title="De tweede proefwijk doet mee")
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
    event = Event.objects.get(page=project, kind=Event.UPDATE, silent=False)
    assert event.text == "De tweede proefwijk doet mee"
    assert direct_to("project@x.nl").filter(event=event).count() == 1


# --- Digest periods -------------------------------------------------------------------------------


def local(*args):
    return datetime(*args, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("now", "frequency", "boundary"),
    [
        (local(2026, 11, 27, 7, 59), Frequency.DAILY, local(2026, 11, 26, 8)),
        (local(2026, 11, 27, 8, 0), Frequency.DAILY, local(2026, 11, 27, 8)),
        (local(2026, 11, 25, 12, 0), Frequency.WEEKLY, local(2026, 11, 23, 8)),
        (local(2026, 11, 23, 7, 0), Frequency.WEEKLY, local(2026, 11, 16, 8)),
        # Summer time starts on 29 March 2026: still 8.00 in Amsterdam.
        (local(2026, 3, 29, 9, 0), Frequency.DAILY, local(2026, 3, 29, 8)),
    ],
)
def test_a_period_ends_at_eight_in_amsterdam(now, frequency, boundary):
    assert last_boundary(frequency, now) == boundary
    assert timezone.localtime(last_boundary(frequency, now)).hour == 8


def test_a_period_is_created_once_and_a_gap_is_never_skipped():
    first = due_run(Frequency.DAILY, local(2026, 11, 24, 9))
    assert (first.period_start, first.period_end) == (
        local(2026, 11, 23, 8),
        local(2026, 11, 24, 8),
    )
    assert due_run(Frequency.DAILY, local(2026, 11, 24, 23)) is None
    # The scheduler was down for three days: one run covers the whole gap.
    after_gap = due_run(Frequency.DAILY, local(2026, 11, 27, 8, 1))
    assert (after_gap.period_start, after_gap.period_end) == (
        local(2026, 11, 24, 8),
        local(2026, 11, 27, 8),
    )
    assert DigestRun.objects.filter(frequency=Frequency.DAILY).count() == 2


def test_choice_keys_are_canonical():
    assert Choice(theme="zorg", section="nieuws").key == "sectie=nieuws&thema=zorg"
    assert Choice().key == "alles"
    assert Choice(page_id=5).key == "pagina=5"


def test_an_old_confirmation_link_does_not_undo_a_block(client):
    token = tokens.confirm_token("weg@gemeente.nl", {"thema": THEME}, "direct")
    Subscriber.objects.create(email="weg@gemeente.nl", blocked_at=timezone.now())
    response = client.post(f"/volgen/bevestigen/{token}/")
    assert response.status_code == 403
    assert "geen e-mail meer naar dit adres" in response.content.decode()
    assert not Subscription.objects.exists()
