"""`migrate` is enough: the table of every database cache in settings.CACHES (`scn_cache` by
default) is made here, as `createcachetable` makes it, so `load_demo_data` and the first
request find it. A table that already exists is kept; with Redis as the cache there is
nothing to make. Going back leaves the table: it holds only what can be computed again."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # Without a schema editor (test fixtures replaying data migrations): the default database.
    alias = schema_editor.connection.alias if schema_editor is not None else "default"
    call_command("createcachetable", database=alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("scn_portal", "0003_moderators_edit_faq_and_tags")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
