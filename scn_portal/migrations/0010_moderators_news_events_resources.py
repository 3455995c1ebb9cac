"""Moderators handle what the network publishes beyond case studies, with the same limits:
write and publish news stories and events, review and publish resources (members' suggestions
included) and see their history, handle members' interest in events (an inbox), and keep the
regional hubs' pages (a region's hub name, introduction, team and address). Deleting stays
with superusers."""

from importlib import import_module

from django.db import migrations

# The permissions are made and looked up as 0003 does it.
earlier = import_module("scn_portal.migrations.0003_moderators_edit_faq_and_tags")
PERMISSIONS = [
    ("news", "view_story"),
    ("news", "add_story"),
    ("news", "change_story"),
    ("events", "view_event"),
    ("events", "add_event"),
    ("events", "change_event"),
    ("events", "view_interest"),
    ("events", "change_interest"),
    ("resources", "view_resource"),
    ("resources", "add_resource"),
    ("resources", "change_resource"),
    ("resources", "moderate_resource"),
    ("resources", "view_resourcestatuschange"),
    ("cities", "change_region"),
]


def _permissions(apps):
    earlier._permissions(apps)  # creates every model's permissions, the new apps' included
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
    dependencies = [
        ("scn_portal", "0009_contactmessage_region"),
        ("news", "0001_initial"),
        ("events", "0001_initial"),
        ("resources", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
