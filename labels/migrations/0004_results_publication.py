"""The results' publication moves out of the campaign page's revisions into its own table (`ResultsPublication`),
and the jury's public citation is kept on the application as published.

Existing publications are copied first (date, counts per outcome from the
published statuses; who published and how many e-mails were sent were not
recorded before), then the page's `results_published_at` column goes.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

PUBLISHED = {"laureat": "laureates", "mention": "mentions", "non-retenue": "not_selected"}


def copy_publications(apps, schema_editor):
    campaigns = apps.get_model("labels", "LabelCampaignPage")
    publications = apps.get_model("labels", "ResultsPublication")
    applications = apps.get_model("labels", "Application")
    decisions = apps.get_model("labels", "Decision")
    for campaign in campaigns.objects.filter(results_published_at__isnull=False).order_by("pk"):
        counts = dict.fromkeys(PUBLISHED.values(), 0)
        for application in applications.objects.filter(campaign_id=campaign.pk, status__in=list(PUBLISHED)):
            counts[PUBLISHED[application.status]] += 1
            if application.status in ("laureat", "mention"):
                application.published_citation = (
                    decisions.objects.filter(application_id=application.pk).order_by("-recorded_at", "-pk")
                    .values_list("citation", flat=True).first() or "")
                application.save(update_fields=["published_citation"])
        publications.objects.create(campaign_id=campaign.pk, published_at=campaign.results_published_at, **counts)


def restore_publication_dates(apps, schema_editor):
    campaigns = apps.get_model("labels", "LabelCampaignPage")
    for publication in apps.get_model("labels", "ResultsPublication").objects.all():
        campaigns.objects.filter(pk=publication.campaign_id).update(results_published_at=publication.published_at)


class Migration(migrations.Migration):

    dependencies = [
        ("labels", "0003_juryreminder"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ResultsPublication",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("published_at", models.DateTimeField(verbose_name="publiés le")),
                ("laureates", models.PositiveIntegerField(default=0, verbose_name="lauréats")),
                ("mentions", models.PositiveIntegerField(default=0, verbose_name="mentions spéciales")),
                ("not_selected", models.PositiveIntegerField(default=0, verbose_name="non retenues")),
                ("notified", models.PositiveIntegerField(blank=True, help_text="Vide pour une publication enregistrée avant la tenue de ce registre.", null=True, verbose_name="candidats prévenus par e-mail")),
                ("campaign", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="results_publication", to="labels.labelcampaignpage", verbose_name="campagne")),
                ("published_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="par")),
            ],
            options={
                "verbose_name": "publication des résultats",
                "verbose_name_plural": "publications des résultats",
            },
        ),
        migrations.AddField(
            model_name="application",
            name="published_citation",
            field=models.TextField(blank=True, help_text="La citation du jury telle que publiée avec les résultats (lauréats et mentions).", max_length=1200, verbose_name="citation publiée"),
        ),
        migrations.RunPython(copy_publications, restore_publication_dates),
        migrations.RemoveField(
            model_name="labelcampaignpage",
            name="results_published_at",
        ),
    ]
