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
from .pages import CampaignCategory, EvaluationCriterion, Label, LabelCampaignPage, LabelIndexPage
from .results import ResultsPublication

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
    "ResultsPublication",
]
