"""Short lists of what the network publishes (news stories, upcoming events, resources) for
pages that show a few of each beside their own content: the home page and the regional hubs.

Each is a branch of the page's one UNION ALL query of short lists (scn_portal.rows), limited
to what the page shows, and comes back as unsaved model instances carrying just what the
list draws (templates/includes/briefs/*.html): their address, title and date.
"""

import zoneinfo
from datetime import UTC, datetime

from django.db.models import CharField, F
from django.db.models.functions import Cast

from events.models import Event
from news.models import Story
from resources.models import Resource
from scn_portal.rows import rows_of


def first(queryset, count):
    """The first `count` rows of `queryset` (ordered), as a filter a UNION branch can carry:
    a branch of a compound query may not have a LIMIT of its own on SQLite."""
    return queryset.model.objects.filter(pk__in=queryset.values("pk")[:count])


def _as_text(field):
    return Cast(field, output_field=CharField())


def moment(text):
    """A time as the database wrote it as text ("2027-05-12 06:00:00+00" on PostgreSQL,
    naive UTC on SQLite), as an aware datetime."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def story_rows(stories, count):
    """The newest `count` of `stories` (published ones) as rows of the kind "story"."""
    newest = first(stories.order_by("-publish_at", "-pk"), count)
    return rows_of(
        newest, "story", label="title", info=_as_text("publish_at"), more=F("standfirst")
    )


def event_rows(events, count):
    """The first `count` of `events` (upcoming ones, soonest first) as rows "event"."""
    return rows_of(
        first(events, count),
        "event",
        label="title",
        info=_as_text("starts_at"),
        more=F("time_zone"),
    )


def resource_rows(resources, count):
    """The newest `count` of `resources` (published ones) as rows "resource"."""
    newest = first(resources.order_by("-published_at", "-pk"), count)
    return rows_of(newest, "resource", label="title", info=F("kind"), num=F("year"))


def stories(rows):
    """Rows of stories as stories, newest first."""
    found = [
        Story(slug=slug, title=title, publish_at=moment(at), standfirst=standfirst)
        for slug, title, at, standfirst, _num in rows
    ]
    return sorted(found, key=lambda story: story.publish_at, reverse=True)


def events(rows):
    """Rows of events as events, soonest first, their start in their own time zone."""
    found = []
    for slug, title, at, zone, _num in rows:
        event = Event(slug=slug, title=title, time_zone=zone)
        event.starts_at = moment(at).astimezone(zoneinfo.ZoneInfo(zone))
        found.append(event)
    return sorted(found, key=lambda event: event.starts_at)


def resources(rows):
    """Rows of resources as resources, by title."""
    found = [
        Resource(slug=slug, title=title, kind=kind, year=year)
        for slug, title, kind, _more, year in rows
    ]
    return sorted(found, key=lambda resource: resource.title.casefold())
