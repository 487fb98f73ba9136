"""Delete contributions (and their attachments) older than the retention period, unless they
became a page. Run daily, as the compose scheduler does."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from contributions.models import Contribution


class Command(BaseCommand):
    help = "Delete contributions older than CONTRIBUTION_RETENTION_DAYS that did not become a page."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CONTRIBUTION_RETENTION_DAYS,
            help="Keep contributions younger than this many days (default: %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - timedelta(days=days)
        expired = Contribution.objects.filter(created_at__lt=cutoff, page__isnull=True)
        count = expired.count()
        if dry_run:
            self.stdout.write(f"{count} contributions older than {days} days would be deleted.")
            return
        deleted = 0
        # One by one, so that each row's post_delete handler removes its private file.
        for contribution in expired.iterator():
            contribution.delete()
            deleted += 1
        self.stdout.write(f"Deleted {deleted} contributions older than {days} days.")
