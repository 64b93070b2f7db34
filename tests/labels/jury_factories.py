"""Factories and fixtures of the jury tests: members, rounds, submitted applications, criteria."""

import factory
import pytest

from labels.models import ApplicationStatus, EvaluationCriterion, JuryMember, JuryRole, JuryRound
from tests.labels.factories import ApplicationFactory, UserFactory, paris


class JuryMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JuryMember

    user = factory.SubFactory(UserFactory, email=factory.Sequence(lambda n: f"jure{n}@example.org"))
    role = JuryRole.MEMBER


class JuryRoundFactory(factory.django.DjangoModelFactory):
    """Round 1 of the default campaign: scoring in April 2026, deliberation from 1 May."""

    class Meta:
        model = JuryRound

    number = 1
    name = factory.LazyAttribute(lambda o: f"Tour {o.number}")
    opens_at = paris(2026, 4, 1, 9, 0)
    closes_at = paris(2026, 4, 20, 23, 59, 59)
    deliberation_opens_at = paris(2026, 5, 1, 9, 0)


class SubmittedApplicationFactory(ApplicationFactory):
    status = ApplicationStatus.SUBMITTED
    reference = factory.Sequence(lambda n: f"TI-2026-{n:04d}")


# --- Fixtures shared by the jury tests (import them by name into a test module) ---------------

OPEN = paris(2026, 4, 10, 12, 0)
CLOSED = paris(2026, 4, 25, 12, 0)
DELIBERATION = paris(2026, 5, 2, 12, 0)


@pytest.fixture
def criteria(campaign):
    """The default campaign's "Impact" (weight 2, out of 10) and a "Sobriété" (weight 1, out of 5)."""
    impact = campaign.criteria.get(name="Impact")
    sobriety = EvaluationCriterion.objects.create(page=campaign, name="Sobriété", weight=1, max_score=5)
    return impact, sobriety


@pytest.fixture
def round1(campaign, criteria):
    return JuryRoundFactory(campaign=campaign)


@pytest.fixture
def jurors(campaign):
    return [JuryMemberFactory(campaign=campaign) for _ in range(4)]


@pytest.fixture
def files(campaign):
    return [SubmittedApplicationFactory(campaign=campaign) for _ in range(7)]


def build_scored_round(jury_round, jurors, criteria, campaign, count, *, sheets=False):
    """`count` files scored by every juror on every criterion (bulk, for the size tests); jurors[0] has
    declared a conflict on the first file."""
    from labels.models import Assignment, ConflictDeclaration, Score, ScoreSheet

    applications = [SubmittedApplicationFactory(campaign=campaign) for _ in range(count)]
    Assignment.objects.bulk_create([Assignment(round=jury_round, juror=j, application=app)
                                    for app in applications for j in jurors])
    Score.objects.bulk_create([Score(round=jury_round, juror=j, application=app, criterion=c, value=(i + k) % 5,
                                     updated_at=OPEN)
                               for i, app in enumerate(applications) for k, j in enumerate(jurors) for c in criteria])
    if sheets:
        ScoreSheet.objects.bulk_create([ScoreSheet(round=jury_round, juror=j, application=app, updated_at=OPEN)
                                        for app in applications for j in jurors])
    ConflictDeclaration.objects.create(juror=jurors[0], application=applications[0], has_conflict=True,
                                       reason="Conflit", declared_at=OPEN)
    return applications
