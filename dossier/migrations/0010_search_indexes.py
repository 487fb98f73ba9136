"""Search that holds at scale, and the words for "Bedoelde u …?" (PostgreSQL only).

1. The GIN index on ``title || body`` of Wagtail's search index entries: the backend filters on
   that concatenation, but Wagtail 7.4 (django-modelsearch) indexes the two columns only
   separately, so every search read every entry. Made CONCURRENTLY (no lock on the index
   entries while it builds), hence ``atomic = False``.
2. PostgreSQL's ``pg_trgm`` extension (a trusted extension: the owner of the database may
   create it, no superuser needed), and the ``SearchWord`` table with a trigram GIN index on
   its words, for ``dossier.models.words.suggest``.

On another database (SQLite) only the table is made; the rest is PostgreSQL's.
"""

from django.db import migrations, models

CONCAT_INDEX = "dossier_indexentry_title_body_gin"
WORD_INDEX = "dossier_searchword_word_trgm"


def _postgresql(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


def _entries_table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def enable_trigram(apps, schema_editor):
    if _postgresql(schema_editor):
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


def keep_trigram(apps, schema_editor):
    """Going back leaves pg_trgm in place: Wagtail's ``enable_trigram`` indexes may use it."""


def add_concat_index(apps, schema_editor):
    if _postgresql(schema_editor):
        table = schema_editor.quote_name(_entries_table(apps))
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {CONCAT_INDEX} "
            f"ON {table} USING gin ((title || body))"
        )


def drop_concat_index(apps, schema_editor):
    if _postgresql(schema_editor):
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {CONCAT_INDEX}")


def add_word_index(apps, schema_editor):
    if _postgresql(schema_editor):
        table = schema_editor.quote_name(apps.get_model("dossier", "SearchWord")._meta.db_table)
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {WORD_INDEX} ON {table} USING gin (word gin_trgm_ops)"
        )


def drop_word_index(apps, schema_editor):
    if _postgresql(schema_editor):
        schema_editor.execute(f"DROP INDEX IF EXISTS {WORD_INDEX}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("dossier", "0009_change_notes"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(add_concat_index, drop_concat_index),
        migrations.RunPython(enable_trigram, keep_trigram),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("word", models.CharField(max_length=40, unique=True)),
                ("stem", models.CharField(blank=True, db_index=True, max_length=40)),
                ("documents", models.PositiveIntegerField(default=0)),
            ],
            options={
                "verbose_name": "zoekwoord",
                "verbose_name_plural": "zoekwoorden",
            },
        ),
        migrations.RunPython(add_word_index, drop_word_index),
    ]
