import django.db.models.deletion
from django.db import migrations, models


def drop_links_to_other_pages(apps, schema_editor):
    """A link that points at a page of another type (possible while the field took any page) is no ceremony."""
    ForumLabelCampaign = apps.get_model("events", "ForumLabelCampaign")
    LabelCampaignPage = apps.get_model("labels", "LabelCampaignPage")
    ForumLabelCampaign.objects.exclude(campaign_id__in=LabelCampaignPage.objects.values("pk")).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0003_base_page"),
        ("labels", "0006_base_page"),
    ]

    operations = [
        migrations.RunPython(drop_links_to_other_pages, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="forumlabelcampaign",
            name="campaign",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="ceremony_links",
                                    to="labels.labelcampaignpage", verbose_name="campagne de label"),
        ),
    ]
