from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class CodeForm(forms.Form):
    """A 6-digit code from the authenticator app, or one of the account's recovery codes."""

    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="De 6 cijfers uit je authenticator-app, of een van je herstelcodes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, user: AbstractBaseUser, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).replace("-", "").lower()

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("code")
        if code:
            self.device = self._matching_device(code)
            if self.device is None:
                self.add_error("code", forms.ValidationError("Deze code klopt niet.", "wrong_code"))
        return cleaned

    @transaction.atomic
    def _matching_device(self, code: str):
        """The device that accepts the code. Locked rows, so that two requests cannot both use
        one recovery code or one authenticator code; a used recovery code is deleted, and an
        authenticator code is not accepted again (django-otp remembers its time step)."""
        apps = TOTPDevice.objects.devices_for_user(self.user, confirmed=True).select_for_update()
        recovery = StaticDevice.objects.devices_for_user(
            self.user, confirmed=True
        ).select_for_update()
        candidates = list(apps) if len(code) == 6 and code.isdigit() else list(recovery)
        for device in candidates:
            if device.verify_token(code):
                return device
        return None


class ConfirmAppForm(forms.Form):
    code = forms.CharField(
        label="Code uit de app",
        max_length=10,
        help_text="De 6 cijfers die de app nu toont.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device: TOTPDevice, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and self.device.verify_token(code)):
            raise forms.ValidationError(
                "Deze code klopt niet. Controleer of de klok van je telefoon goed staat en "
                "probeer de code die de app nu toont.",
                code="wrong_code",
            )
        return code
