"""Contribution mails still queued (or waiting to be retried) when the contributions app moved
out of the dossier app name the old task path: point them at the task's new module, so the
worker sends them instead of failing to import it."""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat, Substr

OLD = "dossier.contributions.tasks."
NEW = "contributions.tasks."


def _rename(apps, old, new):
    task_result = apps.get_model("django_tasks_database", "DBTaskResult")
    task_result.objects.filter(task_path__startswith=old).update(
        task_path=Concat(Value(new), Substr("task_path", len(old) + 1))
    )


def forwards(apps, schema_editor):
    _rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
