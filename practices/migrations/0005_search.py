"""Full-text search on PostgreSQL: pg_trgm, the practice table's weighted `search_document`
column with its GIN index, and the table of known words (trigram-indexed) that misspelt
words are corrected from. Nothing happens on other databases: the model has no such field,
and practices/search.py uses plain matching there."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE practices_practice ADD COLUMN IF NOT EXISTS search_document tsvector",
    "CREATE INDEX IF NOT EXISTS practice_search_document ON practices_practice "
    "USING GIN (search_document)",
    "CREATE TABLE IF NOT EXISTS practices_searchword (word varchar(60) PRIMARY KEY)",
    "CREATE INDEX IF NOT EXISTS practices_searchword_trgm ON practices_searchword "
    "USING GIN (word gin_trgm_ops)",
]
BACKWARD = [
    "DROP TABLE IF EXISTS practices_searchword",
    "DROP INDEX IF EXISTS practice_search_document",
    "ALTER TABLE practices_practice DROP COLUMN IF EXISTS search_document",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)
        if statements is FORWARD:
            from practices.search import refresh_documents

            refresh_documents(using=schema_editor.connection.alias)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0004_city_optional_for_drafts"),
    ]

    operations = [
        migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False),
    ]
