"""Each search document carries its practice's language as a lexeme no text gives
(practices/search.py: LANGUAGE_MARK), so that the full-text index alone finds the practice
matching a query read in its own language: the documents are built again. PostgreSQL only."""

from django.db import connections, migrations


def rebuild(apps, schema_editor):
    # schema_editor is None when tests re-apply the reference data (tests/e2e/conftest.py).
    connection = schema_editor.connection if schema_editor is not None else connections["default"]
    if connection.vendor != "postgresql":
        return
    if not apps.get_model("practices", "Practice").objects.using(connection.alias).exists():
        return
    from practices.search import refresh_documents

    refresh_documents(using=connection.alias)


class Migration(migrations.Migration):
    dependencies = [("practices", "0011_translations")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop, elidable=True)]
