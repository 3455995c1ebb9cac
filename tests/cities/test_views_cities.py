"""The member cities directory and the city page."""

import re

import pytest
from django.urls import reverse

from cities.worldmap import WIDTH, layout, project
from practices.models import Status
from tests.factories import (
    CityFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    region,
)
from tests.html import card_titles, map_marks

pytestmark = pytest.mark.django_db

LIST = reverse("cities:list")


def names(response):
    return card_titles(response)


# The directory


def test_directory_lists_member_cities_by_name_with_a_count(visitor):
    CityFactory(name="Oslo")
    CityFactory(name="Berlin")
    CityFactory(name="Formerton", membership_status="former")

    response = visitor.get(LIST)

    assert response.status_code == 200
    assert names(response) == ["Berlin", "Oslo"]
    assert "2 member cities" in response.text
    assert "Formerton" not in response.text


def test_directory_filters_by_region(visitor):
    CityFactory(name="Berlin")
    CityFactory(name="Nairobi", region=region("africa"), country="KE")

    response = visitor.get(LIST, {"region": "africa"})

    assert names(response) == ["Nairobi"]
    assert "1 member city" in response.text


def test_directory_filters_by_country(visitor):
    CityFactory(name="Berlin", country="DE")
    CityFactory(name="Vienna", country="AT")

    response = visitor.get(LIST, {"country": "AT"})

    assert names(response) == ["Vienna"]
    assert '<option value="AT" selected>Austria</option>' in response.text


def test_directory_filters_by_focus_area(visitor):
    CityFactory(name="Berlin", focus_areas=["Online harms"])
    CityFactory(name="Oslo", focus_areas=["Youth engagement"])

    response = visitor.get(LIST, {"focus": "online-harms"})

    assert names(response) == ["Berlin"]


def test_directory_searches_by_name(visitor):
    CityFactory(name="Montréal")
    CityFactory(name="Mombasa")

    response = visitor.get(LIST, {"q": "montr"})

    assert names(response) == ["Montréal"]


def test_directory_combines_filters(visitor):
    CityFactory(name="Berlin", focus_areas=["Education"])
    CityFactory(name="Hamburg", focus_areas=["Online harms"])
    CityFactory(name="Nairobi", region=region("africa"), country="KE", focus_areas=["Education"])

    response = visitor.get(LIST, {"region": "europe", "focus": "education", "country": "DE"})

    assert names(response) == ["Berlin"]
    assert "Clear filters" in response.text


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Aarhus", "Berlin", "Cork"]),
        ("newest", ["Cork", "Aarhus", "Berlin"]),
        ("oldest", ["Berlin", "Aarhus", "Cork"]),
        ("practices", ["Berlin", "Cork", "Aarhus"]),
    ],
)
def test_directory_sorts(visitor, sort, expected):
    aarhus = CityFactory(name="Aarhus", year_joined=2019)
    berlin = CityFactory(name="Berlin", year_joined=2016)
    cork = CityFactory(name="Cork", year_joined=2023)
    PracticeFactory.create_batch(3, city=berlin)
    PracticeFactory(city=cork)
    # Unpublished practice does not count.
    PracticeFactory.create_batch(4, city=aarhus, status=Status.SUBMITTED)

    response = visitor.get(LIST, {"sort": sort})

    assert names(response) == expected


def test_directory_shows_each_citys_published_practice_count(visitor):
    berlin = CityFactory(name="Berlin")
    PracticeFactory.create_batch(2, city=berlin)
    PracticeFactory(city=berlin, status=Status.DRAFT)

    response = visitor.get(LIST)

    assert "2 published practices" in response.text


def test_directory_is_paginated_with_the_total_count(visitor):
    CityFactory.create_batch(30)

    first = visitor.get(LIST)
    second = visitor.get(LIST, {"page": 2})

    assert len(card_titles(first)) == 24
    assert len(card_titles(second)) == 6
    assert "30 member cities" in second.text
    assert "Page 2 of 2" in second.text
    # Filters are left out of the canonical address; the page number is kept.
    assert '<link rel="canonical" href="http://testserver/cities/?page=2">' in second.text
    assert '<link rel="canonical" href="http://testserver/cities/">' in first.text


