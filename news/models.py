from dossier.models import SectionIndexPage


class NewsIndexPage(SectionIndexPage):
    """The news section: its index lists news items, events, initiatives and interviews."""

    subpage_types = []

    class Meta:
        verbose_name = "nieuwsoverzicht"
