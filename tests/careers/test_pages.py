"""Role profile pages, the index and the career map: content, and constant query counts."""

import itertools

import pytest

from careers.models import CareerPath, Family, PMOLevel
from tests.careers.factories import (
    CareerPathFactory,
    CompetencyFactory,
    MethodFactory,
    RequirementFactory,
    RoleProfilePageFactory,
)

pytestmark = pytest.mark.django_db


def build_ladder(index, size: int):
    profiles = [
        RoleProfilePageFactory(parent=index, title=f"MO schaal {n}", salary_scale=n) for n in range(1, size + 1)
    ]
    for low, high in itertools.pairwise(profiles):
        CareerPathFactory(from_profile=low, to_profile=high)
    for profile in profiles:
        for _ in range(3):
            RequirementFactory(page=profile)
        profile.methods.add(MethodFactory())
        profile.save()
    return profiles


def test_profile_page_shows_requirements_methods_and_steps(client, profile_index):
    practical = RoleProfilePageFactory(
        parent=profile_index, title="PMO praktisch", family=Family.PMO, pmo_level=PMOLevel.PRACTICAL, salary_scale=None
    )
    tactical = RoleProfilePageFactory(
        parent=profile_index, title="PMO tactisch", family=Family.PMO, pmo_level=PMOLevel.TACTICAL, salary_scale=None
    )
    planning = CompetencyFactory(name="Planning bewaken", level_3="Bewaakt de planning van een programma.")
    RequirementFactory(page=practical, competency=planning, level=3)
    practical.methods.add(MethodFactory(name="Prince2"))
    practical.save_revision().publish()
    CareerPathFactory(from_profile=practical, to_profile=tactical, description="Je stuurt op portfolioniveau.")

    html = client.get(practical.url).content.decode()
    assert "Planning bewaken" in html
    assert "Bewaakt de planning van een programma." in html
    assert 'role="img"' in html
    assert "Planning bewaken: niveau 3" in html
    assert "Prince2" in html
    assert "Je stuurt op portfolioniveau." in html
    assert "Dit is een instapfunctie." in html
    assert "PMO praktisch" in client.get(tactical.url).content.decode()


def test_phasing_out_is_shown(client, profile_index):
    profile = RoleProfilePageFactory(parent=profile_index, salary_scale=5, phasing_out=True)
    assert "wordt uitgefaseerd" in client.get(profile.url).content.decode()


@pytest.mark.parametrize("size", [3, 12])
def test_profile_page_queries_do_not_grow_with_the_number_of_profiles(
    client, profile_index, size, django_assert_max_num_queries
):
    profiles = build_ladder(profile_index, size)
    middle = profiles[len(profiles) // 2]
    client.get(middle.url)
    # 16: two of them find the tracks and learning circles for the role ("Leren voor deze rol").
    with django_assert_max_num_queries(16):
        assert client.get(middle.url).status_code == 200


@pytest.mark.parametrize("size", [3, 15])
def test_career_map_queries_do_not_grow_with_the_number_of_profiles(
    client, profile_index, career_map_page, size, django_assert_max_num_queries
):
    build_ladder(profile_index, size)
    client.get(career_map_page.url)
    with django_assert_max_num_queries(10):
        response = client.get(career_map_page.url)
    html = response.content.decode()
    assert html.count('class="spil-map__node"') == size
    assert html.count("spil-map__edge") >= size - 1


@pytest.mark.parametrize("size", [3, 15])
def test_index_queries_do_not_grow(client, profile_index, size, django_assert_max_num_queries):
    build_ladder(profile_index, size)
    client.get(profile_index.url)
    with django_assert_max_num_queries(10):
        response = client.get(profile_index.url)
    assert response.content.decode().count('class="spil-card"') == size


def test_career_map_draws_lateral_steps_dashed_and_lists_them(client, profile_index, career_map_page):
    a = RoleProfilePageFactory(parent=profile_index, title="Managementondersteuner schaal 7")
    b = RoleProfilePageFactory(parent=profile_index, title="Projectmanagementassistent", family=Family.PROJECT_SUPPORT)
    CareerPathFactory(from_profile=a, to_profile=b, kind=CareerPath.Kind.LATERAL, description="Van lijn naar project.")
    html = client.get(career_map_page.url).content.decode()
    assert "spil-map__edge--lateral" in html
    assert "zijstap naar Projectmanagementassistent: Van lijn naar project." in html
    assert f'href="{a.url}"' in html


def test_unpublished_profiles_stay_off_the_map(client, profile_index, career_map_page):
    live = RoleProfilePageFactory(parent=profile_index, title="Zichtbaar")
    hidden = RoleProfilePageFactory(parent=profile_index, title="Concept", live=False)
    CareerPathFactory(from_profile=live, to_profile=hidden)
    html = client.get(career_map_page.url).content.decode()
    assert "Zichtbaar" in html
    assert "Concept" not in html
    assert "Concept" not in client.get(live.url).content.decode()
