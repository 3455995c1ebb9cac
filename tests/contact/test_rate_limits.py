"""Rate limits on the public forms, counted in the cache every worker shares, and the 429
page people see beyond them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import CacheHandler, caches
from django.core.cache.backends.db import DatabaseCache
from django.test import Client, RequestFactory
from django.urls import reverse

from cities.models import MembershipApplication, PractitionerMessage
from scn_portal import abuse
from scn_portal.models import ContactMessage
from tests.contact.conftest import CONTACT, JOIN, RELAY, form_data
from tests.factories import PractitionerFactory, UserFactory

pytestmark = pytest.mark.django_db
CONTACT_URL = reverse("contact")


@pytest.fixture(autouse=True)
def tight_limits(settings):
    settings.RATE_LIMITS = {
        "contact": {"ip": "3/h", "email": "2/h"},
        "join": {"ip": "3/h", "email": "2/h"},
        "relay": {"ip": "3/h", "email": "2/h"},
    }


def send_contact(client, address="192.0.2.1", **values):
    data = form_data(client, CONTACT_URL, **{**CONTACT, **values})
    return client.post(CONTACT_URL, data, REMOTE_ADDR=address)


def test_without_cache_url_the_counts_live_in_the_database_every_worker_shares(settings):
    if settings.CACHE_URL:
        pytest.skip("CACHE_URL chooses another shared cache")
    assert isinstance(caches["default"], DatabaseCache)


def test_one_address_is_stopped_after_its_limit_with_a_friendly_429(client):
    for n in range(3):
        assert send_contact(client, email=f"person{n}@example.org").status_code == 302

    response = send_contact(client, email="person9@example.org")

    assert response.status_code == 429
    assert "Please wait a little before trying again" in response.text
    assert "You can try again in about" in response.text
    assert "Nothing from this last attempt was saved or sent" in response.text
    assert 0 < int(response["Retry-After"]) <= 3601
    assert ContactMessage.objects.count() == 3
    assert not ContactMessage.objects.filter(email="person9@example.org").exists()


def test_one_email_address_is_stopped_from_any_address_whatever_its_case_or_plus_tag(client):
    assert send_contact(client, "192.0.2.1").status_code == 302
    assert send_contact(client, "198.51.100.7").status_code == 302
    assert send_contact(client, "203.0.113.9", email="SAM+x@example.org").status_code == 429
    assert send_contact(client, "203.0.113.9", email="other@example.org").status_code == 302
    assert ContactMessage.objects.count() == 3


def test_a_quoted_local_part_counts_as_the_same_address(client):
    assert send_contact(client, "192.0.2.1", email="victim@example.org").status_code == 302
    assert send_contact(client, "198.51.100.7", email="victim@example.org").status_code == 302

    response = send_contact(client, "203.0.113.9", email='"victim"@example.org')

    assert response.status_code == 429
    assert ContactMessage.objects.count() == 2


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ('"Vic+one"@Example.org', '"vic"@EXAMPLE.ORG'),
        ('"vic\\"tim"@example.org', '"VIC\\"TIM+2"@example.org'),
        ("vic@xn--bcher-kva.example", "VIC+x@XN--BCHER-KVA.example"),
    ],
    ids=["quoted-with-tag", "escaped-quote", "ascii-form-of-a-unicode-domain"],
)
def test_every_spelling_of_one_address_counts_against_its_limit(client, first, again):
    assert send_contact(client, "192.0.2.1", email=first).status_code == 302
    assert send_contact(client, "198.51.100.7", email=again).status_code == 302
    assert send_contact(client, "203.0.113.9", email=first).status_code == 429
    assert send_contact(client, "203.0.113.10", email=again).status_code == 429


def test_the_join_form_counts_a_quoted_address_as_the_same(client):
    url = reverse("cities:join")
    spellings = [
        "amina@newtown.example.org",
        '"amina"@newtown.example.org',
        "AMINA@newtown.example.org",
    ]
    statuses = []
    for n, email in enumerate(spellings):
        data = form_data(client, url, **{**JOIN, "email": email})
        statuses.append(client.post(url, data, REMOTE_ADDR=f"192.0.2.{n}").status_code)
    assert statuses == [302, 302, 429]


def test_the_relay_counts_two_accounts_of_one_mailbox_together(client):
    """Accounts are told apart by their exact address; their mailbox is still one."""
    practitioner = PractitionerFactory()
    url = reverse("cities:contact_practitioner", args=[practitioner.slug])
    statuses = []
    for n, email in enumerate(["sam@example.org", '"sam"@example.org', "Sam+relay@example.org"]):
        client.force_login(UserFactory(email=email))
        data = form_data(client, url, **RELAY)
        statuses.append(client.post(url, data, REMOTE_ADDR=f"192.0.2.{n}").status_code)
    assert statuses == [302, 302, 429]


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("sam@example.org", "sam@example.org"),
        ("Sam@Example.ORG", "sam@example.org"),
        ("sam+news@example.org", "sam@example.org"),
        ("sam+news+more@example.org", "sam@example.org"),
        ('"sam"@example.org', "sam@example.org"),
        ('"Sam+news"@example.org', "sam@example.org"),
        ('"victim"@example.org', "victim@example.org"),
        ('"vic\\"tim"@example.org', 'vic"tim@example.org'),
        ('"vic\\\\tim"@example.org', "vic\\tim@example.org"),
        ('"sam@home"@example.org', "sam@home@example.org"),
        ("  sam@example.org\n", "sam@example.org"),
        ("<sam@example.org>", "sam@example.org"),
        (" < Sam@example.org > ", "sam@example.org"),
        ("sam@example.org.", "sam@example.org"),
        ("sam@EXAMPLE.ORG.", "sam@example.org"),
        ("sam@bücher.example", "sam@xn--bcher-kva.example"),
        ("sam@BÜCHER.example", "sam@xn--bcher-kva.example"),
        ("sam@XN--BCHER-KVA.example", "sam@xn--bcher-kva.example"),
        ("sam@bücher\u3002example", "sam@xn--bcher-kva.example"),
        ("sam@example..org", "sam@example..org"),
        ("", "@"),
        (None, "@"),
    ],
)
def test_mailbox_spells_one_address_one_way(address, expected):
    assert abuse.mailbox(address) == expected


def test_addresses_of_different_mailboxes_stay_apart():
    assert abuse.mailbox('"vic\\"tim"@example.org') != abuse.mailbox("victim@example.org")
    assert abuse.mailbox("sam@example.org") != abuse.mailbox("sam@example.org.uk")
    assert abuse.mailbox("sam@example.org") != abuse.mailbox("sam.x@example.org")


def test_the_limit_holds_across_workers_sharing_the_cache(monkeypatch):
    """Two clients, each served by a 'worker' with its own cache connection, count together."""
    first_worker, second_worker = CacheHandler()["default"], CacheHandler()["default"]
    assert first_worker is not second_worker
    alice, bob = Client(), Client()

    monkeypatch.setattr(abuse, "cache", first_worker)
    assert send_contact(alice, email="a1@example.org").status_code == 302
    assert send_contact(alice, email="a2@example.org").status_code == 302
    monkeypatch.setattr(abuse, "cache", second_worker)
    assert send_contact(bob, email="b1@example.org").status_code == 302
    assert send_contact(bob, email="b2@example.org").status_code == 429
    monkeypatch.setattr(abuse, "cache", first_worker)
    assert send_contact(alice, email="a3@example.org").status_code == 429
    assert ContactMessage.objects.count() == 3


def test_a_double_submission_through_another_worker_is_still_stored_once(monkeypatch, client):
    data = form_data(client, CONTACT_URL, **CONTACT)
    monkeypatch.setattr(abuse, "cache", CacheHandler()["default"])
    client.post(CONTACT_URL, data)
    monkeypatch.setattr(abuse, "cache", CacheHandler()["default"])
    assert client.post(CONTACT_URL, data).url == reverse("contact_thanks")
    assert ContactMessage.objects.count() == 1


def test_a_refused_submission_can_be_sent_once_the_window_has_passed(client, monkeypatch):
    start = 1_800_000_000.0
    monkeypatch.setattr(abuse.time, "time", lambda: start)
    for n in range(3):
        send_contact(client, email=f"person{n}@example.org")
    data = form_data(client, CONTACT_URL, **CONTACT)
    assert client.post(CONTACT_URL, data, REMOTE_ADDR="192.0.2.1").status_code == 429
    monkeypatch.setattr(abuse.time, "time", lambda: start + 3600)
    # The same filled-in form: the refusal did not use up its token.
    assert client.post(CONTACT_URL, data, REMOTE_ADDR="192.0.2.1").status_code == 302
    assert ContactMessage.objects.filter(email="sam@example.org").count() == 1


def test_the_join_form_is_limited_per_email(client):
    url = reverse("cities:join")
    for address in ("192.0.2.1", "192.0.2.2"):
        data = form_data(client, url, **JOIN)
        assert client.post(url, data, REMOTE_ADDR=address).status_code == 302
    data = form_data(client, url, **JOIN)
    assert client.post(url, data, REMOTE_ADDR="192.0.2.3").status_code == 429
    assert MembershipApplication.objects.count() == 2


def test_the_relay_is_limited_per_sender(member_client):
    for n in range(3):
        practitioner = PractitionerFactory()
        url = reverse("cities:contact_practitioner", args=[practitioner.slug])
        data = form_data(member_client, url, **RELAY)
        response = member_client.post(url, data, REMOTE_ADDR=f"192.0.2.{n}")
    assert response.status_code == 429
    assert PractitionerMessage.objects.count() == 2


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "192.0.2.1", "203.0.113.5", "192.0.2.1"),
        (1, "10.0.0.2", "198.51.100.66, 203.0.113.5", "203.0.113.5"),
        (2, "10.0.0.2", "198.51.100.66, 203.0.113.5, 10.0.0.1", "203.0.113.5"),
        (2, "10.0.0.2", "203.0.113.5", "10.0.0.2"),
        (1, "10.0.0.2", "not-an-address", "not-an-address"),
        (0, "2001:db8:1:2:3:4:5:6", "", "2001:db8:1:2::/64"),
        (0, "::ffff:192.0.2.1", "", "192.0.2.1"),
    ],
    ids=["no-proxy", "one-proxy", "two-proxies", "too-few-hops", "garbage", "ipv6", "mapped"],
)
def test_the_client_address_trusts_only_the_configured_proxies(
    settings, proxies, remote, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert abuse.client_address(request) == expected


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(client):
    for n in range(3):
        data = form_data(client, CONTACT_URL, **{**CONTACT, "email": f"p{n}@example.org"})
        client.post(CONTACT_URL, data, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    data = form_data(client, CONTACT_URL, **{**CONTACT, "email": "p9@example.org"})
    response = client.post(CONTACT_URL, data, HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert response.status_code == 429


def test_the_429_page_also_serves_allauths_own_limits(settings, client, member):
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    login = {"login": member.email, "password": "wrong-password"}
    client.post(reverse("account_login"), login)
    response = client.post(reverse("account_login"), login)
    assert response.status_code == 429
    assert "Please wait a little before trying again" in response.text
    assert "You can try again in a few minutes." in response.text
    assert "Back button" not in response.text


def test_the_429_page_renders_with_no_context_at_all():
    request = RequestFactory().get("/accounts/login/")
    request.user = AnonymousUser()
    response = abuse.too_many_requests(request)
    assert response.status_code == 429
    assert "Retry-After" not in response
    assert b"Please wait a little" in response.content


@pytest.mark.parametrize(
    ("rate", "expected"),
    [("5/h", (5, 3600)), ("10/15m", (10, 900)), ("1/s", (1, 1)), ("3/2d", (3, 172800))],
)
def test_rates_read_as_count_per_period(rate, expected):
    assert abuse.parse_rate(rate) == expected


def test_the_window_ends_when_retry_after_says():
    now = 1_800_000_000.0 + 600  # ten minutes into an hour window
    assert [abuse.take("k", "1/h", now) for _ in range(2)] == [0, 3001]
    assert abuse.take("k", "1/h", now + 2999) == 2  # one second left, plus one to be safe
    assert abuse.take("k", "1/h", now + 3000) == 0
