"""Members suggest resources: the form, its checks (a PDF checked as an attachment is, a
file or a link), what is saved, who is told, the member's list, and when they may change
a suggestion."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from practices.models import Status
from resources.models import Resource
from tests.factories import MINIMAL_PDF, PartnerOrganisationFactory, ResourceFactory, region
from tests.practices.test_attachment_safety import CRAFTED
from tests.resources.conftest import suggestion

pytestmark = pytest.mark.django_db

SUGGEST = reverse("resources:suggest")
MINE = reverse("resources:mine")


def pdf(content=MINIMAL_PDF, name="guide.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_signing_in_is_needed_to_suggest(visitor):
    for address in (SUGGEST, MINE, reverse("resources:edit", args=[1])):
        response = visitor.get(address)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_form_asks_for_everything_a_resource_needs(member_client):
    response = member_client.get(SUGGEST)
    assert response.status_code == 200
    text = response.text
    for name in ("title", "summary", "themes", "year", "url", "form_token"):
        assert f'name="{name}"' in text
    assert 'type="radio" name="kind" value="guide"' in text
    assert 'type="file" name="file" accept="application/pdf,.pdf"' in text
    assert 'class="checklist"' in text  # regions
    assert 'name="publisher"' in text
    assert "csrfmiddlewaretoken" in text
    assert 'enctype="multipart/form-data"' in text


def test_a_suggestion_is_saved_and_sent_for_review(
    member_client, member, django_capture_on_commit_callbacks
):
    publisher = PartnerOrganisationFactory(name="Peace Institute")
    europe = region("europe")
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            SUGGEST,
            suggestion(publisher=publisher.pk, regions=[europe.pk], file=pdf()),
            follow=True,
        )
    assert response.redirect_chain[-1][0] == MINE
    assert "has been sent for review" in response.text
    resource = Resource.objects.get()
    assert resource.title == "Talking with young people about conspiracy myths"
    assert resource.slug == "talking-with-young-people-about-conspiracy-myths"
    assert resource.status == Status.SUBMITTED
    assert resource.submitted_at is not None
    assert resource.suggested_by == member
    assert resource.publisher == publisher
    assert list(resource.regions.all()) == [europe]
    assert sorted(resource.themes.names()) == ["online harms", "youth engagement"]
    # The file is stored under a random name; what it was called is kept as data.
    assert re.fullmatch(r"resources/[0-9a-f]{32}\.pdf", resource.file.name)
    assert resource.original_name == "guide.pdf"
    assert resource.size == len(MINIMAL_PDF)
    change = resource.history.get()
    assert (change.actor, change.from_status, change.to_status) == (
        member,
        Status.DRAFT,
        Status.SUBMITTED,
    )
    # Moderators are told, with the way to the review screen.
    [message] = mail.outbox
    assert message.to == ["moderators@strongcities.example"]
    assert "New resource to review: Talking with young people" in message.subject
    review = reverse("admin:resources_resource_review", args=[resource.pk])
    assert f"http://testserver{review}" in message.body
    # ... and the member sees it in their list, waiting.
    assert "Submitted for review" in response.text


def test_a_link_alone_is_enough(member_client):
    response = member_client.post(SUGGEST, suggestion())
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.url == "https://example.org/guide"
    assert not resource.file


def test_a_link_typed_without_a_scheme_is_taken_as_https(member_client):
    member_client.post(SUGGEST, suggestion(url="example.org/guide"))
    assert Resource.objects.get().url == "https://example.org/guide"


def test_neither_file_nor_link_is_refused_and_everything_typed_is_kept(member_client):
    response = member_client.post(SUGGEST, suggestion(url="", summary="Kept summary"))
    assert response.status_code == 200
    assert "Give a PDF file, a link to the resource, or both." in response.text
    assert "Nothing you typed has been lost." in response.text
    assert "Kept summary</textarea>" in response.text
    assert 'value="youth engagement, online harms"' in response.text
    assert not Resource.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "error"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"kind": "poster"}, "kind", "Select a valid choice."),
        ({"year": "1850"}, "year", "greater than or equal to 1990"),
        ({"url": "javascript:alert(1)"}, "url", "Enter a valid URL."),
        ({"regions": ["999999999999999999999"]}, "regions", "is not a valid value"),
    ],
)
def test_each_field_says_what_is_wrong(member_client, changes, field, error):
    response = member_client.post(SUGGEST, suggestion(**changes))
    assert response.status_code == 200
    assert error in " ".join(response.context["form"].errors[field])
    assert not Resource.objects.exists()


def test_a_file_that_is_not_a_pdf_is_refused_whatever_its_name(member_client):
    response = member_client.post(
        SUGGEST, suggestion(file=pdf(b"<html><script>alert(1)</script></html>", "guide.pdf"))
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Resource.objects.exists()


@pytest.mark.parametrize("kind", ["open_action_javascript", "page_action_launch", "embedded_file"])
def test_a_pdf_with_active_content_is_refused_with_the_reason(member_client, kind):
    response = member_client.post(SUGGEST, suggestion(file=pdf(CRAFTED[kind]())))
    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert "guide.pdf" in error
    assert "Talking with young people about conspiracy myths" in response.text
    assert not Resource.objects.exists()


def test_a_file_over_the_limit_is_refused(member_client, settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    response = member_client.post(SUGGEST, suggestion(file=pdf()))
    assert "a file may be at most 100\xa0bytes" in " ".join(response.context["form"].errors["file"])
    assert not Resource.objects.exists()


def test_a_chosen_file_is_asked_for_again_when_another_field_fails(member_client):
    response = member_client.post(SUGGEST, suggestion(title="", file=pdf()))
    assert "Please choose “guide.pdf” again" in response.text


def test_the_same_form_sent_twice_is_saved_once(member_client):
    token = member_client.get(SUGGEST).context["form"]["form_token"].value()
    data = suggestion(form_token=token)
    member_client.post(SUGGEST, data)
    response = member_client.post(SUGGEST, data, follow=True)
    assert Resource.objects.count() == 1
    assert "it has not been sent twice" in response.text


def test_my_suggestions_list_each_with_its_status_and_the_reason(member_client, member):
    ResourceFactory(title="Waiting one", suggested_by=member, status=Status.SUBMITTED)
    asked = ResourceFactory(title="Asked one", suggested_by=member, status=Status.CHANGES_REQUESTED)
    asked.history.create(
        from_status=Status.SUBMITTED, to_status=Status.CHANGES_REQUESTED, reason="Add the year."
    )
    ResourceFactory(title="Somebody else's", status=Status.SUBMITTED)
    response = member_client.get(MINE)
    text = response.text
    assert "Waiting one" in text
    assert "Asked one" in text
    assert "Somebody else's" not in text
    assert "Add the year." in text
    assert text.count("Change and submit again") == 1
    assert reverse("resources:edit", args=[asked.pk]) in text


@pytest.mark.parametrize(
    "status", [Status.SUBMITTED, Status.PUBLISHED, Status.REJECTED, Status.ARCHIVED]
)
def test_a_suggestion_can_be_changed_only_when_changes_were_asked_for(
    member_client, member, status
):
    resource = ResourceFactory(suggested_by=member, status=status, title="As it was")
    edit = reverse("resources:edit", args=[resource.pk])
    response = member_client.get(edit, follow=True)
    assert response.redirect_chain[-1][0] == MINE
    assert "can no longer be changed" in response.text or "waiting for review" in response.text
    member_client.post(edit, suggestion(title="Changed"))
    resource.refresh_from_db()
    assert resource.title == "As it was"
    assert resource.status == status


def test_another_members_suggestion_is_a_404(client, other_member):
    resource = ResourceFactory(status=Status.CHANGES_REQUESTED)
    client.force_login(other_member)
    edit = reverse("resources:edit", args=[resource.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, suggestion(title="Taken over")).status_code == 404
    resource.refresh_from_db()
    assert resource.title != "Taken over"


def test_a_missing_file_and_link_is_said_once_in_plain_words(member_client):
    response = member_client.post(SUGGEST, suggestion(url=""))
    assert response.context["form"].non_field_errors() == [
        "Give a PDF file, a link to the resource, or both."
    ]
