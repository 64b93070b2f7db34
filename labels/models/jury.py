"""The jury of a campaign: members, rounds, assignments, conflicts, scores, unlocks and decisions.

Data only: the rules live in `labels/jury_rules.py` (pure), who may see what
in `labels/permissions.py`, and the writes in `labels/jury_services.py`, so
that the admin views built on top stay thin.

Three tables are logs and never change once written (`ConflictDeclaration`,
`ScoreUnlock`, `Decision`): fairness has to be shown afterwards, so a change
is a new row and the current state is read from the latest one.
"""

from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from interconnectes.validators import validate_siren
from labels import jury_rules

from .applications import ApplicationStatus


class AppendOnlyError(Exception):
    """A log row was about to be changed or deleted through the ORM."""


class AppendOnlyModel(models.Model):
    """A row that is written once: `save()` on an existing row and `delete()` refuse.

    Deleting the parent (an application purged under the retention rule)
    still cascades: Django's collector deletes without calling `delete()`.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} is append-only: add a new row instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} is append-only.")


# Applications a jury looks at: submitted ones, and those a decision already touched.
JURY_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.LAUREATE,
    ApplicationStatus.MENTION,
    ApplicationStatus.NOT_SELECTED,
)


class JuryRole(models.TextChoices):
    PRESIDENT = "president", _("Président·e")
    MEMBER = "membre", _("Membre")


class JuryMember(models.Model):
    """A user sitting on one campaign's jury; their organisation and SIREN feed the conflict check."""

    campaign = models.ForeignKey("labels.LabelCampaignPage", verbose_name=_("campagne"), on_delete=models.CASCADE,
                                 related_name="jury_members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("compte"), on_delete=models.CASCADE,
                             related_name="jury_memberships")
    person = models.ForeignKey("interconnectes.Person", verbose_name=_("fiche personne"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="jury_memberships")
    role = models.CharField(_("rôle"), max_length=16, choices=JuryRole.choices, default=JuryRole.MEMBER)
    organisation = models.ForeignKey(
        "interconnectes.Organisation", verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="jury_memberships",
        help_text=_("Sert à signaler les conflits d'intérêts évidents."),
    )
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, validators=[validate_siren],
                             help_text=_("Facultatif : SIREN de la structure du juré, "
                                         "si elle n'est pas une organisation connue."))
    categories = models.ManyToManyField("labels.CampaignCategory", verbose_name=_("catégories"), blank=True,
                                        related_name="jury_members",
                                        help_text=_("Pour la répartition par catégorie."))

    class Meta:
        ordering = ["campaign", "pk"]
        verbose_name = _("membre du jury")
        verbose_name_plural = _("membres du jury")
        constraints = [models.UniqueConstraint(fields=["campaign", "user"], name="labels_jurymember_unique_user")]

    def __str__(self):
        if self.person_id and self.person:
            return self.person.name
        return self.user.get_full_name() or self.user.get_username()

    def conflict_facts(self) -> jury_rules.JurorFacts:
        """What the obvious-conflict rule compares (reads the organisation: select_related it in lists)."""
        organisation = self.organisation if self.organisation_id else None
        return jury_rules.JurorFacts(
            id=self.pk,
            org_name=organisation.name if organisation else "",
            sirens=frozenset(s for s in (self.siren, organisation.siren if organisation else "") if s),
        )


