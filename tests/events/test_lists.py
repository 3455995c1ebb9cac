"""The upcoming and past lists of events: what each lists and in which order, paging,
filters, the cards, and the queries a visitor's page costs."""

from datetime import UTC, datetime, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from scn_portal.models import PublicationStatus
from tests.events.text import page_text
from tests.factories import CityFactory, EventFactory, region
from tests.html import card_titles

pytestmark = pytest.mark.django_db

UPCOMING = reverse("events:list")
PAST = reverse("events:past")


def hours(n):
    return timezone.now() + timedelta(hours=n)


def test_upcoming_lists_events_not_yet_over_soonest_first_with_those_under_way(visitor):
    EventFactory(title="Next month", starts_at=hours(24 * 30), ends_at=hours(24 * 30 + 2))
    EventFactory(title="Tomorrow", starts_at=hours(24), ends_at=hours(26))
    EventFactory(title="Under way", starts_at=hours(-1), ends_at=hours(2))
    EventFactory(title="Ended an hour ago", starts_at=hours(-3), ends_at=hours(-1))

    response = visitor.get(UPCOMING)

    assert card_titles(response) == ["Under way", "Tomorrow", "Next month"]
    assert "3 upcoming events" in response.text


def test_past_lists_events_over_by_their_end_most_recent_first(visitor):
    EventFactory(title="Last year", starts_at=hours(-24 * 365), ends_at=hours(-24 * 365 + 3))
    EventFactory(title="Last week", starts_at=hours(-24 * 7), ends_at=hours(-24 * 7 + 3))
    # Started days ago but still going: not past yet.
    EventFactory(title="Three-day summit", starts_at=hours(-48), ends_at=hours(24))

    response = visitor.get(PAST)

    assert card_titles(response) == ["Last week", "Last year"]
    assert "2 past events" in response.text


def test_drafts_and_scheduled_events_are_not_listed(visitor):
    EventFactory(title="Public")
    EventFactory(title="Draft", status=PublicationStatus.DRAFT)
    EventFactory(title="Scheduled", publish_at=hours(5))
    EventFactory(title="Old draft", status=PublicationStatus.DRAFT, starts_at=hours(-10))

    assert card_titles(visitor.get(UPCOMING)) == ["Public"]
    assert card_titles(visitor.get(PAST)) == []


def test_the_list_shows_twelve_events_a_page(visitor):
    for day in range(1, 15):
        EventFactory(title=f"Day {day:02d}", starts_at=hours(24 * day), ends_at=hours(24 * day + 1))

    first = visitor.get(UPCOMING)
    second = visitor.get(UPCOMING, {"page": 2})

    assert card_titles(first) == [f"Day {day:02d}" for day in range(1, 13)]
    assert card_titles(second) == ["Day 13", "Day 14"]
    assert "Page 1 of 2" in first.text
    assert 'href="?page=2"' in first.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "webinar"}, ["Webinar in French"]),
        ({"region": "asia-pacific"}, ["Workshop in Asia"]),
        ({"language": "fr"}, ["Webinar in French"]),
        ({"kind": "workshop", "region": "europe"}, ["Workshop in Europe"]),
    ],
    ids=["kind", "region", "language", "kind-and-region"],
)
def test_the_lists_filter_by_kind_region_and_language(visitor, query, expected):
    EventFactory(title="Workshop in Europe", city=CityFactory(region=region("europe")))
    EventFactory(title="Workshop in Asia", city=CityFactory(region=region("asia-pacific")))
    EventFactory(
        title="Webinar in French",
        kind=Event.Kind.WEBINAR,
        language="fr",
        online=True,
        venue="",
        city=None,
    )
    EventFactory(
        title="Past webinar", kind=Event.Kind.WEBINAR, starts_at=hours(-5), ends_at=hours(-4)
    )

    assert card_titles(visitor.get(UPCOMING, query)) == expected


def test_past_events_filter_too(visitor):
    EventFactory(
        title="Past webinar", kind=Event.Kind.WEBINAR, starts_at=hours(-5), ends_at=hours(-4)
    )
    EventFactory(title="Past workshop", starts_at=hours(-7), ends_at=hours(-6))

    assert card_titles(visitor.get(PAST, {"kind": "webinar"})) == ["Past webinar"]


def test_a_made_up_filter_value_is_ignored_and_said_so(visitor):
    EventFactory(title="Any event")

    response = visitor.get(UPCOMING, {"kind": "party"})

    assert response.status_code == 200
    assert card_titles(response) == ["Any event"]
    assert "Select a valid choice" in response.text


