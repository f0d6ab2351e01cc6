import re

from playwright.sync_api import expect

from people.models import User
from tests.people.factories import PASSWORD, UserFactory

from .conftest import assert_accessible


def test_home_page_has_landmarks_and_passes_axe(page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1, name="Spil")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    expect(page.get_by_role("main")).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_be_visible()
    assert_accessible(page)


def test_skip_link_moves_focus_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    skip.press("Enter")
    expect(page).to_have_url(re.compile(r"#inhoud$"))


def test_accessibility_statement_is_linked_from_the_footer(page):
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Toegankelijkheid").click()
    expect(page).to_have_url(re.compile(r"/toegankelijkheid/$"))
    expect(page.get_by_role("heading", level=1, name="Toegankelijkheidsverklaring")).to_be_visible()
    assert_accessible(page)


def test_login_with_email_and_password(page):
    UserFactory(email="anna@zeist.example.org", full_name="Anna de Vries")
    page.goto("/accounts/login/")
    assert_accessible(page)
    page.get_by_label("E-mail").fill("anna@zeist.example.org")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Ingelogd als Anna de Vries", exact=True)).to_be_visible()
    assert_accessible(page)


def test_wrong_password_shows_an_error_and_keeps_the_email(page):
    UserFactory(email="anna@zeist.example.org")
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill("anna@zeist.example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("niet-het-goede-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("E-mail")).to_have_value("anna@zeist.example.org")
    assert_accessible(page)


def test_sign_up_asks_to_verify_the_email_address(page):
    page.goto("/accounts/signup/")
    assert_accessible(page)
    page.get_by_label("Volledige naam").fill("Sanne Smit")
    page.get_by_label("E-mail").fill("sanne@gouda.example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("een-lang-wachtwoord-2026")
    page.get_by_label("Wachtwoord (bevestigen)").fill("een-lang-wachtwoord-2026")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("verifi", re.IGNORECASE))
    assert_accessible(page)
    user = User.objects.get(email="sanne@gouda.example.org")
    assert user.full_name == "Sanne Smit"


def test_sign_up_errors_keep_what_was_typed(page):
    page.goto("/accounts/signup/")
    page.get_by_label("Volledige naam").fill("Sanne Smit")
    page.get_by_label("E-mail").fill("sanne@gouda.example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("kort")
    page.get_by_label("Wachtwoord (bevestigen)").fill("anders")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.get_by_label("Volledige naam")).to_have_value("Sanne Smit")
    expect(page.get_by_label("E-mail")).to_have_value("sanne@gouda.example.org")
    assert_accessible(page)


def test_password_reset_page_passes_axe(page):
    page.goto("/accounts/password/reset/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_language_switch_to_english_and_back(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Skip to content")).to_be_attached()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def test_account_pages_pass_axe(page):
    UserFactory(email="anna@zeist.example.org", full_name="Anna de Vries")
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill("anna@zeist.example.org")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Mijn account").click()
    expect(page.get_by_role("navigation", name="Accountinstellingen")).to_be_visible()
    assert_accessible(page)
    for link in ["Wachtwoord", "Tweestapsverificatie"]:
        page.get_by_role("navigation", name="Accountinstellingen").get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
    page.goto("/accounts/2fa/totp/activate/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_the_demo_home_page_leads_everywhere(page, site, demo):
    page.goto("/")
    for name in ["Leeraanbod", "Zelfscans", "Functieprofielen", "Loopbaanpaden"]:
        expect(page.get_by_role("main").get_by_role("link", name=name)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("main").get_by_role("link", name="Zelfscans").click()
    expect(page.get_by_role("heading", level=1, name="Zelfscans")).to_be_visible()
    assert_accessible(page)


def test_the_demo_site_in_english_reads_in_english(page, site, demo):
    page.goto("/")
    page.get_by_role("link", name="English").click()
    navigation = page.get_by_role("navigation", name="Main menu")
    for name in ["Learning offer", "Self-scans", "Role profiles", "Career paths"]:
        expect(navigation.get_by_role("link", name=name)).to_be_attached()
        expect(page.get_by_role("main").get_by_role("link", name=name)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("main").get_by_role("link", name="Learning offer").click()
    expect(page.get_by_role("heading", level=1, name="Learning offer")).to_be_visible()
    assert_accessible(page)
    # A track has one version, in Dutch: marked as such, with an English way back.
    page.get_by_role("main").get_by_role("link", name="Notuleren en actielijsten").click()
    expect(page.get_by_role("main")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("main").get_by_role("link", name="Learning offer")).to_be_visible()
    assert_accessible(page)
