"""What a reader can follow, from a query string to a ``Topic`` and back to words and links.

The query string is the finder's (``/volgen/?sectie=nieuws&thema=zorg``): the same
``FilterForm`` reads it, so a selection followed is exactly a finder selection without its
period and order. ``?pagina=<id>`` follows one page. Nothing at all follows the whole
dossier.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.text import capfirst
from wagtail.models import Page

from dossier.listing import CANONICAL_ORDER, FilterForm
from dossier.models import BasePage, Theme, section_indexes, themes, without_restricted

from .models import Topic

#: The finder's fields that a followed selection keeps.
FOLLOW_FIELDS = ("q", "sectie", "soort", "thema", "tag")
MAX_WORDS = 200
QUOTE_OPEN, QUOTE_CLOSE = "\u2018", "\u2019"


@dataclass(frozen=True)
class Choice:
    """A validated selection to follow: slugs and words, or one page."""

    page_id: int | None = None
    section: str = ""
    kind: str = ""
    theme: str = ""
    tag: str = ""
    words: str = ""

    def params(self):
        """The selection as the finder's query parameters, in canonical order."""
        if self.page_id:
            return {"pagina": str(self.page_id)}
        values = {
            "q": self.words,
            "sectie": self.section,
            "soort": self.kind,
            "thema": self.theme,
            "tag": self.tag,
        }
        return {name: values[name] for name in CANONICAL_ORDER if values.get(name)}

    @property
    def key(self):
        return urlencode(self.params()) or "alles"


def _follow_form(data, request):
    sections = section_indexes(request)
    kinds = {value: label for s in sections for value, label in s.finder_kind_choices}
    return FilterForm(
        data,
        themes=themes(),
        sections=[(section.slug, section.title) for section in sections],
        kinds=list(kinds.items()),
        fields=FOLLOW_FIELDS,
    )


def read_choice(data, request):
    """(Choice, [labels of values not understood]) from a query string or token data; a page
    that is not live and public is not understood."""
    if "pagina" in data:
        try:
            page_id = int(str(data.get("pagina"))[:12])
        except ValueError:
            return Choice(), ["pagina"]
        page = without_restricted(Page.objects.live()).filter(pk=page_id).first()
        if page is None or not issubclass(page.specific_class or Page, BasePage):
            return Choice(), ["pagina"]
        return Choice(page_id=page_id), []
    form = _follow_form(data, request)
    active = form.active
    choice = Choice(
        section=active.get("sectie", ""),
        kind=active.get("soort", ""),
        theme=active.get("thema", ""),
        tag=active.get("tag", ""),
        words=" ".join(active.get("q", "").lower().split())[:MAX_WORDS],
    )
    return choice, form.ignored


def topic_for(choice, request):
    """The Topic row of ``choice``, made when nobody followed it before."""
    topic = Topic.objects.filter(key=choice.key).first()
    if topic is not None:
        return topic
    fields = {"kind": choice.kind, "tag": choice.tag, "words": choice.words}
    if choice.page_id:
        fields["page_id"] = choice.page_id
    if choice.section:
        sections = {section.slug: section.pk for section in section_indexes(request)}
        fields["section_id"] = sections.get(choice.section)
    if choice.theme:
        fields["theme"] = Theme.objects.filter(slug=choice.theme).first()
    topic, _created = Topic.objects.get_or_create(key=choice.key, defaults=fields)
    return topic


# --- Words and links -----------------------------------------------------------------------


def describe_choice(choice, *, page_title="", section_title="", theme_name=""):
    """The selection in words: "Alles in het dossier", "Nieuws over zorg", ..."""
    if choice.page_id:
        return (
            f"Wijzigingen van {QUOTE_OPEN}{page_title}{QUOTE_CLOSE}" if page_title else "Eén pagina"
        )
    parts = [capfirst(section_title.lower()) if section_title else "Alles"]
    if choice.kind:
        parts.append(f"soort {choice.kind}")
    if theme_name:
        parts.append(f"over {theme_name.lower()}")
    if choice.tag:
        parts.append(f"met tag {choice.tag}")
    if choice.words:
        parts.append(f"met de woorden {QUOTE_OPEN}{choice.words}{QUOTE_CLOSE}")
    first, *rest = parts
    if not rest:
        return "Alles in het dossier" if first == "Alles" else first
    return " ".join([first, ", ".join(rest)])


def topic_choice(topic):
    return Choice(
        page_id=topic.page_id,
        section=topic.section.slug if topic.section_id else "",
        kind=topic.kind,
        theme=topic.theme.slug if topic.theme_id else "",
        tag=topic.tag,
        words=topic.words,
    )


def describe(topic):
    """A Topic in words (its page, section and theme are fetched when not selected)."""
    return describe_choice(
        topic_choice(topic),
        page_title=topic.page.title if topic.page_id else "",
        section_title=topic.section.title if topic.section_id else "",
        theme_name=topic.theme.name if topic.theme_id else "",
    )


def finder_path(choice):
    """Where the reader sees what the selection holds now: the finder, or the page."""
    if choice.page_id:
        page = Page.objects.filter(pk=choice.page_id).first()
        return page.url if page is not None else "/"
    query = urlencode(choice.params())
    return "/zoeken/" + (f"?{query}" if query else "")


def follow_path(params):
    """The sign-up page for a selection given as finder parameters (in canonical order), or
    for one page (``pagina``)."""
    order = [*CANONICAL_ORDER, "pagina"]
    query = urlencode([(name, params[name]) for name in order if params.get(name)])
    return reverse("alerts:follow") + (f"?{query}" if query else "")
