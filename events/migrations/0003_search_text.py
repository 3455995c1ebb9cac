"""The search page matches events by one upper-cased column (scn_portal/searchable.py),
with one trigram index on it, in place of one index per field."""

from django.db import migrations

from scn_portal.migration_ops import DropTrigramIndexes, TrigramIndexes, search_text_field


class Migration(migrations.Migration):
    dependencies = [("events", "0002_search_indexes")]

    operations = [
        migrations.AddField(
            model_name="event",
            name="search_text",
            field=search_text_field("title", "summary", "description"),
        ),
        TrigramIndexes("events_event", ["search_text"], folded=True),
        DropTrigramIndexes("events_event", ["title", "summary", "description"]),
    ]
