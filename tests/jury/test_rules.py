"""Pure rules of the jury: round phases (jury/phases.py), obvious conflicts (jury/obvious_conflicts.py), score
checks (jury/rules.py)."""

import pytest
from django.core.exceptions import ValidationError

from jury.obvious_conflicts import ApplicationFacts, JurorFacts, flag_conflicts, normalise_name, obvious_conflict
from jury.phases import RoundPhase, others_scores_visible, phase_refusal, round_phase, scoring_has_opened
from jury.rules import Scale, clean_scores
from tests.labels.factories import paris

OPENS, CLOSES, DELIB = paris(2026, 4, 1, 9), paris(2026, 4, 20, 23, 59, 59), paris(2026, 5, 1, 9)


@pytest.mark.parametrize(("now", "expected"), [
    (paris(2026, 4, 1, 8, 59, 59), RoundPhase.UPCOMING),
    (paris(2026, 4, 1, 9), RoundPhase.OPEN),
    (paris(2026, 4, 20, 23, 59, 59), RoundPhase.OPEN),  # the closing second is included
    (paris(2026, 4, 21, 0, 0, 0), RoundPhase.CLOSED),
    (paris(2026, 5, 1, 8, 59), RoundPhase.CLOSED),
    (paris(2026, 5, 1, 9), RoundPhase.DELIBERATION),
])
def test_round_phase_from_dates(now, expected):
    assert round_phase(OPENS, CLOSES, now, deliberation_opens_at=DELIB) == expected


def test_round_without_deliberation_date_stays_closed_and_scores_stay_hidden():
    late = paris(2027, 1, 1)
    assert round_phase(OPENS, CLOSES, late) == RoundPhase.CLOSED
    assert not others_scores_visible(None, late)
    assert not others_scores_visible(DELIB, paris(2026, 4, 30))
    assert others_scores_visible(DELIB, DELIB)


def test_naive_dates_are_refused():
    with pytest.raises(ValueError):
        round_phase(OPENS.replace(tzinfo=None), CLOSES, CLOSES)


def test_obvious_conflicts_by_organisation_name_and_siren():
    juror = JurorFacts(1, "Métropole  de Lyon", frozenset({"200046977"}))
    assert normalise_name("Métropole  de Lyon") == normalise_name("metropole-de-lyon")
    assert obvious_conflict(juror, ApplicationFacts(10, "METROPOLE DE LYON")) is not None
    assert obvious_conflict(juror, ApplicationFacts(11, "Autre", siren="200046977")) is not None
    assert obvious_conflict(juror, ApplicationFacts(12, "Autre", siret="20004697700019")) is not None
    assert obvious_conflict(juror, ApplicationFacts(13, "Ville de Lyon", siren="216901231")) is None
    assert obvious_conflict(JurorFacts(2), ApplicationFacts(14, "")) is None  # nothing known, nothing flagged
    flagged = flag_conflicts([juror, JurorFacts(2)], [ApplicationFacts(10, "Métropole de Lyon"),
                                                      ApplicationFacts(13, "Ville de Lyon")])
    assert list(flagged) == [(1, 10)]


SCALES = [Scale(1, "Impact", 10), Scale(2, "Sobriété", 5)]


def test_scores_within_scale_are_accepted_and_blank_is_allowed():
    assert clean_scores(SCALES, {1: 10, 2: "3"}, {}) == {1: (10, ""), 2: (3, "")}
    assert clean_scores(SCALES, {1: 7}, {}) == {1: (7, ""), 2: (None, "")}


@pytest.mark.parametrize("values", [{1: 11}, {1: -1}, {2: 6}, {1: 2.5}, {1: "7,5"}, {1: True}, {99: 3}])
def test_scores_out_of_scale_or_not_whole_or_unknown_criterion_are_refused(values):
    with pytest.raises(ValidationError):
        clean_scores(SCALES, values, {})


def test_bottom_of_the_scale_needs_a_comment():
    with pytest.raises(ValidationError) as error:
        clean_scores(SCALES, {1: 0}, {1: "   "})
    assert "commentaire est requis" in str(error.value)
    assert clean_scores(SCALES, {1: 0}, {1: "Aucun impact mesuré."})[1] == (0, "Aucun impact mesuré.")


def test_phase_refusals():
    assert phase_refusal(RoundPhase.OPEN, unlocked=False) is None
    assert "pas encore ouverte" in str(phase_refusal(RoundPhase.UPCOMING, unlocked=False))
    assert "pas encore ouverte" in str(phase_refusal(RoundPhase.UPCOMING, unlocked=True))
    assert "clos" in str(phase_refusal(RoundPhase.CLOSED, unlocked=False))
    assert "clos" in str(phase_refusal(RoundPhase.DELIBERATION, unlocked=False))
    assert phase_refusal(RoundPhase.CLOSED, unlocked=True) is None
    assert phase_refusal(RoundPhase.DELIBERATION, unlocked=True) is None


def test_criteria_freeze_from_the_opening_of_scoring():
    assert not scoring_has_opened(RoundPhase.UPCOMING)
    assert all(scoring_has_opened(phase) for phase in (RoundPhase.OPEN, RoundPhase.CLOSED, RoundPhase.DELIBERATION))
