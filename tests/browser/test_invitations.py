"""HR invites people, one by hand and more from a file; an invited person makes an account
with the link and lands on their own dashboard. Every page is checked with axe-core, at
desktop and at phone width."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from people.models import Membership, OutgoingEmail
from tests.people.factories import PASSWORD, HRAdviserFactory, OrganisationFactory

from .conftest import assert_accessible, log_in

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def link_in_mail_to(address: str) -> str:
    """The path of the invitation link in the last mail to ``address`` (the mail names SITE_URL)."""
    body = OutgoingEmail.objects.filter(to=address).latest("pk").body_text
    return urlsplit(re.search(r"https?://\S+/uitnodiging/[\w-]+/", body).group(0)).path


def log_out(page):
    page.context.clear_cookies()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_hr_invites_a_person_who_accepts_and_lands_on_their_dashboard(page, viewport):
    page.set_viewport_size(viewport)
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org")
    log_in(page, "hr@zeist.example.org")
    page.goto("/hr/")
    page.get_by_role("link", name="Mensen uitnodigen").click()
    expect(page.get_by_role("heading", level=1, name="Uitnodigingen")).to_be_visible()
    assert_accessible(page)

    form = page.get_by_role("region", name="Eén persoon uitnodigen")
    form.get_by_label("Naam").fill("Sanne de Boer")
    form.get_by_label("E-mailadres").fill("sanne@")
    form.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("Voer een geldig e-mailadres in.")).to_be_visible()
    expect(form.get_by_label("Naam")).to_have_value("Sanne de Boer")
    assert_accessible(page)
    form.get_by_label("E-mailadres").fill("sanne@zeist.example.org")
    form.get_by_label("Team").fill("Programmabureau")
    form.get_by_role("button", name="Uitnodiging versturen").click()
    expect(
        page.get_by_text("De uitnodiging voor Sanne de Boer is verstuurd naar sanne@zeist.example.org.")
    ).to_be_visible()
    table = page.get_by_role("table", name="1 uitnodiging")
    expect(table).to_contain_text("Sanne de Boer")
    expect(table).to_contain_text("Open")
    assert_accessible(page)

    link = link_in_mail_to("sanne@zeist.example.org")
    log_out(page)
    page.goto(link)
    expect(page.get_by_role("heading", level=1, name="Gemeente Zeist nodigt je uit voor Spil")).to_be_visible()
    expect(page.get_by_label("Volledige naam")).to_have_value("Sanne de Boer")
    assert_accessible(page)
    page.get_by_label("Wachtwoord", exact=True).fill("kort")
    page.get_by_label("Wachtwoord (bevestigen)").fill("kort")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.get_by_text("Dit wachtwoord is te kort.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_role("button", name="Account aanmaken").click()

    expect(page).to_have_url(re.compile(r"/mijn/$"))
    expect(page.get_by_text("Welkom bij Spil! Je account is klaar en je hoort nu bij Gemeente Zeist.")).to_be_visible()
    assert_accessible(page)
    membership = Membership.objects.get(user__email="sanne@zeist.example.org")
    assert (membership.organisation, membership.role, membership.team) == (zeist, "learner", "Programmabureau")

    page.goto(link)
    expect(page.get_by_role("heading", level=1, name="Deze link werkt niet meer")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_hr_invites_from_a_file_after_the_preview(page, viewport, tmp_path):
    page.set_viewport_size(viewport)
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org")
    log_in(page, "hr@zeist.example.org")
    page.goto("/hr/uitnodigingen/")
    wrong = tmp_path / "foto.csv"
    wrong.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    upload = page.get_by_role("region", name="Veel mensen tegelijk uitnodigen")
    upload.get_by_label("Bestand").set_input_files(str(wrong))
    upload.get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_text("Het bestand bevat NUL-tekens")).to_be_visible()
    assert_accessible(page)

    broken = tmp_path / "mensen.csv"
    broken.write_text("naam;e-mail;team\nAnne Jansen;anne@zeist.example.org;PMO\nBram;bram@;\n", encoding="utf-8")
    upload.get_by_label("Bestand").set_input_files(str(broken))
    upload.get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_role("heading", level=1, name="Controleer het bestand")).to_be_visible()
    expect(page.get_by_text("1 rij heeft een probleem.")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Dit is geen geldig e-mailadres.")
    expect(page.get_by_role("button", name=re.compile("uitnodigingen versturen"))).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("button", name="Bestand weggooien").click()

    fixed = tmp_path / "mensen-goed.csv"
    fixed.write_text(
        "\ufeffnaam;e-mail;team\nAnne Jansen;anne@zeist.example.org;PMO\nBram de Wit;bram@zeist.example.org;\n",
        encoding="utf-8",
    )
    upload = page.get_by_role("region", name="Veel mensen tegelijk uitnodigen")
    upload.get_by_label("Bestand").set_input_files(str(fixed))
    upload.get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_text("Het bestand klopt.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="2 uitnodigingen versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Klaar: 2 mensen zijn uitgenodigd.")
    assert_accessible(page)
    assert OutgoingEmail.objects.filter(to__in=["anne@zeist.example.org", "bram@zeist.example.org"]).count() == 2
