import pytest

from tests.library.factories import LibraryIndexPageFactory, UseCasePageFactory


@pytest.fixture
def library(home):
    return LibraryIndexPageFactory(parent=home)


@pytest.fixture
def use_case(library):
    return UseCasePageFactory(parent=library, title="Prévoir la fréquentation des cantines", slug="cantines")
