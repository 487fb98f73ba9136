"""Moves a page type's themes from its own link table (``<type>_themes``, from the old
``ParentalManyToManyField`` on the abstract ``BasePage``) into the one ``PageTheme`` table.

Used by one migration in each section app; the migration loader skips this module (its name
starts with an underscore).
"""

from django.db import migrations


def move_themes(app_label, model_name):
    """The operations that copy the themes of ``app_label.model_name`` into ``PageTheme``
    and then drop its link table (and back, when migrating backwards)."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        through = model.themes.through
        column = model.themes.field.m2m_field_name() + "_id"
        page_theme = apps.get_model("dossier", "PageTheme")
        existing = set(page_theme.objects.values_list("page_id", "theme_id"))
        rows = through.objects.values_list(column, "theme_id")
        page_theme.objects.bulk_create(
            page_theme(page_id=page_id, theme_id=theme_id)
            for page_id, theme_id in rows
            if (page_id, theme_id) not in existing
        )

    def backwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        through = model.themes.through
        column = model.themes.field.m2m_field_name() + "_id"
        page_theme = apps.get_model("dossier", "PageTheme")
        pages = model.objects.values("pk")
        through.objects.bulk_create(
            through(**{column: page_id, "theme_id": theme_id})
            for page_id, theme_id in page_theme.objects.filter(page_id__in=pages).values_list(
                "page_id", "theme_id"
            )
        )

    return [
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name=model_name.lower(), name="themes"),
    ]
