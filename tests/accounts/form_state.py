"""Reads back what a rendered form holds, as a browser would send it, so that tests can
check that a form refused by validation still holds everything the person typed."""

from html.parser import HTMLParser


class _FormState(HTMLParser):
    """What a browser would send back from the page's forms: name -> list of values."""

    def __init__(self):
        super().__init__()
        self.values = {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file"):
            choice = attrs.get("type") in ("checkbox", "radio")
            if choice and "checked" not in attrs:
                return
            self.values.setdefault(name, []).append(attrs.get("value", "on" if choice else ""))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.setdefault(self._select, []).append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self.values[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][0] += data.strip("\n")


def form_state(html):
    parser = _FormState()
    parser.feed(html)
    return parser.values
