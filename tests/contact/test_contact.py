"""The contact form: a visitor writes to the network's staff."""

import time
from email import message_from_bytes, policy

import pytest
from django.core import mail
from django.db import DatabaseError
from django.urls import reverse

from scn_portal import abuse
from scn_portal.forms import ContactForm
from scn_portal.models import ContactMessage
from tests.contact.conftest import CONTACT, assert_shown_again, form_data

pytestmark = pytest.mark.django_db
URL = reverse("contact")


def post(client, **overrides):
    return client.post(URL, form_data(client, URL, **{**CONTACT, **overrides}))


def test_the_contact_page_shows_the_form_reading_only_the_regional_hubs(
    client, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = client.get(URL)
    assert response.status_code == 200
    assert "<h1>Contact us</h1>" in response.text
    assert 'name="csrfmiddlewaretoken"' in response.text
    assert 'maxlength="5000"' in response.text


def test_the_footer_links_to_the_contact_page(client):
    assert f'href="{URL}"' in client.get(reverse("home")).text


def test_the_about_page_links_to_the_contact_page_and_the_application(client):
    text = client.get(reverse("about")).text
    main = text[text.index("<main") : text.index("</main>")]  # not only the footer's links

    assert f'href="{URL}"' in main
    assert f'href="{reverse("cities:join")}"' in main


def test_a_topic_in_the_address_is_chosen_in_the_form(client):
    response = client.get(URL + "?topic=partnership")
    assert response.context["form"]["topic"].value() == "partnership"


def test_an_unknown_topic_in_the_address_falls_back_to_general(client):
    response = client.get(URL + "?topic=<script>")
    assert response.status_code == 200
    assert response.context["form"]["topic"].value() == "general"


def test_a_message_is_saved_staff_are_emailed_and_the_sender_is_thanked(client, settings):
    response = post(client)

    assert response.status_code == 302
    assert response.url == reverse("contact_thanks")
    message = ContactMessage.objects.get()
    assert (message.name, message.email, message.topic) == (
        "Sam Reader",
        "sam@example.org",
        "media",
    )
    assert message.status == "new"
    assert message.notified is True

    staff, ack = mail.outbox
    assert staff.to == settings.MODERATORS_EMAIL
    assert staff.reply_to == ["Sam Reader <sam@example.org>"]
    assert "Sam Reader" in staff.subject
    assert CONTACT["message"] in staff.body
    assert "/admin/" in staff.body
    assert ack.to == ["sam@example.org"]
    assert "received your message" in ack.subject
    assert "Media" in ack.body

    thanks = client.get(response.url)
    assert "Thank you for your message" in thanks.text
    assert "could not send" not in thanks.text


def test_the_acknowledgement_never_repeats_what_the_sender_typed(client):
    # Otherwise the form would carry a stranger's text to any address typed in it.
    post(client, name="Cheap pills at spam.example", message="Visit spam.example today")
    ack = mail.outbox[1]
    assert "spam.example" not in ack.subject + ack.body


@pytest.mark.parametrize(
    ("overrides", "field", "error"),
    [
        ({"name": ""}, "name", "This field is required."),
        ({"name": "x" * 121}, "name", "at most 120 characters"),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"email": ""}, "email", "This field is required."),
        ({"topic": "gossip"}, "topic", "Select a valid choice."),
        ({"message": ""}, "message", "This field is required."),
        ({"message": "y" * 5001}, "message", "at most 5000 characters"),
    ],
)
def test_each_mistake_is_shown_next_to_its_field_and_nothing_typed_is_lost(
    client, overrides, field, error
):
    response = post(client, **overrides)

    assert_shown_again(response, field, error, {**CONTACT, **overrides})
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []


def test_a_name_cannot_smuggle_a_line_break_into_the_email_headers(client):
    post(client, name="Sam\r\nBcc: victim@example.org")
    message = ContactMessage.objects.get()
    assert message.name == "Sam Bcc: victim@example.org"
    assert mail.outbox[0].reply_to == ['"Sam Bcc: victim@example.org" <sam@example.org>']


def test_a_filled_in_honeypot_stores_and_sends_nothing(client):
    response = post(client, website="http://spam.example")
    assert response.status_code == 200
    assert "Leave this field empty" in response.context["form"].non_field_errors()[0]
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client):
    text = client.get(URL).text
    assert '<div class="honeypot" aria-hidden="true">' in text
    assert 'name="website" autocomplete="off" tabindex="-1"' in text


def test_a_form_sent_faster_than_a_person_can_type_is_refused_and_kept(client, settings):
    settings.FORM_MIN_SECONDS = 3
    response = post(client)
    assert response.status_code == 200
    assert "quicker than anyone" in response.text
    assert response.context["form"]["message"].value() == CONTACT["message"]
    assert not ContactMessage.objects.exists()


def test_a_form_filled_in_for_longer_than_the_minimum_is_accepted(client, settings):
    settings.FORM_MIN_SECONDS = 3
    data = {**CONTACT, "form_started": abuse.issue_token("contact", time.time() - 4)}
    assert client.post(URL, data).status_code == 302
    assert ContactMessage.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    [
        "",
        "forged-token",
        abuse.issue_token("join", time.time() - 60),
        abuse.issue_token("contact", time.time() - abuse.FORM_MAX_AGE - 60),
    ],
    ids=["missing", "forged", "other-form", "too-old"],
)
def test_a_missing_forged_or_stale_token_asks_to_send_again_with_a_fresh_one(client, token):
    response = client.post(URL, {**CONTACT, "form_started": token})
    assert response.status_code == 200
    assert "open for too long" in response.text
    assert not ContactMessage.objects.exists()

    fresh = response.context["form"]["form_started"].value()
    assert fresh != token
    assert client.post(URL, {**CONTACT, "form_started": fresh}).status_code == 302
    assert ContactMessage.objects.count() == 1


