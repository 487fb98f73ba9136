"""References to a publication: APA 7 text, RIS and BibTeX.

A ``Reference`` holds what every format needs, taken from a page once
(``PublicationPage.reference``); the three formatters only arrange it. Nothing here queries the
database.

Which RIS tags and BibTeX fields carry the series and its number follows what reference
managers read: Zotero's RIS import takes a report's series from ``T2`` and its number from
``SN``, a book's series from ``T2`` (``T3`` as well) and its number from ``M1``, and a chapter's
book from ``T2``; the RIS specification gives a chapter its number in ``SE``.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import slugify

REPORT, BOOK, CHAPTER, WEB = "report", "book", "chapter", "web"

RIS_TYPES = {REPORT: "RPRT", BOOK: "BOOK", CHAPTER: "CHAP", WEB: "ELEC"}
BIBTEX_TYPES = {REPORT: "techreport", BOOK: "book", CHAPTER: "incollection", WEB: "misc"}
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def split_name(name):
    """("given names", "family name with its particles") of a Dutch name as written."""
    parts = name.split()
    if len(parts) < 2:
        return "", name
    return parts[0], " ".join(parts[1:])


def initials(given):
    """'Jan-Willem' -> 'J.-W.'"""
    return "-".join(f"{part[0]}." for part in given.split("-") if part)


def one_line(text):
    """``text`` on one line: line breaks and runs of white space become one space."""
    return " ".join(str(text).split())


@dataclass(frozen=True)
class Reference:
    """One publication as a reference manager sees it.

    ``form``: REPORT, BOOK, CHAPTER (a part of a book) or WEB (an essay, guide or article
    read on the web). ``series`` is the series a part belongs to (for a chapter: its book),
    ``number`` its number there. ``organisation`` is the author when no person is credited.
    """

    form: str
    title: str
    date: date
    url: str
    authors: list[str] = field(default_factory=list)
    organisation: str = ""
    publisher: str = ""
    commissioner: str = ""
    series: str = ""
    number: int | None = None
    kind_label: str = ""
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)

    @property
    def group_author(self):
        """The organisation named as author, when no person is."""
        return "" if self.authors else self.organisation


# --- APA 7 ------------------------------------------------------------------------------


def _apa_people(names):
    people = []
    for name in names:
        given, family = split_name(one_line(name))
        people.append(f"{family}, {initials(given)}" if given else family)
    if len(people) > 1:
        return ", ".join(people[:-1]) + ", & " + people[-1]
    return people[0] if people else ""


def _sentence(html):
    """``html`` closed with a full stop, unless it ends in punctuation of its own."""
    text = re.sub(r"<[^>]*>", "", str(html))
    return html if text.endswith((".", "?", "!")) else format_html("{}.", html)


def apa(ref: Reference) -> SafeString:
    """The APA 7 reference as HTML (title or book in italics), every value escaped:

    Author. (Year). *Title* (Series, deel N). Publisher. In opdracht van X. URL
    Author. (Year). Chapter. In *Book* (deel N). Publisher. URL
    Author. (Year, day month). *Title*. Website. URL
    """
    author = _apa_people(ref.authors) or one_line(ref.group_author)
    title = one_line(ref.title)
    parts = []
    if ref.form == WEB:
        when = f"{ref.date.year}, {ref.date.day} {MONTHS[ref.date.month - 1]}"
    else:
        when = str(ref.date.year)
    if ref.form == CHAPTER:
        work = _sentence(format_html("{}", title))
        number = format_html(" (deel {})", ref.number) if ref.number else ""
        work = format_html("{} In <i>{}</i>{}.", work, one_line(ref.series), number)
    else:
        work = format_html("<i>{}</i>", title)
        if ref.series and ref.number:
            work = format_html("{} ({}, deel {})", work, one_line(ref.series), ref.number)
        elif ref.series:
            work = format_html("{} ({})", work, one_line(ref.series))
        work = _sentence(work)
    if author:
        parts += [_sentence(format_html("{}", author)), format_html("({}).", when), work]
    else:  # APA: without an author the title moves to the front
        parts += [work, format_html("({}).", when)]
    publisher = one_line(ref.publisher)
    if publisher and publisher != author:
        parts.append(_sentence(format_html("{}", publisher)))
    if ref.commissioner:
        parts.append(format_html("In opdracht van {}.", one_line(ref.commissioner)))
    if ref.url:
        parts.append(format_html("{}", ref.url))
    return format_html_join(" ", "{}", ((part,) for part in parts))


# --- RIS --------------------------------------------------------------------------------


def ris(ref: Reference) -> str:
    """The reference as one RIS record (CRLF line ends, one line per tag)."""
    lines = [("TY", RIS_TYPES[ref.form]), ("TI", ref.title)]
    if ref.authors:
        lines += [("AU", "{1}, {0}".format(*split_name(one_line(n)))) for n in ref.authors]
    elif ref.organisation:
        lines.append(("AU", ref.organisation))
    lines += [("PY", str(ref.date.year)), ("DA", ref.date.strftime("%Y/%m/%d"))]
    if ref.form == WEB:
        lines.append(("T2", ref.publisher))  # the website
        lines.append(("T3", ref.series))
    else:
        lines.append(("T2", ref.series))  # a report's or book's series, a chapter's book
    if ref.form == BOOK:
        lines.append(("T3", ref.series))
    if ref.number:
        tag = {REPORT: "SN", BOOK: "M1", CHAPTER: "SE", WEB: "M1"}[ref.form]
        lines.append((tag, str(ref.number)))
    if ref.form == REPORT:
        lines.append(("M3", ref.kind_label))  # the report type
    lines.append(("PB", ref.publisher))
    if ref.commissioner:
        lines.append(("N1", f"In opdracht van {ref.commissioner}"))
    lines.append(("UR", ref.url))
    lines.append(("AB", ref.abstract))
    lines += [("KW", keyword) for keyword in ref.keywords]
    body = "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines if one_line(value))
    return body + "ER  - \r\n"


# --- BibTeX -----------------------------------------------------------------------------

#: LaTeX for the characters that BibTeX or LaTeX read as syntax.
LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "{": r"\{",
    "}": r"\}",
}
#: BibTeX counts every brace, escaped or not, to find where a value ends: braces that do not
#: pair up are written as commands without braces of their own.
UNPAIRED_BRACES = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
_LATEX_PATTERN = re.compile("|".join(re.escape(char) for char in LATEX_SPECIAL))


def _braces_pair(text):
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def latex(text):
    """``text`` on one line with LaTeX's special characters escaped (letters with diacritics
    stay as they are: .bib files are UTF-8)."""
    text = one_line(text)
    special = LATEX_SPECIAL if _braces_pair(text) else {**LATEX_SPECIAL, **UNPAIRED_BRACES}
    return _LATEX_PATTERN.sub(lambda match: special[match.group(0)], text)


def bibtex_key(ref: Reference):
    """An ASCII key: first author's family name (or the organisation), year, first title word."""
    if ref.authors:
        name = split_name(one_line(ref.authors[0]))[1].split()[-1]
    else:
        name = ref.organisation or "anoniem"
    word = next((w for w in slugify(ref.title).split("-") if len(w) > 3), "")
    ascii_text = unicodedata.normalize("NFKD", f"{name}{ref.date.year}{word}")
    key = re.sub(r"[^a-z0-9]", "", ascii_text.encode("ascii", "ignore").decode().lower())
    return key or f"publicatie{ref.date.year}"


