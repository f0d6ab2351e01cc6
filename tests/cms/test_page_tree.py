"""Where each page type may stand in the page tree, and how many of it may stand there.

``SUBPAGES`` is the tree as editors should meet it: each page type with the page types it may
hold. Every page type of the project's apps must be in it, so a new one cannot slip in
without its place being decided (and tested) here."""

import pytest
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from assessments.models import SelfAssessmentIndexPage, SelfAssessmentPage
from careers.models import CareerMapPage, RoleProfileIndexPage, RoleProfilePage
from circles.models import CircleIndexPage, LearningCirclePage
from cms.models import ContentPage, HomePage
from curriculum.models import CatalogPage, LearningTrackPage, ModulePage
from tests.test_factories import FACTORIES, project_models

SUBPAGES = {
    Page: {HomePage},  # the root of the tree
    HomePage: {
        ContentPage,
        RoleProfileIndexPage,
        CareerMapPage,
        CatalogPage,
        SelfAssessmentIndexPage,
        CircleIndexPage,
    },
    ContentPage: {ContentPage},
    RoleProfileIndexPage: {RoleProfilePage},
    RoleProfilePage: set(),
    CareerMapPage: set(),
    CatalogPage: {LearningTrackPage},
    LearningTrackPage: {ModulePage},
    ModulePage: set(),
    SelfAssessmentIndexPage: {SelfAssessmentPage},
    SelfAssessmentPage: set(),
    CircleIndexPage: {LearningCirclePage},
    LearningCirclePage: set(),
}

# (max_count, max_count_per_parent): one home page in the site, one of each index under it.
LIMITS = {
    HomePage: (1, None),
    RoleProfileIndexPage: (None, 1),
    CareerMapPage: (None, 1),
    CatalogPage: (None, 1),
    SelfAssessmentIndexPage: (None, 1),
    CircleIndexPage: (None, 1),
}
NO_LIMIT = (None, None)

PAGE_TYPES = sorted(
    (model for model in get_page_models() if model in project_models()), key=lambda model: model._meta.label
)


def parents_of(child) -> set:
    return {parent for parent, children in SUBPAGES.items() if child in children}


def test_every_page_type_of_the_project_has_its_place_here():
    assert len(PAGE_TYPES) >= 10, "the page types of the project's apps were not found"
    unplaced = [model._meta.label for model in PAGE_TYPES if model not in SUBPAGES]
    assert not unplaced, "Decide and test where these page types stand (SUBPAGES): " + ", ".join(unplaced)
    assert set(SUBPAGES) - {Page} <= set(PAGE_TYPES), "SUBPAGES names a page type the project no longer has"


class TestPageTree(WagtailPageTestCase):
    def test_each_page_type_holds_only_its_subpages(self):
        for parent in PAGE_TYPES:
            with self.subTest(parent=parent.__name__):
                self.assertAllowedSubpageTypes(parent, SUBPAGES[parent])

    def test_each_page_type_stands_only_under_its_parents(self):
        for child in PAGE_TYPES:
            with self.subTest(child=child.__name__):
                self.assertAllowedParentPageTypes(child, parents_of(child))

    def test_each_page_type_can_be_created_at_its_parents_and_nowhere_else(self):
        for parent, children in SUBPAGES.items():
            for child in PAGE_TYPES:
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if child in children:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_how_many_of_each_page_type_may_stand(self):
        for model in PAGE_TYPES:
            with self.subTest(model=model.__name__):
                assert (model.max_count, model.max_count_per_parent) == LIMITS.get(model, NO_LIMIT)


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_a_limit_of_one_holds_in_the_tree(model):
    """With one page of a type in its place, another fits beside it unless the type allows one."""
    page_factory = next(model_factory for model_factory in FACTORIES if model_factory._meta.model is model)
    parent = page_factory().get_parent()
    assert model.can_create_at(parent) is (1 not in LIMITS.get(model, NO_LIMIT))
