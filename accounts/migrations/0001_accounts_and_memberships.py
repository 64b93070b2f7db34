"""The accounts app: it takes over the e-mail requests and inactivity warnings of the labels app (their tables,
renamed by labels 0011, keep every row; their content types follow, with their permissions), and the memberships
of people in organisations are new."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ("emailrequest", "inactivitywarning")


def relabel(apps, source, target):
    """The content types of the moved models (their permissions hang on them) change app, unless already there."""
    content_types = apps.get_model("contenttypes", "ContentType").objects
    for model in MOVED:
        if not content_types.filter(app_label=target, model=model).exists():
            content_types.filter(app_label=source, model=model).update(app_label=target)


def move_content_types(apps, schema_editor):
    relabel(apps, "labels", "accounts")


def move_content_types_back(apps, schema_editor):
    relabel(apps, "accounts", "labels")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('interconnectes', '0003_base_page'),
        ('labels', '0011_accounts_move_to_their_app'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
                migrations.CreateModel(
                    name='InactivityWarning',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('warned_at', models.DateTimeField(verbose_name='prévenu le')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='inactivity_warning', to=settings.AUTH_USER_MODEL, verbose_name='compte')),
                    ],
                    options={
                        'verbose_name': "avertissement d'inactivité",
                        'verbose_name_plural': "avertissements d'inactivité",
                    },
                ),
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
        ]),
        migrations.RunPython(move_content_types, move_content_types_back),
        migrations.CreateModel(
            name='Membership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('referent', 'Référent·e'), ('agent', 'Agent')], default='agent', max_length=16, verbose_name='rôle')),
                ('status', models.CharField(choices=[('pending', 'En attente'), ('verified', 'Vérifiée'), ('revoked', 'Révoquée')], default='pending', max_length=16, verbose_name='statut')),
                ('method', models.CharField(blank=True, choices=[('domain', "Adresse e-mail sur un domaine de l'organisation"), ('invitation', "Invitation d'un·e référent·e"), ('staff', "Demande approuvée par l'équipe"), ('adhesion', "Demande d'adhésion acceptée")], max_length=16, verbose_name='méthode de vérification')),
                ('verified_at', models.DateTimeField(blank=True, null=True, verbose_name='vérifiée le')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='créée le')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='interconnectes.organisation', verbose_name='organisation')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL, verbose_name='personne')),
                ('verified_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='vérifiée par')),
            ],
            options={
                'verbose_name': 'rattachement à une organisation',
                'verbose_name_plural': 'rattachements à des organisations',
                'constraints': [models.UniqueConstraint(fields=('person', 'organisation'), name='one_membership_per_person')],
            },
        ),
    ]
