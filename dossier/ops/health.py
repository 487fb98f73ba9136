"""Probes for load balancers and container health checks.

- ``/healthz`` (liveness): the process answers. No database, no cache.
- ``/readyz`` (readiness): the process can serve pages: a ``SELECT 1`` on the database and a
  write and read on the cache. 200 "ok"; 200 "ok, degraded: ..." when only the cache fails
  (pages are rendered without it); 503 naming each part that failed when the database does.
"""

import logging
import uuid

from django.core.cache import caches
from django.db import connections
from django.http import HttpResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
READY_CACHE_KEY = "readyz:probe"


def _first_line(error: Exception) -> str:
    return next(iter(str(error).strip().splitlines()), type(error).__name__)


def database_problem(alias: str = "default") -> str | None:
    """Why the database cannot serve, or None when a ``SELECT 1`` works."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        logger.warning("Readiness: database %r unavailable: %s", alias, _first_line(error))
        return f"database unavailable ({type(error).__name__})"
    return None


def cache_problem(alias: str = "default") -> str | None:
    """Why the cache cannot serve, or None when a value written can be read back.

    The Redis cache turns an outage into misses (dossier/ops/cache.py), so a value that does not
    come back is how an outage shows here.
    """
    token = uuid.uuid4().hex
    try:
        cache = caches[alias]
        cache.set(READY_CACHE_KEY, token, timeout=10)
        if cache.get(READY_CACHE_KEY) != token:
            return "cache unavailable (a value written was not read back)"
    except Exception as error:
        logger.warning("Readiness: cache %r unavailable: %s", alias, _first_line(error))
        return f"cache unavailable ({type(error).__name__})"
    return None


def _plain(text: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def readiness() -> HttpResponse:
    """503 without the database. Without the cache pages are still served (rendered each
    time), so that answers 200 with a note: a load balancer must not take every instance out
    of service for a cache outage."""
    database = database_problem()
    cache = cache_problem()
    if cache and not database:
        return _plain(f"ok, degraded: {cache}\n")
    problems = [problem for problem in (database, cache) if problem]
    if problems:
        response = _plain("".join(f"{problem}\n" for problem in problems), status=503)
        # Each problem is logged above as a warning; probes come every few seconds, so
        # Django need not log each 503 again as an error.
        response._has_been_logged = True
        return response
    return _plain("ok\n")


class HealthCheckMiddleware:
    """Answer ``/healthz`` and ``/readyz`` before anything else runs.

    It comes first in MIDDLEWARE so that the probes set no cookies, are never redirected to
    HTTPS (production also lists them in SECURE_REDIRECT_EXEMPT) and do not depend on the Host
    header a probe sends.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in {"GET", "HEAD"}:
            if request.path == HEALTH_PATH:
                return _plain("ok\n")
            if request.path == READY_PATH:
                return readiness()
        return self.get_response(request)