def test_each_list_links_to_the_other_with_its_filters_and_to_the_calendar(visitor):
    response = visitor.get(UPCOMING, {"kind": "webinar", "page": 1})

    assert f'href="{PAST}?kind=webinar"' in response.text
    assert f'href="{reverse("events:calendar")}"' in response.text
    assert f'href="{UPCOMING}"' in visitor.get(PAST).text


def test_a_card_shows_the_time_in_the_events_zone_and_how_and_where(visitor):
    nairobi = CityFactory(name="Nairobi", region=region("africa"))
    EventFactory(
        title="Youth workers' exchange",
        kind=Event.Kind.EXCHANGE,
        # 09:00 to 12:30 in Nairobi (UTC+3).
        starts_at=datetime(2099, 5, 12, 6, 0, tzinfo=UTC),
        ends_at=datetime(2099, 5, 12, 9, 30, tzinfo=UTC),
        time_zone="Africa/Nairobi",
        online=True,
        venue="Kenyatta Centre",
        city=nairobi,
        audience=Event.Audience.MEMBERS,
    )

    response = visitor.get(UPCOMING)

    text = page_text(response)
    assert "Tuesday 12 May 2099, 09:00–12:30 (Africa/Nairobi, UTC+03:00)" in text
    assert 'datetime="2099-05-12T06:00:00Z" data-local-time' in response.text
    assert "City exchange" in text
    assert "In person and online" in text
    assert "Nairobi · Africa" in text
    assert "Members only" in text


def test_an_event_over_several_days_shows_both_days(visitor):
    EventFactory(
        starts_at=datetime(2099, 5, 12, 6, 0, tzinfo=UTC),
        ends_at=datetime(2099, 5, 14, 14, 0, tzinfo=UTC),
        time_zone="Africa/Nairobi",
    )

    text = page_text(visitor.get(UPCOMING))

    assert (
        "Tuesday 12 May 2099, 09:00 – Thursday 14 May 2099, 17:00 (Africa/Nairobi, UTC+03:00)"
        in text
    )


def test_an_online_event_says_so_and_open_events_are_not_marked_for_members(visitor):
    EventFactory(online=True, venue="", city=None, region=None)

    text = page_text(visitor.get(UPCOMING))

    assert "Online" in text
    assert "Members only" not in text


def test_the_cards_are_drawn_from_for_cards_alone(django_assert_num_queries):
    """In one query, which reads no long text of the city or region it names (the list of
    upcoming events sorts every one of them with what it joins)."""
    hub = region("africa")
    hub.hub_intro = "What the hub does"
    hub.save()
    city = CityFactory(name="Nairobi", region=hub, description="A long description")
    EventFactory.create_batch(3, city=city, region=hub)
    events = Event.objects.published().for_cards()

    with django_assert_num_queries(1) as queries:
        html = "".join(
            render_to_string("events/includes/event_card.html", {"event": event})
            for event in events
        )
    assert html.count('class="card event-card"') == 3
    assert html.count("Nairobi · Africa") == 3
    sql = queries.captured_queries[0]["sql"]
    for column in ('"cities_city"."description"', '"cities_city"."profile"', "hub_intro"):
        assert column not in sql


@pytest.mark.parametrize("url", [UPCOMING, PAST, UPCOMING + "?kind=workshop&region=europe"])
def test_a_list_costs_a_visitor_at_most_four_queries_whatever_the_data(
    visitor, url, django_assert_max_num_queries
):
    def grow(count):
        for n in range(count):
            EventFactory(themes=["youth engagement"])
            EventFactory(starts_at=hours(-50 - n), ends_at=hours(-48 - n))

    grow(2)
    with django_assert_max_num_queries(4):
        assert visitor.get(url).status_code == 200
    grow(15)
    with django_assert_max_num_queries(4):
        response = visitor.get(url)
    assert len(card_titles(response)) == 12


def test_a_cached_list_shows_a_newly_published_event_at_once(visitor, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DATA_CACHE_SECONDS = 300
    EventFactory(title="First")
    assert card_titles(visitor.get(UPCOMING)) == ["First"]
    draft = EventFactory(title="Second", status=PublicationStatus.DRAFT, starts_at=hours(24 * 9))
    assert card_titles(visitor.get(UPCOMING)) == ["First"]

    draft.status = PublicationStatus.PUBLISHED
    draft.save()

    assert card_titles(visitor.get(UPCOMING)) == ["First", "Second"]
