"""iCalendar files: one per event and the whole agenda, for calendar apps."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from dossier.demo.data import read_content
from projects.models import EventPage
from tests import pages
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DEMO_EVENTS = [
    page["slug"]
    for _section, page in read_content().section_pages()
    if page["type"] == "projects.EventPage"
]
AGENDA = "/projecten/agenda.ics"


def read_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = icalendar.Calendar.from_ical(response.content)
    assert cal["VERSION"] == "2.0"
    assert cal["METHOD"] == "PUBLISH"
    assert cal["PRODID"]
    assert cal["X-WR-CALNAME"]
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Amsterdam"]
    for event in cal.events:
        for name in ("DTSTART", "DTEND", "DTSTAMP", "UID", "SUMMARY", "URL"):
            assert name in event, (url, name)
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert event["DTEND"].params["TZID"] == "Europe/Amsterdam"
    return response, cal


def by_uid(cal):
    return {str(event["UID"]): event for event in cal.events}


@pytest.mark.parametrize("slug", DEMO_EVENTS)
def test_every_demo_event_has_a_calendar_file(client, slug):
    page = EventPage.objects.get(slug=slug)
    url = f"{page.url}agenda.ics"
    response, cal = read_calendar(client, url)
    assert response["Content-Disposition"] == f'attachment; filename="{slug}.ics"'
    [event] = cal.events
    assert event.start == page.start
    assert event.start.tzinfo.key == "Europe/Amsterdam"
    assert event.start.replace(tzinfo=None) == timezone.localtime(page.start, AMSTERDAM).replace(
        tzinfo=None
    )
    assert event.end == page.end
    assert str(event["SUMMARY"]) == page.title
    assert str(event["URL"]) == page.get_full_url()
    assert str(event["DESCRIPTION"]).startswith(" ".join(page.intro.split()))
    place = ", ".join(part for part in (page.location_name, page.location_address) if part)
    assert str(event["LOCATION"]) == (place or page.online_url)
    # The same UID on every download, so that a second import updates the first.
    _, again = read_calendar(client, url)
    assert str(again.events[0]["UID"]) == str(event["UID"]) == f"event-{page.pk}@localhost"


def test_summer_time_events_keep_their_local_time(client):
    page = pages.event(title="Zomersessie")
    page.start = datetime(2027, 7, 1, 10, 0, tzinfo=AMSTERDAM)
    page.end = datetime(2027, 7, 1, 12, 30, tzinfo=AMSTERDAM)
    page.save_revision().publish()
    _, cal = read_calendar(client, f"{page.url}agenda.ics")
    assert cal.events[0].to_ical().decode().count("DTSTART;TZID=Europe/Amsterdam:20270701T100000")
    assert cal.events[0].start == page.start
    vtimezone = cal.timezones[0].to_ical().decode()
    assert "BEGIN:DAYLIGHT" in vtimezone and "BEGIN:STANDARD" in vtimezone


def test_the_agenda_has_upcoming_events_and_those_of_the_past_year(client):
    recent = pages.event(title="Sessie van vorige maand", days_from_now=-30)
    old = pages.event(title="Sessie van twee jaar geleden", days_from_now=-730)
    response, cal = read_calendar(client, AGENDA)
    assert response["Content-Disposition"].startswith("inline")
    since = timezone.now() - timedelta(days=365)
    expected = EventPage.objects.live().public().filter(end__gte=since)
    assert sorted(str(event["SUMMARY"]) for event in cal.events) == sorted(
        page.title for page in expected
    )
    summaries = [str(event["SUMMARY"]) for event in cal.events]
    assert recent.title in summaries
    assert old.title not in summaries
    upcoming = EventPage.objects.get(slug="smart-society-dag-2027")
    assert by_uid(cal)[f"event-{upcoming.pk}@localhost"].start == upcoming.start
    # Old events keep their own file.
    read_calendar(client, f"{old.url}agenda.ics")


def test_drafts_and_private_events_stay_out_of_the_agenda(client):
    published = pages.event(title="Openbare sessie")
    draft = pages.event(title="Conceptsessie", live=False)
    private = pages.make_private(pages.event(title="Besloten sessie"))
    with_password = pages.event(title="Sessie met wachtwoord")
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=with_password.pk),
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",
    )
    _, cal = read_calendar(client, AGENDA)
    summaries = [str(event["SUMMARY"]) for event in cal.events]
    assert published.title in summaries
    assert draft.title not in summaries
    assert private.title not in summaries
    assert with_password.title not in summaries
    # Nor are their own files served to an anonymous reader.
    assert client.get(f"{draft.url}agenda.ics").status_code == 404
    for page in (private, with_password):
        response = client.get(f"{page.url}agenda.ics")
        assert response.status_code in (200, 302)
        assert not response["Content-Type"].startswith("text/calendar")


def test_an_awkward_title_gives_a_calendar_that_parses(client):
    page = pages.event(title="Test <script>&\"' \nregel")
    page.intro = "Komma's, puntkomma's; en\nmeer"
    page.save_revision().publish()
    _, cal = read_calendar(client, f"{page.url}agenda.ics")
    assert str(cal.events[0]["SUMMARY"]) == "Test <script>&\"' regel"
    assert str(cal.events[0]["DESCRIPTION"]).startswith("Komma's, puntkomma's; en meer")
    _, agenda = read_calendar(client, AGENDA)
    assert "Test <script>&\"' regel" in [str(event["SUMMARY"]) for event in agenda.events]


def test_an_online_event_gives_its_link_as_location(client):
    page = pages.event(title="Webinar")
    page.location_name = ""
    page.online_url = "https://example.org/webinar"
    page.save_revision().publish()
    _, cal = read_calendar(client, f"{page.url}agenda.ics")
    assert str(cal.events[0]["LOCATION"]) == "https://example.org/webinar"


def test_the_event_page_and_the_projects_index_link_their_calendars(client):
    page = EventPage.objects.get(slug="smart-society-dag-2027")
    html = client.get(page.url).content.decode()
    links = find_all(html, "a", href=f"{page.url}agenda.ics")
    assert texts(links) == ["Zet in mijn agenda"]
    read_calendar(client, links[0].attrs["href"])
    index_html = client.get("/projecten/").content.decode()
    assert texts(find_all(index_html, "a", href=AGENDA)) == ["Abonneer op de agenda"]
