"""A liveness probe for load balancers and container health checks."""

from django.http import HttpResponse

HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    """Answer ``/healthz`` before anything else runs.

    It comes first in MIDDLEWARE so that the probe needs no database, sets no cookies, is
    never redirected to HTTPS and does not depend on the Host header a probe sends.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_PATH and request.method in {"GET", "HEAD"}:
            response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
