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
from .email_requests import EmailRequest
from .inactivity import InactivityWarning
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
    "EmailRequest",
    "EvaluationCriterion",
    "EventKind",
    "InactivityWarning",
    "Label",
    "LabelCampaignPage",
    "LabelIndexPage",
    "ReferenceCounter",
    "ResultsPublication",
]
