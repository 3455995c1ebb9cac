"""Writing to a practitioner through the relay: members only, and the practitioner's
address never reaches the sender."""

import pytest
from django.core import mail
from django.db import DatabaseError
from django.urls import reverse

from cities.models import PractitionerMessage
from tests.contact.conftest import RELAY, assert_shown_again, form_data
from tests.factories import PractitionerFactory

pytestmark = pytest.mark.django_db
SECRET = "petra@private.example.org"


def url(practitioner):
    return reverse("cities:contact_practitioner", args=[practitioner.slug])


def post(client, practitioner, **overrides):
    return client.post(
        url(practitioner), form_data(client, url(practitioner), **{**RELAY, **overrides})
    )


def test_a_visitor_is_sent_to_sign_in_and_back(client, practitioner):
    response = client.get(url(practitioner))
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={url(practitioner)}"
    assert client.post(url(practitioner), RELAY).status_code == 302
    assert not PractitionerMessage.objects.exists()


def test_a_member_sees_the_form_with_the_name_but_never_the_address(
    member_client, practitioner, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        response = member_client.get(url(practitioner))
    assert response.status_code == 200
    assert "Write to Petra Practitioner" in response.text
    assert SECRET not in response.text
    assert "private.example.org" not in response.text


def test_a_message_is_stored_relayed_with_the_sender_as_reply_to_and_acknowledged(
    member_client, member, practitioner
):
    response = post(member_client, practitioner)

    assert response.url == url(practitioner) + "?sent=1"
    message = PractitionerMessage.objects.get()
    assert (message.sender, message.practitioner) == (member, practitioner)
    assert (message.subject, message.body) == (RELAY["subject"], RELAY["body"])
    assert message.notified is True

    relayed, ack = mail.outbox
    assert relayed.to == [SECRET]
    assert relayed.reply_to == ["Mira Member <member@example.org>"]
    assert RELAY["subject"] in relayed.subject
    assert RELAY["body"] in relayed.body
    assert "Mira Member" in relayed.body
    assert ack.to == ["member@example.org"]
    assert "Petra Practitioner" in ack.subject
    assert "We passed your message" in ack.body

    confirmation = member_client.get(response.url)
    assert "Your message is on its way" in confirmation.text
    assert RELAY["subject"] in confirmation.text


def test_the_address_appears_nowhere_the_sender_can_see(member_client, practitioner):
    form_page = member_client.get(url(practitioner))
    confirmation = member_client.get(post(member_client, practitioner).url)
    ack = mail.outbox[1]
    for seen in (form_page.text, confirmation.text, ack.subject, ack.body, str(ack.reply_to)):
        assert "private.example.org" not in seen


@pytest.mark.parametrize(
    "practitioner_kwargs",
    [{"accepts_messages": False}, {"email": ""}],
    ids=["relay-turned-off", "no-address"],
)
def test_a_practitioner_who_cannot_receive_messages_gives_404(member_client, practitioner_kwargs):
    practitioner = PractitionerFactory(**practitioner_kwargs)
    assert member_client.get(url(practitioner)).status_code == 404
    assert member_client.post(url(practitioner), RELAY).status_code == 404
    assert not PractitionerMessage.objects.exists()


def test_an_unknown_practitioner_gives_404(member_client):
    response = member_client.get(reverse("cities:contact_practitioner", args=["nobody"]))
    assert response.status_code == 404


def test_a_member_cannot_write_to_themselves(member_client, member, practitioner):
    practitioner.user = member
    practitioner.save()
    assert member_client.get(url(practitioner)).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field", "error"),
    [
        ({"subject": ""}, "subject", "This field is required."),
        ({"subject": "s" * 151}, "subject", "at most 150 characters"),
        ({"body": ""}, "body", "This field is required."),
        ({"body": "b" * 5001}, "body", "at most 5000 characters"),
    ],
)
def test_each_mistake_is_shown_next_to_its_field_and_nothing_typed_is_lost(
    member_client, practitioner, overrides, field, error
):
    response = post(member_client, practitioner, **overrides)
    assert_shown_again(response, field, error, {**RELAY, **overrides})
    assert not PractitionerMessage.objects.exists()


def test_a_filled_in_honeypot_relays_nothing(member_client, practitioner):
    response = post(member_client, practitioner, website="x")
    assert response.status_code == 200
    assert not PractitionerMessage.objects.exists()
    assert mail.outbox == []


def test_a_double_submitted_message_is_relayed_once(member_client, practitioner):
    data = form_data(member_client, url(practitioner), **RELAY)
    member_client.post(url(practitioner), data)
    second = member_client.post(url(practitioner), data)
    assert second.url == url(practitioner) + "?sent=1"
    assert PractitionerMessage.objects.count() == 1
    assert len(mail.outbox) == 2


def test_when_delivery_fails_the_message_is_kept_and_the_sender_told_the_truth(
    member_client, practitioner, mail_down
):
    response = post(member_client, practitioner)

    message = PractitionerMessage.objects.get()
    assert message.notified is False
    confirmation = member_client.get(response.url)
    assert "Your message is saved" in confirmation.text
    assert "could not deliver it" in confirmation.text
    assert "on its way" not in confirmation.text
    assert "could not send you an acknowledgement" in confirmation.text
    assert "private.example.org" not in confirmation.text


def test_the_confirmation_address_without_a_sent_message_shows_the_form(
    member_client, practitioner
):
    response = member_client.get(url(practitioner) + "?sent=1")
    assert "Write to Petra Practitioner" in response.text
    assert "on its way" not in response.text


def test_one_members_confirmation_never_shows_anothers_message(
    client, member, other_member, practitioner
):
    client.force_login(other_member)
    post(client, practitioner, subject="Other member's private subject")
    client.force_login(member)
    response = client.get(url(practitioner) + "?sent=1")
    assert "private subject" not in response.text


def test_a_database_error_relays_nothing_keeps_the_input_and_can_be_sent_again(
    member_client, practitioner, monkeypatch
):
    data = form_data(member_client, url(practitioner), **RELAY)

    def broken_save(message, *args, **kwargs):
        raise DatabaseError("the database went away")

    with monkeypatch.context() as patch:
        patch.setattr(PractitionerMessage, "save", broken_save)
        response = member_client.post(url(practitioner), data)

    assert response.status_code == 200
    assert "could not save your message just now" in response.text
    assert response.context["form"]["body"].value() == RELAY["body"]
    assert not PractitionerMessage.objects.exists()
    assert mail.outbox == []
    assert member_client.post(url(practitioner), data).url == url(practitioner) + "?sent=1"
    assert PractitionerMessage.objects.count() == 1
    assert len(mail.outbox) == 2
