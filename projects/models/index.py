"""The projects section: projects and events, the agenda and its calendar."""

from datetime import timedelta

from django import forms
from django.db import models
from django.db.models import Case, F, When
from django.utils import timezone
from wagtail.contrib.routable_page.models import path

from dossier.models import PageTheme, SectionIndexPage, without_restricted

from ..feeds import AGENDA_NAME, build_calendar, calendar_response
from .events import EventPage
from .projects import ProjectPage, ProjectsItemPage


class ProjectIndexPage(SectionIndexPage):
    """The projects and events section: the institute's current projects and its meetings."""

    listing_model = ProjectsItemPage
    finder_kind_choices = [("project", "Project"), ("bijeenkomst", "Bijeenkomst")]
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
        now = timezone.now()
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

    def next_event(self, teasers):
        """The home page's teasers are the upcoming events, soonest first, when any are
        planned: the first of them (no query)."""
        now = timezone.now()
        events = (item.as_event for item in teasers)
        return next((event for event in events if event and event.end >= now), None)

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
        events = list(self.events().filter(end__gte=since).prefetch_related(PageTheme.prefetch()))
        cal = build_calendar(events, request, name=AGENDA_NAME, subscribe=True)
        return calendar_response(cal)
