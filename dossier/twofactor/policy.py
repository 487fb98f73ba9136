"""Who owes a second factor, where a signed-in editor may go meanwhile, and the lockout of the
code step."""

import logging

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from dossier.twofactor.devices import has_second_factor

logger = logging.getLogger("dossier.twofactor")


def can_reach_admin(user: AbstractBaseUser) -> bool:
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def required_for(user: AbstractBaseUser) -> bool:
    """Whether this account must have a second factor under the current settings."""
    return settings.ADMIN_2FA_REQUIRED and can_reach_admin(user)


def owed_step(request: HttpRequest) -> str | None:
    """Which step a signed-in user still owes: "verify" when they must confirm a device in
    this session, "enrol" when they must first set one up, None when they may go on."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return None
    if has_second_factor(user):
        return "verify"
    if required_for(user):
        return "enrol"
    return None


def safe_next(request: HttpRequest, default: str = "") -> str:
    """The ``next`` parameter of the request if it stays on this site, else the admin home."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default or reverse("wagtailadmin_home")


# --- the lockout of the code step ---------------------------------------------------------


def _failures_key(user: AbstractBaseUser) -> str:
    return f"twofactor:failures:{user.pk}"


def is_locked(user: AbstractBaseUser) -> bool:
    return cache.get(_failures_key(user), 0) >= settings.ADMIN_2FA_FAILURE_LIMIT


def record_failure(user: AbstractBaseUser, request: HttpRequest) -> None:
    """Count a wrong code for the account. The count lives in the shared cache for the cooling
    period after the first failure, so every web process sees the same count."""
    key = _failures_key(user)
    cache.add(key, 0, timeout=settings.ADMIN_2FA_COOLOFF_SECONDS)
    try:
        failures = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=settings.ADMIN_2FA_COOLOFF_SECONDS)
        failures = 1
    # Neither the code nor any secret is logged: only whose account and how often.
    logger.warning("Wrong second-factor code for user %s (%d in a row)", user.pk, failures)
    if failures == settings.ADMIN_2FA_FAILURE_LIMIT:
        logger.warning("Second-factor step locked for user %s", user.pk)


def clear_failures(user: AbstractBaseUser) -> None:
    cache.delete(_failures_key(user))
