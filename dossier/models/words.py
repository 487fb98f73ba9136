"""Suggestions ("Bedoelde u …?"): the words of the live public pages, and corrections for
misspelt words.

``SearchWord`` holds every word (3 to 40 letters, lower case) that occurs in the search index
entries of live pages that no view restriction covers, with the number of pages it occurs in.
It is filled from Wagtail's index entries by ``rebuild()`` (``manage.py update_search_words``,
run at the end of ``load_demo`` and of the benchmark's populate) and grows on publish by the
words of the published page (``add_page_words``, from ``dossier.signals``). It only grows
between rebuilds: a word of a page that is unpublished or restricted later stays until the
next rebuild, so run ``update_search_words`` periodically (nightly) in production.

``suggest()`` compares the words of a query with the table by trigram similarity (PostgreSQL's
``pg_trgm``, enabled with the table's trigram index by migration 0010). Only PostgreSQL has it:
on another database the table stays empty and ``suggest()`` answers None without a query.
"""

import re

from django.db import connection, models, transaction
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from .shared import without_restricted

#: A word of a query worth correcting: letters only, at least three of them.
QUERY_WORD = re.compile(r"[^\W\d_]{3,}")
#: The words kept in the table: the same, as PostgreSQL's regular expressions spell it.
TABLE_WORD = r"^[[:alpha:]]{3,40}$"
#: Longest word kept, and the most text read from one index entry.
MAX_WORD = 40
MAX_TEXT = 200_000
#: A longer query is not a misspelt one: no suggestion, no query.
MAX_QUERY = 200
MAX_QUERY_WORDS = 8
#: The trigram index on the words (made by migration 0010).
WORD_INDEX = "dossier_searchword_word_trgm"
#: How alike a replacement must be (``similarity()`` of pg_trgm, 0 to 1).
THRESHOLD = 0.4


class SearchWord(models.Model):
    """A word of the live public pages. Its trigram GIN index (``gin_trgm_ops``) is made by
    migration 0010 on PostgreSQL only, so it is not declared here."""

    word = models.CharField(max_length=MAX_WORD, unique=True)
    #: The word as the search stems it (SEARCH_CONFIG, Dutch): a query word with a known stem
    #: ("algoritmen" when only "algoritme" occurs) is found by search, so it is not corrected.
    #: Empty for a stop word.
    stem = models.CharField(max_length=MAX_WORD, blank=True, db_index=True)
    #: The number of pages the word occurs in (at the last rebuild; 1 for a word added on
    #: publish): ties between equally similar words go to the more common one.
    documents = models.PositiveIntegerField(default=0)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "zoekwoord"
        verbose_name_plural = "zoekwoorden"

    def __str__(self):
        return self.word


def _supported():
    return connection.vendor == "postgresql"


def _config():
    """The text search configuration of the search backend ("dutch")."""
    return get_search_backend().config or "simple"


#: SQL for the stem of ``{}`` by the search configuration (the first parameter), or NULL for
#: a stop word.
STEM_SQL = "(SELECT s.lexeme FROM unnest(to_tsvector(%s::regconfig, {})) AS s LIMIT 1)"


def _entry_words_sql():
    """SQL for the words (``u.lexeme``) of the index entries aliased ``e``; parameters: the
    most text read from an entry, the pattern of a word."""
    return (
        "CROSS JOIN LATERAL unnest(to_tsvector('simple', "
        "left(e.title_text || ' ' || e.body_text, %s))) AS u "
        "WHERE u.lexeme ~ %s"
    )


