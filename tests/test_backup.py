"""``make backup`` and ``make restore`` (manage.py backup / restore): an archive of the test
database and both media folders, restored by a second process into a fresh database and fresh
folders, holds the same pages, documents, images, contributions and files.

Runs on the test database's engine: pg_dump and pg_restore on PostgreSQL (as in CI), SQLite's
backup API on SQLite.
"""

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from contributions.models import Contribution
from tests.conftest import PROJECT_DIR, _database_url

MODELS = {
    "pages": Page,
    "documents": get_document_model(),
    "images": get_image_model(),
    "contributions": Contribution,
}
CACHE_STATE = Path(settings.PAGE_CACHE_TAG_DIR).name


def files_in(root) -> dict[str, str]:
    """Every file under ``root`` by relative path, with a digest of its content."""
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and CACHE_STATE not in path.relative_to(root).parts
    }


@pytest.fixture(scope="module")
def committed_contribution(django_db_setup, django_db_blocker):
    """A contribution with a private attachment, committed so that pg_dump sees it; removed
    (file and all) afterwards, so the rest of the session sees the demo content unchanged.

    Module-scoped, so that it is set up before the test's own transaction begins."""
    with django_db_blocker.unblock():
        contribution = Contribution(
            name="Fatima de Boer",
            email="f.deboer@example.org",
            kind=Contribution.Kind.PROJECT,
            title="Slimme lantaarnpalen in Zwolle-Zuid",
            text="Een proef met lantaarnpalen die dimmen als er niemand is.",
            consent_at=timezone.now(),
        )
        contribution.attachment.save("plan.pdf", ContentFile(b"%PDF-1.4 proefplan"), save=False)
        contribution.save()
        # An image in the library too (the demo has none), so that its row and file go along.
        buffer = io.BytesIO()
        PILImage.new("RGB", (64, 48), "#0b4f6c").save(buffer, "PNG")
        image = get_image_model().objects.create(
            title="Lantaarnpaal", file=ImageFile(io.BytesIO(buffer.getvalue()), name="paal.png")
        )
        try:
            yield contribution
        finally:
            contribution.delete()
            image.file.delete(save=False)
            image.delete()


def counts_in_restored(engine: str, database_url: str, sqlite_path: Path | None) -> dict:
    """Row counts in the restored database, read without Django."""
    # The table names come from the models, not from input.
    queries = {
        name: f"SELECT count(*) FROM {model._meta.db_table}"  # noqa: S608
        for name, model in MODELS.items()
    }
    title_query = f"SELECT title FROM {Contribution._meta.db_table}"  # noqa: S608
    if engine == "postgresql":
        with psycopg.connect(database_url) as conn:
            counts = {name: conn.execute(sql).fetchone()[0] for name, sql in queries.items()}
            titles = [row[0] for row in conn.execute(title_query)]
    else:
        conn = sqlite3.connect(sqlite_path)
        try:
            counts = {name: conn.execute(sql).fetchone()[0] for name, sql in queries.items()}
            titles = [row[0] for row in conn.execute(title_query)]
        finally:
            conn.close()
    return {**counts, "contribution titles": sorted(titles)}


@pytest.fixture
def fresh_database(tmp_path, django_db_setup, django_db_blocker):
    """An empty database of the test database's engine: (engine, URL, SQLite path or None)."""
    with django_db_blocker.unblock():
        params = dict(connection.settings_dict)
    if params["ENGINE"].endswith("sqlite3"):
        path = tmp_path / "restored.sqlite3"
        yield "sqlite", f"sqlite:///{path}", path
        return
    name = f"{params['NAME']}_restored"
    admin_url = _database_url(params)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield "postgresql", _database_url({**params, "NAME": name}), None
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db
def test_backup_restores_into_a_fresh_database(tmp_path, committed_contribution, fresh_database):
    engine, restored_url, sqlite_path = fresh_database
    # The test's transaction sees the committed content, as pg_dump does: it writes nothing.
    expected = {name: model.objects.count() for name, model in MODELS.items()}
    expected["contribution titles"] = sorted(Contribution.objects.values_list("title", flat=True))
    media, private = files_in(settings.MEDIA_ROOT), files_in(settings.PRIVATE_MEDIA_ROOT)
    call_command("backup", output_dir=tmp_path / "backups", verbosity=0)
    assert expected["pages"] > 10 and expected["images"] > 0 and expected["documents"] > 0
    assert expected["contributions"] >= 1
    assert media and committed_contribution.attachment.name in private

    [archive] = (tmp_path / "backups").glob("kennisdossier-*.tar.gz")
    # Contributors' personal data: readable by the owner only.
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.load(tar.extractfile("backup.json"))
    assert manifest["engine"] == engine
    assert manifest["database"] in names
    assert f"private-media/{committed_contribution.attachment.name}" in names

    # Restore as `make restore` does, in a second process configured for the fresh database
    # and fresh media folders; what was in those folders before goes.
    restored_media, restored_private = tmp_path / "media", tmp_path / "private-media"
    restored_private.mkdir()
    (restored_private / "left-over.txt").write_text("not in the backup")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dossier.settings.test",
        "DATABASE_URL": restored_url,
        "TEST_MEDIA_ROOT": str(restored_media),
        "TEST_PRIVATE_MEDIA_ROOT": str(restored_private),
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", "--noinput", str(archive)],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Restored" in result.stdout

    assert counts_in_restored(engine, restored_url, sqlite_path) == expected
    assert files_in(restored_media) == media
    assert files_in(restored_private) == private
    assert not (restored_private / "left-over.txt").exists()


def write_archive(path: Path, manifest: dict | None, extra: dict[str, bytes] | None = None):
    with tarfile.open(path, "w:gz") as tar:
        members = dict(extra or {})
        if manifest is not None:
            members = {"backup.json": json.dumps(manifest).encode(), **members}
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def configured_engine() -> str:
    return "sqlite" if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") else "postgresql"


def test_restore_refuses_what_is_not_a_dossier_backup(tmp_path):
    # No django_db mark: each is refused before the database is touched.
    not_an_archive = tmp_path / "notes.tar.gz"
    not_an_archive.write_text("no archive")
    no_manifest = write_archive(tmp_path / "other.tar.gz", None, {"readme.txt": b"hello"})
    other_engine = write_archive(
        tmp_path / "other-engine.tar.gz",
        {
            "format": 1,
            "engine": "postgresql" if configured_engine() == "sqlite" else "sqlite",
            "database": "database.dump",
            "folders": [],
        },
    )
    no_database = write_archive(
        tmp_path / "no-database.tar.gz",
        {"format": 1, "engine": configured_engine(), "database": "db", "folders": []},
    )
    escaping = write_archive(
        tmp_path / "escaping.tar.gz",
        {"format": 1, "engine": configured_engine(), "database": "db", "folders": ["media"]},
        {"../../outside.txt": b"no"},
    )
    for archive, reason in (
        (tmp_path / "missing.tar.gz", "No such archive"),
        (not_an_archive, "Cannot unpack"),
        (no_manifest, "Not a dossier backup"),
        (other_engine, "The backup is of a"),
        (no_database, "holds no database"),
        (escaping, "Cannot unpack"),
    ):
        with pytest.raises(CommandError, match=reason):
            call_command("restore", str(archive), interactive=False, verbosity=0)
    assert not (tmp_path.parent / "outside.txt").exists()
