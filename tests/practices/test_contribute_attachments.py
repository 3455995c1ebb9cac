"""PDF attachments: recognised by content, limited in size and number, removable by the author."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from practices.models import Attachment, Status
from tests.factories import MINIMAL_PDF, AttachmentFactory, PracticeFactory
from tests.practices.conftest import upload

pytestmark = pytest.mark.django_db


def test_pdf_is_attached_under_a_random_name_outside_static(author_client, draft, settings):
    response = upload(author_client, draft, MINIMAL_PDF)

    assert response.status_code == 302
    attachment = Attachment.objects.get(practice=draft)
    assert attachment.title == "Evaluation 2023"
    assert attachment.original_name == "report.pdf"
    assert attachment.size == len(MINIMAL_PDF)
    assert "report" not in attachment.file.name
    assert attachment.file.path.startswith(str(settings.MEDIA_ROOT))
    page = author_client.get(reverse("practices:edit", args=[draft.pk]))
    assert attachment.get_absolute_url() in page.text


def test_renamed_non_pdf_is_refused_with_a_clear_message(author_client, draft):
    word_file = b"PK\x03\x04" + b"\x00" * 200  # a .docx renamed to .pdf

    response = upload(author_client, draft, word_file, name="notes.pdf")

    assert response.status_code == 200
    assert "“notes.pdf” is not a PDF file. Only PDF documents can be attached" in response.text
    assert "Typed before the upload." in response.text  # the text is kept
    assert not Attachment.objects.exists()


def test_truncated_pdf_is_refused_as_damaged(author_client, draft):
    response = upload(author_client, draft, b"%PDF-1.7\nnothing else here")

    assert response.status_code == 200
    assert "looks like a damaged or incomplete PDF" in response.text
    assert not Attachment.objects.exists()


def test_file_over_ten_megabytes_is_refused(author_client, draft, settings):
    too_big = MINIMAL_PDF + b"0" * (settings.ATTACHMENT_MAX_BYTES + 1 - len(MINIMAL_PDF))

    response = upload(author_client, draft, too_big)

    assert response.status_code == 200
    assert "a file may be at most 10.0\xa0MB" in response.text
    assert not Attachment.objects.exists()


def test_sixth_attachment_is_refused(author_client, draft):
    AttachmentFactory.create_batch(5, practice=draft)

    response = upload(author_client, draft, MINIMAL_PDF)

    assert response.status_code == 200
    assert "A practice can have at most 5 documents. Delete one before adding another." in (
        response.text
    )
    assert Attachment.objects.filter(practice=draft).count() == 5


def test_author_removes_an_attachment_and_its_file(
    author_client, draft, django_capture_on_commit_callbacks
):
    attachment = AttachmentFactory(practice=draft)
    path = attachment.file.path

    with django_capture_on_commit_callbacks(execute=True):
        response = author_client.post(
            reverse("practices:attachment_delete", args=[draft.pk, attachment.pk])
        )

    assert response["Location"] == reverse("practices:edit", args=[draft.pk])
    assert not Attachment.objects.exists()
    assert not os.path.exists(path)


def test_attachment_cannot_be_removed_once_submitted(author_client, author):
    practice = PracticeFactory(submitted_by=author, status=Status.SUBMITTED)
    attachment = AttachmentFactory(practice=practice)

    author_client.post(reverse("practices:attachment_delete", args=[practice.pk, attachment.pk]))

    assert Attachment.objects.filter(pk=attachment.pk).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_other_member_cannot_remove_an_attachment(client, other_member, draft, method):
    attachment = AttachmentFactory(practice=draft)
    client.force_login(other_member)

    response = getattr(client, method)(
        reverse("practices:attachment_delete", args=[draft.pk, attachment.pk])
    )

    assert response.status_code == (404 if method == "post" else 405)
    assert Attachment.objects.filter(pk=attachment.pk).exists()


def test_valid_pdf_sent_with_an_invalid_form_is_asked_for_again_by_name(author_client, draft):
    response = author_client.post(
        reverse("practices:edit", args=[draft.pk]),
        {
            "title": "",
            "action": "save",
            "attachment": SimpleUploadedFile("plan.pdf", MINIMAL_PDF),
        },
    )

    assert response.status_code == 200
    assert "Please choose “plan.pdf” again" in response.text
    assert not Attachment.objects.exists()
