"""Daily and weekly digests, built by ``manage.py send_digests`` (compose's scheduler runs it
every minute; it does nothing until a period is due).

A daily period ends at ALERTS_DIGEST_HOUR (8.00, Europe/Amsterdam), a weekly one at that hour
on ALERTS_WEEKLY_DAY (Monday). Each period is a ``DigestRun``, unique per frequency and end:
a run is created once, its deliveries once per subscriber, and it is finished when every
delivery is sent or given up. A period is never skipped: a run starts where the previous
one ended, so a scheduler that was down sends one digest over the whole gap, and a run that
was interrupted is taken up again where it stopped.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from .models import Delivery, DigestRun, Frequency
from .sending import add_deliveries, send_due

LENGTH = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}


def last_boundary(frequency, now):
    """The end of the latest period of ``frequency`` at or before ``now``."""
    local = timezone.localtime(now)
    tz = timezone.get_current_timezone()
    day = local.date()
    if frequency == Frequency.WEEKLY:
        day -= timedelta(days=(day.weekday() - settings.ALERTS_WEEKLY_DAY) % 7)
    boundary = datetime.combine(day, time(settings.ALERTS_DIGEST_HOUR), tzinfo=tz)
    if boundary > local:
        step = 7 if frequency == Frequency.WEEKLY else 1
        boundary = datetime.combine(
            day - timedelta(days=step), time(settings.ALERTS_DIGEST_HOUR), tzinfo=tz
        )
    return boundary


def due_run(frequency, now):
    """The run of the period that ended last, created now if it was not yet; None when that
    period has a run already."""
    end = last_boundary(frequency, now)
    last = DigestRun.objects.filter(frequency=frequency).order_by("-period_end").first()
    if last is not None and last.period_end >= end:
        return None
    start = last.period_end if last is not None else end - LENGTH[frequency]
    run, _created = DigestRun.objects.get_or_create(
        frequency=frequency, period_end=end, defaults={"period_start": start}
    )
    return run


def fill(run):
    """One delivery per subscriber with something new in the run's period (running it
    again adds nothing). Returns how many were added."""
    return add_deliveries(run.frequency, run=run)


def send(run):
    """Send the run's due deliveries; finish the run when none is left waiting. Returns
    (sent, failed, skipped)."""
    fill(run)
    deliveries = Delivery.objects.filter(run=run)
    totals = send_due(deliveries)
    waiting = deliveries.filter(sent_at__isnull=True, closed_at__isnull=True).exists()
    if not waiting:
        DigestRun.objects.filter(pk=run.pk, finished_at__isnull=True).update(
            finished_at=timezone.now()
        )
    return totals


def run_due(now=None):
    """Create the runs that are due and send every unfinished run, oldest first; returns
    [(run, (sent, failed, skipped))]."""
    now = now or timezone.now()
    for frequency in LENGTH:
        due_run(frequency, now)
    done = []
    for run in DigestRun.objects.filter(finished_at__isnull=True).order_by("period_end", "pk"):
        done.append((run, send(run)))
    return done
