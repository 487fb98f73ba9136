"""What every RSS feed of the dossier shares: plain text, dates and the feed class whose
items are pages from the section listings; and the feed of one section, served by its index
page at ``feed/``. The site and theme feeds are in ``dossier.feeds``."""

import html
import re
from copy import copy
from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.templatetags.static import static
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed, Stylesheet
from wagtail.models import Site

SITE_NAME = settings.WAGTAIL_SITE_NAME
FEED_LENGTH = 30
#: The XSL stylesheet that shows a feed as a readable page in a browser (feed readers skip it),
#: and the CSS that styles the raw feed in a browser that no longer applies XSLT.
FEED_STYLESHEET = "feeds/feed.xsl"
FEED_FALLBACK_CSS = "feeds/feed.css"

# Characters that XML 1.0 forbids and that calendar apps choke on.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value):
    """``value`` on one line, without control characters, for feeds and calendars."""
    return " ".join(_CONTROL_CHARACTERS.sub(" ", str(value or "")).split())


def page_pubdate(page):
    """The page's date as an aware datetime in Dutch time; the publication time when the
    page went live that same day, midnight otherwise."""
    zone = timezone.get_default_timezone()
    published = page.first_published_at
    if published and timezone.localdate(published, zone) == page.date:
        return timezone.localtime(published, zone)
    return datetime.combine(page.date, time.min, tzinfo=zone)


class ReadableRss(Rss201rev2Feed):
    """RSS 2.0 sent as ``application/xml``: browsers apply the feed's XSL stylesheet to that
    type, while Chromium shows ``application/rss+xml`` as raw text without applying it. Feed
    readers read the document, not the type; pages still advertise the feed as
    ``application/rss+xml`` in their ``<link rel="alternate">``."""

    content_type = "application/xml; charset=utf-8"


class DossierFeed(Feed):
    """What every dossier feed shares: its items are pages from the section listings.

    ``__call__`` works on a copy that holds the request, so that the item methods can pass
    it to ``get_full_url`` (which caches the site root paths on it) without keeping
    per-request state on the shared instance.
    """

    feed_type = ReadableRss
    language = "nl"
    request = None

    def __call__(self, request, *args, **kwargs):
        feed = copy(self)
        feed.request = request
        return super(DossierFeed, feed).__call__(request, *args, **kwargs)

    @staticmethod
    def section_items(index, **filters):
        """The newest ``FEED_LENGTH`` items of a section, with what the feed reads of them."""
        return index.newest_with_themes(FEED_LENGTH, **filters)

    @staticmethod
    def newest(pages):
        return sorted(pages, key=lambda page: (page.date, page.pk), reverse=True)[:FEED_LENGTH]

    def stylesheets(self):
        # A browser with XSLT makes a page with the first; one without styles the raw feed
        # with the second (Chromium is removing XSLT).
        return [
            Stylesheet(static(FEED_STYLESHEET), mimetype="text/xsl"),
            Stylesheet(static(FEED_FALLBACK_CSS), mimetype="text/css"),
        ]

    def feed_url(self):
        # The feed's own address (atom:link rel="self") on the Wagtail site's address, as the
        # item links are; Django would otherwise take the host the request was sent to.
        site = Site.find_for_request(self.request)
        root = site.root_url if site is not None else settings.PUBLIC_BASE_URL
        return root + self.request.path

    def item_title(self, item):
        # Plain text, escaped once by the XML writer: feed readers read RSS titles as text.
        return plain_text(item.title)

    def item_description(self, item):
        # Readers treat an RSS description as HTML: escape the plain-text summary for it.
        return html.escape(plain_text(item.summary), quote=False)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return page_pubdate(item)

    def item_author_name(self, item):
        if not item.lists_authors:
            return None
        return ", ".join(person.name for person in item.authors) or None

    def item_categories(self, item):
        return [theme.name for theme in item.themes]


class SectionFeed(DossierFeed):
    """One section, served by its index page at ``feed/``."""

    def get_object(self, request, index):
        return index

    def title(self, index):
        return f"{plain_text(index.title)} | {SITE_NAME}"

    def description(self, index):
        return plain_text(index.intro) or f"Het nieuwste in {index.title.lower()}."

    def link(self, index):
        return index.get_full_url(self.request)

    def items(self, index):
        return self.section_items(index)
