"""Settings of the contribution form at /bijdragen/ (the contributions app), read by base.py."""

import os

CONTRIBUTION_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# The time-trap: a form sent sooner than this after it was shown is a bot; a form older than
# the maximum has expired and is shown again.
CONTRIBUTION_MIN_FILL_SECONDS = int(os.environ.get("CONTRIBUTION_MIN_FILL_SECONDS", "3"))
CONTRIBUTION_MAX_FORM_AGE_SECONDS = 24 * 60 * 60
# Rate limits on accepted submissions, counted in the shared cache. Per client address a
# generous one: everybody behind one municipal gateway shares that address. Per sender e-mail
# address (lower case) a strict one. A refused post gets its form back with what was typed.
CONTRIBUTION_RATE_LIMIT = int(os.environ.get("CONTRIBUTION_RATE_LIMIT", "30"))
CONTRIBUTION_RATE_WINDOW_SECONDS = int(os.environ.get("CONTRIBUTION_RATE_WINDOW_SECONDS", "3600"))
CONTRIBUTION_EMAIL_RATE_LIMIT = int(os.environ.get("CONTRIBUTION_EMAIL_RATE_LIMIT", "3"))
CONTRIBUTION_EMAIL_RATE_WINDOW_SECONDS = int(
    os.environ.get("CONTRIBUTION_EMAIL_RATE_WINDOW_SECONDS", "3600")
)
# Seconds between attempts to send a contribution mail; one attempt more than delays listed.
CONTRIBUTION_MAIL_RETRY_DELAYS = [60, 300, 900, 3600, 6 * 3600, 24 * 3600]
# prune_contributions deletes submissions older than this unless they became a page.
CONTRIBUTION_RETENTION_DAYS = int(os.environ.get("CONTRIBUTION_RETENTION_DAYS", "365"))

FILE_UPLOAD_HANDLERS = [
    # Stops reading a public upload at CONTRIBUTION_MAX_UPLOAD_BYTES, before it is all stored.
    "contributions.uploads.PublicUploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
CSRF_FAILURE_VIEW = "contributions.views.csrf_failure"
