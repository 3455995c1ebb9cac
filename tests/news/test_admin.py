"""Writing stories in the admin: staff with the news permissions add and change stories, the
image goes through its check, the list says which stories are public, scheduled or drafts,
and every story has a link to preview it on the site."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from news.models import Story
from scn_portal.models import PublicationStatus
from tests.factories import CityFactory, PracticeFactory, StoryFactory, image_bytes, region

pytestmark = pytest.mark.django_db
ADD = reverse("admin:news_story_add")
CHANGELIST = reverse("admin:news_story_changelist")


def form_data(**overrides):
    moment = timezone.localtime() - timedelta(minutes=5)
    data = {
        "title": "Youth forum opens",
        "slug": "youth-forum-opens",
        "standfirst": "Young people now advise the council.",
        "body": "The forum met for the first time.",
        "language": "en",
        "status": PublicationStatus.DRAFT,
        "publish_at_0": moment.strftime("%Y-%m-%d"),
        "publish_at_1": moment.strftime("%H:%M:%S"),
        "regions": [],
        "cities": [],
        "practices": "",
        "themes": "youth engagement, social cohesion",
        "image_alt": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def upload(content, name="photo.jpg"):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def test_an_editor_adds_a_story_with_everything_it_concerns(editor_client, news_editor):
    city = CityFactory(name="Lyon", slug="lyon", country="FR")
    practice = PracticeFactory()
    response = editor_client.post(
        ADD,
        form_data(
            regions=[region("europe").pk],
            cities=[city.pk],
            practices=str(practice.pk),
            image=upload(image_bytes((2400, 1200), "PNG"), name="forum.jpg"),
            image_alt="The forum's first meeting.",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    story = Story.objects.get(slug="youth-forum-opens")
    assert story.created_by == news_editor
    assert story.status == PublicationStatus.DRAFT
    assert list(story.regions.values_list("slug", flat=True)) == ["europe"]
    assert list(story.cities.all()) == [city]
    assert list(story.practices.all()) == [practice]
    assert sorted(story.themes.names()) == ["social cohesion", "youth engagement"]
    # Stored as a JPEG at most 1600 pixels wide, under a random name.
    assert story.image.name.startswith("news/") and story.image.name.endswith(".jpg")
    assert "forum" not in story.image.name
    assert (story.image_width, story.image_height) == (1600, 800)
    with story.image.open("rb") as stored:
        assert Image.open(BytesIO(stored.read())).format == "JPEG"


def test_an_image_needs_its_description(editor_client):
    response = editor_client.post(ADD, form_data(image=upload(image_bytes())))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["image_alt"] == ["Describe the image for people who cannot see it."]
    assert not Story.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_saved(editor_client):
    response = editor_client.post(
        ADD,
        form_data(image=upload(b"not an image at all\n" * 10), image_alt="Something."),
    )
    assert response.status_code == 200
    assert "This file is not a JPEG, PNG or WebP image." in response.text
    # What was typed is still there.
    assert 'value="Youth forum opens"' in response.text
    assert not Story.objects.exists()


def test_an_editor_publishes_a_draft_by_changing_its_status(editor_client, visitor):
    story = StoryFactory(status=PublicationStatus.DRAFT, title="Ready now", slug="ready-now")
    url = reverse("admin:news_story_change", args=[story.pk])
    response = editor_client.post(
        url, form_data(title="Ready now", slug="ready-now", status=PublicationStatus.PUBLISHED)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    story.refresh_from_db()
    assert story.status == PublicationStatus.PUBLISHED
    assert story.is_public
    editor_client.logout()
    assert visitor.get(story.get_absolute_url()).status_code == 200


def test_changing_a_story_keeps_its_image_and_author(editor_client, admin_user):
    story = StoryFactory(with_image=True, created_by=admin_user)
    name = story.image.name
    url = reverse("admin:news_story_change", args=[story.pk])
    response = editor_client.post(
        url,
        form_data(
            title="New title",
            slug=story.slug,
            status=PublicationStatus.PUBLISHED,
            image_alt=story.image_alt,
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    story.refresh_from_db()
    assert story.title == "New title"
    assert story.image.name == name
    assert story.created_by == admin_user


def test_the_list_says_which_stories_are_public_scheduled_or_drafts(editor_client):
    StoryFactory(title="Live story")
    StoryFactory(title="Future story", publish_at=timezone.now() + timedelta(days=3))
    StoryFactory(title="Draft story", status=PublicationStatus.DRAFT)
    text = editor_client.get(CHANGELIST).text
    assert "Public" in text
    assert "Scheduled: appears at the publication time" in text
    assert "Not public (draft)" in text
    scheduled = editor_client.get(CHANGELIST + "?on_site=scheduled").text
    assert "Future story" in scheduled
    assert "Live story" not in scheduled


@pytest.mark.parametrize(
    "query",
    ["?status__exact=draft", "?regions__id__exact=1", "?language__exact=fr", "?q=forum"],
)
def test_the_list_filters_and_search_work(editor_client, query):
    StoryFactory(title="Forum in French", language="fr", regions=[region("europe")])
    assert editor_client.get(CHANGELIST + query).status_code == 200


def test_the_change_form_links_to_a_preview_and_uses_native_widgets(editor_client):
    story = StoryFactory(status=PublicationStatus.DRAFT, with_image=True)
    text = editor_client.get(reverse("admin:news_story_change", args=[story.pk])).text
    assert f'<a href="{story.get_absolute_url()}" class="button">Preview on site' in text
    assert 'class="checklist"' in text  # regions and cities
    assert 'name="practices"' in text and "vManyToManyRawIdAdminField" in text
    # The current image shown from the site's address, with its description.
    assert f'src="{story.image_url}" alt="Volunteers painting a mural."' in text
    assert 'accept="image/jpeg,image/png,image/webp"' in text


def test_the_add_form_explains_drafts_and_scheduling(editor_client):
    text = editor_client.get(ADD).text
    assert "A story stays a draft, seen only by staff, until you set it to published." in text
    assert "a time in the future schedules it" in text


def test_a_member_cannot_reach_the_story_admin(member_client):
    response = member_client.get(ADD)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
