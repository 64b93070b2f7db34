"""Scoring rounds, and the criteria each one froze when its scoring opened."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from jury.models.decisions import Decision, DecisionOutcome, latest_decision
from jury.phases import round_phase, scoring_opens_at
from labels.models import Application, ApplicationStatus, EvaluationCriterion

PARIS = zoneinfo.ZoneInfo("Europe/Paris")

# Applications a jury looks at: submitted ones, and those a decision already touched.
JURY_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.LAUREATE,
    ApplicationStatus.MENTION,
    ApplicationStatus.NOT_SELECTED,
)


class RoundPurpose(models.TextChoices):
    """What a round decides: who goes to the final, or the laureates and their levels."""

    PRESELECTION = "preselection", _("Présélection")
    FINAL = "finale", _("Finale")


class JuryRound(models.Model):
    """A scoring round: its dates, its criteria (the campaign's by default) and, for round 2, a shortlist.

    `criteria` is the choice made before scoring opens; from the opening on,
    the round scores on its own copies (`RoundCriterion`, `criteria_frozen_at`
    says since when), which later edits of the campaign page cannot touch.
    """

    campaign = models.ForeignKey("labels.LabelCampaignPage", verbose_name=_("campagne"), on_delete=models.CASCADE,
                                 related_name="jury_rounds")
    number = models.PositiveSmallIntegerField(_("numéro"), choices=[(1, _("Tour 1")), (2, _("Tour 2"))], default=1)
    name = models.CharField(_("nom"), max_length=120, blank=True)
    purpose = models.CharField(
        _("objet du tour"), max_length=16, choices=RoundPurpose.choices, default=RoundPurpose.FINAL,
        help_text=_("Présélection : « retenu pour la finale » ou « non retenu ». Finale : les niveaux de la "
                    "campagne, la mention spéciale ou « non retenu » ; ses dossiers sont exactement ceux que la "
                    "présélection a retenus."))
    opens_at = models.DateTimeField(_("ouverture de la notation"))
    closes_at = models.DateTimeField(_("clôture de la notation"))
    deliberation_opens_at = models.DateTimeField(
        _("ouverture de la délibération"), null=True, blank=True,
        help_text=_("À partir de cette date, chaque juré voit les notes des autres jurés."),
    )
    jurors_per_application = models.PositiveSmallIntegerField(
        _("jurés par candidature"), null=True, blank=True,
        help_text=_("Laisser vide pour que chaque juré note toutes les candidatures."),
    )
    criteria = models.ManyToManyField(
        "labels.EvaluationCriterion", verbose_name=_("critères"), blank=True, related_name="jury_rounds",
        help_text=_("Laisser vide pour utiliser tous les critères de la campagne. Figés à l'ouverture de la "
                    "notation."),
    )
    shortlist = models.ManyToManyField(
        "labels.Application", verbose_name=_("présélection"), blank=True, related_name="shortlisted_in",
        help_text=_("Tour 2 : les candidatures que la présélection a retenues pour la finale, tenue à jour par "
                    "ses décisions."),
    )
    criteria_frozen_at = models.DateTimeField(_("critères figés le"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["campaign", "number"]
        verbose_name = _("tour du jury")
        verbose_name_plural = _("tours du jury")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "number"], name="jury_juryround_unique_number"),
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")),
                                   name="jury_juryround_closes_after_opens"),
            models.CheckConstraint(condition=Q(number__in=[1, 2]), name="jury_juryround_number_1_or_2"),
            models.CheckConstraint(condition=Q(purpose="finale") | Q(number=1),
                                   name="jury_juryround_preselection_is_round_1"),
        ]

    def __str__(self):
        return self.name or _("Tour %(number)s") % {"number": self.number}

    def save(self, *args, **kwargs):
        """A final created after its preselection starts with exactly the files the preselection retained."""
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding and self.purpose == RoundPurpose.FINAL and self.number > 1:
            self.shortlist.set(self.retained_by_preselection())

    def clean(self):
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("La clôture doit suivre l'ouverture.")
        if self.deliberation_opens_at and self.closes_at and self.deliberation_opens_at < self.closes_at:
            errors["deliberation_opens_at"] = _("La délibération s'ouvre après la clôture de la notation.")
        campaign_closes_at = self.campaign.closes_at if self.campaign_id else None
        if self.opens_at and campaign_closes_at and self.opens_at < campaign_closes_at:
            errors["opens_at"] = _("La notation s'ouvre après la clôture des candidatures de la campagne "
                                   "(%(date)s).") % {"date": formats.date_format(
                                       campaign_closes_at.astimezone(PARIS), "j F Y à H:i")}
        if self.purpose == RoundPurpose.PRESELECTION and self.number != 1:
            errors["purpose"] = _("Seul le tour 1 peut être une présélection.")
        if self.jurors_per_application == 0:
            errors["jurors_per_application"] = _("Au moins un juré par candidature.")
        if errors:
            raise ValidationError(errors)

    def retained_by_preselection(self) -> list[int]:
        """Ids of the files whose current preselection decision is "retenu pour la finale" (one query)."""
        preselection = JuryRound.objects.filter(campaign_id=self.campaign_id, purpose=RoundPurpose.PRESELECTION)
        return list(Decision.objects.filter(round__in=preselection)
                    .filter(pk=latest_decision("pk", "application_id", round_ref="round_id"))
                    .filter(outcome=DecisionOutcome.RETAINED).values_list("application_id", flat=True))

    def phase(self, now):
        """The round's phase at `now`. Scoring never opens before the campaign closes to applicants, whatever
        the round's own dates say (a round saved through the ORM or an old form): it stays "à venir" until
        then. Reads the campaign: select_related it in lists."""
        return round_phase(scoring_opens_at(self.opens_at, self.campaign.closes_at), self.closes_at, now,
                           deliberation_opens_at=self.deliberation_opens_at)

    @property
    def criteria_frozen(self) -> bool:
        return self.criteria_frozen_at is not None

    def scoring_criteria(self) -> list:
        """What the round scores on, in one query: its frozen criteria once scoring has opened; before,
        the campaign's current ones it would freeze (those it chose, or all)."""
        if self.criteria_frozen:
            return list(self.frozen_criteria.all())
        return self.campaign_criteria()

    def campaign_criteria(self) -> list:
        """The campaign page's criteria the round chose, or all of them when it chose none (one query)."""
        chosen = JuryRound.criteria.through.objects.filter(juryround_id=self.pk,
                                                           evaluationcriterion_id=OuterRef("pk"))
        rows = list(EvaluationCriterion.objects.filter(page_id=self.campaign_id)
                    .annotate(chosen=Exists(chosen)).order_by("sort_order", "pk"))
        return [row for row in rows if row.chosen] or rows

    def applications(self):
        """Round 1: every eligible application of the campaign; later rounds: the eligible shortlist."""
        qs = Application.objects.filter(campaign_id=self.campaign_id, status__in=JURY_STATUSES)
        if self.number > 1:
            qs = qs.filter(pk__in=JuryRound.shortlist.through.objects.filter(juryround_id=self.pk)
                           .values("application_id"))
        return qs


class RoundCriterion(models.Model):
    """A criterion as the round scores it, copied from the campaign page when scoring opens, never changed.

    Scores point here, so editing or deleting the campaign's criterion later
    changes nothing in what was scored; `source` only says where it came from.
    """

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE,
                              related_name="frozen_criteria")
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("nom"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(_("poids"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0)])
    max_score = models.PositiveSmallIntegerField(_("note maximale"),
                                                 validators=[MinValueValidator(1), MaxValueValidator(100)])
    eliminatory = models.BooleanField(_("éliminatoire"), default=False)
    eliminatory_threshold = models.PositiveSmallIntegerField(_("seuil éliminatoire"), null=True, blank=True)
    rubric_bottom = models.CharField(_("ce que vaut la note 0"), max_length=300, blank=True)
    rubric_middle = models.CharField(_("ce que vaut la note du milieu"), max_length=300, blank=True)
    rubric_top = models.CharField(_("ce que vaut la note maximale"), max_length=300, blank=True)
    source = models.ForeignKey("labels.EvaluationCriterion", verbose_name=_("critère de la campagne"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="round_copies")

    class Meta:
        ordering = ["round", "position", "pk"]
        verbose_name = _("critère figé d'un tour")
        verbose_name_plural = _("critères figés des tours")
        constraints = [models.UniqueConstraint(fields=["round", "position"],
                                               name="jury_roundcriterion_unique_position")]

    def __str__(self):
        return self.name

def in_round_q() -> Q:
    """Q on rows with a `round` and an `application` (assignments, scores): the file is in that round,
    as `JuryRound.applications` decides (eligible; on the round's shortlist after round 1)."""
    shortlisted = JuryRound.shortlist.through.objects.filter(juryround_id=OuterRef("round_id"),
                                                             application_id=OuterRef("application_id"))
    return Q(application__status__in=JURY_STATUSES) & (Q(round__number=1) | Q(Exists(shortlisted)))
