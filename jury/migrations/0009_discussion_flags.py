"""Staff add a file to the "à discuter" list or remove it, with a note, kept as a log."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('jury', '0009_past_decisions_get_their_rounds'),
        ('labels', '0012_jury_settings_levels_eliminatory_criteria'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DiscussionFlag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('to_discuss', models.BooleanField(verbose_name='à discuter')),
                ('note', models.TextField(verbose_name='note')),
                ('flagged_at', models.DateTimeField(verbose_name='le')),
                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='discussion_flags', to='labels.application', verbose_name='candidature')),
                ('flagged_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='par')),
                ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='discussion_flags', to='jury.juryround', verbose_name='tour')),
            ],
            options={
                'verbose_name': 'choix « à discuter »',
                'verbose_name_plural': 'choix « à discuter »',
                'ordering': ['flagged_at', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('note', ''), _negated=True), name='jury_discussionflag_note_required')],
            },
        ),
    ]
