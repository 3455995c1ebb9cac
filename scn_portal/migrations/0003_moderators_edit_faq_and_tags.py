"""Moderators edit any content (DESIGN.md), so also the FAQ and the tags (themes, focus areas,
expertise): view, add and change them; deleting stays with superusers."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Moderators"
PERMISSIONS = [
    ("scn_portal", "view_faqentry"),
    ("scn_portal", "add_faqentry"),
    ("scn_portal", "change_faqentry"),
    ("taggit", "view_tag"),
    ("taggit", "add_tag"),
    ("taggit", "change_tag"),
]


def _permissions(apps):
    for app_config in apps.get_app_configs():
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = previous or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = previous
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in PERMISSIONS
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=GROUP_NAME):
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("scn_portal", "0002_moderators_group"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
