"""The finder at /zoeken/: every live, public content page, with or without search words,
filtered by section, kind, theme, tag and period (``dossier.models.finder``).

PostgreSQL matches and ranks with Dutch stemming (``SEARCH_CONFIG = "dutch"``), so
"gemeente" finds "gemeenten"; SQLite, in development, matches through Wagtail's search. The
words are cut to Wagtail's 255 characters; filters that are not understood are named and
left out, never a 500.
"""

import re
from dataclasses import dataclass, replace

from django.shortcuts import render
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.text import capfirst
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string

from .listing import FINDER_FIELDS, PERIODS, SORTS, FilterForm, months_back, paginate
from .models import home_crumb, section_indexes, themes, without_restricted
from .models.finder import TAG_OPTIONS, Finder
from .models.words import suggest
from .ops import cache_tags

PER_PAGE = 10
#: Misspelt words are looked for when the words give fewer results than this.
SUGGEST_BELOW = 3
#: Query words shorter than this are not highlighted ("de", "en").
MIN_HIGHLIGHT_LENGTH = 3
WORD = re.compile(r"\w+")
#: The filters that a new search from the words form keeps (as hidden fields).
KEPT_BY_WORDS_FORM = ("sectie", "soort", "thema", "tag", "periode", "volgorde")
QUOTE_OPEN, QUOTE_CLOSE = "\u2018", "\u2019"


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
    """The finder: every section's pages, with or without words, filtered by section,
    kind, theme, tag and period, with the counts of every option."""
    cache_tags.lists_everything()
    cache_tags.reads_params(*FINDER_FIELDS, "page")
    sections = section_indexes(request)
    today = timezone.localdate()
    all_themes = themes()
    kinds = {value: label for s in sections for value, label in s.finder_kind_choices}
    form = FilterForm(
        request.GET,
        themes=all_themes,
        sections=[(section.slug, section.title) for section in sections],
        kinds=list(kinds.items()),
        fields=FINDER_FIELDS,
        today=today,
    )
    raw_words = form.active.get("q", "")
    selection = form.selection()
    if len(selection.words) > MAX_QUERY_STRING_LENGTH:
        selection = replace(selection, words=selection.words[:MAX_QUERY_STRING_LENGTH])
    words = search_words(selection.words)
    selection = replace(selection, words=words)
    periods = {key: months_back(today, months) for key, (months, _label) in PERIODS.items()}
    finder = Finder(selection, sections=sections, themes=all_themes, today=today, periods=periods)
    total, counts = finder.facets()
    paging = paginate(
        request, ResultPages(finder, total), per_page=PER_PAGE, base_query=form.query(), count=total
    )
    by_id = {section.pk: section for section in sections}
    results = list(paging["page_obj"].object_list)
    for row in results:
        row.section_page = by_id.get(row.section_id)
        row.kind_label = kinds.get(row.kind, "")
        row.search_title = highlight(row.page.title, words)
        row.search_summary = highlight(row.summary, words)
    first_page = paging["page_obj"].number == 1
    # "Bedoelde u ...?" when the words find little: one query, on PostgreSQL only. Asked for
    # every search, so that a search costs the same queries however much it finds.
    suggestion = suggest(words) if words else None
    if total >= SUGGEST_BELOW:
        suggestion = None
    context = {
        **paging,
        "form": form,
        "search_query": raw_words[:MAX_QUERY_STRING_LENGTH],
        "words": words,
        "shortened": len(raw_words) > MAX_QUERY_STRING_LENGTH,
        "selection": selection,
        "total": total,
        "results": results,
        "facets": _facets(form, selection, counts, finder.labels, sections, all_themes, kinds),
        "periods": _periods(form, counts["periode"]),
        "summary": _summary(
            form, selection, total, finder.labels, sections, all_themes, kinds, paging
        ),
        "active_filters": form.active_links(),
        "ignored_filters": form.ignored,
        "filter_notices": form.notices,
        "canonical_query": form.query(),
        "kept_filters": [(k, v) for k, v in form.active.items() if k in KEPT_BY_WORDS_FORM],
        "sort_links": _sort_links(form, selection),
        "promotions": _promotions(words) if first_page and words else [],
        "suggestion": suggestion,
        "suggestion_query": form.query(q=suggestion) if suggestion else "",
        "sections": sections,
        "breadcrumb_trail": [home_crumb(request), {"title": "Zoeken", "url": None}],
    }
    return render(request, "dossier/search.html", context)


