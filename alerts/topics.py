"""What a reader can follow, from a query string to a ``Topic`` and back to words and links.

The query string is the finder's (``/volgen/?sectie=nieuws&thema=zorg``): the same
``FilterForm`` reads it, so a selection followed is exactly a finder selection without its
period and order. ``?pagina=<id>`` follows one page. Nothing at all follows the whole
dossier.
"""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.models import Page

from dossier.listing import CANONICAL_ORDER, FilterForm
from dossier.models import BasePage, Theme, section_indexes, themes, without_restricted

from .labels import Choice, describe, describe_choice, topic_choice
from .models import Topic

__all__ = ["Choice", "describe", "describe_choice", "topic_choice"]

#: The finder's fields that a followed selection keeps.
FOLLOW_FIELDS = ("q", "sectie", "soort", "thema", "tag")
MAX_WORDS = 200


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


def choice_label(choice, request):
    """The selection in words, with the titles of its section, theme or page (the sections
    and themes as the shared data keeps them)."""
    names = {}
    if choice.page_id:
        page = Page.objects.filter(pk=choice.page_id).values_list("title", flat=True).first()
        names["page_title"] = page or ""
    if choice.section:
        titles = {section.slug: section.title for section in section_indexes(request)}
        names["section_title"] = titles.get(choice.section, "")
    if choice.theme:
        names["theme_name"] = {t.slug: t.name for t in themes()}.get(choice.theme, "")
    return describe_choice(choice, **names)


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
