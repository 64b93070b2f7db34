"""Jurors no longer use the Wagtail admin: the "Jurés" group, which gave them admin access, goes.

Backwards, the group comes back with admin access for everyone who sits on a jury.
"""

from django.db import migrations

JURORS_GROUP = "Jurés"


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=JURORS_GROUP).delete()


def restore_group(apps, schema_editor):
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=JURORS_GROUP)
    access = apps.get_model("auth", "Permission").objects.filter(content_type__app_label="wagtailadmin",
                                                                 codename="access_admin").first()
    if access is not None:
        group.permissions.add(access)
    users = apps.get_model("jury", "JuryMember").objects.values_list("user_id", flat=True).distinct()
    group.user_set.add(*users)


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("jury", "0003_round_criteria"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(remove_group, restore_group),
    ]
