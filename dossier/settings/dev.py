"""Development settings: ``manage.py`` uses these unless told otherwise."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", *env_list("ALLOWED_HOSTS")]  # noqa: F405
INTERNAL_IPS = ["127.0.0.1"]
# Serve static files from the app folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
# Editors see their changes at once in development; PAGE_CACHE_ENABLED=true to try the cache.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)  # noqa: F405
