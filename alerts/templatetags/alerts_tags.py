"""The "Volg" control: a link to /volgen/ for a selection or a page, wherever a feed link is."""

from django import template
from django.urls import reverse

from ..topics import describe, follow_path

register = template.Library()


@register.simple_tag
def follow_url(**params):
    """/volgen/ with the finder parameters given (sectie, soort, thema, tag, q), or
    ``pagina`` for one page; empty values are left out."""
    return follow_path({name: str(value) for name, value in params.items() if value})


@register.simple_tag
def manage_alerts_url():
    return reverse("alerts:manage_request")


@register.filter
def topic_label(topic):
    """A followed Topic in words ("Alles over zorg"), from the page, section and theme the
    view selected with it."""
    return describe(topic)
