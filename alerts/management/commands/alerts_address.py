"""Everything the alerts store about one e-mail address, on the reader's request:
``alerts_address export <email>`` prints it as JSON, ``alerts_address erase <email>`` deletes
it (the subscriber, its subscriptions, the records of its mails, its queued confirmation
mails)."""

import json

from django.core.management.base import BaseCommand, CommandError

from alerts.privacy import erase, export


class Command(BaseCommand):
    help = "Export (as JSON) or erase everything the alerts store about an e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")

    def handle(self, *args, action, email, **options):
        if action == "export":
            data = export(email)
            if data is None:
                raise CommandError(f"Nothing is stored about {email}.")
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        removed = erase(email)
        if removed is None:
            raise CommandError(f"Nothing is stored about {email}.")
        self.stdout.write(
            f"Erased {email}: {removed['subscribers']} subscriber, "
            f"{removed['subscriptions']} subscriptions, {removed['deliveries']} sent-mail "
            f"records, {removed['confirmation_requests']} confirmation requests."
        )