def test_directory_map_marks_every_matching_city_as_a_link(visitor):
    for n in range(3):
        CityFactory(name=f"City {n}", latitude=str(-40 + 40 * n), longitude=str(-100 + 80 * n))
    CityFactory(name="Nowhere", latitude=None, longitude=None)
    CityFactory(name="Formerton", membership_status="former", latitude="3", longitude="4")

    response = visitor.get(LIST)

    # Not Nowhere (no coordinates), not the former member; each a link to its page, named.
    assert sorted(map_marks(response, "city-map")) == [
        ("City 0", "/cities/city-0/"),
        ("City 1", "/cities/city-1/"),
        ("City 2", "/cities/city-2/"),
    ]
    assert "Nowhere" in response.text  # listed even though it cannot be on the map
    # Drawn by the portal: no script, no tile server.
    assert "leaflet" not in response.text
    assert 'src="http' not in response.text


def test_cities_too_close_to_tell_apart_are_one_mark_leading_to_their_list(visitor):
    for name in ["Berlin", "Potsdam"]:
        CityFactory(name=name, country="DE", latitude="52.5", longitude="13.2")
    CityFactory(name="Paris", country="FR", latitude="48.86", longitude="2.35")

    response = visitor.get(LIST)

    assert map_marks(response, "city-map") == [
        ("2 member cities: Berlin, Potsdam", "/cities/?country=DE"),
        ("Paris", "/cities/paris/"),
    ]
    assert "A number stands for cities too close together" in response.text


def test_a_thousand_cities_make_a_few_hundred_marks():
    rows = [
        (f"City {n}", f"city-{n}", (n * 37) % 140 - 55, (n * 91) % 360 - 180, "DE", None)
        for n in range(1000)
    ]
    view = layout(rows)
    assert 0 < len(view.marks) <= 400
    assert sum(mark.count for mark in view.marks) == 1000


def test_directory_map_shows_only_the_cities_the_filters_select(visitor):
    CityFactory(name="Berlin", latitude="52.52", longitude="13.40")
    CityFactory(
        name="Nairobi", region=region("africa"), country="KE", latitude="-1.29", longitude="36.82"
    )

    response = visitor.get(LIST, {"region": "africa", "sort": "newest", "page": "1"})

    assert map_marks(response, "city-map") == [("Nairobi", "/cities/nairobi/")]


def test_directory_has_no_map_when_no_matching_city_has_coordinates(visitor):
    CityFactory(name="Berlin", latitude="52.52", longitude="13.40")
    CityFactory(name="Nowhere", latitude=None, longitude=None)

    response = visitor.get(LIST, {"q": "Nowhere"})

    assert names(response) == ["Nowhere"]
    assert 'class="map"' not in response.text


def test_map_markers_ignore_bad_filters_like_the_directory(visitor):
    CityFactory(name="Berlin", latitude="52.52", longitude="13.40")

    response = visitor.get(reverse("cities:map"), {"region": "atlantis", "sort": "evil"})

    assert response.status_code == 200
    assert [point["name"] for point in response.json()] == ["Berlin"]


def test_map_markers_queries_stay_constant_with_ten_times_the_data(
    visitor, cache_in_memory, django_assert_max_num_queries
):
    url = reverse("cities:map")
    CityFactory.create_batch(3, latitude="1", longitude="2", focus_areas=["area"])
    with django_assert_max_num_queries(3):  # the filters' choices (two), the markers
        assert len(visitor.get(url, {"focus": "area"}).json()) == 3
    CityFactory.create_batch(30, latitude="1", longitude="2", focus_areas=["area"])
    with django_assert_max_num_queries(3):
        assert len(visitor.get(url, {"focus": "area"}).json()) == 33


@pytest.mark.parametrize(
    "query",
    [
        {"region": "atlantis"},
        {"country": "XX"},
        {"focus": "no-such-tag"},
        {"sort": "evil"},
        {"sort": "name; DROP TABLE"},
        {"page": "9999"},
        {"page": "-1"},
        {"page": "abc"},
        {"q": "x" * 500},
        {"q": "nul\x00byte"},
        {"country": "D\x00E"},
        {"region": ["europe", "africa"]},
    ],
)
def test_directory_survives_bad_query_strings(visitor, query):
    CityFactory(name="Berlin")

    response = visitor.get(LIST, query)

    assert response.status_code == 200
    assert "Berlin" in response.text or "No member city matches" in response.text