class JuryRound(models.Model):
    """A scoring round: its dates, its criteria (the campaign's by default) and, for round 2, a shortlist."""

    campaign = models.ForeignKey("labels.LabelCampaignPage", verbose_name=_("campagne"), on_delete=models.CASCADE,
                                 related_name="jury_rounds")
    number = models.PositiveSmallIntegerField(_("numéro"), choices=[(1, _("Tour 1")), (2, _("Tour 2"))], default=1)
    name = models.CharField(_("nom"), max_length=120, blank=True)
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
        help_text=_("Laisser vide pour utiliser tous les critères de la campagne."),
    )
    shortlist = models.ManyToManyField(
        "labels.Application", verbose_name=_("présélection"), blank=True, related_name="shortlisted_in",
        help_text=_("Tour 2 : les candidatures retenues pour ce tour."),
    )

    class Meta:
        ordering = ["campaign", "number"]
        verbose_name = _("tour du jury")
        verbose_name_plural = _("tours du jury")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "number"], name="labels_juryround_unique_number"),
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")),
                                   name="labels_juryround_closes_after_opens"),
            models.CheckConstraint(condition=Q(number__in=[1, 2]), name="labels_juryround_number_1_or_2"),
        ]

    def __str__(self):
        return self.name or _("Tour %(number)s") % {"number": self.number}

    def clean(self):
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("La clôture doit suivre l'ouverture.")
        if self.deliberation_opens_at and self.closes_at and self.deliberation_opens_at < self.closes_at:
            errors["deliberation_opens_at"] = _("La délibération s'ouvre après la clôture de la notation.")
        if self.jurors_per_application == 0:
            errors["jurors_per_application"] = _("Au moins un juré par candidature.")
        if errors:
            raise ValidationError(errors)

    def phase(self, now):
        return jury_rules.round_phase(self.opens_at, self.closes_at, now,
                                      deliberation_opens_at=self.deliberation_opens_at)

    def scoring_criteria(self):
        """The round's own criteria if it chose some, else all the campaign's (one query)."""
        from .pages import EvaluationCriterion

        chosen = JuryRound.criteria.through.objects.filter(juryround_id=self.pk,
                                                           evaluationcriterion_id=OuterRef("pk"))
        rows = list(EvaluationCriterion.objects.filter(page_id=self.campaign_id)
                    .annotate(chosen=Exists(chosen)).order_by("sort_order", "pk"))
        return _chosen_or_all(rows, {row.pk for row in rows if row.chosen})

    @staticmethod
    def criteria_by_round(rounds) -> dict:
        """{round id: its scoring criteria} for several rounds in two queries, as `scoring_criteria` decides."""
        from .pages import EvaluationCriterion

        rows = list(EvaluationCriterion.objects.filter(page_id__in={r.campaign_id for r in rounds})
                    .order_by("sort_order", "pk"))
        chosen = defaultdict(set)
        for round_id, criterion_id in JuryRound.criteria.through.objects.filter(
                juryround_id__in=[r.pk for r in rounds]).values_list("juryround_id", "evaluationcriterion_id"):
            chosen[round_id].add(criterion_id)
        return {r.pk: _chosen_or_all([row for row in rows if row.page_id == r.campaign_id], chosen[r.pk])
                for r in rounds}

    def applications(self):
        """Round 1: every eligible application of the campaign; later rounds: the eligible shortlist."""
        from .applications import Application

        qs = Application.objects.filter(campaign_id=self.campaign_id, status__in=JURY_STATUSES)
        if self.number > 1:
            qs = qs.filter(pk__in=JuryRound.shortlist.through.objects.filter(juryround_id=self.pk)
                           .values("application_id"))
        return qs


def in_round_q() -> Q:
    """Q on rows with a `round` and an `application` (assignments, scores): the file is in that round,
    as `JuryRound.applications` decides (eligible; on the round's shortlist after round 1)."""
    shortlisted = JuryRound.shortlist.through.objects.filter(juryround_id=OuterRef("round_id"),
                                                             application_id=OuterRef("application_id"))
    return Q(application__status__in=JURY_STATUSES) & (Q(round__number=1) | Q(Exists(shortlisted)))


def _chosen_or_all(criteria, chosen_ids):
    """A round scores on the criteria it chose, or on all its campaign's when it chose none."""
    return [criterion for criterion in criteria if criterion.pk in chosen_ids] or criteria


