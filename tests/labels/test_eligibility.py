"""Every eligibility rule, on plain values."""

import datetime

import pytest

from interconnectes.models import OrganisationKind as K
from labels.eligibility import (
    STARTUP_INTERCONNECTEE,
    TERRITOIRE_INNOVANT,
    Facts,
    check,
    startup_is_young_enough,
    years_before,
)

DEADLINE = datetime.date(2026, 3, 31)


@pytest.mark.parametrize("kind", [K.COMMUNE, K.INTERCOMMUNALITE, K.METROPOLE, K.DEPARTEMENT, K.REGION])
def test_territoire_innovant_accepts_local_governments(kind):
    assert check(Facts(TERRITOIRE_INNOVANT, kind, attachment_count=1)).eligible


@pytest.mark.parametrize("kind", [K.ASSOCIATION, K.ENTREPRISE, K.STARTUP, K.ETAT, K.RECHERCHE])
def test_territoire_innovant_refuses_other_kinds(kind):
    result = check(Facts(TERRITOIRE_INNOVANT, kind, attachment_count=1))
    assert not result.eligible
    assert "collectivités" in result.errors[0]


@pytest.mark.parametrize(("created", "eligible"), [
    (datetime.date(2022, 3, 31), True),   # exactly 4 years before the deadline
    (datetime.date(2022, 3, 30), False),  # one day more
    (datetime.date(2025, 1, 1), True),
    (datetime.date(2018, 6, 1), False),
])
def test_startup_age(created, eligible):
    result = check(Facts(STARTUP_INTERCONNECTEE, K.STARTUP, created, DEADLINE, attachment_count=1))
    assert result.eligible is eligible


def test_startup_created_after_deadline_is_refused():
    assert not check(Facts(STARTUP_INTERCONNECTEE, K.STARTUP, datetime.date(2026, 4, 2), DEADLINE)).eligible


def test_startup_label_refuses_a_commune():
    assert not check(Facts(STARTUP_INTERCONNECTEE, K.COMMUNE, datetime.date(2025, 1, 1), DEADLINE)).eligible


def test_leap_day_anniversary():
    assert years_before(datetime.date(2028, 2, 29), 4) == datetime.date(2024, 2, 29)
    assert years_before(datetime.date(2029, 2, 28), 1) == datetime.date(2028, 2, 28)
    assert years_before(datetime.date(2028, 2, 29), 1) == datetime.date(2027, 2, 28)
    assert startup_is_young_enough(datetime.date(2024, 2, 29), datetime.date(2028, 2, 29))


def test_one_application_per_organisation():
    result = check(Facts(TERRITOIRE_INNOVANT, K.COMMUNE, has_other_application_for_siren=True, attachment_count=1))
    assert not result.eligible
    assert "SIREN" in result.errors[0]


def test_no_attachment_is_a_warning_not_a_block():
    result = check(Facts(TERRITOIRE_INNOVANT, K.COMMUNE))
    assert result.eligible
    assert result.warnings
