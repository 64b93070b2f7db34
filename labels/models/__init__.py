from .applications import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    ApplicationVersion,
    Attachment,
    CoEditor,
    EventKind,
    ReferenceCounter,
)
from .jury import JURY_STATUSES, AppendOnlyError, Assignment, ConflictDeclaration, Decision, DecisionOutcome, JuryMember, JuryReminder, JuryRole, JuryRound, ReminderKind, Score, ScoreSheet, ScoreUnlock, in_round_q, latest_decision  # noqa: E501, F401
from .pages import CampaignCategory, EvaluationCriterion, Label, LabelCampaignPage, LabelIndexPage

__all__ = [
    "Application",
    "ApplicationEvent",
    "ApplicationStatus",
    "ApplicationVersion",
    "Attachment",
    "CampaignCategory",
    "CoEditor",
    "EvaluationCriterion",
    "EventKind",
    "Label",
    "LabelCampaignPage",
    "LabelIndexPage",
    "ReferenceCounter",
]