def test_a_double_submitted_form_is_stored_once(client):
    data = form_data(client, URL, **CONTACT)
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first.url == second.url == reverse("contact_thanks")
    assert ContactMessage.objects.count() == 1
    assert len(mail.outbox) == 2


def test_a_new_message_in_a_form_already_sent_is_not_taken_for_a_duplicate(client):
    data = form_data(client, URL, **CONTACT)
    client.post(URL, data)
    response = client.post(URL, {**data, "message": "And a second question."})
    assert response.status_code == 200
    assert "already sent once" in response.text
    assert response.context["form"]["message"].value() == "And a second question."
    fresh = response.context["form"]["form_started"].value()
    again = {**data, "form_started": fresh, "message": "And a second question."}
    assert client.post(URL, again).status_code == 302
    assert ContactMessage.objects.count() == 2


def test_when_email_fails_the_message_is_kept_unnotified_and_the_sender_told_honestly(
    client, mail_down, caplog
):
    response = post(client)

    assert response.status_code == 302
    message = ContactMessage.objects.get()
    assert message.notified is False
    assert ContactMessage.objects.not_notified().get() == message
    assert "could not send" in caplog.text.lower() or "not notified" in caplog.text
    thanks = client.get(response.url)
    assert "Thank you for your message" in thanks.text
    assert "could not send you an acknowledgement" in thanks.text


def test_a_database_error_stores_nothing_keeps_the_input_and_can_be_sent_again(client, monkeypatch):
    data = form_data(client, URL, **CONTACT)

    def broken_save(form, commit=True):
        raise DatabaseError("the database went away")

    with monkeypatch.context() as patch:
        patch.setattr(ContactForm, "save", broken_save)
        response = client.post(URL, data)

    assert response.status_code == 200
    assert "could not save your message just now" in response.text
    assert response.context["form"]["message"].value() == CONTACT["message"]
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []
    assert client.post(URL, data).url == reverse("contact_thanks")
    assert ContactMessage.objects.count() == 1


def test_the_pages_answer_head_requests(client):
    assert client.head(URL).status_code == 200
    assert client.head(reverse("contact_thanks")).status_code == 200


def test_a_name_with_accents_and_commas_reaches_staff_as_one_reply_to_address(client):
    post(client, name="Zoë Müller, Mayor's office")
    raw = mail.outbox[0].message().as_bytes()
    [reply_to] = message_from_bytes(raw, policy=policy.default)["Reply-To"].addresses
    assert reply_to.display_name == "Zoë Müller, Mayor's office"
    assert reply_to.addr_spec == "sam@example.org"


@pytest.mark.parametrize("form", ["contact", "cities:join"])
def test_an_address_at_a_domain_in_another_script_is_taken_and_answered(
    client, form, django_capture_on_commit_callbacks
):
    """An address such as sam@exämple.org is valid: the message is stored, staff are told
    (the reply address written as mail servers read it) and the sender is answered."""
    from tests.contact.conftest import JOIN

    url = reverse(form)
    values = {**(CONTACT if form == "contact" else JOIN), "email": "sam@exämple.org"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(client, url, **values))

    assert response.status_code == 302
    staff, ack = mail.outbox
    assert staff.reply_to[0].endswith("<sam@xn--exmple-cua.org>")
    assert ack.to == ["sam@exämple.org"]
    assert ack.message()["To"] == "sam@xn--exmple-cua.org"


# --- regional hubs ---


def _hub(slug, email):
    from tests.factories import region

    hub = region(slug)
    hub.hub_name = f"Hub of {hub.name}"
    hub.hub_email = email
    hub.save()
    return hub


def test_a_message_for_a_regional_hub_goes_to_that_hubs_staff(client, settings):
    _hub("africa", "hub-africa@example.org")
    response = post(client, region="africa")

    assert response.status_code == 302
    message = ContactMessage.objects.get()
    assert message.region.slug == "africa"
    staff, _ack = mail.outbox
    assert staff.to == ["hub-africa@example.org"]
    assert "Hub of Africa" in staff.body
    assert staff.to != settings.MODERATORS_EMAIL


def test_a_message_for_a_hub_without_an_address_goes_to_the_networks_staff(client, settings):
    _hub("europe", "")
    post(client, region="europe")
    assert ContactMessage.objects.get().region.slug == "europe"
    assert mail.outbox[0].to == settings.MODERATORS_EMAIL


def test_only_regions_with_a_hub_can_be_chosen(client):
    _hub("africa", "hub-africa@example.org")
    html = client.get(URL).text
    assert '<option value="africa">Hub of Africa</option>' in html
    assert 'value="europe"' not in html
    response = post(client, region="europe")
    assert response.status_code == 200
    assert not ContactMessage.objects.exists()
    assert response.context["form"].errors["region"]
    # What was typed is kept.
    assert CONTACT["message"] in response.text
