"""Send the daily and weekly digests that are due, and any direct alert waiting for a retry.

Compose's scheduler runs this every minute; a period that is not yet due costs a few
queries.
"""

from django.core.management.base import BaseCommand

from alerts.digests import run_due
from alerts.models import Delivery
from alerts.sending import SendingStopped, send_due


class Command(BaseCommand):
    help = "Send due daily/weekly alert digests and direct alerts waiting for a retry."

    def handle(self, *args, **options):
        try:
            for run, (sent, failed, skipped) in run_due():
                self.stdout.write(
                    f"{run}: {sent} verstuurd, {failed} mislukt, {skipped} niets te melden"
                )
            sent, failed, skipped = send_due(Delivery.objects.filter(run__isnull=True))
            if sent or failed:
                self.stdout.write(f"direct: {sent} verstuurd, {failed} mislukt")
        except SendingStopped:
            self.stderr.write(
                "De mailserver is onbereikbaar; de volgende ronde probeert het opnieuw."
            )
