"""Wagtail's default moderation workflow speaks Dutch: the page editor offers "Stuur door naar
Goedkeuring redactie", renamed by a reversible data migration that leaves names an
administrator chose alone."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Task, Workflow

from news.models import NewsPage
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db

migration = import_module("dossier.migrations.0006_dutch_workflow_names")


def names():
    return (
        sorted(Workflow.objects.values_list("name", flat=True)),
        sorted(Task.objects.values_list("name", flat=True)),
    )


def test_the_demo_has_the_dutch_names():
    assert names() == (["Goedkeuring redactie"], ["Goedkeuring redactie"])


def test_the_page_editor_offers_goedkeuring_redactie(client, django_user_model):
    user = django_user_model.objects.create_user("redacteur", "r@example.org", "wachtwoord")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    page = NewsPage.objects.live().first()

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    buttons = find_all(response.content, "button", name="action-submit")
    assert texts(buttons) == ["Stuur door naar Goedkeuring redactie"]
    assert "Moderators approval" not in response.content.decode()


def test_migration_renames_both_ways():
    migration.to_english(apps, None)
    assert names() == (["Moderators approval"], ["Moderators approval"])

    migration.to_dutch(apps, None)
    assert names() == (["Goedkeuring redactie"], ["Goedkeuring redactie"])


def test_migration_keeps_names_an_administrator_chose():
    Workflow.objects.update(name="Eigen workflow")
    Task.objects.update(name="Eigen taak")
    other = Workflow.objects.create(name="Moderators approval (kopie)")
    task = GroupApprovalTask.objects.create(name="Nog een taak")

    migration.to_english(apps, None)
    migration.to_dutch(apps, None)

    assert sorted(Workflow.objects.values_list("name", flat=True)) == [
        "Eigen workflow",
        "Moderators approval (kopie)",
    ]
    assert sorted(Task.objects.values_list("name", flat=True)) == ["Eigen taak", task.name]
    assert other.name == "Moderators approval (kopie)"


def test_migration_is_reversible():
    (operation,) = migration.Migration.operations
    assert operation.reversible
    assert ("wagtailcore", "0048_add_default_workflows") in migration.Migration.dependencies
    assert ("dossier", "0005_contributions_app_and_page_themes") in (
        migration.Migration.dependencies
    )
