"""Wagtail's default moderation workflow and its task get Dutch names, so that the page editor
offers "Stuur door naar Goedkeuring redactie". Only the records that still carry Wagtail's
English default name are renamed (a name an administrator chose stays), in both directions."""

from django.db import migrations

ENGLISH = "Moderators approval"  # what wagtailcore's 0048_add_default_workflows named them
DUTCH = "Goedkeuring redactie"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_dutch(apps, schema_editor):
    rename(apps, ENGLISH, DUTCH)


def to_english(apps, schema_editor):
    rename(apps, DUTCH, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("dossier", "0005_contributions_app_and_page_themes"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_dutch, to_english)]
