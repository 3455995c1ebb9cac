"""The map of member cities is an enhancement: drawn when its tiles load, hidden again when
they cannot be reached, absent without JavaScript; the list of cities is always complete."""

import pytest

from tests.e2e.conftest import DESKTOP
from tests.factories import CityFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cities():
    CityFactory(name="Oslo", latitude="59.91", longitude="10.75")
    CityFactory(name="Nairobi", latitude="-1.29", longitude="36.82")


def open_directory(page):
    page.goto(page.base_url + "/cities/")
    page.wait_for_load_state("networkidle")


def test_the_map_shows_a_marker_for_each_city_when_tiles_load(page, cities):
    open_directory(page)
    assert page.locator("#city-map").is_visible()
    assert page.locator("#city-map .leaflet-marker-icon").count() == 2
    assert page.console_errors == []


def test_the_map_is_hidden_again_when_no_tile_can_be_loaded(page, cities):
    page.route("**/map-tile-test.svg", lambda route: route.abort())
    open_directory(page)
    page.wait_for_function("document.getElementById('city-map').hidden === true")
    assert not page.locator("#city-map").is_visible()
    assert page.get_by_role("link", name="Oslo").is_visible()
    assert page.get_by_role("link", name="Nairobi").is_visible()


def test_without_javascript_the_list_is_complete_and_no_map_shows(browser, live_server, cities):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    page.goto(live_server.url + "/cities/")
    assert not page.locator("#city-map").is_visible()
    assert page.get_by_role("link", name="Oslo").is_visible()
    assert page.get_by_role("link", name="Nairobi").is_visible()
    context.close()
