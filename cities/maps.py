"""The map of every member city, laid out once per content version in each worker.

The home page and the directory without filters draw all member cities: a thousand rows
read and laid out (cities.worldmap) on every request cost more than the rest of either
page. Like the facet index (practices.facets.current), the layout is made when public
content has changed, by the first request that needs it, and each worker keeps it in memory
until the next change. It is data, not markup: the template draws it. It is kept per
language and address prefix, in which its group names and links are written."""

from django.urls import get_script_prefix
from django.utils.translation import get_language

from cities.models import City
from cities.worldmap import layout
from scn_portal.page_cache import content_version

# content version -> {(language, script prefix): figures}; addresses depend on both.
_kept = {}


def member_map():
    """{"count": member cities, "region_count": their regions, "map": their MapView}."""
    version = content_version()
    kept = _kept.get(version)
    if kept is None:
        _kept.clear()
        kept = _kept[version] = {}
    where = (get_language(), get_script_prefix())
    figures = kept.get(where)
    if figures is None:
        points = list(City.objects.members().order_by().map_points())
        figures = kept[where] = {
            "count": len(points),
            "region_count": len({region for *_point, region in points}),
            "map": layout(points),
        }
    return figures
