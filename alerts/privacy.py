"""What the alerts keep about an address, and for how long.

- ``block``: a hard bounce, a complaint or an unsubscribe reported by the mail provider
  (``alerts.signals``) ends every subscription of the address and closes its waiting mails.
  The address stays stored, with ``blocked_at``, so that no mail, not even a new
  confirmation request, ever goes to it again.
- ``prune`` (``manage.py prune_alerts``, daily): ended subscriptions and addresses left
  without any go after ALERTS_RETENTION_DAYS, with the records of the mails sent to them;
  digest runs and events after ALERTS_LOG_DAYS. Blocked addresses are kept.
- ``export`` and ``erase`` (``manage.py alerts_address``): everything stored about one
  address, on request.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .labels import describe
from .models import Delivery, DigestRun, Event, Subscriber, Subscription, Topic

#: Why an address was blocked, from anymail's normalised event types.
BLOCK_REASONS = {
    "bounced": "onbestelbaar",
    "rejected": "geweigerd door de provider",
    "complained": "klacht",
    "unsubscribed": "afgemeld bij de provider",
}
BLOCKED_OUTCOME = "geblokkeerd"
#: The mail tasks that carry an address in their arguments (alerts.tasks).
ADDRESS_TASKS = ("alerts.tasks.send_confirmation",)


def normalise(email):
    """Addresses are stored as the forms clean them: stripped and in lower case."""
    return (email or "").strip().lower()


def block(email, reason, now=None):
    """Never mail ``email`` again: mark it blocked, end its subscriptions, close its waiting
    mails. An address that never confirmed is stored blocked as well, so that the sign-up
    form sends it no confirmation request. Returns the Subscriber."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=normalise(email), defaults={"blocked_at": now, "blocked_reason": reason}
        )
        if subscriber.blocked_at is None:
            subscriber.blocked_at, subscriber.blocked_reason = now, reason
            subscriber.save(update_fields=["blocked_at", "blocked_reason"])
        Subscription.objects.filter(subscriber=subscriber, ended_at__isnull=True).update(
            ended_at=now
        )
        Delivery.objects.filter(
            subscriber=subscriber, sent_at__isnull=True, closed_at__isnull=True
        ).update(closed_at=now, claimed_at=None, outcome=BLOCKED_OUTCOME)
    return subscriber


# --- Retention ---------------------------------------------------------------------------


def _count(deleted, model):
    return deleted[1].get(model._meta.label, 0)