def test_an_unknown_region_is_ignored_and_explained(visitor):
    CityFactory(name="Berlin")

    response = visitor.get(LIST, {"region": "atlantis"})

    assert names(response) == ["Berlin"]
    assert "Select a valid choice" in response.text


def test_directory_says_when_nothing_matches_and_offers_to_clear(visitor):
    CityFactory(name="Berlin")

    response = visitor.get(LIST, {"q": "zzz"})

    assert "No member city matches these filters." in response.text
    assert f'href="{LIST}"' in response.text


def test_directory_queries_stay_constant_with_ten_times_the_data(
    visitor, cache_in_memory, django_assert_max_num_queries
):
    def make(n):
        for i in range(n):
            city = CityFactory(focus_areas=[f"area {i % 3}"])
            PracticeFactory(city=city)

    make(3)
    with django_assert_max_num_queries(4):
        visitor.get(LIST, {"focus": "area-1", "sort": "practices"})
    make(30)
    with django_assert_max_num_queries(4):
        visitor.get(LIST, {"focus": "area-1", "sort": "practices"})


# The city page


def test_city_page_shows_profile_focus_areas_and_facts(visitor):
    city = CityFactory(
        name="Berlin",
        profile="A city of many neighbourhoods.",
        description="Long description here.",
        population=3_600_000,
        website="https://berlin.example.org",
        focus_areas=["Social cohesion"],
    )

    response = visitor.get(city.get_absolute_url())

    assert response.status_code == 200
    assert response.text.count("<h1") == 1
    assert "<h1>Berlin</h1>" in response.text
    assert "A city of many neighbourhoods." in response.text
    assert "Long description here." in response.text
    assert "Social cohesion" in response.text
    assert "Germany" in response.text
    assert "Member since 2018" in response.text
    assert "https://berlin.example.org" in response.text


def test_city_page_has_meta_description_canonical_and_open_graph(visitor):
    city = CityFactory(name="Berlin", profile="A city of many neighbourhoods.")

    response = visitor.get(city.get_absolute_url())

    assert "<title>Berlin · Member cities · Strong Cities Network</title>" in response.text
    assert '<meta name="description" content="A city of many neighbourhoods.">' in response.text
    assert '<link rel="canonical" href="http://testserver/cities/berlin/">' in response.text
    assert '<meta property="og:title" content="Berlin · Strong Cities Network">' in response.text
    assert '<meta property="og:url" content="http://testserver/cities/berlin/">' in response.text
    assert 'property="og:description" content="A city of many neighbourhoods."' in response.text


def test_city_page_shows_only_its_published_practice(visitor):
    city = CityFactory(name="Berlin")
    PracticeFactory(city=city, title="Published here")
    PracticeFactory(city=city, title="Still a draft", status=Status.DRAFT)
    PracticeFactory(city=city, title="Under review", status=Status.SUBMITTED)
    PracticeFactory(title="Elsewhere")

    response = visitor.get(city.get_absolute_url())

    assert "Published here" in response.text
    assert "Still a draft" not in response.text
    assert "Under review" not in response.text
    assert "Elsewhere" not in response.text


def test_city_page_links_to_the_library_when_it_has_more_practice_than_shown(visitor):
    city = CityFactory(name="Berlin")
    PracticeFactory.create_batch(13, city=city)

    response = visitor.get(city.get_absolute_url())

    assert len(response.context["practices"]) == 12
    assert "See all 13 practices from Berlin in the library" in response.text
    assert "/practices/?city=berlin" in response.text


def test_city_page_lists_partner_organisations_working_there(visitor):
    city = CityFactory()
    partner = PartnerOrganisationFactory(name="Mothers for Peace")
    partner.cities.add(city)
    PartnerOrganisationFactory(name="Works elsewhere")

    response = visitor.get(city.get_absolute_url())

    assert "Mothers for Peace" in response.text
    assert partner.get_absolute_url() in response.text
    assert "Works elsewhere" not in response.text


def test_visitor_sees_only_public_practitioners_of_a_city(visitor):
    city = CityFactory()
    PractitionerFactory(city=city, full_name="Public Person", is_public=True)
    PractitionerFactory(city=city, full_name="Private Person", is_public=False)

    response = visitor.get(city.get_absolute_url())

    assert "Public Person" in response.text
    assert "Private Person" not in response.text
    assert "Sign in" in response.text


