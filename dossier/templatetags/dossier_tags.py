"""Template tags for the site chrome: the site's name, main navigation, breadcrumbs and
footer."""

from urllib.parse import quote, urlencode

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import capfirst
from wagtail.models import Page, Site

from dossier import seo
from dossier.models import BasePage, breadcrumb_trail, dossier_settings, without_restricted
from dossier.ops import cache_tags
from dossier.ops.versioned import versioned

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def site_name(context):
    """The name of the request's Wagtail site, else settings.WAGTAIL_SITE_NAME."""
    return seo.site_name(context.get("request"))


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_menu(context):
    """The home page's live children marked "show in menus" (the five sections), then the
    themes."""
    request = context.get("request")
    current = context.get("page")
    root = _site_root(request)
    if root is None:
        return {"items": [], "home_url": "/"}

    def menu():
        children = without_restricted(root.get_children().live().in_menu())
        children = children.only("title", "url_path")
        return [(item.pk, item.title, item.url_path, item.get_url(request)) for item in children]

    items = []
    for pk, title, url_path, url in versioned(f"main-menu:{root.pk}", menu):
        if current is not None and current.pk == pk:
            state = "page"
        elif current is not None and current.url_path.startswith(url_path):
            state = "true"
        else:
            state = ""
        items.append({"title": title, "url": url, "current": state})
    themes_url = reverse("theme_list")
    path = request.path if request is not None else ""
    themes_state = "page" if path == themes_url else "true" if path.startswith(themes_url) else ""
    items.append({"title": "Thema's", "url": themes_url, "current": themes_state})
    return {"items": items, "home_url": root.get_url(request)}


def context_trail(context):
    """The breadcrumb trail of what the template renders: the one that detail pages and
    views that are not pages put in the context, else the page's own."""
    if "breadcrumb_trail" in context:
        return context["breadcrumb_trail"]
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return breadcrumb_trail(page, context.get("request"))


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page; empty on the home page itself."""
    return {"trail": context_trail(context)}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer, the same on every page: rendered once per content version."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    name = seo.site_name(request)
    if site is None:
        return render_to_string(
            "components/footer.html", {"dossier_settings": None, "site_name": name}
        )
    return versioned(
        f"footer:{site.pk}",
        lambda: render_to_string(
            "components/footer.html",
            {"dossier_settings": dossier_settings(site), "site_name": name},
            request=request,
        ),
    )


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """Plain share links (no scripts, no tracking) for the page's public address:
    [(name, url, where the link takes the reader, for screen readers)]."""
    request = context.get("request")
    url = page.get_full_url(request) or ""
    title = page.seo_title or page.title
    elsewhere = "opent andere website"
    return [
        (
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
            elsewhere,
        ),
        ("X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title}), elsewhere),
        (
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
            elsewhere,
        ),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"}), elsewhere),
        (
            "E-mail",
            "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
            "opent uw e-mailprogramma",
        ),
    ]


@register.filter
def card(page):
    """What a listing card shows of ``page`` besides title and summary (BasePage.card); a
    page of another type (a featured standard page) shows its type's name. The response
    showing the card is stale when the page changes (its cache tag)."""
    cache_tags.shows_pages([page])
    if isinstance(page, BasePage):
        return page.card
    return {"kind": capfirst(page_kind(page)), "event": None, "bylines": []}


@register.filter
def card_series(page):
    """The line that places ``page`` in a series, for result lists that show no bylines."""
    return page.card_series() if isinstance(page, BasePage) else ""


@register.filter
def page_kind(page):
    """The page type's name as readers see it: 'nieuwsbericht', 'blog', 'bijeenkomst'."""
    return page.specific_class._meta.verbose_name if page.specific_class else ""
