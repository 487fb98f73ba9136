"""Fill the words for "Bedoelde u …?" from the search index: after ``update_index``, after a
bulk import, and periodically (words of unpublished pages leave only here)."""

import time

from django.core.management.base import BaseCommand

from dossier.models import words


class Command(BaseCommand):
    help = (
        "Vult de woordenlijst voor 'Bedoelde u …?' opnieuw vanuit de zoekindex (alleen PostgreSQL)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        count = words.rebuild()
        if options["verbosity"]:
            self.stdout.write(f"{count} woorden in {time.monotonic() - started:.1f} s")
