import pytest

from tests.careers.factories import CareerMapPageFactory, RoleProfileIndexPageFactory


@pytest.fixture
def profile_index(home_page):
    return RoleProfileIndexPageFactory(parent=home_page)


@pytest.fixture
def career_map_page(home_page):
    return CareerMapPageFactory(parent=home_page)
