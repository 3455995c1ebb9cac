"""The partner organisations list and page."""

import pytest
from django.urls import reverse

from cities.models import PartnerOrganisation
from practices.models import Status
from tests.factories import CityFactory, PartnerOrganisationFactory, PracticeFactory, region
from tests.html import card_titles

pytestmark = pytest.mark.django_db

LIST = reverse("cities:organisations")
Kind = PartnerOrganisation.Kind


def names(response):
    return card_titles(response)


def test_list_shows_every_organisation_by_name_with_a_count(visitor):
    PartnerOrganisationFactory(name="Youth Futures")
    PartnerOrganisationFactory(name="Institute for Safety")

    response = visitor.get(LIST)

    assert response.status_code == 200
    assert names(response) == ["Institute for Safety", "Youth Futures"]
    assert "2 partner organisations" in response.text
    assert response.text.count("<h1") == 1


def test_list_filters_by_kind(visitor):
    PartnerOrganisationFactory(name="Youth Futures", kind=Kind.FOUNDATION)
    PartnerOrganisationFactory(name="Institute for Safety", kind=Kind.ACADEMIC)

    response = visitor.get(LIST, {"kind": "academic"})

    assert names(response) == ["Institute for Safety"]


def test_list_filters_by_region_and_kind_together(visitor):
    africa = PartnerOrganisationFactory(name="Africa Foundation", kind=Kind.FOUNDATION)
    africa.regions.add(region("africa"))
    europe = PartnerOrganisationFactory(name="Europe Foundation", kind=Kind.FOUNDATION)
    europe.regions.add(region("europe"))
    academic = PartnerOrganisationFactory(name="Africa Institute", kind=Kind.ACADEMIC)
    academic.regions.add(region("africa"))

    response = visitor.get(LIST, {"region": "africa", "kind": "foundation"})

    assert names(response) == ["Africa Foundation"]


def test_list_searches_by_name(visitor):
    PartnerOrganisationFactory(name="Mothers for Peace")
    PartnerOrganisationFactory(name="Youth Futures")

    assert names(visitor.get(LIST, {"q": "peace"})) == ["Mothers for Peace"]


def test_list_shows_regions_and_how_many_cities_each_works_with(visitor):
    organisation = PartnerOrganisationFactory(name="Mothers for Peace")
    organisation.regions.add(region("africa"), region("europe"))
    organisation.cities.add(*CityFactory.create_batch(3))

    response = visitor.get(LIST, {"region": "africa"})

    assert "works with 3 member cities" in response.text
    assert "Africa, Europe" in response.text


@pytest.mark.parametrize(
    "query",
    [{"kind": "pirate"}, {"region": "atlantis"}, {"page": "9999"}, {"page": "x"}, {"sort": "?"}],
)
def test_list_survives_bad_query_strings(visitor, query):
    PartnerOrganisationFactory(name="Mothers for Peace")

    response = visitor.get(LIST, query)

    assert response.status_code == 200
    assert "Mothers for Peace" in response.text


def test_list_is_paginated(visitor):
    PartnerOrganisationFactory.create_batch(26)

    response = visitor.get(LIST, {"page": 2})

    assert len(card_titles(response)) == 2
    assert "26 partner organisations" in response.text


def test_list_queries_stay_constant_with_ten_times_the_data(
    visitor, cache_in_memory, django_assert_max_num_queries
):
    def make(n):
        for _ in range(n):
            organisation = PartnerOrganisationFactory()
            organisation.regions.add(region("africa"), region("europe"))
            organisation.cities.add(CityFactory())

    make(2)
    # Region choices, count, one page, the page's regions.
    with django_assert_max_num_queries(4):
        visitor.get(LIST, {"region": "europe"})
    make(20)
    with django_assert_max_num_queries(4):
        visitor.get(LIST, {"region": "europe"})


