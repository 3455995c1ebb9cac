"""The search page matches stories by one upper-cased column (scn_portal/searchable.py),
with one trigram index on it, in place of one index per field."""

from django.db import migrations

from scn_portal.migration_ops import DropTrigramIndexes, TrigramIndexes, search_text_field


class Migration(migrations.Migration):
    dependencies = [("news", "0002_search_indexes")]

    operations = [
        migrations.AddField(
            model_name="story",
            name="search_text",
            field=search_text_field("title", "standfirst", "body"),
        ),
        TrigramIndexes("news_story", ["search_text"], folded=True),
        DropTrigramIndexes("news_story", ["title", "standfirst", "body"]),
    ]
