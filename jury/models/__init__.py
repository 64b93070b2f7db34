"""The jury's tables: members, rounds and their frozen criteria, assignments, conflicts, scores and their history,
unlocks, decisions, reminders and the finalists' pitches.

Data only: the rules live in plain modules (`jury/phases.py`, `jury/rules.py`,
`jury/obvious_conflicts.py`, `jury/scoring.py`), who may see what in
`jury/permissions.py` and `jury/scoring_state.py`, the writes in `jury/services/`.
"""

from .append_only import AppendOnlyError
from .assignments import Assignment
from .conflicts import ConflictDeclaration
from .decisions import Decision, DecisionOutcome, latest_decision
from .discussion import DiscussionFlag
from .members import JuryMember, JuryRole
from .pitches import Pitch
from .reminders import JuryReminder, ReminderKind
from .rounds import JURY_STATUSES, JuryRound, RoundCriterion, RoundPurpose, in_round_q
from .score_changes import ScoreChange
from .scores import Score, ScoreSheet, ScoreUnlock

__all__ = [
    "JURY_STATUSES",
    "AppendOnlyError",
    "Assignment",
    "ConflictDeclaration",
    "Decision",
    "DecisionOutcome",
    "DiscussionFlag",
    "JuryMember",
    "JuryReminder",
    "JuryRole",
    "JuryRound",
    "Pitch",
    "ReminderKind",
    "RoundCriterion",
    "RoundPurpose",
    "Score",
    "ScoreChange",
    "ScoreSheet",
    "ScoreUnlock",
    "in_round_q",
    "latest_decision",
]
