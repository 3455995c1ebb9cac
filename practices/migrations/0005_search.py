"""Full-text search on PostgreSQL: pg_trgm, the practice table's weighted `search_document`
column with its GIN index, the table of known words (trigram-indexed) that misspelt words
are corrected from, and trigram indexes for the plain matching of cities, organisations and
practitioners. Nothing happens on other databases: the model has no such field,
and practices/search.py uses plain matching there."""

from django.db import connections, migrations

# The fields the search page matches cities, organisations and practitioners by (Django's
# icontains: UPPER(field) LIKE UPPER('%word%')), each with a trigram index for that.
SMALL_TABLE_FIELDS = [
    ("cities_city", "name"),
    ("cities_city", "profile"),
    ("cities_city", "description"),
    ("cities_partnerorganisation", "name"),
    ("cities_partnerorganisation", "description"),
    ("cities_practitioner", "full_name"),
    ("cities_practitioner", "role_title"),
    ("cities_practitioner", "bio"),
]
# The GIN indexes have no pending list (fastupdate off): the library changes rarely, and a
# pending list left by a bulk load makes every search read it until the next vacuum.
FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE practices_practice ADD COLUMN IF NOT EXISTS search_document tsvector",
    # Kept in the row (compressed) rather than in the TOAST table: ranking reads the
    # document of every match, and a TOAST fetch per row costs several times more.
    "ALTER TABLE practices_practice ALTER COLUMN search_document SET STORAGE MAIN",
    "CREATE INDEX IF NOT EXISTS practice_search_document ON practices_practice "
    "USING GIN (search_document) WITH (fastupdate = off)",
    *(
        f"CREATE INDEX IF NOT EXISTS {table}_{column}_trgm ON {table} "
        f"USING GIN (UPPER({column}::text) gin_trgm_ops) WITH (fastupdate = off)"
        for table, column in SMALL_TABLE_FIELDS
    ),
    "CREATE TABLE IF NOT EXISTS practices_searchword (word varchar(60) PRIMARY KEY)",
    "CREATE INDEX IF NOT EXISTS practices_searchword_trgm ON practices_searchword "
    "USING GIN (word gin_trgm_ops) WITH (fastupdate = off)",
]
BACKWARD = [
    *(f"DROP INDEX IF EXISTS {table}_{column}_trgm" for table, column in SMALL_TABLE_FIELDS),
    "DROP TABLE IF EXISTS practices_searchword",
    "DROP INDEX IF EXISTS practice_search_document",
    "ALTER TABLE practices_practice DROP COLUMN IF EXISTS search_document",
]


def _run(statements):
    def run(apps, schema_editor):
        # Without a schema editor (test fixtures re-running data migrations): the default
        # database; every statement may run again.
        connection = schema_editor.connection if schema_editor is not None else connections["default"]
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        if statements is FORWARD:
            from practices.search import refresh_documents

            refresh_documents(using=connection.alias)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0004_city_optional_for_drafts"),
        ("cities", "0003_regions"),
    ]

    operations = [
        migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False),
    ]