def prune(now=None):
    """Delete what the retention periods no longer allow; {what: how many} deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ALERTS_RETENTION_DAYS)
    log_cutoff = now - timedelta(days=settings.ALERTS_LOG_DAYS)
    counts = dict.fromkeys(
        ["subscriptions", "subscribers", "deliveries", "digest_runs", "events", "topics"], 0
    )

    def add(deleted):
        for key, model in [
            ("subscriptions", Subscription),
            ("subscribers", Subscriber),
            ("deliveries", Delivery),
            ("digest_runs", DigestRun),
            ("events", Event),
            ("topics", Topic),
        ]:
            counts[key] += _count(deleted, model)

    with transaction.atomic():
        add(Subscription.objects.filter(ended_at__lt=cutoff).delete())
        # Addresses without any subscription left (the last one ended before the cutoff and
        # is gone now, or none was ever confirmed); blocked addresses stay blocked.
        add(
            Subscriber.objects.filter(blocked_at__isnull=True, created_at__lt=cutoff)
            .exclude(Exists(Subscription.objects.filter(subscriber=OuterRef("pk"))))
            .delete()
        )
        finished = Q(sent_at__isnull=False) | Q(closed_at__isnull=False)
        add(Delivery.objects.filter(finished, created_at__lt=cutoff).delete())
        # The latest run of each frequency stays: the next period starts where it ended.
        latest = DigestRun.objects.values("frequency").annotate(end=Max("period_end"))
        keep = Q()
        for row in latest:
            keep |= Q(frequency=row["frequency"], period_end=row["end"])
        runs = DigestRun.objects.filter(finished_at__isnull=False, period_end__lt=log_cutoff)
        add((runs.exclude(keep) if latest else runs).delete())
        # Events nobody needs any more: no mail waits for them, no open digest covers them.
        open_from = (
            DigestRun.objects.filter(finished_at__isnull=True)
            .order_by("period_start")
            .values_list("period_start", flat=True)
            .first()
        )
        events = Event.objects.filter(created_at__lt=log_cutoff).exclude(
            Exists(Delivery.objects.filter(event=OuterRef("pk")))
        )
        if open_from is not None:
            events = events.filter(created_at__lt=open_from)
        add(events.delete())
        # Selections that nobody follows any more and no event refers to.
        add(
            Topic.objects.exclude(Exists(Subscription.objects.filter(topic=OuterRef("pk"))))
            .exclude(Exists(Event.topics.through.objects.filter(topic_id=OuterRef("pk"))))
            .delete()
        )
    return counts


# --- One address on request ----------------------------------------------------------------


def _moment(value):
    return timezone.localtime(value).isoformat() if value else None


def _address_tasks(email):
    """The queued and finished confirmation mails to ``email`` (their first argument), as
    the task queue keeps them until ``prune_db_task_results``."""
    return DBTaskResult.objects.filter(task_path__in=ADDRESS_TASKS, args_kwargs__args__0=email)


def export(email):
    """Everything stored about ``email``, as JSON-ready data; None when nothing is."""
    email = normalise(email)
    subscriber = Subscriber.objects.filter(email=email).first()
    tasks = list(_address_tasks(email).order_by("enqueued_at"))
    if subscriber is None and not tasks:
        return None
    data = {"email": email, "subscriber": None, "subscriptions": [], "mails": []}
    if subscriber is not None:
        data["subscriber"] = {
            "confirmed_at": _moment(subscriber.created_at),
            "blocked_at": _moment(subscriber.blocked_at),
            "blocked_reason": subscriber.blocked_reason,
        }
        subscriptions = subscriber.subscriptions.select_related(
            "topic", "topic__page", "topic__section", "topic__theme"
        ).order_by("created_at", "pk")
        data["subscriptions"] = [
            {
                "follows": describe(subscription.topic),
                "selection": subscription.topic.key,
                "frequency": subscription.frequency,
                "confirmed_at": _moment(subscription.created_at),
                "ended_at": _moment(subscription.ended_at),
            }
            for subscription in subscriptions
        ]
        deliveries = (
            Delivery.objects.filter(subscriber=subscriber)
            .select_related("event", "run")
            .order_by("created_at", "pk")
        )
        data["mails"] = [
            {
                "kind": "digest" if delivery.run_id else "direct",
                "about": str(delivery.run) if delivery.run_id else delivery.event.key,
                "queued_at": _moment(delivery.created_at),
                "attempts": delivery.attempts,
                "sent_at": _moment(delivery.sent_at),
                "closed_at": _moment(delivery.closed_at),
                "outcome": delivery.outcome,
            }
            for delivery in deliveries
        ]
    data["confirmation_requests"] = [
        {
            "status": task.status,
            "enqueued_at": _moment(task.enqueued_at),
            "finished_at": _moment(task.finished_at),
        }
        for task in tasks
    ]
    return data


def erase(email):
    """Delete the subscriber of ``email`` with its subscriptions and mail records, and the
    confirmation requests that carry the address; {what: how many} deleted, or None when
    nothing is stored about it."""
    email = normalise(email)
    with transaction.atomic():
        deleted = Subscriber.objects.filter(email=email).delete()
        tasks = _address_tasks(email).delete()
    if not deleted[0] and not tasks[0]:
        return None
    return {
        "subscribers": _count(deleted, Subscriber),
        "subscriptions": _count(deleted, Subscription),
        "deliveries": _count(deleted, Delivery),
        "confirmation_requests": tasks[0],
    }
