"""`migrate` is enough: a migration makes the database cache's table, as `createcachetable`
does, so `load_demo_data` and the first request after `manage.py migrate` find it."""

import importlib
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

pytestmark = pytest.mark.django_db

cache_table_migration = importlib.import_module("scn_portal.migrations.0004_cache_table")
TABLE = "scn_cache"


@pytest.fixture
def database_cache(settings):
    """The default cache in the database, as without CACHE_URL, whatever the environment."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": TABLE}
    }
    return caches["default"]


def test_the_migrations_make_the_cache_table(database_cache):
    applied = MigrationRecorder(connection).applied_migrations()
    assert ("scn_portal", "0004_cache_table") in applied
    assert TABLE in connection.introspection.table_names()
    database_cache.set("greeting", {"hello": "world"}, 60)
    assert database_cache.get("greeting") == {"hello": "world"}


def test_the_migration_makes_a_missing_cache_table_and_keeps_an_existing_one(database_cache):
    # The test database also runs createcachetable after migrating, so drop what it made;
    # the test's transaction puts it back afterwards.
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {connection.ops.quote_name(TABLE)}")
    assert TABLE not in connection.introspection.table_names()

    schema_editor = SimpleNamespace(connection=connection)
    cache_table_migration.create_cache_tables(None, schema_editor)
    database_cache.set("kept", "yes", 60)
    cache_table_migration.create_cache_tables(None, schema_editor)  # exists: kept as it is

    assert TABLE in connection.introspection.table_names()
    assert database_cache.get("kept") == "yes"
