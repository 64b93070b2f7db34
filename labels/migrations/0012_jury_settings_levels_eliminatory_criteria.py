"""The jury's settings of a campaign (levels, calibration, "à discuter" threshold, eliminatory rule), eliminatory
criteria, and the level a laureate was published with."""

import django.core.validators
from decimal import Decimal
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('labels', '0011_published_record_of_laureates'),
    ]

    operations = [
        migrations.AddField(
            model_name='application',
            name='published_level',
            field=models.CharField(blank=True, help_text='Le niveau du lauréat (Or, Argent, Bronze…) tel que publié.', max_length=60, verbose_name='niveau publié'),
        ),
        migrations.AddField(
            model_name='evaluationcriterion',
            name='eliminatory',
            field=models.BooleanField(default=False, help_text='Un dossier sous le seuil sur ce critère ne peut recevoir un niveau de lauréat sans motif de dérogation enregistré.', verbose_name='éliminatoire'),
        ),
        migrations.AddField(
            model_name='evaluationcriterion',
            name='eliminatory_threshold',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Note en dessous de laquelle le critère est jugé insuffisant (sur la note maximale).', null=True, verbose_name='seuil éliminatoire'),
        ),
        migrations.AddField(
            model_name='labelcampaignpage',
            name='calibration_method',
            field=models.CharField(choices=[('brut', 'Moyenne brute'), ('z-scores', 'Standardisation par juré'), ('ajuste', 'Modèle ajusté (qualité du dossier + biais du juré)')], default='ajuste', help_text='Le classement suit la moyenne brute, la standardisation par juré ou le modèle ajusté, qui reste juste quand un juré a reçu des dossiers plus forts que les autres.', max_length=16, verbose_name='correction de la sévérité des jurés'),
        ),
        migrations.AddField(
            model_name='labelcampaignpage',
            name='discuss_threshold',
            field=models.DecimalField(decimal_places=1, default=Decimal('20.0'), help_text="Écart, en points sur 100, entre les totaux corrigés des jurés d'un dossier au-delà duquel il est à discuter.", max_digits=5, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='seuil « à discuter »'),
        ),
        migrations.AddField(
            model_name='labelcampaignpage',
            name='eliminatory_rule',
            field=models.CharField(choices=[('mediane', 'Médiane des notes des jurés'), ('un-jure', "Note d'un seul juré")], default='mediane', max_length=16, verbose_name='critère éliminatoire appliqué sur'),
        ),
        migrations.AddField(
            model_name='labelcampaignpage',
            name='laureate_levels',
            field=models.CharField(default='Or, Argent, Bronze', help_text='Séparés par des virgules, du plus haut au plus bas. La finale décide entre ces niveaux, la mention spéciale et « non retenu ».', max_length=200, verbose_name='niveaux des lauréats'),
        ),
    ]
