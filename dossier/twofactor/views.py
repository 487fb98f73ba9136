"""The second step of the admin login, setting up a factor, recovery codes, the editor's own
device list, and an administrator's reset of another account."""

import logging
from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from wagtail.log_actions import log

from dossier.twofactor import devices as factor
from dossier.twofactor.forms import CodeForm, ConfirmAppForm
from dossier.twofactor.policy import (
    clear_failures,
    is_locked,
    record_failure,
    required_for,
    safe_next,
)

logger = logging.getLogger("dossier.twofactor")
LOCKED_MESSAGE = (
    "Te veel onjuiste codes. Codes zijn voor je account een uur geblokkeerd; met een passkey "
    "kun je wel verder. Kun je niet wachten, neem dan contact op met een beheerder."
)


def _confirm(request, device) -> None:
    """Mark the session as verified with this device, under a new session key."""
    request.session.cycle_key()
    otp_login(request, device)
    clear_failures(request.user)


@never_cache
def verify(request):
    """After the password: a passkey or a code from the app (or a recovery code)."""
    user = request.user
    if user.is_verified() or not factor.has_second_factor(user):
        return redirect(safe_next(request))
    form = CodeForm(request.POST or None, user=user)
    locked = is_locked(user)
    if request.method == "POST" and not locked:
        if form.is_valid():
            _confirm(request, form.device)
            if form.device.persistent_id.startswith("otp_static"):
                left = factor.remaining_recovery_codes(user)
                messages.warning(
                    request,
                    f"Je bent aangemeld met een herstelcode; je hebt er nog {left}. "
                    "Maak nieuwe herstelcodes als je er weinig over hebt.",
                )
            return redirect(safe_next(request))
        if form.has_error("code", "wrong_code"):
            record_failure(user, request)
            locked = is_locked(user)
    if locked:
        form = CodeForm(user=user)
    factors = factor.factor_devices(user)
    return TemplateResponse(
        request,
        "twofactor/verify.html",
        {
            "form": form,
            "next": safe_next(request),
            "has_passkey": any(d.persistent_id.startswith("django_otp_webauthn") for d in factors),
            "has_app": any(d.persistent_id.startswith("otp_totp") for d in factors),
            "locked": locked,
            "locked_message": LOCKED_MESSAGE,
        },
        status=429 if locked else 200,
    )


@never_cache
def enrol(request):
    """Choose a second factor: a passkey here, or an authenticator app on the next page."""
    has_factor = factor.has_second_factor(request.user)
    next_url = safe_next(request)
    # The first factor is followed by the recovery codes; another passkey goes back to `next`.
    after_passkey = next_url
    if not has_factor:
        after_passkey = f"{reverse('twofactor_recovery_codes')}?{urlencode({'next': next_url})}"
    return TemplateResponse(
        request,
        "twofactor/enrol.html",
        {
            "next": next_url,
            "required": required_for(request.user),
            "after_passkey_url": after_passkey,
        },
    )


def _qr_svg(device) -> str:
    svg = segno.make(device.config_url, error="m").svg_inline(scale=4, border=2, title="")
    return mark_safe(svg)  # noqa: S308 - segno's own SVG markup of a URL we built


@never_cache
def enrol_app(request):
    """Set up an authenticator app: scan the QR code (or type the key), confirm with a code."""
    user = request.user
    device = factor.pending_totp_device(user)
    form = ConfirmAppForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        if not user.is_verified():
            _confirm(request, device)
        logger.info("Authenticator app added for user %s", user.pk)
        if factor.remaining_recovery_codes(user) == 0:
            return _show_recovery_codes(request, factor.new_recovery_codes(user), first=True)
        messages.success(request, "De authenticator-app is toegevoegd.")
        return redirect("twofactor_devices")
    secret = b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "twofactor/enrol_app.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": safe_next(request),
        },
    )


def _show_recovery_codes(request, codes, *, first: bool):
    return TemplateResponse(
        request,
        "twofactor/recovery_codes.html",
        {"codes": codes, "first": first, "next": safe_next(request)},
    )


@never_cache
def recovery_codes(request):
    """Ten new recovery codes (POST, or the first time after a passkey), shown this once."""
    user = request.user
    if not factor.has_second_factor(user):
        return redirect("twofactor_enrol")
    first = not factor.has_recovery_codes_device(user)
    if request.method == "POST" or first:
        codes = factor.new_recovery_codes(user)
        logger.info("New recovery codes for user %s", user.pk)
        return _show_recovery_codes(request, codes, first=first)
    return TemplateResponse(
        request,
        "twofactor/recovery_codes.html",
        {"remaining": factor.remaining_recovery_codes(user), "next": safe_next(request)},
    )


@never_cache
def device_list(request):
    return TemplateResponse(
        request,
        "twofactor/devices.html",
        {
            "rows": factor.device_rows(request.user),
            "required": required_for(request.user),
            "factor_count": len(factor.factor_devices(request.user)),
        },
    )


@require_POST
def remove_device(request):
    user = request.user
    persistent_id = request.POST.get("device", "")
    devices = factor.factor_devices(user)
    device = next((d for d in devices if d.persistent_id == persistent_id), None)
    if device is None:
        messages.error(request, "Dit apparaat hoort niet (meer) bij je account.")
    elif len(devices) == 1 and required_for(user):
        messages.error(
            request,
            "Dit is je enige tweede factor. Voeg eerst een andere toe voordat je deze verwijdert.",
        )
    else:
        device.delete()
        logger.info("Second-factor device removed by user %s", user.pk)
        if len(devices) == 1:
            # Without a passkey or app, recovery codes have nothing left to stand in for.
            factor.reset_devices(user)
        messages.success(request, f"{device.name} is verwijderd.")
    return redirect("twofactor_devices")


def can_reset(user) -> bool:
    User = get_user_model()
    return user.has_perm(f"{User._meta.app_label}.change_user")


@never_cache
def reset(request, user_id: int):
    """An administrator removes every device of an editor who lost them; logged and mailed."""
    if not can_reset(request.user):
        raise PermissionDenied
    editor = get_object_or_404(get_user_model(), pk=user_id)
    rows = factor.device_rows(editor)
    if request.method == "POST":
        removed = factor.reset_devices(editor)
        clear_failures(editor)
        log(instance=editor, action="twofactor.reset", user=request.user)
        logger.warning(
            "Second factor of user %s reset by user %s (%d devices)",
            editor.pk,
            request.user.pk,
            removed,
        )
        _mail_reset(request, editor)
        messages.success(
            request,
            f"De tweede factor van {editor.get_username()} is gewist. Bij de volgende "
            "aanmelding stelt deze gebruiker een nieuwe in.",
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(request, "twofactor/reset.html", {"editor": editor, "rows": rows})


def _mail_reset(request, editor) -> None:
    if not editor.email:
        return
    try:
        send_mail(
            "Je tweede factor voor het Kennisdossier is gewist",
            (
                f"Beste {editor.get_full_name() or editor.get_username()},\n\n"
                f"Een beheerder ({request.user.get_username()}) heeft de passkeys, "
                "authenticator-apps en herstelcodes van je account gewist. Bij je volgende "
                "aanmelding stel je een nieuwe tweede factor in.\n\n"
                "Heb je hier niet om gevraagd? Neem dan direct contact op met de beheerders."
            ),
            None,
            [editor.email],
        )
    except OSError:
        messages.warning(request, f"De e-mail aan {editor.email} kon niet worden verzonden.")
