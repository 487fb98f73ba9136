"""Backups of everything the dossier cannot rebuild: the database and the two media folders.

One archive (``.tar.gz``) holds a manifest, the database (``pg_dump --format=custom`` for
PostgreSQL, a copy made with SQLite's backup API for SQLite) and the contents of MEDIA_ROOT
(images, documents) and PRIVATE_MEDIA_ROOT (contribution attachments). The archive contains
personal data, so it is readable by its owner only.

Used by ``manage.py backup`` and ``manage.py restore`` (and so by ``make backup`` and
``make restore``). The PostgreSQL tools get the connection from the environment (PGHOST,
PGPASSWORD, ...), never a password on the command line.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone

from .cache_tags import TAG_DIR_NAME as CACHE_STATE_NAME
from .page_cache import invalidate

FORMAT_VERSION = 1
MANIFEST_NAME = "backup.json"
DATABASE_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
FILESYSTEM_STORAGE = "django.core.files.storage.FileSystemStorage"
ENGINES = {
    "django.db.backends.postgresql": "postgresql",
    "django.db.backends.sqlite3": "sqlite",
}


def media_folders() -> dict[str, Path]:
    """The folders to back up, by their name in the archive. Media on object storage (S3)
    are not among them: back up the bucket with the storage provider's tools."""
    folders = {"private-media": Path(settings.PRIVATE_MEDIA_ROOT)}
    if settings.STORAGES["default"]["BACKEND"] == FILESYSTEM_STORAGE:
        folders["media"] = Path(settings.MEDIA_ROOT)
    return folders


def engine_of(alias: str) -> str:
    engine = connections[alias].settings_dict["ENGINE"]
    try:
        return ENGINES[engine]
    except KeyError:
        raise CommandError(f"Backups support PostgreSQL and SQLite, not {engine}.") from None


def _pg_environment(alias: str) -> dict[str, str]:
    """libpq's environment variables for the database ``alias``: the password stays out of
    the process list."""
    params = connections[alias].settings_dict
    options = params.get("OPTIONS") or {}
    env = {**os.environ}
    for variable, value in {
        "PGHOST": params.get("HOST"),
        "PGPORT": params.get("PORT"),
        "PGUSER": params.get("USER"),
        "PGPASSWORD": params.get("PASSWORD"),
        "PGDATABASE": params.get("NAME"),
        "PGSSLMODE": options.get("sslmode"),
        "PGCONNECT_TIMEOUT": options.get("connect_timeout"),
    }.items():
        if value not in (None, ""):
            env[variable] = str(value)
    return env


def _pg_tool(name: str, alias: str) -> str:
    """The PostgreSQL client tool of the server's major version when Debian's layout has it
    (pg_dump refuses a newer server), else the one on PATH."""
    connection = connections[alias]
    connection.ensure_connection()
    major = connection.pg_version // 10000
    versioned = Path(f"/usr/lib/postgresql/{major}/bin/{name}")
    if versioned.exists():
        return str(versioned)
    found = shutil.which(name)
    if found is None:
        raise CommandError(
            f"{name} is not installed: install the PostgreSQL {major} client tools "
            "(apt-get install postgresql-client)."
        )
    return found


def _run(command: list[str], env: dict[str, str]) -> None:
    # An argument list, no shell: the PostgreSQL tools found above and the database settings.
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise CommandError(
            f"{Path(command[0]).name} failed ({result.returncode}): {result.stderr.strip()}"
        )


def dump_database(alias: str, target: Path) -> None:
    engine = engine_of(alias)
    if engine == "postgresql":
        _run(
            [_pg_tool("pg_dump", alias), "--format=custom", "--no-password", f"--file={target}"],
            env=_pg_environment(alias),
        )
    else:
        source = sqlite3.connect(connections[alias].settings_dict["NAME"])
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()


def load_database(alias: str, source: Path) -> None:
    """Replace the database's content with the dump at ``source``, all or nothing."""
    engine = engine_of(alias)
    if engine == "postgresql":
        tool = _pg_tool("pg_restore", alias)
        # Our own connection would otherwise hold locks against the restore.
        connections[alias].close()
        _run(
            [
                tool,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                "--no-password",
                f"--dbname={connections[alias].settings_dict['NAME']}",
                str(source),
            ],
            env=_pg_environment(alias),
        )
    else:
        connections[alias].close()
        dump = sqlite3.connect(source)
        target = sqlite3.connect(connections[alias].settings_dict["NAME"])
        try:
            with target:
                dump.backup(target)
        finally:
            target.close()
            dump.close()


