"""The contribution form's abuse checks: a time-trap and rate limits per client address
and per sender e-mail address (``dossier.ops.abuse``). The honeypot is a form field; see
forms.py."""

from dossier.ops.abuse import FormGuard, Refusal, normalise_email

TOKEN_SALT = "dossier.contributions.form-started"  # noqa: S105 - a signing namespace, not a secret
guard = FormGuard("contribution", "CONTRIBUTION", TOKEN_SALT)

issue_form_token = guard.issue_form_token
form_token_problem = guard.form_token_problem
refusal = guard.refusal
count_submission = guard.count

__all__ = [
    "TOKEN_SALT",
    "Refusal",
    "count_submission",
    "form_token_problem",
    "issue_form_token",
    "normalise_email",
    "refusal",
]
