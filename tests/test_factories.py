"""Every factory builds a valid object, so later tests can rely on them."""

import pytest

from tests.cms.factories import ContentPageFactory
from tests.people.factories import (
    HRAdviserFactory,
    LearnerFactory,
    MembershipFactory,
    OrganisationFactory,
    OutgoingEmailFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        UserFactory,
        OrganisationFactory,
        MembershipFactory,
        LearnerFactory,
        HRAdviserFactory,
        OutgoingEmailFactory,
    ],
)
def test_model_factory_builds_a_valid_object(factory):
    obj = factory()
    obj.full_clean()


def test_content_page_factory_builds_under_the_home_page(home_page):
    page = ContentPageFactory(parent=home_page)
    page.full_clean()
    assert page.get_parent().specific == home_page
