import pytest

from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory, ModulePageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory


@pytest.fixture
def world(home_page):
    zeist = OrganisationFactory(name="Gemeente Zeist")
    track = LearningTrackPageFactory(
        parent=CatalogPageFactory(parent=home_page),
        title="Risicomanagement voor de PMO",
        leads_to_certificate=True,
        certificate_validity_months=24,
        study_load_hours=16,
    )
    ModulePageFactory(parent=track, title="Risico's herkennen")
    return {
        "zeist": zeist,
        "track": track,
        "anna": LearnerFactory(organisation=zeist, user__full_name="Anna de Vries").user,
        "hr": HRAdviserFactory(organisation=zeist).user,
        "other_hr": HRAdviserFactory(organisation=OrganisationFactory()).user,
    }


@pytest.fixture
def catalog_page(world):
    return world["track"].get_parent().specific
