"""The alerts app's signal receivers, connected once from ``AlertsConfig.ready``."""

import logging

from django.db import transaction
from wagtail.signals import page_published

from .events import record_publication

logger = logging.getLogger(__name__)


def page_was_published(sender, instance, revision=None, **kwargs):
    """Once the publication is committed, record what it tells the page's followers.

    A failure here never fails the publication: the editor's page is live either way."""
    page_id, revision_id = instance.pk, getattr(revision, "pk", None)

    def record():
        try:
            record_publication(page_id, revision_id)
        except Exception:
            logger.exception("Alerts for page %s not recorded", page_id)

    transaction.on_commit(record)


def connect():
    page_published.connect(page_was_published, dispatch_uid="alerts-page-published")
