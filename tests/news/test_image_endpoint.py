"""A story's image, streamed by the portal: a JPEG kept long by browsers for a public story,
never served for one that is not public (but to staff who preview it, never cached)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from news.views import IMAGE_CACHE_SECONDS
from scn_portal.models import PublicationStatus
from tests.factories import StoryFactory, image_bytes

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content)


def test_a_public_story_image_is_a_jpeg_kept_long(visitor):
    story = StoryFactory(with_image=True)
    response = visitor.get(story.image_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "public" in response["Cache-Control"]
    assert f"max-age={IMAGE_CACHE_SECONDS}" in response["Cache-Control"]
    assert body(response) == image_bytes()


def test_a_new_image_has_a_new_address(visitor):
    story = StoryFactory(with_image=True)
    before = story.image_url
    from django.core.files.base import ContentFile

    story.image = ContentFile(image_bytes(color=(0, 0, 255)), name="other.jpg")
    story.save()
    assert story.image_url != before
    assert story.image_url.startswith(reverse("news:image", args=[story.slug]))


@pytest.mark.parametrize(
    "state",
    [{"status": PublicationStatus.DRAFT}, {"publish_at": timezone.now() + timedelta(days=1)}],
    ids=["draft", "scheduled"],
)
def test_the_image_of_a_story_not_public_is_404_for_visitors(visitor, member, state):
    story = StoryFactory(with_image=True, **state)
    assert visitor.get(story.image_url).status_code == 404
    visitor.force_login(member)
    assert visitor.get(story.image_url).status_code == 404


def test_staff_preview_the_image_of_a_draft_never_kept(editor_client):
    story = StoryFactory(with_image=True, status=PublicationStatus.DRAFT)
    response = editor_client.get(story.image_url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_story_without_image_or_with_its_file_gone_is_404(visitor):
    story = StoryFactory()
    assert visitor.get(reverse("news:image", args=[story.slug])).status_code == 404
    gone = StoryFactory(with_image=True)
    gone.image.storage.delete(gone.image.name)
    assert visitor.get(gone.image_url).status_code == 404
