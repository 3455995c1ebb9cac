"""The search page matches cities, organisations and practitioners by one upper-cased
column each (scn_portal/searchable.py), with one trigram index on it; the indexes on the
fields it used to read one by one go, but for those the directories' own text filters use
(city and organisation names, practitioners' names and roles)."""

from django.db import migrations

from scn_portal.migration_ops import DropTrigramIndexes, TrigramIndexes, search_text_field


class Migration(migrations.Migration):
    dependencies = [("cities", "0006_visibility_changes"), ("practices", "0005_search")]

    operations = [
        migrations.AddField(
            model_name="city",
            name="search_text",
            field=search_text_field("name", "profile", "description"),
        ),
        migrations.AddField(
            model_name="partnerorganisation",
            name="search_text",
            field=search_text_field("name", "description"),
        ),
        migrations.AddField(
            model_name="practitioner",
            name="search_text",
            field=search_text_field("full_name", "role_title", "bio"),
        ),
        TrigramIndexes("cities_city", ["search_text"], folded=True),
        TrigramIndexes("cities_partnerorganisation", ["search_text"], folded=True),
        TrigramIndexes("cities_practitioner", ["search_text"], folded=True),
        DropTrigramIndexes("cities_city", ["profile", "description"]),
        DropTrigramIndexes("cities_partnerorganisation", ["description"]),
        DropTrigramIndexes("cities_practitioner", ["bio"]),
    ]
