"""An account's second-factor devices: what it has, enrolling, recovery codes, resetting.

Used by the admin views and by the operators' management commands alike.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

RECOVERY_DEVICE_NAME = "herstelcodes"
KIND_LABELS = {
    WebAuthnCredential: "Passkey",
    TOTPDevice: "Authenticator-app",
    StaticDevice: "Herstelcodes",
}


@dataclass(frozen=True)
class DeviceRow:
    """One line of an account's device list."""

    device: object
    kind: str
    name: str
    added: datetime | None
    last_used: datetime | None

    @property
    def persistent_id(self) -> str:
        return self.device.persistent_id

    @property
    def is_recovery(self) -> bool:
        return isinstance(self.device, StaticDevice)


def has_second_factor(user: AbstractBaseUser) -> bool:
    """Whether the account has a confirmed passkey or authenticator app (recovery codes alone
    are no second factor: they are the way back when the others are lost)."""
    return (
        WebAuthnCredential.objects.devices_for_user(user, confirmed=True).exists()
        or TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
    )


def device_rows(user: AbstractBaseUser) -> list[DeviceRow]:
    rows = []
    for device in devices_for_user(user):
        name = device.name
        if isinstance(device, StaticDevice):
            name = f"{device.token_set.count()} van de {settings.ADMIN_2FA_RECOVERY_CODES} over"
        rows.append(
            DeviceRow(
                device=device,
                kind=KIND_LABELS.get(type(device), type(device)._meta.verbose_name),
                name=name,
                added=device.created_at,
                last_used=device.last_used_at,
            )
        )
    return sorted(rows, key=lambda row: (row.is_recovery, row.added or datetime.min))


def factor_devices(user: AbstractBaseUser) -> list:
    """The passkeys and authenticator apps of an account, not its recovery codes."""
    return [
        *WebAuthnCredential.objects.devices_for_user(user, confirmed=True),
        *TOTPDevice.objects.devices_for_user(user, confirmed=True),
    ]


def pending_totp_device(user: AbstractBaseUser) -> TOTPDevice:
    """The authenticator app being set up: one unconfirmed device per account, kept until it is
    confirmed with a code, so that reloading the page shows the same QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    return device


@transaction.atomic
def new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    """Replace the account's recovery codes with ten new single-use ones and return them.
    They are shown once; the database keeps them only until they are used."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.ADMIN_2FA_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def has_recovery_codes_device(user: AbstractBaseUser) -> bool:
    """Whether the account ever got recovery codes (used up or not) since its last reset."""
    return StaticDevice.objects.filter(user=user).exists()


def remaining_recovery_codes(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def reset_devices(user: AbstractBaseUser) -> int:
    """Remove every second-factor device of the account, confirmed or not; return how many."""
    removed = 0
    for model in (WebAuthnCredential, TOTPDevice, StaticDevice):
        devices = model.objects.filter(user=user)
        removed += devices.count()
        devices.delete()
    return removed
