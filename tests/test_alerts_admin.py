"""The "Volgers" report in the Wagtail admin (/admin/volgers/): counts per followed section,
theme, finder selection and page, per frequency, in a fixed number of queries; the addresses
only for those with alerts.view_addresses; nothing for those without permission."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alerts.models import Frequency, Subscriber, Subscription, Topic
from dossier.models import Theme
from news.models import NewsIndexPage, NewsPage
from projects.models import ProjectIndexPage
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db

REPORT = "/admin/volgers/"


@pytest.fixture
def client(client):
    client.defaults["HTTP_HOST"] = "localhost"
    return client


def _user(django_user_model, username, *groups, permissions=()):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    for group in groups:
        user.groups.add(group)
    if permissions:
        user.user_permissions.add(
            *Permission.objects.filter(content_type__app_label="alerts", codename__in=permissions)
        )
    return user


@pytest.fixture
def editor(django_user_model):
    """A member of Wagtail's Editors group, with only what that group has."""
    return _user(django_user_model, "redacteur", Group.objects.get(name="Editors"))


@pytest.fixture
def privacy_officer(django_user_model):
    """An editor who was also given the dedicated permission to see the addresses."""
    return _user(
        django_user_model,
        "privacy",
        Group.objects.get(name="Editors"),
        permissions=["view_addresses"],
    )


@pytest.fixture
def outsider(django_user_model):
    """Admin access, but no permission on the alerts."""
    group = Group.objects.create(name="Alleen beheer")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return _user(django_user_model, "buitenstaander", group)


def _subscribe(topic, *frequencies, prefix="lezer", ended=0, blocked=0):
    """One new subscriber per frequency following ``topic``; ``ended`` and ``blocked`` more
    whose subscriptions no longer count."""
    made = []
    for n, frequency in enumerate(frequencies):
        subscriber = Subscriber.objects.create(email=f"{prefix}{n}.{topic.pk}@example.org")
        made.append(
            Subscription.objects.create(subscriber=subscriber, topic=topic, frequency=frequency)
        )
    for n in range(ended):
        subscriber = Subscriber.objects.create(email=f"{prefix}-weg{n}.{topic.pk}@example.org")
        Subscription.objects.create(subscriber=subscriber, topic=topic, ended_at=timezone.now())
    for n in range(blocked):
        subscriber = Subscriber.objects.create(
            email=f"{prefix}-blok{n}.{topic.pk}@example.org", blocked_at=timezone.now()
        )
        Subscription.objects.create(subscriber=subscriber, topic=topic)
    return made


@pytest.fixture
def followed():
    """A section, a theme, a finder selection and a page, followed at different rates."""
    news = NewsIndexPage.objects.get()
    theme = Theme.objects.order_by("pk").first()
    page = NewsPage.objects.live().order_by("pk").first()
    topics = {
        "section": Topic.objects.create(key="sectie=nieuws", section=news),
        "theme": Topic.objects.create(key=f"thema={theme.slug}", theme=theme),
        "selection": Topic.objects.create(
            key=f"q=sensoren&sectie=nieuws&thema={theme.slug}",
            section=news,
            theme=theme,
            words="sensoren",
        ),
        "page": Topic.objects.create(key=f"pagina={page.pk}", page=page),
        "nobody": Topic.objects.create(key="tag=niemand", tag="niemand"),
    }
    D, DA, W = Frequency.DIRECT, Frequency.DAILY, Frequency.WEEKLY
    _subscribe(topics["section"], D, D, DA, W, ended=2, blocked=1)
    _subscribe(topics["theme"], DA, DA, DA)
    _subscribe(topics["selection"], W)
    _subscribe(topics["page"], D, W)
    _subscribe(topics["nobody"], ended=1)
    # One address that follows two things counts once among the addresses.
    both = Subscriber.objects.get(email=f"lezer0.{topics['theme'].pk}@example.org")
    Subscription.objects.create(subscriber=both, topic=topics["page"], frequency=D)
    return topics, theme, page


def _rows(response):
    """[[cell texts]] of the report's table body."""
    html = response.content.decode()
    table = html[html.index('<table class="listing">') :]
    body = table[table.index("<tbody") : table.index("</tbody>")]
    return [texts(find_all(row_html, "td")) for row_html in body.split("<tr")[1:]]


def test_counts_per_followed_item_grouped_and_split_by_frequency(client, editor, followed):
    _topics, theme, page = followed
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    rows = _rows(response)
    assert rows == [
        ["Nieuws", "Rubriek", "2", "1", "1", "4"],
        [f"Alles over {theme.name.lower()}", "Thema", "0", "3", "0", "3"],
        [
            f"Nieuws over {theme.name.lower()}, met de woorden \u2018sensoren\u2019",
            "Selectie in de zoeker",
            "0",
            "0",
            "1",
            "1",
        ],
        [f"Wijzigingen van \u2018{page.title}\u2019", "Pagina", "2", "0", "1", "3"],
    ]
    totals = " ".join(texts(find_all(response.content, "div", id="volgers-totalen"))[0].split())
    # 11 subscriptions of 10 addresses (one follows a theme and a page); the ended and blocked
    # ones and the topic nobody follows any more are not counted.
    assert "10 adressen volgen samen 4 onderwerpen, met 11 abonnementen" in totals
    assert "4 direct, 4 dagelijks, 3 wekelijks" in totals


