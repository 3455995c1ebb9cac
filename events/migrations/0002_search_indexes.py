"""Trigram indexes for the search page's matching of event by title, summary, description (PostgreSQL)."""

from django.db import migrations

from scn_portal.migration_ops import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("practices", "0005_search")]

    operations = [TrigramIndexes("events_event", ["title", "summary", "description"])]
