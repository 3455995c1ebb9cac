"""Migration operations the apps share."""

from django.db.migrations.operations.base import Operation


class TrigramIndexes(Operation):
    """Trigram indexes (PostgreSQL's pg_trgm) on `columns` of `table`, for the search page's
    plain matching (Django's icontains: UPPER(column) LIKE UPPER('%word%')), which without
    one reads the whole table for every search. Nothing happens on other databases."""

    reversible = True
    reduces_to_sql = False

    def __init__(self, table, columns):
        self.table = table
        self.columns = list(columns)

    def deconstruct(self):
        return (self.__class__.__name__, [self.table, self.columns], {})

    def state_forwards(self, app_label, state):
        pass

    def _names(self):
        return [(column, f"{self.table}_{column}_trgm") for column in self.columns]

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        quote = schema_editor.quote_name
        for column, name in self._names():
            # No pending list (fastupdate off): these tables change rarely, and a pending
            # list left by a bulk load makes every search read it until the next vacuum.
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(self.table)} "
                f"USING GIN (UPPER({quote(column)}::text) gin_trgm_ops) WITH (fastupdate = off)"
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        for _column, name in self._names():
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    def describe(self):
        return f"Trigram indexes on {self.table} ({', '.join(self.columns)}), PostgreSQL only"

    @property
    def migration_name_fragment(self):
        return f"{self.table}_trigram"
