"""Retention: prune_contributions deletes old submissions and their private files, keeps the
young ones and those that became a page."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from contributions.models import Contribution


def contribution(days_old, *, with_file=False, page=None):
    item = Contribution.objects.create(
        name="Inzender",
        email="inzender@example.nl",
        kind=Contribution.Kind.NEWS,
        title=f"Bijdrage van {days_old} dagen",
        text="Tekst.",
        consent_at=timezone.now(),
        created_at=timezone.now() - timedelta(days=days_old),
        page=page,
    )
    if with_file:
        item.attachment.save("notitie.txt", ContentFile(b"Een notitie."), save=True)
    return item


@pytest.mark.django_db
def test_old_contributions_and_their_files_are_deleted():
    old = contribution(400, with_file=True)
    old_file = Path(old.attachment.path)
    young = contribution(30, with_file=True)
    assert old_file.exists()

    out = StringIO()
    call_command("prune_contributions", stdout=out)

    assert not Contribution.objects.filter(pk=old.pk).exists()
    assert not old_file.exists()
    assert Contribution.objects.filter(pk=young.pk).exists()
    assert Path(young.attachment.path).exists()
    assert "Deleted 1 contributions older than 365 days" in out.getvalue()


@pytest.mark.django_db
def test_a_contribution_that_became_a_page_is_kept():
    kept = contribution(800, page=Page.objects.get(slug="nieuws"))
    call_command("prune_contributions", stdout=StringIO())
    assert Contribution.objects.filter(pk=kept.pk).exists()


@pytest.mark.django_db
def test_days_option_and_dry_run():
    item = contribution(40)
    out = StringIO()
    call_command("prune_contributions", "--days", "30", "--dry-run", stdout=out)
    assert "1 contributions older than 30 days would be deleted" in out.getvalue()
    assert Contribution.objects.filter(pk=item.pk).exists()

    call_command("prune_contributions", "--days", "30", stdout=StringIO())
    assert not Contribution.objects.filter(pk=item.pk).exists()


@pytest.mark.django_db
def test_days_must_be_positive():
    with pytest.raises(CommandError):
        call_command("prune_contributions", "--days", "0")
