"""Events as iCalendar (RFC 5545), for one event's "Add to calendar" file and the feed of
upcoming events that calendars subscribe to.

Written for the strictest readers (Outlook, Google Calendar, Apple Calendar): every VEVENT
has its UID and DTSTAMP; times are given in the event's own zone (DTSTART;TZID=...), and
every zone used is defined in a VTIMEZONE, placed before the events, covering the years the
events fall in. The `icalendar` package folds lines at 75 octets and ends them with CRLF.
"""

import re
from datetime import UTC, date, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone, vDuration
from icalendar import Event as VEvent

from scn_portal.emails import absolute_url

PRODID = "-//Strong Cities Network//Portal events//EN"
# How often a subscribed calendar should fetch the feed again.
REFRESH = timedelta(hours=12)


def uid(event):
    """The same for an event whatever is changed in it, so that a calendar updates the
    entry it has instead of adding a second one."""
    return f"event-{event.pk}@{urlsplit(settings.SITE_URL).hostname}"


def vevent(event):
    url = absolute_url(event.get_absolute_url())
    entry = VEvent()
    entry.add("uid", uid(event))
    # When this description of the event was written: its last change (stable, so that an
    # unchanged event gives the same file).
    entry.add("dtstamp", event.updated_at.astimezone(UTC))
    entry.add("created", event.created_at.astimezone(UTC))
    entry.add("last-modified", event.updated_at.astimezone(UTC))
    entry.add("dtstart", event.starts_at.astimezone(event.zone))
    entry.add("dtend", event.ends_at.astimezone(event.zone))
    entry.add("summary", event.title)
    entry.add("description", f"{event.summary}\n\n{url}")
    entry.add("location", event.venue or _("Online"))
    entry.add("url", url)
    entry.add("categories", [event.get_kind_display()])
    entry.add("status", "CONFIRMED")
    entry.add("transp", "OPAQUE")
    return entry


def calendar(events, name=None):
    """A VCALENDAR (bytes) of `events`: their VTIMEZONEs first, then one VEVENT each. `name`
    makes it a feed to subscribe to: named, and refreshed every REFRESH."""
    events = list(events)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(REFRESH))
    for zone in sorted({event.time_zone for event in events}):
        # UTC is written as such (…Z): no zone to define.
        if zone != "UTC":
            cal.add_component(_timezone(zone, events))
    for event in events:
        cal.add_component(vevent(event))
    if not cal.subcomponents:
        # RFC 5545 asks for at least one component; an empty feed defines the site's zone.
        cal.add_component(_timezone(settings.TIME_ZONE, events))
    return cal.to_ical()


def _timezone(zone, events):
    """The VTIMEZONE of `zone`, with its changes over every year its events fall in (whole
    years, so that a calendar sees both summer and winter time where the zone has them)."""
    moments = [
        moment.astimezone(ZoneInfo(zone))
        for event in events
        if event.time_zone == zone
        for moment in (event.starts_at, event.ends_at)
    ]
    first = min(moments).year if moments else date.today().year
    last = max(moments).year if moments else first
    return Timezone.from_tzinfo(
        ZoneInfo(zone), tzid=zone, first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1)
    )


def file_name(event):
    """A name any browser and file system accepts: the slug's letters, digits and dashes."""
    stem = re.sub(r"[^A-Za-z0-9-]+", "-", event.slug).strip("-")[:100] or "event"
    return f"{stem}.ics"
