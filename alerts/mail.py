"""The alert mails: Dutch, plain text with an HTML alternative, readable without images,
without tracking pixels or redirecting links. Every mail to a subscriber carries
``List-Unsubscribe`` with ``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058).
"""

from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from . import tokens


def absolute(path):
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def sender():
    return f"{settings.WAGTAIL_SITE_NAME} <{settings.DEFAULT_FROM_EMAIL}>"


def _message(to, subject, template, context, *, headers=None):
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "home_url": absolute("/"), **context}
    text = render_to_string(f"alerts/mail/{template}.txt", context)
    html = render_to_string(f"alerts/mail/{template}.html", context)
    domain = urlsplit(settings.PUBLIC_BASE_URL).hostname or "localhost"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=sender(),
        to=[to],
        headers={
            "Message-ID": make_msgid(domain=domain),
            # An automatic mail (RFC 3834): no out-of-office replies to it, please.
            "Auto-Submitted": "auto-generated",
            **(headers or {}),
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation(email, token, label):
    url = absolute(reverse("alerts:confirm", args=[token]))
    return _message(
        email,
        f"Bevestig: e-mail over {label[:1].lower()}{label[1:]}",
        "confirm",
        {"confirm_url": url, "label": label, "days": settings.ALERTS_LINK_MAX_AGE_DAYS},
    )


def manage_link(subscriber):
    url = absolute(reverse("alerts:manage", args=[tokens.manage_token(subscriber)]))
    return _message(
        subscriber.email,
        "Uw e-mails van het dossier beheren",
        "manage_link",
        {"manage_url": url, "days": settings.ALERTS_LINK_MAX_AGE_DAYS},
    )


def subscriber_links(subscriber, subscription_ids):
    """The links at the foot of every alert: stop these mails, manage all."""
    unsubscribe = absolute(
        reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscriber, subscription_ids)])
    )
    # Straight to the subscriber's overview; once its link has expired, that page offers a
    # new one.
    manage = absolute(reverse("alerts:manage", args=[tokens.manage_token(subscriber)]))
    return unsubscribe, manage


def _list_headers(unsubscribe_url):
    domain = urlsplit(settings.PUBLIC_BASE_URL).hostname or "localhost"
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{settings.WAGTAIL_SITE_NAME} <volgen.{domain}>",
    }


def alert(subscriber, item, groups, subscription_ids):
    """One direct mail: ``item`` (an ``Item``) for the followed ``groups`` [(label, url)]."""
    unsubscribe, manage = subscriber_links(subscriber, subscription_ids)
    subject = f"{item.kind_label}: {item.title}"
    return _message(
        subscriber.email,
        subject,
        "alert",
        {
            "item": item,
            "groups": groups,
            "unsubscribe_url": unsubscribe,
            "manage_url": manage,
        },
        headers=_list_headers(unsubscribe),
    )


def digest(subscriber, frequency, groups, subscription_ids, period_label):
    """One digest: ``groups`` [(label, finder url, [Item])] of the period."""
    unsubscribe, manage = subscriber_links(subscriber, subscription_ids)
    count = len({item.key for _label, _url, items in groups for item in items})
    noun = "bericht" if count == 1 else "berichten"
    name = "dagelijks" if frequency == "dagelijks" else "wekelijks"
    return _message(
        subscriber.email,
        f"Uw {name}e overzicht: {count} {noun} uit het {settings.WAGTAIL_SITE_NAME}",
        "digest",
        {
            "groups": groups,
            "count": count,
            "frequency": frequency,
            "period_label": period_label,
            "unsubscribe_url": unsubscribe,
            "manage_url": manage,
        },
        headers=_list_headers(unsubscribe),
    )
