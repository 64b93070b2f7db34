import pytest

from tests.community.factories import world as make_world


@pytest.fixture
def world(home, clock):
    return make_world(home)
