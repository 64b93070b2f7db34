"""Writes and reads of the jury: assignment, conflict declarations, scores, unlocks, decisions, ranking.

Each function checks its rule (labels/jury_rules.py, labels/permissions.py)
before writing, so that the admin views, the demo command and the tests all
go through the same gate. Errors are Django ValidationError / PermissionDenied
with French messages, ready for a form or a 403.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from labels import assignment as assignment_rules
from labels import jury_rules, permissions, phases, scoring
from labels.models import (
    Application,
    Assignment,
    ConflictDeclaration,
    Decision,
    DecisionOutcome,
    JuryMember,
    JuryRound,
    Score,
    ScoreSheet,
    ScoreUnlock,
    in_round_q,
)


class AssignmentMode:
    EVERYONE = "tous"
    BY_CATEGORY = "categorie"
    BALANCED = "equilibre"


def _require_staff(user):
    if user is not None and not permissions.is_campaign_staff(user):
        raise PermissionDenied(_("Réservé à l'équipe qui anime la campagne."))


# --- Assignment ---------------------------------------------------------------------------------

def flagged_conflicts(jury_round) -> dict:
    """Obvious conflicts of the round, {(juror id, application id): reason}, to show before anyone scores."""
    jurors = [member.conflict_facts() for member in
              JuryMember.objects.filter(campaign_id=jury_round.campaign_id).select_related("organisation")]
    applications = [jury_rules.ApplicationFacts(pk, org_name, siren, siret) for pk, org_name, siren, siret in
                    jury_round.applications().values_list("pk", "org_name", "siren", "siret")]
    return jury_rules.flag_conflicts(jurors, applications)


def assign(jury_round, mode=AssignmentMode.BALANCED, *, by=None):
    """Assign the round's applications to the campaign's jurors; returns {application id: [juror ids]}.

    Declared and obvious conflicts are never assigned. Balanced mode gives
    each application `jurors_per_application` jurors (everyone when it is
    empty) with loads within one of each other. A round is assigned once:
    staff then adjust by hand (`add_assignment`, `remove_assignment`).
    """
    _require_staff(by)
    if jury_round.assignments.exists():
        raise ValidationError(_("Ce tour est déjà réparti : ajustez les attributions à la main."))
    members = list(JuryMember.objects.filter(campaign_id=jury_round.campaign_id).order_by("pk")
                   .prefetch_related("categories"))
    jurors = [member.pk for member in members]
    applications = dict(jury_round.applications().order_by("pk").values_list("pk", "category_id"))
    declared = set(ConflictDeclaration.objects.conflicts()
                   .filter(juror__campaign_id=jury_round.campaign_id, application_id__in=list(applications))
                   .values_list("juror_id", "application_id"))
    conflicts = frozenset(declared | set(flagged_conflicts(jury_round)))
    if mode == AssignmentMode.EVERYONE or (mode == AssignmentMode.BALANCED
                                           and jury_round.jurors_per_application is None):
        result = assignment_rules.assign_everyone(list(applications), jurors, conflicts)
    elif mode == AssignmentMode.BY_CATEGORY:
        by_category = {}
        for member in members:
            for category in member.categories.all():
                by_category.setdefault(category.pk, []).append(member.pk)
        result = assignment_rules.assign_by_category(applications, by_category, conflicts)
    elif mode == AssignmentMode.BALANCED:
        try:
            result = assignment_rules.assign_balanced(list(applications), jurors,
                                                      jury_round.jurors_per_application, conflicts)
        except assignment_rules.NotEnoughJurors as error:
            raise ValidationError(_("Pas assez de jurés sans conflit pour %(count)s candidature(s).")
                                  % {"count": len(error.args[0])}) from error
    else:
        raise ValueError(f"Unknown assignment mode: {mode!r}")
    Assignment.objects.bulk_create(
        [Assignment(round=jury_round, juror_id=juror, application_id=application, assigned_by=by)
         for application, assigned in result.items() for juror in assigned])
    return result


def add_assignment(jury_round, juror, application, *, by=None):
    """A hand adjustment by staff; refused for a declared conflict or an application outside the round."""
    _require_staff(by)
    if juror.campaign_id != jury_round.campaign_id:
        raise ValidationError(_("Ce juré ne siège pas au jury de cette campagne."))
    if not jury_round.applications().filter(pk=application.pk).exists():
        raise ValidationError(_("Cette candidature ne fait pas partie de ce tour."))
    if ConflictDeclaration.objects.conflicts().filter(juror=juror, application=application).exists():
        raise ValidationError(_("Ce juré a déclaré un conflit d'intérêts sur cette candidature."))
    return Assignment.objects.get_or_create(round=jury_round, juror=juror, application=application,
                                            defaults={"assigned_by": by})[0]


def remove_assignment(jury_round, juror, application, *, by=None):
    """Refused once the juror has scored the file: scores are not thrown away silently."""
    _require_staff(by)
    if Score.objects.filter(round=jury_round, juror=juror, application=application).exists():
        raise ValidationError(_("Ce juré a déjà noté cette candidature."))
    Assignment.objects.filter(round=jury_round, juror=juror, application=application).delete()


# --- Conflicts ----------------------------------------------------------------------------------

def declare(juror, application, *, has_conflict: bool, reason: str = "", by, jury_round=None, now=None):
    """Log a declaration by the juror (or staff on their behalf). A conflict, once declared, is final."""
    if by.pk != juror.user_id:
        _require_staff(by)
    if application.campaign_id != juror.campaign_id:
        raise PermissionDenied(_("Cette candidature n'appartient pas à la campagne de ce juré."))
    reason = (reason or "").strip()
    if has_conflict and not reason:
        raise ValidationError({"reason": _("Indiquez le motif du conflit d'intérêts.")})
    return ConflictDeclaration.objects.create(
        juror=juror, application=application, round=jury_round, has_conflict=has_conflict,
        reason=reason if has_conflict else "", declared_at=now or phases.clock(), declared_by=by)


# --- Scores -------------------------------------------------------------------------------------

def unlock(jury_round, juror, *, by, reason: str, until: datetime.datetime, application=None, now=None):
    """Staff reopen a closed round for one juror (one file or all), with a reason; logged."""
    _require_staff(by)
    now = now or phases.clock()
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Indiquez le motif du déverrouillage.")})
    if jury_round.phase(now) in (jury_rules.RoundPhase.UPCOMING, jury_rules.RoundPhase.OPEN):
        raise ValidationError(_("Ce tour n'est pas clos : rien à déverrouiller."))
    if until <= now:
        raise ValidationError({"until": _("La fin du déverrouillage doit être dans le futur.")})
    if juror.campaign_id != jury_round.campaign_id:
        raise ValidationError(_("Ce juré ne siège pas au jury de cette campagne."))
    return ScoreUnlock.objects.create(round=jury_round, juror=juror, application=application, reason=reason.strip(),
                                      until=until, unlocked_at=now, unlocked_by=by)


def save_scores(user, juror, jury_round, application, values: dict, comments: dict | None = None,
                overall_comment: str = "", now=None) -> ScoreSheet:
    """Save a juror's sheet; returns it with `updated_at` (the last save wins and the form says when).

    `values` maps criterion id -> whole number or None (not scored yet, any
    earlier score on it is removed); `comments` maps criterion id -> text.
    """
    now = now or phases.clock()
    state = permissions.juror_state(juror, jury_round, application, now)
    phase, unlocked = state.pop("phase"), state.pop("unlocked")
    refusal = jury_rules.access_refusal(own_sheet=juror.user_id == user.pk, **state)
    if refusal is not None:
        raise PermissionDenied(refusal)
    refusal = jury_rules.phase_refusal(phase, unlocked)
    if refusal is not None:
        raise ValidationError(refusal)
    scales = [jury_rules.Scale(criterion.pk, criterion.name, criterion.max_score)
              for criterion in jury_round.scoring_criteria()]
    cleaned = jury_rules.clean_scores(scales, values, comments or {})
    with transaction.atomic():
        sheet, created = ScoreSheet.objects.select_for_update().get_or_create(
            round=jury_round, juror=juror, application=application,
            defaults={"overall_comment": overall_comment.strip(), "updated_at": now})
        if not created:
            sheet.overall_comment = overall_comment.strip()
            sheet.updated_at = now
            sheet.save(update_fields=["overall_comment", "updated_at"])
        scored = {cid: entry for cid, entry in cleaned.items() if entry[0] is not None}
        Score.objects.filter(round=jury_round, juror=juror, application=application).exclude(
            criterion_id__in=list(scored)).delete()
        Score.objects.bulk_create(
            [Score(round=jury_round, juror=juror, application=application, criterion_id=cid, value=value,
                   comment=comment, updated_at=now) for cid, (value, comment) in scored.items()],
            update_conflicts=True, unique_fields=["round", "juror", "application", "criterion"],
            update_fields=["value", "comment", "updated_at"])
    return sheet


# --- Decisions ----------------------------------------------------------------------------------

def record_decision(application, *, outcome, by, citation: str = "", feedback: str = "", minutes: str = "",
                    now=None) -> Decision:
    """A new row in the register (never an update): the latest row is the jury's current decision."""
    _require_staff(by)
    if outcome not in DecisionOutcome.values:
        raise ValidationError({"outcome": _("Décision inconnue.")})
    decision = Decision(application=application, outcome=outcome, citation=citation.strip(),
                        feedback=feedback.strip(), minutes=minutes.strip(), recorded_by=by,
                        recorded_at=now or phases.clock())
    decision.full_clean()
    decision.save()
    return decision


