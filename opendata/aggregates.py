"""Reading the lists a record carries (themes, cities, attachments) in the same query as the
record: columns from `scn_portal.rows.json_list`, one JSON list per row; and selecting rows by
a long list of ids with one parameter."""

import json

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL


def items(value, key="name"):
    """A `json_list` column as a list of dicts, ordered by `key` (the database aggregates in
    no particular order)."""
    if value is None:
        return []
    if isinstance(value, str):
        value = json.loads(value)
    return sorted(value, key=lambda item: (str(item.get(key) or "").casefold(), str(item)))


def id_in(ids, column="pk"):
    """A condition: `column` is one of `ids`, however many (one parameter: an array on
    PostgreSQL, a JSON list read by json_each on SQLite, whose statements take at most some
    thousands of parameters)."""
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return Q(**{f"{column}__in": RawSQL("SELECT unnest(%s::bigint[])", [ids])})
    return Q(**{f"{column}__in": RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])})
