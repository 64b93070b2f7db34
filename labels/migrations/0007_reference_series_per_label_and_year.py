"""References numbered in one series per label and year instead of one per campaign.

The per-campaign counters are renamed out of the way, the series counters are
created, each series starts after the highest number its campaigns' counters
or their applications' references reached, and the old counters go.
"""

import re

from django.db import migrations, models

# The prefixes of labels.models.pages.REFERENCE_PREFIXES when this migration was written.
PREFIXES = {"territoire-innovant": "TI", "startup-interconnectee": "SI"}
REFERENCE = re.compile(r"^(?P<prefix>[A-Z]+)-(?P<year>\d{4})-(?P<number>\d+)$")


def merge_into_series(apps, schema_editor):
    CampaignReferenceCounter = apps.get_model("labels", "CampaignReferenceCounter")
    ReferenceCounter = apps.get_model("labels", "ReferenceCounter")
    Application = apps.get_model("labels", "Application")
    last = {}
    for counter in CampaignReferenceCounter.objects.select_related("campaign"):
        series = (PREFIXES.get(counter.campaign.label, "LB"), counter.campaign.year)
        last[series] = max(last.get(series, 0), counter.last_number)
    for reference in Application.objects.exclude(reference=None).values_list("reference", flat=True):
        match = REFERENCE.match(reference)
        if match:
            series = (match["prefix"], int(match["year"]))
            last[series] = max(last.get(series, 0), int(match["number"]))
    ReferenceCounter.objects.bulk_create(
        ReferenceCounter(prefix=prefix, year=year, last_number=number) for (prefix, year), number in last.items()
        if year is not None
    )


def split_into_campaigns(apps, schema_editor):
    """Going back: each campaign's counter goes on from its series' last number (no number is given twice)."""
    CampaignReferenceCounter = apps.get_model("labels", "CampaignReferenceCounter")
    ReferenceCounter = apps.get_model("labels", "ReferenceCounter")
    LabelCampaignPage = apps.get_model("labels", "LabelCampaignPage")
    last = {(c.prefix, c.year): c.last_number for c in ReferenceCounter.objects.all()}
    CampaignReferenceCounter.objects.bulk_create(
        CampaignReferenceCounter(campaign=campaign, last_number=last[series])
        for campaign in LabelCampaignPage.objects.all()
        if (series := (PREFIXES.get(campaign.label, "LB"), campaign.year)) in last
    )


class Migration(migrations.Migration):

    dependencies = [
        ("labels", "0006_base_page"),
    ]

    operations = [
        migrations.RenameModel("ReferenceCounter", "CampaignReferenceCounter"),
        migrations.CreateModel(
            name="ReferenceCounter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("prefix", models.CharField(max_length=4)),
                ("year", models.PositiveSmallIntegerField()),
                ("last_number", models.PositiveIntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("prefix", "year"), name="labels_reference_series_unique"),
                ],
            },
        ),
        migrations.RunPython(merge_into_series, split_into_campaigns),
        migrations.DeleteModel("CampaignReferenceCounter"),
    ]
