"""No Docker engine runs on the development machines, so the compose file is checked by
reading it: services, images, commands, health checks, dependencies, volumes, environment."""

from pathlib import Path

import pytest
import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((PROJECT_DIR / "docker-compose.yml").read_text())


def test_services(compose):
    assert set(compose["services"]) == {"web", "worker", "scheduler", "db", "redis"}


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
    assert web["ports"] == ["127.0.0.1:8000:8000"]


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


def test_named_volumes_for_database_and_media(compose):
    assert set(compose["volumes"]) == {"postgres-data", "media", "private-media"}
    for name in ("web", "worker", "scheduler"):
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
