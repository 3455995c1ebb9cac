"""The cities querysets select what their names say."""

import pytest
from django.contrib.auth.models import AnonymousUser

from cities.models import City, PartnerOrganisation, Practitioner, map_markers
from tests.factories import (
    CityFactory,
    PartnerOrganisationFactory,
    PractitionerFactory,
    region,
)

pytestmark = pytest.mark.django_db


def test_for_region_selects_the_cities_of_that_region():
    berlin = CityFactory(region=region("europe"))
    CityFactory(region=region("africa"))
    assert list(City.objects.for_region(region("europe"))) == [berlin]


def test_map_points_give_markers_only_for_cities_with_coordinates():
    CityFactory(name="Placed", slug="placed", latitude="10.5", longitude="-20.25")
    CityFactory(name="Unplaced", latitude=None, longitude=None)
    markers = map_markers(City.objects.order_by("name").map_points())
    assert markers == [{"name": "Placed", "url": "/cities/placed/", "lat": 10.5, "lng": -20.25}]


def test_organisations_for_region_select_those_working_there():
    works_in_europe = PartnerOrganisationFactory()
    works_in_europe.regions.add(region("europe"))
    PartnerOrganisationFactory().regions.add(region("africa"))
    PartnerOrganisationFactory()
    assert list(PartnerOrganisation.objects.for_region(region("europe"))) == [works_in_europe]


def test_organisations_with_list_data_count_distinct_cities():
    organisation = PartnerOrganisationFactory()
    organisation.regions.add(region("europe"), region("africa"))
    organisation.cities.add(CityFactory(), CityFactory())
    [listed] = PartnerOrganisation.objects.with_list_data()
    assert listed.city_count == 2


def test_organisations_with_list_data_count_cities_for_the_rows_read_alone(
    django_assert_num_queries,
):
    """Counted per row read, so neither filtering by a region, which joins regions, nor
    counting the list (which the directory does for its pages) reads the cities' links."""
    works = PartnerOrganisationFactory(name="A works")
    works.regions.add(region("europe"), region("africa"))
    works.cities.add(CityFactory(), CityFactory())
    PartnerOrganisationFactory(name="B starts").regions.add(region("europe"))
    listed = PartnerOrganisation.objects.with_list_data()
    in_europe = listed.filter(regions__slug="europe").order_by("name")
    assert [(o.name, o.city_count) for o in in_europe] == [("A works", 2), ("B starts", 0)]
    with django_assert_num_queries(1) as queries:
        assert listed.order_by().count() == 2
    assert "JOIN" not in queries.captured_queries[0]["sql"]


def test_public_selects_practitioners_who_opted_in():
    public = PractitionerFactory(is_public=True)
    PractitionerFactory(is_public=False)
    assert list(Practitioner.objects.public()) == [public]
    assert list(Practitioner.objects.visible_to(None)) == [public]
    assert list(Practitioner.objects.visible_to(AnonymousUser())) == [public]
