"""The files that search engines and security researchers look for at fixed addresses:
``/sitemap.xml``, ``/robots.txt`` and ``/.well-known/security.txt`` (RFC 9116)."""

from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from .models import Theme
from .seo import SEARCH_PATH, site_root_url
from .shared_data import public

#: How far ahead security.txt expires when SECURITY_TXT_EXPIRES is not set.
SECURITY_TXT_DEFAULT_DAYS = 180


class ThemeSitemap(Sitemap):
    """The theme hubs, which are views rather than pages, at the pages' site address."""

    def __init__(self, request):
        self.request = request
        self.root = urlsplit(site_root_url(request))

    def items(self):
        return [None, *Theme.objects.only("slug")]

    def location(self, theme):
        if theme is None:
            return reverse("theme_list")
        return reverse("theme_detail", args=[theme.slug])

    def get_protocol(self, protocol=None):
        return self.root.scheme or super().get_protocol(protocol)

    def get_domain(self, site=None):
        return self.root.netloc or super().get_domain(site)


class DossierPageSitemap(PageSitemap):
    """Wagtail's page sitemap in a fixed number of queries: no page type adds URLs of its
    own, so the generic page fields suffice (``specific(defer=True)`` loads no more)."""

    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live()
        return public(pages).order_by("path").specific(defer=True)


def sitemap(request):
    """Every live, public page with its last publication, then the theme hubs."""
    sitemaps = {"pages": DossierPageSitemap(request), "themes": ThemeSitemap(request)}
    return sitemap_view(request, sitemaps)


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
