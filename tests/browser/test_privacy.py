"""A learner downloads their data and erases their account, in the browser."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from privacy.models import Erasure
from tests.people.factories import PASSWORD, LearnerFactory

from .conftest import assert_accessible, log_in


def test_a_learner_downloads_their_data_and_erases_their_account(page):
    learner = LearnerFactory(user__full_name="Wilma Wisverzoek").user
    log_in(page, learner.email)

    page.get_by_role("link", name="Mijn gegevens").click()
    expect(page.get_by_role("heading", level=1, name="Je gegevens")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Maak een download van mijn gegevens").click()
    expect(page.get_by_role("heading", level=1, name="Download van je gegevens")).to_be_visible()
    link = page.get_by_role("link", name="Download het ZIP-bestand")
    expect(link).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".zip")

    page.goto(reverse("privacy:erase"))
    assert_accessible(page)
    page.get_by_label("Ik begrijp dat mijn account niet terug kan komen").check()
    page.get_by_label("Typ WISSEN om te bevestigen").fill("wissen")
    page.get_by_role("button", name="Wis mijn account").click()
    expect(page.get_by_text("Typ precies WISSEN, in hoofdletters.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Typ WISSEN om te bevestigen").fill("WISSEN")
    page.get_by_role("button", name="Wis mijn account").click()
    page.wait_for_url(re.compile(r"/(accounts/reauthenticate|mijn/privacy/wissen)/"))
    if "/accounts/reauthenticate/" in page.url:
        page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Bevestig").click()
    expect(page.get_by_role("heading", level=1, name="Je account is gewist")).to_be_visible()
    assert_accessible(page)
    assert Erasure.objects.filter(user=learner).exists()
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
