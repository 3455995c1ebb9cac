"""The forms of violent extremism a practice can address: reference data for the facets."""

from django.db import migrations

FORMS = [
    ("far-right", "Far-right"),
    ("islamist", "Islamist"),
    ("ethno-nationalist", "Ethno-nationalist or separatist"),
    ("anti-government", "Anti-government"),
    ("far-left", "Far-left"),
    ("misogynist", "Misogynist (incel)"),
    ("mixed-unclear", "Mixed or unclear ideology"),
]


def add_forms(apps, schema_editor):
    ExtremismForm = apps.get_model("practices", "ExtremismForm")
    for order, (slug, name) in enumerate(FORMS):
        ExtremismForm.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("practices", "0002_initial")]

    operations = [migrations.RunPython(add_forms, migrations.RunPython.noop)]
