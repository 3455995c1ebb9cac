"""Trigram indexes for the search page's matching of story by title, standfirst, body (PostgreSQL)."""

from django.db import migrations

from scn_portal.migration_ops import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial"), ("practices", "0005_search")]

    operations = [TrigramIndexes("news_story", ["title", "standfirst", "body"])]