class Assignment(models.Model):
    """A juror has to score an application in a round (made by `jury_services.assign` or by hand)."""

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE, related_name="assignments")
    juror = models.ForeignKey(JuryMember, verbose_name=_("juré"), on_delete=models.CASCADE, related_name="assignments")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="jury_assignments")
    assigned_at = models.DateTimeField(_("attribuée le"), auto_now_add=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["round", "juror", "application"]
        verbose_name = _("attribution")
        verbose_name_plural = _("attributions")
        constraints = [models.UniqueConstraint(fields=["round", "juror", "application"],
                                               name="labels_assignment_unique")]


class ConflictDeclarationQuerySet(models.QuerySet):
    def conflicts(self):
        return self.filter(has_conflict=True)


class ConflictDeclaration(AppendOnlyModel):
    """A juror's declaration on an application, logged: "pas de conflit d'intérêts" or a conflict and why.

    It holds for the whole campaign, whatever the round it was made in: a
    conflicted juror never sees the file again and their scores never count,
    even if a later row says otherwise.
    """

    juror = models.ForeignKey(JuryMember, verbose_name=_("juré"), on_delete=models.CASCADE,
                              related_name="conflict_declarations")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="conflict_declarations")
    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="conflict_declarations")
    has_conflict = models.BooleanField(_("conflit d'intérêts"))
    reason = models.TextField(_("motif"), blank=True)
    declared_at = models.DateTimeField(_("déclaré le"))
    declared_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")

    objects = ConflictDeclarationQuerySet.as_manager()

    class Meta:
        ordering = ["declared_at", "pk"]
        verbose_name = _("déclaration de conflit d'intérêts")
        verbose_name_plural = _("déclarations de conflit d'intérêts")
        constraints = [models.CheckConstraint(condition=Q(has_conflict=False) | ~Q(reason=""),
                                              name="labels_conflict_reason_required")]


class Score(models.Model):
    """One juror's score on one criterion of one application, in one round (round 2 never touches round 1)."""

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(JuryMember, verbose_name=_("juré"), on_delete=models.CASCADE, related_name="scores")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="jury_scores")
    # PROTECT: removing a scored criterion from the campaign page must fail loudly, never drop scores.
    criterion = models.ForeignKey("labels.EvaluationCriterion", verbose_name=_("critère"), on_delete=models.PROTECT,
                                  related_name="scores")
    value = models.PositiveSmallIntegerField(_("note"))
    comment = models.TextField(_("commentaire"), blank=True)
    updated_at = models.DateTimeField(_("enregistrée le"))

    class Meta:
        ordering = ["round", "application", "juror", "criterion"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        constraints = [models.UniqueConstraint(fields=["round", "juror", "application", "criterion"],
                                               name="labels_score_unique")]
        indexes = [models.Index(fields=["round", "application"])]


class ScoreSheet(models.Model):
    """A juror's sheet for an application in a round: the overall comment and when it was last saved.

    The form shows `updated_at` ("enregistrée le …"): with two tabs open, the
    last save wins and the juror can tell which one it was.
    """

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE, related_name="sheets")
    juror = models.ForeignKey(JuryMember, verbose_name=_("juré"), on_delete=models.CASCADE, related_name="sheets")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="jury_sheets")
    overall_comment = models.TextField(_("commentaire général"), blank=True)
    updated_at = models.DateTimeField(_("dernier enregistrement"))

    class Meta:
        ordering = ["round", "application", "juror"]
        verbose_name = _("fiche de notation")
        verbose_name_plural = _("fiches de notation")
        constraints = [models.UniqueConstraint(fields=["round", "juror", "application"],
                                               name="labels_scoresheet_unique")]


