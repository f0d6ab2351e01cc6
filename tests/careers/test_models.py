import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from wagtail.test.utils import WagtailPageTestCase

from careers.models import CareerMapPage, Family, PMOLevel, RoleProfileIndexPage, RoleProfilePage
from cms.models import ContentPage, HomePage
from tests.careers.factories import (
    CareerPathFactory,
    CompetencyFactory,
    RequirementFactory,
    RoleProfilePageFactory,
)

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_profiles_live_only_under_the_index(self):
        self.assertCanCreateAt(HomePage, RoleProfileIndexPage)
        self.assertCanCreateAt(RoleProfileIndexPage, RoleProfilePage)
        self.assertCanNotCreateAt(HomePage, RoleProfilePage)
        self.assertCanNotCreateAt(ContentPage, RoleProfilePage)
        self.assertCanNotCreateAt(RoleProfilePage, RoleProfilePage)
        self.assertCanNotCreateAt(ContentPage, RoleProfileIndexPage)

    def test_career_map_lives_under_home(self):
        self.assertCanCreateAt(HomePage, CareerMapPage)
        self.assertCanNotCreateAt(RoleProfileIndexPage, CareerMapPage)
        self.assertAllowedSubpageTypes(CareerMapPage, set())


def test_a_pmo_profile_needs_its_level(profile_index):
    profile = RoleProfilePage(title="PMO", family=Family.PMO, summary="x")
    with pytest.raises(ValidationError) as error:
        profile.clean()
    assert "pmo_level" in error.value.message_dict


def test_only_pmo_profiles_carry_a_pmo_level():
    profile = RoleProfilePage(title="MO", family=Family.MANAGEMENT_SUPPORT, pmo_level=PMOLevel.TACTICAL, summary="x")
    with pytest.raises(ValidationError):
        profile.clean()


def test_rank_and_level_label(profile_index):
    tactical = RoleProfilePageFactory(
        parent=profile_index, family=Family.PMO, pmo_level=PMOLevel.TACTICAL, salary_scale=10
    )
    scale7 = RoleProfilePageFactory(parent=profile_index, salary_scale=7)
    assert tactical.rank == 2
    assert tactical.level_label == "Tactisch"
    assert scale7.rank == 7
    assert scale7.level_label == "schaal 7"


def test_competency_describes_four_levels():
    competency = CompetencyFactory.build()
    levels = competency.descriptors()
    assert [level for level, _, _ in levels] == [1, 2, 3, 4]
    assert levels[2][2] == competency.level_3


def test_a_profile_requires_a_competency_once(profile_index):
    requirement = RequirementFactory(page=RoleProfilePageFactory(parent=profile_index))
    with pytest.raises(IntegrityError):
        RequirementFactory(page=requirement.page, competency=requirement.competency)


def test_a_career_path_never_points_to_itself(profile_index):
    profile = RoleProfilePageFactory(parent=profile_index)
    with pytest.raises(IntegrityError):
        CareerPathFactory(from_profile=profile, to_profile=profile)


def test_a_career_path_is_unique_per_direction(profile_index):
    a, b = RoleProfilePageFactory(parent=profile_index), RoleProfilePageFactory(parent=profile_index)
    CareerPathFactory(from_profile=a, to_profile=b)
    CareerPathFactory(from_profile=b, to_profile=a)
    with pytest.raises(IntegrityError):
        CareerPathFactory(from_profile=a, to_profile=b)
