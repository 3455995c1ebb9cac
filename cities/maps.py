"""The map of every member city, laid out once per content version in each worker.

The home page and the directory without filters draw all member cities: a thousand rows
read and laid out (cities.worldmap) on every request cost more than the rest of either
page. Like the facet index (practices.facets.current), the layout is made when public
content has changed, by the first request that needs it, and each worker keeps it in memory
until the next change (scn_portal.page_cache.kept_in_worker). It is data, not markup: the
template draws it. It is kept per language and address prefix, in which its group names and
links are written."""

from django.urls import get_script_prefix
from django.utils.translation import get_language

from cities.models import City
from cities.worldmap import layout
from scn_portal.page_cache import kept_in_worker


def _member_map():
    points = list(City.objects.members().order_by().map_points())
    return {
        "count": len(points),
        "region_count": len({region for *_point, region in points}),
        "map": layout(points),
    }


def member_map():
    """{"count": member cities, "region_count": their regions, "map": their MapView}, kept
    per language and address prefix, in which its names and links are written."""
    return kept_in_worker("member-map", _member_map, get_language(), get_script_prefix())
