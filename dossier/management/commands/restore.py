"""Replace the database and the media folders with a backup (see dossier/ops/backups.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from dossier.ops.backups import restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup`: the database (pg_restore --clean "
        "--if-exists --no-owner, in one transaction) and MEDIA_ROOT and PRIVATE_MEDIA_ROOT. "
        "What they held before is replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The .tar.gz written by `backup`.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, archive, database, interactive, **options):
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        if interactive:
            name = connections[database].settings_dict["NAME"]
            answer = input(
                f"This replaces the database {name!s} and the contents of "
                f"{settings.MEDIA_ROOT} and {settings.PRIVATE_MEDIA_ROOT} with {archive}.\n"
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        manifest = restore_backup(archive, alias=database)
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Restored {archive} (made {manifest['created']}). If it comes from an older "
                "version of the dossier, run `manage.py migrate` now."
            )
