import types

import pytest

from common import throttle
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory, ModulePageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory, UserFactory

# The start of a rate-limit window, plus ten seconds: 590 seconds (10 minutes) remain.
FROZEN_TIME = 1_800_000_000.0 + 10


@pytest.fixture
def world(home_page):
    """Anna is a learner of Gemeente Zeist: certificates are for members of an organisation
    (CERTIFICATES_MEMBERS_ONLY), so every holder in these tests has a membership, except
    ``stranger``, who signed up on their own."""
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
        "stranger": UserFactory(full_name="Zomaar Iemand"),
    }


@pytest.fixture
def catalog_page(world):
    return world["track"].get_parent().specific


@pytest.fixture
def frozen_window(monkeypatch):
    """Rate-limit windows are fixed blocks of time: freeze the clock inside one, so a test
    never straddles two."""
    monkeypatch.setattr(throttle, "time", types.SimpleNamespace(time=lambda: FROZEN_TIME))
    return FROZEN_TIME
