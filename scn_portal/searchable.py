"""Plain text matching for the site-wide search page's groups (cities, organisations,
practitioners, news, events, resources): a row matches a word when one of its searched
fields contains it, in any case.

Each searched model keeps its searched fields in one column, `search_text`, written by the
database whenever a row is saved: the fields upper-cased and joined by a line break. A
search reads that column with `LIKE UPPER('%word%')` through one trigram index, where
matching each field with Django's icontains (`UPPER(field) LIKE UPPER('%word%')`) computed
UPPER() of every field of every candidate row on every search: for a common word, 10 of
the 23 ms the groups' query took at 20,000 practices (docs/benchmarks.md). A word or
phrase never holds a line break (practices/search.py reads only word characters), so it
cannot match across two fields.
"""

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Concat, Upper
from django.db.models.lookups import IContains
from django.utils.translation import gettext_lazy as _

SEPARATOR = "\n"


def search_text_of(*fields):
    """A `search_text` field: `fields`, upper-cased and joined, kept by the database."""
    parts = []
    for name in fields:
        parts += [F(name), Value(SEPARATOR)]
    return models.GeneratedField(
        expression=Upper(Concat(*parts[:-1], output_field=models.TextField())),
        output_field=models.TextField(),
        db_persist=True,
        verbose_name=_("searched text"),
    )


class Holds(IContains):
    """`lhs` (a `search_text` column, already upper-cased) contains `rhs` in any case: the
    column is read as it is, and only the word is upper-cased (on PostgreSQL; SQLite's LIKE
    ignores the case of ASCII letters by itself, as it does for icontains)."""

    lookup_name = "holds"

    def get_rhs_op(self, connection, rhs):
        return connection.operators["icontains"] % rhs


def holding_all(queryset, parsed):
    """`queryset` narrowed to rows whose `search_text` holds every word and phrase of
    `parsed` (practices.search.ParsedQuery) and none of its -excluded words."""
    if not parsed:
        return queryset.none()
    for text in parsed.terms:
        queryset = queryset.filter(Holds(F("search_text"), text))
    for text in parsed.excluded:
        queryset = queryset.exclude(Holds(F("search_text"), text))
    return queryset
