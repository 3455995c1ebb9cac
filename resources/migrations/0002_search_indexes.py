"""Trigram indexes for the search page's matching of resource by title, summary (PostgreSQL)."""

from django.db import migrations

from scn_portal.migration_ops import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial"), ("practices", "0005_search")]

    operations = [TrigramIndexes("resources_resource", ["title", "summary"])]
