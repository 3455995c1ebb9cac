"""The Atom feed of the newest published stories, narrowed like the list."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from news.views import FEED_ITEMS
from scn_portal.models import PublicationStatus
from tests.factories import StoryFactory, region

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
FEED = reverse("news:feed")


def entries(response):
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    return root.findall(f"{ATOM}entry")


def titles(response):
    return [entry.find(f"{ATOM}title").text for entry in entries(response)]


def test_the_feed_is_atom_with_the_newest_story_first(visitor):
    now = timezone.now()
    StoryFactory(title="Older", publish_at=now - timedelta(days=3))
    StoryFactory(
        title="Newer",
        slug="newer",
        standfirst="What happened <here> & there.",
        publish_at=now - timedelta(days=1),
        themes=["online harms"],
    )
    response = visitor.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert titles(response) == ["Newer", "Older"]
    newest = entries(response)[0]
    assert newest.find(f"{ATOM}link").get("href") == "http://testserver/news/newer/"
    # HTML in the summary (type="html"): the standfirst's own characters escaped in it.
    assert newest.find(f"{ATOM}summary").text == "What happened &lt;here&gt; &amp; there."
    assert newest.find(f"{ATOM}category").get("term") == "online harms"


def test_the_feed_has_only_public_stories(visitor):
    StoryFactory(title="Public")
    StoryFactory(title="Draft", status=PublicationStatus.DRAFT)
    StoryFactory(title="Scheduled", publish_at=timezone.now() + timedelta(hours=1))
    assert titles(visitor.get(FEED)) == ["Public"]


def test_the_feed_has_the_thirty_newest(visitor):
    now = timezone.now()
    for age in range(FEED_ITEMS + 2):
        StoryFactory(title=f"Aged {age}", publish_at=now - timedelta(hours=age + 1))
    found = titles(visitor.get(FEED))
    assert len(found) == FEED_ITEMS
    assert found[0] == "Aged 0"
    assert "Aged 31" not in found


def test_the_feed_honours_region_and_theme(visitor):
    StoryFactory(title="Youth in Europe", regions=[region("europe")], themes=["youth engagement"])
    StoryFactory(title="Online in Europe", regions=[region("europe")], themes=["online harms"])
    StoryFactory(title="Youth in Africa", regions=[region("africa")], themes=["youth engagement"])
    assert sorted(titles(visitor.get(FEED + "?region=europe"))) == [
        "Online in Europe",
        "Youth in Europe",
    ]
    assert sorted(titles(visitor.get(FEED + "?theme=youth-engagement"))) == [
        "Youth in Africa",
        "Youth in Europe",
    ]
    response = visitor.get(FEED + "?region=europe&theme=youth-engagement")
    assert titles(response) == ["Youth in Europe"]
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.find(f"{ATOM}link").get("href") == (
        "http://testserver/news/?region=europe&theme=youth-engagement"
    )
    # A region no published story is about is ignored, as the list ignores it (and says
    # so); the feed then holds what the list shows.
    assert sorted(titles(visitor.get(FEED + "?region=atlantis&theme=youth-engagement"))) == [
        "Youth in Africa",
        "Youth in Europe",
    ]
    assert len(titles(visitor.get(FEED + "?region=europe%00"))) == 3


def test_the_feed_query_count_does_not_grow(visitor, django_assert_max_num_queries):
    StoryFactory.create_batch(2, themes=["a"])
    with django_assert_max_num_queries(2):
        visitor.get(FEED)
    StoryFactory.create_batch(20, themes=["a", "b"], regions=[region("europe")])
    with django_assert_max_num_queries(2):
        assert len(entries(visitor.get(FEED))) == 22
