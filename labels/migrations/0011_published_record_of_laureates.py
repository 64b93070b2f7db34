"""Laureates and mentions keep, as their public record, the organisation, title and summary of the version they
submitted (an edit made afterwards and never submitted is not public): copied here for results already published,
from each file's latest submitted version, else from its fields."""

from django.db import migrations, models


PUBLIC_STATUSES = ("laureat", "mention")
FIELDS = ("org_name", "title", "summary")


def copy_submitted_record(apps, schema_editor):
    Application = apps.get_model("labels", "Application")
    ApplicationVersion = apps.get_model("labels", "ApplicationVersion")
    applications = list(Application.objects.filter(status__in=PUBLIC_STATUSES))
    snapshots = {}
    for application_id, snapshot in (ApplicationVersion.objects.filter(application__in=applications)
                                     .order_by("application_id", "number").values_list("application_id", "snapshot")):
        snapshots[application_id] = snapshot or {}
    for application in applications:
        snapshot = snapshots.get(application.pk, {})
        for name in FIELDS:
            setattr(application, f"published_{name}", snapshot.get(name, getattr(application, name)) or "")
    Application.objects.bulk_update(applications, [f"published_{name}" for name in FIELDS])


class Migration(migrations.Migration):

    dependencies = [
        ('labels', '0010_inactivity_warnings'),
    ]

    operations = [
        migrations.AddField(
            model_name='application',
            name='published_org_name',
            field=models.CharField(blank=True, max_length=255, verbose_name='organisation publiée'),
        ),
        migrations.AddField(
            model_name='application',
            name='published_summary',
            field=models.TextField(blank=True, verbose_name='résumé publié'),
        ),
        migrations.AddField(
            model_name='application',
            name='published_title',
            field=models.CharField(blank=True, max_length=255, verbose_name='titre publié'),
        ),
        migrations.RunPython(copy_submitted_record, migrations.RunPython.noop),
    ]
