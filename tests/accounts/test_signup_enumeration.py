"""Sign-up does not tell whether an address has an account: a taken address costs the same
work (the password is hashed either way) and gets the same answer as a new one, while its
owner is told by email, at most once per rate-limit window, that someone tried to sign up."""

import re
import time

import pytest
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from scn_portal.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "harbour-lantern-window-73"
VERIFICATION_SENT = reverse("account_email_verification_sent")


def sign_up(client, email, **extra):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "privacy_notice": "on"},
        **extra,
    )


class CountingHasher(MD5PasswordHasher):
    """The tests' hasher, counting the passwords it hashes."""

    calls = 0

    def encode(self, password, salt):
        type(self).calls += 1
        return super().encode(password, salt)


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.{CountingHasher.__name__}"]
    CountingHasher.calls = 0
    return CountingHasher


class DownEmailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("[Errno 111] Connection refused")


# --- the same work -----------------------------------------------------------------------


@pytest.mark.parametrize("taken", [False, True], ids=["new address", "taken address"])
def test_a_sign_up_hashes_the_password_once_whether_or_not_the_address_is_taken(
    client, member, counting_hasher, taken
):
    email = member.email if taken else "newcomer@example.org"
    counting_hasher.calls = 0

    response = sign_up(client, email)

    assert response.status_code == 302
    assert counting_hasher.calls == 1
    assert User.objects.filter(email=email).count() == 1


# --- the same answer ---------------------------------------------------------------------


def answer(email):
    """What a browser sees of a sign-up from a fresh session: the status, where it is sent,
    and the text of the page it lands on (CSRF tokens differ on every page, so left out)."""
    response = sign_up(Client(), email, follow=True)
    first = response.redirect_chain[0] if response.redirect_chain else (None, None)
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.text)
    return first, response.status_code, text


@pytest.mark.parametrize("mail_server", ["up", "down"])
def test_a_taken_address_gets_the_same_answer_as_a_new_one(settings, mail_server):
    if mail_server == "down":
        settings.EMAIL_BACKEND = f"{__name__}.{DownEmailBackend.__name__}"
    email = "someone@example.org"

    as_new = answer(email)
    assert User.objects.filter(email=email).exists()
    cache.clear()  # as once the address's email limit has passed
    as_taken = answer(email)

    assert as_new[0] == (VERIFICATION_SENT, 302)
    assert "Verify your email address" in as_new[2]
    assert as_taken == as_new
    assert User.objects.filter(email=email).count() == 1


# --- the email to the owner --------------------------------------------------------------


def test_the_owner_of_a_taken_address_is_told_someone_tried_to_sign_up_with_it(client, member):
    sign_up(client, member.email)

    [message] = mail.outbox
    assert message.to == [member.email]
    assert "Strong Cities Network" in message.subject
    assert "Account Already Exists" in message.subject
    assert "you or someone else tried to signup" in message.body
    assert "an account using that email address already exists" in message.body
    assert "http://testserver/accounts/password/reset/" in message.body
    assert "/accounts/confirm-email/" not in message.body


def test_the_email_to_the_owner_is_in_the_language_of_the_page(client, member):
    with override("fr"):
        sign_up(client, member.email)

    [message] = mail.outbox
    assert "Ce compte existe déjà" in message.subject
    assert "vous ou quelqu'un d'autre a demandé à créer" in message.body
    assert "http://testserver/fr/accounts/password/reset/" in message.body


def window_seconds(rate):
    """How long the window of a one-rate allauth limit lasts: '1/3m/key' -> 180."""
    _amount, duration, _per = rate.split("/")
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    return int(duration[:-1] or 1) * units[duration[-1]]


def test_the_email_to_the_owner_goes_out_once_per_window_per_address(member, monkeypatch):
    rate = settings.ACCOUNT_RATE_LIMITS["confirm_email"]
    assert rate.endswith("/key")  # per address, not per client
    start = time.time()

    first = sign_up(Client(), member.email)
    second = sign_up(Client(), member.email)

    assert first["Location"] == second["Location"] == VERIFICATION_SENT
    assert [m.to for m in mail.outbox] == [[member.email]]

    other = UserFactory(email="other-owner@example.org")
    sign_up(Client(), other.email)
    assert [m.to for m in mail.outbox] == [[member.email], [other.email]]

    monkeypatch.setattr(time, "time", lambda: start + window_seconds(rate) + 1)
    sign_up(Client(), member.email)
    assert [m.to for m in mail.outbox] == [[member.email], [other.email], [member.email]]