def bibtex(ref: Reference) -> str:
    """The reference as one BibTeX entry, every value in braces and escaped."""
    if ref.authors:
        author = " and ".join("{1}, {0}".format(*split_name(one_line(n))) for n in ref.authors)
        author = latex(author)
    elif ref.organisation:
        author = "{" + latex(ref.organisation) + "}"  # one name, not split into parts
    else:
        author = ""
    fields = [("author", author), ("title", "{" + latex(ref.title) + "}")]
    if ref.form == CHAPTER:
        fields += [("booktitle", latex(ref.series)), ("chapter", ref.number or "")]
    else:
        fields += [("series", latex(ref.series)), ("number", ref.number or "")]
    if ref.form == REPORT:
        fields += [("institution", latex(ref.publisher)), ("type", latex(ref.kind_label))]
    else:
        fields.append(("publisher", latex(ref.publisher)))
    fields.append(("year", ref.date.year))
    if ref.form == WEB:
        fields.append(("month", ref.date.month))
    if ref.commissioner:
        fields.append(("note", latex(f"In opdracht van {ref.commissioner}")))
    # A URL is not LaTeX text: only the characters that would end the value are escaped.
    fields.append(("url", ref.url.replace("{", "%7B").replace("}", "%7D")))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if str(value))
    return f"@{BIBTEX_TYPES[ref.form]}{{{bibtex_key(ref)},\n{body}\n}}\n"
