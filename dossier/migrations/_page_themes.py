"""Moves a page type's themes from its own link table (``<type>_themes``, from the old
``ParentalManyToManyField`` on the abstract ``BasePage``) into the one ``PageTheme`` table,
and in its revisions (drafts, scheduled and moderated versions) from a ``themes`` list of ids
to ``page_themes`` child objects, as modelcluster stores a child relation.

Used by one migration in each section app; the migration loader skips this module (its name
starts with an underscore).
"""

from django.db import migrations


def _revisions(apps, model):
    """The revisions of the pages of ``model`` (a revision names its page by a text id)."""
    revision = apps.get_model("wagtailcore", "Revision")
    ids = [str(pk) for pk in model.objects.values_list("pk", flat=True)]
    return revision.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id__in=ids,
    )


def _rewrite_revisions(apps, model, convert):
    for revision in _revisions(apps, model).iterator():
        content = convert(dict(revision.content), int(revision.object_id))
        if content is not None:
            revision.content = content
            revision.save(update_fields=["content"])


def _to_page_themes(content, page_id):
    if "themes" not in content:
        return None
    themes = content.pop("themes") or []
    content["page_themes"] = [{"pk": None, "page": page_id, "theme": t} for t in themes]
    return content


def _to_theme_ids(content, page_id):
    if "page_themes" not in content:
        return None
    content["themes"] = [link["theme"] for link in content.pop("page_themes") or []]
    return content


def move_themes(app_label, model_name):
    """The operations that copy the themes of ``app_label.model_name`` into ``PageTheme``
    and then drop its link table (and back, when migrating backwards)."""

    def tables(apps):
        """The page model, its old link table and its page column, and ``PageTheme``."""
        model = apps.get_model(app_label, model_name)
        column = model.themes.field.m2m_field_name() + "_id"
        return model, model.themes.through, column, apps.get_model("dossier", "PageTheme")

    def forwards(apps, schema_editor):
        model, through, column, page_theme = tables(apps)
        existing = set(page_theme.objects.values_list("page_id", "theme_id"))
        rows = through.objects.values_list(column, "theme_id")
        page_theme.objects.bulk_create(
            page_theme(page_id=page_id, theme_id=theme_id)
            for page_id, theme_id in rows
            if (page_id, theme_id) not in existing
        )
        _rewrite_revisions(apps, model, _to_page_themes)

    def backwards(apps, schema_editor):
        model, through, column, page_theme = tables(apps)
        pages = model.objects.values("pk")
        through.objects.bulk_create(
            through(**{column: page_id, "theme_id": theme_id})
            for page_id, theme_id in page_theme.objects.filter(page_id__in=pages).values_list(
                "page_id", "theme_id"
            )
        )
        _rewrite_revisions(apps, model, _to_theme_ids)

    return [
        migrations.RunPython(forwards, backwards, elidable=False),
        migrations.RemoveField(model_name=model_name.lower(), name="themes"),
    ]
