"""The programme's models, each family in its own module: the charter, commitments, the programme page and lessons."""

from consultations.charter_models import CharterArticle, CharterStatus, CharterVersion
from consultations.commitment_models import Commitment, CommitmentStatus, TerritoryLocation
from consultations.followup_models import FollowUp, FollowUpReminder, ProgressEntry
from consultations.programme_models import ConsultationProgrammePage, Lesson, MethodResource, ResourceKind
from consultations.record_models import ArticleAssessment, Consultation, Finding

__all__ = [
    "ArticleAssessment",
    "Consultation",
    "Finding",
    "FollowUp",
    "FollowUpReminder",
    "ProgressEntry",
    "CharterArticle",
    "CharterStatus",
    "CharterVersion",
    "Commitment",
    "CommitmentStatus",
    "ConsultationProgrammePage",
    "Lesson",
    "MethodResource",
    "ResourceKind",
    "TerritoryLocation",
]