def current_decision(application):
    return Decision.objects.filter(application=application).latest_first().first()


# --- Ranking ------------------------------------------------------------------------------------

@dataclass
class RoundRanking:
    ranking: scoring.Ranking
    criteria: list  # scoring.Criterion of the round
    categories: dict  # application id -> category id
    rows: list  # the scoring.ScoreRow that counted, for the charts
    names: dict  # criterion id -> name

    def by_category(self):
        return self.ranking.by_category(self.categories)


def round_ranking(jury_round, **options) -> RoundRanking:
    """The round's ranking in three queries whatever its size: criteria, applications, score rows.

    Scores of a juror with a declared conflict on the file never count, nor
    scores on criteria that are not the round's. `options` go to
    `scoring.rank` (min_scored, discuss_threshold).
    """
    round_criteria = jury_round.scoring_criteria()
    criteria = [scoring.Criterion(c.pk, float(c.weight), c.max_score) for c in round_criteria]
    applications = jury_round.applications()
    categories = dict(applications.order_by().values_list("pk", "category_id"))
    rows = (Score.objects.filter(round=jury_round, criterion_id__in=[c.id for c in criteria],
                                 application_id__in=applications.values("pk"))
            .exclude(permissions.conflicted_q()).order_by()
            .values_list("application_id", "juror_id", "criterion_id", "value"))
    score_rows = [scoring.ScoreRow(*row) for row in rows]
    ranking = scoring.rank(score_rows, criteria, application_ids=sorted(categories), **options)
    return RoundRanking(ranking, criteria, categories, score_rows, {c.pk: c.name for c in round_criteria})


