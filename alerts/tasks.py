"""The alert mails' tasks on the "mail" queue (``manage.py db_worker --backend mail``), the
queue the contribution mails use.

``send_alerts`` sends the due direct alerts; when the mail server is down it schedules
itself again for the first retry, so nothing is lost. The confirmation and "manage" mails
carry no stored state: a failed attempt enqueues the next after ALERTS_RETRY_DELAYS.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import mail
from .models import Delivery, Subscriber
from .sending import SendingStopped, next_attempt, send_due

logger = logging.getLogger(__name__)


def _direct():
    return Delivery.objects.filter(run__isnull=True)


@task(backend="mail")
def send_alerts() -> str:
    """Send every due direct alert; come back for the ones waiting for a retry."""
    try:
        sent, failed, skipped = send_due(_direct())
    except SendingStopped:
        sent = failed = skipped = None
    following = next_attempt(_direct())
    if following is not None:
        send_alerts.using(run_after=max(following, timezone.now())).enqueue()
    if sent is None:
        raise SendingStopped("the mail server could not be reached; retry scheduled")
    return f"sent {sent}, failed {failed}, nothing to say {skipped}"


def _retry(task_function, args, attempt):
    delays = settings.ALERTS_RETRY_DELAYS
    if attempt > len(delays):
        logger.error("%s failed %s times, giving up", task_function.name, attempt)
        return
    task_function.using(run_after=timezone.now() + timedelta(seconds=delays[attempt - 1])).enqueue(
        *args, attempt + 1
    )


@task(backend="mail")
def send_confirmation(email: str, token: str, label: str, attempt: int = 1) -> str:
    try:
        mail.confirmation(email, token, label).send()
    except Exception:
        _retry(send_confirmation, (email, token, label), attempt)
        raise
    return "sent"


@task(backend="mail")
def send_manage_link(subscriber_id: int, attempt: int = 1) -> str:
    subscriber = Subscriber.objects.filter(pk=subscriber_id, blocked_at__isnull=True).first()
    if subscriber is None:
        return "no such subscriber"
    try:
        mail.manage_link(subscriber).send()
    except Exception:
        _retry(send_manage_link, (subscriber_id,), attempt)
        raise
    return "sent"
