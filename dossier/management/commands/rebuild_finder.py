"""Fill the finder's table from the pages: after a bulk import, or when in doubt."""

import time

from django.core.management.base import BaseCommand

from dossier.models import finder_rows


class Command(BaseCommand):
    help = "Vult de tabel van de zoekpagina (/zoeken/) opnieuw vanuit de pagina's."

    def handle(self, *args, **options):
        started = time.monotonic()
        count = finder_rows.rebuild()
        if options["verbosity"]:
            self.stdout.write(f"{count} pagina's in {time.monotonic() - started:.1f} s")
