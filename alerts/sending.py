"""Sending the queued alert mails (``Delivery`` rows), for direct alerts and digests alike.

A pass claims a batch of due deliveries (``select_for_update(skip_locked=True)`` on
PostgreSQL, so that two workers never take the same), builds each mail from the events it is
for, and sends the batch over one SMTP connection. A delivery is marked sent right after its
mail is accepted; one that fails is tried again after ALERTS_RETRY_DELAYS and given up after
the last. When the mail server is down the rest of the batch waits for its next attempt:
nothing is lost and nothing is sent twice.

Just before sending, the events' pages are checked again: a page that went private or was
unpublished since it was announced is left out; a mail left with nothing to say is not sent.
"""

import contextlib
import logging
import smtplib
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.safestring import mark_safe

from dossier.models import FinderEntry, without_restricted

from . import mail
from .models import Delivery, Event, Subscriber, Subscription, Topic
from .topics import describe, finder_path, topic_choice

logger = logging.getLogger(__name__)

KIND_LABELS = {Event.NEW: "Nieuw", Event.CHANGED: "Gewijzigd", Event.UPDATE: "Nieuwe update"}


@dataclass
class Item:
    """One event as a mail shows it."""

    key: int
    kind: str
    kind_label: str
    title: str
    url: str
    summary: str
    line: str
    date: date
    text: str
    happened: object
    #: The item as every mail shows it, rendered once per batch (``render_blocks``).
    text_block: str = ""
    html_block: str = ""

    def render_blocks(self):
        self.text_block = render_to_string("alerts/mail/_item.txt", {"item": self})
        self.html_block = mark_safe(render_to_string("alerts/mail/_item.html", {"item": self}))  # noqa: S308 - our own template's output
        return self


class SendingStopped(Exception):
    """The mail server could not be reached: the batch waits for its next attempt."""


def add_deliveries(frequency, *, event=None, run=None):
    """One Delivery per active, unblocked subscriber of ``frequency`` who follows a topic
    that ``event`` matched, or that an event of the digest ``run``'s period matched, and who
    confirmed before that event. One INSERT ... SELECT; running it again adds nothing.
    Returns how many were added."""
    if event is not None:
        column, target = "event_id", event.pk
        events, params = "e.id = %s", [event.pk]
    else:
        column, target = "run_id", run.pk
        events = "e.silent = %s AND e.created_at >= %s AND e.created_at < %s"
        params = [False, run.period_start, run.period_end]
    now = timezone.now()
    sql = (
        f"INSERT INTO {Delivery._meta.db_table} "  # noqa: S608 - names from the models
        f"(subscriber_id, {column}, created_at, attempts, next_attempt_at, outcome) "
        "SELECT DISTINCT s.subscriber_id, %s, %s, 0, %s, '' "
        f"FROM {Subscription._meta.db_table} s "
        f"JOIN {Event.topics.through._meta.db_table} et ON et.topic_id = s.topic_id "
        f"JOIN {Event._meta.db_table} e ON e.id = et.event_id "
        f"JOIN {Subscriber._meta.db_table} b ON b.id = s.subscriber_id "
        "WHERE s.frequency = %s AND s.ended_at IS NULL AND b.blocked_at IS NULL "
        f"AND s.created_at <= e.created_at AND {events} "
        "ON CONFLICT DO NOTHING"
    )
    with db_connection.cursor() as cursor:
        cursor.execute(sql, [target, now, now, frequency, *params])
        return cursor.rowcount


def due(now):
    claim_expired = now - timedelta(seconds=settings.ALERTS_CLAIM_SECONDS)
    return Delivery.objects.filter(
        sent_at__isnull=True, closed_at__isnull=True, next_attempt_at__lte=now
    ).filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=claim_expired))


def claim(deliveries, size):
    """Take up to ``size`` of ``deliveries`` for this process; their ids."""
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            deliveries.select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        Delivery.objects.filter(pk__in=ids).update(claimed_at=now)
    return ids


