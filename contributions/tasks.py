"""The contribution mails, sent by the background worker (`manage.py db_worker --backend mail`).

Each mail is its own task. A failed attempt schedules the next one after a delay from
CONTRIBUTION_MAIL_RETRY_DELAYS and then fails itself, so the worker records the error; a mail
already sent is never sent twice, because its time is kept on the submission.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from wagtail.models import Site

from dossier.models import DossierSettings

from .models.submission import Contribution

logger = logging.getLogger(__name__)

EDITORS = "editors"
CONTRIBUTOR = "contributor"


def queue_mails(contribution_id: int) -> None:
    """Queue both mails of a stored submission (called once its row is committed)."""
    for audience in (EDITORS, CONTRIBUTOR):
        send_contribution_mail.enqueue(contribution_id, audience, 1)


@task(backend="mail")
def send_contribution_mail(contribution_id: int, audience: str, attempt: int = 1) -> str:
    contribution = Contribution.objects.filter(pk=contribution_id).first()
    if contribution is None:
        return "deleted"
    sent_field = "editors_notified_at" if audience == EDITORS else "confirmation_sent_at"
    if getattr(contribution, sent_field):
        return "already sent"
    try:
        message = (
            editors_mail(contribution) if audience == EDITORS else confirmation_mail(contribution)
        )
        if message is None:
            return "no recipients"
        message.send()
    except Exception:
        delays = settings.CONTRIBUTION_MAIL_RETRY_DELAYS
        if attempt <= len(delays):
            send_contribution_mail.using(
                run_after=timezone.now() + timedelta(seconds=delays[attempt - 1])
            ).enqueue(contribution_id, audience, attempt + 1)
            logger.warning(
                "Contribution %s: %s mail failed (attempt %s), retrying",
                contribution_id,
                audience,
                attempt,
            )
        else:
            logger.error(
                "Contribution %s: %s mail failed %s times, giving up",
                contribution_id,
                audience,
                attempt,
            )
        raise
    Contribution.objects.filter(pk=contribution_id).update(**{sent_field: timezone.now()})
    return "sent"


def editor_addresses() -> list[str]:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return []
    dossier_settings = DossierSettings.for_site(site)
    return dossier_settings.notification_addresses()


def editors_mail(contribution: Contribution) -> EmailMessage | None:
    recipients = editor_addresses()
    if not recipients:
        logger.warning("Contribution %s: no editor addresses in the site settings", contribution.pk)
        return None
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "contributions:inspect", args=[contribution.pk]
    )
    body = render_to_string(
        "contributions/mail/editors.txt", {"contribution": contribution, "admin_url": admin_url}
    )
    return EmailMessage(
        subject=f"Nieuwe bijdrage ({contribution.kind}): {contribution.title}",
        body=body,
        to=recipients,
        reply_to=[contribution.email],
    )


def confirmation_mail(contribution: Contribution) -> EmailMessage:
    body = render_to_string(
        "contributions/mail/confirmation.txt",
        {"contribution": contribution, "site_name": settings.WAGTAIL_SITE_NAME},
    )
    reply_to = editor_addresses()[:1]
    return EmailMessage(
        subject=f"Ontvangen: uw bijdrage aan het {settings.WAGTAIL_SITE_NAME}",
        body=body,
        to=[contribution.email],
        reply_to=reply_to,
    )