def test_the_kind_filter_shows_one_group_and_its_totals(client, editor, followed):
    client.force_login(editor)
    response = client.get(REPORT, {"group": "4"})
    assert [row[1] for row in _rows(response)] == ["Pagina"]
    totals = " ".join(texts(find_all(response.content, "div", id="volgers-totalen"))[0].split())
    assert "3 adressen volgen samen 1 onderwerp, met 3 abonnementen" in totals


def test_query_count_does_not_grow_with_the_number_of_topics(client, editor, followed):
    client.force_login(editor)
    client.get(REPORT)  # the admin's first request caches a few things
    with CaptureQueriesContext(connection) as few:
        assert client.get(REPORT).status_code == 200
    news = NewsIndexPage.objects.get()
    projects = ProjectIndexPage.objects.get()
    for n, theme in enumerate(Theme.objects.all()):
        for section in (news, projects):
            topic = Topic.objects.create(
                key=f"sectie={section.slug}&thema={theme.slug}&n={n}", section=section, theme=theme
            )
            _subscribe(topic, Frequency.DIRECT, Frequency.WEEKLY, prefix=f"meer{n}")
    for page in NewsPage.objects.live()[:10]:
        _subscribe(Topic.objects.create(key=f"pagina={page.pk}&x", page=page), Frequency.DAILY)
    with CaptureQueriesContext(connection) as many:
        response = client.get(REPORT)
    assert len(_rows(response)) >= 4 + 10 + 2
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_an_editor_without_view_addresses_never_sees_an_address(client, editor, followed):
    topics = followed[0]
    client.force_login(editor)
    response = client.get(REPORT)
    html = response.content.decode()
    assert "@example.org" not in html.replace("redacteur@example.org", "")
    # No link to the addresses, and the page itself is refused.
    assert reverse("alerts_admin:addresses", args=[topics["section"].pk]) not in html
    page = client.get(reverse("alerts_admin:addresses", args=[topics["section"].pk]))
    assert page.status_code in (302, 403)
    assert b"lezer0" not in page.content
    export = client.get(REPORT, {"export": "csv"})
    assert b"@example.org" not in b"".join(export.streaming_content)


def test_with_view_addresses_the_followers_of_one_item_are_listed(
    client, privacy_officer, followed
):
    topics = followed[0]
    section = topics["section"]
    client.force_login(privacy_officer)
    report = client.get(REPORT)
    url = reverse("alerts_admin:addresses", args=[section.pk])
    assert url in report.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    rows = _rows(response)
    emails = [row[0] for row in rows]
    # Only those that still get mail; in address order.
    assert emails == [f"lezer{n}.{section.pk}@example.org" for n in range(4)]
    assert [row[1] for row in rows] == ["direct", "direct", "dagelijks", "wekelijks"]
    assert b"lezer-weg0" not in response.content
    assert b"lezer-blok0" not in response.content


def test_the_addresses_are_paginated(client, privacy_officer):
    topic = Topic.objects.create(key="alles")
    Subscriber.objects.bulk_create(
        [Subscriber(email=f"veel{n:03d}@example.org") for n in range(60)]
    )
    Subscription.objects.bulk_create(
        [
            Subscription(subscriber=subscriber, topic=topic)
            for subscriber in Subscriber.objects.filter(email__startswith="veel")
        ]
    )
    client.force_login(privacy_officer)
    url = reverse("alerts_admin:addresses", args=[topic.pk])
    first = client.get(url)
    second = client.get(url, {"p": "2"})
    assert [row[0] for row in _rows(first)][:2] == ["veel000@example.org", "veel001@example.org"]
    assert len(_rows(first)) == 50
    assert [row[0] for row in _rows(second)] == [f"veel{n:03d}@example.org" for n in range(50, 60)]
    assert client.get(reverse("alerts_admin:addresses", args=[999999])).status_code == 404


def test_without_permission_the_report_is_refused_and_not_in_the_menu(
    client, outsider, editor, followed
):
    client.force_login(outsider)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert b"lezer0" not in response.content
    home = client.get("/admin/")
    assert REPORT.encode() not in home.content
    client.force_login(editor)
    assert REPORT.encode() in client.get("/admin/").content


def test_anonymous_users_go_to_the_login(client, followed):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_counts_export_as_a_spreadsheet(client, editor, followed):
    client.force_login(editor)
    response = client.get(REPORT, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Gevolgd", "Soort", "Direct", "Dagelijks", "Wekelijks", "Totaal"]
    assert rows[1] == ["Nieuws", "Rubriek", "2", "1", "1", "4"]


def test_editors_and_moderators_have_the_counts_permission_not_the_addresses():
    for name in ("Editors", "Moderators"):
        codenames = set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="alerts")
            .values_list("codename", flat=True)
        )
        assert codenames == {"view_subscriber"}


def test_administrators_grant_both_permissions_in_the_group_editor(client, django_user_model):
    admin = django_user_model.objects.create_superuser("beheerder", "b@example.org", "x")
    client.force_login(admin)
    group = Group.objects.get(name="Editors")
    response = client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    html = response.content.decode()
    for codename in ("view_subscriber", "view_addresses"):
        permission = Permission.objects.get(content_type__app_label="alerts", codename=codename)
        assert f'value="{permission.pk}"' in html
    assert "Kan e-mailadressen van volgers zien" in html
