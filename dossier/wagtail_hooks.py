from django.apps import apps
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    BasePage,
    ChangeNoteForm,
    Organisation,
    Person,
    SectionIndexPage,
    Theme,
    changes,
    finder_rows,
)
from .ops import cache_tags


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Thema's"
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "Personen"
    list_display = ["name", "role", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "role"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisaties"
    list_display = ["name", "kind", "is_own"]
    list_filter = ["kind", "is_own"]
    search_fields = ["name"]


class DossierSnippets(SnippetViewSetGroup):
    items = (ThemeViewSet, PersonViewSet, OrganisationViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Dossier"
    menu_name = "dossier"


register_snippet(DossierSnippets)


class SectionPageViewSet(PageViewSet):
    """The page explorer's listing of a section's pages: Wagtail's own columns, with the
    page's date (by which readers' listings sort) after the title."""

    #: The section index whose children this listing shows.
    index_model: type[SectionIndexPage] | None = None

    columns = [
        *PageViewSet.columns[:2],
        Column("date", label="Datum", sort_key="date", width="12%"),
        *PageViewSet.columns[2:],
    ]

    @cached_property
    def parent_models(self):
        # Wagtail picks every parent whose children are all of ``model`` (a series of
        # publications); the index is named as well, since its children may be subtypes that
        # editors create instead of ``model`` itself (projects and events).
        return list(dict.fromkeys([self.index_model, *super().parent_models]))


@hooks.register("register_admin_viewset")
def register_section_page_listings():
    """One explorer listing per section, for the page type its index lists."""
    return [
        SectionPageViewSet(
            name=f"{index_model._meta.label_lower}_pages",
            model=index_model.listing_model,
            index_model=index_model,
        )
        for index_model in apps.get_models()
        if issubclass(index_model, SectionIndexPage)
    ]


@hooks.register("after_create_page")
@hooks.register("before_publish_page")
@hooks.register("after_edit_page")
def record_change_note(request, page):
    """Keep the editor's change note ("Wat is er veranderd?") with the revision that the
    form just saved. The page form checked the fields; a form that did not show them (a
    page that is not live) sends none, and nothing changes.

    For "Publiceren" the note is kept before Wagtail publishes (``before_publish_page``),
    so that publishing (``dossier.signals``) finds the note as the editor left it; the
    second call, after the edit, changes nothing. After "Ter moderatie indienen" or a
    draft the note waits for the revision's publication."""
    if not isinstance(page, BasePage) or "change_note" not in request.POST:
        return
    form = ChangeNoteForm(request.POST)
    if form.is_valid():
        note = changes.record(
            page,
            page.latest_revision,
            form.cleaned_data["change_note"],
            form.cleaned_data["change_important"],
            note_id=form.cleaned_data["change_note_id"],
        )
        if note is not None and note.published_at is not None:
            finder_rows.refresh([page.pk])


@hooks.register("before_serve_page")
def record_page_shown(page, request, serve_args, serve_kwargs):
    """Every page served shows itself: the page cache keeps it until the page changes. A
    page reads no query parameters unless it says so (a section index's filters): the page
    cache serves it the same whatever parameters are added."""
    cache_tags.shows_pages([page])
    cache_tags.reads_params()
