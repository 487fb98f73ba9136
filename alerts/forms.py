"""The reader's forms: sign up for a selection, ask for the "manage" link, and change or end
subscriptions on the manage page."""

from django import forms

from dossier.ops.abuse import FormGuard, FreshTokenField, filled_honeypot, honeypot_field

from .models import Frequency

guard = FormGuard("alerts-signup", "ALERTS_SIGNUP", "dossier.alerts.form-started")

FREQUENCY_HELP = {
    Frequency.DIRECT: "Direct: één e-mail zodra er iets verschijnt of belangrijk verandert.",
    Frequency.DAILY: "Dagelijks: één overzicht om 8.00 uur, alleen als er iets nieuw is.",
    Frequency.WEEKLY: "Wekelijks: één overzicht op maandag om 8.00 uur, alleen als er iets "
    "nieuw is.",
}


class GuardedForm(forms.Form):
    """A public form with the honeypot and the time-trap."""

    website = honeypot_field()
    started = FreshTokenField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = guard.issue_form_token()

    @property
    def is_bot(self):
        return filled_honeypot(self.data)


class EmailField(forms.EmailField):
    default_error_messages = {
        "required": "Vul uw e-mailadres in.",
        "invalid": "Vul een e-mailadres in zoals naam@gemeente.nl.",
    }

    def clean(self, value):
        return super().clean(value).strip().lower()


class SignUpForm(GuardedForm):
    email = EmailField(
        label="Uw e-mailadres",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    frequency = forms.ChoiceField(
        label="Hoe vaak wilt u e-mail krijgen?",
        choices=[(value, FREQUENCY_HELP[value]) for value in Frequency.values],
        initial=Frequency.DAILY,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe vaak u e-mail wilt krijgen."},
    )


class ManageRequestForm(GuardedForm):
    email = EmailField(
        label="Uw e-mailadres",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class FrequencyForm(forms.Form):
    """One subscription's new frequency on the manage page."""

    subscription = forms.IntegerField(widget=forms.HiddenInput)
    frequency = forms.ChoiceField(choices=Frequency.choices)
