"""Cross-section models: the abstract page bases, the home page, standard pages, the shared
snippets (themes, people, organisations), tags, related pages and the site settings, and the
small site-wide data kept per content version."""

from .base import BasePage, breadcrumb_trail, home_crumb, labelled
from .changes import ChangeNote
from .fields import optional_link
from .finder import FinderEntry
from .home import DossierHomePage, StandardPage
from .page_forms import ChangeNoteForm
from .sections import CARD_IMAGE_RENDITIONS, SectionIndexPage, section_indexes
from .shared import (
    CachedViewRestrictionsMixin,
    dossier_settings,
    publisher_data,
    themes,
    view_restrictions,
    without_restricted,
)
from .site_settings import DossierSettings
from .snippets import (
    Organisation,
    PageAuthor,
    PageTheme,
    Person,
    RelatedPageLink,
    TaggedPage,
    Theme,
)
from .words import SearchWord

__all__ = [
    "CARD_IMAGE_RENDITIONS",
    "BasePage",
    "CachedViewRestrictionsMixin",
    "ChangeNote",
    "ChangeNoteForm",
    "DossierHomePage",
    "DossierSettings",
    "FinderEntry",
    "Organisation",
    "PageAuthor",
    "PageTheme",
    "Person",
    "RelatedPageLink",
    "SearchWord",
    "SectionIndexPage",
    "StandardPage",
    "TaggedPage",
    "Theme",
    "breadcrumb_trail",
    "dossier_settings",
    "home_crumb",
    "labelled",
    "optional_link",
    "publisher_data",
    "section_indexes",
    "themes",
    "view_restrictions",
    "without_restricted",
]
