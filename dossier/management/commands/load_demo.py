"""Load or refresh the demo dossier, idempotently, from the files in ``dossier/demo/content/``.

Running it again changes nothing that is already as the demo describes it: pages are only
given a new revision when their content differs, snippets are matched by name or slug.
"""

from django.core.management.base import BaseCommand, CommandError

from dossier.demo.loader import DemoContentError, DemoLoader
from dossier.models import finder_rows, words


class Command(BaseCommand):
    help = "Load or refresh the demo dossier: themes, people, organisations and pages."

    def handle(self, *args, **options):
        try:
            counts = DemoLoader(self.stdout, options["verbosity"]).load()
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        # The loader publishes page by page, which keeps the finder's rows; a full pass makes
        # sure that rows of pages from before the finder existed are there too.
        finder_rows.rebuild()
        # The words for "Bedoelde u …?", from the search index the loader just filled.
        words.rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo dossier ready: {created} created, {updated} updated, "
                "{unchanged} unchanged.".format(**counts)
            )
        )
