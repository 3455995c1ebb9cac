"""A new password must be hard to guess, not only twelve characters long: sign-up, change
password and a reset link refuse an easy one, say how to make it stronger, and keep what
was typed."""

import re

import pytest
from django.contrib.auth.password_validation import (
    get_default_password_validators,
    validate_password,
)
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from demo import accounts as demo_accounts
from scn_portal.models import User
from scn_portal.passwords import PasswordStrengthValidator
from tests.accounts.form_state import form_state
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

EMAIL = "harriet.oyelaran@example.org"
STRONG = "harbour lantern under the quiet window"
# Long enough, not common, not numeric, not close enough to the address for Django's own
# rules; easy to guess all the same.
WEAK = {
    "repeated letter": "aaaaaaaaaaaa",
    "repeated word": "passwordpassword",
    "the address's words": "harrietoyelaran",
}
ADVICE = "Add another word or two. Uncommon words are better"


def sign_up(client, password, email=EMAIL):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password, "password2": password, "privacy_notice": "on"},
    )


def assert_refused_with_advice(response):
    assert response.status_code == 200
    assert "Your password is too guessable" in response.text
    assert ADVICE in response.text


@pytest.mark.parametrize("password", WEAK.values(), ids=WEAK.keys())
def test_an_easy_password_is_refused_at_sign_up_with_advice_and_the_address_kept(client, password):
    response = sign_up(client, password)

    assert_refused_with_advice(response)
    assert form_state(response.text)["email"] == [EMAIL]
    assert not User.objects.filter(email=EMAIL).exists()
    assert mail.outbox == []


@pytest.mark.parametrize("password", WEAK.values(), ids=WEAK.keys())
def test_an_easy_password_is_refused_when_changing_it(client, password):
    member = UserFactory(email=EMAIL)
    client.force_login(member)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": DEFAULT_PASSWORD, "password1": password, "password2": password},
    )

    assert_refused_with_advice(response)
    member.refresh_from_db()
    assert member.check_password(DEFAULT_PASSWORD)


def test_an_easy_password_is_refused_from_a_reset_link(client):
    member = UserFactory(email=EMAIL)
    client.post(reverse("account_reset_password"), {"email": member.email})
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)
    form_page = client.get(link[1], follow=True)
    form_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link[1]

    refused = client.post(form_url, {"password1": "aaaaaaaaaaaa", "password2": "aaaaaaaaaaaa"})

    assert_refused_with_advice(refused)
    member.refresh_from_db()
    assert member.check_password(DEFAULT_PASSWORD)
    accepted = client.post(form_url, {"password1": STRONG, "password2": STRONG})
    assert accepted.status_code == 302
    member.refresh_from_db()
    assert member.check_password(STRONG)


def test_a_passphrase_is_accepted_at_sign_up(client):
    response = sign_up(client, STRONG)

    assert response.status_code == 302
    assert User.objects.get(email=EMAIL).check_password(STRONG)


def test_a_passphrase_is_accepted_when_changing_the_password(client):
    member = UserFactory(email=EMAIL)
    client.force_login(member)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": DEFAULT_PASSWORD, "password1": STRONG, "password2": STRONG},
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(STRONG)


def test_a_passphrase_longer_than_zxcvbn_rates_is_accepted(client):
    """zxcvbn rates 72 characters at most; a longer password is not refused for its length."""
    long_passphrase = " ".join([STRONG] * 3)
    assert len(long_passphrase) > 72

    response = sign_up(client, long_passphrase)

    assert response.status_code == 302


def test_a_long_password_is_still_rated():
    with pytest.raises(ValidationError, match="too guessable"):
        PasswordStrengthValidator().validate("a" * 100)


def test_the_strength_rule_runs_beside_djangos_own():
    validators = {type(v).__name__: v for v in get_default_password_validators()}
    assert validators["MinimumLengthValidator"].min_length == 12
    assert {"UserAttributeSimilarityValidator", "CommonPasswordValidator"} <= set(validators)
    assert isinstance(validators["PasswordStrengthValidator"], PasswordStrengthValidator)
    assert validators["PasswordStrengthValidator"].password_minimal_strength == 3


def test_the_demo_accounts_get_passwords_the_rules_accept():
    """`manage.py demo_accounts` sets them directly, so nothing else would check them."""
    for _ in range(20):
        validate_password(demo_accounts.new_password())
