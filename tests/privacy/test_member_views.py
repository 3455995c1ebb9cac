"""A member's own data: the page that says what is held, the download, and deleting the
account with the password (issue 22)."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from cities.models import Practitioner
from practices.models import Practice, Status
from privacy.models import PrivacyAction
from scn_portal.models import User
from tests.factories import (
    DEFAULT_PASSWORD,
    ContactMessageFactory,
    PracticeFactory,
    PractitionerFactory,
)

pytestmark = pytest.mark.django_db

MINE = reverse("privacy:mine")
DOWNLOAD = reverse("privacy:download")
DELETE = reverse("privacy:delete")


@pytest.fixture
def members_things(member):
    PractitionerFactory(user=member, full_name="Amaru Quispe", email=member.email)
    published = PracticeFactory(submitted_by=member, status=Status.PUBLISHED)
    draft = PracticeFactory(submitted_by=member, status=Status.DRAFT, title="My unfinished draft")
    ContactMessageFactory(email=member.email.upper(), message="Please call me back")
    return {"published": published, "draft": draft}


def test_the_page_says_what_is_held_and_offers_both(member_client, members_things):
    page = member_client.get(MINE)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Case studies: 2" in text
    assert "Contact messages: 1" in text
    assert f'action="{DOWNLOAD}"' in text
    assert DELETE in text
    assert "no-store" in page["Cache-Control"] or "private" in page["Cache-Control"]


def test_the_download_is_one_json_file_of_everything_for_the_member_alone(
    member_client, member, other_member, members_things
):
    PracticeFactory(submitted_by=other_member, title="Someone else's draft")
    response = member_client.post(DOWNLOAD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    document = json.loads(response.content)
    assert document["account"]["email"] == member.email
    assert "password" not in document["account"]
    titles = {study["title"] for study in document["case_studies"]}
    assert "My unfinished draft" in titles
    assert "Someone else's draft" not in titles
    assert [m["message"] for m in document["contact_messages"]] == ["Please call me back"]
    assert document["practitioner_profiles"][0]["full_name"] == "Amaru Quispe"
    recorded = PrivacyAction.objects.get()
    assert recorded.kind == PrivacyAction.Kind.MEMBER_EXPORT
    assert recorded.actor is None


def test_the_download_is_a_post_and_not_for_visitors(member_client):
    assert member_client.get(DOWNLOAD).status_code == 405
    response = Client().post(DOWNLOAD)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_wrong_password_deletes_nothing_and_says_so(member_client, member, members_things):
    response = member_client.post(DELETE, {"password": "not my password"})
    assert response.status_code == 200
    assert "That is not your password. Nothing has been deleted." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()
    assert Practice.objects.filter(submitted_by=member).count() == 2
    assert not mail.outbox


def test_deleting_the_account(
    member_client, member, members_things, django_capture_on_commit_callbacks
):
    address = member.email
    EmailAddress.objects.create(user=member, email="second@example.org", verified=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(DELETE, {"password": DEFAULT_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "have been deleted" in response.content.decode()
    # Signed out, and the account is gone with its addresses and profile.
    assert not response.context["user"].is_authenticated
    assert not User.objects.filter(pk=member.pk).exists()
    assert not EmailAddress.objects.filter(email="second@example.org").exists()
    assert not Practitioner.objects.filter(full_name="Amaru Quispe").exists()
    # The published case study stays under its city, with no author; the draft is gone.
    published = Practice.objects.get(pk=members_things["published"].pk)
    assert published.submitted_by is None
    assert published.city is not None
    assert not Practice.objects.filter(pk=members_things["draft"].pk).exists()
    # An email confirms it, to the address the account had.
    [confirmation] = mail.outbox
    assert confirmation.to == [address]
    assert "deleted" in confirmation.subject
    assert reverse("privacy:notice") in confirmation.body
    recorded = PrivacyAction.objects.get()
    assert recorded.kind == PrivacyAction.Kind.MEMBER_DELETION
    assert recorded.counts["case_studies"] == 2
    assert address not in json.dumps(recorded.counts)


def test_the_confirmation_is_in_the_members_language(
    member_client, member, django_capture_on_commit_callbacks
):
    member.language = "fr"
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(DELETE, {"password": DEFAULT_PASSWORD})
    [confirmation] = mail.outbox
    assert "supprimé" in confirmation.subject


def test_staff_close_their_accounts_in_the_admin(moderator_client, moderator):
    page = moderator_client.get(DELETE)
    assert page.status_code == 403
    assert "administrator" in page.content.decode()
    moderator_client.post(DELETE, {"password": DEFAULT_PASSWORD})
    assert User.objects.filter(pk=moderator.pk).exists()


def test_the_profile_page_leads_to_the_data_page(member_client):
    assert MINE in member_client.get(reverse("cities:profile")).content.decode()
