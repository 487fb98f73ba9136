# Kennisdossier Smart Society — the commands people and CI use.
# `make run` for a first run, `make test` for the checks and the test suite.

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
# `make serve VARNISH=1`: gunicorn's port behind Varnish (which takes PORT).
BACKEND_PORT ?= $(shell expr $(PORT) + 1)
# The site's public address (canonical URLs, feeds, calendars, sitemap, mails): load_demo and
# sync_site give the default Wagtail site this host and port. `make run` and `make serve` use
# their own address; `make demo` and the rest keep one set in the environment.
PUBLIC_BASE_URL ?= http://127.0.0.1:$(PORT)
export PUBLIC_BASE_URL
BIN := $(VENV)/bin
PY := $(BIN)/python

.DEFAULT_GOAL := help
.PHONY: help install install-dev lock run demo migrate test lint serve worker bench bench-alerts soak backup restore clean

help:
	@echo "make run     create .venv, install, migrate, load the demo dossier, serve on 127.0.0.1:$(PORT)"
	@echo "make test    lint, Django checks, migration check and the pytest suite"
	@echo "make demo    load or refresh the demo content in the configured database"
	@echo "make serve   collectstatic and gunicorn with production settings on 127.0.0.1:$(PORT)"
	@echo "             VARNISH=1: Varnish on $(PORT) in front of gunicorn on $(BACKEND_PORT) (BACKEND_PORT),"
	@echo "             and the renderer of purged pages"
	@echo "make worker  send all queued mails: contributions and alerts (keeps running)"
	@echo "make soak    production server under load while PostgreSQL and Redis fail (about 3 min)"
	@echo "make bench   10,000-page dossier in its own database, served and measured (15 min or more)"
	@echo "make bench-alerts  10,000 readers of one theme: publish and daily digest measured (about 4 min)"
	@echo "make backup  database and media folders into one archive in backups/ (or BACKUP_DIR)"
	@echo "make restore ARCHIVE=backups/....tar.gz  replace database and media with an archive"
	@echo "make lock    regenerate requirements.lock and requirements-dev.lock from pyproject.toml"

$(PY):
	$(PYTHON) -m venv $(VENV)

# Exactly the locked versions (hashes checked), then the project itself without dependencies.
# Reinstall only when a lock file changes. requirements.lock: the runtime and the s3 extra (what
# the Docker image runs); requirements-dev.lock: the same pins plus the test and lint tools.
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check

$(VENV)/.installed: requirements.lock | $(PY)
	$(PIP_INSTALL) --require-hashes -r requirements.lock
	$(PIP_INSTALL) --no-deps .
	@touch $@

$(VENV)/.installed-dev: requirements-dev.lock | $(PY)
	$(PIP_INSTALL) --require-hashes -r requirements-dev.lock
	$(PIP_INSTALL) --no-deps .
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# The lock files from pyproject.toml's ranges, with pip-tools in a throwaway venv (it is not a
# dependency of the project). Versions already locked stay unless a range excludes them;
# LOCK_ARGS=--upgrade moves everything to the newest allowed, LOCK_ARGS="--upgrade-package
# django" one package. pip-compile resolves for the Python it runs on, so it runs on the oldest
# Python the project supports, Debian 12's 3.11.2 (CI, make run there): every pin then installs
# there and on the image's newer 3.11 (some releases need 3.11.5 or later).
PIP_TOOLS := pip-tools==7.6.2
LOCK_PYTHON ?= /usr/bin/python3.11
LOCK_PYTHON_VERSION := 3.11.2
PIP_COMPILE_ARGS := --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links

lock:
	@$(LOCK_PYTHON) -c 'import platform, sys; sys.exit(platform.python_version() != "$(LOCK_PYTHON_VERSION)")' \
		|| { echo "make lock needs Python $(LOCK_PYTHON_VERSION) (Debian 12's): LOCK_PYTHON=/path/to/python3.11 make lock"; exit 1; }
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(LOCK_PYTHON) -m venv "$$tmp" && \
	"$$tmp/bin/pip" install --quiet --disable-pip-version-check "$(PIP_TOOLS)" && \
	export CUSTOM_COMPILE_COMMAND="make lock" && \
	echo "pip-compile requirements.lock" && \
	"$$tmp/bin/pip-compile" $(PIP_COMPILE_ARGS) $(LOCK_ARGS) --extra s3 \
		-o requirements.lock pyproject.toml && \
	echo "pip-compile requirements-dev.lock" && \
	"$$tmp/bin/pip-compile" $(PIP_COMPILE_ARGS) $(LOCK_ARGS) --extra s3 --extra dev \
		--constraint requirements.lock -o requirements-dev.lock pyproject.toml

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run serve: PUBLIC_BASE_URL = http://127.0.0.1:$(PORT)

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
	$(BIN)/lint-imports
	$(BIN)/djlint templates contributions/templates --lint

