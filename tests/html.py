"""Reading what a page shows from its HTML, as a visitor would."""

import re
from html import unescape

CARD_TITLE = re.compile(r'<h3 class="card-title"><a href="[^"]+">([^<]*)</a></h3>')


def card_titles(response):
    """The titles of the cards (practices, cities, organisations) the page lists, in order."""
    return [unescape(title) for title in CARD_TITLE.findall(response.text)]
