"""Sign-up by email, verification and sign-in (django-allauth in the portal's own pages)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "harbour-lantern-window-73"


def sign_up(client, email="newcomer@example.org"):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "privacy_notice": "on",
        },
    )


def verification_link(message):
    return re.search(r"http://testserver(/accounts/confirm-email/[^/\s]+/)", message.body)[1]


def test_sign_up_sends_verification_email_and_link_signs_in(client):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["newcomer@example.org"]
    assert "Strong Cities Network" in message.subject
    page = client.get(response["Location"])
    assert "Verify your email address" in page.text
    assert "site-header" in page.text  # the portal's own layout

    # Not verified yet: signing in is refused and sends the link again.
    client.post(
        reverse("account_login"), {"login": "newcomer@example.org", "password": NEW_PASSWORD}
    )
    assert "_auth_user_id" not in client.session

    link = verification_link(message)
    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    assert "Confirm your email address" in confirm_page.text
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert "_auth_user_id" in client.session  # signed in on confirmation

    client.logout()
    signed_in = client.post(
        reverse("account_login"),
        {"login": "newcomer@example.org", "password": NEW_PASSWORD},
    )
    assert signed_in.status_code == 302
    assert signed_in["Location"] == reverse("practices:mine")
    assert client.get(reverse("practices:mine")).status_code == 200


def test_sign_up_keeps_the_email_when_passwords_differ(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "typo@example.org",
            "password1": NEW_PASSWORD,
            "password2": "something-else-1",
            "privacy_notice": "on",
        },
    )

    assert response.status_code == 200
    assert 'value="typo@example.org"' in response.text
    assert "Please correct the errors below" in response.text
    assert mail.outbox == []


def test_short_password_is_refused(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "short@example.org",
            "password1": "short-1",
            "password2": "short-1",
            "privacy_notice": "on",
        },
    )

    assert response.status_code == 200
    assert "at least 12 characters" in response.text


def test_sign_in_with_wrong_password_says_so_in_the_site_layout(client, member):
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": "not-the-password"}
    )

    assert response.status_code == 200
    assert "site-header" in response.text
    assert "form-error-summary" in response.text
    # no colon after the label
    assert '<label for="id_remember">Remember me on this device</label>' in response.text
    assert f'value="{member.email}"' in response.text


def test_contribute_sends_signed_out_visitor_to_sign_in_and_back(client, member):
    response = client.get(reverse("practices:mine"))
    login_url = f"{reverse('account_login')}?next={reverse('practices:mine')}"
    assert response.status_code == 302
    assert response["Location"] == login_url

    page = client.get(login_url)
    assert 'name="next" value="/contribute/"' in page.text
    signed_in = client.post(
        login_url,
        {"login": member.email, "password": DEFAULT_PASSWORD, "next": reverse("practices:mine")},
    )
    assert signed_in["Location"] == reverse("practices:mine")


def test_password_reset_sends_a_link_that_sets_a_new_password(client, member):
    response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response["Location"] == reverse("account_reset_password_done")
    assert "We have sent you an email" in client.get(response["Location"]).text
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)[
        1
    ]

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "Change password" in form_page.text
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)


def test_signed_in_member_can_change_password(client, member):
    client.force_login(member)
    page = client.get(reverse("account_change_password"))
    assert page.status_code == 200
    assert "site-header" in page.text

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": DEFAULT_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)


def test_email_change_asks_to_verify_the_new_address(client, member):
    client.force_login(member)
    page = client.get(reverse("account_email"))
    assert page.status_code == 200
    assert member.email in page.text
    assert "style=" not in page.text

    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "new-address@example.org"}
    )

    assert response.status_code == 302
    assert mail.outbox[-1].to == ["new-address@example.org"]
    assert "new-address@example.org" in client.get(reverse("account_email")).text


def test_sign_out_page_signs_out(client, member):
    client.force_login(member)
    assert "Are you sure you want to sign out?" in client.get(reverse("account_logout")).text

    response = client.post(reverse("account_logout"))

    assert response["Location"] == reverse("home")
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
    ],
)
def test_account_pages_use_the_site_layout_without_inline_script_or_style(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert "site-header" in response.text and "site-footer" in response.text
    assert response.text.count("<h1") == 1
    assert "<script" not in response.text
    assert "style=" not in response.text


def test_unverified_account_cannot_sign_in(client):
    user = UserFactory(email="unverified@example.org", verified=False)

    client.post(reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD})

    assert "_auth_user_id" not in client.session
    assert mail.outbox[-1].to == ["unverified@example.org"]


def change_email(client, new_address):
    client.post(reverse("account_email"), {"action_add": "", "email": new_address})
    client.post(verification_link(mail.outbox[-1]))


def test_the_relay_follows_the_member_to_a_new_email_address(client, member):
    from tests.factories import PractitionerFactory

    profile = PractitionerFactory(user=member, email=member.email)
    client.force_login(member)

    change_email(client, "moved@example.org")

    member.refresh_from_db()
    profile.refresh_from_db()
    assert member.email == "moved@example.org"
    assert profile.email == "moved@example.org"  # relayed messages reach the new address


def test_an_address_staff_set_on_the_profile_stays_when_the_account_changes(client, member):
    from tests.factories import PractitionerFactory

    profile = PractitionerFactory(user=member, email="office@city.example.org")
    client.force_login(member)

    change_email(client, "moved@example.org")

    profile.refresh_from_db()
    assert profile.email == "office@city.example.org"


def test_a_changed_password_is_told_to_the_member_by_email(client, member):
    client.force_login(member)

    client.post(
        reverse("account_change_password"),
        {"oldpassword": DEFAULT_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    message = mail.outbox[-1]
    assert message.to == [member.email]
    assert "Strong Cities Network" in message.subject
    assert "password" in message.body.lower()


def test_the_old_address_is_told_of_an_email_change(client, member):
    old_address = member.email
    client.force_login(member)

    change_email(client, "moved@example.org")

    assert mail.outbox[-1].to == [old_address]
    assert "moved@example.org" in mail.outbox[-1].body
