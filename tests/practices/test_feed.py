"""The Atom feed of newly published practice."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practices.models import Status
from tests.factories import CityFactory, PracticeFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
FEED = reverse("practices:feed")


def entries(response):
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    return root.findall(f"{ATOM}entry")


def test_the_feed_is_atom_with_the_newest_published_practice_first(visitor):
    now = timezone.now()
    PracticeFactory(title="Older", published_at=now - timedelta(days=3))
    PracticeFactory(
        title="Newer",
        summary="What the newer one did.",
        published_at=now - timedelta(days=1),
        city=CityFactory(name="Accra"),
        themes=["online harms"],
    )
    response = visitor.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    found = entries(response)
    assert [entry.find(f"{ATOM}title").text for entry in found] == ["Newer", "Older"]
    newest = found[0]
    assert newest.find(f"{ATOM}link").get("href") == "http://testserver/practices/newer/"
    assert newest.find(f"{ATOM}summary").text == "What the newer one did."
    assert newest.find(f"{ATOM}author/{ATOM}name").text == "Accra"
    assert newest.find(f"{ATOM}category").get("term") == "online harms"


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.ARCHIVED]
)
def test_the_feed_has_only_published_practice(visitor, status):
    PracticeFactory(title="Public")
    PracticeFactory(title="Not public", status=status)
    original = PracticeFactory(title="Original")
    PracticeFactory(title="Proposed update", update_of=original)
    titles = [entry.find(f"{ATOM}title").text for entry in entries(visitor.get(FEED))]
    assert sorted(titles) == ["Original", "Public"]


def test_every_page_points_to_the_feed(visitor):
    assert f'type="application/atom+xml" title="Newly published practice" href="{FEED}"' in (
        visitor.get(reverse("practices:list")).text
    )


def test_the_feed_query_count_does_not_grow(visitor, django_assert_num_queries):
    # The content version (a cache read, SQL here); the library's facet index, built anew
    # after the data changed; the practice of the feed.
    PracticeFactory.create_batch(2)
    with django_assert_num_queries(3):
        visitor.get(FEED)
    PracticeFactory.create_batch(20, themes=["a", "b"])
    with django_assert_num_queries(3):
        assert len(entries(visitor.get(FEED))) == 22
