"""Downloads of a filtered list: the practice library, the member cities and the partner
organisations, as CSV or JSON, with the page's own filters (opendata/sources.py) and the
API's record of each row (opendata/serializers.py).

Every row comes from ONE query, streamed from a server-side cursor and written as it
arrives, so an export of the whole library holds one chunk of rows in memory at a time.
"""

import csv
import json

from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from rest_framework import serializers

from opendata.api import ClientThrottle
from opendata.serializers import ListOf
from opendata.sources import KINDS
from scn_portal.abuse import too_many_requests
from scn_portal.structured_data import LICENCE_URL, absolute

DOWNLOADS = ("practices", "cities", "organisations")
# A spreadsheet reads a cell starting with one of these as a formula: member text never
# starts one (OWASP's advice: a leading apostrophe).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """A value as a CSV cell a spreadsheet shows as text, never runs: a linked thing by its
    label, a list as `a; b`."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = _label(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(str(_label(item) if isinstance(item, dict) else item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def _label(item):
    """What a CSV cell says of a linked thing: its name (or title); of a file, its address."""
    if "slug" not in item and "url" in item:
        return item["url"]
    return item.get("name") or item.get("title") or ""


def columns(serializer):
    """(header, function of a record) for each CSV column of `serializer`'s records: a nested
    record (a city) gives a column per field; a list of links also a column of their slugs."""
    found = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.Serializer):
            for sub in field.fields:
                found.append((f"{name}_{sub}", lambda r, n=name, s=sub: (r[n] or {}).get(s)))
            continue
        found.append((name, lambda r, n=name: r[n]))
        if isinstance(field, ListOf) and "slug" in field.child.fields:
            found.append((f"{name}_slugs", lambda r, n=name: [i["slug"] for i in r[n]]))
    return found


class _Line:
    """A file-like object for csv.writer that hands back the line written."""

    def write(self, text):
        return text


def csv_lines(serializer, rows):
    writer = csv.writer(_Line())
    spec = columns(serializer)
    # A byte order mark: spreadsheets then read the file as UTF-8 (Arabic names intact).
    yield "\ufeff" + writer.writerow([header for header, _read in spec])
    for row in rows:
        record = serializer.to_representation(row)
        yield writer.writerow([cell(read(record)) for _header, read in spec])


def json_chunks(serializer, rows, source):
    yield json.dumps({"licence": LICENCE_URL, "source": source})[:-1] + ', "results": [\n'
    first = True
    for row in rows:
        text = json.dumps(serializer.to_representation(row), ensure_ascii=False, default=str)
        yield text if first else ",\n" + text
        first = False
    yield "\n]}\n"


@require_safe
def download(request, kind, fmt):
    """Every result of a filtered list, as the page shows them (invalid filters ignored, as
    the page ignores them)."""
    if kind not in DOWNLOADS or fmt not in ("csv", "json"):
        raise Http404
    throttle = ClientThrottle()
    if not throttle.allow_request(request, None):
        return too_many_requests(request, int(throttle.wait() or 60))
    found = KINDS[kind]
    rows = iter(found.select(request))
    serializer = found.serializer()
    query = request.GET.urlencode()
    source = absolute(reverse(found.page) + (f"?{query}" if query else ""))
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_lines(serializer, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            json_chunks(serializer, rows, source), content_type="application/json"
        )
    response["Content-Disposition"] = f'attachment; filename="scn-{kind}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
