"""The jury's tables (and their many-to-many tables) take the `jury_` names, and so do their constraints and
index. Renames only: every row stays where it is."""

from django.db import migrations, models

MODELS = ["decision", "jurymember", "juryround", "conflictdeclaration", "assignment", "score", "scoresheet",
          "scoreunlock", "juryreminder"]

# (model, old constraint name, the constraint under its new name); the score's unique constraint is redone in
# 0003 along with its criterion.
RENAMED_CONSTRAINTS = [
    ("jurymember", "labels_jurymember_unique_user",
     models.UniqueConstraint(fields=("campaign", "user"), name="jury_jurymember_unique_user")),
    ("juryround", "labels_juryround_unique_number",
     models.UniqueConstraint(fields=("campaign", "number"), name="jury_juryround_unique_number")),
    ("juryround", "labels_juryround_closes_after_opens",
     models.CheckConstraint(condition=models.Q(("closes_at__gt", models.F("opens_at"))),
                            name="jury_juryround_closes_after_opens")),
    ("juryround", "labels_juryround_number_1_or_2",
     models.CheckConstraint(condition=models.Q(("number__in", [1, 2])), name="jury_juryround_number_1_or_2")),
    ("conflictdeclaration", "labels_conflict_reason_required",
     models.CheckConstraint(condition=models.Q(("has_conflict", False), models.Q(("reason", ""), _negated=True),
                                               _connector="OR"), name="jury_conflict_reason_required")),
    ("assignment", "labels_assignment_unique",
     models.UniqueConstraint(fields=("round", "juror", "application"), name="jury_assignment_unique")),
    ("scoresheet", "labels_scoresheet_unique",
     models.UniqueConstraint(fields=("round", "juror", "application"), name="jury_scoresheet_unique")),
    ("scoreunlock", "labels_scoreunlock_reason_required",
     models.CheckConstraint(condition=models.Q(("reason", ""), _negated=True), name="jury_scoreunlock_reason_required")),
    ("juryreminder", "labels_juryreminder_unique_automatic",
     models.UniqueConstraint(condition=models.Q(("kind", "manuel"), _negated=True), fields=("round", "kind"),
                             name="jury_juryreminder_unique_automatic")),
]


def renamed(model, old_name, constraint):
    return [migrations.RemoveConstraint(model_name=model, name=old_name),
            migrations.AddConstraint(model_name=model, constraint=constraint)]


class Migration(migrations.Migration):

    dependencies = [
        ("jury", "0001_initial"),
    ]

    operations = [
        *[migrations.AlterModelTable(name=model, table=None) for model in MODELS],
        *[operation for entry in RENAMED_CONSTRAINTS for operation in renamed(*entry)],
        migrations.RenameIndex(model_name="score", new_name="jury_score_round_application",
                               old_name="labels_scor_round_i_2495e2_idx"),
    ]
