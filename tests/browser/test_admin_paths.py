"""The platform admin builds a learning path in the Wagtail admin, as an editor would."""

import re

import pytest
from playwright.sync_api import expect

from curriculum.models import LearningPath
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory
from tests.people.factories import UserFactory

from .conftest import assert_accessible, assert_accessible_when_still, log_in


@pytest.fixture
def tracks(site):
    catalog = CatalogPageFactory(parent=site)
    return {
        title: LearningTrackPageFactory(parent=catalog, title=title)
        for title in ("Plannen en bewaken", "Notuleren en actielijsten")
    }


def choose_track(page, item, title):
    """Pick a track with the page chooser of one item of the path."""
    item.get_by_role("button", name=re.compile("^Kies een pagina")).click()
    modal = page.get_by_role("dialog")
    modal.get_by_role("link", name=title).click()
    expect(modal).to_be_hidden()
    expect(item).to_contain_text(title)


def test_admin_creates_a_path_with_a_required_and_an_elective_track(page, tracks):
    UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    log_in(page, "admin@example.org")
    page.goto("/admin/")
    page.get_by_role("button", name="Leerpaden en toewijzingen").click()
    page.get_by_role("link", name="Leerpaden").click()
    page.get_by_role("link", name=re.compile("Voeg toe|Leerpad toevoegen")).first.click()
    expect(page.get_by_role("navigation", name="Kruimelpad")).to_contain_text("Nieuw: Leerpad")
    assert_accessible(page)

    page.get_by_role("textbox", name=re.compile("^Titel")).fill("Van projectondersteuner naar PMO'er")
    page.get_by_role("textbox", name=re.compile("^Omschrijving")).fill("Twee leergangen op weg naar het PMO.")
    page.get_by_role("spinbutton", name=re.compile("^Minimaal aantal keuzeleergangen")).fill("1")
    choose_track(page, page.get_by_role("region", name="Leergang 1"), "Plannen en bewaken")
    page.get_by_role("button", name="Voeg Leergang toe").click()
    second = page.get_by_role("region", name="Leergang 2")
    choose_track(page, second, "Notuleren en actielijsten")
    second.get_by_role("checkbox", name="Verplicht").uncheck()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text("Er zijn maar 0 keuzeleergangen")).to_have_count(0)
    expect(page.get_by_role("status").or_(page.get_by_role("alert")).first).to_contain_text("aangemaakt")
    assert_accessible_when_still(page)
    path = LearningPath.objects.get()
    assert (path.slug, path.min_electives) == ("van-projectondersteuner-naar-pmoer", 1)
    assert [(item.track.title, item.required) for item in path.items.order_by("sort_order")] == [
        ("Plannen en bewaken", True),
        ("Notuleren en actielijsten", False),
    ]
