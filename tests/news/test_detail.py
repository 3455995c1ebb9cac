"""A story's page: its text, image, date and what it is about, sharing tags; who may see a
story that is not public; and a fixed number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from scn_portal.models import PublicationStatus
from tests.factories import CityFactory, PracticeFactory, StoryFactory, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return StoryFactory(
        title="Mediators in Rotterdam",
        slug="mediators-in-rotterdam",
        standfirst="Residents trained as mediators calm tensions.",
        body="Intro with **bold** text.\n\n## What they did\n\n- listened\n- met",
        publish_at=timezone.now().replace(year=2026, month=5, day=2, hour=9),
        regions=[region("europe")],
        cities=[CityFactory(name="Rotterdam", slug="rotterdam", country="NL")],
        practices=[
            PracticeFactory(title="Neighbourhood mediators", slug="neighbourhood-mediators")
        ],
        themes=["social cohesion"],
        with_image=True,
    )


def test_the_page_shows_title_standfirst_date_and_formatted_text(visitor, story):
    response = visitor.get(story.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert '<h1 lang="en" dir="ltr">Mediators in Rotterdam</h1>' in text
    assert "Residents trained as mediators calm tensions." in text
    assert '<time datetime="2026-05-02T09:' in text
    assert ">2 May 2026</time>" in text
    assert "<strong>bold</strong>" in text
    assert "<h2>What they did</h2>" in text
    assert "<li>listened</li>" in text


def test_the_image_has_its_description_and_size(visitor, story):
    text = visitor.get(story.get_absolute_url()).text
    assert (
        f'<img src="{story.image_url}" alt="Volunteers painting a mural." width="400" height="300">'
        in text
    )


def test_the_page_links_to_what_the_story_is_about(visitor, story):
    text = visitor.get(story.get_absolute_url()).text
    assert f'<a href="{reverse("cities:region", args=["europe"])}">Europe</a>' in text
    assert '<a href="/cities/rotterdam/">Rotterdam</a>' in text
    assert f'<a href="{reverse("news:list")}?theme=social-cohesion">social cohesion</a>' in text
    assert '<a href="/practices/neighbourhood-mediators/">Neighbourhood mediators</a>' in text


def test_unpublished_practice_is_not_linked(visitor, story):
    from practices.models import Status

    story.practices.add(PracticeFactory(title="Draft practice", status=Status.DRAFT))
    assert "Draft practice" not in visitor.get(story.get_absolute_url()).text


def test_the_page_has_description_canonical_and_open_graph_tags(visitor, story):
    text = visitor.get(story.get_absolute_url()).text
    url = f"http://testserver{story.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in text
    assert '<meta name="description" content="Residents trained as mediators' in text
    assert '<meta property="og:type" content="article">' in text
    assert '<meta property="og:title" content="Mediators in Rotterdam">' in text
    assert f'<meta property="og:url" content="{url}">' in text
    assert f'<meta property="og:image" content="http://testserver{story.image_url}">' in text
    assert '<meta property="og:image:alt" content="Volunteers painting a mural.">' in text
    assert '<meta property="article:tag" content="social cohesion">' in text
    assert "noindex" not in text


def test_a_story_without_image_has_no_image_tags(visitor):
    story = StoryFactory()
    text = visitor.get(story.get_absolute_url()).text
    assert "og:image" not in text
    assert "<figure" not in text


@pytest.mark.parametrize(
    "state",
    [
        {"status": PublicationStatus.DRAFT},
        {"publish_at": timezone.now() + timedelta(days=2)},
        {"status": PublicationStatus.DRAFT, "publish_at": timezone.now() + timedelta(days=2)},
    ],
    ids=["draft", "scheduled", "scheduled-draft"],
)
def test_a_story_not_public_is_404_for_visitors_and_members(visitor, member, state):
    story = StoryFactory(**state)
    assert visitor.get(story.get_absolute_url()).status_code == 404
    visitor.force_login(member)
    assert visitor.get(story.get_absolute_url()).status_code == 404


def test_staff_without_the_permission_do_not_see_a_draft(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    story = StoryFactory(status=PublicationStatus.DRAFT)
    assert client.get(story.get_absolute_url()).status_code == 404


def test_staff_who_edit_stories_preview_a_draft_never_cached(editor_client):
    story = StoryFactory(title="Work in progress", status=PublicationStatus.DRAFT)
    response = editor_client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert "Work in progress" in response.text
    assert "Draft: only staff can see this page." in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    edit = reverse("admin:news_story_change", args=[story.pk])
    assert f'<a href="{edit}">Edit this story in the admin</a>' in response.text
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_staff_see_when_a_scheduled_story_appears(editor_client):
    moment = timezone.now().replace(year=2031, month=1, day=15, hour=8, minute=0)
    story = StoryFactory(publish_at=moment)
    response = editor_client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert "Scheduled: this story appears on the site on Jan. 15, 2031, 8 a.m." in response.text


def test_visitors_do_not_see_the_staff_banner(visitor, story):
    assert "Edit this story in the admin" not in visitor.get(story.get_absolute_url()).text


def test_an_unknown_story_is_404(visitor):
    assert visitor.get(reverse("news:detail", args=["no-such-story"])).status_code == 404


def _story_with_links(count):
    story = StoryFactory(themes=[f"theme {n}" for n in range(count)], with_image=True)
    story.cities.set([CityFactory() for _ in range(count)])
    story.practices.set([PracticeFactory() for _ in range(count)])
    story.regions.set([region("europe"), region("africa")][:count])
    return story


def test_story_page_query_count_is_small_and_does_not_grow(
    visitor, cache_in_memory, django_assert_max_num_queries
):
    small = _story_with_links(1)
    with django_assert_max_num_queries(4):
        assert visitor.get(small.get_absolute_url()).status_code == 200
    large = _story_with_links(12)
    with django_assert_max_num_queries(4):
        response = visitor.get(large.get_absolute_url())
    assert len(response.context["cities"]) == 12
    assert len(response.context["practices"]) == 12
    assert len(response.context["themes"]) == 12
