import pytest

from tests.accounts.factories import member, organisation
from tests.labels.factories import UserFactory
from tests.territoirprod.factories import EditionPageFactory, ThemePageFactory, TrainingProgrammePageFactory


@pytest.fixture
def programme(home):
    return TrainingProgrammePageFactory(parent=home)


@pytest.fixture
def edition(programme):
    return EditionPageFactory(parent=programme, title="Édition 2026", label="2026")


@pytest.fixture
def theme(edition):
    return ThemePageFactory(parent=edition, title="Intelligence artificielle", slug="ia")


@pytest.fixture
def nantes(db):
    """A member collectivité in 2026 (the `clock` fixture's year)."""
    return organisation("Nantes Métropole", member_year=2026, domain="nantesmetropole.fr")


@pytest.fixture
def agent(nantes):
    person = UserFactory(email="agent@nantesmetropole.fr", username="agent@nantesmetropole.fr",
                         first_name="Camille", last_name="Durand")
    member(person, nantes)
    return person


@pytest.fixture
def referent(nantes):
    person = UserFactory(email="referente@nantesmetropole.fr", username="referente@nantesmetropole.fr")
    member(person, nantes, role="referent")
    return person
