"""A round freezes its criteria (names, weights, scales, rubrics) when its scoring opens.

From then on the round scores on its own copies (`RoundCriterion`), so that
editing or deleting a criterion of the campaign page changes nothing in what
was scored. The copy is made lazily, the first time anyone needs the round's
criteria after the opening (a juror's or staff's page, the daily reminders
command, the demo), once: under a lock on the round's row, so that two
requests at the opening second make one copy.
"""

from django.db import transaction

from jury.models import JuryRound, RoundCriterion
from jury.phases import scoring_has_opened


def freeze_if_open(jury_round, now) -> None:
    """Copy the round's criteria if its scoring has opened and they are not copied yet; no query otherwise.

    The criteria copied are those the round chose, or all the campaign's
    (`JuryRound.campaign_criteria`). `jury_round` gets `criteria_frozen_at`.
    """
    if jury_round.criteria_frozen or not scoring_has_opened(jury_round.phase(now)):
        return
    with transaction.atomic():
        locked = JuryRound.objects.select_for_update().only("pk", "campaign_id", "criteria_frozen_at").get(
            pk=jury_round.pk)
        if not locked.criteria_frozen:
            RoundCriterion.objects.bulk_create([
                RoundCriterion(round=locked, position=position, name=criterion.name,
                               description=criterion.description, weight=criterion.weight,
                               max_score=criterion.max_score, eliminatory=criterion.eliminatory,
                               eliminatory_threshold=criterion.eliminatory_threshold,
                               rubric_bottom=criterion.rubric_bottom, rubric_middle=criterion.rubric_middle,
                               rubric_top=criterion.rubric_top, source=criterion)
                for position, criterion in enumerate(locked.campaign_criteria(), start=1)])
            locked.criteria_frozen_at = now
            locked.save(update_fields=["criteria_frozen_at"])
    jury_round.criteria_frozen_at = locked.criteria_frozen_at


def freeze_opened_rounds(now) -> list:
    """Freeze the criteria of every round whose scoring has opened, even if nobody opened its pages yet (the
    daily command); returns the rounds frozen now."""
    rounds = list(JuryRound.objects.filter(opens_at__lte=now, criteria_frozen_at__isnull=True)
                  .select_related("campaign").order_by("pk"))
    for jury_round in rounds:
        freeze_if_open(jury_round, now)
    return rounds


def round_criteria(jury_round, now) -> list:
    """The criteria a page of the round shows and scores on: frozen ones from the opening, the campaign's before."""
    freeze_if_open(jury_round, now)
    return jury_round.scoring_criteria()