def juror_progress(seats) -> dict:
    """{round id: (complete sheets, files to score)} for "12 / 30 notées", in four queries however many rounds.

    `seats` are (round, the juror's JuryMember on its campaign) pairs. As in
    `round_progress`: only files in the round (its shortlist after round 1),
    no declared conflict; a sheet is complete when every criterion is scored.
    """
    if not seats:
        return {}
    rounds = {jury_round.pk: member.pk for jury_round, member in seats}
    criteria = {round_id: {criterion.pk for criterion in round_criteria} for round_id, round_criteria
                in JuryRound.criteria_by_round([jury_round for jury_round, _member in seats]).items()}
    files = defaultdict(set)
    for round_id, juror_id, application_id in (
            Assignment.objects.filter(in_round_q(), round_id__in=rounds, juror_id__in=rounds.values())
            .exclude(permissions.conflicted_q())
            .values_list("round_id", "juror_id", "application_id")):
        if rounds[round_id] == juror_id:
            files[round_id].add(application_id)
    scored = Counter(
        (round_id, application_id) for round_id, juror_id, application_id, criterion_id in
        Score.objects.filter(round_id__in=rounds, juror_id__in=rounds.values())
        .values_list("round_id", "juror_id", "application_id", "criterion_id")
        if rounds[round_id] == juror_id and criterion_id in criteria[round_id])
    return {round_id: (sum(1 for application_id in files[round_id]
                           if criteria[round_id] and scored[round_id, application_id] >= len(criteria[round_id])),
                       len(files[round_id]))
            for round_id in rounds}


@dataclass
class RoundProgress:
    """Complete sheets over assigned files, per juror and per application ("12 / 30 notées")."""

    per_juror: dict  # juror id -> (complete, assigned)
    per_application: dict  # application id -> (complete, assigned)

    @property
    def missing(self) -> dict:
        """{juror id: number of sheets still to complete}, for the reminders."""
        return {juror: assigned - done for juror, (done, assigned) in self.per_juror.items() if assigned > done}


def round_progress(jury_round) -> RoundProgress:
    """Progress of a round for the staff dashboard, in three queries whatever its size.

    Conflicted pairs and files outside the round are left out; a sheet is
    complete when every criterion of the round is scored.
    """
    criteria_ids = [criterion.pk for criterion in jury_round.scoring_criteria()]
    in_round = jury_round.applications().values("pk")
    pairs = list(Assignment.objects.filter(round=jury_round, application_id__in=in_round)
                 .exclude(permissions.conflicted_q()).order_by().values_list("juror_id", "application_id"))
    counts = dict(((juror, application), count) for juror, application, count in
                  Score.objects.filter(round=jury_round, criterion_id__in=criteria_ids, application_id__in=in_round)
                  .order_by().values("juror_id", "application_id").annotate(count=Count("pk"))
                  .values_list("juror_id", "application_id", "count"))
    per_juror, per_application = {}, {}
    for juror, application in pairs:
        complete = int(bool(criteria_ids) and counts.get((juror, application), 0) >= len(criteria_ids))
        done, assigned = per_juror.get(juror, (0, 0))
        per_juror[juror] = (done + complete, assigned + 1)
        done, assigned = per_application.get(application, (0, 0))
        per_application[application] = (done + complete, assigned + 1)
    return RoundProgress(per_juror, per_application)
