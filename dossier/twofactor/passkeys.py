"""Passkeys (django-otp-webauthn) as the second step after the password.

The relying party is the host the admin is served on, which Django has already checked
against ALLOWED_HOSTS; the browser signs the page's real origin into every answer, and only
that host's origin is accepted.
"""

from django.http import HttpRequest
from django.http.request import split_domain_port
from django.urls import include, path
from django_otp_webauthn import views as webauthn_views
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.urls import urlpatterns as webauthn_urlpatterns

from dossier.twofactor.policy import clear_failures, safe_next


def relying_party_id(request: HttpRequest) -> str:
    domain, _port = split_domain_port(request.get_host())
    return domain


class PasskeyHelper(WebAuthnHelper):
    def get_allowed_origins(self) -> list[str]:
        own = f"{self.request.scheme}://{self.request.get_host()}"
        return [*super().get_allowed_origins(), own]

    def create_credential(self, user, *args, **kwargs):
        """Name each passkey, so that the device list tells them apart."""
        device = super().create_credential(user, *args, **kwargs)
        device.name = f"Passkey {WebAuthnCredential.objects.filter(user=user).count() + 1}"
        return device


class CompletePasskeyVerification(webauthn_views.CompleteCredentialAuthenticationView):
    """Confirms the signed-in editor's passkey; goes on to ``next`` on this site, else to the
    admin's dashboard."""

    def complete_auth(self, device):
        super().complete_auth(device)
        clear_failures(device.user)

    def get_success_url(self):
        return safe_next(self.request)


def webauthn_urls():
    """The library's endpoints, with our completion view for the sign-in step."""
    patterns = [
        path(
            "authentication/complete/",
            CompletePasskeyVerification.as_view(),
            name="credential-authentication-complete",
        ),
        *(p for p in webauthn_urlpatterns if p.name != "credential-authentication-complete"),
    ]
    return include((patterns, "otp_webauthn"))
