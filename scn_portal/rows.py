"""What a template draws many times a page (map marks, facet values) is given as a Row; the
short lists of a page (a city's organisations and practitioners, a hub's news and events) are
read together as rows of one shape, in one query."""

from django.db import connection
from django.db.models import (
    Aggregate,
    CharField,
    Count,
    F,
    IntegerField,
    JSONField,
    OuterRef,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, JSONObject


class Row(dict):
    """A dict whose keys also read as attributes, for values a template draws by the
    hundred. Django's templates try `value[key]` before `value.key`: on a dict the first try
    succeeds, where an object's costs an exception, so a list of rows draws in about half the
    time a list of objects takes."""

    __slots__ = ()

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


ROW_COLUMNS = ("row_kind", "row_key", "row_label", "row_info", "row_more", "row_num")


def rows_of(queryset, kind, label="name", info=None, more=None, num=None):
    """`queryset` as rows of one shape (kind, slug, label, two more texts, a number), so
    several short lists of a page come from ONE query: see `union_of`."""
    empty = Value("", output_field=CharField())
    if hasattr(queryset, "rewrite"):
        # A model with texts per language (modeltranslation): its column order kept as
        # written, as a UNION needs; `label` says which language to read.
        queryset = queryset.rewrite(False)
    return (
        queryset.order_by()
        .annotate(
            row_kind=Value(kind, output_field=CharField()),
            row_key=F("slug"),
            row_label=F(label) if isinstance(label, str) else label,
            row_info=info if info is not None else empty,
            row_more=more if more is not None else empty,
            row_num=num if num is not None else Value(0, output_field=IntegerField()),
        )
        .values_list(*ROW_COLUMNS)
    )


def union_of(*branches):
    """Run the branches (from `rows_of`) as one UNION ALL query: {kind: [row, ...]}, each
    row (slug, label, info, more, num), in no particular order."""
    lists = {}
    for kind, *row in branches[0].union(*branches[1:], all=True):
        lists.setdefault(kind, []).append(row)
    return lists


def by_label(rows):
    return sorted(rows, key=lambda row: (row[1].casefold(), row[0]))


class JSONList(Aggregate):
    """The values of a group as one JSON list: json_group_array on SQLite, jsonb_agg on
    PostgreSQL."""

    function = "JSON_GROUP_ARRAY"

    def __init__(self, expression, **extra):
        super().__init__(expression, output_field=JSONField(), **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def json_list(related, owner, **fields):
    """For each outer row (OuterRef "pk"), the rows of `related` (a queryset) whose `owner`
    field is that row, as one JSON list of objects with `fields` ({key: field name or
    expression}), read in the outer row's query; None when there are none."""
    return Subquery(
        related.filter(**{owner: OuterRef("pk")})
        .order_by()
        .values(owner)
        .annotate(items=JSONList(JSONObject(**fields)))
        .values("items"),
        output_field=JSONField(),
    )


def ids_of(queryset):
    """The ids of `queryset`, in no order, as a list. On PostgreSQL they are read as one
    array in one row: a row per id cost Django and psycopg about half a microsecond each
    (2.7 ms of CPU against 0.5 for the 6,000 practices a common text query matches at
    100,000)."""
    queryset = queryset.order_by().values("pk")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.aggregates import ArrayAgg

        return queryset.aggregate(ids=ArrayAgg("pk"))["ids"] or []
    return [row["pk"] for row in queryset]


def count_of(related, owner):
    """How many rows of `related` (a queryset) each row of the outer queryset owns through
    its field `owner`: an integer (0 for none) counted in a subquery for the rows read alone,
    not a join and GROUP BY over every row before a list sorts and slices them. It stays
    right whatever the outer queryset's own filters join in."""
    counted = (
        related.filter(**{owner: OuterRef("pk")})
        .order_by()
        .values(owner)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
