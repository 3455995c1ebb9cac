"""The network's world regions: reference data every installation needs."""

from django.db import migrations

REGIONS = [
    ("africa", "Africa"),
    ("asia-pacific", "Asia-Pacific"),
    ("europe", "Europe"),
    ("latin-america-caribbean", "Latin America and the Caribbean"),
    ("middle-east-north-africa", "Middle East and North Africa"),
    ("north-america", "North America"),
    ("central-asia", "Central Asia"),
]


def add_regions(apps, schema_editor):
    Region = apps.get_model("cities", "Region")
    for order, (slug, name) in enumerate(REGIONS):
        Region.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("cities", "0002_initial")]

    operations = [migrations.RunPython(add_regions, migrations.RunPython.noop)]
