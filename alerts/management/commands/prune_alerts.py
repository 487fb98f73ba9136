"""Delete what the alerts may no longer keep (alerts.privacy.prune). Run daily, as the compose
scheduler does."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from alerts.privacy import prune

LABELS = {
    "subscriptions": "ended subscriptions",
    "subscribers": "addresses without a subscription",
    "deliveries": "sent-mail records",
    "digest_runs": "digest runs",
    "events": "events",
    "topics": "selections nobody follows",
}


class Command(BaseCommand):
    help = (
        "Delete subscriptions ended more than ALERTS_RETENTION_DAYS ago, addresses left without "
        "any (blocked addresses are kept), old sent-mail records, digest runs and events."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, dry_run, **options):
        with transaction.atomic():
            counts = prune()
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} (retention {settings.ALERTS_RETENTION_DAYS} days, "
            f"logs {settings.ALERTS_LOG_DAYS} days):"
        )
        for key, label in LABELS.items():
            self.stdout.write(f"  {counts[key]} {label}")
