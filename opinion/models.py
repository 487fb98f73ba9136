from dossier.models import SectionIndexPage


class OpinionIndexPage(SectionIndexPage):
    """The opinion section: blogs in which municipalities and others have their say."""

    subpage_types = []

    class Meta:
        verbose_name = "opinieoverzicht"
