"""The "Moderators" group: staff who review practice and handle the inboxes.

Exactly what moderation needs (issue 5): review and edit practice and its attachments, see
its history; edit cities, partner organisations and practitioners; handle contact messages,
membership applications and messages to practitioners; see the reference lists (regions,
forms of extremism). Nothing on users or groups, and no deleting of content except a
practice's attachments.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Moderators"

PERMISSIONS = {
    "practices": {
        "practice": ["view", "change", "moderate"],
        "attachment": ["view", "change", "delete"],
        "statuschange": ["view"],
        "extremismform": ["view"],
    },
    "cities": {
        "city": ["view", "add", "change"],
        "partnerorganisation": ["view", "add", "change"],
        "practitioner": ["view", "add", "change"],
        "region": ["view"],
        "membershipapplication": ["view", "change"],
        "practitionermessage": ["view", "change"],
    },
    "scn_portal": {
        "contactmessage": ["view", "change"],
    },
}


def codenames():
    for app_label, models in PERMISSIONS.items():
        for model, actions in models.items():
            for action in actions:
                yield app_label, f"{action}_{model}"


def create_group(apps, schema_editor):
    # On a fresh database the permissions are created only after all migrations; make them
    # now so that the group can refer to them. (The browser tests re-run this with the real
    # app registry, hence the restoring of models_module.)
    for app_config in apps.get_app_configs():
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = previous or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = previous

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in codenames()
    ]
    group.permissions.set(permissions)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("scn_portal", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cities", "0003_regions"),
        ("practices", "0004_city_optional_for_drafts"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
