"""The table of e-mail requests that the labels' limits count (labels/limits.py, labels/email_quota.py)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('labels', '0008_coeditor_invitation_tokens'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='EmailRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('inscription', 'Inscription'), ('mot-de-passe', 'Mot de passe oublié'), ('invitation', 'Invitation à co-rédiger'), ('accuse', 'Accusé de réception')], max_length=16, verbose_name='type')),
                ('recipient', models.CharField(blank=True, max_length=64)),
                ('client_ip', models.CharField(blank=True, max_length=64)),
                ('at', models.DateTimeField(verbose_name='le')),
                ('account', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': "demande d'e-mail",
                'indexes': [models.Index(fields=['kind', 'at'], name='labels_emai_kind_184fd6_idx'), models.Index(fields=['at'], name='labels_emai_at_710014_idx')],
            },
        ),
    ]