def test_member_sees_every_practitioner_of_a_city_and_no_email(member_client):
    city = CityFactory()
    PractitionerFactory(city=city, full_name="Public Person", is_public=True)
    PractitionerFactory(city=city, full_name="Private Person", email="hidden@private.example")

    response = member_client.get(city.get_absolute_url())

    assert "Public Person" in response.text
    assert "Private Person" in response.text
    assert "hidden@private.example" not in response.text
    assert "@private.example" not in response.text


def test_city_page_maps_the_area_around_the_city(visitor):
    city = CityFactory(name="Berlin", latitude="52.52000", longitude="13.40500")

    response = visitor.get(city.get_absolute_url())

    assert map_marks(response, "city-map") == [("Berlin", "/cities/berlin/")]
    # Zoomed in: a sixth of the world's width, centred on the city.
    x, y = project(52.52, 13.405)
    box = re.search(r'<svg class="map-svg" viewBox="([^"]+)"', response.text).group(1)
    left, top, width, height = (float(value) for value in box.split())
    assert width == pytest.approx(WIDTH / 6, abs=0.1)
    assert left + width / 2 == pytest.approx(x, abs=0.1)
    assert top + height / 2 == pytest.approx(y, abs=0.1)


def test_city_without_coordinates_has_no_map(visitor):
    city = CityFactory(latitude=None, longitude=None)

    response = visitor.get(city.get_absolute_url())

    assert 'class="map"' not in response.text


def test_former_member_city_page_says_so(visitor):
    city = CityFactory(membership_status="former", year_joined=2016)

    response = visitor.get(city.get_absolute_url())

    assert "Former member (joined 2016)" in response.text


def test_unknown_city_is_a_404(visitor):
    assert visitor.get(reverse("cities:detail", args=["atlantis"])).status_code == 404


def test_city_page_queries_stay_constant_with_ten_times_the_data(
    visitor, cache_in_memory, django_assert_num_queries, django_assert_max_num_queries
):
    city = CityFactory(focus_areas=["Education", "Online harms"])

    def make(n):
        for _ in range(n):
            PracticeFactory(city=city, themes=["youth", "schools"])
            PartnerOrganisationFactory().cities.add(city)
            PractitionerFactory(city=city, is_public=True)

    make(1)
    # City; practice and their themes; focus areas, organisations and practitioners in one;
    # the facet index (how many practice in all), built once after published content changed.
    with django_assert_max_num_queries(4):
        visitor.get(city.get_absolute_url())
    make(10)
    with django_assert_max_num_queries(4):
        visitor.get(city.get_absolute_url())


def test_the_countries_narrow_to_the_region_chosen_without_a_script(visitor):
    CityFactory(name="Berlin", country="DE", latitude="52.52", longitude="13.40")
    CityFactory(name="Nairobi", country="KE", region=region("africa"))

    response = visitor.get(LIST, {"region": "europe"})

    options = re.findall(r'<option value="([A-Z]{2})"', response.text)
    assert options == ["DE"]


def test_the_filters_choices_are_kept_until_a_member_city_changes(
    visitor, cache_in_memory, django_assert_num_queries
):
    def countries():
        return re.findall(r'<option value="([A-Z]{2})"', visitor.get(LIST).text)

    CityFactory(name="Berlin", country="DE")
    assert countries() == ["DE"]
    # Kept in the worker, as the map and its count are: the next visitor's page reads only
    # its rows.
    with django_assert_num_queries(1):
        assert countries() == ["DE"]
    nairobi = CityFactory(name="Nairobi", country="KE", region=region("africa"))
    assert countries() == ["DE", "KE"]
    nairobi.membership_status = "former"
    nairobi.save()
    assert countries() == ["DE"]


def test_a_country_outside_the_region_is_explained_and_the_region_still_applies(visitor):
    CityFactory(name="Berlin", country="DE", latitude="52.52", longitude="13.40")
    CityFactory(name="Nairobi", country="KE", region=region("africa"))

    response = visitor.get(LIST, {"region": "europe", "country": "KE"})

    assert names(response) == ["Berlin"]  # not an empty list
    assert "Choose one of the countries listed" in response.text
