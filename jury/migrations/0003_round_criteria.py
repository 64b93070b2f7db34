"""A round freezes its criteria when scoring opens: `RoundCriterion` copies, and scores point at them.

For the rounds already opened, or already scored, the copies are made now from
what the round scores on (the criteria it chose, or all its campaign's) plus
any criterion it already holds scores on, and every score is repointed at its
round's copy: no score is lost. Backwards, scores point at the copies' source
criteria again.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone


def freeze_opened_rounds(apps, schema_editor):
    rounds = apps.get_model("jury", "JuryRound")
    criteria = apps.get_model("labels", "EvaluationCriterion")
    frozen = apps.get_model("jury", "RoundCriterion")
    scores = apps.get_model("jury", "Score")
    now = timezone.now()
    for jury_round in rounds.objects.order_by("pk"):
        scored = set(scores.objects.filter(round_id=jury_round.pk).values_list("criterion_id", flat=True))
        if jury_round.opens_at > now and not scored:
            continue
        campaign = list(criteria.objects.filter(page_id=jury_round.campaign_id).order_by("sort_order", "pk"))
        chosen = set(jury_round.criteria.values_list("pk", flat=True))
        kept = [criterion for criterion in campaign if criterion.pk in chosen] or campaign
        kept += criteria.objects.filter(pk__in=scored - {criterion.pk for criterion in kept}).order_by("sort_order", "pk")
        for position, criterion in enumerate(kept, start=1):
            copy = frozen.objects.create(round_id=jury_round.pk, position=position, name=criterion.name,
                                         description=criterion.description, weight=criterion.weight,
                                         max_score=criterion.max_score, source_id=criterion.pk)
            scores.objects.filter(round_id=jury_round.pk, criterion_id=criterion.pk).update(frozen_criterion=copy)
        jury_round.criteria_frozen_at = now
        jury_round.save(update_fields=["criteria_frozen_at"])


def point_scores_at_sources(apps, schema_editor):
    scores = apps.get_model("jury", "Score")
    for copy in apps.get_model("jury", "RoundCriterion").objects.filter(scores_frozen__isnull=False).distinct():
        if copy.source_id is None:
            raise RuntimeError(f"Le critère figé « {copy.name} » n'a plus de critère d'origine : retour impossible.")
        scores.objects.filter(frozen_criterion_id=copy.pk).update(criterion_id=copy.source_id)


class Migration(migrations.Migration):

    dependencies = [
        ("jury", "0002_jury_table_names"),
        ("labels", "0005_jury_moves_to_its_app"),
    ]

    operations = [
        migrations.AddField(
            model_name="juryround",
            name="criteria_frozen_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="critères figés le"),
        ),
        migrations.AlterField(
            model_name="juryround",
            name="criteria",
            field=models.ManyToManyField(blank=True, help_text="Laisser vide pour utiliser tous les critères de la campagne. Figés à l'ouverture de la notation.", related_name="jury_rounds", to="labels.evaluationcriterion", verbose_name="critères"),
        ),
        migrations.CreateModel(
            name="RoundCriterion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.PositiveSmallIntegerField(verbose_name="position")),
                ("name", models.CharField(max_length=120, verbose_name="nom")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("weight", models.DecimalField(decimal_places=2, max_digits=5, validators=[django.core.validators.MinValueValidator(0)], verbose_name="poids")),
                ("max_score", models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name="note maximale")),
                ("round", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="frozen_criteria", to="jury.juryround", verbose_name="tour")),
                ("source", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="round_copies", to="labels.evaluationcriterion", verbose_name="critère de la campagne")),
            ],
            options={
                "verbose_name": "critère figé d'un tour",
                "verbose_name_plural": "critères figés des tours",
                "ordering": ["round", "position", "pk"],
                "constraints": [models.UniqueConstraint(fields=("round", "position"), name="jury_roundcriterion_unique_position")],
            },
        ),
        migrations.RemoveConstraint(model_name="score", name="labels_score_unique"),
        migrations.AlterField(
            model_name="score",
            name="criterion",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="scores", to="labels.evaluationcriterion", verbose_name="critère"),
        ),
        migrations.AddField(
            model_name="score",
            name="frozen_criterion",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="scores_frozen", to="jury.roundcriterion", verbose_name="critère"),
        ),
        migrations.RunPython(freeze_opened_rounds, point_scores_at_sources),
        migrations.RemoveField(model_name="score", name="criterion"),
        migrations.RenameField(model_name="score", old_name="frozen_criterion", new_name="criterion"),
        migrations.AlterField(
            model_name="score",
            name="criterion",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="scores", to="jury.roundcriterion", verbose_name="critère"),
        ),
        migrations.AddConstraint(
            model_name="score",
            constraint=models.UniqueConstraint(fields=("round", "juror", "application", "criterion"), name="jury_score_unique"),
        ),
    ]