def rebuild():
    """Bring the table in line with the index entries of the live public pages; returns the
    number of words (0 on a database without trigrams).

    Only what changed is written (new words, other counts, words gone), so that a nightly
    run leaves few dead rows behind; the trigram index's pending entries are then merged
    into the index, which a search would otherwise read one by one."""
    if not _supported():
        return 0
    pages = without_restricted(Page.objects.live().filter(depth__gt=1)).values(
        "id", "content_type_id"
    )
    pages_sql, pages_params = pages.query.sql_with_params()
    words = SearchWord._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH found AS MATERIALIZED (
                SELECT u.lexeme AS word, count(*) AS documents
                FROM {IndexEntry._meta.db_table} AS e
                JOIN ({pages_sql}) AS p
                    ON e.content_type_id = p.content_type_id AND e.object_id = p.id::text
                {_entry_words_sql()}
                GROUP BY u.lexeme
            ), gone AS (
                DELETE FROM {words} AS w
                WHERE NOT EXISTS (SELECT 1 FROM found WHERE found.word = w.word)
            )
            INSERT INTO {words} AS w (word, stem, documents)
            SELECT found.word, coalesce(known.stem, {STEM_SQL.format("found.word")}, ''),
                found.documents
            FROM found LEFT JOIN {words} AS known ON known.word = found.word
            ON CONFLICT (word) DO UPDATE SET documents = excluded.documents
            WHERE w.documents <> excluded.documents
            """,  # noqa: S608 - table and column names from the models
            [*pages_params, MAX_TEXT, TABLE_WORD, _config()],
        )
        cursor.execute(f"SELECT count(*) FROM {words}")  # noqa: S608
        (count,) = cursor.fetchone()
        cursor.execute(
            "SELECT gin_clean_pending_list(c.oid) FROM pg_class AS c "
            "WHERE c.relname = %s AND c.relkind = 'i'",
            [WORD_INDEX],
        )
    return count


def add_page_words(page):
    """Add the words of a just published page (from its index entry) that the table does not
    have yet: one query, bounded by the page's text. Counts are left to the next rebuild."""
    if not _supported() or not without_restricted(Page.objects.filter(pk=page.pk)).exists():
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {SearchWord._meta.db_table} (word, stem, documents) "  # noqa: S608
            f"SELECT u.lexeme, coalesce({STEM_SQL.format('u.lexeme')}, ''), 1 "
            f"FROM {IndexEntry._meta.db_table} AS e "
            f"{_entry_words_sql()} AND e.content_type_id = %s AND e.object_id = %s "
            "ON CONFLICT (word) DO NOTHING",
            [_config(), MAX_TEXT, TABLE_WORD, page.content_type_id, str(page.pk)],
        )


def _query_words(query_string):
    """The distinct lower-case words of a query that could be corrected, or [] when the
    query is not one a person typed (too long, a NUL byte, not text)."""
    if not isinstance(query_string, str) or len(query_string) > MAX_QUERY:
        return []
    if "\x00" in query_string:
        return []
    words = {word.lower() for word in QUERY_WORD.findall(query_string)}
    return sorted(word for word in words if len(word) <= MAX_WORD)[:MAX_QUERY_WORDS]


def _replacements(words):
    """{misspelt word: most similar known word}: one query for all words."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT q.word, best.word
            FROM unnest(%s::text[]) AS q(word)
            CROSS JOIN LATERAL (SELECT {STEM_SQL.format("q.word")} AS stem) AS q_stem
            CROSS JOIN LATERAL (
                SELECT w.word FROM {SearchWord._meta.db_table} AS w
                WHERE w.word %% q.word AND similarity(w.word, q.word) >= %s
                ORDER BY similarity(w.word, q.word) DESC, w.documents DESC, w.word
                LIMIT 1
            ) AS best
            WHERE NOT EXISTS (
                SELECT 1 FROM {SearchWord._meta.db_table} AS known
                WHERE known.word = q.word OR known.stem = q_stem.stem
            )
            """,  # noqa: S608 - table name from the model
            [words, _config(), THRESHOLD],
        )
        return dict(cursor.fetchall())


def suggest(query_string):
    """The query with its misspelt words replaced by the most similar words of the live public
    pages ("gemeentn" -> "gemeenten"), or None when nothing would change or on a database
    without trigrams."""
    if not _supported():
        return None
    words = _query_words(query_string)
    if not words:
        return None
    replacements = _replacements(words)
    if not replacements:
        return None

    def replace(match):
        return replacements.get(match.group().lower(), match.group())

    suggestion = QUERY_WORD.sub(replace, query_string)
    return suggestion if suggestion != query_string else None
