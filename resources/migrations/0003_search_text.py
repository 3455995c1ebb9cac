"""The search page matches resources by one upper-cased column (scn_portal/searchable.py),
with one trigram index on it. The hub's own text filter still reads the title and the
summary through their indexes."""

from django.db import migrations

from scn_portal.migration_ops import TrigramIndexes, search_text_field


class Migration(migrations.Migration):
    dependencies = [("resources", "0002_search_indexes")]

    operations = [
        migrations.AddField(
            model_name="resource",
            name="search_text",
            field=search_text_field("title", "summary"),
        ),
        TrigramIndexes("resources_resource", ["search_text"], folded=True),
    ]
