"""Browser tests: Playwright drives the system Chromium against Django's live server.

Every test that visits a page checks it with axe-core (``assert_accessible``).
"""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

from cms.services import ensure_site
from tests.people.factories import PASSWORD

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
# test body are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Generous: a request may render a PDF or run a Celery task in-process on a busy 2-core machine.
TIMEOUT_MS = 20_000
expect.set_options(timeout=TIMEOUT_MS)
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' (.ci/run does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(transactional_db):
    return ensure_site()


@pytest.fixture
def page(browser, live_server, site):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"]][:5]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {json.dumps(targets)}")
    return "\n".join(lines)


def assert_accessible(page) -> None:
    """Fail on any WCAG 2.1 A or AA violation that axe-core finds on the current page."""
    if not AXE_JS.exists():
        pytest.fail(f"axe-core not found at {AXE_JS}: run `npm ci` (make install does).")
    # A click on a link returns before the next page is there: when the check ran on the document
    # being replaced (axe fails on a missing documentElement, or the context goes), check the next
    # page once it has loaded.
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            result = run_axe(page)
            break
        except PlaywrightError as error:
            if attempt == 2 or not any(sign in str(error) for sign in NAVIGATING):
                raise
    violations = result["violations"]
    assert not violations, f"axe-core found WCAG violations on {page.url}:\n" + format_violations(violations)


NAVIGATING = ("documentElement", "Execution context was destroyed", "axe is not defined")


def run_axe(page) -> dict:
    # Through the DevTools protocol, not a <script> tag, which the content security policy refuses.
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)


def log_in(page, email: str, password: str = PASSWORD) -> None:
    """Sign in through allauth's login page, as a person would."""
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def assert_accessible_when_still(page) -> None:
    """Wagtail fades its messages in: check the page as it ends up, not halfway through."""
    # A function, not an expression: Playwright would eval() an expression, which the policy refuses.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.messages > ul')].every((list) => getComputedStyle(list).opacity === '1')"
    )
    # Wagtail's badge on the account menu pulses for 25 seconds (five times five): jump such
    # long, decorative animations to their end state instead of waiting for them.
    page.evaluate(
        """() => Promise.all(document.getAnimations().map((animation) => {
            const timing = animation.effect ? animation.effect.getComputedTiming() : {};
            if (timing.endTime > 2000 && timing.endTime !== Infinity) animation.finish();
            return animation.finished;
        }))"""
    )
    assert_accessible(page)
