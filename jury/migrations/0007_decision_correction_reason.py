"""A decision recorded after the results were published is a correction, with its reason."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('jury', '0006_jury_records_outlive_accounts'),
    ]

    operations = [
        migrations.AddField(
            model_name='decision',
            name='correction_reason',
            field=models.TextField(blank=True, help_text='Pour une décision enregistrée après la publication des résultats.', verbose_name='motif de la correction'),
        ),
    ]
