"""A juror's score sheet, and the unlocks staff grant after a round closes."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from interconnectes import clock
from jury.models import Score, ScoreChange, ScoreSheet, ScoreUnlock
from jury.permissions import require_staff
from jury.phases import RoundPhase
from jury.ranking_cache import bump_ranking_version
from labels.models import ResultsPublication


@dataclass(frozen=True)
class SavedSheet:
    """When the sheet was saved, and when it had been saved before (None: its first save)."""

    saved_at: datetime.datetime
    previously_saved_at: datetime.datetime | None


def save_scores(state, scores: dict, overall_comment: str = "") -> SavedSheet:
    """Save the juror's sheet under the authority of their scoring state (`jury.scoring_state`), as of its clock.

    `scores` is what `ScoreSheetForm` cleaned with `jury.rules.clean_scores`:
    {frozen criterion id: (whole number or None, comment)}; None leaves the
    criterion unscored and removes an earlier score on it. The state already
    holds every permission fact: nothing is read again but the sheet's row,
    locked so that two tabs saving at once end with one sheet, the last save
    whole. The last save wins; `previously_saved_at` lets the page tell the
    juror when another tab saved in between. Each score given, changed or
    removed is added to the history (`ScoreChange`) in the same transaction.
    """
    if not state.may_open:
        raise PermissionDenied(_("Déclarez d'abord l'absence de conflit d'intérêts."))
    if state.refusal is not None:
        raise ValidationError(state.refusal)
    keys = {"round": state.round, "juror": state.member, "application": state.application}
    now = state.now
    scored = {criterion_id: entry for criterion_id, entry in scores.items() if entry[0] is not None}
    with transaction.atomic():
        previous = (ScoreSheet.objects.select_for_update().filter(**keys).order_by("pk")
                    .values_list("updated_at", flat=True).first())
        before = {criterion_id: (value, comment) for criterion_id, value, comment in
                  Score.objects.filter(**keys).order_by().values_list("criterion_id", "value", "comment")}
        ScoreSheet.objects.bulk_create(
            [ScoreSheet(**keys, overall_comment=overall_comment.strip(), updated_at=now)],
            update_conflicts=True, unique_fields=["round", "juror", "application"],
            update_fields=["overall_comment", "updated_at"])
        removed = [criterion_id for criterion_id in before if criterion_id not in scored]
        if removed:
            Score.objects.filter(**keys, criterion_id__in=removed).delete()
        Score.objects.bulk_create(
            [Score(**keys, criterion_id=criterion_id, value=value, comment=comment, updated_at=now)
             for criterion_id, (value, comment) in scored.items()],
            update_conflicts=True, unique_fields=["round", "juror", "application", "criterion"],
            update_fields=["value", "comment", "updated_at"])
        ScoreChange.objects.bulk_create(
            [ScoreChange(**keys, criterion_id=criterion_id, value_before=old[0], comment_before=old[1],
                         value_after=new[0], comment_after=new[1], changed_at=now)
             for criterion_id, old, new in changes(before, scored)])
    bump_ranking_version(state.round.campaign_id)  # bulk writes send no model signal
    return SavedSheet(now, previous)


NOT_SCORED = (None, "")


def changes(before: dict, after: dict) -> list:
    """(criterion id, (value, comment) before, (value, comment) after) for each criterion whose score or comment
    a save changes; `before` and `after` map criterion ids to (value, comment), a missing one is not scored."""
    return [(criterion_id, before.get(criterion_id, NOT_SCORED), after.get(criterion_id, NOT_SCORED))
            for criterion_id in sorted(before.keys() | after.keys())
            if before.get(criterion_id, NOT_SCORED) != after.get(criterion_id, NOT_SCORED)]


def unlock(jury_round, juror, *, by, reason: str, until: datetime.datetime, application=None, now=None):
    """Staff reopen a closed round for one juror (one file or all), with a reason; logged."""
    require_staff(by)
    now = now or clock.now()
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Indiquez le motif du déverrouillage.")})
    if jury_round.phase(now) in (RoundPhase.UPCOMING, RoundPhase.OPEN):
        raise ValidationError(_("Ce tour n'est pas clos : rien à déverrouiller."))
    if ResultsPublication.objects.filter(campaign_id=jury_round.campaign_id).exists():
        raise ValidationError(_("Les résultats sont publiés : les notes ne peuvent plus être modifiées."))
    if until <= now:
        raise ValidationError({"until": _("La fin du déverrouillage doit être dans le futur.")})
    if juror.campaign_id != jury_round.campaign_id:
        raise ValidationError(_("Ce juré ne siège pas au jury de cette campagne."))
    return ScoreUnlock.objects.create(round=jury_round, juror=juror, application=application, reason=reason.strip(),
                                      until=until, unlocked_at=now, unlocked_by=by)
