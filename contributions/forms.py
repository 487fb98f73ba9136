"""The contribution form: a model form with a honeypot, a time-trap token and consent."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from dossier.ops.abuse import FreshTokenField, filled_honeypot, honeypot_field

from .abuse import issue_form_token
from .models.submission import Contribution
from .uploads import ALLOWED_LABEL, check_attachment, too_large_message

#: How an error message names a field. The error summary shows the messages alone (a label
#: such as "Wat wilt u bijdragen?" before a colon reads badly), so each message names its field.
FIELD_NOUNS = {
    "name": "uw naam",
    "organisation": "de naam van uw organisatie",
    "email": "uw e-mailadres",
    "title": "de titel",
    "text": "uw bijdrage",
    "link": "de link",
}


def single_line(noun):
    """A validator refusing line breaks and other control characters in one-line fields
    (they end up in mail headers)."""

    def validate(value: str) -> None:
        if any(unicodedata.category(char).startswith("C") for char in value):
            raise ValidationError(
                f"Schrijf {noun} op één regel, zonder regeleinden of andere stuurtekens.",
                code="control_characters",
            )

    return validate


def readable_text(value: str) -> None:
    """Allow line breaks and tabs in the text, but no other control characters."""
    if any(unicodedata.category(char) == "Cc" and char not in "\n\r\t" for char in value):
        raise ValidationError("De tekst bevat tekens die we niet kunnen opslaan.", code="control")


class ContributionForm(forms.ModelForm):
    website = honeypot_field()
    started = FreshTokenField(required=False)
    attachment = forms.FileField(
        label="Bijlage (niet verplicht)",
        required=False,
        help_text=f"Eén bestand van hoogstens 10 MB: {ALLOWED_LABEL}.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt,.txt,.jpg,.jpeg,.png"}),
    )
    link = forms.URLField(
        label="Link (niet verplicht)",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="Bijvoorbeeld de webpagina van het project of de publicatie.",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    consent = forms.BooleanField(
        label="Ik geef toestemming om mijn gegevens op te slaan om mijn bijdrage te behandelen.",
        error_messages={"required": "Geef toestemming, anders kunnen we uw bijdrage niet opslaan."},
    )

    class Meta:
        model = Contribution
        fields = ["name", "organisation", "email", "kind", "title", "text", "link"]
        labels = {
            "name": "Naam",
            "organisation": "Organisatie (niet verplicht)",
            "email": "E-mailadres",
            "kind": "Wat wilt u bijdragen?",
            "title": "Titel of onderwerp",
            "text": "Uw bijdrage",
        }
        help_texts = {
            "organisation": "Bijvoorbeeld uw gemeente, bedrijf of kennisinstelling.",
            "email": "Alleen om u te bedanken en vragen te stellen; we publiceren het niet.",
            "text": "De tekst, samenvatting of toelichting; hoogstens 20.000 tekens.",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "kind": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 12}),
        }
        error_messages = {
            "name": {"required": "Vul uw naam in."},
            "email": {
                "required": "Vul uw e-mailadres in.",
                "invalid": "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.",
            },
            "kind": {"required": "Kies wat u wilt bijdragen."},
            "title": {"required": "Geef uw bijdrage een titel of onderwerp."},
            "text": {"required": "Schrijf uw bijdrage of een toelichting."},
        }

    def __init__(self, *args, refused_uploads=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.refused_uploads = set(refused_uploads)
        for name in ("name", "organisation", "title"):
            self.fields[name].validators.append(single_line(FIELD_NOUNS[name]))
        for name, noun in FIELD_NOUNS.items():
            self.fields[name].error_messages["max_length"] = (
                f"Maak {noun} korter: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            )
        self.fields["text"].validators.append(readable_text)
        # Only web addresses (not javascript:, ftp: or file:); replaces the default validator,
        # so that a bad link gets one message rather than two.
        self.fields["link"].validators = [URLValidator(schemes=["http", "https"])]
        self.fields["link"].error_messages["invalid"] = (
            "Vul een volledig webadres in, zoals https://www.gemeente.nl/project."
        )
        # A fresh time-trap token whenever the form is shown (again).
        self.initial["started"] = issue_form_token()
        self.fields["kind"].choices = list(Contribution.Kind.choices)
        self.checked_attachment = None

    def clean_attachment(self):
        if "attachment" in self.refused_uploads:
            raise ValidationError(too_large_message(), code="size")
        uploaded = self.cleaned_data.get("attachment")
        if uploaded:
            self.checked_attachment = check_attachment(uploaded)
        return uploaded

    @property
    def is_bot(self) -> bool:
        return filled_honeypot(self.data)

    def save(self, commit=True):
        contribution = super().save(commit=False)
        contribution.consent_at = timezone.now()
        uploaded = self.cleaned_data.get("attachment")
        if uploaded and self.checked_attachment:
            checked = self.checked_attachment
            # The stored name is random; the extension is the checked one, lower case.
            contribution.attachment.save(f"upload{checked.extension}", uploaded, save=False)
            contribution.attachment_name = checked.name
            contribution.attachment_type = checked.content_type
            contribution.attachment_size = checked.size
        if commit:
            contribution.save()
        return contribution
