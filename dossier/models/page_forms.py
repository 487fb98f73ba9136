"""The admin's side of every content page: its edit form with the themes and the change
note, and the panels that show them (used by ``BasePage``'s panels)."""

import functools

from django import forms
from wagtail.admin import compare
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .snippets import Theme

NOTE_MAX_LENGTH = 1000


class ChangeNoteForm(forms.Form):
    """The two questions of the page form (``BasePageForm`` shows them on a live page); the
    admin hook reads the same fields from the request, so they are defined once."""

    change_note = forms.CharField(
        label="Wat is er veranderd?",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optioneel. Beschrijf in een zin of twee wat je hebt veranderd. Bij een "
        "belangrijke wijziging zien lezers deze tekst in de geschiedenis van de pagina.",
        error_messages={
            "max_length": "Houd de notitie kort: hoogstens %(limit_value)d tekens "
            "(je hebt er %(show_value)d)."
        },
    )
    #: The waiting note that the form shows (``BasePageForm``), so that submitting the form
    #: changes that note rather than adding another.
    change_note_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    change_important = forms.BooleanField(
        label="Belangrijke wijziging",
        required=False,
        help_text="Vink aan als lezers dit moeten weten: de pagina toont dan 'Bijgewerkt op' "
        "met je notitie, en wie de pagina volgt krijgt een mail. Laat leeg voor een "
        "taalfout of een kleine correctie.",
    )

    def clean(self):
        cleaned = super().clean()
        self.check(self, cleaned)
        return cleaned

    @staticmethod
    def check(form, cleaned):
        """An important change needs words: readers and followers see them."""
        if cleaned.get("change_important") and not (cleaned.get("change_note") or "").strip():
            form.add_error("change_note", "Beschrijf wat er veranderd is.")


class BasePageForm(WagtailAdminPageForm):
    """The page form of every content type: the themes as checkboxes, stored as the page's
    ``page_themes`` (in memory until the page or its revision is saved, as Wagtail keeps
    every child relation); and the change note of a live page (``ChangeNoteForm``'s fields,
    kept by the admin hook in ``dossier.wagtail_hooks``, not by the page)."""

    themes = forms.ModelMultipleChoiceField(
        Theme.objects.all(),
        label="Thema's",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    change_note = ChangeNoteForm.base_fields["change_note"]
    change_important = ChangeNoteForm.base_fields["change_important"]
    change_note_id = ChangeNoteForm.base_fields["change_note_id"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].initial = [theme.pk for theme in self.instance.themes]
        if self.instance.pk and self.instance.live:
            # A note saved with a draft or submitted for moderation waits for publication:
            # the editor sees it again, and can change or clear it.
            waiting = (
                self.instance.change_notes.filter(published_at__isnull=True)
                .order_by("-revision_id", "-pk")
                .first()
            )
            if waiting is not None:
                self.initial.update(
                    change_note=waiting.text,
                    change_important=waiting.important,
                    change_note_id=waiting.pk,
                )

    def clean(self):
        cleaned = super().clean()
        ChangeNoteForm.check(self, cleaned)
        return cleaned

    def save(self, commit=True):
        # Only when the page type's panels show the field: a form without it keeps the themes.
        if "themes" in (self._meta.fields or ()):
            self.instance.themes = self.cleaned_data.get("themes") or []
        return super().save(commit=commit)


class ThemesComparison(compare.M2MFieldComparison):
    """The themes of two versions of a page, for the admin's revision compare view (the
    themes are a child relation, not a field that Wagtail's comparison would find)."""

    def __init__(self, field, obj_a, obj_b):
        self.field = field
        self.val_a = obj_a.themes
        self.val_b = obj_b.themes

    def field_label(self):
        return "Thema's"


class ThemesPanel(FieldPanel):
    """The theme checkboxes, with their changes shown when editors compare revisions."""

    class BoundPanel(FieldPanel.BoundPanel):
        def get_comparison(self):
            return [functools.partial(ThemesComparison, None)] if self.is_shown() else []


class HiddenFieldPanel(FieldPanel):
    """A form field that goes along unseen: no label, no help, only its hidden input."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.heading = ""

        def render_html(self, parent_context=None):
            return str(self.bound_field) if self.form is not None else ""


class LivePagePanel(MultiFieldPanel):
    """A group shown only when editing a page that readers can see (a change note means
    nothing on a page that was never published)."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            return bool(self.instance.pk and self.instance.live) and super().is_shown()
