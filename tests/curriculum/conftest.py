import pytest

from tests.curriculum.factories import (
    CatalogPageFactory,
    LearningTrackPageFactory,
    ModulePageFactory,
    assignment_block,
    knowledge_check,
)


@pytest.fixture
def catalog(home_page):
    return CatalogPageFactory(parent=home_page)


@pytest.fixture
def track(catalog):
    """A track of three modules: reading, a knowledge check, and an elective assignment."""
    track = LearningTrackPageFactory(parent=catalog, title="Notuleren en actielijsten")
    ModulePageFactory(parent=track, title="Waarom notuleren")
    ModulePageFactory(parent=track, title="De actielijst", body=[("paragraph", "<p>Tekst</p>"), knowledge_check()])
    ModulePageFactory(parent=track, title="In de praktijk", required=False, body=[assignment_block()])
    return track


@pytest.fixture
def profile_index(home_page):
    from tests.careers.factories import RoleProfileIndexPageFactory

    return RoleProfileIndexPageFactory(parent=home_page)
