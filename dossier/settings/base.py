"""Settings shared by every environment.

One variable, ``DATABASE_URL``, selects the database: unset means a SQLite file in the
project folder, ``postgres://user:pass@host:port/name`` means PostgreSQL.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable; anything unexpected is a configuration error."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_list(name: str) -> list[str]:
    """Read a comma-separated environment variable into a list without empty items."""
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_base_url(name: str, default: str) -> str:
    """Read a site address such as ``https://kennisdossier.example.nl`` (scheme, host and
    port, nothing more), normalised: lower-case host, no default port, no trailing slash.

    Wagtail's Site record keeps a site's address as a host name and a port, and builds URLs
    from them: port 443 means https, any other port http. An address it cannot express is a
    configuration error rather than links to the wrong place.
    """
    raw = os.environ.get(name, "").strip() or default
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured(f"{name} is not a valid address: {raw!r}.") from None
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"http", "https"} or not host or ":" in host:
        raise ImproperlyConfigured(
            f"{name} must be an http(s) address with a host name or IPv4 address, "
            f"such as https://kennisdossier.example.nl, not {raw!r}."
        )
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(
            f"{name} holds the scheme, host and port only (the site is served at the root), "
            f"not {raw!r}."
        )
    default_port = 443 if parts.scheme == "https" else 80
    port = port or default_port
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(
            f"{name}: Wagtail's Site record serves https on port 443 only and http on any "
            f"other port, so {raw!r} cannot be expressed."
        )
    return f"{parts.scheme}://{host}" + ("" if port == default_port else f":{port}")


DEFAULT_SQLITE_URL = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DEFAULT_SQLITE_URL,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Give up on an unreachable server after a few seconds (a 503 page, dossier/ops/errors.py)
    # rather than hanging; health checks reconnect once it is back, without a restart.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

INSTALLED_APPS = [
    "contributions",
    "dossier",
    "news",
    "opinion",
    "projects",
    "publications",
    "sources",
    # After dossier: its receivers of page_published run after the dossier's (change notes).
    "alerts",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "anymail",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    # The editors' second factor: passkeys (WebAuthn), authenticator codes (TOTP) and recovery
    # codes (static), wired into Wagtail's login by dossier.twofactor.
    "dossier.twofactor",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
]

MIDDLEWARE = [
    "dossier.ops.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before the page cache, so that cached pages get these headers on every hit too.
    "dossier.ops.security.DossierCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the cache, before sessions, CSRF and authentication run.
    "dossier.ops.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session confirmed a second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A signed-in editor who still owes the second factor reaches only that step.
    "dossier.twofactor.middleware.SecondFactorMiddleware",
    # Refuses logins from a client locked out after too many failures; last, as axes asks.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out client is refused before its password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "dossier.urls"
WSGI_APPLICATION = "dossier.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Dutch interface, Dutch dates, Dutch time.
LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# whitenoise would send the feeds' XSL stylesheet (static/feeds/feed.xsl) as
# application/xslt+xml, a type few browsers accept; application/xml they all accept (its
# encoding is in the XML declaration).
WHITENOISE_MIMETYPES = {".xsl": "application/xml"}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Media on S3-compatible object storage when a bucket is configured (needs the "s3" extra).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = os.environ["AWS_STORAGE_BUCKET_NAME"]
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Outgoing mail: console in development, SMTP when EMAIL_HOST is set.
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kennisdossier@localhost")

# Background tasks. Wagtail's own tasks run at once ("default"); the contribution mails go to a
# queue in the database ("mail") that `manage.py db_worker --backend mail` works through, so a
# mail-server outage never costs a contributor their submission.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    # Renders again what a publish purged (dossier/ops/rerender.py):
    # `manage.py db_worker --backend cache --queue-name cache`.
    "cache": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["cache"]},
}

# Contributions (the form at /bijdragen/). Attachments live under PRIVATE_MEDIA_ROOT, a
# folder that no URL serves; editors download them through the admin.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT") or BASE_DIR / "private-media")
# Where `manage.py backup` (make backup) writes its archives of the database and both media
# folders. They hold personal data: keep them somewhere as safe as the database.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR") or BASE_DIR / "backups")
# How many proxies in front of the app append to X-Forwarded-For. 0: the header is ignored and
# the connection's address counts, so a client cannot choose its own address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# The contribution form's limits, retries and retention; following the dossier by e-mail.
from .alerts import *  # noqa: E402, F403
from .caching import *  # noqa: E402, F403
from .contributions import *  # noqa: E402, F403

# The site's public address: canonical URLs, feeds, calendars, citations, the sitemap, the API
# and mails are built from it. Wagtail builds page URLs from the default Site record, which
# follows this setting (`manage.py sync_site`, and load_demo; a check warns when they differ).
PUBLIC_BASE_URL = env_base_url("PUBLIC_BASE_URL", "http://127.0.0.1:8000")

# Wagtail
WAGTAIL_SITE_NAME = "Kennisdossier Smart Society"
# The admin's address in mails (notifications, password resets): the site's own unless the
# admin is served elsewhere.
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL", "").strip().rstrip("/") or PUBLIC_BASE_URL
)
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Images are allowed as documents too: a contribution's photo attachment lands in the library.
WAGTAILDOCS_EXTENSIONS = [
    *["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "csv", "txt"],
    *["jpg", "jpeg", "png"],
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# PostgreSQL full-text search with Dutch stemming; exact words on SQLite.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "dutch",
    }
}
TAGGIT_CASE_INSENSITIVE = True
# The read-only JSON API: at most 100 items a request for organisations that reuse the dossier.
WAGTAILAPI_LIMIT_MAX = 100

# Readers get no cookies: sessions are only created for editors who log in.
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview frames the page within the admin, on the same origin.
X_FRAME_OPTIONS = "SAMEORIGIN"
# Editors are logged out after SESSION_COOKIE_AGE even when they keep the browser open, and also
# when they close it: a shared or lost computer does not keep an admin session for 8 hours.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True


def _media_origins() -> list[str]:
    """Where uploaded images come from besides this site: the object storage, when used.
    CSP_MEDIA_ORIGINS (comma-separated origins) overrides what is worked out here."""
    if explicit := env_list("CSP_MEDIA_ORIGINS"):
        return explicit
    if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        return []
    if AWS_S3_CUSTOM_DOMAIN:
        return [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    if AWS_S3_ENDPOINT_URL:
        scheme, _, rest = AWS_S3_ENDPOINT_URL.partition("://")
        return [f"{scheme}://{rest.split('/')[0]}"]
    origins = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
    if AWS_S3_REGION_NAME:
        origins.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com")
    return origins


# Content-Security-Policy (django-csp; dossier/ops/security.py picks the policy). Readers' pages run
# only the site's own scripts and styles: no inline code, no eval, no plugins, no framing by
# other sites. JSON-LD <script type="application/ld+json"> is data, which CSP does not block.
_CSP_COMMON = {
    "default-src": ["'self'"],
    "img-src": ["'self'", *_media_origins()],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    # Wagtail's preview shows the page in a frame of the admin, on the same origin.
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_COMMON}
# The Wagtail admin (and the previews, served under /admin/): Wagtail 7.4's own templates have
# inline <script>s (date pickers, inline panels) and style attributes, so they need
# 'unsafe-inline' for scripts and styles; image uploads are previewed from blob: URLs and icons
# come as data: URLs. No 'unsafe-eval', no other origins. Found by loading the admin in
# Chromium and reading the CSP violations (tests/test_security_headers.py keeps it that way).
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [*_CSP_COMMON["img-src"], "data:", "blob:"],
    }
}

# Permissions-Policy (django-permissions-policy): switch off browser features the site never
# uses, for its own pages and anything framed in them. The clipboard stays allowed: the "copy
# link" button on pages and the admin's copy buttons use it. (interest-cohort is left out:
# Chromium no longer knows it and logs an error for it; browsing-topics replaced it.)
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# Passkeys: the editors' second-factor step asks this site's own pages for a credential.
PERMISSIONS_POLICY["publickey-credentials-get"] = ["self"]

# Login lockout (django-axes): after AXES_FAILURE_LIMIT failed logins for one username from
# one address, that combination is refused for AXES_COOLOFF_TIME hours (HTTP 429 with
# templates/axes/lockout.html). The address is the one the contribution form's rate limit
# uses: the connection's, or from X-Forwarded-For behind TRUSTED_PROXY_COUNT proxies.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "dossier.ops.security.lockout_client_ip"
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# The username field of Wagtail's login form; passwords are never logged.
AXES_USERNAME_FORM_FIELD = "username"

# Second factor for editors (dossier/twofactor/). With ADMIN_2FA_REQUIRED every account that
# can reach the admin must enrol a passkey or an authenticator app before it can do anything
# else; an account that has a device always confirms it after the password, whatever the
# setting. The production settings switch it on by default, `make run` and the tests leave it
# off.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)
# Wrong codes at the second step: after this many for one account it is locked for
# ADMIN_2FA_COOLOFF_SECONDS, counted in the shared cache, the same rule axes applies to passwords.
ADMIN_2FA_FAILURE_LIMIT = int(os.environ.get("ADMIN_2FA_FAILURE_LIMIT", "5"))
ADMIN_2FA_COOLOFF_SECONDS = AXES_COOLOFF_TIME * 60 * 60
ADMIN_2FA_RECOVERY_CODES = 10
# The account-wide limit above replaces django-otp's per-device back-off, which would refuse
# a right code a second after a wrong one and call it wrong.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Passkeys: a second factor after the password, never a login on their own. The relying party
# is the host the admin is served on (validated by ALLOWED_HOSTS), and a passkey answer is
# accepted from the admin's address or the page's own origin on such a host
# (dossier/twofactor/passkeys.py); browsers offer passkeys on https sites and http://localhost.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME
OTP_WEBAUTHN_HELPER_CLASS = "dossier.twofactor.passkeys.PasskeyHelper"
OTP_WEBAUTHN_RP_ID_CALLABLE = "dossier.twofactor.passkeys.relying_party_id"
# Browsers use passkeys only over https or on localhost: a plain-http admin address such as
# make run's http://127.0.0.1:8000 offers them at http://localhost with the same port.
_admin_address = urlsplit(WAGTAILADMIN_BASE_URL)
OTP_WEBAUTHN_ALLOWED_ORIGINS = [
    WAGTAILADMIN_BASE_URL
    if _admin_address.scheme == "https" or _admin_address.hostname == "localhost"
    else "http://localhost" + (f":{_admin_address.port}" if _admin_address.port else "")
]
# Passkey errors are logged without the credential data.
OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME = "dossier.twofactor"

# No shared-password private pages or collections: a password that everybody shares, stored in
# plain text, is no access control. Private content is for logged-in users or groups.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Every document downloads as an attachment, PDFs and plain text too (Wagtail's default opens
# those inline, within the site's origin): one rule for every file a reader or contributor
# hands us.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Whether Django itself serves MEDIA_URL (development, or a single small server).
SERVE_MEDIA = False

# security.txt (RFC 9116): where to report a vulnerability, and until when that holds. Set
# SECURITY_TXT_EXPIRES (an ISO 8601 date or date-time, less than a year ahead) in production;
# left empty, dossier/site_files.py answers with a date 180 days after the day of the request.
SECURITY_TXT_CONTACT = os.environ.get("SECURITY_TXT_CONTACT", "mailto:security@example.org")
SECURITY_TXT_EXPIRES = os.environ.get("SECURITY_TXT_EXPIRES", "")
