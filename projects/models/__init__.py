"""The projects section's models: projects with their updates, events with their
programme, and the section index with the agenda."""

from .events import EventPage, ProgrammeItem
from .index import ProjectIndexPage
from .projects import ProjectPage, ProjectsItemPage, ProjectUpdate

__all__ = [
    "EventPage",
    "ProgrammeItem",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectUpdate",
    "ProjectsItemPage",
]
