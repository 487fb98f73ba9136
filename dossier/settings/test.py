"""Test settings: the real database chosen by DATABASE_URL, fast password hashing."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # static files come from the finders; nothing is collected in tests
MEDIA_ROOT = tempfile.mkdtemp(prefix="dossier-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Browser tests serve the test database from a second process, so a SQLite test
# database must be a file rather than memory.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}  # noqa: F405
