"""The content security policy blocks nothing the site, the admin or a preview does.

Every frame reports each violation (the ``securitypolicyviolation`` event) to the console,
where the test collects them along with Chromium's own "Content Security Policy" messages and
its complaints about the Permissions-Policy header (a feature it does not know, say).
"""

import re

import pytest
from playwright.sync_api import expect

from tests.circles.factories import LearningCirclePageFactory
from tests.cms.factories import ContentPageFactory
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory
from tests.people.factories import LearnerFactory, UserFactory

from .conftest import log_in

REPORTER = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def violations(page):
    found = []
    page.context.add_init_script(REPORTER)
    page.on(
        "console",
        lambda message: (
            found.append(f"{page.url}: {message.text}")
            if any(sign in message.text for sign in ("CSP violation", "Content Security Policy", "Permissions-Policy"))
            else None
        ),
    )
    return found


@pytest.fixture
def pages(site):
    catalog = CatalogPageFactory(parent=site)
    return {
        "content": ContentPageFactory(parent=site, title="Over Spil", slug="over-spil"),
        "track": LearningTrackPageFactory(parent=catalog, title="Notuleren en actielijsten"),
        "circle": LearningCirclePageFactory(title="Leerkring projectondersteuners"),
    }


def visit(page, path: str) -> None:
    response = page.goto(path)
    assert response.status, path
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    page.wait_for_load_state("networkidle")


def test_the_policy_blocks_an_injected_script_and_the_check_sees_it(page, site, violations):
    """The control: if this passes, an empty list of violations below means something."""
    visit(page, "/")

    injected = (
        "const s = document.createElement('script'); s.textContent = 'window.hacked = 1'; document.body.append(s)"
    )
    page.evaluate(f"() => {{ {injected} }}")

    for _ in range(50):  # console messages arrive asynchronously
        if violations:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("window.hacked") is None
    assert any("script-src" in violation for violation in violations), violations


def test_site_pages_run_without_violations(page, pages, violations):
    learner = LearnerFactory().user
    paths = ["/", pages["content"].url, pages["track"].url, pages["circle"].url, "/accounts/login/"]
    for path in paths:
        visit(page, path)
    page.set_viewport_size({"width": 400, "height": 800})
    page.get_by_role("button", name="Menu").click()  # spil.js, from static files, still runs
    expect(page.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "true")

    log_in(page, learner.email)
    visit(page, "/mijn/")

    assert violations == []


def test_the_admin_and_a_page_preview_run_without_violations(page, pages, violations):
    UserFactory(email="redacteur@example.org", is_superuser=True, is_staff=True)
    log_in(page, "redacteur@example.org")
    content = pages["content"]

    visit(page, "/admin/")
    page.goto(f"/admin/pages/{content.pk}/edit/")
    page.get_by_role("textbox", name=re.compile("^Titel")).first.fill("Over Spil, bijgewerkt")
    preview = f"/admin/pages/{content.pk}/edit/preview/"
    checked = page.evaluate(
        """async (url) => {
            const form = document.querySelector("form[data-edit-form]") || document.querySelector("main form");
            const response = await fetch(url, {method: "POST", body: new FormData(form)});
            return response.json();
        }""",
        preview,
    )
    assert checked["is_valid"], checked
    page.goto(preview)
    expect(page.get_by_role("heading", level=1)).to_have_text("Over Spil, bijgewerkt")
    page.wait_for_load_state("networkidle")

    assert violations == []
