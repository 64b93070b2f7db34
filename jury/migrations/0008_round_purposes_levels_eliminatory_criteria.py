"""Rounds get a purpose and decisions a round (the columns; the next migration fills them).

The rows are written in a migration of their own: on PostgreSQL, the index of the
new foreign key is created when the migration's schema editor closes, and a table
with row changes pending in the same transaction cannot be indexed.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('jury', '0007_decision_correction_reason'),
        ('labels', '0012_jury_settings_levels_eliminatory_criteria'),
    ]

    operations = [
        migrations.AddField(
            model_name='decision',
            name='level',
            field=models.CharField(blank=True, help_text="Le niveau d'un lauréat, parmi ceux de la campagne.", max_length=60, verbose_name='niveau'),
        ),
        migrations.AddField(
            model_name='decision',
            name='override_reason',
            field=models.TextField(blank=True, help_text='Pourquoi un dossier éliminé sur un critère reçoit tout de même un niveau de lauréat.', verbose_name='motif de dérogation'),
        ),
        migrations.AddField(
            model_name='decision',
            name='round',
            field=models.ForeignKey(blank=True, help_text="Le tour qui a décidé ; vide pour une décision d'avant les objets de tour.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='decisions', to='jury.juryround', verbose_name='tour'),
        ),
        migrations.AddField(
            model_name='juryround',
            name='purpose',
            field=models.CharField(choices=[('preselection', 'Présélection'), ('finale', 'Finale')], default='finale', help_text='Présélection : « retenu pour la finale » ou « non retenu ». Finale : les niveaux de la campagne, la mention spéciale ou « non retenu » ; ses dossiers sont exactement ceux que la présélection a retenus.', max_length=16, verbose_name='objet du tour'),
        ),
        migrations.AddField(
            model_name='roundcriterion',
            name='eliminatory',
            field=models.BooleanField(default=False, verbose_name='éliminatoire'),
        ),
        migrations.AddField(
            model_name='roundcriterion',
            name='eliminatory_threshold',
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='seuil éliminatoire'),
        ),
        migrations.AlterField(
            model_name='decision',
            name='outcome',
            field=models.CharField(choices=[('finale', 'Retenu pour la finale'), ('laureat', 'Lauréat'), ('mention', 'Mention spéciale'), ('non-retenu', 'Non retenu')], max_length=16, verbose_name='décision'),
        ),
        migrations.AlterField(
            model_name='juryround',
            name='shortlist',
            field=models.ManyToManyField(blank=True, help_text='Tour 2 : les candidatures que la présélection a retenues pour la finale, tenue à jour par ses décisions.', related_name='shortlisted_in', to='labels.application', verbose_name='présélection'),
        ),
        migrations.AddConstraint(
            model_name='juryround',
            constraint=models.CheckConstraint(condition=models.Q(('purpose', 'finale'), ('number', 1), _connector='OR'), name='jury_juryround_preselection_is_round_1'),
        ),
    ]
