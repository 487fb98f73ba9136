"""Settings of following the dossier by e-mail (the alerts app), read by base.py."""

import os

# Confirmation and "Beheer mijn e-mails" links are valid this long.
ALERTS_LINK_MAX_AGE_DAYS = 7
# Ended subscriptions, and addresses left without any, are deleted after this many days
# (manage.py prune_alerts, daily in compose's scheduler), and so are the records of sent
# mails. A blocked address (hard bounce, complaint) is kept, so that it is never mailed again.
ALERTS_RETENTION_DAYS = int(os.environ.get("ALERTS_RETENTION_DAYS", "30"))
# Digest runs and events (what was published, not who read it) are kept this long.
ALERTS_LOG_DAYS = int(os.environ.get("ALERTS_LOG_DAYS", "90"))
# Digests: daily at this hour (Europe/Amsterdam), weekly on this weekday (0 is Monday).
ALERTS_DIGEST_HOUR = 8
ALERTS_WEEKLY_DAY = 0
# A failed alert mail is tried again after these delays (seconds), then given up.
ALERTS_RETRY_DELAYS = [60, 300, 900, 3600, 6 * 3600, 24 * 3600]
# A mail claimed by a worker that did not finish it within this time is sent by another.
ALERTS_CLAIM_SECONDS = 15 * 60
# How many mails one worker pass takes at a time.
ALERTS_BATCH_SIZE = 200
# The sign-up and "Beheer mijn e-mails" forms: a time-trap and rate limits, as the
# contribution form has (per client address generous, per e-mail address strict).
ALERTS_SIGNUP_MIN_FILL_SECONDS = int(os.environ.get("ALERTS_SIGNUP_MIN_FILL_SECONDS", "2"))
ALERTS_SIGNUP_MAX_FORM_AGE_SECONDS = 24 * 60 * 60
ALERTS_SIGNUP_RATE_LIMIT = int(os.environ.get("ALERTS_SIGNUP_RATE_LIMIT", "60"))
ALERTS_SIGNUP_RATE_WINDOW_SECONDS = 3600
ALERTS_SIGNUP_EMAIL_RATE_LIMIT = int(os.environ.get("ALERTS_SIGNUP_EMAIL_RATE_LIMIT", "5"))
ALERTS_SIGNUP_EMAIL_RATE_WINDOW_SECONDS = 3600
# A mail provider's bounce and complaint webhooks (django-anymail): set the provider's
# webhook secret as "user:password" to receive them at /volgen/anymail/<esp>/tracking/.
ANYMAIL = {"WEBHOOK_SECRET": os.environ.get("ANYMAIL_WEBHOOK_SECRET", "")}
