"""Give the default Wagtail site the address of PUBLIC_BASE_URL (see dossier/site_address.py).

Safe to repeat: it saves only when the host name or port differ. ``make serve`` and the
compose web service run it on start, after the migrations.
"""

from django.core.management.base import BaseCommand, CommandError

from dossier.site_address import AddressTaken, align_default_site


class Command(BaseCommand):
    help = "Give the default Wagtail site the host name and port of PUBLIC_BASE_URL."

    def handle(self, *args, **options):
        try:
            site, changed = align_default_site()
        except AddressTaken as error:
            raise CommandError(str(error)) from error
        if site is None:
            self.stdout.write("No Wagtail site yet: nothing to align.")
        elif changed:
            self.stdout.write(self.style.SUCCESS(f"The default site is now {site.root_url}."))
        else:
            self.stdout.write(f"The default site is already {site.root_url}.")