def test_page_shows_the_organisation_its_cities_and_published_practice(visitor):
    organisation = PartnerOrganisationFactory(
        name="Mothers for Peace",
        kind=Kind.CIVIL_SOCIETY,
        description="Mothers who talk to mothers.",
        website="https://mothers.example.org",
        countries=["KE", "DE"],
    )
    organisation.regions.add(region("africa"))
    organisation.focus_areas.add("Family support")
    nairobi = CityFactory(name="Nairobi")
    organisation.cities.add(nairobi)
    CityFactory(name="Unrelated City")
    PracticeFactory(title="Mothers' circles").organisations.add(organisation)
    PracticeFactory(title="Draft circles", status=Status.DRAFT).organisations.add(organisation)

    response = visitor.get(organisation.get_absolute_url())

    assert response.status_code == 200
    assert "<h1>Mothers for Peace</h1>" in response.text
    for text in [
        "Civil society",
        "Mothers who talk to mothers.",
        "https://mothers.example.org",
        "Kenya",
        "Africa",
        "Family support",
        "Nairobi",
        nairobi.get_absolute_url(),
        "Mothers&#x27; circles",
    ]:
        assert text in response.text
    assert "Unrelated City" not in response.text
    assert "Draft circles" not in response.text
    assert "<title>Mothers for Peace · Partner organisations" in response.text


def test_unknown_organisation_is_a_404(visitor):
    assert visitor.get(reverse("cities:organisation", args=["nobody"])).status_code == 404


def test_page_queries_stay_constant_with_ten_times_the_data(
    visitor, django_assert_num_queries, django_assert_max_num_queries
):
    organisation = PartnerOrganisationFactory()
    organisation.focus_areas.add("Education")

    def make(n):
        for _ in range(n):
            organisation.cities.add(CityFactory())
            PracticeFactory(themes=["a", "b"]).organisations.add(organisation)
        organisation.regions.add(region("africa"))

    make(1)
    # Organisation; practice and their themes; its regions, focus areas and cities in one.
    with django_assert_max_num_queries(4):
        visitor.get(organisation.get_absolute_url())
    make(10)
    with django_assert_max_num_queries(4):
        visitor.get(organisation.get_absolute_url())


# With the data cache on too: the page's content is kept once per page of practice.
@pytest.mark.parametrize("data_cache_seconds", [0, 300])
def test_page_pages_through_all_its_published_practice(visitor, settings, data_cache_seconds):
    from cities.views import PRACTICES_ON_DETAIL_PAGE

    settings.DATA_CACHE_SECONDS = data_cache_seconds

    organisation = PartnerOrganisationFactory()
    for n in range(PRACTICES_ON_DETAIL_PAGE + 2):
        PracticeFactory(title=f"Joint work {n:02}").organisations.add(organisation)
    url = organisation.get_absolute_url()

    first = visitor.get(url)
    assert len(first.context["practices"]) == PRACTICES_ON_DETAIL_PAGE
    assert 'href="?page=2#practice-heading" rel="next"' in first.text
    assert 'rel="prev"' not in first.text

    second = visitor.get(url, {"page": 2})
    assert card_titles(second) == ["Joint work 01", "Joint work 00"]
    assert 'href="?page=1#practice-heading" rel="prev"' in second.text
    assert 'rel="next"' not in second.text
    assert card_titles(visitor.get(url)) == card_titles(first)


@pytest.mark.parametrize("page", ["abc", "0", "-3", "99999999999999999999999"])
def test_a_bad_practice_page_number_gives_the_first_page(visitor, page):
    organisation = PartnerOrganisationFactory()
    PracticeFactory(title="Only one").organisations.add(organisation)
    response = visitor.get(organisation.get_absolute_url(), {"page": page})
    assert response.status_code == 200
    assert "Only one" in response.text


def test_a_practice_page_past_the_end_is_a_404(visitor):
    organisation = PartnerOrganisationFactory()
    PracticeFactory().organisations.add(organisation)
    assert visitor.get(organisation.get_absolute_url(), {"page": 9999}).status_code == 404
