from dossier.models import SectionIndexPage


class SourceIndexPage(SectionIndexPage):
    """The sources section: practice examples, websites, datasets and tools worth reading."""

    subpage_types = []

    class Meta:
        verbose_name = "bronnenoverzicht"
