"""Listing helpers shared by the section indexes, theme hubs and the finder: query-string
filters and pagination. Nothing here knows a model; the models and views use it."""

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.utils import formats
from django.utils.text import capfirst

PER_PAGE = 12
MAX_PARAM_LENGTH = 100
#: Control characters: a NUL breaks PostgreSQL, the others mean nothing in a filter.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# --- Filters --------------------------------------------------------------------------

#: The finder's orders: the default is relevance with search words, else the date.
SORTS = {"relevantie": "Relevantie", "datum": "Nieuwste eerst", "bijgewerkt": "Laatst bijgewerkt"}
#: Ready-made periods up to today: (months back, label).
PERIODS = {
    "3m": (3, "afgelopen 3 maanden"),
    "1j": (12, "afgelopen jaar"),
    "2j": (24, "afgelopen 2 jaar"),
}
MONTH = re.compile(r"(\d{4})-(\d{1,2})")
FIRST_YEAR, LAST_YEAR = 1990, 2100
#: The order of the parameters in every link the site makes: one address per selection.
CANONICAL_ORDER = ("q", "sectie", "soort", "thema", "tag", "jaar", "periode", "van", "tot")
#: The finder's fields.
FINDER_FIELDS = ("q", "sectie", "soort", "thema", "tag", "periode", "van", "tot", "volgorde")


@dataclass(frozen=True)
class Selection:
    """What a reader asked the finder or a section index for, validated: slugs and dates."""

    words: str = ""
    section: str = ""
    kind: str = ""
    theme: str = ""
    tag: str = ""
    start: date | None = None
    end: date | None = None
    sort: str = "datum"

    @property
    def filters(self):
        """Whether anything narrows the pages down beyond the section."""
        return bool(self.words or self.kind or self.theme or self.tag or self.start or self.end)

    def without(self, facet):
        """This selection with one facet ("sectie", "soort", "thema", "tag", "periode")
        left out: what the counts of that facet's options are taken over."""
        field = {"sectie": "section", "soort": "kind", "thema": "theme", "tag": "tag"}
        if facet == "periode":
            return replace(self, start=None, end=None)
        return replace(self, **{field[facet]: ""})


def month_start(value):
    """The first day of a "YYYY-MM" month, or None when it is no month we list."""
    match = MONTH.fullmatch(value or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def month_end(first):
    return date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])


def months_back(today, months):
    """The same day ``months`` months before ``today`` (the month's last day when it has
    fewer days): where "the last 3 months" begin."""
    index = today.year * 12 + today.month - 1 - months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def month_label(day):
    return formats.date_format(day, "F Y")


