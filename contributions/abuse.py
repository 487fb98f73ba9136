"""Abuse checks without third-party scripts: a signed time-trap and a per-address rate limit.
(The honeypot is a form field; see forms.py.)"""

import logging
import time

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


def _keys(request) -> tuple[str, str]:
    address = client_address(request)
    return f"contribution-rate:{address}", f"contribution-rate-start:{address}"


def retry_after(request) -> int | None:
    """Seconds until ``request``'s address may send again, or None when it may send now.

    A cache outage lets the submission through: losing a contribution is worse than a
    window without rate limiting.
    """
    count_key, start_key = _keys(request)
    window = settings.CONTRIBUTION_RATE_WINDOW_SECONDS
    try:
        values = cache.get_many([count_key, start_key])
    except Exception:
        logger.warning("Rate limit skipped: the cache is unavailable", exc_info=True)
        return None
    if values.get(count_key, 0) < settings.CONTRIBUTION_RATE_LIMIT:
        return None
    started = values.get(start_key) or time.time()
    return max(1, int(started + window - time.time()) + 1)


def count_submission(request) -> None:
    """Count one submission against the address's window (fixed window from the first)."""
    count_key, start_key = _keys(request)
    window = settings.CONTRIBUTION_RATE_WINDOW_SECONDS
    try:
        if cache.add(count_key, 1, timeout=window):
            cache.set(start_key, time.time(), timeout=window)
        else:
            cache.incr(count_key)
    except ValueError:
        # The count expired between add() and incr(): start a new window.
        cache.set(count_key, 1, timeout=window)
        cache.set(start_key, time.time(), timeout=window)
    except Exception:
        logger.warning("Rate limit not counted: the cache is unavailable", exc_info=True)
