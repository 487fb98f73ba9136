"""Site-wide text the editors maintain."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from ..blocks import RICH_TEXT_FEATURES, LinkBlock, SocialLinkBlock
from .fields import optional_link


def split_addresses(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", "\n").splitlines() if part.strip()]


def validate_address_list(value: str) -> None:
    for address in split_addresses(value):
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(f"{address} is geen geldig e-mailadres.") from None


# --- Site settings --------------------------------------------------------------------


@register_setting(icon="cog")
class DossierSettings(BaseSiteSetting):
    """Site-wide text the editors maintain: contact details, footer links, social accounts."""

    organisation_name = models.CharField(
        "naam van het kennisinstituut",
        max_length=160,
        default="Kennisinstituut",
        help_text="Staat in de voettekst als uitgever van het dossier.",
    )
    contact_name = models.CharField("contactpersoon", max_length=160, blank=True)
    contact_email = models.EmailField(
        "e-mailadres voor bijdragen",
        blank=True,
        help_text="Lezers die willen bijdragen, kunnen dit adres gebruiken.",
    )
    contact_phone = models.CharField("telefoonnummer", max_length=40, blank=True)
    contribution_recipients = models.TextField(
        "e-mailadressen van de redactie voor nieuwe bijdragen",
        blank=True,
        validators=[validate_address_list],
        help_text=(
            "Eén adres per regel. Deze adressen krijgen bericht van elke nieuwe bijdrage. "
            "Leeg: het e-mailadres voor bijdragen hierboven."
        ),
    )
    contribution_page = optional_link(
        "wagtailcore.Page",
        "pagina om bij te dragen",
        help_text="Waar de oproep 'Draag bij aan het dossier' naartoe linkt.",
    )
    privacy_page = optional_link(
        "wagtailcore.Page",
        "privacyverklaring",
        help_text="Formulieren om het dossier te volgen linken hiernaar: wat we bewaren en "
        "hoe lang.",
    )
    footer_text = RichTextField(
        "tekst in de voettekst", blank=True, features=RICH_TEXT_FEATURES, max_length=1000
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        verbose_name="links in de voettekst",
        blank=True,
        help_text="Bijvoorbeeld: over dit dossier, privacy, toegankelijkheid, bijdragen.",
    )
    social_links = StreamField(
        [("account", SocialLinkBlock())], verbose_name="sociale media", blank=True
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contribution_recipients"),
                FieldPanel("contribution_page"),
                FieldPanel("privacy_page"),
            ],
            heading="Contact",
        ),
        FieldPanel("footer_text"),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = "instellingen van het dossier"

    def notification_addresses(self) -> list[str]:
        """Who hears of a new contribution: the listed addresses, else the contact address."""
        addresses = split_addresses(self.contribution_recipients)
        if not addresses and self.contact_email:
            addresses = [self.contact_email]
        return addresses
