"""Attachments in S3-compatible object storage (a real server on loopback, see conftest.py):
stored from the contribute form, downloaded only through the portal's permission check,
deleted with their practice, and never reachable at their address in the bucket."""

import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from practices.models import Attachment, Status
from tests.factories import MINIMAL_PDF, AttachmentFactory, PracticeFactory

pytestmark = pytest.mark.django_db

EVERYONE = {
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}


def unpublished_attachment(author):
    return AttachmentFactory(practice=PracticeFactory(submitted_by=author, status=Status.DRAFT))


def download(client, attachment):
    return client.get(attachment.get_absolute_url())


def test_a_pdf_sent_with_the_contribute_form_is_stored_privately_in_the_bucket(
    member_client, object_storage
):
    response = member_client.post(
        reverse("practices:create"),
        {
            "title": "Street football",
            "action": "save",
            "attachment": SimpleUploadedFile(
                "report.pdf", MINIMAL_PDF, content_type="application/pdf"
            ),
        },
    )

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert object_storage.keys() == [attachment.file.name]
    stored = object_storage.client.get_object(Bucket=object_storage.name, Key=attachment.file.name)
    assert stored["Body"].read() == MINIMAL_PDF
    assert stored["ContentType"] == "application/pdf"
    acl = object_storage.client.get_object_acl(Bucket=object_storage.name, Key=attachment.file.name)
    assert not {grant["Grantee"].get("URI") for grant in acl["Grants"]} & EVERYONE


@pytest.mark.parametrize(
    ("role", "status_code"),
    [("visitor", 404), ("other_member", 404), ("author", 200), ("moderator", 200)],
)
def test_an_unpublished_practices_file_is_streamed_only_to_those_who_may_see_it(
    client, request, author, object_storage, role, status_code
):
    attachment = unpublished_attachment(author)
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))

    response = download(client, attachment)

    assert response.status_code == status_code
    if status_code == 200:
        assert b"".join(response.streaming_content) == MINIMAL_PDF
        assert "private" in response["Cache-Control"]
        # Streamed, never sent on to the bucket: no header so much as names it.
        assert "Location" not in response
        assert object_storage.endpoint not in str(response.headers)


def test_a_files_address_in_the_bucket_is_refused_without_a_signature(
    author_client, author, object_storage
):
    attachment = unpublished_attachment(author)

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(object_storage.address(attachment.file.name))  # noqa: S310

    assert refused.value.code == 403


def test_no_page_shows_where_a_file_is_in_the_bucket(author_client, author, object_storage):
    attachment = unpublished_attachment(author)
    practice = attachment.practice

    for page in ("practices:detail", "practices:edit", "practices:preview"):
        key = practice.slug if page == "practices:detail" else practice.pk
        text = author_client.get(reverse(page, args=[key])).text
        assert attachment.get_absolute_url() in text
        assert object_storage.name not in text
        assert attachment.file.name not in text


def test_an_address_the_storage_signs_expires_within_a_minute(object_storage):
    attachment = AttachmentFactory()

    address = default_storage.url(attachment.file.name)

    assert parse_qs(urlsplit(address).query)["X-Amz-Expires"] == ["60"]
    with urllib.request.urlopen(address) as signed:  # noqa: S310
        assert signed.read() == MINIMAL_PDF


def test_deleting_a_practice_deletes_its_files(each_storage, django_capture_on_commit_callbacks):
    practice = PracticeFactory()
    names = [AttachmentFactory(practice=practice).file.name for _ in range(2)]
    kept = AttachmentFactory().file.name

    with django_capture_on_commit_callbacks(execute=True):
        practice.delete()

    assert [default_storage.exists(name) for name in names] == [False, False]
    assert default_storage.exists(kept)
    if each_storage is not None:
        assert each_storage.keys() == [kept]


def test_an_author_removing_an_attachment_deletes_its_object(
    author_client, author, object_storage, django_capture_on_commit_callbacks
):
    attachment = unpublished_attachment(author)

    with django_capture_on_commit_callbacks(execute=True):
        author_client.post(
            reverse("practices:attachment_delete", args=[attachment.practice.pk, attachment.pk])
        )

    assert object_storage.keys() == []


def test_a_deletion_rolled_back_keeps_the_file(each_storage, django_capture_on_commit_callbacks):
    attachment = AttachmentFactory()

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        attachment.practice.delete()
        raise RuntimeError("rolled back")

    assert default_storage.exists(attachment.file.name)
