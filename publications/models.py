from dossier.models import SectionIndexPage


class PublicationIndexPage(SectionIndexPage):
    """The publications section: reports, books, essays and case studies."""

    subpage_types = []

    class Meta:
        verbose_name = "publicatieoverzicht"
