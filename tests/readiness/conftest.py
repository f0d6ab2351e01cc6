import pytest

from .world import build_world


@pytest.fixture
def world(home_page):
    return build_world(home_page)
