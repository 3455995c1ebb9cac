"""Reading what a page shows from its HTML, as a visitor would."""

import re
from html import unescape

CARD_TITLE = re.compile(r'<h3 class="card-title"[^>]*><a href="[^"]+">([^<]*)</a></h3>')


def card_titles(response):
    """The titles of the cards (practices, cities, organisations) the page lists, in order."""
    return [unescape(title) for title in CARD_TITLE.findall(response.text)]


MAP_MARK = re.compile(
    r'<a href="([^"]+)" class="map-mark[^"]*"[^>]*>\s*<title>([^<]*)</title>\s*<circle'
)


def map_marks(response, map_id):
    """The marks the map `map_id` of `response` draws, as (name, address) in the order they
    are drawn: what a visitor reads and follows, without JavaScript."""
    found = re.search(rf'<figure class="map" id="{map_id}".*?</figure>', response.text, re.S)
    assert found, f"the page has no map {map_id}"
    return [(unescape(name), unescape(url)) for url, name in MAP_MARK.findall(found.group(0))]
