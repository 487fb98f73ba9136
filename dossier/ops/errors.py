"""The answer to an unhandled exception: 503 when the database is unreachable, else 500.

Django converts an exception into a response around every middleware and the view, and then
calls ``handler500`` (set in dossier/urls.py) while the exception is still being handled. So
this one place sees a database outage wherever it surfaces: in a view, in a template, or in
another middleware such as sessions or authentication. A middleware with try/except would
only ever see the 500 response of the layer inside it.

Both pages are rendered without a request context, so no context processor runs and no query
is made: they work while the database is down.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

# PEP 249: OperationalError is the database's trouble, not the program's (a refused or lost
# connection, a server shutting down or starting up, a timeout); InterfaceError is a broken
# connection on the client side. Both pass, so the reader is asked to come back.
DATABASE_OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def service_unavailable(retry_after: int = RETRY_AFTER_SECONDS) -> HttpResponse:
    """The Dutch 503 page, with Retry-After, never stored by a cache."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    """``handler500``: the Dutch 503 page for a database outage, the 500 page otherwise."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_OUTAGE_ERRORS):
        first_line = next(iter(str(error).strip().splitlines()), "")
        logger.warning(
            "Database unavailable, answered 503: %s %s (%s: %s)",
            request.method,
            request.path,
            type(error).__name__,
            first_line,
        )
        response = service_unavailable()
        # Logged above as a warning; Django would otherwise log it again as an error.
        response._has_been_logged = True
        return response
    response = HttpResponse(loader.get_template(template_name).render(), status=500)
    response["Cache-Control"] = "no-store"
    return response
