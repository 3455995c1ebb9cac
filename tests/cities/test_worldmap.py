"""The map drawn by the portal (cities/worldmap.py): the projection, the world picture it
ships, and how cities become marks."""

import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from cities.worldmap import HEIGHT, WIDTH, layout, project, render_world

WORLD = Path(__file__).resolve().parents[2] / "static" / "img" / "world.svg"


def test_the_projection_puts_the_equator_and_greenwich_in_the_middle_and_north_up():
    x, _y = project(0, 0)
    assert x == pytest.approx(WIDTH / 2)
    assert project(0, -180)[0] == pytest.approx(0, abs=0.01)
    assert project(0, 180)[0] == pytest.approx(WIDTH, abs=0.01)
    assert project(60, 10)[1] < project(0, 10)[1] < project(-40, 10)[1] < HEIGHT


def test_the_shipped_world_is_the_one_the_boundaries_give():
    # After a change to the projection, the boundaries or the template, run
    # `manage.py build_world_map` and commit static/img/world.svg.
    assert WORLD.read_text() == render_world()


def test_no_outline_runs_across_the_whole_map():
    # Fiji and Russia cross longitude 180: drawn unsplit, a line would join their ends
    # across the world.
    countries = re.search(r"<g .*</g>", WORLD.read_text()).group(0)  # not the sea's edge
    steps = re.findall(r"l(-?[\d.]+) (-?[\d.]+)", countries)
    assert steps
    assert max(abs(float(dx)) for dx, _dy in steps) < WIDTH / 4


def point(name, lat, lng, country="DE", region="europe"):
    return (name, name.lower(), lat, lng, country, region)


def test_close_cities_of_several_countries_lead_to_their_region():
    view = layout([point("Aachen", 50.78, 6.08), point("Maastricht", 50.85, 5.69, "NL")])
    [mark] = view.marks
    assert mark.names == ["Aachen", "Maastricht"]
    assert mark.url == "/cities/?region=europe"
    assert view.grouped


def test_cities_without_coordinates_are_left_out():
    view = layout([point("Nowhere", None, None), point("Berlin", 52.5, 13.4)])
    assert [mark.names for mark in view.marks] == [["Berlin"]]


def test_numbers_in_the_drawing_are_never_written_the_french_way():
    view = layout([point("Berlin", 52.52, 13.405), point("Potsdam", 52.4, 13.06)])
    with translation.override("fr"):
        html = render_to_string(
            "cities/includes/map.html", {"map": view, "map_id": "m", "map_label": "Carte"}
        )
    coordinates = re.findall(r'(?:cx|cy|r|font-size|data-lat|data-lng)="([^"]*)"', html)
    assert coordinates
    assert all("," not in value for value in coordinates)


def test_a_map_kept_in_the_cache_draws_as_it_was_laid_out():
    from django.core.cache.backends.locmem import LocMemCache

    kept = LocMemCache("map-test", {})  # which pickles what it keeps, as Redis does
    kept.set("map", layout([point("Bonn", 50.73, 7.1), point("Köln", 50.94, 6.96)]))
    with translation.override("en"):
        html = render_to_string(
            "cities/includes/map.html", {"map": kept.get("map"), "map_id": "m", "map_label": "Map"}
        )
    assert "<title>2 member cities: Bonn, Köln</title>" in html
