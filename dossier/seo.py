"""What search engines and link previews read: absolute URLs, descriptions, the share image
and the schema.org pieces that the page models' ``structured_data`` methods assemble.

The ``<head>`` tags are rendered by ``templatetags/seo_tags.py``; the site files (sitemap,
robots.txt, security.txt) live in ``site_files.py``.
"""

import contextlib
import json
from urllib.parse import urlsplit

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

#: The share image: a crop in the size that Open Graph and X (Twitter) cards show.
SHARE_IMAGE_FILTER = "fill-1200x630"
#: Shared when a page has no image of its own (generated once with Pillow, in the brand colours).
FALLBACK_IMAGE = "img/og-default.png"
FALLBACK_IMAGE_SIZE = (1200, 630)
DESCRIPTION_LENGTH = 160
HEADLINE_LENGTH = 110  # Google truncates longer Article headlines
LANGUAGE = "nl-NL"
SEARCH_PATH = "/zoeken/"
#: For pages without an introduction of their own.
SITE_DESCRIPTION = (
    "Nieuws, opinie, projecten, publicaties en bronnen over data en digitale technologie "
    "in de lokale overheid."
)

# <, > and & as JSON escapes, so that text in a <script> element can never close it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_for_script(data):
    """``data`` as JSON that is safe inside a ``<script>`` element of an HTML page."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    # <, > and & are JSON escapes now, so the text cannot end the element or start another.
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308


# --- URLs and text --------------------------------------------------------------------


def site_root_url(request):
    """The root URL without a trailing slash: the Wagtail site's address, the same one
    ``page.get_full_url()`` and the sitemap use (the default site follows PUBLIC_BASE_URL,
    see ``site_address.py``), else PUBLIC_BASE_URL itself; never the request's own host."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return settings.PUBLIC_BASE_URL


def absolute_url(request, url):
    """``url`` made absolute against the site root; absolute URLs are kept as they are."""
    if not url or urlsplit(url).scheme:
        return url
    return site_root_url(request) + ("" if url.startswith("/") else "/") + url


def describe(text, length=DESCRIPTION_LENGTH):
    """A plain-text description on one line, cut at a word near ``length`` characters."""
    plain = " ".join(strip_tags(text or "").split())
    return Truncator(plain).chars(length)


def page_description(page):
    """The search description the editor wrote, else the page's summary or introduction."""
    text = (
        page.search_description
        or getattr(page, "listing_summary", "")
        or getattr(page, "intro", "")
        or SITE_DESCRIPTION
    )
    return describe(text)


def iso(value):
    """A date or datetime as ISO 8601; datetimes in Dutch time with their offset."""
    if value is None:
        return None
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat()


# --- Images ---------------------------------------------------------------------------


def share_image(request, page=None):
    """The page's image as a 1200x630 rendition, else the site's default share image.

    A dict with an absolute ``url``, ``width``, ``height`` and ``alt``. Kept on the page
    instance, since the head tags and the JSON-LD both ask for it while rendering.
    """
    if page is not None and hasattr(page, "_share_image"):
        return page._share_image
    shared = _share_image(request, page)
    if page is not None:
        page._share_image = shared
    return shared


def _share_image(request, page):
    image, alt = None, ""
    # Check the ids first: a page without an image costs no query.
    if getattr(page, "image_id", None):
        image, alt = page.image, page.image_alt
    elif getattr(page, "listing_image_id", None):
        image = page.listing_image
    rendition = None
    if image is not None:
        # A missing file shares the default image, as the image tags show a placeholder
        # rather than fail the page.
        with contextlib.suppress(SourceImageIOError):
            rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    if rendition is not None:
        return {
            "url": absolute_url(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": alt,
        }
    width, height = FALLBACK_IMAGE_SIZE
    return {
        "url": absolute_url(request, static(FALLBACK_IMAGE)),
        "width": width,
        "height": height,
        "alt": site_name(request),
    }


# --- schema.org pieces ----------------------------------------------------------------


def organisation_data(organisation):
    """An ``Organisation`` snippet as a schema.org Organization."""
    data = {"@type": "Organization", "name": organisation.name}
    if organisation.website:
        data["url"] = organisation.website
    return data


def person_data(person):
    """A ``Person`` snippet: name, role and employer, never contact details."""
    data = {"@type": "Person", "name": person.name}
    if person.role:
        data["jobTitle"] = person.role
    if person.organisation_id:
        data["worksFor"] = organisation_data(person.organisation)
    return data


def organisation_reference(request, name):
    """The institute that publishes the dossier (``name`` from the site settings)."""
    root = site_root_url(request)
    return {"@type": "Organization", "@id": f"{root}/#uitgever", "name": name, "url": f"{root}/"}


def web_page_data(page, request, publisher, schema_type="WebPage", *, modified=None):
    """A page as a schema.org WebPage (or CollectionPage): the page is the thing itself.

    ``modified``: when its content last changed, if the page knows better than its last
    publication (see ``BasePage.date_modified``)."""
    url = page.get_full_url(request)
    data = {
        "@type": schema_type,
        "@id": url,
        "url": url,
        "name": page.title,
        "description": page_description(page),
        "image": share_image(request, page)["url"],
        "inLanguage": LANGUAGE,
        "publisher": publisher,
    }
    if modified := modified or page.last_published_at:
        data["dateModified"] = iso(modified)
    return data


def main_entity_data(page, request, schema_type):
    """What a page is about (an article, report, event) rather than the page itself."""
    url = page.get_full_url(request)
    return {
        "@type": schema_type,
        "@id": f"{url}#inhoud",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "name": page.title,
        "description": page_description(page),
        "image": [share_image(request, page)["url"]],
        "inLanguage": LANGUAGE,
    }


def creative_work_data(page, request, schema_type, *, publisher, authors=None, modified=None):
    """A dossier page as an article, report or other work.

    ``authors`` are ``Person`` snippets; without them the publisher is the author.
    ``publisher``: schema.org data of the publisher (an organisation or the institute).
    ``modified``: as for ``web_page_data``.
    """
    data = {
        **main_entity_data(page, request, schema_type),
        "headline": Truncator(page.title).chars(HEADLINE_LENGTH),
        "datePublished": iso(page.date),
        "author": [person_data(person) for person in authors] if authors else publisher,
        "publisher": publisher,
    }
    if modified := modified or page.last_published_at:
        data["dateModified"] = iso(modified)
    return data


def website_data(request, name, publisher):
    """The site itself, with the search box that search engines may offer."""
    root = site_root_url(request)
    return {
        "@type": "WebSite",
        "@id": f"{root}/#website",
        "url": f"{root}/",
        "name": name,
        "inLanguage": LANGUAGE,
        "publisher": publisher,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{root}{SEARCH_PATH}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_data(request, trail, current_url):
    """A breadcrumb trail ({title, url} items, the last one the current page) as a
    schema.org BreadcrumbList with absolute URLs."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb["title"],
                "item": absolute_url(request, crumb["url"]) or current_url,
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def site_name(request):
    site = Site.find_for_request(request) if request is not None else None
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
