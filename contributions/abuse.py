"""Abuse checks without third-party scripts: a signed time-trap and rate limits per client
address and per sender e-mail address. (The honeypot is a form field; see forms.py.)"""

import hashlib
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from dossier.ops.security import client_address

logger = logging.getLogger(__name__)

TOKEN_SALT = "dossier.contributions.form-started"  # noqa: S105 - a signing namespace, not a secret


def issue_form_token() -> str:
    """A signed note of when the form was shown."""
    return signing.dumps(time.time(), salt=TOKEN_SALT)


def form_token_problem(token: str | None) -> str | None:
    """Why the time-trap refuses ``token``, or None when the form was filled in plausibly."""
    try:
        started = signing.loads(
            token or "", salt=TOKEN_SALT, max_age=settings.CONTRIBUTION_MAX_FORM_AGE_SECONDS
        )
        started = float(started)
    except signing.SignatureExpired:
        return (
            "Het formulier stond te lang open en is verlopen. Controleer uw gegevens en "
            "verstuur het opnieuw."
        )
    except (signing.BadSignature, TypeError, ValueError):
        return (
            "Het formulier is niet goed meegekomen. Controleer uw gegevens en verstuur het opnieuw."
        )
    if time.time() - started < settings.CONTRIBUTION_MIN_FILL_SECONDS:
        return (
            "Het formulier werd erg snel na het openen verstuurd. Wacht een paar seconden en "
            "verstuur het opnieuw."
        )
    return None


@dataclass(frozen=True)
class Refusal:
    """A submission refused by a rate limit: which one (``"address"`` or ``"email"``) and
    the seconds until it may be sent again."""

    limit: str
    wait: int


def normalise_email(email: str | None) -> str:
    """The sender e-mail address as its limit counts it: trimmed, lower case."""
    return (email or "").strip().lower()


def _limits(request, email: str | None) -> list[tuple[str, str, int, int]]:
    """(name, cache key, limit, window in seconds) of each limit that applies to a post.

    Per client address a generous one, so that colleagues behind one municipal gateway are
    not refused together; per sender address a strict one. The e-mail address goes into the
    key as a hash: the cache holds no personal data.
    """
    limits = [
        (
            "address",
            f"contribution-rate:address:{client_address(request)}",
            settings.CONTRIBUTION_RATE_LIMIT,
            settings.CONTRIBUTION_RATE_WINDOW_SECONDS,
        )
    ]
    if sender := normalise_email(email):
        digest = hashlib.sha256(sender.encode()).hexdigest()
        limits.append(
            (
                "email",
                f"contribution-rate:email:{digest}",
                settings.CONTRIBUTION_EMAIL_RATE_LIMIT,
                settings.CONTRIBUTION_EMAIL_RATE_WINDOW_SECONDS,
            )
        )
    return limits


def refusal(request, email: str | None = None) -> Refusal | None:
    """Why ``request`` may not send a contribution from ``email`` now, or None when it may.

    Each limit counts accepted submissions in a fixed window that starts with the first; the
    longest wait wins. A cache outage lets the submission through: losing a contribution is
    worse than a while without rate limiting.
    """
    limits = _limits(request, email)
    try:
        values = cache.get_many([key + suffix for _, key, *_ in limits for suffix in (":n", ":t")])
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


def count_submission(request, email: str | None = None) -> None:
    """Count one accepted submission against the client address and the sender address."""
    now = time.time()
    for _, key, _, window in _limits(request, email):
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
