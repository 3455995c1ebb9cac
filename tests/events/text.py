"""A page's text as a visitor reads it: tags dropped, entities read, spaces collapsed."""

import re
from html import unescape


def page_text(response):
    body = response.text.split("<body>", 1)[-1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", body)).split())
