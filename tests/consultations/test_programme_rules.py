"""The programme's rules on hand-computed examples: the synthesis of lessons, the key figures, a commitment's dates
and which charter version may be signed."""

import datetime

from consultations import commitment_rules, figures
from consultations.charter_models import CharterStatus
from consultations.synthesis import EvidenceRow, LessonRef, synthesise, territories_with_findings

LESSONS = [LessonRef(2, "Sensibiliser en interne"), LessonRef(1, "Une vigilance collective"),
           LessonRef(3, "Défiance et connaissance")]
ROWS = [
    EvidenceRow(1, 10, "Nantes Métropole", "62 % des participants utilisent déjà un outil d'IA", "chiffre",
                "Café IA à Nantes", "/c/nantes/"),
    EvidenceRow(1, 20, "Angers Loire Métropole", "« On s'en sert déjà au travail »", "citation"),
    EvidenceRow(1, 10, "Nantes Métropole", "Second atelier : même constat", "", "Atelier agents"),
    EvidenceRow(3, 30, "Bordeaux Métropole", "Les plus informés sont les plus précis"),
    EvidenceRow(9, 40, "Ville de Paris", "Un enseignement qui n'existe pas"),
]


def test_each_lesson_counts_distinct_territories_in_number_order():
    result = synthesise(LESSONS, ROWS)
    assert [entry.lesson.number for entry in result] == [1, 2, 3]
    # Lesson 1: Nantes twice and Angers once → 2 territories, 3 pieces of evidence.
    assert [entry.territory_count for entry in result] == [2, 0, 1]
    assert [len(entry.evidence) for entry in result] == [3, 0, 1]


def test_evidence_is_ordered_by_territory_then_consultation():
    first = synthesise(LESSONS, ROWS)[0]
    assert [(row.organisation_name, row.consultation_title) for row in first.evidence] == [
        ("Angers Loire Métropole", ""), ("Nantes Métropole", "Atelier agents"),
        ("Nantes Métropole", "Café IA à Nantes")]


def test_findings_of_unknown_lessons_are_left_out_and_nothing_found_gives_empty_lessons():
    assert all(row.lesson_number != 9 for entry in synthesise(LESSONS, ROWS) for row in entry.evidence)
    assert [(entry.territory_count, entry.evidence) for entry in synthesise(LESSONS, [])] == [(0, [])] * 3
    assert territories_with_findings(ROWS) == 4  # Nantes counted once: 10, 20, 30, 40


def test_key_figures_in_french_with_thousands_and_plurals():
    shown = figures.key_figures(territories=1, consultations=1250, participants=12345)
    assert [(figure.value, figure.label) for figure in shown] == [
        ("1", "territoire engagé"), ("1\u202f250", "concertations documentées"), ("12\u202f345", "participants")]


def test_key_figures_leave_out_participants_when_no_record_counts_them():
    shown = figures.key_figures(territories=28, consultations=0, participants=None)
    assert [figure.value for figure in shown] == ["28", "0"]
    assert shown[0].label == "territoires engagés"


TODAY = datetime.date(2026, 3, 1)
ADOPTED = datetime.date(2025, 1, 15)


def test_a_signature_is_dated_between_the_versions_adoption_and_today():
    assert commitment_rules.signed_on_error(TODAY, ADOPTED, TODAY) is None
    assert commitment_rules.signed_on_error(ADOPTED, ADOPTED, TODAY) is None
    assert "futur" in commitment_rules.signed_on_error(TODAY + datetime.timedelta(days=1), ADOPTED, TODAY)
    before = commitment_rules.signed_on_error(ADOPTED - datetime.timedelta(days=1), ADOPTED, TODAY)
    assert "précéder l'adoption" in before and "15 janvier 2025" in before


def test_only_the_version_in_force_may_be_signed():
    assert commitment_rules.version_error(CharterStatus.IN_FORCE) is None
    assert "retirée" in commitment_rules.version_error(CharterStatus.WITHDRAWN)
    assert "en vigueur" in commitment_rules.version_error(CharterStatus.REPLACED)
    assert "en vigueur" in commitment_rules.version_error(CharterStatus.DRAFT)
    assert "pas encore ouvert" in commitment_rules.version_error(None)


def test_a_withdrawal_is_dated_between_the_signature_and_today():
    signed = datetime.date(2025, 6, 1)
    assert commitment_rules.withdrawal_error(TODAY, signed, TODAY) is None
    assert "futur" in commitment_rules.withdrawal_error(TODAY + datetime.timedelta(days=1), signed, TODAY)
    assert "précéder la signature" in commitment_rules.withdrawal_error(datetime.date(2025, 5, 31), signed, TODAY)
