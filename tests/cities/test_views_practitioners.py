"""The practitioner directory and profiles: members only, except profiles made public, and
never an email address on any page."""

import pytest
from django.urls import reverse

from cities.models import Practitioner
from practices.models import Status
from tests.factories import CityFactory, PracticeFactory, PractitionerFactory, region

pytestmark = pytest.mark.django_db

LIST = reverse("cities:practitioners")


def names(response):
    return [practitioner.full_name for practitioner in response.context["practitioners"]]


def test_visitor_sees_only_public_profiles_and_is_invited_to_sign_in(visitor):
    PractitionerFactory(full_name="Pat Public", is_public=True)
    PractitionerFactory(full_name="Sam Secret", is_public=False)

    response = visitor.get(LIST)

    assert response.status_code == 200
    assert names(response) == ["Pat Public"]
    assert "Sam Secret" not in response.text
    assert "1 public profile" in response.text
    assert f"{reverse('account_login')}?next=" in response.text


def test_member_sees_every_practitioner(member_client):
    PractitionerFactory(full_name="Pat Public", is_public=True)
    PractitionerFactory(full_name="Sam Secret", is_public=False)

    response = member_client.get(LIST)

    assert names(response) == ["Pat Public", "Sam Secret"]
    assert "2 practitioners" in response.text


def test_no_email_address_appears_in_the_directory(member_client):
    PractitionerFactory(full_name="Pat Public", email="pat@hidden.example", is_public=True)
    PractitionerFactory(full_name="Sam Secret", email="sam@hidden.example")

    response = member_client.get(LIST)

    assert "@hidden.example" not in response.text


def test_directory_filters_by_sector_region_and_name(member_client):
    nairobi = CityFactory(region=region("africa"))
    PractitionerFactory(
        full_name="Amina Teacher", sector=Practitioner.Sector.EDUCATION, city=nairobi
    )
    PractitionerFactory(full_name="Berta Teacher", sector=Practitioner.Sector.EDUCATION)
    PractitionerFactory(full_name="Chidi Police", sector=Practitioner.Sector.POLICING, city=nairobi)

    assert names(member_client.get(LIST, {"sector": "education"})) == [
        "Amina Teacher",
        "Berta Teacher",
    ]
    assert names(member_client.get(LIST, {"sector": "education", "region": "africa"})) == [
        "Amina Teacher"
    ]
    assert names(member_client.get(LIST, {"q": "police"})) == ["Chidi Police"]


@pytest.mark.parametrize(
    "query",
    [{"sector": "spy"}, {"region": "atlantis"}, {"page": "9999"}, {"page": "1.5"}, {"q": "\x00"}],
)
def test_directory_survives_bad_query_strings(member_client, query):
    PractitionerFactory(full_name="Pat Public")

    response = member_client.get(LIST, query)

    assert response.status_code == 200
    assert "Pat Public" in response.text


def test_directory_queries_stay_constant_with_ten_times_the_data(
    visitor, cache_in_memory, django_assert_num_queries
):
    def make(n):
        for _ in range(n):
            PractitionerFactory(is_public=True).expertise.add("mentoring", "schools")

    make(2)
    # Region choices, count, one page (with city and organisation), the page's expertise.
    with django_assert_num_queries(4):
        visitor.get(LIST)
    make(20)
    with django_assert_num_queries(4):
        visitor.get(LIST)


def test_visitor_can_read_a_public_profile_without_its_email(visitor):
    practitioner = PractitionerFactory(
        full_name="Pat Public",
        role_title="Youth worker",
        bio="Runs a youth club.",
        email="pat@hidden.example",
        is_public=True,
    )
    practitioner.expertise.add("Mentoring")

    response = visitor.get(practitioner.get_absolute_url())

    assert response.status_code == 200
    assert "<h1>Pat Public</h1>" in response.text
    assert "Runs a youth club." in response.text
    assert "Mentoring" in response.text
    assert "@hidden.example" not in response.text
    assert "Contact this practitioner" not in response.text
    assert '<meta name="robots" content="noindex">' in response.text


