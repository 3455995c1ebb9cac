"""News stories, events and resources beyond their own pages: the home, city and practice
pages, search, the sitemap, and the page cache, which forgets what they changed, including
what changes with time alone (a scheduled story appears, an event ends)."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practices.models import Status
from scn_portal import page_cache
from scn_portal.models import PublicationStatus
from tests.factories import (
    CityFactory,
    EventFactory,
    PracticeFactory,
    ResourceFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db


# --- pages that show stories that name them ---


def test_a_city_page_shows_the_published_stories_that_name_the_city(client):
    city = CityFactory(name="Mombasa", slug="mombasa")
    StoryFactory(title="Mombasa opens a youth centre").cities.add(city)
    StoryFactory(title="A draft about Mombasa", status=PublicationStatus.DRAFT).cities.add(city)
    StoryFactory(title="A story about somewhere else")

    html = client.get(city.get_absolute_url()).text

    assert "Mombasa in the news" in html
    assert "Mombasa opens a youth centre" in html
    assert "A draft about Mombasa" not in html
    assert "A story about somewhere else" not in html


def test_a_city_page_without_news_has_no_news_section(client):
    city = CityFactory(name="Quietville")
    assert "in the news" not in client.get(city.get_absolute_url()).text


def test_a_practice_page_lists_the_stories_that_name_it_newest_first(client):
    practice = PracticeFactory(title="Youth councils")
    now = timezone.now()
    StoryFactory(title="Older story", publish_at=now - timedelta(days=40)).practices.add(practice)
    StoryFactory(title="Newer story", publish_at=now - timedelta(days=2)).practices.add(practice)
    StoryFactory(title="Tomorrow's story", publish_at=now + timedelta(days=1)).practices.add(
        practice
    )

    html = client.get(practice.get_absolute_url()).text

    news = html[html.index('id="news-heading"') :]
    assert news.index("Newer story") < news.index("Older story")
    assert "Tomorrow" not in html


# --- search ---


def test_search_finds_stories_events_and_resources_that_are_public(client):
    StoryFactory(title="Mediation in Mombasa")
    StoryFactory(title="Mediation draft", status=PublicationStatus.DRAFT)
    EventFactory(title="Mediation workshop")
    EventFactory(title="Mediation webinar (draft)", status=PublicationStatus.DRAFT)
    ResourceFactory(title="Mediation toolkit")
    ResourceFactory(title="Mediation guide under review", status=Status.SUBMITTED)

    html = client.get(reverse("search"), {"q": "mediation"}).text

    for heading in ('id="search-story"', 'id="search-event"', 'id="search-resource"'):
        assert heading in html
    for shown in ("Mediation</mark> in Mombasa", "Mediation</mark> workshop", "toolkit"):
        assert shown in html, shown
    for hidden in ("draft", "under review"):
        assert hidden not in html, hidden


def test_search_narrowed_to_events_pages_through_them(client):
    for number in range(25):
        EventFactory(title=f"Mediation workshop {number:02d}")
    first = client.get(reverse("search"), {"q": "mediation", "kind": "event"}).text
    second = client.get(reverse("search"), {"q": "mediation", "kind": "event", "page": 2}).text
    assert "workshop 00" in first and "workshop 24" not in first
    assert "workshop 24" in second


# --- sitemap ---


def test_the_sitemap_lists_hubs_and_public_stories_events_and_resources_only(client):
    story = StoryFactory(title="Listed story")
    draft = StoryFactory(title="Unlisted draft", status=PublicationStatus.DRAFT)
    later = StoryFactory(title="Later story", publish_at=timezone.now() + timedelta(days=3))
    event = EventFactory()
    resource = ResourceFactory()
    suggestion = ResourceFactory(status=Status.SUBMITTED)

    text = client.get("/sitemap.xml").text

    for url in (
        story.get_absolute_url(),
        event.get_absolute_url(),
        resource.get_absolute_url(),
        reverse("cities:region", args=["africa"]),
        reverse("news:list"),
        reverse("events:list"),
        reverse("resources:list"),
    ):
        assert f"<loc>http://testserver{url}</loc>" in text, url
    assert f"http://testserver/fr{story.get_absolute_url()}" in text
    for url in (draft.get_absolute_url(), later.get_absolute_url(), suggestion.get_absolute_url()):
        assert url not in text


# --- the page cache ---


@pytest.fixture
def kept(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DATA_CACHE_SECONDS = 300


def test_publishing_a_story_shows_on_the_home_page_at_once(client, kept):
    story = StoryFactory(title="Fresh news", status=PublicationStatus.DRAFT)
    assert "Fresh news" not in client.get(reverse("home")).text
    story.status = PublicationStatus.PUBLISHED
    story.save()
    assert "Fresh news" in client.get(reverse("home")).text


def test_saving_a_draft_story_forgets_nothing(kept):
    before = page_cache.content_version()
    story = StoryFactory(title="Draft", status=PublicationStatus.DRAFT)
    story.title = "Draft, edited"
    story.save()
    story.regions.add(1)
    page_cache.forget_read()
    assert page_cache.content_version() == before


@pytest.fixture
def clock(monkeypatch):
    """Moves the portal's clock forward (timezone.now and time.time), as time passing would."""

    class Clock:
        offset = timedelta()

        def forward(self, delta):
            self.offset += delta

    found = Clock()
    real_now, real_time = timezone.now, time.time
    monkeypatch.setattr(timezone, "now", lambda: real_now() + found.offset)
    monkeypatch.setattr(time, "time", lambda: real_time() + found.offset.total_seconds())
    return found


def test_a_scheduled_story_appears_when_its_time_comes_though_the_page_was_kept(
    client, kept, clock, django_capture_on_commit_callbacks
):
    # What a save does once its transaction commits (tests run inside one) runs too.
    with django_capture_on_commit_callbacks(execute=True):
        StoryFactory(title="Embargoed news", publish_at=timezone.now() + timedelta(hours=2))
    assert "Embargoed news" not in client.get(reverse("home")).text
    assert "Embargoed news" not in client.get(reverse("news:list")).text

    clock.forward(timedelta(hours=1))
    assert "Embargoed news" not in client.get(reverse("home")).text

    clock.forward(timedelta(hours=1, minutes=1))
    assert "Embargoed news" in client.get(reverse("home")).text
    assert "Embargoed news" in client.get(reverse("news:list")).text


def test_an_event_leaves_the_upcoming_list_when_it_ends_though_the_page_was_kept(
    client, kept, clock, django_capture_on_commit_callbacks
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(
            title="Short webinar",
            starts_at=now + timedelta(hours=1),
            ends_at=now + timedelta(hours=2),
        )
        EventFactory(title="Summit next month", starts_at=now + timedelta(days=30))
    assert "Short webinar" in client.get(reverse("home")).text

    clock.forward(timedelta(hours=3))
    html = client.get(reverse("home")).text
    assert "Short webinar" not in html
    assert "Summit next month" in html


def test_the_next_moment_is_found_again_when_the_cache_was_emptied(client, kept, clock):
    from django.core.cache import cache

    StoryFactory(title="Embargoed news", publish_at=timezone.now() + timedelta(hours=2))
    cache.clear()
    page_cache.forget_read()
    assert "Embargoed news" not in client.get(reverse("home")).text
    clock.forward(timedelta(hours=3))
    assert "Embargoed news" in client.get(reverse("home")).text
