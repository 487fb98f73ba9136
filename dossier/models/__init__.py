"""Cross-section models: the home page, standard pages, the abstract page bases, the shared
snippets (themes, people, organisations), tags and the site settings."""

from .contributions import Contribution, ContributionFormPage
from .pages import BasePage, DossierHomePage, SectionIndexPage, StandardPage, breadcrumb_trail
from .site_settings import DossierSettings
from .snippets import Organisation, PageAuthor, Person, RelatedPageLink, TaggedPage, Theme

__all__ = [
    "BasePage",
    "Contribution",
    "ContributionFormPage",
    "DossierHomePage",
    "DossierSettings",
    "Organisation",
    "PageAuthor",
    "Person",
    "RelatedPageLink",
    "SectionIndexPage",
    "StandardPage",
    "TaggedPage",
    "Theme",
    "breadcrumb_trail",
]
