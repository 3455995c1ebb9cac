"""The practice querysets select what their names say."""

import datetime

import pytest

from cities.models import City
from practices.models import Practice, Status, with_practice_count
from tests.factories import (
    CityFactory,
    PracticeFactory,
    PractitionerFactory,
    UserFactory,
    region,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def test_by_author_selects_what_a_member_wrote_in_any_state():
    author = UserFactory()
    mine = {
        PracticeFactory(submitted_by=author),
        PracticeFactory(submitted_by=author, status=Status.DRAFT, published_at=None),
    }
    PracticeFactory()
    assert set(Practice.objects.by_author(author)) == mine


def test_review_overdue_selects_published_practice_past_its_review_date():
    overdue = PracticeFactory(review_due=TODAY - datetime.timedelta(days=1))
    PracticeFactory(review_due=TODAY)
    PracticeFactory(review_due=None)
    PracticeFactory(review_due=TODAY - datetime.timedelta(days=30), status=Status.ARCHIVED)
    assert list(Practice.objects.review_overdue(TODAY)) == [overdue]


def test_with_list_data_reads_a_page_of_cards_in_two_queries(django_assert_num_queries):
    for _ in range(3):
        PracticeFactory(themes=["youth", "education"])
    with django_assert_num_queries(2):
        cards = list(Practice.objects.with_list_data())
        assert {p.city.region.name for p in cards} == {"Europe"}
        assert all(len(p.themes.all()) == 2 for p in cards)


def test_with_practice_count_counts_published_practice_only():
    city = CityFactory()
    PracticeFactory(city=city)
    PracticeFactory(city=city)
    PracticeFactory(city=city, status=Status.SUBMITTED, published_at=None)
    published = PracticeFactory(city=city)
    PracticeFactory(city=city, update_of=published, status=Status.PUBLISHED)
    idle = CityFactory()
    counts = dict(with_practice_count(City.objects.all()).values_list("pk", "practice_count"))
    assert counts == {city.pk: 3, idle.pk: 0}


def test_a_city_directory_row_brings_region_and_practice_count_in_one_query(
    django_assert_num_queries,
):
    PracticeFactory(city=CityFactory(region=region("asia-pacific")))
    with django_assert_num_queries(1):
        [city] = with_practice_count(City.objects.with_list_data())
        assert (city.region.slug, city.practice_count) == ("asia-pacific", 1)


def test_with_page_data_reads_the_practice_its_city_and_contact_in_one_query(
    django_assert_num_queries,
):
    practice = PracticeFactory(contact_practitioner=PractitionerFactory())
    with django_assert_num_queries(1):
        loaded = Practice.objects.with_page_data().get(pk=practice.pk)
        assert loaded.city.region.name == "Europe"
        assert loaded.contact_practitioner.full_name
