"""Template tags for the site chrome: main navigation, breadcrumbs and footer."""

from urllib.parse import quote, urlencode

from django import template
from wagtail.models import Page, Site

from dossier.models import DossierSettings, breadcrumb_trail

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_menu(context):
    """The home page's live children marked "show in menus": the five sections."""
    request = context.get("request")
    current = context.get("page")
    root = _site_root(request)
    items = []
    if root is not None:
        for item in root.get_children().live().public().in_menu().only("title", "url_path"):
            if current is not None and current.pk == item.pk:
                state = "page"
            elif current is not None and current.url_path.startswith(item.url_path):
                state = "true"
            else:
                state = ""
            items.append({"title": item.title, "url": item.get_url(request), "current": state})
    return {"items": items, "home_url": root.get_url(request) if root else "/"}


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


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    # for_request caches on the request, shared with the settings context processor.
    dossier_settings = DossierSettings.for_request(request) if site else None
    return {"dossier_settings": dossier_settings, "request": request}


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """Plain share links (no scripts, no tracking) for the page's public address."""
    request = context.get("request")
    url = page.get_full_url(request) or ""
    title = page.seo_title or page.title
    return [
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ("X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
        ("E-mail", "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote)),
    ]


@register.filter
def page_kind(page):
    """The page type's name as readers see it: 'nieuwsbericht', 'blog', 'bijeenkomst'."""
    return page.specific_class._meta.verbose_name if page.specific_class else ""
