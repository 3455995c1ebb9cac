"""Reading what a page shows from its HTML, as a visitor would."""

import re
from html import unescape

CARD_TITLE = re.compile(r'<h3 class="card-title"><a href="[^"]+">([^<]*)</a></h3>')


def card_titles(response):
    """The titles of the cards (practices, cities, organisations) the page lists, in order."""
    return [unescape(title) for title in CARD_TITLE.findall(response.text)]


def fetched_markers(client, response, map_id):
    """The markers the map `map_id` of `response` fetches (its data-markers-url), as map.js
    would, checking they come as JSON."""
    found = re.search(rf'id="{map_id}"[^>]* data-markers-url="([^"]+)"', response.text)
    assert found, f"the map {map_id} has no address for its markers"
    answer = client.get(unescape(found.group(1)))
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/json"
    return answer.json()
