"""The contributions app's models: the stored submissions and the form page."""

from .form_page import ContributionFormPage
from .submission import TEXT_MAX_LENGTH, Contribution

__all__ = ["TEXT_MAX_LENGTH", "Contribution", "ContributionFormPage"]
