"""The finder's table: one row per content page, with what the finder sorts and filters on
that lives in six page tables (date, kind) or nowhere (the section, the last update).

Rows are kept by ``finder_rows.refresh`` on save (publish), unpublish and move
(``dossier.signals``), go with their page on delete, and are rebuilt by
``manage.py rebuild_finder``. Whether a page is live and public is checked when the
finder reads, not trusted from the table: a missed signal can leave a stale date, never show a
draft or a private page.
"""

from django.conf import settings
from django.db import connection, models
from django.db.models.expressions import RawSQL
from wagtail.models import Page

from .shared import without_restricted
from .snippets import PageTheme, TaggedPage


class FinderEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="finder_entry",
    )
    section = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", db_index=True
    )
    kind = models.CharField(max_length=30, db_index=True)
    date = models.DateField(db_index=True)
    #: The last important change (a change note marked important, a project update); null
    #: when the page never changed since it appeared.
    updated = models.DateField(null=True, blank=True)
    #: The later of ``date`` and ``updated``: the "laatst bijgewerkt" order.
    latest = models.DateField(db_index=True)
    #: What a result shows under its title: the search description, listing summary or intro.
    summary = models.CharField(max_length=400, blank=True)
    #: The line that places a page, such as "Deel 3 van 8 · Smart society cases".
    line = models.CharField(max_length=250, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "vindregel"
        verbose_name_plural = "vindregels"

    def __str__(self):
        return f"{self.page_id} ({self.kind}, {self.date})"


# --- Reading: the finder's query ---------------------------------------------------------

#: The facets whose options the finder counts, in the order they are shown.
FACETS = ("sectie", "soort", "thema", "tag")
#: How many tags the tag facet offers (the most used ones for the current selection).
TAG_OPTIONS = 12
#: How much more a word in the title counts than one in the text.
TITLE_WEIGHT = 2.0
#: Results of words on SQLite (development): Wagtail's search gives at most this many.
SQLITE_MATCHES = 1000


def with_words(entries, words, *, rank=False):
    """The FinderEntry rows of ``entries`` whose page has every search word, with a
    ``rank`` when asked. On PostgreSQL ``words`` may be an expression, such as
    ``OuterRef("words")`` of a followed selection (``alerts.events``)."""
    if connection.vendor == "postgresql":
        return _postgres_words(entries, words, rank=rank)
    return _backend_words(entries, words, rank=rank)


def _postgres_words(entries, words, *, rank):
    """Words on PostgreSQL: the index entries' ``title || body``, the expression that
    our GIN index covers (dossier/migrations), with Dutch stemming."""
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField

    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG", "simple")
    query = SearchQuery(words, config=config, search_type="plain")
    document = models.expressions.CombinedExpression(
        models.F("page__index_entries__title"),
        "||",
        models.F("page__index_entries__body"),
        output_field=SearchVectorField(),
    )
    entries = entries.alias(document=document).filter(document=query)
    if rank:
        # Title and body ranked apart, as Wagtail does: ranking the concatenation would
        # build it again for every match.
        title = SearchRank(models.F("page__index_entries__title"), query)
        body = SearchRank(models.F("page__index_entries__body"), query)
        entries = entries.annotate(rank=title * TITLE_WEIGHT + body)
    return entries


def _backend_words(entries, words, *, rank):
    """Words elsewhere (SQLite in development): Wagtail's own search gives the pages,
    best first."""
    found = Page.objects.live().search(words, operator="and")[:SQLITE_MATCHES]
    ids = [page.pk for page in found]
    # An empty IN () cannot be written as SQL for the hand-written queries: no page has 0.
    entries = entries.filter(page_id__in=ids or [0])
    if rank:
        order = [models.When(page_id=pk, then=len(ids) - n) for n, pk in enumerate(ids)]
        entries = entries.annotate(
            rank=models.Case(*order, default=0, output_field=models.FloatField())
            if order
            else models.Value(0.0)
        )
    return entries


class Finder:
    """Live, public content pages of every section for a ``Selection``
    (``dossier.listing``).

    A facet option counts the results that choosing it would give: the other facets stay
    as selected. All counts come from one query over the pages that match the words; one
    page of results from a second, and their rows from a third. Ranking happens only in the
    second, over the results that pass every filter.
    """

    def __init__(self, selection, *, sections, themes, today, periods=None):
        self.selection = selection
        self.section_ids = {section.slug: section.pk for section in sections}
        self.theme_ids = {theme.slug: theme.pk for theme in themes}
        self.today = today
        #: {key: start date} of the ready-made periods to count.
        self.periods = periods or {}
        #: {tag slug: the tag as editors wrote it}, of the tags that ``facets`` counted.
        self.labels = {}

    # -- the pages that match the words -------------------------------------------------

    def _matching(self, *, rank=False):
        """FinderEntry rows of live, public pages that have every search word."""
        entries = without_restricted(
            FinderEntry.objects.filter(page__live=True), path_field="page__path"
        )
        words = self.selection.words
        if not words:
            return entries.annotate(rank=models.Value(0.0)) if rank else entries
        return with_words(entries, words, rank=rank)

    def _hits_sql(self, *, rank=False):
        columns = ["page_id", "section_id", "kind", "date", "latest"]
        entries = self._matching(rank=rank).values(*columns, *(["rank"] if rank else []))
        return entries.query.sql_with_params()

    # -- the filters, as conditions on a row "h" of the hits ------------------------------

    def _conditions(self, selection, leave_out=None):
        """[(sql, params)] of ``selection``'s filters but the facet ``leave_out``."""
        theme_table = PageTheme._meta.db_table
        tagged_table = TaggedPage._meta.db_table
        tag_table = TaggedPage.tag.field.related_model._meta.db_table
        conditions = []
        if selection.section and leave_out != "sectie":
            conditions.append(("h.section_id = %s", [self.section_ids.get(selection.section)]))
        if selection.kind and leave_out != "soort":
            conditions.append(("h.kind = %s", [selection.kind]))
        if selection.theme and leave_out != "thema":
            conditions.append(
                (
                    f"EXISTS (SELECT 1 FROM {theme_table} x "
                    "WHERE x.page_id = h.page_id AND x.theme_id = %s)",
                    [self.theme_ids.get(selection.theme)],
                )
            )
        if selection.tag and leave_out != "tag":
            conditions.append(
                (
                    f"EXISTS (SELECT 1 FROM {tagged_table} x JOIN {tag_table} t "
                    "ON t.id = x.tag_id WHERE x.content_object_id = h.page_id AND t.slug = %s)",
                    [selection.tag],
                )
            )
        if leave_out != "periode":
            conditions.extend(self._period(selection.start, selection.end))
        return conditions

    @staticmethod
    def _period(start, end):
        """A page belongs to a period when it appeared or changed in it: the span from its
        date to its last update overlaps the period."""
        conditions = []
        if end is not None:
            conditions.append(("h.date <= %s", [end.isoformat()]))
        if start is not None:
            conditions.append(("h.latest >= %s", [start.isoformat()]))
        return conditions

    @staticmethod
    def _where(conditions):
        if not conditions:
            return "", []
        sql = " AND ".join(f"({condition})" for condition, _params in conditions)
        return "WHERE " + sql, [p for _condition, params in conditions for p in params]

    # -- the queries ----------------------------------------------------------------------

    def facets(self):
        """The counts of every facet option and ready-made period for the current selection,
        in one query."""
        hits, hits_params = self._hits_sql()
        selection = self.selection
        theme_table = PageTheme._meta.db_table
        tagged_table = TaggedPage._meta.db_table
        tag_table = TaggedPage.tag.field.related_model._meta.db_table
        branches = []

        def branch(sql, conditions, group="", extra=(), select_params=()):
            where, params = self._where([*conditions, *extra])
            branches.append((f"{sql} {where} {group}", [*select_params, *params]))

        branch(
            "SELECT 'sectie', CAST(h.section_id AS TEXT), CAST(NULL AS TEXT), COUNT(*) FROM hits h",
            self._conditions(selection, "sectie"),
            "GROUP BY h.section_id",
        )
        branch(
            "SELECT 'soort', h.kind, NULL, COUNT(*) FROM hits h",
            self._conditions(selection, "soort"),
            "GROUP BY h.kind",
        )
        branch(
            f"SELECT 'thema', CAST(x.theme_id AS TEXT), NULL, COUNT(*) FROM hits h "
            f"JOIN {theme_table} x ON x.page_id = h.page_id",
            self._conditions(selection, "thema"),
            "GROUP BY x.theme_id",
        )
        # Tags: counted by id, the slugs and names looked up for the most used ones only,
        # and for the chosen one, which always comes along.
        where, params = self._where(self._conditions(selection, "tag"))
        branches.append(
            (
                "SELECT 'tag', t.slug, t.name, c.n FROM "
                "(SELECT x.tag_id, COUNT(*) AS n FROM hits h "
                f"JOIN {tagged_table} x ON x.content_object_id = h.page_id {where} "
                f"GROUP BY x.tag_id ORDER BY "
                f"(x.tag_id IN (SELECT id FROM {tag_table} WHERE slug = %s)) DESC, "
                f"n DESC, x.tag_id LIMIT {TAG_OPTIONS + 1}) c "
                f"JOIN {tag_table} t ON t.id = c.tag_id",
                [*params, selection.tag],
            )
        )
        for key, start in self.periods.items():
            branch(
                "SELECT 'periode', CAST(%s AS TEXT), NULL, COUNT(*) FROM hits h",
                self._conditions(selection, "periode"),
                extra=self._period(start, self.today),
                select_params=[key],
            )
        sql = "WITH hits ({}) AS ({}) {}".format(
            HIT_COLUMNS, hits, " UNION ALL ".join(sql for sql, _params in branches)
        )
        params = [*hits_params, *(p for _sql, branch_params in branches for p in branch_params)]
        counts = {facet: {} for facet in FACETS}
        counts["periode"] = {}
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for facet, value, label, count in cursor.fetchall():
                counts[facet][value] = count
                if label:
                    self.labels[value] = label
        by_section = counts["sectie"]
        if selection.section:
            total = by_section.get(str(self.section_ids.get(selection.section)), 0)
        else:
            total = sum(by_section.values())
        return total, counts

    def section_counts(self):
        """{section id: number of results} for the selection, in one query: what a theme
        hub needs of the finder, without the other facets."""
        hits, hits_params = self._hits_sql()
        where, params = self._where(self._conditions(self.selection))
        sql = (
            f"WITH hits ({HIT_COLUMNS}) AS ({hits}) "
            f"SELECT h.section_id, COUNT(*) FROM hits h {where} GROUP BY h.section_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*hits_params, *params])
            return dict(cursor.fetchall())

    def ids(self):
        """The ids of every result, as a subquery for a listing's own query."""
        hits, hits_params = self._hits_sql()
        where, params = self._where(self._conditions(self.selection))
        sql = f"WITH hits ({HIT_COLUMNS}) AS ({hits}) SELECT h.page_id FROM hits h {where}"
        return RawSQL(sql, [*hits_params, *params])

    ORDERS = {
        "relevantie": "h.rank DESC, h.latest DESC, h.page_id DESC",
        "datum": "h.date DESC, h.page_id DESC",
        "bijgewerkt": "h.latest DESC, h.date DESC, h.page_id DESC",
    }

    def page(self, offset, limit):
        """One page of results in the chosen order: FinderEntry rows with their pages."""
        rank = self.selection.sort == "relevantie"
        hits, hits_params = self._hits_sql(rank=rank)
        where, params = self._where(self._conditions(self.selection))
        columns = HIT_COLUMNS + (", rank" if rank else "")
        sql = (
            f"WITH hits ({columns}) AS ({hits}) SELECT h.page_id FROM hits h {where} "
            f"ORDER BY {self.ORDERS[self.selection.sort]} LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*hits_params, *params, limit, offset])
            ids = [row[0] for row in cursor.fetchall()]
        rows = FinderEntry.objects.filter(page_id__in=ids).select_related("page")
        by_id = {row.page_id: row for row in rows.only(*RESULT_FIELDS)}
        return [by_id[pk] for pk in ids if pk in by_id]


HIT_COLUMNS = "page_id, section_id, kind, date, latest"
#: What a result needs of its row and page.
RESULT_FIELDS = (
    "page_id",
    "section_id",
    "kind",
    "date",
    "updated",
    "latest",
    "summary",
    "line",
    "page__title",
    "page__url_path",
    "page__path",
    "page__depth",
    "page__content_type_id",
)
