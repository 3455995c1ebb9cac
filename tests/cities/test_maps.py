"""The map of every member city (cities/maps.py), kept per content version in each worker:
it is read once, and any change to the cities shows at once on the home page and the
directory."""

import re

import pytest
from django.urls import reverse

from cities.models import City
from tests.factories import CityFactory
from tests.html import map_marks

pytestmark = pytest.mark.django_db


MAP_QUERY = re.compile(r'CAST\("cities_city"\."latitude" AS|"latitude"\)::double', re.I)
MAPS = {"home": "home-map", "cities:list": "city-map"}


def names_on_map(response, page):
    return sorted(name for name, _url in map_marks(response, MAPS[page]))


@pytest.mark.parametrize("page", list(MAPS))
def test_the_map_of_member_cities_follows_every_change_and_is_read_once(
    client, page, django_assert_max_num_queries
):
    CityFactory(name="Mechelen", latitude=51.03, longitude=4.48)
    url = reverse(page)
    assert names_on_map(client.get(url), page) == ["Mechelen"]

    # Seen from the other page first: the layout is shared, not read again.
    other = reverse("cities:list" if page == "home" else "home")
    client.get(other)
    with django_assert_max_num_queries(4) as captured:
        client.get(url)
    # The map's own query reads the coordinates as floats (City.objects.map_points).
    assert not [q["sql"] for q in captured.captured_queries if MAP_QUERY.search(q["sql"])]

    kampala = CityFactory(name="Kampala", latitude=0.35, longitude=32.58)
    assert names_on_map(client.get(url), page) == ["Kampala", "Mechelen"]

    kampala.membership_status = City.MembershipStatus.FORMER
    kampala.save()
    assert names_on_map(client.get(url), page) == ["Mechelen"]


def test_a_filtered_directory_draws_only_the_cities_it_lists(client):
    CityFactory(name="Mechelen", latitude=51.03, longitude=4.48, country="BE")
    CityFactory(name="Kampala", latitude=0.35, longitude=32.58, country="UG")
    client.get(reverse("home"))  # the map of every city is kept

    response = client.get(reverse("cities:list"), {"country": "UG"})

    assert names_on_map(response, "cities:list") == ["Kampala"]