test: lint
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(BIN)/pytest --cov --cov-report=term-missing:skip-covered

# Production settings on loopback over plain HTTP, for measuring, with the default site on that
# address (sync_site). A random SECRET_KEY is
# generated per start unless one is set. gunicorn's control socket (for gunicornc) gets a path of
# its own per port: the default, one per user, would be taken over by any other gunicorn.
# VARNISH=1 puts Debian's Varnish (packages varnish and varnish-modules) with the project's VCL
# on PORT in front of gunicorn on BACKEND_PORT (python -m bench.varnish), with the renderer
# (the "cache" task queue) beside them; publishing purges its tags there and the renderer asks
# Varnish for the purged pages again; the one proxy's X-Forwarded-For is trusted. Ctrl+C, or
# the end of any of the three, stops all.
GUNICORN_SERVE = $(BIN)/gunicorn dossier.wsgi:application --workers $${WEB_WORKERS:-2} \
	--access-logfile - --control-socket $(abspath $(VENV))/gunicorn-$(1).ctl --bind 127.0.0.1:$(1)
ifdef VARNISH
SERVE_ENV = TRUSTED_PROXY_COUNT=1 CACHE_PURGE_URLS=http://127.0.0.1:$(PORT) \
	CACHE_WARM_URL=http://127.0.0.1:$(PORT)
SERVE_START = $(call GUNICORN_SERVE,$(BACKEND_PORT)) & web=$$!; \
	$(PY) -m bench.varnish $(BACKEND_PORT) --port $(PORT) & cache=$$!; \
	$(PY) manage.py db_worker --backend cache --queue-name cache --interval 1 --no-reload \
	& renderer=$$!; \
	trap "kill $$web $$cache $$renderer 2>/dev/null" INT TERM; \
	while kill -0 $$web 2>/dev/null && kill -0 $$cache 2>/dev/null \
		&& kill -0 $$renderer 2>/dev/null; do sleep 1; done; \
	kill $$web $$cache $$renderer 2>/dev/null; wait
else
SERVE_START = exec $(call GUNICORN_SERVE,$(PORT))
endif

serve: install
	DJANGO_SETTINGS_MODULE=dossier.settings.production \
	SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}" $(SERVE_ENV) \
	sh -c '$(PY) manage.py collectstatic --noinput --verbosity 0 && \
	       $(PY) manage.py migrate --noinput && \
	       $(PY) manage.py sync_site && \
	       $(SERVE_START)'

# Sends every queued mail from the database queue (contribution mails, alert confirmations,
# "manage" links and direct alerts); in development they go to the console.
worker: migrate
	$(PY) manage.py db_worker --backend mail --interval 2

# Its own database (on the DATABASE_URL server, or SQLite), production settings, wrk as the load;
# prints the table and writes it to bench-results.md. wrk comes from Debian's packages. The day's
# traffic (bench/day.py) runs through gunicorn and, when varnishd is installed (varnish and
# varnish-modules), through Varnish; it uses Redis database 7 at 127.0.0.1:6379 when one answers
# (emptied first; --day-redis URL for another).
bench: install
	@command -v wrk >/dev/null || { test "$$(id -u)" = 0 && apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; }
	$(PY) -m bench.run $(BENCH_ARGS)

# The production server under load while PostgreSQL (and Redis, when it runs) stop and start:
# needs DATABASE_URL=postgres://… on this machine, root (pg_ctlcluster) and wrk.
soak: install
	@command -v wrk >/dev/null || { test "$$(id -u)" = 0 && apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "make soak needs wrk: sudo apt-get install wrk"; exit 1; }
	$(PY) -m bench.soak $(SOAK_ARGS)

# The configured database (DATABASE_URL) and MEDIA_ROOT and PRIVATE_MEDIA_ROOT, in one archive.
backup: install
	$(PY) manage.py backup

# Replaces the configured database and media folders; asks before it does.
restore: install
	@test -n "$(ARCHIVE)" || { echo "Usage: make restore ARCHIVE=backups/kennisdossier-....tar.gz"; exit 2; }
	$(PY) manage.py restore "$(ARCHIVE)"

clean:
	rm -rf $(VENV) staticfiles test-db*.sqlite3 .pytest_cache .ruff_cache .coverage .coverage.*

# Alerts for 10,000 readers of one theme in its own database: a publish until their mails are
# queued, and a daily digest run sent to an SMTP server on loopback (aiosmtpd, a dev
# dependency). BENCH_ALERTS_ARGS=--profile adds where the digest run spends its time.
bench-alerts: install-dev
	$(PY) -m bench.alerts $(BENCH_ALERTS_ARGS)
