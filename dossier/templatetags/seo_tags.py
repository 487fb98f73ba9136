"""The page metadata in ``<head>``: description, canonical URL, Open Graph, X card, JSON-LD.

``base.html`` calls ``{% page_meta %}`` for every page. Views that are not pages (theme
hubs, the 404 page) override the ``metadata`` block and pass their own title and
description.
"""

from django import template
from wagtail.models import Page

from dossier import seo
from dossier.models import BasePage, publisher_data
from dossier.templatetags.dossier_tags import context_trail

register = template.Library()


@register.inclusion_tag("components/meta.html", takes_context=True)
def page_meta(
    context, title="", description="", schema_type="WebPage", noindex=False, canonical_query=None
):
    """Metadata for the page in the context, or for a view that is not a page.

    A view gives its ``title``, ``description`` and ``schema_type`` (such as
    ``CollectionPage``); its ``breadcrumb_trail`` becomes a BreadcrumbList. ``noindex``
    asks search engines to skip the page and leaves out the canonical URL and JSON-LD,
    unless the view gives the canonical form of its query string (``canonical_query``:
    the finder, whose selections are shared as links).
    """
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    meta = {
        "noindex": noindex,
        "site_name": seo.site_name(request),
        "og_type": "website",
        "image": seo.share_image(request, page),
    }
    if page is not None:
        canonical = canonical_url(context, page, request)
        meta.update(
            title=title or page.seo_title or page.title,
            description=seo.describe(description) if description else seo.page_description(page),
        )
        if isinstance(page, BasePage):
            meta.update(
                og_type="article",
                published_time=seo.iso(page.date),
                modified_time=seo.iso(page.date_modified),
            )
        main = (
            page.structured_data(request)
            if hasattr(page, "structured_data")
            else seo.web_page_data(page, request, publisher_data(request))
        )
        trail = context_trail(context)
    else:
        canonical = seo.absolute_url(request, request.path) if request is not None else ""
        meta.update(
            title=title or meta["site_name"],
            description=seo.describe(description or seo.SITE_DESCRIPTION),
        )
        main = {
            "@type": schema_type,
            "@id": canonical,
            "url": canonical,
            "name": meta["title"],
            "description": meta["description"],
            "inLanguage": seo.LANGUAGE,
            "publisher": publisher_data(request),
        }
        trail = context_trail(context)
    if canonical_query is not None and request is not None:
        query = f"?{canonical_query}" if canonical_query else ""
        canonical = seo.absolute_url(request, request.path + query)
    if noindex:
        shared = canonical if canonical_query is not None else ""
        return {**meta, "canonical": shared, "json_ld": ""}
    graph = [main]
    if trail:
        graph.append(seo.breadcrumb_data(request, trail, canonical))
    meta["canonical"] = canonical
    meta["json_ld"] = seo.json_for_script({"@context": "https://schema.org", "@graph": graph})
    return meta


def canonical_url(context, page, request):
    """The page's own address, without query parameters.

    A section index keeps ``?page=N`` from the second page of its unfiltered listing on,
    because those pages list other items; a filtered listing points to the plain index,
    so that search engines do not index every combination of filters.
    """
    url = page.get_full_url(request)
    page_obj = context.get("page_obj")
    filter_form = context.get("filter_form")
    filtered = filter_form is not None and filter_form.active
    if page_obj is not None and page_obj.number > 1 and not filtered:
        url += f"?page={page_obj.number}"
    return url
