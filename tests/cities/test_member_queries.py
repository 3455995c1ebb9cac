"""Pages as a signed-in member sees them (every practitioner, not only public ones) read
the same number of queries with ten times more data."""

import pytest
from django.urls import reverse

from tests.factories import CityFactory, PracticeFactory, PractitionerFactory

pytestmark = pytest.mark.django_db


def same_queries_with_ten_times_the_data(client, url, make, django_assert_num_queries):
    make(2)
    with django_assert_num_queries(30, exact=False) as small:
        assert client.get(url).status_code == 200
    make(20)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_practitioner_directory_for_a_member(member_client, django_assert_num_queries):
    def make(n):
        for i in range(n):
            PractitionerFactory(is_public=i % 2 == 0).expertise.add("mentoring", "schools")

    same_queries_with_ten_times_the_data(
        member_client, reverse("cities:practitioners"), make, django_assert_num_queries
    )


def test_city_page_with_its_practitioners_for_a_member(member_client, django_assert_num_queries):
    city = CityFactory(focus_areas=["youth"])

    def make(n):
        for i in range(n):
            PractitionerFactory(city=city, is_public=i % 2 == 0)
            PracticeFactory(city=city, themes=["youth", "education"])

    same_queries_with_ten_times_the_data(
        member_client, city.get_absolute_url(), make, django_assert_num_queries
    )


def test_members_only_profile_for_a_member(member_client, django_assert_num_queries):
    practitioner = PractitionerFactory(is_public=False)

    def make(n):
        for i in range(n):
            practitioner.expertise.add(f"skill {practitioner.expertise.count() + i}")
            PracticeFactory(contact_practitioner=practitioner)

    same_queries_with_ten_times_the_data(
        member_client, practitioner.get_absolute_url(), make, django_assert_num_queries
    )


def test_library_and_practice_page_for_a_member(member_client, django_assert_num_queries):
    practice = PracticeFactory(themes=["youth"])

    def make(n):
        for _ in range(n):
            PracticeFactory(city=practice.city, themes=["youth", "education"])

    same_queries_with_ten_times_the_data(
        member_client, reverse("practices:list"), make, django_assert_num_queries
    )
    same_queries_with_ten_times_the_data(
        member_client, practice.get_absolute_url(), make, django_assert_num_queries
    )
