import datetime
import os

import pytest
from playwright.sync_api import expect

from tests.assessments.factories import SelfAssessmentIndexPageFactory
from tests.browser.conftest import assert_accessible  # noqa: F401
from tests.careers.factories import CareerMapPageFactory, RoleProfileIndexPageFactory
from tests.curriculum.factories import AssignmentFactory, CatalogPageFactory, LearningTrackPageFactory
from tests.people.factories import PASSWORD, HRAdviserFactory, LearnerFactory, OrganisationFactory

TAG = os.environ.get("SHOT_TAG", "before")


def log_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord", exact=True).press("Enter")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


@pytest.mark.parametrize("width", [390, 1024, 1280])
def test_shots(page, site, width):
    catalog = CatalogPageFactory(parent=site, show_in_menus=True)
    SelfAssessmentIndexPageFactory(parent=site, show_in_menus=True)
    RoleProfileIndexPageFactory(parent=site, show_in_menus=True)
    CareerMapPageFactory(parent=site, show_in_menus=True)
    t1 = LearningTrackPageFactory(parent=catalog, title="Managementondersteuner in een politiek-bestuurlijke omgeving")
    t2 = LearningTrackPageFactory(parent=catalog, title="Projectondersteuning en actielijsten")
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org", user__full_name="Hanneke van den Berg-Verhoeven", user__is_superuser=True, user__is_staff=True)
    anna = LearnerFactory(organisation=zeist, user__email="anna@zeist.example.org", user__full_name="Anna de Vries").user
    AssignmentFactory(user=anna, organisation=zeist, track=t1, due_date=datetime.date.today() + datetime.timedelta(days=20))
    AssignmentFactory(user=anna, organisation=zeist, track=t2, due_date=datetime.date.today() - datetime.timedelta(days=2))
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")
    page.screenshot(path=f"/tmp/layout/{TAG}-home-{width}.png")
    page.goto(catalog.url)
    page.screenshot(path=f"/tmp/layout/{TAG}-catalog-{width}.png", full_page=True)
    log_in(page, "anna@zeist.example.org")
    from tests.curriculum.factories import EnrolmentFactory
    EnrolmentFactory(user=anna, track=t2)
    page.goto(catalog.url)
    page.screenshot(path=f"/tmp/layout/{TAG}-catalearner-{width}.png")
    page.goto("/mijn/")
    page.screenshot(path=f"/tmp/layout/{TAG}-mijn-{width}.png", full_page=True)
    page.context.clear_cookies()
    log_in(page, "hr@zeist.example.org")
    page.goto("/hr/")
    page.screenshot(path=f"/tmp/layout/{TAG}-hr-{width}.png")
    if width < 1024:
        page.get_by_role("button", name="Menu").click()
        page.screenshot(path=f"/tmp/layout/{TAG}-hrmenu-{width}.png")
    print(width, page.title(), page.evaluate("document.querySelector('header').getBoundingClientRect().height"))
