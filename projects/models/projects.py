"""Projects, and what projects and events share so that the section lists both."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from dossier import seo
from dossier.blocks import RICH_TEXT_FEATURES
from dossier.models import BasePage, labelled, optional_link, publisher_data
from dossier.serializers import PersonSerializer


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
    contact_person = optional_link("dossier.Person", "contactpersoon")
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
        *BasePage.change_panels,
    ]
    #: A dated update in the timeline counts as an update of the project.
    update_relation = "updates"

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
        return [labelled("Status:", self.get_status_display().lower())]

    def structured_data(self, request):
        data = seo.creative_work_data(
            self,
            request,
            "CreativeWork",
            publisher=publisher_data(request),
            modified=self.date_modified,
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
