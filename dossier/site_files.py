"""The files that search engines and security researchers look for at fixed addresses:
``/sitemap.xml``, ``/robots.txt`` and ``/.well-known/security.txt`` (RFC 9116)."""

from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views

from .models import Theme, without_restricted
from .seo import SEARCH_PATH, site_root_url

#: How far ahead security.txt expires when SECURITY_TXT_EXPIRES is not set.
SECURITY_TXT_DEFAULT_DAYS = 180


class SiteSitemap(Sitemap):
    """A Wagtail sitemap whose items give their address and last change through
    ``location()`` and ``lastmod()``, as in Django's sitemaps, under the root URL of the
    request's Wagtail site (the one ``page.get_full_url()`` uses), whichever host name the
    request came in on.

    Wagtail's own ``_urls()`` asks each item for ``get_sitemap_urls()`` instead, which needs
    every page loaded as its specific type: 2 to 3 s for 10,000 pages, where the two columns
    that the address and the date come from take a fraction of that.
    """

    _urls = DjangoSitemap._urls

    @cached_property
    def wagtail_site(self):
        return self.get_wagtail_site()

    def get_protocol(self, protocol=None):
        return urlsplit(self.wagtail_site.root_url).scheme

    def get_domain(self, site=None):
        return urlsplit(self.wagtail_site.root_url).netloc


class PageSitemap(SiteSitemap):
    """Every live, public page of the site in tree order: the addresses and dates of
    Wagtail's ``Page.get_sitemap_urls()``, which no page type here overrides
    (tests/test_wagtail_equivalence.py compares the two)."""

    @cached_property
    def root_path(self):
        return self.wagtail_site.root_page.url_path

    def items(self):
        pages = self.wagtail_site.root_page.get_descendants(inclusive=True).live()
        return (
            without_restricted(pages)
            .order_by("path")
            .values_list("url_path", "last_published_at", "latest_revision_created_at", named=True)
        )

    def location(self, row):
        return "/" + row.url_path.removeprefix(self.root_path)

    @cached_property
    def time_zone(self):
        return timezone.get_current_timezone()

    def lastmod(self, row):
        """The day of the last publication (else of the last revision) in Dutch time."""
        modified = row.last_published_at or row.latest_revision_created_at
        return timezone.localdate(modified, self.time_zone) if modified else None


class ThemeHubSitemap(SiteSitemap):
    """The theme hubs, which are views rather than pages, and have no date."""

    lastmod = None

    def items(self):
        slugs = Theme.objects.values_list("slug", flat=True)
        return [reverse("theme_list"), *(reverse("theme_detail", args=[slug]) for slug in slugs)]

    def location(self, path):
        return path


def sitemap(request):
    """The sitemap (sitemaps.org protocol) of every live, public page and the theme hubs."""
    return sitemap_views.sitemap(
        request,
        {"pages": PageSitemap, "themes": ThemeHubSitemap},
        template_name="dossier/sitemap.xml",
    )


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
