"""Migration operations the apps share."""

from django.db import models
from django.db.migrations.operations.base import Operation
from django.db.models import F, Value
from django.db.models.functions import Concat, Upper


def search_text_field(*fields):
    """The `search_text` field as the `search_text` migrations made it (`fields`, upper-cased
    and joined by a line break: scn_portal/searchable.py), kept here unchanged so that those
    migrations do the same whatever the model's helper later becomes."""
    parts = []
    for name in fields:
        parts += [F(name), Value("\n")]
    return models.GeneratedField(
        expression=Upper(Concat(*parts[:-1], output_field=models.TextField())),
        output_field=models.TextField(),
        db_persist=True,
        verbose_name="searched text",
    )


class TrigramIndexes(Operation):
    """Trigram indexes (PostgreSQL's pg_trgm) on `columns` of `table`, for plain matching
    (Django's icontains: UPPER(column) LIKE UPPER('%word%')), which without one reads the
    whole table for every search. With `folded`, on the columns as they are: columns kept
    upper-cased, matched with LIKE UPPER('%word%') (scn_portal/searchable.py). Nothing
    happens on other databases."""

    reversible = True
    reduces_to_sql = False

    def __init__(self, table, columns, folded=False):
        self.table = table
        self.columns = list(columns)
        self.folded = folded

    def deconstruct(self):
        kwargs = {"folded": True} if self.folded else {}
        return (self.__class__.__name__, [self.table, self.columns], kwargs)

    def state_forwards(self, app_label, state):
        pass

    def _names(self):
        return [(column, f"{self.table}_{column}_trgm") for column in self.columns]

    def _create(self, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        quote = schema_editor.quote_name
        for column, name in self._names():
            indexed = quote(column) if self.folded else f"UPPER({quote(column)}::text)"
            # No pending list (fastupdate off): these tables change rarely, and a pending
            # list left by a bulk load makes every search read it until the next vacuum.
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(self.table)} "
                f"USING GIN ({indexed} gin_trgm_ops) WITH (fastupdate = off)"
            )

    def _drop(self, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for _column, name in self._names():
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._create(schema_editor)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._drop(schema_editor)

    def describe(self):
        return f"Trigram indexes on {self.table} ({', '.join(self.columns)}), PostgreSQL only"

    @property
    def migration_name_fragment(self):
        return f"{self.table}_trigram"


class DropTrigramIndexes(TrigramIndexes):
    """The trigram indexes TrigramIndexes(table, columns) made, dropped (made again when
    the migration is reversed)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._drop(schema_editor)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._create(schema_editor)

    def describe(self):
        return f"Drop trigram indexes on {self.table} ({', '.join(self.columns)}), PostgreSQL only"

    @property
    def migration_name_fragment(self):
        return f"{self.table}_drop_trigram"
