"""iCalendar files of events: one event (``<event>/agenda.ics``) and the whole agenda
(``/projecten/agenda.ics``), for calendar apps to import or subscribe to."""

from datetime import date, timedelta

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from wagtail.models import Site

from dossier.syndication import SITE_NAME, plain_text

PRODID = f"-//{SITE_NAME}//Agenda//NL"
AGENDA_NAME = f"Agenda | {SITE_NAME}"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# How often a subscribed calendar app should fetch the agenda again.
REFRESH_INTERVAL = timedelta(hours=12)


def _hostname(request):
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().split(":")[0]


def event_uid(event, hostname):
    """A UID that stays the same for as long as the event page exists."""
    return f"event-{event.pk}@{hostname}"


def vevent(event, request, hostname):
    """One event as a VEVENT, its times in Dutch time."""
    zone = timezone.get_default_timezone()
    url = event.get_full_url(request)
    place = ", ".join(
        plain_text(part) for part in (event.location_name, event.location_address) if part
    )
    description = [plain_text(event.intro)]
    if place and event.online_url:
        description.append(f"Online: {event.online_url}")
    description.append(url)
    return icalendar.Event.new(
        uid=event_uid(event, hostname),
        start=timezone.localtime(event.start, zone),
        end=timezone.localtime(event.end, zone),
        summary=plain_text(event.title),
        description="\n\n".join(part for part in description if part),
        location=place or event.online_url or None,
        url=url,
        last_modified=event.last_published_at,
        categories=[plain_text(theme.name) for theme in event.themes],
    )


def build_calendar(events, request, *, name, subscribe=False):
    """A published calendar of ``events``, with the VTIMEZONE their times refer to.

    ``subscribe``: the calendar is the agenda that apps fetch again, so it gets a UID and
    tells them how often to refresh.
    """
    hostname = _hostname(request)
    cal = icalendar.Calendar.new(
        prodid=PRODID, method="PUBLISH", name=plain_text(name), language="nl"
    )
    if subscribe:
        cal.uid = f"agenda@{hostname}"
        cal.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL))
    else:
        cal.pop("UID")  # a download of one event: the event's UID is the one that counts
    for event in events:
        cal.add_component(vevent(event, request, hostname))
    if events:
        # Whole calendar years, so that the time zone holds both summer and winter time.
        first = min(event.start for event in events)
        last = max(event.end for event in events)
        cal.add_missing_timezones(
            first_date=date(first.year, 1, 1), last_date=date(last.year + 1, 1, 1)
        )
    return cal


def calendar_response(cal, *, filename=None):
    """The calendar as a response; with ``filename`` a download, otherwise for subscribing."""
    response = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    disposition = "attachment" if filename else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename or "agenda"}.ics"'
    return response
