"""Events with their programme, and the calendar file of one event."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from dossier import seo
from dossier.models import BasePage, optional_link, publisher_data
from dossier.ops import cache_tags
from dossier.serializers import OrganisationSerializer, PersonSerializer

from ..feeds import build_calendar, calendar_response
from .projects import ProjectsItemPage


class EventPage(RoutablePageMixin, ProjectsItemPage):
    """A meeting: before it, an invitation; once past, a report with its programme and slides.

    Its iCalendar file is at ``agenda.ics`` (served through ``dossier/feeds.py``).
    """

    start = models.DateTimeField("begin", help_text="Datum en tijd in Nederlandse tijd.")
    end = models.DateTimeField("einde")
    location_name = models.CharField("locatie", max_length=160, blank=True)
    location_address = models.CharField("adres", max_length=250, blank=True)
    online_url = models.URLField(
        "link voor online deelname", blank=True, help_text="Voor een online of hybride bijeenkomst."
    )
    audience = models.CharField(
        "voor wie",
        max_length=250,
        blank=True,
        help_text="Bijvoorbeeld 'beleidsmakers van gemeenten'.",
    )
    registration_url = models.URLField("link om aan te melden", blank=True)
    organiser = optional_link(
        "dossier.Organisation",
        "organisator",
        help_text="Wie de bijeenkomst organiseert, als dat niet de uitgever van het dossier is.",
    )
    contact_person = optional_link("dossier.Person", "contactpersoon")
    show_contact_email = models.BooleanField("toon het e-mailadres", default=True)
    show_contact_phone = models.BooleanField("toon het telefoonnummer", default=False)
    related_publication = optional_link("wagtailcore.Page", "bijbehorende publicatie")

    content_panels = [
        *BasePage.title_panels,
        # No date panel: an event's date is the day it starts (see save()).
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location_name"),
                FieldPanel("location_address"),
                FieldPanel("online_url"),
                FieldPanel("audience"),
                FieldPanel("organiser"),
                FieldPanel("registration_url"),
            ],
            heading="Wanneer en waar",
        ),
        *BasePage.text_panels,
        *BasePage.taxonomy_panels,
        InlinePanel("programme", heading="Programma", label="Programma-onderdeel"),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldRowPanel([FieldPanel("show_contact_email"), FieldPanel("show_contact_phone")]),
            ],
            heading="Contact",
        ),
        PageChooserPanel("related_publication", page_type="publications.PublicationPage"),
        *BasePage.related_panels,
        *BasePage.change_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("location_name"),
        index.SearchField("audience"),
        index.FilterField("start"),
        index.RelatedFields(
            "programme",
            [
                index.SearchField("title"),
                index.RelatedFields("speaker", [index.SearchField("name")]),
            ],
        ),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("start"),
        APIField("end"),
        APIField("location_name"),
        APIField("location_address"),
        APIField("online_url"),
        APIField("audience"),
        APIField("registration_url"),
        APIField("organiser", serializer=OrganisationSerializer(read_only=True)),
        APIField("programme"),
        APIField("related_publication"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "bijeenkomst"
        verbose_name_plural = "bijeenkomsten"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Het einde ligt vóór het begin."})
        if not (self.location_name or self.online_url):
            raise ValidationError(
                {"location_name": "Vul een locatie of een link voor online deelname in."}
            )

    def save(self, *args, **kwargs):
        # Listings sort on date: an event's date is the day it starts, in Dutch time.
        if self.start:
            self.date = timezone.localdate(self.start)
        super().save(*args, **kwargs)

    @property
    def place(self):
        """Where it is held, as readers see it: the location and its address, without saying
        the same place twice ("Stadhuis, Utrecht", not "Workshop in Utrecht, Utrecht")."""
        name, address = self.location_name.strip(), self.location_address.strip()
        if not address or address.casefold() in name.casefold():
            return name
        if not name or name.casefold() in address.casefold():
            return address
        return f"{name}, {address}"

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def as_event(self):
        return self

    @property
    def as_project(self):
        return None

    def card_kind(self):
        return "Bijeenkomst"

    def card_event(self):
        return self

    def structured_data(self, request):
        """The meeting as a schema.org Event, at a place, online or both."""
        places = []
        if self.location_name:
            address = self.location_address or self.location_name
            places.append({"@type": "Place", "name": self.location_name, "address": address})
        if self.online_url:
            places.append({"@type": "VirtualLocation", "url": self.online_url})
        mode = "Mixed" if len(places) > 1 else "Online" if self.online_url else "Offline"
        data = {
            **seo.main_entity_data(self, request, "Event"),
            "startDate": seo.iso(self.start),
            "endDate": seo.iso(self.end),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
            "location": places[0] if len(places) == 1 else places,
            "organizer": (
                seo.organisation_data(self.organiser)
                if self.organiser_id
                else publisher_data(request)
            ),
        }
        if self.audience:
            data["audience"] = {"@type": "Audience", "audienceType": self.audience}
        return data

    @path("agenda.ics/", name="ics")
    def ics(self, request):
        cal = build_calendar([self], request, name=self.title)
        return calendar_response(cal, filename=self.slug)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programme"] = list(
            self.programme.select_related("speaker__organisation", "slides")
        )
        if self.related_publication_id:
            cache_tags.shows_pages([self.related_publication_id])
        return context


class ProgrammeItem(Orderable):
    """A talk or session in an event's programme."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="programme")
    time = models.TimeField("tijd", null=True, blank=True)
    title = models.CharField("titel", max_length=250)
    speaker = optional_link("dossier.Person", "spreker")
    slides = optional_link("wagtaildocs.Document", "presentatie (slides)")

    panels = [FieldPanel("time"), FieldPanel("title"), FieldPanel("speaker"), FieldPanel("slides")]
    api_fields = [
        APIField("time"),
        APIField("title"),
        APIField("speaker", serializer=PersonSerializer(read_only=True)),
        APIField("slides"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "programma-onderdeel"
        verbose_name_plural = "programma"
