"""The inboxes staff handle in the admin (contact messages, membership applications,
messages to practitioners) and the claims members make on practitioner profiles: status,
assignee, staff notes and "not notified", so that none is forgotten."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from scn_portal.models import ContactMessage, InboxStatus
from tests.admin.conftest import make_practitioner_message
from tests.factories import (
    ContactMessageFactory,
    MembershipApplicationFactory,
    PractitionerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CONTACT = reverse("admin:scn_portal_contactmessage_changelist")


def titles(response):
    return [str(obj) for obj in response.context["cl"].result_list]


def test_the_list_shows_status_assignee_and_whether_staff_were_told(moderator_client, moderator):
    ContactMessageFactory(name="Told", notified=True, assignee=moderator)
    ContactMessageFactory(name="Untold", notified=False)

    page = moderator_client.get(CONTACT).content.decode()

    assert "Mo Derator" in page
    assert "field-was_notified" in page
    assert "New" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("notified__exact=0", ["General enquiry from Untold"]),
        ("status__exact=done", ["General enquiry from Done"]),
        ("assignee__isnull=True", ["General enquiry from Untold", "General enquiry from Done"]),
        ("q=Untold", ["General enquiry from Untold"]),
    ],
)
def test_staff_filter_the_inbox(moderator_client, moderator, query, expected):
    ContactMessageFactory(name="Told", notified=True, assignee=moderator)
    ContactMessageFactory(name="Done", notified=True, status=InboxStatus.DONE)
    ContactMessageFactory(name="Untold", notified=False)

    response = moderator_client.get(f"{CONTACT}?{query}")

    assert sorted(titles(response)) == sorted(expected)


def test_staff_assign_to_themselves_and_mark_done(moderator_client, moderator):
    messages = ContactMessageFactory.create_batch(2)
    selected = [m.pk for m in messages]

    moderator_client.post(CONTACT, {"action": "assign_to_me", ACTION_CHECKBOX_NAME: selected})
    response = moderator_client.post(
        CONTACT, {"action": "mark_done", ACTION_CHECKBOX_NAME: selected}, follow=True
    )

    assert "2 items marked as “Done”." in response.content.decode()
    assert set(ContactMessage.objects.values_list("status", "assignee")) == {
        (InboxStatus.DONE, moderator.pk)
    }


def test_staff_keep_notes_but_cannot_rewrite_what_the_sender_wrote(moderator_client, moderator):
    message = ContactMessageFactory(message="Original words.")
    url = reverse("admin:scn_portal_contactmessage_change", args=[message.pk])

    response = moderator_client.post(
        url,
        {
            "status": InboxStatus.IN_PROGRESS,
            "assignee": moderator.pk,
            "staff_notes": "Called back on Monday.",
            "message": "Changed words.",
        },
    )

    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == InboxStatus.IN_PROGRESS
    assert message.staff_notes == "Called back on Monday."
    assert message.message == "Original words."


def test_only_staff_can_be_assigned(moderator_client):
    member = UserFactory(email="not-staff@example.org")
    message = ContactMessageFactory()
    url = reverse("admin:scn_portal_contactmessage_change", args=[message.pk])

    response = moderator_client.post(url, {"status": "new", "assignee": member.pk})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["assignee"]


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (MembershipApplicationFactory, "cities_membershipapplication"),
        (make_practitioner_message, "cities_practitionermessage"),
    ],
)
def test_the_other_inboxes_filter_by_status_and_notification(moderator_client, make, name):
    waiting = make(notified=False)
    make(notified=True, status=InboxStatus.DONE)
    url = reverse(f"admin:{name}_changelist")

    response = moderator_client.get(f"{url}?notified__exact=0&status__exact=new")

    assert list(response.context["cl"].result_list) == [waiting]


def test_moderators_confirm_a_claim_by_linking_the_profile(moderator_client, member):
    claimed = PractitionerFactory(full_name="Ana Lima", claim_requested_by=member)
    PractitionerFactory(full_name="Not claimed")
    url = reverse("admin:cities_practitioner_changelist")

    pending = moderator_client.get(f"{url}?claim=pending")
    assert [p.full_name for p in pending.context["cl"].result_list] == ["Ana Lima"]

    moderator_client.post(url, {"action": "confirm_claims", ACTION_CHECKBOX_NAME: [claimed.pk]})

    claimed.refresh_from_db()
    assert claimed.user == member
    assert claimed.claim_requested_by is None


def test_a_member_with_a_profile_cannot_claim_a_second_one(moderator_client, member):
    PractitionerFactory(user=member)
    second = PractitionerFactory(claim_requested_by=member)
    url = reverse("admin:cities_practitioner_changelist")

    response = moderator_client.post(
        url, {"action": "confirm_claims", ACTION_CHECKBOX_NAME: [second.pk]}, follow=True
    )

    assert "already has a profile" in response.content.decode()
    second.refresh_from_db()
    assert second.user is None


def test_moderators_decline_a_claim(moderator_client, member):
    claimed = PractitionerFactory(claim_requested_by=member)
    url = reverse("admin:cities_practitioner_changelist")
    moderator_client.post(url, {"action": "decline_claims", ACTION_CHECKBOX_NAME: [claimed.pk]})
    claimed.refresh_from_db()
    assert claimed.claim_requested_by is None and claimed.user is None


@pytest.mark.parametrize(
    ("make", "name", "label"),
    [
        (
            ContactMessageFactory,
            "scn_portal_contactmessage",
            "contact messages staff were not emailed about",
        ),
        (
            MembershipApplicationFactory,
            "cities_membershipapplication",
            "membership applications staff were not emailed about",
        ),
        (
            make_practitioner_message,
            "cities_practitionermessage",
            "messages to practitioners that could not be delivered",
        ),
    ],
)
def test_the_admin_index_warns_of_new_items_nobody_was_emailed_about(
    moderator_client, make, name, label
):
    make(notified=True)
    make(notified=False, status=InboxStatus.DONE)  # handled: no warning for it
    index = reverse("admin:index")
    assert label not in moderator_client.get(index).text

    make(notified=False)
    make(notified=False)
    page = moderator_client.get(index).text

    assert label in page
    url = reverse(f"admin:{name}_changelist") + "?status__exact=new&amp;notified__exact=0"
    link = page[page.index(url) : page.index(label)]
    assert '<span class="scn-summary-count">2</span>' in link
