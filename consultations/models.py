"""The programme's models, each family in its own module: the charter, commitments, the programme page and lessons."""

from consultations.charter_models import CharterArticle, CharterStatus, CharterVersion
from consultations.commitment_models import Commitment, CommitmentStatus, TerritoryLocation
from consultations.programme_models import ConsultationProgrammePage, Lesson, MethodResource, ResourceKind

__all__ = [
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
