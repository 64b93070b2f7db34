"""Rounds get a purpose and decisions a round.

Round 1 of a campaign that has a round 2 becomes its preselection, every other
round a final. A decision recorded before rounds had purposes belongs to its
campaign's last round. The files on an existing round 2's shortlist get the
preselection's decision "retenu pour la finale" (recorded by nobody, at the close
of round 1, before any decision the file already had), so that the final's files
are exactly those the preselection retained. Nothing is deleted.
"""

import django.db.models.deletion
from django.db import migrations, models


import datetime


def give_purposes_and_rounds(apps, schema_editor):
    JuryRound = apps.get_model("jury", "JuryRound")
    Decision = apps.get_model("jury", "Decision")
    rounds = {}
    for jury_round in JuryRound.objects.order_by("campaign_id", "number"):
        rounds.setdefault(jury_round.campaign_id, []).append(jury_round)
    for campaign_rounds in rounds.values():
        first, last = campaign_rounds[0], campaign_rounds[-1]
        if len(campaign_rounds) > 1 and first.number == 1:
            first.purpose = "preselection"
            first.save(update_fields=["purpose"])
        Decision.objects.filter(application__campaign_id=first.campaign_id, round__isnull=True).update(round=last)
        if first.purpose != "preselection":
            continue
        for final in campaign_rounds[1:]:
            for application_id in final.shortlist.values_list("id", flat=True):
                earliest = (Decision.objects.filter(application_id=application_id).order_by("recorded_at")
                            .values_list("recorded_at", flat=True).first())
                when = first.closes_at if earliest is None else min(first.closes_at,
                                                                     earliest - datetime.timedelta(seconds=1))
                if not Decision.objects.filter(application_id=application_id, round=first).exists():
                    Decision.objects.create(application_id=application_id, round=first, outcome="finale",
                                            recorded_at=when, recorded_by=None)


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
        migrations.RunPython(give_purposes_and_rounds, migrations.RunPython.noop),
    ]
