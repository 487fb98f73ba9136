"""The finder's table: one row per content page, with what the finder sorts and filters on
that lives in six page tables (date, kind) or nowhere (the section, the last update).

Rows are kept by ``finder_rows.refresh`` on save (publish), unpublish and move
(``dossier.signals``), go with their page on delete, and are rebuilt by
``manage.py rebuild_finder``. Whether a page is live and public is checked when the
finder reads, not trusted from the table: a missed signal can leave a stale date, never show a
draft or a private page.
"""

from django.db import models


class FinderEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="finder_entry",
    )
    section = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", db_index=True
    )
    kind = models.CharField(max_length=30, db_index=True)
    date = models.DateField(db_index=True)
    #: The last important change (a change note marked important, a project update); null
    #: when the page never changed since it appeared.
    updated = models.DateField(null=True, blank=True)
    #: The later of ``date`` and ``updated``: the "laatst bijgewerkt" order.
    latest = models.DateField(db_index=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "vindregel"
        verbose_name_plural = "vindregels"

    def __str__(self):
        return f"{self.page_id} ({self.kind}, {self.date})"
