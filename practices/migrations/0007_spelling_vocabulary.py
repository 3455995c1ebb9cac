"""The spelling vocabulary becomes two tables of its own on every database: the words of
published practice with their counts, and the words each published practice gave. The
PostgreSQL-only table it replaces held the words of every practice, whatever its status, and
never lost one."""

import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models


def drop_old_table(apps, schema_editor):
    # Without a schema editor (test fixtures re-running data migrations) the tables are the
    # new ones already: nothing to drop.
    if schema_editor is not None and schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS practices_searchword")


def count_words(apps, schema_editor):
    # The vocabulary's own code, which reads only the title, summary, themes and status.
    from practices import spelling

    spelling.refresh()


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0006_perf_indexes"),
    ]

    operations = [
        migrations.RunPython(drop_old_table, migrations.RunPython.noop, elidable=False),
        migrations.CreateModel(
            name="PracticeWords",
            fields=[
                (
                    "practice",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="practices.practice",
                    ),
                ),
                ("words", models.TextField(blank=True)),
            ],
            options={
                "verbose_name": "words of a practice",
                "verbose_name_plural": "words of practices",
            },
        ),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                (
                    "word",
                    models.CharField(
                        max_length=60, primary_key=True, serialize=False, verbose_name="word"
                    ),
                ),
                (
                    "practices",
                    models.PositiveIntegerField(
                        default=0, verbose_name="published practices carrying it"
                    ),
                ),
            ],
            options={
                "verbose_name": "search word",
                "verbose_name_plural": "search words",
                "indexes": [
                    models.Index(
                        django.db.models.functions.text.Length("word"), name="searchword_length"
                    )
                ],
            },
        ),
        migrations.RunPython(count_words, migrations.RunPython.noop),
    ]
