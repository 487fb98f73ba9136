from datetime import timedelta

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Case, F, When
from django.utils import timezone
from django.utils.functional import cached_property
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
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from dossier import seo
from dossier.blocks import RICH_TEXT_FEATURES
from dossier.models import BasePage, SectionIndexPage, publisher_data, without_restricted
from dossier.serializers import PersonSerializer

from .feeds import AGENDA_NAME, build_calendar, calendar_response


class ProjectsItemPage(BasePage):
    """What projects and events share, so that the section lists both in one query.

    Not created by editors directly: they create a project or an event.
    """

    is_creatable = False
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "project of bijeenkomst"
        verbose_name_plural = "projecten en bijeenkomsten"

    def _child(self, name):
        """The project or event row of a listed item (selected with the listing: no query),
        or None."""
        try:
            return getattr(self, name)
        except ObjectDoesNotExist:
            return None

    @property
    def as_event(self):
        """This item as an EventPage, or None (the listing selects both kinds in one query)."""
        return self._child("eventpage")

    @property
    def as_project(self):
        return self._child("projectpage")

    @cached_property
    def card(self):
        """A listed item shows the card of its kind: a project's or an event's."""
        item = self.as_event or self.as_project
        if item is None or item is self:
            return super().card
        return item.card


class ProjectPage(ProjectsItemPage):
    """A current or finished project of the institute, with its updates as a timeline."""

    class Status(models.TextChoices):
        RUNNING = "lopend", "Lopend"
        FINISHED = "afgerond", "Afgerond"

    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.RUNNING, db_index=True
    )
    period_start = models.DateField("begin van het project", null=True, blank=True)
    period_end = models.DateField(
        "einde van het project", null=True, blank=True, help_text="Leeg bij een lopend project."
    )
    results = RichTextField(
        "tussenresultaten",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Wat het project tot nu toe heeft opgeleverd.",
    )
    contact_person = models.ForeignKey(
        "dossier.Person",
        verbose_name="contactpersoon",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    take_part_title = models.CharField(
        "titel van de oproep", max_length=120, blank=True, default="Doe mee"
    )
    take_part_text = models.TextField(
        "oproep om mee te doen",
        blank=True,
        max_length=800,
        help_text="Hoe lezers kunnen meedenken of meedoen. Leeg: geen oproep.",
    )
    take_part_url = models.URLField(
        "link bij de oproep",
        blank=True,
        help_text="Leeg: de knop mailt de contactpersoon.",
    )

    content_panels = [
        *BasePage.title_panels,
        *BasePage.date_panels,
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
            ],
            heading="Status en looptijd",
        ),
        *BasePage.text_panels,
        *BasePage.taxonomy_panels,
        InlinePanel("updates", heading="Updates (tijdlijn)", label="Update"),
        FieldPanel("results"),
        FieldPanel("contact_person"),
        MultiFieldPanel(
            [
                FieldPanel("take_part_title"),
                FieldPanel("take_part_text"),
                FieldPanel("take_part_url"),
            ],
            heading="Doe mee",
        ),
        *BasePage.related_panels,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("results")]
    api_fields = [
        *BasePage.api_fields,
        APIField("status"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("updates"),
        APIField("results"),
        APIField("contact_person", serializer=PersonSerializer(read_only=True)),
        APIField("take_part_title"),
        APIField("take_part_text"),
        APIField("take_part_url"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "project"
        verbose_name_plural = "projecten"

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "Het einde ligt vóór het begin."})

    @property
    def take_part_href(self):
        if self.take_part_url:
            return self.take_part_url
        if self.contact_person_id and self.contact_person.email:
            return f"mailto:{self.contact_person.email}"
        return ""

    @property
    def as_event(self):
        return None

    @property
    def as_project(self):
        return self

    def card_kind(self):
        return "Project"

    def card_bylines(self):
        return [f"Status: {self.get_status_display().lower()}"]

    def structured_data(self, request):
        data = seo.creative_work_data(
            self, request, "CreativeWork", publisher=publisher_data(request)
        )
        data["creativeWorkStatus"] = self.get_status_display()
        if self.period_start:
            end = self.period_end.isoformat() if self.period_end else ".."
            data["temporalCoverage"] = f"{self.period_start.isoformat()}/{end}"
        return data


class ProjectUpdate(Orderable):
    """A dated step in a project, shown in its timeline."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField("datum")
    title = models.CharField("titel", max_length=160)
    text = RichTextField("tekst", blank=True, features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("date"), FieldPanel("title"), FieldPanel("text")]
    api_fields = [APIField("date"), APIField("title"), APIField("text")]

    class Meta(Orderable.Meta):
        verbose_name = "update"
        verbose_name_plural = "updates"


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
    contact_person = models.ForeignKey(
        "dossier.Person",
        verbose_name="contactpersoon",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    show_contact_email = models.BooleanField("toon het e-mailadres", default=True)
    show_contact_phone = models.BooleanField("toon het telefoonnummer", default=False)
    related_publication = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="bijbehorende publicatie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

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
            "organizer": publisher_data(request),
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
        return context


class ProgrammeItem(Orderable):
    """A talk or session in an event's programme."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="programme")
    time = models.TimeField("tijd", null=True, blank=True)
    title = models.CharField("titel", max_length=250)
    speaker = models.ForeignKey(
        "dossier.Person",
        verbose_name="spreker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    slides = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="presentatie (slides)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

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


class ProjectIndexPage(SectionIndexPage):
    """The projects and events section: the institute's current projects and its meetings."""

    listing_model = ProjectsItemPage
    subpage_types = ["projects.ProjectPage", "projects.EventPage"]
    teaser_count = 3

    class Meta:
        verbose_name = "overzicht van projecten en bijeenkomsten"

    def listing(self):
        """Upcoming events first (soonest first), then projects and past events, newest first."""
        upcoming_start = Case(
            When(eventpage__end__gte=timezone.now(), then=F("eventpage__start")),
            default=None,
            output_field=models.DateTimeField(),
        )
        return (
            super()
            .listing()
            .select_related("projectpage", "eventpage")
            .annotate(upcoming_start=upcoming_start)
            .order_by(F("upcoming_start").asc(nulls_last=True), "-date", "-pk")
        )

    def filter_fields(self):
        return {
            "soort": forms.ChoiceField(
                label="Soort",
                required=False,
                choices=[
                    ("", "Projecten en bijeenkomsten"),
                    ("project", "Projecten"),
                    ("bijeenkomst", "Bijeenkomsten"),
                ],
            ),
            "status": forms.ChoiceField(
                label="Status", required=False, choices=[("", "Alle"), *ProjectPage.Status.choices]
            ),
            "wanneer": forms.ChoiceField(
                label="Wanneer",
                required=False,
                choices=[
                    ("", "Komend en voorbij"),
                    ("komend", "Komende bijeenkomsten"),
                    ("voorbij", "Voorbije bijeenkomsten"),
                ],
            ),
        }

    def apply_filters(self, queryset, active):
        active = dict(active)
        kind = active.pop("soort", None)
        queryset = super().apply_filters(queryset, active)
        now = timezone.now()
        if kind == "project":
            queryset = queryset.filter(projectpage__isnull=False)
        elif kind == "bijeenkomst":
            queryset = queryset.filter(eventpage__isnull=False)
        if "status" in active:
            queryset = queryset.filter(projectpage__status=active["status"])
        if active.get("wanneer") == "komend":
            queryset = queryset.filter(eventpage__end__gte=now)
        elif active.get("wanneer") == "voorbij":
            queryset = queryset.filter(eventpage__end__lt=now)
        return queryset

    def home_teasers(self):
        """Upcoming events on the home page; the newest items when none are planned."""
        return self.upcoming_events() or self.teasers()

    def events(self):
        """The live, public events of this section, soonest first."""
        return (
            without_restricted(EventPage.objects.live())
            .descendant_of(self)
            .defer_streamfields()
            .order_by("start", "pk")
        )

    def upcoming_events(self, limit=3):
        return list(self.events().filter(end__gte=timezone.now())[:limit])

    @path("agenda.ics/", name="agenda")
    def agenda_ics(self, request):
        """Every upcoming event and those of the past year, for calendar apps to subscribe to."""
        since = timezone.now() - timedelta(days=365)
        events = list(self.events().filter(end__gte=since).prefetch_related("page_themes__theme"))
        cal = build_calendar(events, request, name=AGENDA_NAME, subscribe=True)
        return calendar_response(cal)
