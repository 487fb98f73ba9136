"""Query budgets of the alerts at two sizes: a publication queues its direct mails in the same
number of queries however many follow its theme, and a digest run's queries grow with its
batches, not with its subscribers (apart from marking each mail sent the moment the mail
server accepted it, which is what keeps a mail from going out twice)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alerts import digests
from alerts.events import record_publication
from alerts.models import Delivery, DigestRun, Event, Frequency, Subscriber, Subscription
from alerts.topics import Choice, topic_for
from tests import pages
from tests.smtp import SMTPServer

pytestmark = pytest.mark.django_db

THEME = "zorg"
SIZES = (20, 200)


def followers(count, frequency, prefix):
    """``count`` confirmed subscribers of the theme, made in two queries."""
    subscribers = Subscriber.objects.bulk_create(
        Subscriber(email=f"{prefix}{n}@example.nl") for n in range(count)
    )
    topic = topic_for(Choice(theme=THEME), None)
    Subscription.objects.bulk_create(
        Subscription(subscriber=s, topic=topic, frequency=frequency) for s in subscribers
    )
    return subscribers


def publication_queries(count, django_capture_on_commit_callbacks):
    """(queries, deliveries) of recording a new page that ``count`` direct readers follow."""
    subscribers = followers(count, Frequency.DIRECT, f"p{count}-")
    # Not committed, so the publication's own on_commit receiver never runs: the test calls it.
    page = pages.news(f"Bericht voor {count} lezers", themes=[THEME])
    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        CaptureQueriesContext(connection) as queries,
    ):
        events = record_publication(page.pk)
    assert len(events) == 1
    # The task that sends them is queued once, after commit.
    assert len(callbacks) == 1
    queued = Delivery.objects.filter(event=events[0], subscriber__in=subscribers).count()
    return len(queries), queued


def test_a_publication_queues_its_mails_in_the_same_number_of_queries_at_two_sizes(
    django_capture_on_commit_callbacks,
):
    # The first publication of the process looks up the tag model's content type once.
    publication_queries(1, django_capture_on_commit_callbacks)
    small, small_queued = publication_queries(SIZES[0], django_capture_on_commit_callbacks)
    large, large_queued = publication_queries(SIZES[1], django_capture_on_commit_callbacks)
    assert (small_queued, large_queued) == SIZES
    assert small == large
    assert large <= 15


def digest_queries(count, smtp):
    """Queries of sending a daily digest run to ``count`` readers, less the one per mail
    that marks it sent."""
    subscribers = followers(count, Frequency.DAILY, f"d{count}-")
    page = pages.news(f"Overzicht voor {count}", themes=[THEME])
    [event] = record_publication(page.pk)
    end = timezone.now() + timedelta(minutes=1)
    # A run of this size's own: the period holds its event.
    run = DigestRun.objects.create(
        frequency=Frequency.DAILY, period_start=event.created_at, period_end=end
    )
    smtp.clear()
    with CaptureQueriesContext(connection) as queries:
        totals = digests.send(run)
    assert totals == (count, 0, 0)
    assert len(smtp.messages) == count
    marks = [q for q in queries if q["sql"].startswith('UPDATE "alerts_delivery" SET "sent_at"')]
    assert len(marks) == count
    run.refresh_from_db()
    assert run.finished_at is not None
    # Out of the way of the next size.
    Event.objects.filter(pk=event.pk).delete()
    Subscription.objects.filter(subscriber__in=subscribers).update(ended_at=timezone.now())
    return len(queries) - len(marks)


@pytest.fixture
def smtp():
    server = SMTPServer().start()
    yield server
    server.stop()


def test_a_digest_runs_queries_grow_per_batch_not_per_subscriber(smtp, settings):
    for name, value in smtp.settings().items():
        setattr(settings, name, value)
    settings.ALERTS_BATCH_SIZE = 20
    small = digest_queries(20, smtp)  # 1 batch
    large = digest_queries(100, smtp)  # 5 batches
    # Four batches more cost at most this many queries each ...
    assert large - small <= 4 * 12
    # ... and the larger run needs far fewer queries than it has readers.
    assert large <= 70
