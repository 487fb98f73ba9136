from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Person, Theme


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