def _without_cache_state(member):
    """Leave out the page cache's tag versions (dossier/ops/cache_tags.py): state of the
    running servers, not content; a restore makes every cached page stale anyway."""
    return None if CACHE_STATE_NAME in Path(member.name).parts else member


def _archive_name(directory: Path) -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    path = directory / f"kennisdossier-{stamp}.tar.gz"
    counter = 1
    while path.exists():
        counter += 1
        path = directory / f"kennisdossier-{stamp}-{counter}.tar.gz"
    return path


def create_backup(directory: Path, alias: str = "default") -> Path:
    """Write one archive into ``directory`` and return its path."""
    engine = engine_of(alias)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    archive = _archive_name(directory)
    partial = archive.with_name(archive.name + ".partial")
    folders = {name: path for name, path in media_folders().items() if path.is_dir()}
    manifest = {
        "format": FORMAT_VERSION,
        "created": timezone.now().isoformat(),
        "engine": engine,
        "database": DATABASE_NAMES[engine],
        "folders": sorted(folders),
    }
    with tempfile.TemporaryDirectory(prefix="dossier-backup-") as work:
        dump = Path(work) / DATABASE_NAMES[engine]
        dump_database(alias, dump)
        # Owner-only from the first byte: the archive holds contributors' personal data.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with (
                os.fdopen(descriptor, "wb") as file,
                tarfile.open(fileobj=file, mode="w:gz") as tar,
            ):
                data = json.dumps(manifest, indent=2).encode()
                info = tarfile.TarInfo(MANIFEST_NAME)
                info.size = len(data)
                info.mtime = int(timezone.now().timestamp())
                info.mode = 0o600
                tar.addfile(info, io.BytesIO(data))
                tar.add(dump, arcname=manifest["database"])
                for name, path in folders.items():
                    tar.add(path, arcname=name, filter=_without_cache_state)
            partial.rename(archive)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return archive


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile(MANIFEST_NAME))
    except (KeyError, AttributeError, ValueError):
        raise CommandError(
            f"Not a dossier backup: {MANIFEST_NAME} is missing or damaged."
        ) from None
    if manifest.get("format") != FORMAT_VERSION:
        raise CommandError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def _replace_folder_contents(target: Path, source: Path | None) -> None:
    """Make ``target`` hold what ``source`` holds. The folder itself stays (it may be a
    mounted volume); what was in it and is not in the backup goes."""
    target.mkdir(parents=True, exist_ok=True)
    for child in target.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if source is not None and source.is_dir():
        for child in source.iterdir():
            shutil.move(str(child), target / child.name)


def _extract_safely(tar: tarfile.TarFile, folder: str) -> None:
    """Unpack regular files and folders only: no absolute paths, no "..", no links, no
    devices. Python's ``filter="data"`` does this from 3.11.4 on; Debian 12's Python 3.11.2
    lacks it, so the same rules are checked here first."""
    for member in tar.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise tarfile.TarError(f"refusing {member.name!r}: not a plain file or folder")
    if hasattr(tarfile, "data_filter"):
        tar.extractall(folder, filter="data")
    else:  # pragma: no cover - only on Python before 3.11.4
        tar.extractall(folder)  # noqa: S202 - every member was checked above


def _unpack(archive: Path, folder: str, engine: str) -> dict:
    """Check that ``archive`` is a backup for ``engine`` and unpack it into ``folder``."""
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            manifest = read_manifest(tar)
            if manifest.get("engine") != engine:
                raise CommandError(
                    f"The backup is of a {manifest.get('engine')} database; "
                    f"the configured database is {engine}."
                )
            _extract_safely(tar, folder)
    except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
        raise CommandError(f"Cannot unpack {archive}: {error}") from None
    if not (Path(folder) / DATABASE_NAMES[engine]).is_file():
        raise CommandError(f"{archive} holds no {DATABASE_NAMES[engine]}.")
    return manifest


def restore_backup(archive: Path, alias: str = "default") -> dict:
    """Replace the database and the media folders with the archive's; return its manifest.
    Nothing is changed unless the archive unpacks completely."""
    engine = engine_of(alias)
    with tempfile.TemporaryDirectory(prefix="dossier-restore-") as work:
        manifest = _unpack(archive, work, engine)
        load_database(alias, Path(work) / DATABASE_NAMES[engine])
        folders = set(manifest.get("folders") or ())
        for name, target in media_folders().items():
            _replace_folder_contents(target, Path(work) / name if name in folders else None)
    # Every server must stop serving pages cached from the old content.
    invalidate()
    return manifest
