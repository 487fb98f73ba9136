"""The dossier app's signal receivers, connected once from ``DossierConfig.ready``: every
change that readers can see makes the page cache stale, and publishing purges a CDN."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import DossierSettings, Organisation, Person, Theme
from .ops.page_cache import invalidate, purge_cdn


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate()


def connect():
    """Invalidate on every change that readers can see."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{signal}")
    for signal in (page_published, page_unpublished):
        signal.connect(purge_cdn, dispatch_uid=f"page-cache-cdn-{signal}")
    post_delete.connect(page_deleted, dispatch_uid="page-cache-page-delete")
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
