"""The one screen on which an editor handles a contribution: the submission as it came in
(read-only), its status and the editors' notes, and "Maak conceptpagina" with the section and
themes of the draft. Built from Wagtail panels for the viewset's edit view."""

from django import forms
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel

from dossier.models import Theme

from .drafts import TARGET_CHOICES, suggested_target

#: The name of the submit button that makes the draft (Wagtail's EditView reads ``action-*``).
DRAFT_ACTION = "draft"


def moment(value) -> str:
    """A moment in the admin's time zone (Europe/Amsterdam unless the editor chose another)."""
    return date_format(localtime(value), "j F Y, H:i") if value else "—"


class ContributionForm(WagtailAdminModelForm):
    """Status and notes are the contribution's own fields; the section and the themes serve
    "Maak conceptpagina" only and are not stored on the contribution."""

    target = forms.ChoiceField(
        label="Rubriek", choices=TARGET_CHOICES, required=False, widget=forms.RadioSelect
    )
    themes = forms.ModelMultipleChoiceField(
        Theme.objects.all(),
        label="Thema's",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="De thema's van de conceptpagina; je kunt ze daar nog aanpassen.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].initial = suggested_target(self.instance)


class SubmittedField(FieldPanel):
    """A field of the submission as the contributor sent it: shown, never edited; moments in
    local time, line breaks kept."""

    read_only_output_template_name = "contributions/admin/submitted_text.html"

    def __init__(self, field_name, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if isinstance(self.db_field, models.DateTimeField):
            return moment(value)
        return super().format_value_for_display(value) or "—"


class SubmittedLink(SubmittedField):
    """A web or e-mail address, as a link (the form accepted only http(s) and valid e-mail)."""

    read_only_output_template_name = "contributions/admin/submitted_link.html"

    def format_value_for_display(self, value):
        if value and isinstance(self.db_field, models.EmailField):
            return f"mailto:{value}"
        return value


class TemplatePanel(Panel):
    """A panel drawn by its own template, with the contribution as ``contribution``."""

    template_name = ""

    class BoundPanel(Panel.BoundPanel):
        @property
        def template_name(self):
            return self.panel.template_name

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["contribution"] = self.instance
            return context


class AttachmentPanel(TemplatePanel):
    """The attachment: a download for editors, or where it went after "Maak conceptpagina"."""

    template_name = "contributions/admin/attachment_panel.html"

    class BoundPanel(TemplatePanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            if self.instance.attachment:
                context["download_url"] = reverse(
                    "contributions:attachment", args=[self.instance.pk]
                )
            return context


class DraftPanel(TemplatePanel):
    """The "Maak conceptpagina" panel: the section (suggested by the kind of contribution) and the
    themes, with the button that makes the draft; once made, a link to the page instead."""

    template_name = "contributions/admin/draft_panel.html"

    def get_form_options(self):
        return {"fields": ["target", "themes"]}

    class BoundPanel(TemplatePanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["form"] = self.form
            context["action_name"] = f"action-{DRAFT_ACTION}"
            return context


contribution_panels = ObjectList(
    [
        MultiFieldPanel(
            [
                SubmittedField("created_at", heading="Ontvangen"),
                SubmittedField("kind"),
                SubmittedField("title"),
                SubmittedField("text"),
                SubmittedLink("link"),
                AttachmentPanel(heading="Bijlage"),
            ],
            heading="Bijdrage",
        ),
        MultiFieldPanel(
            [
                SubmittedField("name"),
                SubmittedLink("email"),
                SubmittedField("organisation"),
                SubmittedField("consent_at", heading="Toestemming voor opslag gegeven op"),
                SubmittedField("editors_notified_at", heading="Redactie gemaild op"),
                SubmittedField("confirmation_sent_at", heading="Bevestiging gemaild op"),
            ],
            heading="Inzender",
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("editor_notes")],
            heading="Afhandeling",
        ),
        DraftPanel(heading="Conceptpagina"),
    ],
    base_form_class=ContributionForm,
)
