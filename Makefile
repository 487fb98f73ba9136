# Kennisdossier Smart Society — the commands people and CI use.
# `make run` for a first run, `make test` for the checks and the test suite.

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
PY := $(BIN)/python

.DEFAULT_GOAL := help
.PHONY: help install install-dev run demo migrate test lint serve worker clean

help:
	@echo "make run     create .venv, install, migrate, load the demo dossier, serve on 127.0.0.1:$(PORT)"
	@echo "make test    lint, Django checks, migration check and the pytest suite"
	@echo "make demo    load or refresh the demo content in the configured database"
	@echo "make serve   collectstatic and gunicorn with production settings on 127.0.0.1:$(PORT)"
	@echo "make worker  send the queued contribution mails (keeps running)"

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check ".[dev]"
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@echo ""
	@echo "The dossier runs at http://127.0.0.1:$(PORT)/ (stop with Ctrl+C)."
	@echo "Create an admin login for http://127.0.0.1:$(PORT)/admin/ with:"
	@echo "    $(PY) manage.py createsuperuser"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

test: lint
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(BIN)/pytest

# Production settings on loopback over plain HTTP, for measuring. A random SECRET_KEY is
# generated per start unless one is set.
serve: install
	DJANGO_SETTINGS_MODULE=dossier.settings.production \
	SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}" \
	sh -c '$(PY) manage.py collectstatic --noinput --verbosity 0 && \
	       $(PY) manage.py migrate --noinput && \
	       exec $(BIN)/gunicorn dossier.wsgi:application --bind 127.0.0.1:$(PORT) \
	            --workers $${WEB_WORKERS:-2} --access-logfile -'

# Sends the contribution mails from their database queue; in development they go to the console.
worker: migrate
	$(PY) manage.py db_worker --backend mail --interval 2

clean:
	rm -rf $(VENV) staticfiles test-db*.sqlite3 .pytest_cache .ruff_cache
