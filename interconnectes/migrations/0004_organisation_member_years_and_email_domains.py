"""Organisations record the years they were members (instead of a yes/no flag) and their agents' e-mail domains.

An organisation flagged as a member becomes a member for the year the migration runs, before the flag goes;
going back, a member of that year gets the flag again.
"""

import django.db.models.deletion
import interconnectes.validators
import modelcluster.fields
from django.db import migrations, models
from django.utils import timezone


def member_this_year(apps, schema_editor):
    organisations = apps.get_model("interconnectes", "Organisation").objects
    member_years = apps.get_model("interconnectes", "MemberYear").objects
    year = timezone.now().year
    member_years.bulk_create([member_years.model(organisation_id=pk, year=year)
                              for pk in organisations.filter(is_member=True).values_list("pk", flat=True)])


def member_flag_back(apps, schema_editor):
    organisations = apps.get_model("interconnectes", "Organisation").objects
    organisations.filter(member_years__year=timezone.now().year).update(is_member=True)


class Migration(migrations.Migration):

    dependencies = [
        ('interconnectes', '0003_base_page'),
    ]

    operations = [
        migrations.CreateModel(
            name='EmailDomain',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('domain', models.CharField(error_messages={'unique': 'Ce domaine est déjà déclaré par une autre organisation.'}, help_text='Sans « @ », par exemple « nantesmetropole.fr ». Une messagerie publique (gmail.com…) ne convient pas.', max_length=253, unique=True, validators=[interconnectes.validators.validate_email_domain], verbose_name='domaine')),
                ('organisation', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='email_domains', to='interconnectes.organisation')),
            ],
            options={
                'verbose_name': 'domaine de messagerie',
                'verbose_name_plural': 'domaines de messagerie',
                'ordering': ['domain'],
            },
        ),
        migrations.CreateModel(
            name='MemberYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='année')),
                ('organisation', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='member_years', to='interconnectes.organisation')),
            ],
            options={
                'verbose_name': "année d'adhésion",
                'verbose_name_plural': "années d'adhésion",
                'ordering': ['-year'],
                'constraints': [models.UniqueConstraint(fields=('organisation', 'year'), name='one_member_year_per_year')],
            },
        ),
        migrations.RunPython(member_this_year, member_flag_back),
        migrations.RemoveField(
            model_name='organisation',
            name='is_member',
        ),
    ]
