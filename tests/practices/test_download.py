"""Downloading a practice's PDF attachments: same visibility as the practice page, always
as a download, never sniffed as anything but a PDF, whichever storage holds the file."""

import pytest
from django.urls import reverse

from practices.models import Status
from tests.factories import MINIMAL_PDF, AttachmentFactory, PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_each_storage(each_storage):
    """Every download test runs on the local filesystem and on an S3-compatible bucket."""


def url(attachment, slug=None):
    return reverse("practices:attachment", args=[slug or attachment.practice.slug, attachment.pk])


def test_anyone_downloads_an_attachment_of_published_practice(visitor):
    attachment = AttachmentFactory(original_name="evaluation-report.pdf")
    response = visitor.get(url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="evaluation-report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("original_name", "expected"),
    [
        ('bad"name\r\nX-Evil: 1.pdf', 'attachment; filename="bad-name-X-Evil- 1.pdf"'),
        ("../../etc/passwd", 'attachment; filename="passwd.pdf"'),
        ("report.exe", 'attachment; filename="report.pdf"'),
        ("...", 'attachment; filename="attachment.pdf"'),
        ("Évaluation finale.pdf", "attachment; filename*=utf-8''%C3%89valuation%20finale.pdf"),
    ],
)
def test_the_download_name_is_safe(visitor, original_name, expected):
    attachment = AttachmentFactory(original_name=original_name)
    assert visitor.get(url(attachment))["Content-Disposition"] == expected


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.ARCHIVED]
)
def test_attachments_of_unpublished_practice_are_a_404_for_others(
    client, author, other_member, status
):
    attachment = AttachmentFactory(practice=PracticeFactory(submitted_by=author, status=status))
    assert client.get(url(attachment)).status_code == 404
    client.force_login(other_member)
    assert client.get(url(attachment)).status_code == 404


def test_the_author_and_moderators_download_attachments_of_unpublished_practice(
    client, author, moderator
):
    attachment = AttachmentFactory(
        practice=PracticeFactory(submitted_by=author, status=Status.SUBMITTED)
    )
    for user in (author, moderator):
        client.force_login(user)
        response = client.get(url(attachment))
        assert response.status_code == 200
        assert "private" in response["Cache-Control"]


def test_an_attachment_of_a_proposed_update_is_a_404_for_visitors(visitor):
    original = PracticeFactory()
    update = PracticeFactory(update_of=original, status=Status.SUBMITTED)
    assert visitor.get(url(AttachmentFactory(practice=update))).status_code == 404


def test_an_attachment_asked_for_under_another_practice_is_a_404(visitor):
    attachment = AttachmentFactory()
    other = PracticeFactory()
    assert visitor.get(url(attachment, slug=other.slug)).status_code == 404


def test_an_unknown_attachment_is_a_404(visitor):
    practice = PracticeFactory()
    response = visitor.get(reverse("practices:attachment", args=[practice.slug, 999999]))
    assert response.status_code == 404


def test_an_out_of_range_attachment_number_is_a_404(visitor):
    practice = PracticeFactory()
    response = visitor.get(f"/practices/{practice.slug}/attachments/{10**20}/")
    assert response.status_code == 404


def test_a_file_missing_from_storage_is_a_404_not_an_error(visitor):
    attachment = AttachmentFactory()
    attachment.file.storage.delete(attachment.file.name)
    assert visitor.get(url(attachment)).status_code == 404
