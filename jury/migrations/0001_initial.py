"""The jury's models, taken over from the `labels` app on their existing tables (state only: no row moves),
then their content types move from `labels` to `jury`, so that the permissions on them follow.

The tables keep their `labels_*` names here; `0002_jury_table_names` renames them.
"""

import django.db.models.deletion
import interconnectes.validators
from django.conf import settings
from django.db import migrations, models

MODELS = ["decision", "jurymember", "juryround", "conflictdeclaration", "assignment", "score", "scoresheet",
          "scoreunlock", "juryreminder"]


def move_content_types(apps, schema_editor, source="labels", target="jury"):
    """Move the models' content types (with their permissions) from one app label to the other.

    A fresh database has none yet (they are created after the migrations run); a content type already
    present under the target label is left as it is.
    """
    content_types = apps.get_model("contenttypes", "ContentType")
    taken = set(content_types.objects.filter(app_label=target, model__in=MODELS).values_list("model", flat=True))
    content_types.objects.filter(app_label=source, model__in=[name for name in MODELS if name not in taken]).update(
        app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="jury", target="labels")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('interconnectes', '0001_initial'),
        ('labels', '0005_jury_moves_to_its_app'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='Decision',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('outcome', models.CharField(choices=[('laureat', 'Lauréat'), ('mention', 'Mention spéciale'), ('non-retenu', 'Non retenu')], max_length=16, verbose_name='décision')),
                    ('citation', models.TextField(blank=True, max_length=1200, verbose_name='citation publique')),
                    ('feedback', models.TextField(blank=True, help_text='Synthèse approuvée par le jury, envoyée au candidat.', max_length=3000, verbose_name='retour au candidat')),
                    ('minutes', models.TextField(blank=True, verbose_name='procès-verbal')),
                    ('recorded_at', models.DateTimeField(verbose_name='enregistrée le')),
                    ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='decisions', to='labels.application', verbose_name='candidature')),
                    ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='par')),
                ],
                options={
                    'db_table': 'labels_decision',
                    'verbose_name': 'décision du jury',
                    'verbose_name_plural': 'décisions du jury',
                    'ordering': ['application', 'recorded_at', 'pk'],
                    'get_latest_by': ['recorded_at', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='JuryMember',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('role', models.CharField(choices=[('president', 'Président·e'), ('membre', 'Membre')], default='membre', max_length=16, verbose_name='rôle')),
                    ('siren', models.CharField(blank=True, help_text="Facultatif : SIREN de la structure du juré, si elle n'est pas une organisation connue.", max_length=9, validators=[interconnectes.validators.validate_siren], verbose_name='SIREN')),
                    ('campaign', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='jury_members', to='labels.labelcampaignpage', verbose_name='campagne')),
                    ('categories', models.ManyToManyField(blank=True, help_text='Pour la répartition par catégorie.', related_name='jury_members', to='labels.campaigncategory', verbose_name='catégories')),
                    ('organisation', models.ForeignKey(blank=True, help_text="Sert à signaler les conflits d'intérêts évidents.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='jury_memberships', to='interconnectes.organisation', verbose_name='organisation')),
                    ('person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='jury_memberships', to='interconnectes.person', verbose_name='fiche personne')),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='jury_memberships', to=settings.AUTH_USER_MODEL, verbose_name='compte')),
                ],
                options={
                    'db_table': 'labels_jurymember',
                    'constraints': [models.UniqueConstraint(fields=('campaign', 'user'), name='labels_jurymember_unique_user')],
                    'verbose_name': 'membre du jury',
                    'verbose_name_plural': 'membres du jury',
                    'ordering': ['campaign', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='JuryRound',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('number', models.PositiveSmallIntegerField(choices=[(1, 'Tour 1'), (2, 'Tour 2')], default=1, verbose_name='numéro')),
                    ('name', models.CharField(blank=True, max_length=120, verbose_name='nom')),
                    ('opens_at', models.DateTimeField(verbose_name='ouverture de la notation')),
                    ('closes_at', models.DateTimeField(verbose_name='clôture de la notation')),
                    ('deliberation_opens_at', models.DateTimeField(blank=True, help_text='À partir de cette date, chaque juré voit les notes des autres jurés.', null=True, verbose_name='ouverture de la délibération')),
                    ('jurors_per_application', models.PositiveSmallIntegerField(blank=True, help_text='Laisser vide pour que chaque juré note toutes les candidatures.', null=True, verbose_name='jurés par candidature')),
                    ('campaign', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='jury_rounds', to='labels.labelcampaignpage', verbose_name='campagne')),
                    ('criteria', models.ManyToManyField(blank=True, help_text='Laisser vide pour utiliser tous les critères de la campagne.', related_name='jury_rounds', to='labels.evaluationcriterion', verbose_name='critères')),
                    ('shortlist', models.ManyToManyField(blank=True, help_text='Tour 2 : les candidatures retenues pour ce tour.', related_name='shortlisted_in', to='labels.application', verbose_name='présélection')),
                ],
                options={
                    'db_table': 'labels_juryround',
                    'constraints': [models.UniqueConstraint(fields=('campaign', 'number'), name='labels_juryround_unique_number'), models.CheckConstraint(condition=models.Q(('closes_at__gt', models.F('opens_at'))), name='labels_juryround_closes_after_opens'), models.CheckConstraint(condition=models.Q(('number__in', [1, 2])), name='labels_juryround_number_1_or_2')],
                    'verbose_name': 'tour du jury',
                    'verbose_name_plural': 'tours du jury',
                    'ordering': ['campaign', 'number'],
                },
            ),
            migrations.CreateModel(
                name='ConflictDeclaration',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('has_conflict', models.BooleanField(verbose_name="conflit d'intérêts")),
                    ('reason', models.TextField(blank=True, verbose_name='motif')),
                    ('declared_at', models.DateTimeField(verbose_name='déclaré le')),
                    ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='conflict_declarations', to='labels.application', verbose_name='candidature')),
                    ('declared_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='par')),
                    ('juror', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='conflict_declarations', to='jury.jurymember', verbose_name='juré')),
                    ('round', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='conflict_declarations', to='jury.juryround', verbose_name='tour')),
                ],
                options={
                    'db_table': 'labels_conflictdeclaration',
                    'constraints': [models.CheckConstraint(condition=models.Q(('has_conflict', False), models.Q(('reason', ''), _negated=True), _connector='OR'), name='labels_conflict_reason_required')],
                    'verbose_name': "déclaration de conflit d'intérêts",
                    'verbose_name_plural': "déclarations de conflit d'intérêts",
                    'ordering': ['declared_at', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='Assignment',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('assigned_at', models.DateTimeField(auto_now_add=True, verbose_name='attribuée le')),
                    ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='jury_assignments', to='labels.application', verbose_name='candidature')),
                    ('assigned_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='par')),
                    ('juror', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='jury.jurymember', verbose_name='juré')),
                    ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='jury.juryround', verbose_name='tour')),
                ],
                options={
                    'db_table': 'labels_assignment',
                    'constraints': [models.UniqueConstraint(fields=('round', 'juror', 'application'), name='labels_assignment_unique')],
                    'verbose_name': 'attribution',
                    'verbose_name_plural': 'attributions',
                    'ordering': ['round', 'juror', 'application'],
                },
            ),
            migrations.CreateModel(
                name='Score',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('value', models.PositiveSmallIntegerField(verbose_name='note')),
                    ('comment', models.TextField(blank=True, verbose_name='commentaire')),
                    ('updated_at', models.DateTimeField(verbose_name='enregistrée le')),
                    ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='jury_scores', to='labels.application', verbose_name='candidature')),
                    ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='scores', to='labels.evaluationcriterion', verbose_name='critère')),
                    ('juror', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scores', to='jury.jurymember', verbose_name='juré')),
                    ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scores', to='jury.juryround', verbose_name='tour')),
                ],
                options={
                    'db_table': 'labels_score',
                    'constraints': [models.UniqueConstraint(fields=('round', 'juror', 'application', 'criterion'), name='labels_score_unique')],
                    'indexes': [models.Index(fields=['round', 'application'], name='labels_scor_round_i_2495e2_idx')],
                    'verbose_name': 'note',
                    'verbose_name_plural': 'notes',
                    'ordering': ['round', 'application', 'juror', 'criterion'],
                },
            ),
            migrations.CreateModel(
                name='ScoreSheet',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('overall_comment', models.TextField(blank=True, verbose_name='commentaire général')),
                    ('updated_at', models.DateTimeField(verbose_name='dernier enregistrement')),
                    ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='jury_sheets', to='labels.application', verbose_name='candidature')),
                    ('juror', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sheets', to='jury.jurymember', verbose_name='juré')),
                    ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sheets', to='jury.juryround', verbose_name='tour')),
                ],
                options={
                    'db_table': 'labels_scoresheet',
                    'constraints': [models.UniqueConstraint(fields=('round', 'juror', 'application'), name='labels_scoresheet_unique')],
                    'verbose_name': 'fiche de notation',
                    'verbose_name_plural': 'fiches de notation',
                    'ordering': ['round', 'application', 'juror'],
                },
            ),
            migrations.CreateModel(
                name='ScoreUnlock',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('reason', models.TextField(verbose_name='motif')),
                    ('until', models.DateTimeField(verbose_name="déverrouillé jusqu'au")),
                    ('unlocked_at', models.DateTimeField(verbose_name='déverrouillé le')),
                    ('application', models.ForeignKey(blank=True, help_text='Vide : toutes les candidatures du juré.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='labels.application', verbose_name='candidature')),
                    ('juror', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='unlocks', to='jury.jurymember', verbose_name='juré')),
                    ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='unlocks', to='jury.juryround', verbose_name='tour')),
                    ('unlocked_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='par')),
                ],
                options={
                    'db_table': 'labels_scoreunlock',
                    'constraints': [models.CheckConstraint(condition=models.Q(('reason', ''), _negated=True), name='labels_scoreunlock_reason_required')],
                    'verbose_name': 'déverrouillage de notes',
                    'verbose_name_plural': 'déverrouillages de notes',
                    'ordering': ['unlocked_at', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='JuryReminder',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('kind', models.CharField(choices=[('manuel', 'Relance manuelle'), ('j-7', 'Relance automatique à J-7'), ('j-2', 'Relance automatique à J-2')], default='manuel', max_length=8, verbose_name='type')),
                    ('sent_at', models.DateTimeField(verbose_name='envoyée le')),
                    ('recipients', models.PositiveIntegerField(default=0, verbose_name='jurés relancés')),
                    ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='jury.juryround', verbose_name='tour')),
                    ('sent_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='par')),
                ],
                options={
                    'db_table': 'labels_juryreminder',
                    'verbose_name': 'relance du jury',
                    'verbose_name_plural': 'relances du jury',
                    'ordering': ['round', 'sent_at', 'pk'],
                    'constraints': [models.UniqueConstraint(condition=models.Q(('kind', 'manuel'), _negated=True), fields=('round', 'kind'), name='labels_juryreminder_unique_automatic')],
                },
            ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
