"""The home page: what the network is, live figures, the latest published practice."""

import pytest
from django.urls import reverse

from practices.models import Status
from tests.factories import CityFactory, PracticeFactory, region

pytestmark = pytest.mark.django_db


def test_home_page_says_what_the_network_is(visitor):
    response = visitor.get(reverse("home"))
    assert response.status_code == 200
    assert "Strong Cities Network" in response.text
    assert 'lang="en"' in response.text
    assert 'href="#main"' in response.text


def test_home_page_counts_member_cities_regions_and_published_practice(visitor):
    berlin = CityFactory(name="Berlin")
    CityFactory(name="Nairobi", region=region("africa"))
    CityFactory(name="Old Member", membership_status="former")
    PracticeFactory(city=berlin, title="Published one")
    PracticeFactory(city=berlin, title="Draft one", status=Status.DRAFT)

    response = visitor.get(reverse("home"))

    assert response.context["figures"]["member_city_count"] == 2
    assert response.context["figures"]["region_count"] == 2
    assert response.context["figures"]["practice_count"] == 1
    assert "Published one" in response.text
    assert "Draft one" not in response.text


def test_home_page_queries_do_not_grow_with_data(
    visitor, django_assert_num_queries, django_assert_max_num_queries
):
    PracticeFactory.create_batch(2)
    with django_assert_max_num_queries(4) as small:
        visitor.get(reverse("home"))
    PracticeFactory.create_batch(20)
    with django_assert_num_queries(len(small.captured_queries)):
        visitor.get(reverse("home"))
