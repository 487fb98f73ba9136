"""Back up the database and the media folders into one archive (see dossier/ops/backups.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from dossier.ops.backups import create_backup


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump -Fc, or a SQLite copy), MEDIA_ROOT and PRIVATE_MEDIA_ROOT "
        "into one timestamped .tar.gz in BACKUP_DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=None,
            help=f"Folder for the archive (default: BACKUP_DIR, {settings.BACKUP_DIR}).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, output_dir, database, **options):
        archive = create_backup(output_dir or Path(settings.BACKUP_DIR), alias=database)
        if options["verbosity"] >= 1:
            size = archive.stat().st_size / 1024 / 1024
            self.stdout.write(f"Backup written: {archive} ({size:.1f} MB)")
