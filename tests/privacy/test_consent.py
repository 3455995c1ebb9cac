"""Consent and records (issue 22): the privacy notice, linked from every form that takes
personal data; sign-up records the version accepted; a profile's visibility changes are
recorded with who and when."""

import pytest
from django.urls import reverse

from cities.models import Practitioner, VisibilityChange
from scn_portal.models import User
from tests.factories import EventFactory, PractitionerFactory, UserFactory

pytestmark = pytest.mark.django_db

NOTICE = reverse("privacy:notice")
PASSWORD = "a-long-new-password-42"


def test_the_notice_states_the_periods_from_the_settings(client, settings):
    settings.RETENTION_MONTHS = {**settings.RETENTION_MONTHS, "contact_messages": 7}
    settings.PRIVACY_NOTICE_VERSION = "2031-04"
    text = client.get(NOTICE).content.decode()
    assert "7 months after we receive it" in text
    assert "Version 2031-04" in text
    assert "24 months after we receive it" not in text.split("Contact messages")[1][:200]


def test_the_notice_is_in_the_footer(client):
    assert f'href="{NOTICE}"' in client.get(reverse("home")).content.decode()


@pytest.fixture
def form_pages(member):
    practitioner = PractitionerFactory(accepts_messages=True, is_public=True)
    event = EventFactory()
    return {
        "contact": (reverse("contact"), None),
        "join": (reverse("cities:join"), None),
        "sign-up": (reverse("account_signup"), None),
        "profile": (reverse("cities:profile"), member),
        "relay": (reverse("cities:contact_practitioner", args=[practitioner.slug]), member),
        "interest in an event": (reverse("events:interest", args=[event.slug]), member),
        "contribute": (reverse("practices:create"), member),
        "suggest a resource": (reverse("resources:suggest"), member),
    }


@pytest.mark.parametrize(
    "form",
    [
        "contact",
        "join",
        "sign-up",
        "profile",
        "relay",
        "interest in an event",
        "contribute",
        "suggest a resource",
    ],
)
def test_every_form_that_takes_personal_data_links_to_the_notice(client, form_pages, form):
    url, user = form_pages[form]
    if user:
        client.force_login(user)
    page = client.get(url)
    assert page.status_code == 200
    form_html = page.content.decode().split("<main", 1)[1]
    assert f'href="{NOTICE}"' in form_html, form


def test_sign_up_without_accepting_is_refused_and_keeps_what_was_typed(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new.member@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Please read the privacy notice and accept it" in text
    assert 'value="new.member@example.org"' in text
    assert not User.objects.filter(email="new.member@example.org").exists()


def test_sign_up_records_the_version_accepted_and_when(client, settings):
    settings.PRIVACY_NOTICE_VERSION = "2031-04"
    client.post(
        reverse("account_signup"),
        {
            "email": "new.member@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "privacy_notice": "on",
        },
    )
    user = User.objects.get(email="new.member@example.org")
    assert user.privacy_notice_version == "2031-04"
    assert user.privacy_notice_accepted_at is not None


def _profile_data(**changes):
    return {
        "full_name": "Mira Member",
        "role_title": "Youth worker",
        "sector": "youth_work",
        "bio": "",
        "expertise": "",
        "accepts_messages": "on",
        "is_public": "False",
        **changes,
    }


def test_a_members_own_choice_of_visibility_is_recorded(member_client, member):
    url = reverse("cities:profile")
    member_client.post(url, _profile_data())
    practitioner = Practitioner.objects.get(user=member)
    [created] = VisibilityChange.objects.filter(practitioner=practitioner)
    assert (created.is_public, created.actor) == (False, member)

    member_client.post(url, _profile_data(role_title="Youth work lead"))
    assert VisibilityChange.objects.filter(practitioner=practitioner).count() == 1

    member_client.post(url, _profile_data(is_public="True"))
    latest = VisibilityChange.objects.filter(practitioner=practitioner).first()
    assert (latest.is_public, latest.actor) == (True, member)
    assert VisibilityChange.objects.filter(practitioner=practitioner).count() == 2


def test_staff_changes_of_visibility_are_recorded_and_shown(admin_client, admin_user):
    practitioner = PractitionerFactory(is_public=False)
    url = reverse("admin:cities_practitioner_change", args=[practitioner.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        {
            "is_public": "on",
            "expertise": "",
            "visibility_changes-TOTAL_FORMS": "0",
            "visibility_changes-INITIAL_FORMS": "0",
        }
    )
    data.pop("accepts_messages", None)
    if practitioner.accepts_messages:
        data["accepts_messages"] = "on"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    change = VisibilityChange.objects.get(practitioner=practitioner)
    assert (change.is_public, change.actor) == (True, admin_user)
    page = admin_client.get(url).content.decode()
    assert "Changes of visibility" in page


ACCEPT = reverse("privacy:accept")


def test_a_member_who_has_not_accepted_this_notice_is_asked_on_every_page(client, settings):
    settings.PRIVACY_NOTICE_VERSION = "2031-04"
    member = UserFactory(privacy_notice_version="2026-12")
    client.force_login(member)
    for url in (reverse("home"), reverse("practices:list"), NOTICE):
        page = client.get(url).content.decode()
        assert "Our privacy notice has changed" in page, url
        assert f'action="{ACCEPT}"' in page

    response = client.post(ACCEPT, {"next": reverse("practices:list")}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("practices:list")
    assert "your acceptance of the privacy notice is recorded" in response.content.decode()
    member.refresh_from_db()
    assert member.privacy_notice_version == "2031-04"
    assert member.privacy_notice_accepted_at is not None
    assert "Our privacy notice has changed" not in client.get(reverse("home")).content.decode()


def test_a_member_older_than_the_notice_is_asked_to_read_it(client):
    member = UserFactory(privacy_notice_version="")
    client.force_login(member)
    assert "Please read our privacy notice" in client.get(reverse("home")).content.decode()


def test_visitors_and_members_who_accepted_are_not_asked(client, member):
    assert "privacy-banner" not in client.get(reverse("home")).content.decode()
    client.force_login(member)
    assert "privacy-banner" not in client.get(reverse("home")).content.decode()


def test_accepting_leads_back_only_to_this_site(client, member):
    client.force_login(member)
    response = client.post(ACCEPT, {"next": "https://elsewhere.example/"})
    assert response["Location"] == reverse("home")
    assert client.get(ACCEPT).status_code == 405