def items_for(event_ids):
    """{event id: Item} of the events whose pages are still live and public."""
    events = {e.pk: e for e in Event.objects.filter(pk__in=event_ids)}
    entries = without_restricted(
        FinderEntry.objects.filter(
            page_id__in={e.page_id for e in events.values()}, page__live=True
        ),
        path_field="page__path",
    ).select_related("page")
    by_page = {entry.page_id: entry for entry in entries}
    items = {}
    for pk, event in events.items():
        entry = by_page.get(event.page_id)
        if entry is None:
            continue
        items[pk] = Item(
            key=pk,
            kind=event.kind,
            kind_label=KIND_LABELS[event.kind],
            title=entry.page.title,
            url=mail.absolute(entry.page.url or "/"),
            summary=entry.summary,
            line=entry.line,
            date=entry.date,
            text=event.text,
            happened=event.created_at,
        ).render_blocks()
    return items


def _topics(topic_ids):
    topics = Topic.objects.filter(pk__in=topic_ids).select_related("page", "section", "theme")
    return {
        topic.pk: (describe(topic), mail.absolute(finder_path(topic_choice(topic))))
        for topic in topics
    }


def _matches(deliveries, frequency):
    """{subscriber id: [(subscription id, topic id, event id, confirmed at)]}: the active
    subscriptions of ``frequency`` that the deliveries' events matched, in one query."""
    subscriber_ids = {d.subscriber_id for d in deliveries}
    event_ids = {d.event_id for d in deliveries if d.event_id}
    runs = {d.run for d in deliveries if d.run_id}
    rows = Subscription.objects.filter(
        subscriber_id__in=subscriber_ids, frequency=frequency, ended_at__isnull=True
    )
    if event_ids:
        rows = rows.filter(topic__events__in=event_ids)
    else:
        period = Q()
        for run in runs:
            period |= Q(
                topic__events__created_at__gte=run.period_start,
                topic__events__created_at__lt=run.period_end,
            )
        rows = rows.filter(period, topic__events__silent=False)
    found = {}
    for row in rows.values_list("subscriber_id", "pk", "topic_id", "topic__events", "created_at"):
        found.setdefault(row[0], []).append(row[1:])
    return found


def build(deliveries, frequency):
    """[(delivery, message or None)] for a batch of one frequency."""
    matches = _matches(deliveries, frequency)
    event_ids = {event for rows in matches.values() for _s, _t, event, _c in rows}
    items = items_for(event_ids)
    topics = _topics({topic for rows in matches.values() for _s, topic, _e, _c in rows})
    built = []
    for delivery in deliveries:
        rows = [
            row
            for row in matches.get(delivery.subscriber_id, [])
            if row[2] in items
            and row[3] <= items[row[2]].happened
            and (delivery.event_id is None or row[2] == delivery.event_id)
        ]
        if not rows:
            built.append((delivery, None))
            continue
        subscription_ids = sorted({row[0] for row in rows})
        if delivery.event_id:
            groups = [topics[topic] for topic in dict.fromkeys(row[1] for row in rows)]
            message = mail.alert(
                delivery.subscriber, items[delivery.event_id], groups, subscription_ids
            )
        else:
            message = mail.digest(
                delivery.subscriber,
                frequency,
                _digest_groups(rows, topics, items),
                subscription_ids,
                period_label(delivery.run),
            )
        built.append((delivery, message))
    return built


def _digest_groups(rows, topics, items):
    """[(topic label, finder url, [Item])], each item once, newest first."""
    groups, shown = {}, set()
    for _subscription, topic, event, _confirmed in sorted(rows, key=lambda r: (r[1], -r[2])):
        if event in shown:
            continue
        shown.add(event)
        groups.setdefault(topic, []).append(items[event])
    return [(*topics[topic], items) for topic, items in groups.items()]


def period_label(run):
    start = timezone.localtime(run.period_start)
    end = timezone.localtime(run.period_end)
    return (
        f"{formats.date_format(start, 'j F G.i')} uur "
        f"tot {formats.date_format(end, 'j F Y G.i')} uur"
    )


