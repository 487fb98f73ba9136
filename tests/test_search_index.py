"""The search index that holds at scale: migration 0010 gives Wagtail's index entries a GIN
index on ``title || body`` (the expression the PostgreSQL backend filters on) and enables
pg_trgm for "Bedoelde u …?"; the planner uses the index for Wagtail's own search query. On
SQLite the migration makes only the words table, and suggestions are off."""

import importlib
import os
import re
import subprocess
import sys

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from tests import pages
from tests.conftest import PROJECT_DIR

pytestmark = pytest.mark.django_db

CONCAT_INDEX = "dossier_indexentry_title_body_gin"
WORD_INDEX = "dossier_searchword_word_trgm"


def index_definition(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        row = cursor.fetchone()
    return row[0] if row else None


def test_the_concatenation_index_exists_after_migrate():
    definition = index_definition(CONCAT_INDEX)
    assert definition is not None, "migration 0010 made no index on title || body"
    assert f"ON public.{IndexEntry._meta.db_table} USING gin" in definition
    assert "(title || body)" in definition


def test_trigrams_are_enabled_with_an_index_on_the_words():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == (1,)
    assert "gin_trgm_ops" in index_definition(WORD_INDEX)


def plan(sql):
    """EXPLAIN of ``sql`` with fresh statistics and sequential scans off, so that the small
    test database does not hide the index the planner would choose on a large one."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"ANALYZE wagtailcore_page, {IndexEntry._meta.db_table}")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(f"EXPLAIN {sql}")
        lines = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = on")
    return lines


# Wagtail's filter, as its PostgreSQL backend writes it.
WAGTAIL_FILTER = re.compile(
    r'\("wagtailsearch_indexentry"\."title" \|\| "wagtailsearch_indexentry"\."body"\) @@ '
    r"\(to_tsquery\('dutch'::regconfig, '[^']*(?:''[^']*)*'\)\)"
)


def wagtails_search_queries(words):
    """The SQL of Wagtail's search for ``words``: a page of results and their count."""
    with CaptureQueriesContext(connection) as queries:
        results = Page.objects.live().search(words)
        titles = [page.title for page in results[:10]]
        count = results.count()
    return titles, count, [q["sql"] for q in queries.captured_queries if " @@ " in q["sql"]]


def test_wagtails_search_filter_uses_the_index():
    pages.news("Waterschappen en de bodemdaling")
    titles, count, searches = wagtails_search_queries("bodemdaling")
    assert (titles, count) == (["Waterschappen en de bodemdaling"], 1)
    assert len(searches) == 2, "the results and their count"
    for sql in searches:
        condition = WAGTAIL_FILTER.search(sql)
        assert condition, f"Wagtail's filter changed: {sql}"
        entries = IndexEntry._meta.db_table
        filtered = f"SELECT id FROM {entries} WHERE {condition.group()}"  # noqa: S608
        assert f"Bitmap Index Scan on {CONCAT_INDEX}" in plan(filtered)


def test_wagtails_whole_search_query_can_use_the_index():
    """The whole query (join to the pages, ranking): with the content type indexes out of the
    way, which a tiny test database prefers, the planner reaches the entries through ours."""
    pages.news("Waterschappen en de bodemdaling")
    _titles, _count, searches = wagtails_search_queries("bodemdaling")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks: ALTER may run
        cursor.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'u'",
            [IndexEntry._meta.db_table],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"ALTER TABLE {IndexEntry._meta.db_table} DROP CONSTRAINT {name}")
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            [IndexEntry._meta.db_table, "%btree (content_type_id)%"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP INDEX {name}")
        for sql in searches:
            assert f"Bitmap Index Scan on {CONCAT_INDEX}" in plan(sql)
        transaction.set_rollback(True)


def test_the_plain_filter_uses_the_index():
    sql = (
        f"SELECT id FROM {IndexEntry._meta.db_table} "  # noqa: S608 - the model's table
        "WHERE (title || body) @@ plainto_tsquery('dutch', 'gemeente')"
    )
    assert f"Bitmap Index Scan on {CONCAT_INDEX}" in plan(sql)
    # Without the concatenation index, the separate GIN indexes on title and body are no use.
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX {CONCAT_INDEX}")
        assert CONCAT_INDEX not in plan(sql)
        assert "Seq Scan" in plan(sql)
        transaction.set_rollback(True)
    assert index_definition(CONCAT_INDEX) is not None


def previous_migration():
    """The dossier migration that ours (``*_search_indexes``) follows, whatever the numbers."""
    (path,) = (PROJECT_DIR / "dossier" / "migrations").glob("*_search_indexes.py")
    migration = importlib.import_module(f"dossier.migrations.{path.stem}").Migration
    (name,) = [name for app, name in migration.dependencies if app == "dossier"]
    return name


def test_on_sqlite_the_migration_makes_only_the_table_and_suggests_nothing(tmp_path):
    """A fresh SQLite database migrates (the PostgreSQL parts are skipped) and back to the
    migration before ours;
    the words stay empty and suggest() answers None."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dossier.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'words.sqlite3'}",
    }

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    manage("migrate", "dossier", "--noinput", "--verbosity", "0")
    script = (
        "from dossier.models.words import SearchWord, rebuild, suggest; "
        "print(rebuild(), suggest('gemeentn'), SearchWord.objects.count())"
    )
    assert manage("shell", "--no-imports", "-c", script).split() == ["0", "None", "0"]
    manage("migrate", "dossier", previous_migration(), "--noinput", "--verbosity", "0")
    manage("migrate", "dossier", "--noinput", "--verbosity", "0")
