"""Factories and helpers of the jury's tests: members, rounds, frozen criteria, scored sheets.

The jury's tests build on the campaign of tests/conftest.py: submitted
applications (`tests.labels.factories.SubmittedApplicationFactory`), the
"Impact" and "Sobriété" criteria (`criteria` fixture). Scores point at a
round's frozen copies of those criteria: `frozen` finds the copy of a campaign
criterion, `save_sheet` saves a sheet the way the score form does.
"""

import factory

from jury import rules, scoring_state
from jury.models import Assignment, ConflictDeclaration, JuryMember, JuryRole, JuryRound, Score, ScoreSheet
from jury.services import scores
from jury.services.criteria import freeze_if_open, round_criteria
from tests.labels.factories import SubmittedApplicationFactory, UserFactory, paris

OPEN = paris(2026, 4, 10, 12, 0)
CLOSED = paris(2026, 4, 25, 12, 0)
DELIBERATION = paris(2026, 5, 2, 12, 0)


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


def frozen(jury_round, criterion, now=OPEN):
    """The round's frozen copy of a campaign criterion (the round's criteria are frozen first, as of `now`)."""
    freeze_if_open(jury_round, now)
    return jury_round.frozen_criteria.get(source=criterion)


def save_sheet(juror, jury_round, application, values, comments=None, overall="", now=OPEN):
    """Save the juror's sheet as the score form does: {campaign criterion: score}, checked by the form's rules.

    The juror must be assigned to the file and have declared no conflict.
    """
    criteria = round_criteria(jury_round, now)
    by_source = {criterion.source_id: criterion for criterion in criteria}
    raw = {by_source[criterion.pk].pk: value for criterion, value in values.items()}
    notes = {by_source[criterion.pk].pk: text for criterion, text in (comments or {}).items()}
    cleaned = rules.clean_scores([rules.Scale(c.pk, c.name, c.max_score) for c in criteria], raw, notes)
    state = scoring_state.load(juror.user, jury_round.pk, application.pk, now)
    assert state is not None, "the juror must be assigned to the file, without a conflict"
    return scores.save_scores(state, cleaned, overall)


def build_scored_round(jury_round, jurors, criteria, campaign, count, *, sheets=False):
    """`count` files scored by every juror on every criterion (bulk, for the size tests); jurors[0] has
    declared a conflict on the first file."""
    copies = [frozen(jury_round, criterion) for criterion in criteria]
    applications = [SubmittedApplicationFactory(campaign=campaign) for _ in range(count)]
    Assignment.objects.bulk_create([Assignment(round=jury_round, juror=j, application=app)
                                    for app in applications for j in jurors])
    Score.objects.bulk_create([Score(round=jury_round, juror=j, application=app, criterion=c, value=(i + k) % 5,
                                     updated_at=OPEN)
                               for i, app in enumerate(applications) for k, j in enumerate(jurors) for c in copies])
    if sheets:
        ScoreSheet.objects.bulk_create([ScoreSheet(round=jury_round, juror=j, application=app, updated_at=OPEN)
                                        for app in applications for j in jurors])
    ConflictDeclaration.objects.create(juror=jurors[0], application=applications[0], has_conflict=True,
                                       reason="Conflit", declared_at=OPEN)
    return applications
