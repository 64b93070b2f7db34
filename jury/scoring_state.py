"""What a juror may see and do on one file of a round, decided once per request.

`load` reads, in one query, the user's assignment to the file with the facts
every decision needs: the round and its campaign, the juror's seat, the
application, whether the juror declared "pas de conflit d'intérêts" on it,
whether staff unlocked their scoring after the close. `ScoringState` then
answers the view, the template, the form and the service from those facts and
the clock, without another query: nothing re-derives a permission later in the
request, so nothing can disagree.

No state exists (None: the views answer 404) when the user does not sit on the
round's jury, the file is not in the round (eligible; shortlisted after round
1), not assigned to them, or declared conflicted (any round): a file the juror
may not touch is, for them, a file that does not exist. A juror scores only
their own sheet: the state is always the requesting user's.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q

from jury import phases
from jury.models import Assignment, ConflictDeclaration, ScoreUnlock, in_round_q
from jury.permissions import conflicted_q
from labels.models import ResultsPublication
from labels.services import has_duplicate


@dataclass(frozen=True)
class ScoringState:
    assignment: Assignment  # with its round and campaign, juror, application, category (select_related)
    now: datetime.datetime
    declared: bool  # the juror declared no conflict on the file: it may open
    unlocked: bool  # staff reopened the juror's scoring after the close, until a date still ahead
    has_duplicate: bool  # another active application of the same SIREN (the eligibility verdict)
    published: bool = False  # the campaign's results are out: every round is closed for scoring, unlocks included

    @property
    def round(self):
        return self.assignment.round

    @property
    def member(self):
        return self.assignment.juror

    @property
    def application(self):
        return self.assignment.application

    @property
    def phase(self) -> phases.RoundPhase:
        return self.round.phase(self.now)

    @property
    def may_open(self) -> bool:
        """The file, its attachments and the score form open after the declaration of interests."""
        return self.declared

    @property
    def refusal(self):
        """Why the juror may not save scores now (a French message for the page), or None."""
        return phases.phase_refusal(self.phase, self.unlocked, published=self.published)

    @property
    def may_score(self) -> bool:
        return self.may_open and self.refusal is None

    @property
    def sees_others(self) -> bool:
        """Other jurors' scores on the file appear at the deliberation date."""
        return self.may_open and phases.others_scores_visible(self.round.deliberation_opens_at, self.now)

    @property
    def draft_key(self) -> str:
        """Where the browser keeps what the juror typed until the server has it (jury-sheet.js)."""
        return f"jury-{self.round.pk}-{self.application.pk}-{self.member.pk}"


def load(user, round_id, application_id, now, *, with_attachments=False) -> ScoringState | None:
    """The user's state on a file of a round, in one query (two with the attachments), or None."""
    declared = ConflictDeclaration.objects.filter(juror_id=OuterRef("juror_id"),
                                                  application_id=OuterRef("application_id"), has_conflict=False)
    unlocks = ScoreUnlock.objects.filter(Q(application__isnull=True) | Q(application_id=OuterRef("application_id")),
                                         round_id=OuterRef("round_id"), juror_id=OuterRef("juror_id"), until__gte=now)
    assignments = (
        Assignment.objects.filter(in_round_q(), round_id=round_id, application_id=application_id,
                                  juror__user=user, juror__campaign_id=F("round__campaign_id"))
        .exclude(conflicted_q())
        .select_related("round__campaign", "juror__organisation", "application__campaign", "application__category",
                        "application__pitch")
        .annotate(declared=Exists(declared), unlocked=Exists(unlocks),
                  has_duplicate=has_duplicate("application__"),
                  published=Exists(ResultsPublication.objects.filter(campaign_id=OuterRef("round__campaign_id"))))
    )
    if with_attachments:
        assignments = assignments.prefetch_related("application__attachments")
    assignment = assignments.first() if user.is_authenticated else None
    if assignment is None:
        return None
    return ScoringState(assignment, now, assignment.declared, assignment.unlocked, assignment.has_duplicate,
                        assignment.published)
