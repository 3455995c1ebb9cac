"""An event as an iCalendar file, and the calendar feed of upcoming events: parsed back as a
calendar application would read them."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import Event
from scn_portal.models import PublicationStatus
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

FEED = reverse("events:calendar")


def ics_url(event):
    return reverse("events:ics", args=[event.slug])


def parsed(response):
    return Calendar.from_ical(response.content)


def test_an_event_is_one_vevent_in_its_own_zone_with_the_zone_defined(visitor):
    event = EventFactory(
        title="Mayors' summit",
        kind=Event.Kind.SUMMIT,
        summary="Mayors share what worked.",
        # 09:00 in Kathmandu (UTC+5:45) is 03:15 UTC.
        starts_at=datetime(2099, 5, 12, 3, 15, tzinfo=UTC),
        ends_at=datetime(2099, 5, 12, 11, 15, tzinfo=UTC),
        time_zone="Asia/Kathmandu",
        venue="Hotel Annapurna, Durbar Marg",
    )

    response = visitor.get(ics_url(event))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    calendar = parsed(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert calendar["METHOD"] == "PUBLISH"
    [vevent] = calendar.walk("VEVENT")
    assert vevent["UID"] == f"event-{event.pk}@testserver"
    assert vevent["DTSTAMP"].dt.tzinfo is not None
    start, end = vevent["DTSTART"], vevent["DTEND"]
    assert start.params["TZID"] == "Asia/Kathmandu"
    assert start.dt.replace(tzinfo=None) == datetime(2099, 5, 12, 9, 0)
    assert end.dt.replace(tzinfo=None) == datetime(2099, 5, 12, 17, 0)
    assert start.dt == event.starts_at
    assert vevent["SUMMARY"] == "Mayors' summit"
    assert vevent["DESCRIPTION"] == (
        f"Mayors share what worked.\n\nhttp://testserver{event.get_absolute_url()}"
    )
    assert vevent["LOCATION"] == "Hotel Annapurna, Durbar Marg"
    assert vevent["URL"] == f"http://testserver{event.get_absolute_url()}"
    assert vevent["CATEGORIES"].cats == ["Summit"]
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Asia/Kathmandu"
    assert zone.to_tz().utcoffset(datetime(2099, 5, 12, 9, 0)) == timedelta(hours=5, minutes=45)
    assert calendar.get_missing_tzids() == set()


def test_the_file_is_crlf_with_folded_lines(visitor):
    event = EventFactory(summary="A very long summary that goes on. " * 10)

    body = visitor.get(ics_url(event)).content

    assert body.startswith(b"BEGIN:VCALENDAR\r\n")
    assert body.endswith(b"END:VCALENDAR\r\n")
    lines = body.split(b"\r\n")
    assert b"\n" not in b"".join(lines)
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # a folded continuation


def test_a_zone_with_summer_time_is_defined_with_both_and_times_follow_it(visitor):
    event = EventFactory(
        starts_at=datetime(2099, 7, 1, 7, 0, tzinfo=UTC),
        ends_at=datetime(2099, 7, 1, 9, 0, tzinfo=UTC),
        time_zone="Europe/Berlin",
    )

    calendar = parsed(visitor.get(ics_url(event)))

    [vevent] = calendar.walk("VEVENT")
    assert vevent["DTSTART"].dt.replace(tzinfo=None) == datetime(2099, 7, 1, 9, 0)
    [zone] = calendar.walk("VTIMEZONE")
    assert {part.name for part in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert zone.to_tz().utcoffset(datetime(2099, 7, 1, 9, 0)) == timedelta(hours=2)
    assert zone.to_tz().utcoffset(datetime(2099, 1, 1, 9, 0)) == timedelta(hours=1)


def test_an_online_event_is_located_online(visitor):
    event = EventFactory(online=True, venue="", city=None)

    [vevent] = parsed(visitor.get(ics_url(event))).walk("VEVENT")

    assert vevent["LOCATION"] == "Online"


def test_a_draft_has_no_calendar_file(visitor):
    event = EventFactory(status=PublicationStatus.DRAFT)

    assert visitor.get(ics_url(event)).status_code == 404


def test_the_feed_holds_every_upcoming_published_event_and_no_other(visitor):
    now = timezone.now().replace(second=0, microsecond=0)
    nairobi = EventFactory(title="In Nairobi", time_zone="Africa/Nairobi")
    lima = EventFactory(title="In Lima", time_zone="America/Lima")
    under_way = EventFactory(
        title="Under way",
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=1),
        time_zone="UTC",
    )
    EventFactory(title="Over", starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1))
    EventFactory(title="Draft", status=PublicationStatus.DRAFT)
    EventFactory(title="Scheduled", publish_at=now + timedelta(hours=2))

    response = visitor.get(FEED)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content.endswith(b"\r\n")
    calendar = parsed(response)
    assert calendar["X-WR-CALNAME"] == "Strong Cities Network events"
    assert calendar["REFRESH-INTERVAL"].dt == timedelta(hours=12)
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert calendar["X-PUBLISHED-TTL"] == "PT12H"
    events = {vevent["SUMMARY"]: vevent for vevent in calendar.walk("VEVENT")}
    assert set(events) == {"In Nairobi", "In Lima", "Under way"}
    for vevent in events.values():
        assert vevent["UID"] and vevent["DTSTAMP"]
    assert events["In Lima"]["DTSTART"].params["TZID"] == "America/Lima"
    assert events["In Lima"]["DTSTART"].dt == lima.starts_at
    assert events["In Nairobi"]["DTSTART"].dt == nairobi.starts_at
    # UTC is written as such, and needs no definition.
    assert events["Under way"]["DTSTART"].to_ical().endswith(b"Z")
    assert events["Under way"]["DTSTART"].dt == under_way.starts_at
    assert {zone["TZID"] for zone in calendar.walk("VTIMEZONE")} == {
        "Africa/Nairobi",
        "America/Lima",
    }
    assert calendar.get_missing_tzids() == set()
    # The zones come first, as Outlook expects.
    names = [component.name for component in calendar.subcomponents]
    assert names == ["VTIMEZONE", "VTIMEZONE", "VEVENT", "VEVENT", "VEVENT"]


def test_an_empty_feed_is_still_a_valid_calendar(visitor):
    calendar = parsed(visitor.get(FEED))

    assert calendar.walk("VEVENT") == []
    assert calendar.subcomponents  # RFC 5545: at least one component


def test_the_feed_is_one_query_whatever_the_number_of_events(
    visitor, django_assert_max_num_queries
):
    EventFactory.create_batch(2)
    with django_assert_max_num_queries(1):
        visitor.get(FEED)
    EventFactory.create_batch(10, time_zone="Europe/Madrid")
    with django_assert_max_num_queries(1):
        response = visitor.get(FEED)
    assert len(parsed(response).walk("VEVENT")) == 12


def test_the_uid_stays_the_same_when_the_event_changes(visitor):
    event = EventFactory()
    first = parsed(visitor.get(ics_url(event))).walk("VEVENT")[0]
    event.title = "Renamed"
    event.starts_at += timedelta(hours=1)
    event.ends_at += timedelta(hours=1)
    event.save()

    second = parsed(visitor.get(ics_url(event))).walk("VEVENT")[0]

    assert second["UID"] == first["UID"]
    assert second["DTSTAMP"].dt >= first["DTSTAMP"].dt
    assert second["DTSTART"].dt.astimezone(ZoneInfo("UTC")) == event.starts_at
