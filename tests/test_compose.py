"""No Docker engine runs on the development machines, so the compose file is checked by
reading it: services, images, commands, health checks, dependencies, volumes, environment."""

import posixpath
import re
import shlex
from pathlib import Path
from string import Template

import pytest
import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((PROJECT_DIR / "docker-compose.yml").read_text())


def test_services(compose):
    assert set(compose["services"]) == {
        "cache",
        "web",
        "worker",
        "renderer",
        "scheduler",
        "db",
        "redis",
    }


def test_web_builds_the_dockerfile_migrates_and_runs_gunicorn(compose):
    web = compose["services"]["web"]
    assert web["build"] == "."
    assert "manage.py migrate --noinput" in web["command"]
    assert "gunicorn dossier.wsgi:application" in web["command"]
    assert web["environment"]["DJANGO_SETTINGS_MODULE"] == "dossier.settings.production"
    assert web["environment"]["DATABASE_URL"].startswith("postgres://dossier:")
    assert "@db:5432/dossier" in web["environment"]["DATABASE_URL"]
    assert web["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    assert web["env_file"] == ".env"
    assert "/healthz" in " ".join(web["healthcheck"]["test"])
    # Only through the cache: nothing reaches web around it (TRUSTED_PROXY_COUNT counts it).
    assert "ports" not in web
    assert web["expose"] == ["8000"]


def test_the_cache_runs_the_projects_vcl_in_front_of_web(compose):
    cache = compose["services"]["cache"]
    image, tag = cache["image"].split(":")
    assert image == "varnish"
    # The official image ships varnish-modules (xkey) from 7.1 on.
    major, minor = (int(part) for part in tag.split(".")[:2])
    assert (major, minor) >= (7, 1)
    assert "./varnish/dossier.vcl:/etc/varnish/default.vcl:ro" in cache["volumes"]
    assert (PROJECT_DIR / "varnish" / "dossier.vcl").exists()
    assert cache["environment"]["VARNISH_SIZE"] == "${VARNISH_SIZE:-256M}"
    # The TLS proxy's address, which web had before.
    assert cache["ports"] == ["127.0.0.1:8000:80"]
    assert cache["depends_on"]["web"] == {"condition": "service_healthy"}
    assert cache["healthcheck"]["test"] == ["CMD", "varnishadm", "ping"]
    vcl = (PROJECT_DIR / "varnish" / "dossier.vcl").read_text()
    assert '.host = "web";' in vcl
    assert '.port = "8000";' in vcl
    assert "import xkey;" in vcl


def test_the_app_purges_and_warms_through_the_cache(compose):
    for name in ("web", "scheduler", "renderer", "worker"):
        environment = compose["services"][name]["environment"]
        assert environment["CACHE_PURGE_URLS"] == "http://cache:80", name
        assert environment["CACHE_WARM_URL"] == "http://cache:80", name
    # The TLS proxy and Varnish each append to X-Forwarded-For.
    assert compose["services"]["web"]["environment"]["TRUSTED_PROXY_COUNT"] == (
        "${TRUSTED_PROXY_COUNT:-2}"
    )


def test_the_renderer_runs_the_cache_queue(compose):
    renderer = compose["services"]["renderer"]
    assert renderer["build"] == "."
    assert renderer["command"] == [
        "python",
        "manage.py",
        "db_worker",
        "--backend",
        "cache",
        "--queue-name",
        "cache",
        "--interval",
        "1",
        "--no-reload",
    ]
    assert renderer["depends_on"]["cache"] == {"condition": "service_healthy"}
    assert renderer["depends_on"]["db"] == {"condition": "service_healthy"}


def test_redis_is_a_bounded_cache(compose):
    command = compose["services"]["redis"]["command"]
    assert command[command.index("--maxmemory") + 1] == "256mb"
    assert command[command.index("--maxmemory-policy") + 1] == "allkeys-lru"
    assert command[command.index("--save") + 1] == ""


def test_web_waits_for_a_healthy_database(compose):
    depends = compose["services"]["web"]["depends_on"]
    assert depends["db"] == {"condition": "service_healthy"}
    assert depends["redis"] == {"condition": "service_healthy"}


def test_database_is_postgres_16_with_pg_isready_and_a_named_volume(compose):
    db = compose["services"]["db"]
    assert db["image"] == "postgres:16"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert "postgres-data:/var/lib/postgresql/data" in db["volumes"]
    assert db["environment"]["POSTGRES_DB"] == "dossier"


def test_scheduler_publishes_scheduled_pages(compose):
    scheduler = compose["services"]["scheduler"]
    assert "manage.py publish_scheduled" in scheduler["command"]
    assert scheduler["depends_on"]["db"] == {"condition": "service_healthy"}
    assert scheduler["build"] == "."


def test_worker_sends_the_contribution_mails_from_the_database_queue(compose):
    worker = compose["services"]["worker"]
    command = " ".join(worker["command"])
    assert "manage.py db_worker --backend mail" in command
    assert "--no-reload" in command
    assert worker["depends_on"]["db"] == {"condition": "service_healthy"}
    assert worker["environment"]["DJANGO_SETTINGS_MODULE"] == "dossier.settings.production"


def test_scheduler_prunes_old_contributions_daily(compose):
    command = compose["services"]["scheduler"]["command"]
    assert "manage.py prune_contributions" in command
    assert "i % 1440" in command  # once in 1,440 one-minute rounds


def _scheduler_rounds(command):
    """(every minute, once a day): the manage.py commands of the scheduler's loop, split at
    its daily ``if``."""
    every, daily = command.split("if [", 1)
    commands = re.compile(r"python manage\.py (\w+)")
    return commands.findall(every), commands.findall(daily.split("fi;", 1)[0])


def test_scheduler_sends_alert_digests_every_minute_and_prunes_alerts_daily(compose):
    every, daily = _scheduler_rounds(compose["services"]["scheduler"]["command"])
    assert every == ["publish_scheduled", "send_digests"]
    assert "prune_alerts" in daily
    assert "prune_contributions" in daily
    # The renderer's task results, one per publish.
    assert "prune_db_task_results --backend cache" in compose["services"]["scheduler"]["command"]


def test_named_volumes_for_database_and_media(compose):
    assert set(compose["volumes"]) == {"postgres-data", "media", "private-media"}
    for name in ("web", "worker", "renderer", "scheduler"):
        volumes = compose["services"][name]["volumes"]
        assert "media:/app/media" in volumes
        assert "private-media:/app/private-media" in volumes
        assert compose["services"][name]["environment"]["PRIVATE_MEDIA_ROOT"] == (
            "/app/private-media"
        )


def test_every_long_running_service_has_a_health_check_or_dependency(compose):
    for name, service in compose["services"].items():
        assert "healthcheck" in service or "depends_on" in service, name
        assert service.get("restart") == "unless-stopped", name


def test_dockerfile_runs_as_non_root_on_python_311_slim():
    dockerfile = (PROJECT_DIR / "Dockerfile").read_text()
    assert dockerfile.startswith("# ") and "FROM python:3.11-slim" in dockerfile
    assert "\nUSER dossier\n" in dockerfile
    assert "collectstatic" in dockerfile
    assert "gunicorn dossier.wsgi:application" in dockerfile


def test_dockerfile_installs_exactly_the_locked_versions():
    instructions = dockerfile_instructions((PROJECT_DIR / "Dockerfile").read_text())
    assert ("COPY", "requirements.lock ./") in instructions
    assert ("RUN", "pip install --require-hashes -r requirements.lock") in instructions
    assert not any(name == "RUN" and "pip install ." in args for name, args in instructions)


# Every folder a volume is mounted on must exist in the image and belong to the app's user:
# Docker creates a missing mount point owned by root, and a new named volume takes over the
# owner of the image's folder, so otherwise the app could not write its uploads there.


def dockerfile_instructions(text: str) -> list[tuple[str, str]]:
    """``(INSTRUCTION, arguments)`` in order, continuation lines joined, comments dropped."""
    instructions, current = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        name, _, args = (current + stripped).partition(" ")
        instructions.append((name.upper(), " ".join(args.split())))
        current = ""
    return instructions


def _shell_commands(args: str, env: dict[str, str]):
    """The words of each command of a RUN line, variables filled in, leading VARIABLE=value
    assignments skipped."""
    for command in re.split(r"&&|\|\||;", args):
        words = [Template(word).safe_substitute(env) for word in shlex.split(command)]
        while words and re.fullmatch(r"[A-Za-z_]\w*=.*", words[0]):
            words.pop(0)
        if words:
            yield words


def dockerfile_user_and_prepared_paths(text: str) -> tuple[str, dict[str, set[str]]]:
    """The final USER, and for each path made by ``mkdir`` in a RUN as root, the users that
    a ``chown`` there gives it to (directly, or with -R through a parent folder)."""
    user, workdir, env = "root", "/", {}
    created, owners, recursive = set(), {}, {}
    for name, args in dockerfile_instructions(text):
        if name == "USER":
            user = args.split(":")[0]
        elif name == "WORKDIR":
            workdir = posixpath.join(workdir, args)
        elif name == "ENV":
            env.update(word.split("=", 1) for word in shlex.split(args) if "=" in word)
        if name != "RUN" or user not in {"root", "0"}:
            continue
        for words in _shell_commands(args, env):
            _note_mkdir_or_chown(words, workdir, created, owners, recursive)
    return user, _owners_of(created, owners, recursive)


def _note_mkdir_or_chown(words, workdir, created, owners, recursive):
    """Record what one ``mkdir`` or ``chown`` command does; other commands change nothing."""
    if words[0] not in {"mkdir", "chown"}:
        return
    flags = {word for word in words[1:] if word.startswith("-")}
    operands = [word for word in words[1:] if not word.startswith("-")]
    if words[0] == "chown":
        owner, operands = operands[0].split(":")[0], operands[1:]
    paths = [posixpath.normpath(posixpath.join(workdir, path)) for path in operands]
    if words[0] == "mkdir":
        created.update(paths)
        return
    for path in paths:
        owners.setdefault(path, set()).add(owner)
        if flags & {"-R", "--recursive"}:
            recursive.setdefault(path, set()).add(owner)


def _owners_of(created, owners, recursive):
    """For each created path, the users a chown gave it to, directly or through a parent."""
    prepared = {}
    for path in created:
        users = set(owners.get(path, set()))
        for parent, deep_owners in recursive.items():
            if path.startswith(parent.rstrip("/") + "/"):
                users |= deep_owners
        prepared[path] = users
    return prepared


def mount_targets(service: dict) -> list[str]:
    """The container paths of a service's volumes, in the short or the long syntax."""
    targets = []
    for volume in service.get("volumes", []):
        if isinstance(volume, dict):
            targets.append(volume["target"])
        else:
            parts = volume.split(":")
            targets.append(parts[1] if len(parts) > 1 else parts[0])
    return [posixpath.normpath(target) for target in targets]


def unprepared_mount_points(compose: dict, dockerfile: str) -> list[str]:
    """``service: path`` for each volume of a service built from the Dockerfile whose mount
    point the image does not create and give to its USER."""
    user, prepared = dockerfile_user_and_prepared_paths(dockerfile)
    return [
        f"{name}: {target}"
        for name, service in compose["services"].items()
        if "build" in service
        for target in mount_targets(service)
        if user not in prepared.get(target, set())
    ]


def test_the_image_prepares_every_mount_point_for_its_user(compose):
    dockerfile = (PROJECT_DIR / "Dockerfile").read_text()
    user, _ = dockerfile_user_and_prepared_paths(dockerfile)
    assert user == "dossier"
    assert unprepared_mount_points(compose, dockerfile) == []


def test_the_image_prepares_its_backup_folder():
    dockerfile = (PROJECT_DIR / "Dockerfile").read_text()
    user, prepared = dockerfile_user_and_prepared_paths(dockerfile)
    env_lines = [args for name, args in dockerfile_instructions(dockerfile) if name == "ENV"]
    env = dict(word.split("=", 1) for line in env_lines for word in shlex.split(line))
    assert env["BACKUP_DIR"] == "/app/backups"
    assert user in prepared[env["BACKUP_DIR"]]


@pytest.mark.parametrize(
    ("changes", "reported"),
    [
        # A mount point is never created...
        ([("mkdir -p /app/media /app/private-media", "mkdir -p /app/media")], "/app/private-media"),
        # ... or stays root's...
        ([("chown dossier:dossier /app/media", "chown root /app/media")], "/app/media"),
        # ... or is prepared only after the switch to the app user (the build would fail).
        (
            [("USER dossier\n", ""), ("COPY --chown", "USER dossier\nCOPY --chown")],
            "/app/media",
        ),
    ],
)
def test_the_mount_point_check_can_fail(compose, changes, reported):
    broken = (PROJECT_DIR / "Dockerfile").read_text()
    for old, new in changes:
        assert old in broken
        broken = broken.replace(old, new, 1)
    assert {f"{name}: {reported}" for name in ("web", "worker", "renderer", "scheduler")} <= set(
        unprepared_mount_points(compose, broken)
    )


def test_recursive_chown_of_a_parent_counts(compose):
    dockerfile = (
        "FROM python:3.11-slim\nWORKDIR /app\n"
        "RUN mkdir -p media private-media && chown -R dossier:dossier /app\nUSER dossier\n"
    )
    assert unprepared_mount_points(compose, dockerfile) == []
