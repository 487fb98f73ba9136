"""The files that search engines and security researchers look for at fixed addresses:
``/sitemap.xml``, ``/robots.txt`` and ``/.well-known/security.txt`` (RFC 9116)."""

from datetime import UTC, date, datetime, time, timedelta
from itertools import islice

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.cache import cache_control
from wagtail.models import Site

from .models import Theme, without_restricted
from .seo import SEARCH_PATH, site_root_url

#: The sitemaps.org protocol's limit of addresses in one sitemap file.
SITEMAP_MAX_URLS = 50_000
#: How far ahead security.txt expires when SECURITY_TXT_EXPIRES is not set.
SECURITY_TXT_DEFAULT_DAYS = 180


def sitemap_entries(request):
    """(address, last modified or None) of every live, public page of the site, in tree
    order, then the theme hubs, which are views rather than pages.

    Built from two columns per page (the URL path under the site root and the publication
    time) rather than page objects and their URL look-ups: no page type adds addresses of its
    own, and 10,000 pages take a tenth of a second. Wagtail's ``wagtail.contrib.sitemaps``
    loads every page as its specific type and halved the sitemap's throughput in
    ``make bench``; tests/test_wagtail_equivalence.py checks that the pages' entries are the
    ones Wagtail's sitemap gives.
    """
    root = site_root_url(request)
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    root_path = site.root_page.url_path
    pages = site.root_page.get_descendants(inclusive=True).live()
    rows = (
        without_restricted(pages)
        .order_by("path")
        .values_list("url_path", "last_published_at", "latest_revision_created_at")
    )
    for url_path, published, revised in rows:
        yield f"{root}/{url_path.removeprefix(root_path)}", published or revised
    yield root + reverse("theme_list"), None
    for slug in Theme.objects.values_list("slug", flat=True):
        yield root + reverse("theme_detail", args=[slug]), None


def sitemap(request):
    """The sitemap (sitemaps.org protocol) of every live, public page and the theme hubs."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    ]
    for address, modified in islice(sitemap_entries(request), SITEMAP_MAX_URLS):
        lastmod = f"<lastmod>{timezone.localdate(modified):%Y-%m-%d}</lastmod>" if modified else ""
        parts.append(f"<url><loc>{escape(address)}</loc>{lastmod}</url>\n")
    parts.append("</urlset>\n")
    return HttpResponse("".join(parts), content_type="application/xml; charset=utf-8")


@cache_control(max_age=60 * 60)
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {SEARCH_PATH}",
        "Disallow: /admin/",
        "",
        f"Sitemap: {site_root_url(request)}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def security_txt_expires(value=None, *, today=None):
    """The Expires field: ``value`` (an ISO 8601 date or date-time) in RFC 3339 UTC, or
    SECURITY_TXT_DEFAULT_DAYS after ``today`` when empty."""
    if not value:
        day = (today or date.today()) + timedelta(days=SECURITY_TXT_DEFAULT_DAYS)
        moment = datetime.combine(day, time(), tzinfo=UTC)
    else:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise ImproperlyConfigured(
                f"SECURITY_TXT_EXPIRES must be an ISO 8601 date or date-time, not {value!r}."
            ) from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@cache_control(max_age=60 * 60)
def security_txt(request):
    lines = [
        f"Contact: {settings.SECURITY_TXT_CONTACT}",
        f"Expires: {security_txt_expires(settings.SECURITY_TXT_EXPIRES)}",
        "Preferred-Languages: nl, en",
        f"Canonical: {site_root_url(request)}{reverse('security_txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