def send_batch(ids):
    """Send the claimed deliveries ``ids``; (sent, failed, skipped) counts. Raises
    SendingStopped when the mail server cannot be reached (after scheduling the retries)."""
    deliveries = list(
        Delivery.objects.filter(pk__in=ids).select_related("subscriber", "run").order_by("pk")
    )
    by_frequency = {}
    for delivery in deliveries:
        frequency = delivery.run.frequency if delivery.run_id else "direct"
        by_frequency.setdefault(frequency, []).append(delivery)
    waiting = {delivery.pk: delivery for delivery in deliveries}
    sent, failed, nothing = [], [], []
    connection = get_connection()
    try:
        _commit_without_waiting(True)
        connection.open()
        for frequency, group in by_frequency.items():
            for delivery, message in build(group, frequency):
                if message is None or delivery.subscriber.blocked_at:
                    nothing.append(waiting.pop(delivery.pk).pk)
                    continue
                message.connection = connection
                try:
                    message.send()
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError) as error:
                    # This address or this mail was refused; the others can go on.
                    logger.warning("Alert mail %s refused: %s", delivery.pk, error)
                    failed.append(waiting.pop(delivery.pk))
                    continue
                # Marked at once: a worker that dies later never sends this mail again.
                Delivery.objects.filter(pk=delivery.pk).update(
                    sent_at=timezone.now(), claimed_at=None, outcome="verstuurd"
                )
                sent.append(waiting.pop(delivery.pk).pk)
    except Exception as error:
        logger.warning("Alert mails stopped, %s wait for a retry: %s", len(waiting), error)
        raise SendingStopped() from error
    finally:
        _close(nothing)
        retry([*failed, *waiting.values()])
        _commit_without_waiting(False)
        with contextlib.suppress(Exception):  # a connection that is already gone
            connection.close()
    return len(sent), len(failed), len(nothing)


def _commit_without_waiting(on):
    """While a batch is sent, PostgreSQL confirms each "sent" mark without waiting for its
    disk write (``synchronous_commit``): one mark per mail costs a round trip, not a flush.
    A crash of the database server, not of this process, could lose the last marks of a
    fraction of a second; the marks are never lost by a crash of the sender itself."""
    if db_connection.vendor != "postgresql":
        return
    with db_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF" if on else "RESET synchronous_commit")


def _close(nothing):
    now = timezone.now()
    if nothing:
        Delivery.objects.filter(pk__in=nothing).update(
            closed_at=now, claimed_at=None, outcome="niets te melden"
        )


def retry(deliveries):
    """Schedule the next attempt of each delivery, or give it up after the last."""
    now = timezone.now()
    delays = settings.ALERTS_RETRY_DELAYS
    for delivery in deliveries:
        attempts = delivery.attempts + 1
        if attempts > len(delays):
            Delivery.objects.filter(pk=delivery.pk).update(
                attempts=attempts, claimed_at=None, closed_at=now, outcome="opgegeven"
            )
            logger.error("Alert mail %s failed %s times, giving up", delivery.pk, attempts)
        else:
            Delivery.objects.filter(pk=delivery.pk).update(
                attempts=attempts,
                claimed_at=None,
                next_attempt_at=now + timedelta(seconds=delays[attempts - 1]),
                outcome="opnieuw proberen",
            )


def send_due(deliveries):
    """Send every due delivery of ``deliveries`` (a queryset), batch by batch; returns
    (sent, failed, skipped). Raises SendingStopped when the mail server is down."""
    totals = [0, 0, 0]
    while True:
        ids = claim(due(timezone.now()) & deliveries, settings.ALERTS_BATCH_SIZE)
        if not ids:
            return tuple(totals)
        for n, value in enumerate(send_batch(ids)):
            totals[n] += value


def next_attempt(deliveries):
    """When the earliest waiting delivery of ``deliveries`` is due, or None."""
    waiting = deliveries.filter(sent_at__isnull=True, closed_at__isnull=True)
    return waiting.order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()