class ResultPages:
    """The finder's results as a sequence for Django's paginator: its length is the count
    the facets gave, a slice is one query for that page."""

    def __init__(self, finder, total):
        self.finder = finder
        self.total = total

    def __len__(self):
        return self.total

    def count(self):
        return self.total

    def __getitem__(self, key):
        if isinstance(key, slice):
            start = key.start or 0
            return self.finder.page(start, (key.stop or self.total) - start)
        return self.finder.page(key, 1)[0]


@dataclass
class Option:
    label: str
    count: int
    query: str
    selected: bool


def _facets(form, selection, counts, labels, sections, all_themes, kinds):
    """The facet groups with their options: [(name, label, [Option])]. An option that
    would give nothing is left out, unless it is the one chosen."""

    def options(facet, values, chosen):
        found = []
        for value, label, key in values:
            count = counts[facet].get(key, 0)
            if count or value == chosen:
                query = form.query(**{facet: None if value == chosen else value})
                found.append(Option(label, count, query, value == chosen))
        return found

    section_values = [(s.slug, s.title, str(s.pk)) for s in sections]
    kind_values = [(value, label, value) for value, label in kinds.items()]
    theme_values = [(t.slug, t.name, str(t.pk)) for t in all_themes]
    # The chosen tag first, then the most used: the list is cut at TAG_OPTIONS.
    tags = sorted(
        counts["tag"].items(), key=lambda item: (item[0] != selection.tag, -item[1], item[0])
    )
    tag_values = [(slug, labels.get(slug, slug), slug) for slug, _count in tags]
    if selection.tag and selection.tag not in counts["tag"]:
        tag_values.insert(0, (selection.tag, selection.tag.replace("-", " "), selection.tag))
    kind_options = options("soort", kind_values, selection.kind)
    kind_options.sort(key=lambda option: (not option.selected, -option.count, option.label))
    return [
        ("sectie", "Rubriek", options("sectie", section_values, selection.section)),
        ("thema", "Thema", options("thema", theme_values, selection.theme)),
        ("soort", "Soort", kind_options),
        ("tag", "Tag", options("tag", tag_values, selection.tag)[:TAG_OPTIONS]),
    ]


def _periods(form, counts):
    chosen = form.active.get("periode", "")
    return [
        Option(
            capfirst(label),
            counts.get(key, 0),
            form.query(periode=None if key == chosen else key, van=None, tot=None),
            key == chosen,
        )
        for key, (_months, label) in PERIODS.items()
    ]


def _sort_links(form, selection):
    keys = ["relevantie", "datum", "bijgewerkt"] if selection.words else ["datum", "bijgewerkt"]
    return [Option(SORTS[key], 0, form.query(volgorde=key), key == selection.sort) for key in keys]


def _summary(form, selection, total, labels, sections, all_themes, kinds, paging):
    """What is shown, in one sentence: "35 resultaten over verantwoord datagebruik in alle
    rubrieken, 2024 tot en met 2026"."""
    parts = [f"{total} {'resultaat' if total == 1 else 'resultaten'}"]
    if selection.words:
        parts.append(f"voor {QUOTE_OPEN}{selection.words}{QUOTE_CLOSE}")
    if selection.theme:
        name = next((t.name for t in all_themes if t.slug == selection.theme), selection.theme)
        parts.append(f"over {name[:1].lower() + name[1:]}")
    if selection.kind:
        parts.append(f"van de soort {kinds.get(selection.kind, selection.kind).lower()}")
    if selection.tag:
        tag = labels.get(selection.tag, selection.tag.replace("-", " "))
        parts.append(f"met de tag {QUOTE_OPEN}{tag}{QUOTE_CLOSE}")
    section = next((s for s in sections if s.slug == selection.section), None)
    parts.append(f"in {section.title.lower()}" if section else "in alle rubrieken")
    sentence = " ".join(parts)
    period = form.period_text()
    if period:
        sentence += f", {period}"
    page_obj = paging["page_obj"]
    if page_obj.paginator.num_pages > 1:
        sentence += f", pagina {page_obj.number} van {page_obj.paginator.num_pages}"
    return sentence