class ScoreUnlock(AppendOnlyModel):
    """Staff reopened a closed round's scores for one juror (one application, or all of theirs) until a date."""

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE, related_name="unlocks")
    juror = models.ForeignKey(JuryMember, verbose_name=_("juré"), on_delete=models.CASCADE, related_name="unlocks")
    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), null=True, blank=True,
                                    on_delete=models.CASCADE, related_name="+",
                                    help_text=_("Vide : toutes les candidatures du juré."))
    reason = models.TextField(_("motif"))
    until = models.DateTimeField(_("déverrouillé jusqu'au"))
    unlocked_at = models.DateTimeField(_("déverrouillé le"))
    unlocked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["unlocked_at", "pk"]
        verbose_name = _("déverrouillage de notes")
        verbose_name_plural = _("déverrouillages de notes")
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="labels_scoreunlock_reason_required")]


class DecisionOutcome(models.TextChoices):
    LAUREATE = "laureat", _("Lauréat")
    MENTION = "mention", _("Mention spéciale")
    NOT_SELECTED = "non-retenu", _("Non retenu")


class DecisionQuerySet(models.QuerySet):
    def latest_first(self):
        """The register read backwards: the first row is the current decision."""
        return self.order_by("-recorded_at", "-pk")

    def current(self):
        """The latest decision of each application (the register's current state), in one query."""
        return self.filter(pk=latest_decision("pk", "application_id"))


def latest_decision(column: str, application_ref: str = "pk"):
    """A subquery reading one column of an application's current decision (the register's latest row).

    Annotating with it costs no query per row, where reading each application's register would cost one.
    """
    return Subquery(Decision.objects.filter(application_id=OuterRef(application_ref)).latest_first()
                    .values(column)[:1])


class Decision(AppendOnlyModel):
    """The jury's decision on an application, kept as a register: a change is a new row, the latest wins."""

    application = models.ForeignKey("labels.Application", verbose_name=_("candidature"), on_delete=models.CASCADE,
                                    related_name="decisions")
    outcome = models.CharField(_("décision"), max_length=16, choices=DecisionOutcome.choices)
    citation = models.TextField(_("citation publique"), max_length=1200, blank=True)
    feedback = models.TextField(_("retour au candidat"), max_length=3000, blank=True,
                                help_text=_("Synthèse approuvée par le jury, envoyée au candidat."))
    minutes = models.TextField(_("procès-verbal"), blank=True)
    recorded_at = models.DateTimeField(_("enregistrée le"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["application", "recorded_at", "pk"]
        verbose_name = _("décision du jury")
        verbose_name_plural = _("décisions du jury")
        get_latest_by = ["recorded_at", "pk"]

    def clean(self):
        if self.outcome in (DecisionOutcome.LAUREATE, DecisionOutcome.MENTION) and not self.citation.strip():
            raise ValidationError({"citation": _("Une citation publique est requise pour un lauréat ou une mention.")})


class ReminderKind(models.TextChoices):
    MANUAL = "manuel", _("Relance manuelle")
    WEEK_BEFORE = "j-7", _("Relance automatique à J-7")
    TWO_DAYS_BEFORE = "j-2", _("Relance automatique à J-2")


class JuryReminder(models.Model):
    """A reminder sent to the jurors of a round who still have sheets to complete: who sent it, when, to how many.

    Automatic reminders (J-7, J-2) are unique per round, so that the daily
    command can run again, or twice at once, without e-mailing anyone twice;
    manual ones may be sent as often as staff choose.
    """

    round = models.ForeignKey(JuryRound, verbose_name=_("tour"), on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("type"), max_length=8, choices=ReminderKind.choices, default=ReminderKind.MANUAL)
    sent_at = models.DateTimeField(_("envoyée le"))
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    recipients = models.PositiveIntegerField(_("jurés relancés"), default=0)

    class Meta:
        ordering = ["round", "sent_at", "pk"]
        verbose_name = _("relance du jury")
        verbose_name_plural = _("relances du jury")
        constraints = [models.UniqueConstraint(fields=["round", "kind"], condition=~Q(kind="manuel"),
                                               name="labels_juryreminder_unique_automatic")]

    def __str__(self):
        return f"{self.round} — {self.get_kind_display()}"