def test_visitor_is_sent_to_sign_in_for_a_members_only_profile(visitor):
    practitioner = PractitionerFactory(is_public=False)

    response = visitor.get(practitioner.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert practitioner.full_name not in response.text


def test_visitor_gets_the_same_answer_for_a_profile_that_does_not_exist(visitor):
    response = visitor.get(reverse("cities:practitioner", args=["nobody-here"]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_member_gets_a_404_for_a_profile_that_does_not_exist(member_client):
    response = member_client.get(reverse("cities:practitioner", args=["nobody-here"]))

    assert response.status_code == 404


def test_member_reads_a_members_only_profile_and_may_contact_them(member_client):
    practitioner = PractitionerFactory(email="sam@hidden.example", accepts_messages=True)

    response = member_client.get(practitioner.get_absolute_url())

    assert response.status_code == 200
    assert "Contact this practitioner" in response.text
    assert reverse("cities:contact_practitioner", args=[practitioner.slug]) in response.text
    assert "@hidden.example" not in response.text


def test_no_contact_link_when_the_practitioner_accepts_no_messages(member_client):
    practitioner = PractitionerFactory(accepts_messages=False)

    response = member_client.get(practitioner.get_absolute_url())

    assert "Contact this practitioner" not in response.text


def test_no_contact_link_when_there_is_no_address_to_relay_to(client, member_client):
    practitioner = PractitionerFactory(accepts_messages=True, email="", is_public=True)

    response = member_client.get(practitioner.get_absolute_url())

    assert "Contact this practitioner" not in response.text
    url = reverse("cities:contact_practitioner", args=[practitioner.slug])
    assert member_client.get(url).status_code == 404  # the link would have led nowhere
    client.logout()
    assert "write to this practitioner" not in client.get(practitioner.get_absolute_url()).text


def test_member_without_a_profile_may_claim_an_unclaimed_one(member_client):
    practitioner = PractitionerFactory()

    response = member_client.get(practitioner.get_absolute_url())

    assert "This is me — claim this profile" in response.text
    assert reverse("cities:claim", args=[practitioner.slug]) in response.text


def test_member_with_a_profile_is_not_offered_to_claim_another(member_client, member):
    PractitionerFactory(user=member)
    other = PractitionerFactory()

    response = member_client.get(other.get_absolute_url())

    assert "claim this profile" not in response.text


def test_a_profile_linked_to_an_account_cannot_be_claimed(member_client, other_member):
    practitioner = PractitionerFactory(user=other_member)

    response = member_client.get(practitioner.get_absolute_url())

    assert "claim this profile" not in response.text


def test_member_is_not_offered_to_contact_themselves(member_client, member):
    practitioner = PractitionerFactory(user=member)

    response = member_client.get(practitioner.get_absolute_url())

    assert "Contact this practitioner" not in response.text


def test_profile_lists_the_published_practice_they_are_contact_for(member_client):
    practitioner = PractitionerFactory()
    PracticeFactory(title="Youth club", contact_practitioner=practitioner)
    PracticeFactory(title="Hidden draft", contact_practitioner=practitioner, status=Status.DRAFT)

    response = member_client.get(practitioner.get_absolute_url())

    assert "Youth club" in response.text
    assert "Hidden draft" not in response.text


def test_profile_queries_stay_constant_with_ten_times_the_data(visitor, django_assert_num_queries):
    practitioner = PractitionerFactory(is_public=True)

    def make(n):
        for i in range(n):
            practitioner.expertise.add(f"skill {practitioner.expertise.count() + i}")
            PracticeFactory(contact_practitioner=practitioner)

    make(1)
    # Practitioner (with city, region, organisation), expertise, practice.
    with django_assert_num_queries(3):
        visitor.get(practitioner.get_absolute_url())
    make(10)
    with django_assert_num_queries(3):
        visitor.get(practitioner.get_absolute_url())
