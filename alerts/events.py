"""From a publication to the mails it causes, in a fixed number of queries.

``record_publication`` runs once a page's publication is committed (``alerts.signals``):

1. it records what happened as ``Event`` rows: the page is new, an editor marked a change
   important (the change note), or a project got a new dated update;
2. it finds every followed ``Topic`` the page matches: one query for the selections
   without words and for the page itself, one for the selections with words (PostgreSQL
   matches them all against the page's search index entry, with the finder's Dutch
   stemming);
3. it queues one direct mail per subscriber and event with one INSERT ... SELECT, and one
   task that sends them. Daily and weekly subscribers read the events in their digest.

However many subscriptions match, the number of queries stays the same.
"""

import logging
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from wagtail.models import Page

from dossier.models import (
    BasePage,
    ChangeNote,
    FinderEntry,
    PageTheme,
    TaggedPage,
    without_restricted,
)
from dossier.models.finder import with_words

from .models import Event, Frequency, Subscription, Topic
from .sending import add_deliveries
from .tasks import send_alerts

logger = logging.getLogger(__name__)

#: A project's update counts as news when it is dated this recently (and not in the future).
UPDATE_NEWS_DAYS = 14
#: Change notes published longer ago than this are never announced (notes from before the
#: alerts existed, published again with a later revision).
NOTE_NEWS_HOURS = 24


def record_publication(page_id, revision_id=None):
    """Record and queue what publishing ``page_id`` tells its followers; returns the new
    events. Safe to call twice: each event has a unique key."""
    if not Subscription.objects.filter(ended_at__isnull=True).exists():
        return []  # nobody follows anything: nothing to tell (a new site, a demo import)
    page = without_restricted(Page.objects.live()).filter(pk=page_id).first()
    if page is None:
        return []  # a draft, or a page behind a view restriction: never announced
    page = page.specific
    if not isinstance(page, BasePage):
        return []
    events = _new_events(page, revision_id)
    for event in events:
        if not event.silent:
            match(event, page)
            queue_direct(event)
    return [event for event in events if not event.silent]


def _new_events(page, revision_id):
    now = timezone.now()
    candidates = []
    first_publication = page.first_published_at == page.last_published_at
    if first_publication:
        candidates.append(Event(key=f"page:{page.pk}", page_id=page.pk, kind=Event.NEW))
    else:
        notes = ChangeNote.objects.filter(page_id=page.pk, important=True).filter(
            Q(published_at__isnull=True)
            | Q(published_at__gte=now - timedelta(hours=NOTE_NEWS_HOURS))
        )
        if revision_id is not None:
            notes = notes.filter(revision_id__lte=revision_id)
        candidates += [
            Event(key=f"note:{note.pk}", page_id=page.pk, kind=Event.CHANGED, text=note.text)
            for note in notes
        ]
    if page.update_relation:
        today = timezone.localdate()
        updates = getattr(page, page.update_relation).filter(
            date__lte=today, date__gte=today - timedelta(days=UPDATE_NEWS_DAYS)
        )
        candidates += [
            Event(
                key=f"update:{update.pk}",
                page_id=page.pk,
                kind=Event.UPDATE,
                text=update.title,
                # A new page's updates come with it: its own event covers them.
                silent=first_publication,
            )
            for update in updates
        ]
    if not candidates:
        return []
    known = set(
        Event.objects.filter(key__in=[e.key for e in candidates]).values_list("key", flat=True)
    )
    fresh = [event for event in candidates if event.key not in known]
    Event.objects.bulk_create(fresh, ignore_conflicts=True)
    # The rows as stored (bulk_create with ignore_conflicts gives no primary keys).
    return list(Event.objects.filter(key__in=[event.key for event in fresh]).order_by("pk"))


def _has_followers():
    return Exists(Subscription.objects.filter(topic=OuterRef("pk"), ended_at__isnull=True))


def matching_topics(page, *, include_page=True):
    """Ids of the followed topics that ``page`` falls under (one page's own topic only when
    ``include_page``: a new page has no followers yet)."""
    entry = FinderEntry.objects.filter(page_id=page.pk).values("section_id", "kind").first()
    if entry is None:
        return set()
    themes = PageTheme.objects.filter(page_id=page.pk).values("theme_id")
    tags = TaggedPage.objects.filter(content_object_id=page.pk).values("tag__slug")
    selection = (
        Q(page__isnull=True)
        & (Q(section__isnull=True) | Q(section_id=entry["section_id"]))
        & (Q(kind="") | Q(kind=entry["kind"]))
        & (Q(theme__isnull=True) | Q(theme_id__in=themes))
        & (Q(tag="") | Q(tag__in=tags))
    )
    followed = Topic.objects.filter(_has_followers())
    plain = Q(words="") & selection
    if include_page:
        plain |= Q(page_id=page.pk)
    ids = set(followed.filter(plain).values_list("pk", flat=True))
    worded = followed.filter(selection).exclude(words="")
    ids |= _matching_words(worded, page)
    return ids


def _matching_words(topics, page):
    """Ids of ``topics`` whose words the page has, as the finder matches words."""
    entries = FinderEntry.objects.filter(page_id=page.pk)
    if connection.vendor == "postgresql":
        # Every selection's words against the page's index entry, in one query.
        has_words = with_words(entries, OuterRef("words"))
        return set(topics.filter(Exists(has_words)).values_list("pk", flat=True))
    # SQLite (development): Wagtail's search, once per distinct set of words.
    rows = list(topics.values_list("pk", "words"))
    found_words = {words for _pk, words in rows if with_words(entries, words).exists()}
    return {pk for pk, words in rows if words in found_words}


def match(event, page):
    """Link ``event`` to every topic its page falls under."""
    ids = matching_topics(page, include_page=event.kind != Event.NEW)
    Event.topics.through.objects.bulk_create(
        [Event.topics.through(event_id=event.pk, topic_id=pk) for pk in ids],
        ignore_conflicts=True,
    )
    return ids


def queue_direct(event):
    """One Delivery per direct subscriber of the event's topics (one INSERT ... SELECT),
    and the task that sends them. Returns how many were queued."""
    queued = add_deliveries(Frequency.DIRECT, event=event)
    if queued:
        transaction.on_commit(lambda: send_alerts.enqueue())
    return queued