class FilterForm(forms.Form):
    """The filters of the finder and of a section index, read from the query string: one
    implementation for both.

    Values that do not validate are dropped with a notice instead of failing the page
    (``ignored``); a reversed period is turned round (``notices``). A section index leaves
    out the finder's own fields and adds its own (``extra_fields``).
    """

    q = forms.CharField(label="Zoekwoorden", required=False, strip=True)
    sectie = forms.ChoiceField(label="Rubriek", required=False)
    soort = forms.ChoiceField(label="Soort", required=False)
    thema = forms.ChoiceField(label="Thema", required=False)
    tag = forms.SlugField(label="Tag", required=False, max_length=MAX_PARAM_LENGTH)
    jaar = forms.TypedChoiceField(label="Jaar", required=False, coerce=int, empty_value=None)
    periode = forms.ChoiceField(label="Periode", required=False)
    van = forms.CharField(label="Van (maand)", required=False, max_length=7)
    tot = forms.CharField(label="Tot en met (maand)", required=False, max_length=7)
    volgorde = forms.ChoiceField(label="Sorteer op", required=False)

    #: Fields a section index shows: the finder's selection without words, section and order.
    SECTION_FIELDS = ("thema", "soort", "jaar", "tag")

    def __init__(
        self,
        data,
        *,
        themes,
        sections=(),
        kinds=(),
        years=(),
        fields=None,
        extra_fields=None,
        today=None,
    ):
        # Repeated parameters: the last value counts, as QueryDict.get() does. Control
        # characters (a NUL breaks PostgreSQL) are gone before any field sees them.
        cleaned = {key: CONTROL.sub(" ", data.get(key, "")[:5000]) for key in data}
        super().__init__(cleaned)
        self.today = today or date.today()
        self.theme_names = {theme.slug: theme.name for theme in themes}
        self.fields["thema"].choices = [("", "Alle thema's"), *self.theme_names.items()]
        self.fields["sectie"].choices = [("", "Alle rubrieken"), *sections]
        self.fields["soort"].choices = [("", "Alle soorten"), *kinds]
        self.fields["jaar"].choices = [("", "Alle jaren")] + [(y, str(y)) for y in years]
        self.fields["periode"].choices = [("", "Altijd")] + [
            (key, capfirst(label)) for key, (_months, label) in PERIODS.items()
        ]
        self.fields["volgorde"].choices = list(SORTS.items())
        if fields is not None:
            # Only these fields, in this order (the order of the form and its query string).
            self.fields = {name: self.fields[name] for name in fields}
        for name, field in (extra_fields or {}).items():
            self.fields[name] = field
        self.notices = []

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean_van(self):
        return self._month("van")

    def clean_tot(self):
        return self._month("tot")

    def _month(self, name):
        value = self.cleaned_data[name]
        if value and month_start(value) is None:
            raise forms.ValidationError("Geen maand.")
        return value

    @property
    def active(self):
        """The valid, non-empty filters: {name: value}."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "") and name not in self.errors
        }

    @property
    def ignored(self):
        """Names of the filters whose values were not understood."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return [self.fields[name].label.lower() for name in self.errors]

    def period(self):
        """(first day, last day) of the chosen period, either end None when open."""
        active = self.active
        if "periode" in active:
            return months_back(self.today, PERIODS[active["periode"]][0]), self.today
        if "jaar" in active:
            return date(active["jaar"], 1, 1), date(active["jaar"], 12, 31)
        start = month_start(active.get("van"))
        end = month_start(active.get("tot"))
        if start and end and start > end:
            start, end = end, start
            self.notices = ["De periode liep achteruit; we hebben begin en einde omgedraaid."]
        return start, month_end(end) if end else None

    def selection(self):
        active = self.active
        start, end = self.period()
        words = active.get("q", "")
        sort = active.get("volgorde") or ("relevantie" if words else "datum")
        if sort == "relevantie" and not words:
            sort = "datum"
        return Selection(
            words=words,
            section=active.get("sectie", ""),
            kind=active.get("soort", ""),
            theme=active.get("thema", ""),
            tag=active.get("tag", ""),
            start=start,
            end=end,
            sort=sort,
        )

    def query(self, **changes):
        """The query string of the active filters in canonical order, with ``changes``
        applied (None removes); the default order is left out."""
        params = {**self.active, **changes}
        words = params.get("q")
        if params.get("volgorde") == ("relevantie" if words else "datum"):
            params.pop("volgorde")
        order = [*CANONICAL_ORDER, *(k for k in params if k not in CANONICAL_ORDER)]
        return urlencode([(k, params[k]) for k in order if params.get(k) not in (None, "")])

    def period_text(self):
        """The chosen period in words, or "" when there is none."""
        active = self.active
        if "periode" in active:
            return PERIODS[active["periode"]][1]
        if "jaar" in active:
            return str(active["jaar"])
        start, end = self.period()
        if start and end:
            if (start.month, end.month, end.day) == (1, 12, 31):
                years = sorted({start.year, end.year})
                return " tot en met ".join(str(year) for year in years)
            return f"{month_label(start)} tot en met {month_label(end)}"
        if start:
            return f"vanaf {month_label(start)}"
        if end:
            return f"tot en met {month_label(end)}"
        return ""

    def active_links(self):
        """The active filters as links that remove them: [(label, value text, query)]; the
        period is one filter, however it was given."""
        links = []
        period_done = False
        for name, value in self.active.items():
            if name in ("q", "volgorde"):
                continue
            if name in ("periode", "jaar", "van", "tot"):
                if not period_done:
                    gone = {"periode": None, "jaar": None, "van": None, "tot": None}
                    links.append(("Periode", self.period_text(), self.query(**gone)))
                    period_done = True
                continue
            field = self.fields[name]
            if hasattr(field, "choices"):
                text = {str(k): v for k, v in field.choices}.get(str(value), value)
            else:
                text = value
            links.append((field.label, text, self.query(**{name: None})))
        return links


# --- Pagination -----------------------------------------------------------------------


@dataclass
class PageLink:
    number: int | None  # None for the ellipsis
    query: str
    current: bool


def paginate(request, queryset, *, per_page=PER_PAGE, base_query="", count=None):
    """One page of ``queryset``; bad or out-of-range ``page`` values go to the nearest page.

    ``count``: the number of items when the caller knows it already (search counts its
    results per section), which saves the paginator's own count query.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # fills the cached_property
    raw = request.GET.get("page", "1")[:12]
    try:
        number = int(raw)
    except ValueError:
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    page_obj = paginator.get_page(number)

    def query(n):
        parts = [base_query] if base_query else []
        if n > 1:
            parts.append(f"page={n}")
        return "?" + "&".join(parts) if parts else "?"

    links = [
        PageLink(None, "", False)
        if n == paginator.ELLIPSIS
        else PageLink(n, query(n), n == page_obj.number)
        for n in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
    return {
        "page_obj": page_obj,
        "page_links": links if paginator.num_pages > 1 else [],
        "previous_query": query(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_query": query(page_obj.next_page_number()) if page_obj.has_next() else "",
    }
