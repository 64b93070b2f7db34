"""Eliminatory criteria: the median of the jurors' scores (or any juror's, a campaign setting) below the threshold
flags the file "éliminé sur le critère X"; no laureate level without a recorded override reason."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from jury import eliminatory, scoring
from jury.models import Assignment, Decision, DecisionOutcome
from jury.progress import round_ranking
from jury.services import conflicts
from jury.services.decisions import record_decision
from tests.jury.factories import CLOSED, OPEN, save_sheet

pytestmark = pytest.mark.django_db

RULES = [eliminatory.Rule(1, "Sobriété", 3)]


def rows(values):
    return [scoring.ScoreRow(application, juror, 1, value) for application, juror, value in values]


def test_the_median_decides_by_default_and_any_juror_on_request():
    scores = rows([("X", "a", 2), ("X", "b", 4), ("X", "c", 5),  # median 4: kept; one juror below
                   ("Y", "a", 2), ("Y", "b", 2), ("Y", "c", 5),  # median 2: eliminated
                   ("Z", "a", 3), ("Z", "b", 3)])  # at the threshold: kept
    assert eliminatory.eliminated(scores, RULES) == {"Y": ["Sobriété"]}
    assert eliminatory.eliminated(scores, RULES, eliminatory.ANY) == {"X": ["Sobriété"], "Y": ["Sobriété"]}
    assert eliminatory.eliminated(scores, []) == {}


@pytest.fixture
def eliminated_file(campaign, criteria, round1, jurors, files):
    sobriety = criteria[1]
    sobriety.eliminatory, sobriety.eliminatory_threshold = True, 3
    sobriety.save()
    application = files[0]
    for juror in jurors[:2]:
        Assignment.objects.create(round=round1, juror=juror, application=application)
        conflicts.declare(juror, application, has_conflict=False, by=juror.user, now=OPEN)
        save_sheet(juror, round1, application, {criteria[0]: 9, sobriety: 1})
    return application


def test_the_ranking_flags_it_and_a_level_needs_an_override_reason(eliminated_file, round1, staff, client,
                                                                  campaign_staff):
    assert round_ranking(round1).eliminated == {eliminated_file.pk: ["Sobriété"]}
    assert round1.frozen_criteria.get(name="Sobriété").eliminatory_threshold == 3
    with pytest.raises(ValidationError) as error:
        record_decision(eliminated_file, outcome=DecisionOutcome.LAUREATE, level="Or", citation="Bravo", by=staff,
                        jury_round=round1, now=CLOSED)
    assert "éliminé sur le critère Sobriété" in error.value.message_dict["override_reason"][0]
    record_decision(eliminated_file, outcome=DecisionOutcome.MENTION, citation="Bravo", by=staff, jury_round=round1,
                    now=CLOSED)  # a mention is not a level
    record_decision(eliminated_file, outcome=DecisionOutcome.LAUREATE, level="Or", citation="Bravo", by=staff,
                    jury_round=round1, override_reason="Sobriété démontrée par l'audit joint.", now=CLOSED)
    assert Decision.objects.filter(override_reason__startswith="Sobriété démontrée").count() == 1
    client.force_login(campaign_staff)
    page = client.get(reverse("jury:ranking", args=[round1.pk])).content.decode()
    assert "éliminé sur le critère Sobriété" in page
    form = client.post(reverse("jury:decide", args=[round1.pk, eliminated_file.pk]),
                       {"outcome": "laureat:Argent", "citation": "Bravo"}).content.decode()
    assert 'id="id_override_reason_error"' in form
