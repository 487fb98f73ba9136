"""Signed links in the alert mails. Nothing is stored for them: the link carries what it is
for, signed with SECRET_KEY, and expires where it should.

- confirm: the address, the selection and the frequency; valid ALERTS_LINK_MAX_AGE_DAYS. The
  click creates the subscription, so an address nobody confirms is never stored.
- manage: a subscriber and its key; valid as long. "Beheer mijn e-mails" sends it.
- unsubscribe: a subscriber, its key and the subscriptions a mail was sent for (or all);
  valid as long as the subscriber keeps its key, as a mail's unsubscribe link must be.
"""

from django.conf import settings
from django.core import signing

CONFIRM, MANAGE, UNSUBSCRIBE = "alerts.confirm", "alerts.manage", "alerts.unsubscribe"


class LinkProblem(Exception):
    """A link that cannot be used: ``expired`` or not ``valid``."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def max_age():
    return settings.ALERTS_LINK_MAX_AGE_DAYS * 24 * 60 * 60


def make(purpose, data):
    return signing.dumps(data, salt=purpose, compress=True)


def read(purpose, token, *, expires=True):
    """The data of a token made for ``purpose``; LinkProblem when it is expired or not ours."""
    try:
        data = signing.loads(token[:2000], salt=purpose, max_age=max_age() if expires else None)
    except signing.SignatureExpired:
        raise LinkProblem("expired") from None
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        raise LinkProblem("invalid") from None
    if not isinstance(data, dict):
        raise LinkProblem("invalid")
    return data


def confirm_token(email, params, frequency):
    return make(CONFIRM, {"e": email, "s": params, "f": frequency})


def manage_token(subscriber):
    return make(MANAGE, {"i": subscriber.pk, "k": subscriber.key})


def unsubscribe_token(subscriber, subscription_ids=None):
    """For the given subscriptions, or (None) every subscription of the subscriber."""
    data = {"i": subscriber.pk, "k": subscriber.key}
    if subscription_ids is not None:
        data["s"] = sorted(subscription_ids)
    return make(UNSUBSCRIBE, data)
