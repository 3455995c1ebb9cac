"""The map of member cities, in Chromium: drawn by the portal itself, it shows in production
(DEBUG off, whitenoise's manifest storage), without JavaScript and without any other server;
its marks are links that the keyboard reaches. A tile map is an option a deployment may turn
on (MAP_TILE_URL); when its tiles cannot be loaded the portal's own map stays."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import CityFactory

# The live test server and the tests' own database are used by the tile map's tests; the
# production server below has a database of its own.
pytestmark = pytest.mark.django_db(transaction=True)

BASE_DIR = Path(__file__).resolve().parents[2]
CITIES = [("Oslo", "NO", "59.91", "10.75"), ("Nairobi", "KE", "-1.29", "36.82")]
CITIES += [("Quito", "EC", "-0.18", "-78.47")]

MAKE_CITIES = """
from tests.factories import CityFactory
for name, country, lat, lng in {cities!r}:
    CityFactory(name=name, country=country, latitude=lat, longitude=lng)
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """The portal as production serves it: gunicorn, DEBUG off, the static files collected
    with whitenoise's manifest storage (hashed names), its own database holding three member
    cities, and no MAP_TILE_URL: the address it answers on."""
    root = tmp_path_factory.mktemp("production")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DATABASE_URL", "CACHE_URL", "MAP_TILE_URL", "MAP_TILE_ORIGIN"}
    }
    env.update(
        DEBUG="0",
        SCN_TESTING="0",
        SECRET_KEY="production-like-test-only-secret-key-0123456789abcdefghijkl",
        DATABASE_URL=f"sqlite:///{root / 'portal.sqlite3'}",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(root / "static"),
        LOG_LEVEL="WARNING",
    )
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run([*manage, *command], cwd=BASE_DIR, env=env, check=True, capture_output=True)
    script = MAKE_CITIES.format(cities=CITIES)
    subprocess.run([*manage, "shell", "-c", script], cwd=BASE_DIR, env=env, check=True)
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "scn_portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"{url}/healthz/", timeout=1):  # noqa: S310 - http
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def watch(page):
    """Every address the page asks for, and every answer that failed."""
    page.requested = []
    page.failed = []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("requestfailed", lambda request: page.failed.append(request.url))
    page.on(
        "response",
        lambda response: response.status >= 400 and page.failed.append(response.url),
    )
    return page


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_in_production_the_map_draws_linked_marks_and_asks_no_other_server(
    browser, production, viewport
):
    context = browser.new_context(viewport=viewport)
    page = watch(context.new_page())
    page.goto(production + "/cities/")
    page.wait_for_load_state("networkidle")

    marks = page.locator("#city-map a.map-mark")
    assert marks.count() == 3
    for index in range(3):
        box = marks.nth(index).bounding_box()
        assert box and box["width"] > 3 and box["height"] > 3
    # The world is drawn from the collected, hashed file, and it arrived.
    world = [url for url in page.requested if re.search(r"/static/img/world\.\w+\.svg$", url)]
    assert world, page.requested
    assert page.failed == []
    assert all(url.startswith(production + "/") for url in page.requested), page.requested

    # A mark is a link with the city's name, reached by keyboard, and it leads to the city.
    oslo = page.locator("#city-map a.map-mark", has=page.locator("title", has_text="Oslo"))
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#city-map') !== null"):
            break
    else:
        pytest.fail("no mark of the map was reached with Tab")
    oslo.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(production + "/cities/oslo/")
    assert page.locator("#city-map a.map-mark").count() == 1  # the city page's own map
    context.close()


def test_without_javascript_the_map_and_its_links_are_there(browser, production):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    page.goto(production + "/")
    marks = page.locator("#home-map a.map-mark")
    assert marks.count() == 3
    assert marks.first.is_visible()
    context.close()


# A tile map, where a deployment asks for one (MAP_TILE_URL); the live test server here.


@pytest.fixture
def tiled(settings):
    settings.MAP_TILE_URL = settings.STATIC_URL + "img/map-tile-test.svg"
    for name, country, lat, lng in CITIES:
        CityFactory(name=name, country=country, latitude=lat, longitude=lng)


def test_a_deployment_may_add_a_tile_map_with_the_same_marks(page, tiled):
    page.goto(page.base_url + "/cities/")
    page.wait_for_selector("#city-map.map-has-tiles")
    pins = page.locator("#city-map .leaflet-marker-icon")
    assert pins.count() == 3
    # No image to break: the pins are drawn with CSS, and they are keyboard-reachable.
    assert page.locator("#city-map img.leaflet-marker-icon").count() == 0
    assert pins.first.get_attribute("tabindex") == "0"
    assert not page.locator("#city-map .map-svg").is_visible()
    assert page.console_errors == []


def test_when_no_tile_loads_the_portal_map_stays(page, tiled):
    page.route("**/map-tile-test.svg", lambda route: route.abort())
    page.goto(page.base_url + "/cities/")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("document.querySelector('#city-map .map-tiles') === null")
    assert page.locator("#city-map a.map-mark").first.is_visible()
    assert page.locator("#city-map a.map-mark").count() == 3


def test_right_to_left_the_map_is_not_mirrored(page, tiled):
    """An Arabic page reads right to left, but the world does not: the marks and the pins
    stand where they stand on the English page."""

    def places(path):
        page.goto(page.base_url + path)
        page.wait_for_selector("#city-map.map-has-tiles")
        box = page.locator("#city-map").bounding_box()
        pins = page.locator("#city-map .leaflet-marker-icon")
        return sorted(
            (round(pin["x"] - box["x"]), round(pin["y"] - box["y"]))
            for pin in (pins.nth(n).bounding_box() for n in range(pins.count()))
        )

    english = places("/cities/")
    assert len(english) == 3
    assert places("/ar/cities/") == english
    # The tile map's own buttons are named in the page's language.
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == "تكبير"
    assert page.console_errors == []
