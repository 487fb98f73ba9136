from dossier.models import SectionIndexPage


class ProjectIndexPage(SectionIndexPage):
    """The projects and events section: the institute's current projects and its meetings."""

    subpage_types = []

    class Meta:
        verbose_name = "overzicht van projecten en bijeenkomsten"
