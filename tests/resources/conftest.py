import pytest

from tests.resources.factories import ResourceIndexPageFactory


@pytest.fixture
def space(home):
    return ResourceIndexPageFactory(parent=home)
