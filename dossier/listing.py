"""Listing helpers shared by the section indexes, theme hubs and search: query-string
filters and pagination. Nothing here knows a model; the models and views use it."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator

PER_PAGE = 12
MAX_PARAM_LENGTH = 100


# --- Filters --------------------------------------------------------------------------


class ListingFilterForm(forms.Form):
    """The filters of a section index, read from the query string.

    Fields that do not validate are dropped with a notice instead of failing the page; a
    section adds its own fields (``soort``, ``status``, ``wanneer``) in ``extra_fields``.
    """

    thema = forms.ChoiceField(label="Thema", required=False)
    jaar = forms.TypedChoiceField(label="Jaar", required=False, coerce=int, empty_value=None)
    tag = forms.SlugField(label="Tag", required=False, max_length=MAX_PARAM_LENGTH)

    labels = {"thema": "thema", "soort": "soort", "jaar": "jaar", "tag": "tag"}

    def __init__(self, data, *, themes, years, extra_fields=None):
        # Repeated parameters: the last value counts, as QueryDict.get() does.
        cleaned = {key: data.get(key, "")[:5000] for key in data}
        super().__init__(cleaned)
        self.themes = {theme.slug: theme for theme in themes}
        self.fields["thema"].choices = [("", "Alle thema's")] + [
            (theme.slug, theme.name) for theme in themes
        ]
        self.fields["jaar"].choices = [("", "Alle jaren")] + [(y, str(y)) for y in years]
        for name, field in (extra_fields or {}).items():
            self.fields[name] = field

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

    def query(self, **changes):
        """The query string of the active filters, with ``changes`` applied (None removes)."""
        params = {**self.active, **changes}
        return urlencode({k: v for k, v in params.items() if v not in (None, "")})

    def active_links(self):
        """The active filters as links that remove them: [(label, value text, query)]."""
        links = []
        for name, value in self.active.items():
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
