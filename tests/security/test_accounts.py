"""Accounts: password rules, a fresh session on sign-in, and allauth's rate limits on
sign-in, sign-up and password reset, counted in the cache every worker shares."""

import pytest
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import CacheHandler
from django.test import Client
from django.urls import reverse

from scn_portal.models import User
from tests.factories import DEFAULT_PASSWORD
from tests.scn_portal.test_settings import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db


def limit(action, per):
    """The number of attempts allauth allows for `action` per `per` (ip, key) in a window."""
    for rate in settings.ACCOUNT_RATE_LIMITS[action].split(","):
        amount, _window, rate_per = rate.strip().split("/")
        if rate_per == per:
            return int(amount)
    raise AssertionError(f"no per-{per} rate limit on {action}")


def sign_up(client, password, email="newcomer@example.org"):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password, "password2": password, "privacy_notice": "on"},
    )


# --- passwords ---------------------------------------------------------------------------


def test_password_shorter_than_twelve_characters_is_refused(client):
    response = sign_up(client, "short-pw-11")
    assert response.status_code == 200
    assert "at least 12 characters" in response.text
    assert not User.objects.filter(email="newcomer@example.org").exists()


@pytest.mark.parametrize("password", ["password1234", "qwertyuiop123"])
def test_common_password_is_refused_even_when_long_enough(client, password):
    response = sign_up(client, password)
    assert "too common" in response.text
    assert not User.objects.filter(email="newcomer@example.org").exists()


@pytest.mark.parametrize(
    "password", ["correct horse battery staple", "zebrasdancingquietlyinparis"]
)
def test_long_passphrase_needs_no_digits_capitals_or_symbols(client, password):
    response = sign_up(client, password)
    assert response.status_code == 302
    assert User.objects.filter(email="newcomer@example.org").exists()


# --- sessions ----------------------------------------------------------------------------


def test_signing_in_starts_a_new_session(client, member):
    before = client.session
    before["seen_home"] = True
    before.save()
    old_key = before.session_key

    response = client.post(
        reverse("account_login"), {"login": member.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    new_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert new_key != old_key
    assert not Session.objects.filter(session_key=old_key).exists()
    assert client.session["_auth_user_id"] == str(member.pk)


# --- rate limits -------------------------------------------------------------------------


def test_rate_limits_are_counted_in_a_cache_shared_by_all_workers():
    backend = settings.CACHES["default"]["BACKEND"]
    assert backend in (
        "django.core.cache.backends.db.DatabaseCache",
        "django_redis.cache.RedisCache",
    )


def post_from_new_workers(path, data, times, **extra):
    """POST `times` times, each from a fresh client, as requests spread over workers are."""
    return [Client().post(path, data, **extra).status_code for _ in range(times)]


def test_sign_in_attempts_over_the_limit_get_429(db):
    allowed = limit("login", "ip")
    statuses = post_from_new_workers(
        reverse("account_login"),
        {"login": "nobody@example.org", "password": "wrong password here"},
        allowed + 1,
    )
    assert 429 not in statuses[:allowed]
    assert statuses[-1] == 429


def test_after_too_many_wrong_passwords_even_the_right_one_is_refused(client, member):
    for _ in range(limit("login_failed", "key")):
        client.post(reverse("account_login"), {"login": member.email, "password": "not it at all"})

    response = client.post(
        reverse("account_login"), {"login": member.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.text
    assert "_auth_user_id" not in client.session


def test_sign_up_attempts_over_the_limit_get_429(db):
    allowed = limit("signup", "ip")
    statuses = post_from_new_workers(reverse("account_signup"), {"email": ""}, allowed + 1)
    assert 429 not in statuses[:allowed]
    assert statuses[-1] == 429


def test_password_reset_requests_for_one_address_over_the_limit_get_429(member):
    allowed = limit("reset_password", "key")
    statuses = post_from_new_workers(
        reverse("account_reset_password"), {"email": member.email}, allowed + 1
    )
    assert statuses[:allowed] == [302] * allowed
    assert statuses[-1] == 429
    assert len(mail.outbox) == allowed


def test_a_made_up_forwarded_for_header_does_not_escape_the_limit(db):
    allowed = limit("login", "ip")
    path = reverse("account_login")
    data = {"login": "nobody@example.org", "password": "wrong password here"}
    statuses = [
        Client().post(path, data, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(allowed + 1)
    ]
    assert statuses[-1] == 429


def test_behind_a_trusted_proxy_each_client_address_has_its_own_limit(settings, db):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    allowed = limit("login", "ip")
    path = reverse("account_login")
    data = {"login": "nobody@example.org", "password": "wrong password here"}
    busy = post_from_new_workers(path, data, allowed + 1, HTTP_X_FORWARDED_FOR="203.0.113.7")
    other = Client().post(path, data, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert busy[-1] == 429
    assert other.status_code == 200


def test_allauth_trusts_as_many_proxies_as_the_rest_of_the_portal():
    code = "from django.conf import settings as s; print(s.ALLAUTH_TRUSTED_PROXY_COUNT)"
    result = run_manage(
        "shell", "--no-imports", "-c", code, env={**PRODUCTION_ENV, "TRUSTED_PROXY_COUNT": "2"}
    )
    assert result.stdout.strip().splitlines()[-1] == "2", result.stderr


@pytest.mark.parametrize(
    ("action", "per", "url_name", "data"),
    [
        ("login", "ip", "account_login", {"login": "nobody@example.org", "password": "wrong pw"}),
        ("signup", "ip", "account_signup", {"email": ""}),
        ("reset_password", "key", "account_reset_password", {"email": "member@example.org"}),
    ],
    ids=["sign-in", "sign-up", "password reset"],
)
def test_account_limits_hold_across_workers_each_with_its_own_cache_connection(
    monkeypatch, member, action, per, url_name, data
):
    """The member's account exists, so each password reset really sends an email."""
    workers = [CacheHandler()["default"], CacheHandler()["default"]]
    allowed = limit(action, per)
    statuses = []
    for n in range(allowed + 1):
        monkeypatch.setattr(allauth_ratelimit, "cache", workers[n % 2])
        statuses.append(Client().post(reverse(url_name), data).status_code)
    assert 429 not in statuses[:allowed]
    assert statuses[-1] == 429
