"""Test settings: the real database chosen by DATABASE_URL, fast password hashing."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105 - the test settings only
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# The tests' site address, the one their requests name (Client(HTTP_HOST="localhost")):
# load_demo gives the demo Site this host and port. tests/test_absolute_urls.py moves it.
PUBLIC_BASE_URL = "http://localhost"
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # static files come from the finders; nothing is collected in tests
# The browser tests' server process gets the pytest process's media folder through
# TEST_MEDIA_ROOT, so that both see the same uploaded images.
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="dossier-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PRIVATE_MEDIA_ROOT = os.environ.get("TEST_PRIVATE_MEDIA_ROOT") or tempfile.mkdtemp(
    prefix="dossier-test-private-"
)
# Retries come at once in tests; the worker is run by hand.
CONTRIBUTION_MAIL_RETRY_DELAYS = [0, 0, 0]

# Browser tests serve the test database from a second process, so a SQLite test
# database must be a file rather than memory.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # TEST_SQLITE_NAME lets two test runs share a checkout without sharing a database.
    test_name = os.environ.get("TEST_SQLITE_NAME") or "test-db.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / test_name)}  # noqa: F405
# Tests render every page; tests/test_page_cache.py switches the page cache on, and so does
# PAGE_CACHE_ENABLED=true for a served copy (tests/test_failure.py).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)  # noqa: F405
# The cache tags' versions beside the test media, shared with a served copy of the site.
PAGE_CACHE_TAG_DIR = Path(MEDIA_ROOT) / ".page-cache-tags"
# Alert mails too.
ALERTS_RETRY_DELAYS = [0, 0, 0]
