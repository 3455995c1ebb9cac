"""The map of member cities, drawn on the server as SVG: it needs no tile server, no script
and no request to anyone but the portal, so it shows to every visitor, JavaScript or not, and
tells no third party who is reading about violent extremism.

The world comes from Natural Earth's boundaries at 1:110 million (the npm package
world-atlas, vendored in cities/data/world-atlas with its licence), projected once with the
Equal Earth projection into static/img/world.svg by `manage.py build_world_map`. A page draws
that picture and, over it in the same coordinates, one link per city, or per group of
cities too close to tell apart (`layout`): a thousand cities make a few hundred marks.

A deployment that wants a zoomable map with tiles sets MAP_TILE_URL; static/js/map.js then
draws one over this map when the tiles load, and this map stays when they do not.
"""

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext, ngettext

from scn_portal.rows import Row

TOPOLOGY = Path(__file__).resolve().parent / "data" / "world-atlas" / "countries-110m.json"
# The picture's width in its own units; its height follows from the latitudes shown.
WIDTH = 1000
NORTH, SOUTH = 84.0, -57.0  # Antarctica is left out: no member city, a fifth of the height
ANTARCTICA = "010"

# Equal Earth (Šavrič, Patterson and Jenny, 2018): areas true, shapes familiar.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_EXTENT = math.pi / (M * A1)  # x at longitude 180 on the equator


