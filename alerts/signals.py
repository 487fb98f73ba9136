"""The alerts app's signal receivers, connected once from ``AlertsConfig.ready``."""

import logging

from anymail.signals import tracking
from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published

from .events import record_publication
from .privacy import BLOCK_REASONS, block

logger = logging.getLogger(__name__)

#: "bounced" events that the provider itself calls temporary (a full mailbox): anymail
#: reports these providers' soft bounces as "bounced", with the provider's own type in the
#: event it received: {provider: (field, value)}.
SOFT_BOUNCES = {"Postmark": ("Type", "SoftBounce"), "Brevo": ("event", "soft_bounce")}


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


def _soft_bounce(event, esp_name):
    field, value = SOFT_BOUNCES.get(esp_name, (None, None))
    return isinstance(event.esp_event, dict) and field and event.esp_event.get(field) == value


def mail_was_refused(sender, event, esp_name, **kwargs):
    """The mail provider's webhook (django-anymail) reports a hard bounce, a refusal, a
    complaint or an unsubscribe: that address gets no mail again (``alerts.privacy.block``).
    A deferred mail (a soft bounce) changes nothing: the provider tries again.

    Reports count only when the webhook is protected by ANYMAIL_WEBHOOK_SECRET: without
    it, anyone could block any address."""
    reason = BLOCK_REASONS.get(event.event_type)
    if reason is None or not event.recipient or _soft_bounce(event, esp_name):
        return
    if not settings.ANYMAIL.get("WEBHOOK_SECRET"):
        logger.warning(
            "Ignored a %s report from %s: ANYMAIL_WEBHOOK_SECRET is not set",
            event.event_type,
            esp_name,
        )
        return
    subscriber = block(event.recipient, f"{reason} ({esp_name})"[:40])
    logger.info("Alerts blocked subscriber %s: %s", subscriber.pk, subscriber.blocked_reason)


def connect():
    page_published.connect(page_was_published, dispatch_uid="alerts-page-published")
    tracking.connect(mail_was_refused, dispatch_uid="alerts-mail-refused")
