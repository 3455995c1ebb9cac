"""Moderators handle the inboxes, so they also answer people's requests about their data:
find, export and erase what the portal holds under an email address, and read the trail."""

from importlib import import_module

from django.db import migrations

earlier = import_module("scn_portal.migrations.0003_moderators_edit_faq_and_tags")
PERMISSIONS = [
    ("privacy", "handle_personal_data"),
    ("privacy", "view_privacyaction"),
    ("cities", "view_visibilitychange"),
]


def _permissions(apps):
    earlier._permissions(apps)
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
        ("privacy", "0001_initial"),
        ("scn_portal", "0010_moderators_news_events_resources"),
        ("cities", "0006_visibility_changes"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
