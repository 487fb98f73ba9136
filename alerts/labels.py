"""A followed selection as a value (``Choice``) and in words. Knows no model, so that the
models can name themselves with it."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.text import capfirst

from dossier.listing import CANONICAL_ORDER

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
