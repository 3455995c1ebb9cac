"""The news list: published stories newest first, twelve a page, filtered by region and theme
from the query string, and a fixed number of queries."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from news.views import PER_PAGE
from scn_portal.models import PublicationStatus
from tests.factories import StoryFactory, region
from tests.html import card_titles

pytestmark = pytest.mark.django_db
LIST = reverse("news:list")


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_published_stories_are_listed_newest_first(visitor):
    StoryFactory(title="Older", publish_at=days_ago(3))
    StoryFactory(title="Newest", publish_at=days_ago(1))
    StoryFactory(title="Middle", publish_at=days_ago(2))
    response = visitor.get(LIST)
    assert response.status_code == 200
    assert card_titles(response) == ["Newest", "Middle", "Older"]
    assert "3 stories" in response.text


def test_drafts_and_scheduled_stories_are_not_listed(visitor):
    StoryFactory(title="Public")
    StoryFactory(title="A draft", status=PublicationStatus.DRAFT)
    StoryFactory(title="Tomorrow's story", publish_at=timezone.now() + timedelta(days=1))
    response = visitor.get(LIST)
    assert card_titles(response) == ["Public"]
    assert "Tomorrow" not in response.text


def test_a_scheduled_story_appears_once_its_time_has_come(visitor):
    later = timezone.now() + timedelta(hours=3)
    StoryFactory(title="Scheduled", publish_at=later - timedelta(hours=1))
    assert card_titles(visitor.get(LIST)) == []
    # Three hours later, without anyone saving anything.
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert card_titles(visitor.get(LIST)) == ["Scheduled"]


def test_a_card_shows_date_standfirst_regions_themes_and_image(visitor):
    story = StoryFactory(
        title="Mural project",
        standfirst="Young people painted the station.",
        publish_at=timezone.now().replace(year=2026, month=3, day=4, hour=12),
        regions=[region("europe"), region("africa")],
        themes=["youth engagement"],
        with_image=True,
    )
    text = visitor.get(LIST).text
    assert f'<a href="{story.get_absolute_url()}">Mural project</a>' in text
    assert '<time datetime="2026-03-04T12:' in text
    assert ">4 March 2026</time>" in text
    assert "Young people painted the station." in text
    chips = re.search(r'<ul class="tags" aria-label="Regions and themes">(.*?)</ul>', text, re.S)
    assert re.findall(r"<li>([^<]*)</li>", chips.group(1)) == [
        "Africa",
        "Europe",
        "youth engagement",
    ]
    assert (
        f'src="{story.image_url}" alt="Volunteers painting a mural." width="400" height="300"'
        in (text)
    )


def test_the_list_paginates_twelve_a_page(visitor):
    for age in range(PER_PAGE + 2):
        StoryFactory(title=f"Story aged {age}", publish_at=days_ago(age + 1))
    first = visitor.get(LIST)
    assert len(card_titles(first)) == PER_PAGE
    assert card_titles(first)[0] == "Story aged 0"
    assert "Page 1 of 2" in first.text
    second = visitor.get(LIST + "?page=2")
    assert card_titles(second) == ["Story aged 12", "Story aged 13"]
    assert 'rel="prev"' in second.text


def test_filter_by_region_keeps_the_filter_in_the_address(visitor):
    StoryFactory(title="In Europe", regions=[region("europe")])
    StoryFactory(title="In Africa", regions=[region("africa")])
    response = visitor.get(LIST + "?region=africa")
    assert card_titles(response) == ["In Africa"]
    assert '<option value="africa" selected>Africa (1)</option>' in response.text
    assert '<option value="europe">Europe (1)</option>' in response.text


def test_filter_by_theme_and_region_together(visitor):
    StoryFactory(title="Youth in Europe", regions=[region("europe")], themes=["youth engagement"])
    StoryFactory(title="Online in Europe", regions=[region("europe")], themes=["online harms"])
    StoryFactory(title="Youth in Africa", regions=[region("africa")], themes=["youth engagement"])
    response = visitor.get(LIST + "?region=europe&theme=youth-engagement")
    assert card_titles(response) == ["Youth in Europe"]
    assert '<option value="youth-engagement" selected>youth engagement (2)</option>' in (
        response.text
    )
    # The feed of the same stories, in the head and on the page.
    feed = reverse("news:feed") + "?region=europe&amp;theme=youth-engagement"
    assert (
        f'type="application/atom+xml" title="News from the network: these stories" href="{feed}"'
        in (response.text)
    )
    assert f'<a href="{feed}">Follow these stories (Atom feed)</a>' in response.text


def test_only_regions_and_themes_of_published_stories_are_offered(visitor):
    StoryFactory(regions=[region("europe")], themes=["public theme"])
    StoryFactory(status=PublicationStatus.DRAFT, regions=[region("africa")], themes=["secret"])
    text = visitor.get(LIST).text
    assert 'value="europe"' in text
    assert 'value="public-theme"' in text
    assert 'value="africa"' not in text
    assert "secret" not in text


def test_an_unknown_filter_value_is_reported_and_ignored(visitor):
    StoryFactory(title="Any story", regions=[region("europe")])
    response = visitor.get(LIST + "?region=atlantis")
    assert response.status_code == 200
    assert card_titles(response) == ["Any story"]
    assert "No published story is about this region: choose one listed." in response.text
    assert '<details class="filters-panel" open>' in response.text


def test_an_empty_result_says_so_and_offers_all_stories(visitor):
    StoryFactory(regions=[region("europe")], themes=["online harms"])
    StoryFactory(regions=[region("africa")], themes=["youth engagement"])
    response = visitor.get(LIST + "?region=europe&theme=youth-engagement")
    assert card_titles(response) == []
    assert "0 stories" in response.text
    assert "No story matches these filters." in response.text
    assert f'<a href="{LIST}">Show all stories</a>' in response.text


def test_with_no_story_at_all_the_page_says_so(visitor):
    response = visitor.get(LIST)
    assert "No news has been published yet." in response.text


def test_the_list_links_to_the_feed(visitor):
    text = visitor.get(LIST).text
    feed = reverse("news:feed")
    assert f'type="application/atom+xml" title="News from the network" href="{feed}"' in text
    assert f'<a href="{feed}">Follow the news (Atom feed)</a>' in text


def test_titles_are_marked_with_their_language(visitor):
    StoryFactory(title="قصة", slug="arabic-story", language="ar")
    assert '<h3 class="card-title" lang="ar" dir="rtl">' in visitor.get(LIST).text


def test_region_names_follow_the_page_language(visitor):
    europe = region("europe")
    europe.name_fr = "Europe (fr)"
    europe.save()
    StoryFactory(regions=[europe])
    text = visitor.get("/fr" + LIST).text
    assert "<li>Europe (fr)</li>" in text
    assert '<option value="europe">Europe (fr) (1)</option>' in text


def make_stories(count):
    for index in range(count):
        StoryFactory(
            regions=[region(["europe", "africa"][index % 2])],
            themes=[f"theme {index % 3}", "youth engagement"],
            with_image=index % 2 == 0,
        )


@pytest.mark.parametrize("query", ["", "?region=europe&theme=youth-engagement", "?page=2"])
def test_list_query_count_is_small_and_does_not_grow(
    visitor, cache_in_memory, query, django_assert_max_num_queries
):
    make_stories(3)
    with django_assert_max_num_queries(4):
        assert visitor.get(LIST + query).status_code == 200
    make_stories(30)
    with django_assert_max_num_queries(4):
        response = visitor.get(LIST + query)
    assert len(card_titles(response)) == PER_PAGE


def test_a_kept_list_shows_a_scheduled_story_once_its_time_has_come(
    visitor, settings, cache_in_memory, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DATA_CACHE_SECONDS = 300
    later = timezone.now() + timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        StoryFactory(title="Public already")
        StoryFactory(title="Scheduled", publish_at=later - timedelta(hours=1))
    assert card_titles(visitor.get(LIST)) == ["Public already"]
    assert card_titles(visitor.get(LIST)) == ["Public already"]  # from the page cache
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        mock.patch("time.time", return_value=later.timestamp()),
    ):
        assert card_titles(visitor.get(LIST)) == ["Scheduled", "Public already"]


def test_the_filter_counts_are_counted_once_and_follow_each_publication(
    visitor, cache_in_memory, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """Nothing else kept (the data cache off, as in make bench's first configuration): the
    worker counts the regions and themes once, and again after a story is published."""
    with django_capture_on_commit_callbacks(execute=True):
        StoryFactory(regions=[region("europe")])
    assert '<option value="europe">Europe (1)</option>' in visitor.get(LIST).text
    with django_assert_num_queries(2):  # the count and the cards: the choices are known
        response = visitor.get(LIST)
    assert '<option value="europe">Europe (1)</option>' in response.text
    with django_capture_on_commit_callbacks(execute=True):
        StoryFactory(regions=[region("europe")])
        StoryFactory(status=PublicationStatus.DRAFT, regions=[region("africa")])
    text = visitor.get(LIST).text
    assert '<option value="europe">Europe (2)</option>' in text
    assert "Africa" not in text
