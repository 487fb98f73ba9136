"""Abuse checks for the public forms, without third-party scripts: a signed time-trap and
rate limits per client address and per e-mail address, and the form fields of the
honeypot and the time-trap.

Each form has its own ``FormGuard``, named for its settings: the contribution form reads
``CONTRIBUTION_MIN_FILL_SECONDS``, ``CONTRIBUTION_MAX_FORM_AGE_SECONDS``,
``CONTRIBUTION_RATE_LIMIT``, ``CONTRIBUTION_RATE_WINDOW_SECONDS``,
``CONTRIBUTION_EMAIL_RATE_LIMIT`` and ``CONTRIBUTION_EMAIL_RATE_WINDOW_SECONDS``; the alerts
sign-up the same names with ``ALERTS_SIGNUP``.
"""

import hashlib
import logging
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache

from .security import client_address

logger = logging.getLogger(__name__)


#: The honeypot: a field people never see or fill in; bots that fill every field give
#: themselves away.
HONEYPOT_FIELD = "website"


def honeypot_field():
    return forms.CharField(
        label="Laat dit veld leeg",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def filled_honeypot(data) -> bool:
    """Whether a posted form's honeypot was filled in: a bot."""
    return bool(data.get(HONEYPOT_FIELD, "").strip())


class FreshTokenField(forms.CharField):
    """The time-trap token: a form shown again carries a new one, never the posted one (an
    expired or damaged token would otherwise be refused on every retry)."""

    widget = forms.HiddenInput

    def bound_data(self, data, initial):
        return initial


@dataclass(frozen=True)
class Refusal:
    """A post refused by a rate limit: which one (``"address"`` or ``"email"``) and the
    seconds until it may be sent again."""

    limit: str
    wait: int


def normalise_email(email: str | None) -> str:
    """The e-mail address as its limit counts it: trimmed, lower case."""
    return (email or "").strip().lower()


class FormGuard:
    def __init__(self, name: str, settings_prefix: str, salt: str):
        #: Names the rate-limit counters in the cache.
        self.name = name
        self.prefix = settings_prefix
        #: The time-trap's signing namespace.
        self.salt = salt

    def setting(self, name):
        return getattr(settings, f"{self.prefix}_{name}")

    # -- the time-trap ----------------------------------------------------------------------

    def issue_form_token(self) -> str:
        """A signed note of when the form was shown."""
        return signing.dumps(time.time(), salt=self.salt)

    def form_token_problem(self, token: str | None) -> str | None:
        """Why the time-trap refuses ``token``, or None when the form was filled in
        plausibly."""
        try:
            started = signing.loads(
                token or "", salt=self.salt, max_age=self.setting("MAX_FORM_AGE_SECONDS")
            )
            started = float(started)
        except signing.SignatureExpired:
            return (
                "Het formulier stond te lang open en is verlopen. Controleer uw gegevens en "
                "verstuur het opnieuw."
            )
        except (signing.BadSignature, TypeError, ValueError):
            return (
                "Het formulier is niet goed meegekomen. Controleer uw gegevens en verstuur het "
                "opnieuw."
            )
        if time.time() - started < self.setting("MIN_FILL_SECONDS"):
            return (
                "Het formulier werd erg snel na het openen verstuurd. Wacht een paar seconden en "
                "verstuur het opnieuw."
            )
        return None

    # -- rate limits --------------------------------------------------------------------------

    def _limits(self, request, email):
        """(name, cache key, limit, window in seconds) of each limit that applies to a post.

        Per client address a generous one, so that colleagues behind one municipal gateway
        are not refused together; per e-mail address a strict one. The address goes into the
        key as a hash: the cache holds no personal data.
        """
        limits = [
            (
                "address",
                f"{self.name}-rate:address:{client_address(request)}",
                self.setting("RATE_LIMIT"),
                self.setting("RATE_WINDOW_SECONDS"),
            )
        ]
        if sender := normalise_email(email):
            digest = hashlib.sha256(sender.encode()).hexdigest()
            limits.append(
                (
                    "email",
                    f"{self.name}-rate:email:{digest}",
                    self.setting("EMAIL_RATE_LIMIT"),
                    self.setting("EMAIL_RATE_WINDOW_SECONDS"),
                )
            )
        return limits

    def refusal(self, request, email: str | None = None) -> Refusal | None:
        """Why ``request`` may not post from ``email`` now, or None when it may.

        Each limit counts accepted posts in a fixed window that starts with the first; the
        longest wait wins. A cache outage lets the post through: losing a submission is worse
        than a while without rate limiting.
        """
        limits = self._limits(request, email)
        try:
            values = cache.get_many([key + s for _, key, *_ in limits for s in (":n", ":t")])
        except Exception:
            logger.warning("Rate limit skipped: the cache is unavailable", exc_info=True)
            return None
        now = time.time()
        found = None
        for name, key, limit, window in limits:
            started = values.get(key + ":t")
            if started is None or now >= started + window or values.get(key + ":n", 0) < limit:
                continue
            wait = max(1, int(started + window - now) + 1)
            if found is None or wait > found.wait:
                found = Refusal(name, wait)
        return found

    def count(self, request, email: str | None = None) -> None:
        """Count one accepted post against the client address and the e-mail address."""
        now = time.time()
        for _, key, _, window in self._limits(request, email):
            try:
                started = cache.get(key + ":t")
                if started is not None and now < started + window:
                    try:
                        cache.incr(key + ":n")
                        continue
                    except ValueError:
                        pass  # the count expired in the meantime: a new window
                cache.set_many({key + ":n": 1, key + ":t": now}, timeout=window)
            except Exception:
                logger.warning("Rate limit not counted: the cache is unavailable", exc_info=True)
                return
