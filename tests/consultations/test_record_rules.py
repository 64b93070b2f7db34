"""The records' rules on plain values: personal data in free text, dates and phases, licences, follow-up reasons,
the self-assessment on a withdrawn charter, and when reminders fall due."""

import datetime

import pytest

from consultations import personal_data, record_rules
from consultations.record_choices import FollowUpStatus, Phase

TODAY = datetime.date(2026, 6, 15)


@pytest.mark.parametrize("text", ["06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "06.12.34.56.78",
                                  "appelez le 01-23-45-67-89", "0033 1 23 45 67 89", "+33 (0)6 12 34 56 78"])
def test_french_phone_numbers_are_found(text):
    assert personal_data.phones_in(text)


@pytest.mark.parametrize("text", ["42 participants en 2026", "code postal 37000", "dossier 123456789012",
                                  "le 12/03/2026 de 18 h à 20 h", ""])
def test_figures_dates_and_postcodes_are_not_phone_numbers(text):
    assert personal_data.phones_in(text) == []


def test_an_email_address_and_a_phone_number_give_one_warning_naming_both():
    warnings = personal_data.warnings_for({"synthesis": "Contact : marie.dupont@ville.fr, 06 12 34 56 78",
                                           "objective": "Rien de personnel.", "participants": 12})
    assert list(warnings) == ["synthesis"]
    assert "adresse électronique" in warnings["synthesis"] and "numéro de téléphone" in warnings["synthesis"]


def errors(**values):
    arguments = {"starts_on": None, "ends_on": None, "phase": Phase.ANNOUNCED, "participants": None,
                 "synthesis": "", "documents_url": "", "licence": "", "today": TODAY, **values}
    return record_rules.record_errors(**arguments)


def test_an_announcement_needs_nothing_but_dates_in_order():
    assert errors(starts_on=datetime.date(2026, 9, 1), ends_on=datetime.date(2026, 9, 1)) == {}
    assert "ends_on" in errors(starts_on=datetime.date(2026, 9, 2), ends_on=datetime.date(2026, 9, 1))


def test_participants_below_zero_are_refused():
    assert "participants" in errors(participants=-1)
    assert errors(participants=0) == {}


def test_a_running_consultation_has_started_and_a_documented_one_has_ended_with_a_synthesis():
    assert "phase" in errors(phase=Phase.RUNNING, starts_on=datetime.date(2026, 7, 1))
    assert errors(phase=Phase.RUNNING, starts_on=datetime.date(2026, 6, 1)) == {}
    late = errors(phase=Phase.REPORTING, starts_on=datetime.date(2026, 6, 1), ends_on=datetime.date(2026, 6, 20))
    assert "phase" in late and "synthesis" in late
    assert errors(phase=Phase.FOLLOW_UP, starts_on=datetime.date(2026, 5, 1), ends_on=datetime.date(2026, 5, 2),
                  synthesis="Ce qui est ressorti.", licence="etalab-2.0") == {}


def test_results_need_an_open_licence():
    assert "licence" in errors(synthesis="Ce qui est ressorti.")
    assert "licence" in errors(documents_url="https://example.org/cr.pdf", licence="proprietaire")
    assert errors(documents_url="https://example.org/cr.pdf", licence="CC-BY-4.0") == {}


def test_an_abandoned_follow_up_gives_its_reason():
    assert "reason" in record_rules.follow_up_errors(status=FollowUpStatus.ABANDONED, reason="  ")
    assert record_rules.follow_up_errors(status=FollowUpStatus.ABANDONED, reason="Budget refusé.") == {}
    assert record_rules.follow_up_errors(status=FollowUpStatus.DONE, reason="") == {}


def test_a_self_assessment_on_a_withdrawn_charter_version_is_refused():
    assert "assessment" in record_rules.assessment_errors(version_withdrawn=True, answered=True)
    assert record_rules.assessment_errors(version_withdrawn=True, answered=False) == {}
    assert record_rules.assessment_errors(version_withdrawn=False, answered=True) == {}


@pytest.mark.parametrize(("day", "months", "expected"), [
    (datetime.date(2026, 1, 10), 3, datetime.date(2026, 4, 10)),
    (datetime.date(2026, 5, 31), 3, datetime.date(2026, 8, 31)),
    (datetime.date(2025, 11, 30), 3, datetime.date(2026, 2, 28)),
    (datetime.date(2027, 11, 30), 3, datetime.date(2028, 2, 29)),
    (datetime.date(2026, 1, 31), 12, datetime.date(2027, 1, 31)),
    (datetime.date(2026, 6, 15), -3, datetime.date(2026, 3, 15)),
])
def test_months_are_added_to_the_same_day_or_the_months_last(day, months, expected):
    assert record_rules.add_months(day, months) == expected


def test_reminders_fall_due_at_3_and_12_months_each_once_and_only_the_latest_when_late():
    ended = datetime.date(2026, 1, 10)
    assert record_rules.reminders_due(ended, datetime.date(2026, 4, 9), set()) == []
    assert record_rules.reminders_due(ended, datetime.date(2026, 4, 10), set()) == [3]
    assert record_rules.reminders_due(ended, datetime.date(2026, 8, 1), {3}) == []
    assert record_rules.reminders_due(ended, datetime.date(2027, 1, 10), {3}) == [12]
    assert record_rules.reminders_due(ended, datetime.date(2027, 3, 1), set()) == [12]
    assert record_rules.reminders_due(ended, datetime.date(2027, 3, 1), {12}) == []
    assert record_rules.reminders_due(None, datetime.date(2027, 3, 1), set()) == []
