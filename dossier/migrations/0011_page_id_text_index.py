"""An index on the text form of a page's id (PostgreSQL only).

Wagtail's search index entries name their object by ``object_id``, a text column, so every
join from a matching entry to its page (Wagtail's own search and the finder) compares
``object_id`` with ``page.id::varchar(50)``. Without an index on that expression, PostgreSQL
reads every page to answer a word found in three pages; with it, it looks the three up.
"""

from django.db import migrations

INDEX = "dossier_page_id_text"


def _postgresql(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


def add_index(apps, schema_editor):
    if _postgresql(schema_editor):
        table = schema_editor.quote_name(apps.get_model("wagtailcore", "Page")._meta.db_table)
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON {table} "
            "(((id)::varchar(50)))"
        )


def drop_index(apps, schema_editor):
    if _postgresql(schema_editor):
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("dossier", "0010_search_indexes"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_index, drop_index)]
