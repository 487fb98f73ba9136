"""Holds a signed-in editor at the second-factor step until it is done.

After the password an account with a passkey or authenticator app has to confirm it, and
(with ADMIN_2FA_REQUIRED) an account that can reach the admin but has none has to set one
up. Until then every other address answers with a redirect to that step (GET) or 403: the
admin and its API, previews, document downloads and the public site alike.
"""

from urllib.parse import urlencode

from django.http import HttpResponseForbidden, HttpResponseRedirect
from django.urls import reverse

from dossier.twofactor.policy import owed_step

STEP_VIEWS = {
    "verify": (
        "twofactor_verify",
        "otp_webauthn:credential-authentication-begin",
        "otp_webauthn:credential-authentication-complete",
    ),
    "enrol": (
        "twofactor_enrol",
        "twofactor_enrol_app",
        "otp_webauthn:credential-registration-begin",
        "otp_webauthn:credential-registration-complete",
    ),
}
# Signing out, and what the step pages load: the translations of their scripts and the
# admin's icons (fetched and inserted into the page).
ALWAYS_OPEN = (
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "otp_webauthn:js-i18n-catalog",
)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = owed_step(request)
        if step is None:
            return self.get_response(request)
        open_paths = {reverse(name) for name in (*STEP_VIEWS[step], *ALWAYS_OPEN)}
        if request.path in open_paths:
            return self.get_response(request)
        if request.method in ("GET", "HEAD"):
            step_url = reverse(STEP_VIEWS[step][0])
            return HttpResponseRedirect(
                f"{step_url}?{urlencode({'next': request.get_full_path()})}"
            )
        return HttpResponseForbidden("Bevestig eerst je tweede factor.")
