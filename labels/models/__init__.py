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
from .pages import (
    CalibrationMethod,
    CampaignCategory,
    EliminatoryRule,
    EvaluationCriterion,
    Label,
    LabelCampaignPage,
    LabelIndexPage,
)
from .results import ResultsPublication

__all__ = [
    "Application",
    "ApplicationEvent",
    "ApplicationStatus",
    "ApplicationVersion",
    "Attachment",
    "CalibrationMethod",
    "CampaignCategory",
    "CoEditor",
    "EliminatoryRule",
    "EvaluationCriterion",
    "EventKind",
    "Label",
    "LabelCampaignPage",
    "LabelIndexPage",
    "ReferenceCounter",
    "ResultsPublication",
]
