"""Change notes: what editors say changed when they publish, and when a page last changed
in a way that readers should know.

An editor writes the note in the page's edit form ("Wat is er veranderd?"); the admin hook
(``dossier.wagtail_hooks``) records it against the revision that the form saved. The note is
published with that revision: right away for "Publiceren", at the approval for "Ter
moderatie indienen", at the set time for a scheduled page (``dossier.signals``).
"""

from django.apps import apps
from django.db import models
from django.utils import timezone
from wagtail.models import Page

from .base import BasePage
from .page_forms import NOTE_MAX_LENGTH
from .purging import purge_page


class ChangeNoteQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def important(self):
        return self.filter(important=True)


class ChangeNote(models.Model):
    """One editor's note on one revision of a page."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="change_notes"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField("wat is er veranderd", max_length=NOTE_MAX_LENGTH, blank=True)
    important = models.BooleanField("belangrijke wijziging", default=False)
    created_at = models.DateTimeField("gemaakt op", auto_now_add=True)
    published_at = models.DateTimeField("gepubliceerd op", null=True, blank=True)

    objects = ChangeNoteQuerySet.as_manager()

    class Meta:
        verbose_name = "wijzigingsnotitie"
        verbose_name_plural = "wijzigingsnotities"
        ordering = ["-published_at", "-pk"]
        constraints = [
            # One note per revision: publishing a revision again never adds a second one.
            models.UniqueConstraint(fields=["revision"], name="one_change_note_per_revision")
        ]
        indexes = [models.Index(fields=["page", "published_at"], name="change_note_page_pub")]

    def __str__(self):
        return self.text or ("belangrijke wijziging" if self.important else "wijziging")

    @property
    def date(self):
        """The day readers saw the change (Dutch time); None before it is published."""
        return timezone.localdate(self.published_at) if self.published_at else None


def record(page, revision, text, important, note_id=None):
    """Keep what the editor's form says about ``revision`` of ``page``; safe to call twice
    for the same form (the admin does, before and after publishing).

    A page has at most one note waiting for publication: the form shows it again
    (``note_id``), so what the form sends replaces it and moves it to the newest revision
    (an autosaved draft, then "Publiceren", gives one note); an empty form clears it. A
    note that the request already published (an approval in the edit view: Wagtail
    publishes before the admin's ``after_edit_page`` hook) is only corrected, never
    repeated. A revision that is live already publishes its note at once. Returns the
    note, or None when there is none.
    """
    text = (text or "").strip()
    notes = ChangeNote.objects.filter(page_id=page.pk)
    shown = notes.filter(pk=note_id).first() if note_id else None
    if shown is not None and shown.published_at is not None:
        if text:
            notes.filter(pk=shown.pk).update(text=text, important=important)
        return shown
    waiting = notes.filter(published_at__isnull=True)
    keep = shown or waiting.filter(revision=revision).first()
    waiting.exclude(pk=keep.pk if keep else None).delete()
    if revision is None or not (text or important):
        if keep is not None:
            keep.delete()
        return None
    if keep is not None:
        keep.revision, keep.text, keep.important = revision, text, important
        keep.save(update_fields=["revision", "text", "important"])
        note = keep
    else:
        note, _ = ChangeNote.objects.update_or_create(
            revision=revision,
            defaults={"page_id": page.pk, "text": text, "important": important},
        )
    live, live_revision_id = Page.objects.values_list("live", "live_revision_id").get(pk=page.pk)
    if live and live_revision_id == revision.pk:
        publish(revision)
        note.refresh_from_db()
    return note


def publish(revision):
    """Mark the notes of ``revision``, and of the page's earlier revisions that were never
    published themselves (a revision submitted for moderation, then changed before the
    approval), as published now; notes published before keep their date, so a revision
    published twice changes nothing. Returns the number of notes published; the caller
    brings the page's finder row up to date."""
    count = ChangeNote.objects.filter(
        page_id=revision.object_id, revision_id__lte=revision.pk, published_at__isnull=True
    ).update(published_at=timezone.now())
    if count:
        # The page's history and its place in the finder's periods changed after the
        # publish purged it: purge it again, so no render in between is kept.
        purge_page(Page.objects.get(pk=revision.object_id))
    return count


def _dated_update_relations():
    """(model, relation) for the page types that declare a relation of dated updates."""
    return [
        (model, model.update_relation)
        for model in apps.get_models()
        if issubclass(model, BasePage) and model.update_relation
    ]


def last_updated_dates(page_ids):
    """{page id: date of the page's last important change} for the pages that have one:
    the last published important change note, or for types with dated updates (projects)
    their latest update dated today or earlier, whichever is later. One query for the
    notes and one per type with dated updates, for any number of pages."""
    page_ids = list(page_ids)
    if not page_ids:
        return {}
    notes = (
        ChangeNote.objects.published()
        .important()
        .filter(page_id__in=page_ids)
        .order_by()
        .values("page_id")
        .annotate(last=models.Max("published_at"))
        .values_list("page_id", "last")
    )
    dates = {page_id: timezone.localdate(last) for page_id, last in notes}
    today = timezone.localdate()
    for model, relation in _dated_update_relations():
        rows = (
            model.objects.filter(pk__in=page_ids, **{f"{relation}__date__lte": today})
            .order_by()
            .values("pk")
            .annotate(last=models.Max(f"{relation}__date"))
            .values_list("pk", "last")
        )
        for page_id, last in rows:
            dates[page_id] = max(last, dates.get(page_id, last))
    return dates
