"""Moderators name themes and focus areas in the other languages too (TagName, edited on a
tag's page): view, add and change; deleting stays with superusers."""

from importlib import import_module

from django.db import migrations

# The permissions are made and looked up as 0003 does it.
earlier = import_module("scn_portal.migrations.0003_moderators_edit_faq_and_tags")
PERMISSIONS = [
    ("scn_portal", "view_tagname"),
    ("scn_portal", "add_tagname"),
    ("scn_portal", "change_tagname"),
]


def _permissions(apps):
    earlier._permissions(apps)  # creates every model's permissions, TagName's included
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in PERMISSIONS
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=earlier.GROUP_NAME)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=earlier.GROUP_NAME):
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("scn_portal", "0007_tag_names")]

    operations = [migrations.RunPython(grant, revoke)]
