"""Staff answering a request from a person without an account: find what is held under an
address, export it, erase it; each recorded without the data (issue 22)."""

import json

import pytest
from django.urls import reverse

from cities.models import MembershipApplication, Practitioner, PractitionerMessage
from privacy.models import PrivacyAction
from scn_portal.models import ContactMessage
from tests.factories import (
    ContactMessageFactory,
    MembershipApplicationFactory,
    PractitionerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LOOKUP = reverse("admin:privacy_lookup")
EXPORT = reverse("admin:privacy_export")
ERASE = reverse("admin:privacy_erase")
ADDRESS = "Nadia.Haddad@example.net"


@pytest.fixture
def held(member):
    """A person without an account who wrote twice, applied once, and has a profile that a
    member wrote to; and someone else's message beside it."""
    ContactMessageFactory(email=ADDRESS, name="Nadia Haddad", message="First question")
    ContactMessageFactory(email=ADDRESS.lower(), name="Nadia Haddad", message="Second one")
    MembershipApplicationFactory(email=ADDRESS.upper(), applicant_name="Nadia Haddad")
    profile = PractitionerFactory(full_name="Nadia Haddad", email=ADDRESS)
    PractitionerMessage.objects.create(
        sender=member, practitioner=profile, subject="Hello Nadia Haddad", body="Can we talk?"
    )
    ContactMessageFactory(email="someone.else@example.org", name="Sam Else")
    return profile


def test_moderators_find_everything_under_an_address(moderator_client, held):
    page = moderator_client.post(LOOKUP, {"email": ADDRESS.lower()})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Contact messages (2)" in text
    assert "Membership applications (1)" in text
    assert "Practitioner profiles (1)" in text
    assert "Messages received through the portal (1)" in text
    assert "Sam Else" not in text
    assert f'action="{EXPORT}"' in text
    assert f'action="{ERASE}"' in text


def test_nothing_held_is_said_plainly(moderator_client, held):
    page = moderator_client.post(LOOKUP, {"email": "nobody@example.org"})
    assert "Nothing is held under this address." in page.content.decode()


def test_a_bad_address_is_an_error_and_kept(moderator_client):
    page = moderator_client.post(LOOKUP, {"email": "not an address"})
    text = page.content.decode()
    assert "Enter a valid email address." in text
    assert 'value="not an address"' in text


def test_export_is_a_json_file_recorded_without_the_address(moderator_client, moderator, held):
    response = moderator_client.post(EXPORT, {"email": ADDRESS})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    document = json.loads(response.content)
    assert {m["message"] for m in document["contact_messages"]} == {
        "First question",
        "Second one",
    }
    assert document["practitioner_profiles"][0]["full_name"] == "Nadia Haddad"
    assert document["account"] is None
    recorded = PrivacyAction.objects.get()
    assert (recorded.kind, recorded.actor) == (PrivacyAction.Kind.STAFF_EXPORT, moderator)
    assert recorded.counts["contact_messages"] == 2
    assert ADDRESS.lower() not in json.dumps(recorded.counts).lower()


def test_erasure_asks_first_then_erases_and_records(moderator_client, moderator, held):
    confirm = moderator_client.post(ERASE, {"email": ADDRESS})
    assert "Yes, erase it all" in confirm.content.decode()
    assert ContactMessage.objects.filter(email__iexact=ADDRESS).count() == 2

    response = moderator_client.post(ERASE, {"email": ADDRESS, "confirmed": "yes"}, follow=True)
    assert "has been erased" in response.content.decode()
    assert not ContactMessage.objects.filter(email__iexact=ADDRESS).exists()
    assert not MembershipApplication.objects.exists()
    assert not Practitioner.objects.filter(pk=held.pk).exists()
    # The message a member sent stays for staff, without the person's name.
    relayed = PractitionerMessage.objects.get()
    assert relayed.practitioner is None
    assert "Nadia" not in relayed.subject
    # Someone else's message is untouched.
    assert ContactMessage.objects.filter(name="Sam Else").exists()
    recorded = PrivacyAction.objects.get()
    assert (recorded.kind, recorded.actor) == (PrivacyAction.Kind.STAFF_ERASURE, moderator)
    assert recorded.counts["contact_messages"] == 2
    trail = moderator_client.get(reverse("admin:privacy_privacyaction_changelist"))
    assert "Staff erased a person&#x27;s data" in trail.content.decode()
    assert "Nadia" not in trail.content.decode()


def test_a_staff_account_is_not_erased_here(moderator_client, admin_user):
    response = moderator_client.post(
        ERASE, {"email": admin_user.email, "confirmed": "yes"}, follow=True
    )
    assert "belongs to a staff account" in response.content.decode()
    assert type(admin_user).objects.filter(pk=admin_user.pk).exists()
    assert not PrivacyAction.objects.exists()


def test_an_address_with_an_account_erases_the_account_too(moderator_client):
    person = UserFactory(email="lost.access@example.org")
    moderator_client.post(ERASE, {"email": "LOST.ACCESS@example.org", "confirmed": "yes"})
    assert not type(person).objects.filter(pk=person.pk).exists()


def test_the_address_never_travels_in_an_address_bar(moderator_client, held):
    """Access logs record addresses: the search is a POST, and a GET carries nothing."""
    page = moderator_client.get(LOOKUP)
    assert 'method="post"' in page.content.decode()
    assert moderator_client.get(EXPORT + f"?email={ADDRESS}").status_code == 302
    assert moderator_client.get(ERASE + f"?email={ADDRESS}").status_code == 302
    assert ContactMessage.objects.filter(email__iexact=ADDRESS).count() == 2


def test_without_the_permission_staff_are_refused(client, held):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.post(LOOKUP, {"email": ADDRESS}).status_code == 403
    assert client.post(ERASE, {"email": ADDRESS, "confirmed": "yes"}).status_code == 403
    assert ContactMessage.objects.filter(email__iexact=ADDRESS).count() == 2


def test_the_trail_cannot_be_edited_or_deleted(admin_client):
    action = PrivacyAction.objects.create(kind=PrivacyAction.Kind.RETENTION, counts={"x": 1})
    change = reverse("admin:privacy_privacyaction_change", args=[action.pk])
    assert 'type="submit"' not in admin_client.get(change).content.decode().split("<form")[-1]
    delete = reverse("admin:privacy_privacyaction_delete", args=[action.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert PrivacyAction.objects.filter(pk=action.pk).exists()


def test_the_trail_names_the_kinds_a_retention_run_removed(admin_client):
    PrivacyAction.objects.create(
        kind=PrivacyAction.Kind.RETENTION, counts={"relayed_messages": 3, "applications": 0}
    )
    page = admin_client.get(reverse("admin:privacy_privacyaction_changelist")).content.decode()
    assert "messages relayed to practitioners: 3" in page
    assert "relayed_messages" not in page
