"""The Wagtail site of each request, found once per content version instead of with a query
on every request.

Wagtail finds a request's site (``Site.find_for_request``) with a query per request and keeps
it on the request (``request._wagtail_site``). ``SiteMiddleware`` gives the request the answer
of the same function, ``wagtail.models.sites.get_site_for_hostname``, kept for the content
version (``versioned``): a change to a site, or a publish of a site's root page, raises the
version. The site and its root page are shared by the requests of the process: read-only.
tests/test_fragments.py compares the answers with Wagtail's own.
"""

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from .versioned import versioned


def site_for_request(request):
    """The request's Wagtail site (as ``Site._find_for_request`` finds it), or None."""
    # As Wagtail does: the raw host, to avoid the ALLOWED_HOSTS check here.
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def find():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None

    return versioned(f"site:{hostname}:{port}", find)


class SiteMiddleware:
    """Sets the request's site before Wagtail looks for it (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()  # only hosts that the site serves get a key in the cache
        except DisallowedHost:
            return self.get_response(request)  # refused further on, as without us
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)
