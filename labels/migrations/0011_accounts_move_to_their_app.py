"""The e-mail requests and the inactivity warnings move to the accounts app: their tables are renamed, every row
kept (the accounts app's first migration takes the models over in its state)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("labels", "0010_inactivity_warnings"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="emailrequest", table="accounts_emailrequest"),
                migrations.AlterModelTable(name="inactivitywarning", table="accounts_inactivitywarning"),
            ],
            state_operations=[
                migrations.DeleteModel(name="EmailRequest"),
                migrations.DeleteModel(name="InactivityWarning"),
            ],
        ),
    ]
