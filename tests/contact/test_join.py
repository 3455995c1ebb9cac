"""Joining the network: a city's membership application."""

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from cities.contact_forms import MembershipApplicationForm
from cities.models import MembershipApplication
from tests.contact.conftest import JOIN, assert_shown_again, form_data

pytestmark = pytest.mark.django_db
URL = reverse("cities:join")


def post(client, **overrides):
    return client.post(URL, form_data(client, URL, **{**JOIN, **overrides}))


def test_the_join_page_shows_the_application_form(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(URL)
    assert response.status_code == 200
    assert "Join the Strong Cities Network" in response.text
    assert "Choose a country" in response.text
    assert 'autocomplete="organization-title"' in response.text


def test_an_application_is_saved_staff_are_emailed_and_the_applicant_is_thanked(client, settings):
    response = post(client)

    assert response.url == reverse("cities:join_thanks")
    application = MembershipApplication.objects.get()
    assert application.city_name == "Newtown"
    assert application.country.code == "KE"
    assert application.heard_about == "event"
    assert application.notified is True

    staff, ack = mail.outbox
    assert staff.to == settings.MODERATORS_EMAIL
    assert staff.subject == "Membership application: Newtown (Kenya)"
    assert staff.reply_to == ["Amina Otieno <amina@newtown.example.org>"]
    assert "Deputy mayor" in staff.body
    assert JOIN["motivation"] in staff.body
    assert "A conference or event" in staff.body
    assert ack.to == ["amina@newtown.example.org"]
    assert "Kenya" in ack.body
    assert "Newtown" not in ack.body

    thanks = client.get(response.url)
    assert "Thank you for your application" in thanks.text


def test_how_they_heard_of_the_network_is_optional(client):
    post(client, heard_about="")
    assert MembershipApplication.objects.get().heard_about == ""
    assert "not given" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("overrides", "field", "error"),
    [
        ({"city_name": ""}, "city_name", "This field is required."),
        ({"city_name": "c" * 151}, "city_name", "at most 150 characters"),
        ({"country": ""}, "country", "This field is required."),
        ({"country": "XX"}, "country", "Select a valid choice."),
        ({"applicant_name": ""}, "applicant_name", "This field is required."),
        ({"applicant_role": "r" * 151}, "applicant_role", "at most 150 characters"),
        ({"email": "amina@"}, "email", "Enter a valid email address."),
        ({"motivation": ""}, "motivation", "This field is required."),
        ({"motivation": "m" * 5001}, "motivation", "at most 5000 characters"),
        ({"heard_about": "rumour"}, "heard_about", "Select a valid choice."),
    ],
)
def test_each_mistake_is_shown_next_to_its_field_and_nothing_typed_is_lost(
    client, overrides, field, error
):
    response = post(client, **overrides)

    assert_shown_again(response, field, error, {**JOIN, **overrides})
    assert not MembershipApplication.objects.exists()


def test_a_filled_in_honeypot_stores_nothing(client):
    response = post(client, website="spam")
    assert response.status_code == 200
    assert not MembershipApplication.objects.exists()
    assert mail.outbox == []


def test_a_too_quick_application_is_refused(client, settings):
    settings.FORM_MIN_SECONDS = 3
    response = post(client)
    assert "quicker than anyone" in response.text
    assert response.context["form"]["city_name"].value() == "Newtown"
    assert not MembershipApplication.objects.exists()


def test_a_double_submitted_application_is_stored_once(client):
    data = form_data(client, URL, **JOIN)
    client.post(URL, data)
    assert client.post(URL, data).url == reverse("cities:join_thanks")
    assert MembershipApplication.objects.count() == 1


def test_when_email_fails_the_application_is_kept_unnotified(client, mail_down):
    response = post(client)
    assert response.url == reverse("cities:join_thanks")
    assert MembershipApplication.objects.not_notified().count() == 1
    thanks = client.get(response.url)
    assert "Thank you for your application" in thanks.text
    assert "could not send you an acknowledgement" in thanks.text


def test_a_database_error_stores_nothing_keeps_the_input_and_can_be_sent_again(client, monkeypatch):
    data = form_data(client, URL, **JOIN)

    def broken_save(form, commit=True):
        raise IntegrityError("the database refused the row")

    with monkeypatch.context() as patch:
        patch.setattr(MembershipApplicationForm, "save", broken_save)
        response = client.post(URL, data)

    assert response.status_code == 200
    assert "could not save your message just now" in response.text
    assert response.context["form"]["motivation"].value() == JOIN["motivation"]
    assert not MembershipApplication.objects.exists()
    assert mail.outbox == []
    assert client.post(URL, data).url == reverse("cities:join_thanks")
    assert MembershipApplication.objects.count() == 1
