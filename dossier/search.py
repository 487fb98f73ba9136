"""Site search at /zoeken/: ranked full-text search over live, public pages.

PostgreSQL ranks with Dutch stemming (``SEARCH_CONFIG = "dutch"``), so "gemeente" finds
"gemeenten"; SQLite, in development, matches exact words. The query is cut to Wagtail's
255 characters, the section and theme filters are validated like the listing filters, and
the counts per section come from one facet query.
"""

import re
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.shortcuts import render
from django.utils.html import escape, format_html, format_html_join
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string

from .listing import paginate
from .models import BasePage, PageTheme, home_crumb, section_indexes, without_restricted
from .models import themes as all_themes
from .syndication import plain_text

PER_PAGE = 10
#: Query words shorter than this are not highlighted ("de", "en").
MIN_HIGHLIGHT_LENGTH = 3
WORD = re.compile(r"\w+")


def _section_of(page_path, sections):
    """The section index a result lives in, from its tree path; None for other pages."""
    return next((s for s in sections if page_path.startswith(s.path)), None)


def _theme_page_ids(theme):
    """The ids of the pages that carry ``theme``, of every type, in one query."""
    return list(PageTheme.objects.filter(theme=theme).values_list("page_id", flat=True))


def _promotions(query_string):
    """The editor-picked results for this query, live public pages and external links."""
    query = Query.objects.filter(query_string=normalise_query_string(query_string)).first()
    if query is None:
        return []
    public_ids = None
    picks = list(query.editors_picks.select_related("page").order_by("sort_order"))
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    if page_ids:
        public_ids = set(
            without_restricted(Page.objects.live())
            .filter(pk__in=page_ids)
            .values_list("pk", flat=True)
        )
    return [pick for pick in picks if not pick.page_id or pick.page_id in public_ids]


def search_words(query_string):
    """The words of a query, for the search backend.

    Punctuation means nothing to full-text search, and SQLite's FTS5 reads quotes and
    operators as syntax; the JSON API's ``?search`` uses this too.
    """
    return " ".join(WORD.findall(query_string[:MAX_QUERY_STRING_LENGTH]))


def highlight(text, query_string):
    """``text`` escaped, with the words that begin with a query word marked."""
    words = sorted(
        {w for w in WORD.findall(query_string.lower()) if len(w) >= MIN_HIGHLIGHT_LENGTH},
        key=len,
        reverse=True,
    )
    if not words:
        return escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)
    pieces, last = [], 0  # (text before a match, the match)
    for match in pattern.finditer(text):
        pieces.append((text[last : match.start()], match.group(0)))
        last = match.end()
    return format_html("{}{}", format_html_join("", "{}<mark>{}</mark>", pieces), text[last:])


def search(request):
    # Control characters (a NUL breaks PostgreSQL) become spaces; runs of space collapse.
    cleaned = plain_text(request.GET.get("q", ""))
    query_string = cleaned[:MAX_QUERY_STRING_LENGTH]
    shortened = len(cleaned) > MAX_QUERY_STRING_LENGTH

    sections = section_indexes(request)
    by_slug = {section.slug: section for section in sections}
    section_slug = request.GET.get("sectie", "")[:100]
    section = by_slug.get(section_slug)
    theme_slug = request.GET.get("thema", "")[:100]
    themes = all_themes()
    theme = next((t for t in themes if t.slug == theme_slug), None)
    ignored = [
        label
        for label, value, known in (
            ("rubriek", section_slug, section),
            ("thema", theme_slug, theme),
        )
        if value and known is None
    ]

    context = {
        "search_query": query_string,
        "shortened": shortened,
        "sections": sections,
        "themes": themes,
        "active_section": section,
        "active_theme": theme,
        "ignored_filters": ignored,
        "breadcrumb_trail": [home_crumb(request), {"title": "Zoeken", "url": None}],
    }
    if query_string:
        context.update(_results(request, query_string, sections, section, theme))
    return render(request, "dossier/search.html", context)


def _results(request, query_string, sections, section, theme):
    """One page of ranked results, the counts per section and the promoted results."""
    words = search_words(query_string)
    base = without_restricted(Page.objects.live()).filter(depth__gt=1)
    if theme is not None:
        base = base.filter(id__in=_theme_page_ids(theme))
    if not words:
        base = base.none()

    # Counts per section: one facet query over content types, summed per section.
    counts = base.search(words, operator="and").facet("content_type_id") if words else {}
    section_counts = []
    for s in sections:
        model = s.specific_class.listing_model
        count = sum(n for ct, n in counts.items() if _content_type_model_is(ct, model))
        section_counts.append((s, count))

    results = base if section is None else base.descendant_of(section)
    if words:
        results = results.specific().search(words, operator="and")
    filters = {"q": query_string, **({"thema": theme.slug} if theme else {})}
    base_query = urlencode({**filters, **({"sectie": section.slug} if section else {})})
    # The facet counted every result already: the paginator need not count them again.
    known = dict(section_counts).get(section) if section else sum(counts.values())
    paging = paginate(
        request, results, per_page=PER_PAGE, base_query=base_query, count=known if words else 0
    )
    results_page = paging["page_obj"].object_list
    for page_type in {type(result) for result in results_page if isinstance(result, BasePage)}:
        page_type.prepare_cards([result for result in results_page if type(result) is page_type])
    for result in results_page:
        result.search_section = _section_of(result.path, sections)
        summary = (
            getattr(result, "search_description", "")
            or getattr(result, "listing_summary", "")
            or getattr(result, "intro", "")
        )
        result.search_summary = highlight(_shorten(summary, 300), query_string)
        result.search_title = highlight(result.title, query_string)
    first_page = paging["page_obj"].number == 1
    return {
        **paging,
        "total": sum(counts.values()),
        "section_counts": section_counts,
        "filter_query": urlencode(filters),
        "promotions": _promotions(query_string) if first_page and words else [],
    }


def _content_type_model_is(content_type_id, model):
    # get_for_id is cached per process: no query after the first request.
    model_class = ContentType.objects.get_for_id(content_type_id).model_class()
    return model_class is not None and issubclass(model_class, model)


def _shorten(text, length):
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + " …"
