"""Security headers and the login lockout's view of the client.

The Content-Security-Policy comes from django-csp. Readers get the strict policy in
``CONTENT_SECURITY_POLICY``; the Wagtail admin (and its previews, which live under /admin/ too)
gets ``CONTENT_SECURITY_POLICY_ADMIN``, because Wagtail's admin templates still carry inline
scripts and style attributes. A response that sets its own policy keeps it (documents and
contribution attachments say ``default-src 'none'``).
"""

import ipaddress

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"


class DossierCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with one more rule: the admin gets the admin policy.

    It comes before the page cache in MIDDLEWARE, so cached pages get the header on every hit
    rather than keeping a copy of it.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


def lockout_client_ip(request) -> str | None:
    """The address django-axes counts failed logins for (AXES_CLIENT_IP_CALLABLE): the same one
    the contribution form's rate limit uses, so TRUSTED_PROXY_COUNT governs both. None when it
    is not an IP address, as axes stores it in an IP address column."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_address(request) -> str:
    """The client's address: the connection's, or from X-Forwarded-For only behind as many
    trusted proxies as TRUSTED_PROXY_COUNT says (each appends the address it saw)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies][:64]
    return request.META.get("REMOTE_ADDR", "")[:64] or "unknown"
