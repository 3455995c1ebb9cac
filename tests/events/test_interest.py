"""A member registers interest in an event: stored first, then the organiser is emailed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.models import Interest
from scn_portal.models import PublicationStatus
from tests.factories import EventFactory, InterestFactory

pytestmark = pytest.mark.django_db


def interest_url(event):
    return reverse("events:interest", args=[event.slug])


def test_a_visitor_is_sent_to_sign_in_and_back_to_the_form(visitor):
    event = EventFactory()

    response = visitor.post(interest_url(event), {"note": "Hello"})

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={interest_url(event)}"
    assert not Interest.objects.exists()


def test_signed_in_the_form_has_a_page_of_its_own(member_client):
    event = EventFactory(title="Community policing workshop")

    response = member_client.get(interest_url(event))

    assert response.status_code == 200
    assert "Community policing workshop" in response.text
    assert 'name="note"' in response.text


def test_a_members_interest_is_stored_and_the_organiser_emailed_with_the_note(
    member_client, member, django_capture_on_commit_callbacks
):
    event = EventFactory(title="Exit work exchange", organiser_email="organiser@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            interest_url(event), {"note": "I run the exit programme in Testville."}
        )

    assert response.status_code == 302
    assert response["Location"] == event.get_absolute_url()
    interest = Interest.objects.get()
    assert (interest.event, interest.member) == (event, member)
    assert interest.note == "I run the exit programme in Testville."
    assert interest.notified
    [email] = mail.outbox
    assert email.to == ["organiser@example.org"]
    assert email.reply_to == ["Mira Member <member@example.org>"]
    assert email.subject == "Mira Member would like to take part in “Exit work exchange”"
    assert "Mira Member <member@example.org>" in email.body
    assert "I run the exit programme in Testville." in email.body
    assert f"http://testserver{event.get_absolute_url()}" in email.body
    page = member_client.get(response["Location"]).text
    assert "Your interest is registered" in page
    assert "You registered your interest on" in page


def test_without_an_organisers_address_the_networks_staff_are_told(
    member_client, settings, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = ["staff@strongcities.example"]
    event = EventFactory(organiser_email="")

    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(interest_url(event), {"note": ""})

    [email] = mail.outbox
    assert email.to == ["staff@strongcities.example"]
    assert "They left no note." in email.body
    assert "/admin/events/interest/" in email.body


def test_the_interest_is_kept_when_the_email_fails(
    member_client, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    event = EventFactory(organiser_email="organiser@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(interest_url(event), {"note": "Still here"})

    assert response.status_code == 302
    interest = Interest.objects.get()
    assert interest.note == "Still here"
    assert not interest.notified


def test_registering_twice_says_so_and_stores_one(member_client, member):
    event = EventFactory()
    InterestFactory(event=event, member=member, note="First")

    response = member_client.post(interest_url(event), {"note": "Second"}, follow=True)

    assert "You have already registered your interest in this event." in response.text
    assert list(Interest.objects.values_list("note", flat=True)) == ["First"]
    assert not mail.outbox


def test_a_note_too_long_is_refused_and_kept_with_its_error(member_client):
    event = EventFactory()
    note = "I would like to come. " * 100  # over 2,000 characters

    response = member_client.post(interest_url(event), {"note": note})

    assert response.status_code == 200
    assert "Ensure this value has at most 2000 characters" in response.text
    assert "I would like to come. I would like to come." in response.text
    assert not Interest.objects.exists()


def test_an_event_with_its_own_registration_link_refuses(member_client):
    event = EventFactory(registration_url="https://example.org/register")

    response = member_client.post(interest_url(event), {"note": ""}, follow=True)

    assert "This event has its own registration" in response.text
    assert not Interest.objects.exists()


def test_an_event_that_is_over_refuses(member_client):
    now = timezone.now()
    event = EventFactory(starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1))

    response = member_client.post(interest_url(event), {"note": ""}, follow=True)

    assert "This event is over" in response.text
    assert not Interest.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [{"status": PublicationStatus.DRAFT}, {"publish_at": timezone.now() + timedelta(days=1)}],
    ids=["draft", "scheduled"],
)
def test_an_event_not_yet_public_is_not_found(member_client, changes):
    event = EventFactory(**changes)

    assert member_client.post(interest_url(event), {"note": ""}).status_code == 404
    assert not Interest.objects.exists()


def test_a_members_only_event_takes_members_interest(member_client):
    event = EventFactory(audience="members")

    member_client.post(interest_url(event), {"note": ""})

    assert Interest.objects.filter(event=event).exists()
