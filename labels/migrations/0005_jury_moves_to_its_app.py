"""The jury's models move to the `jury` app: removed from this app's state only, their tables and rows stay.

`jury/migrations/0001_initial.py` takes them over on the same tables, then
renames the tables and moves their content types (and so their permissions).
"""

from django.db import migrations

# Dependents first: the state drops each model with the relations that point to it.
JURY_MODELS = ["JuryReminder", "ScoreUnlock", "ScoreSheet", "Score", "Assignment", "ConflictDeclaration", "Decision",
               "JuryRound", "JuryMember"]


class Migration(migrations.Migration):

    dependencies = [
        ("labels", "0004_results_publication"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name=name) for name in JURY_MODELS],
        ),
    ]
