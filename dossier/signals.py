"""The dossier app's signal receivers, connected once from ``DossierConfig.ready``: every
change that readers can see makes stale what shows it in the page cache and the proxies in
front (by tag: a page's change what shows that page and the listings it belongs to; a change of
themes, people, organisations, settings, sites, redirects or view restrictions everything),
and publishing purges a CDN."""

from django.db import connection
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import (
    BasePage,
    DossierSettings,
    FinderEntry,
    Organisation,
    Person,
    Theme,
    changes,
    finder_rows,
    words,
)
from .models.purging import purge_page, remember_themes
from .ops.page_cache import invalidate, purge_cdn


def page_published_or_unpublished(sender, instance, **kwargs):
    """What shows the page is stale: purge it by tag, then render it again."""
    purge_page(instance)


def page_moved(sender, instance, parent_page_before=None, **kwargs):
    """The page left one listing for another: the old section's is stale as well."""
    purge_page(instance, old_parent=parent_page_before)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_page(instance)


def page_saving(sender, instance, update_fields=None, **kwargs):
    """A publish rewrites the page's themes: remember the old ones for the purge."""
    if isinstance(instance, BasePage) and update_fields is None and not kwargs.get("raw"):
        remember_themes(instance)


def page_saved(sender, instance, **kwargs):
    """Publishing saves the page: its finder row follows (and a series' parts, on a move)."""
    if isinstance(instance, BasePage) and not kwargs.get("raw"):
        finder_rows.refresh([instance.pk])


def page_changed_place(sender, instance, **kwargs):
    """Unpublish and move: the page and the pages under it."""
    finder_rows.refresh([instance.pk])


def fill_finder(sender, **kwargs):
    """After ``migrate``: a site that had pages before the finder existed gets its rows."""
    # Migrating back to before the finder leaves no table to fill.
    if FinderEntry._meta.db_table not in connection.introspection.table_names():
        return
    if not FinderEntry.objects.exists():
        finder_rows.rebuild()


def change_notes_published(sender, instance, revision=None, **kwargs):
    """The notes of the published revision go public now (after an approval or at the set
    time; after "Publiceren" the admin hook keeps the note only after this signal, and
    publishes it itself).

    A page type with dated updates (projects) refreshes its finder row here as well: the
    page's ``post_save`` comes before modelcluster writes the updates, so the row made then
    does not know the new ones."""
    published = changes.publish(revision) if revision is not None else 0
    if published or (isinstance(instance, BasePage) and instance.update_relation):
        finder_rows.refresh([instance.pk])


def page_words_published(sender, instance, **kwargs):
    """A published page's new words can be suggested at once ("Bedoelde u …?"): its index
    entry is already up to date, as Wagtail indexes on save, before ``page_published``."""
    words.add_page_words(instance)


def connect(app_config=None):
    """Invalidate on every change that readers can see."""
    for signal in (page_published, page_unpublished):
        signal.connect(page_published_or_unpublished, dispatch_uid=f"page-cache-{signal}")
    post_page_move.connect(page_moved, dispatch_uid="page-cache-move")
    for signal in (page_published, page_unpublished):
        signal.connect(purge_cdn, dispatch_uid=f"page-cache-cdn-{signal}")
    post_delete.connect(page_deleted, dispatch_uid="page-cache-page-delete")
    post_save.connect(page_saved, dispatch_uid="finder-page-save")
    pre_save.connect(page_saving, dispatch_uid="page-cache-page-save")
    post_migrate.connect(fill_finder, sender=app_config, dispatch_uid="finder-after-migrate")
    page_published.connect(change_notes_published, dispatch_uid="change-notes-published")
    page_published.connect(page_words_published, dispatch_uid="search-words-publish")
    for signal in (page_unpublished, post_page_move):
        signal.connect(page_changed_place, dispatch_uid=f"finder-{signal}")
    for model in (
        Theme,
        Person,
        Organisation,
        DossierSettings,
        PageViewRestriction,
        Site,
        Redirect,
    ):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-save-{model}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"page-cache-delete-{model}")
