"""The home page: what the network is, live figures, the latest news and events, the latest
published practice."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practices.models import Status
from tests.factories import CityFactory, EventFactory, PracticeFactory, StoryFactory, region

pytestmark = pytest.mark.django_db


def test_home_page_says_what_the_network_is(visitor):
    response = visitor.get(reverse("home"))
    assert response.status_code == 200
    assert "Strong Cities Network" in response.text
    assert 'lang="en"' in response.text
    assert 'href="#main"' in response.text


def test_home_page_counts_member_cities_regions_and_published_practice(visitor):
    berlin = CityFactory(name="Berlin")
    CityFactory(name="Nairobi", region=region("africa"))
    CityFactory(name="Old Member", membership_status="former")
    PracticeFactory(city=berlin, title="Published one")
    PracticeFactory(city=berlin, title="Draft one", status=Status.DRAFT)

    response = visitor.get(reverse("home"))

    assert response.context["figures"]["member_city_count"] == 2
    assert response.context["figures"]["region_count"] == 2
    assert response.context["figures"]["practice_count"] == 1
    assert "Published one" in response.text
    assert "Draft one" not in response.text


def test_home_page_queries_do_not_grow_with_data(
    visitor, cache_in_memory, django_assert_num_queries, django_assert_max_num_queries
):
    PracticeFactory.create_batch(2)
    with django_assert_max_num_queries(4) as small:
        visitor.get(reverse("home"))
    PracticeFactory.create_batch(20)
    with django_assert_num_queries(len(small.captured_queries)):
        visitor.get(reverse("home"))


def test_home_page_shows_the_three_latest_stories_and_the_next_three_events(visitor):
    now = timezone.now()
    for days in range(1, 5):
        StoryFactory(title=f"Story of {days} days ago", publish_at=now - timedelta(days=days))
    StoryFactory(title="A draft story", status="draft")
    StoryFactory(title="A story for tomorrow", publish_at=now + timedelta(days=1))
    for days in (3, 1, 2, 4):
        EventFactory(
            title=f"Event in {days} days",
            starts_at=now + timedelta(days=days),
            ends_at=now + timedelta(days=days, hours=2),
        )
    EventFactory(
        title="An event that is over",
        starts_at=now - timedelta(days=2),
        ends_at=now - timedelta(days=2, hours=-2),
    )

    html = visitor.get(reverse("home")).text

    news = html[html.index('id="news-heading"') : html.index('id="events-heading"')]
    assert [f"Story of {days} days ago" in news for days in range(1, 5)] == [
        True,
        True,
        True,
        False,
    ]
    assert news.index("Story of 1 days ago") < news.index("Story of 3 days ago")
    assert "A draft story" not in html and "A story for tomorrow" not in html
    assert "What the city did, in two sentences." in news  # the standfirst
    events = html[html.index('id="events-heading"') : html.index('id="latest-heading"')]
    assert events.index("Event in 1 days") < events.index("Event in 2 days")
    assert events.index("Event in 2 days") < events.index("Event in 3 days")
    assert "Event in 4 days" not in events and "An event that is over" not in html
    assert f'href="{reverse("news:list")}"' in news
    assert f'href="{reverse("events:calendar")}"' in events


def test_home_page_says_so_when_there_is_no_news_and_no_event(visitor):
    html = visitor.get(reverse("home")).text
    assert "No news has been published yet." in html
    assert "No event is planned at the moment." in html
