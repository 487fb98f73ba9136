"""Production settings: refuse to start without a secret key and allowed hosts."""

import os
import sys

from .base import *  # noqa: F403

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # noqa: F405
_missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not globals()[name]]
if _missing:
    # One clear line on stderr and exit status 1, rather than a traceback.
    sys.exit(
        f"Refusing to start: production settings need {' and '.join(_missing)} "
        "in the environment (see .env.example)."
    )

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")  # noqa: F405

# Compressed, content-hashed static files served by whitenoise with far-future caching.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# HTTPS: on by default; SECURE_SSL_REDIRECT=false serves plain HTTP on loopback for measuring,
# or leaves the redirect to a TLS-terminating proxy.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
# Cookies only over HTTPS: also when a TLS proxy does the redirect (SECURE_COOKIES=true);
# off only where the site itself is served over plain HTTP (loopback, make serve, bench).
SECURE_COOKIES = env_bool("SECURE_COOKIES", SECURE_SSL_REDIRECT)  # noqa: F405
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
# HSTS whatever does the redirect: Django sends the header on secure requests only, so plain
# HTTP on loopback never gets it, and a proxy that redirects does not switch it off.
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = False
# Load balancers and container probes speak plain HTTP to the app: never redirect them.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# Only behind a TLS-terminating proxy that always sets (never passes on) X-Forwarded-Proto.
if env_bool("USE_X_FORWARDED_PROTO", False):  # noqa: F405
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SILENCED_SYSTEM_CHECKS = [
    # X_FRAME_OPTIONS is SAMEORIGIN, not DENY: Wagtail's live preview shows the page in a frame
    # of the admin, on the same origin. Other sites still cannot frame us (and the CSP says
    # frame-ancestors 'self').
    "security.W019",
    # No HSTS preload: submitting to the browsers' preload list is a decision for whoever owns
    # the registrable domain (a municipality's or ministry's), binding all its subdomains for a
    # long time; this app sends HSTS for a year and leaves preloading to them.
    "security.W021",
]

# Everyone who can reach the admin signs in with a second factor (README, "Editor accounts").
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", True)  # noqa: F405

# Serve uploaded media from the app unless it lives on object storage or behind a proxy.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not os.environ.get("AWS_STORAGE_BUCKET_NAME"))  # noqa: F405

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405
