"""The site's public address and Wagtail's Site record.

``settings.PUBLIC_BASE_URL`` says where readers find the site. Wagtail builds every page URL
(``get_full_url``, the sitemap, feeds, calendars, the API) from the root URL of a Site record,
its host name and port; the default Site is the one used for requests to any other host. So
the default Site follows the setting: ``load_demo`` and ``manage.py sync_site`` align it, and
a database check (run by ``migrate`` and ``check --database default``) warns when it differs.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from wagtail.models import Site


class AddressTaken(Exception):
    """Another Site record already has the public address."""


def public_address() -> tuple[str, int]:
    """(host name, port) of ``PUBLIC_BASE_URL``, as a Site record holds them."""
    parts = urlsplit(settings.PUBLIC_BASE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def align_site(site: Site) -> bool:
    """Give ``site`` the public address and make it the default site, unsaved; True when
    anything changed. Refuses when another Site record has that address already."""
    hostname, port = public_address()
    wanted = {"hostname": hostname, "port": port, "is_default_site": True}
    changed = any(getattr(site, key) != value for key, value in wanted.items())
    if not changed:
        return False
    others = Site.objects.exclude(pk=site.pk) if site.pk else Site.objects.all()
    if others.filter(hostname=hostname, port=port).exists():
        raise AddressTaken(
            f"Another Site record already has {hostname}:{port}; delete it or change its "
            "address in the admin (Instellingen > Sites) first."
        )
    for key, value in wanted.items():
        setattr(site, key, value)
    # Wagtail allows one default site: the one this replaces stops being it.
    others.filter(is_default_site=True).update(is_default_site=False)
    return True


def align_default_site() -> tuple[Site | None, bool]:
    """The default Site (else the only one), moved to the public address and saved when it
    differed, and whether it did; None when there is no Site record at all yet."""
    site = default_site()
    if site is None:
        sites = list(Site.objects.all()[:2])
        site = sites[0] if len(sites) == 1 else None
    changed = site is not None and align_site(site)
    if changed:
        site.save()
    return site, changed


@checks.register(checks.Tags.database)
def check_default_site_address(app_configs=None, databases=None, **kwargs):
    """Warn when the default Site does not have the public address: page URLs would point
    elsewhere. A database check, so it runs with ``migrate`` and ``check --database``."""
    if not databases or "default" not in databases:
        return []
    try:
        site = default_site()
    except DatabaseError:
        return []  # not migrated yet
    if site is None or (site.hostname, site.port) == public_address():
        return []
    return [
        checks.Warning(
            f"The default Wagtail site is {site.root_url}, but PUBLIC_BASE_URL is "
            f"{settings.PUBLIC_BASE_URL}: page URLs, feeds and the sitemap point to the site's "
            "address, not to PUBLIC_BASE_URL.",
            hint="Run `manage.py sync_site` to give the default site PUBLIC_BASE_URL's address.",
            obj=site,
            id="dossier.W001",
        )
    ]
