"""Co-editors bound to the account that accepted a single-use invitation link, instead of matched by address.

Existing rows were never bound to an account (access followed any account with
the invited address), so none is kept as a co-editor: each becomes an
invitation without a link (no token, no expiry), which grants nothing and is
listed to the owner as expired until they invite the address again, which
e-mails a new link. No data step is needed: the new columns' empty values say
exactly that.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('labels', '0007_reference_series_per_label_and_year'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='coeditor',
            name='accepted_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='acceptée le'),
        ),
        migrations.AddField(
            model_name='coeditor',
            name='expires_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name="invitation valable jusqu'au"),
        ),
        migrations.AddField(
            model_name='coeditor',
            name='token_hash',
            field=models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True),
        ),
        migrations.AddField(
            model_name='coeditor',
            name='user',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='compte'),
        ),
        migrations.AlterField(
            model_name='applicationevent',
            name='kind',
            field=models.CharField(choices=[('created', 'Brouillon créé'), ('submitted', 'Déposée'), ('resubmitted', 'Déposée à nouveau'), ('withdrawn', 'Retirée'), ('reopened', "Rouverte pour complément d'information"), ('ineligible', 'Déclarée irrecevable'), ('anonymised', 'Anonymisée'), ('coeditor', 'Co-rédacteur invité'), ('coeditor-joined', 'Invitation de co-rédaction acceptée')], max_length=16, verbose_name='événement'),
        ),
        migrations.AlterField(
            model_name='coeditor',
            name='email',
            field=models.EmailField(max_length=254, verbose_name='adresse e-mail invitée'),
        ),
        migrations.AddConstraint(
            model_name='coeditor',
            constraint=models.UniqueConstraint(fields=('application', 'user'), name='labels_coeditor_unique_account'),
        ),
    ]