def equal_earth(lng, lat):
    """The Equal Earth projection of a point in degrees, in the projection's own units."""
    theta = math.asin(M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = math.radians(lng) * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


SCALE = WIDTH / (2 * X_EXTENT)
TOP = equal_earth(0, NORTH)[1]
HEIGHT = round((TOP - equal_earth(0, SOUTH)[1]) * SCALE)


def project(lat, lng):
    """A point in degrees as (x, y) in the picture's units, y downwards."""
    x, y = equal_earth(float(lng), float(lat))
    return (x + X_EXTENT) * SCALE, (TOP - y) * SCALE


# --- the world, from TopoJSON ------------------------------------------------------------------


def _decoded_arcs(topology):
    """The topology's arcs as lists of (longitude, latitude): delta-encoded, quantized."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes, arcs):
    """A closed ring from arc indexes (a negative index ~i is arc i reversed)."""
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _split_at_antimeridian(ring):
    """A ring that crosses longitude 180 (Fiji, Russia) as rings that each stay on one side,
    closed along the meridian; any other ring as it is."""
    pieces = [[ring[0]]]
    for (lng0, lat0), (lng1, lat1) in zip(ring, ring[1:], strict=False):
        if abs(lng1 - lng0) <= 180:
            pieces[-1].append((lng1, lat1))
            continue
        edge = 180.0 if lng0 > 0 else -180.0
        unwrapped = lng1 + 360 if lng0 > 0 else lng1 - 360
        span = unwrapped - lng0  # zero when both points lie on the meridian itself
        lat = lat0 + (edge - lng0) / span * (lat1 - lat0) if span else lat0
        pieces[-1].append((edge, lat))
        pieces.append([(-edge, lat), (lng1, lat1)])
    if len(pieces) > 1:
        # The ring is closed: its last piece runs on into its first.
        pieces[0] = pieces.pop() + pieces[0][1:]
    return pieces


def _path(rings):
    """SVG path data for rings of (longitude, latitude): absolute moves, then relative
    steps in tenths of a unit, dropping steps too small to see."""
    parts = []
    for ring in rings:
        previous = None
        steps = []
        for lng, lat in ring:
            x, y = project(max(min(lat, NORTH), SOUTH), lng)
            point = (round(x * 10), round(y * 10))
            if previous is None:
                steps.append(f"M{point[0] / 10:g} {point[1] / 10:g}")
            elif point != previous:
                dx, dy = (point[0] - previous[0]) / 10, (point[1] - previous[1]) / 10
                steps.append(f"l{dx:g} {dy:g}")
            else:
                continue
            previous = point
        if len(steps) > 2:
            parts.append("".join(steps) + "z")
    return "".join(parts)


def _outline():
    """The edge of the projected world (the meridians at 180 degrees, between the latitudes
    shown), as a ring: the sea."""
    steps = 60
    span = NORTH - SOUTH
    east = [(180.0, SOUTH + span * i / steps) for i in range(steps + 1)]
    west = [(-180.0, NORTH - span * i / steps) for i in range(steps + 1)]
    return east + west + [east[0]]


@dataclass
class Country:
    code: str  # ISO 3166-1 numeric, as Natural Earth gives it
    name: str
    path: str


def countries():
    """Every country but Antarctica, with its outline as SVG path data."""
    topology = json.loads(TOPOLOGY.read_text())
    arcs = _decoded_arcs(topology)
    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA or "arcs" not in geometry:
            continue
        polygons = geometry["arcs"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [
            piece
            for polygon in polygons
            for ring in polygon
            for piece in _split_at_antimeridian(_ring(ring, arcs))
        ]
        found.append(Country(geometry.get("id", ""), geometry["properties"]["name"], _path(rings)))
    return found


# --- the cities on it ---------------------------------------------------------------------------

# Marks closer than this (in the picture's units, at the world's scale) are drawn as one.
CELL = 34
RADIUS = 6  # a city's mark; a group's grows with it from GROUP_RADIUS
GROUP_RADIUS = 9
FONT_SIZE = 12
# Zoomed in around one city, its mark is drawn this much larger than on the world.
ZOOMED_MARK = 1.5


class Mark(Row):
    """One link on the map: a city, or a group of cities too close to tell apart (a Row: the
    template reads a hundred and more marks)."""

    __slots__ = ()

    def __init__(self, x, y, r, url, names, lat=0.0, lng=0.0):
        count = len(names)
        super().__init__(
            x=x,
            y=y,
            r=r,
            url=url,
            names=names,
            # Where it is on the globe, for a tile map (static/js/map.js).
            lat=lat,
            lng=lng,
            count=count,
            group=count > 1,
            # Its name for screen readers and as a tooltip (text, escaped where drawn): the
            # city's, or how many cities it stands for, in the language active now (a map
            # kept in a cache is kept per language).
            label=names[0] if count == 1 else group_label(names),
        )


def group_label(names):
    label = ngettext(
        "%(count)s member city: %(names)s",
        "%(count)s member cities: %(names)s",
        len(names),
    ) % {"count": len(names), "names": ", ".join(names[:MAX_NAMES])}
    if len(names) > MAX_NAMES:
        label += gettext(" and %(more)s more") % {"more": len(names) - MAX_NAMES}
    return label


MAX_NAMES = 5


@dataclass
class MapView:
    """What a map template draws: the part of the world shown (an SVG viewBox), its marks,
    and the size of a mark's number in the same units."""

    viewbox: str
    marks: list
    font_size: float = 9.0
    world_width: int = WIDTH
    world_height: int = HEIGHT

    @property
    def grouped(self):
        """Whether any mark stands for several cities."""
        return any(mark.count > 1 for mark in self.marks)


def layout(points, around=None):
    """A MapView of `points` (name, slug, latitude, longitude, country code, region slug; those
    without coordinates are left out): the whole world, or the area `around` a (latitude,
    longitude), zoomed in. Cities closer than a mark's width are grouped: the group links to
    the directory narrowed to their country, or to their region when they span several."""
    if around is not None:
        cx, cy = project(*around)
        width, height = WIDTH / 6, HEIGHT / 6
        box = (cx - width / 2, cy - height / 2, width, height)
    else:
        box = (0, 0, WIDTH, HEIGHT)
    zoom = box[2] / WIDTH
    cell = CELL * zoom
    mark_zoom = zoom * (ZOOMED_MARK if around is not None else 1)
    detail = reverse("cities:detail", args=["city-slug-placeholder"])
    before, after = detail.split("city-slug-placeholder")
    directory = reverse("cities:list")

    groups = defaultdict(list)
    for name, slug, lat, lng, country, region in points:
        if lat is None or lng is None:
            continue
        x, y = project(lat, lng)
        groups[(int(x // cell), int(y // cell))].append(
            (name, slug, x, y, str(country), region, float(lat), float(lng))
        )

    marks = []
    for members in groups.values():
        members.sort()
        x = sum(member[2] for member in members) / len(members)
        y = sum(member[3] for member in members) / len(members)
        if len(members) == 1:
            url = f"{before}{members[0][1]}{after}"
            radius = RADIUS
        else:
            countries_of = {member[4] for member in members}
            regions_of = {member[5] for member in members}
            if len(countries_of) == 1:
                url = f"{directory}?{urlencode({'country': countries_of.pop()})}"
            elif len(regions_of) == 1 and None not in regions_of:
                url = f"{directory}?{urlencode({'region': regions_of.pop()})}"
            else:
                url = directory
            radius = min(GROUP_RADIUS + 1.5 * math.sqrt(len(members)), 16)
        names = [member[0] for member in members]
        lat = round(sum(member[6] for member in members) / len(members), 4)
        lng = round(sum(member[7] for member in members) / len(members), 4)
        size = round(radius * mark_zoom, 2)
        marks.append(Mark(round(x, 1), round(y, 1), size, url, names, lat, lng))
    # Larger groups first, so that a single city drawn over one stays clickable.
    marks.sort(key=lambda mark: (-mark.count, mark.names))
    viewbox = " ".join(f"{value:g}" for value in (round(v, 1) for v in box))
    return MapView(viewbox, marks, font_size=round(FONT_SIZE * mark_zoom, 2))


def render_world():
    """The SVG of the world the maps draw (static/img/world.svg), from its template."""
    from django.template.loader import render_to_string

    context = {
        "width": WIDTH,
        "height": HEIGHT,
        "sphere": _path([_outline()]),
        "countries": countries(),
        "title": "World map: Natural Earth boundaries, Equal Earth projection",
    }
    return render_to_string("cities/map/world.svg", context).strip() + "\n"
