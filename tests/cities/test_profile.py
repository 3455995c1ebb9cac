"""A member's own practitioner profile: create, edit, visibility, claiming an existing one."""

import pytest
from django.urls import reverse

from cities.models import Practitioner
from tests.accounts.form_state import form_state
from tests.factories import CityFactory, PartnerOrganisationFactory, PractitionerFactory

pytestmark = pytest.mark.django_db


def profile_data(city, **overrides):
    data = {
        "full_name": "Mira Member",
        "role_title": "Prevention coordinator",
        "sector": "local_government",
        "city": city.pk,
        "bio": "I coordinate the city's prevention network.",
        "expertise": "mentoring, online harms",
        "is_public": "False",
        "accepts_messages": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("cities:profile"))

    assert response["Location"] == f"{reverse('account_login')}?next={reverse('cities:profile')}"


def test_new_member_sees_an_empty_form_with_who_sees_what(member_client):
    response = member_client.get(reverse("cities:profile"))

    text = response.text
    assert response.status_code == 200
    assert "Create my profile" in text
    assert "Members only (recommended)" in text
    assert "Nobody ever sees your email address" in text
    kept = form_state(text)
    assert kept["is_public"] == ["False"]  # members only unless they choose otherwise
    assert kept["accepts_messages"] == ["on"]
    assert kept["full_name"] == ["Mira Member"]  # the name from the account


def test_member_creates_a_members_only_profile(member_client, member):
    city = CityFactory()
    organisation = PartnerOrganisationFactory()

    response = member_client.post(
        reverse("cities:profile"), profile_data(city, organisation=organisation.pk)
    )

    assert response["Location"] == reverse("cities:profile")
    practitioner = Practitioner.objects.get(user=member)
    assert practitioner.slug == "mira-member"
    assert practitioner.is_public is False
    assert practitioner.accepts_messages is True
    assert practitioner.email == member.email
    assert practitioner.organisation == organisation
    assert set(practitioner.expertise.names()) == {"mentoring", "online harms"}
    assert "Your profile has been created." in member_client.get(response["Location"]).text


def test_member_edits_profile_to_public_and_refuses_messages(member_client, member):
    practitioner = PractitionerFactory(user=member, slug="mira")
    city = CityFactory()

    member_client.post(
        reverse("cities:profile"),
        profile_data(city, is_public="True", accepts_messages=None, role_title="Mayor"),
    )

    practitioner.refresh_from_db()
    assert practitioner.is_public is True
    assert practitioner.accepts_messages is False
    assert practitioner.role_title == "Mayor"
    assert practitioner.slug == "mira"  # the address of the profile stays the same
    assert Practitioner.objects.filter(user=member).count() == 1


def test_invalid_profile_keeps_every_field(member_client, member):
    city = CityFactory()

    response = member_client.post(
        reverse("cities:profile"), profile_data(city, role_title="", is_public="True")
    )

    assert response.status_code == 200
    assert not Practitioner.objects.filter(user=member).exists()
    assert "This field is required." in response.text
    kept = form_state(response.text)
    data = profile_data(city, role_title="", is_public="True")
    assert {name: kept.get(name, [""])[0] for name in data} == {
        name: str(value) for name, value in data.items()
    }


def test_member_cannot_edit_someone_elses_profile(member_client, member):
    other = PractitionerFactory(full_name="Olu Other")

    member_client.post(reverse("cities:profile"), profile_data(CityFactory()))

    other.refresh_from_db()
    assert other.full_name == "Olu Other"
    assert other.user is None


def test_claim_asks_for_confirmation_then_marks_the_claim(member_client, member):
    listed = PractitionerFactory(full_name="Mira Member", slug="mira-member")
    url = reverse("cities:claim", args=[listed.slug])

    page = member_client.get(url)
    assert page.status_code == 200
    assert "Is this your profile, Mira Member?" in page.text
    listed.refresh_from_db()
    assert listed.claim_requested_by is None  # a GET changes nothing

    response = member_client.post(url, {"action": "claim"})

    listed.refresh_from_db()
    assert listed.claim_requested_by == member
    assert listed.user is None  # staff confirm in the admin
    profile_page = member_client.get(response["Location"])
    assert "Claim pending" in profile_page.text
    assert "Create my profile" not in profile_page.text


def test_profile_suggests_unclaimed_profiles_with_the_members_name(member_client):
    PractitionerFactory(full_name="Mira Member", slug="mira-listed")
    PractitionerFactory(full_name="Someone Else")

    text = member_client.get(reverse("cities:profile")).text

    assert reverse("cities:claim", args=["mira-listed"]) in text
    assert "Someone Else" not in text


def test_member_withdraws_a_claim(member_client, member):
    listed = PractitionerFactory(claim_requested_by=member)

    member_client.post(reverse("cities:claim", args=[listed.slug]), {"action": "cancel"})

    listed.refresh_from_db()
    assert listed.claim_requested_by is None


@pytest.mark.parametrize("situation", ["linked", "claimed_by_other", "has_own_profile"])
def test_claim_is_refused_when_it_cannot_be_granted(member_client, member, other_member, situation):
    listed = PractitionerFactory()
    if situation == "linked":
        listed.user = other_member
    elif situation == "claimed_by_other":
        listed.claim_requested_by = other_member
    else:
        PractitionerFactory(user=member)
    listed.save()

    response = member_client.post(reverse("cities:claim", args=[listed.slug]))

    assert response.status_code == 200
    listed.refresh_from_db()
    assert listed.claim_requested_by_id != member.pk
    assert "Yes, this is me" not in response.text


def test_claim_needs_sign_in(client):
    listed = PractitionerFactory()

    client.post(reverse("cities:claim", args=[listed.slug]))

    listed.refresh_from_db()
    assert listed.claim_requested_by is None


def test_claim_of_unknown_profile_is_404(member_client):
    assert member_client.get(reverse("cities:claim", args=["nobody"])).status_code == 404


def test_profile_page_uses_a_constant_number_of_queries(
    member_client, member, django_assert_max_num_queries
):
    PractitionerFactory(user=member)
    PractitionerFactory.create_batch(5)

    with django_assert_max_num_queries(8):
        response = member_client.get(reverse("cities:profile"))

    assert "Save my profile" in response.text
