"""English versions of pages, with Wagtail's localisation (common/i18n.py).

One address per page; the reader's language picks the English translation where an editor
published one, and the Dutch page everywhere else. Tracks, modules, profiles and self-scans
have one version, so a learner's history never splits by language."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page

from cms.models import ContentPage
from curriculum.models import Enrolment, LearningTrackPage
from people.models import User
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory

pytestmark = pytest.mark.django_db


def english(client):
    client.cookies["django_language"] = "en"
    return client


def translate(page, **fields):
    translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def nav_labels(soup) -> list[str]:
    return [link.get_text(strip=True) for link in soup.select(".spil-main-nav a")]


@pytest.fixture
def catalog(home_page):
    catalog = CatalogPageFactory(parent=home_page, title="Leeraanbod", slug="leeraanbod", show_in_menus=True)
    LearningTrackPageFactory(parent=catalog, title="Notuleren en actielijsten", slug="notuleren")
    return catalog


def test_demo_content_reads_in_english_in_the_navigation_and_the_index_pages(client, demo):
    client = english(client)
    home = soup_of(client.get("/"))
    assert nav_labels(home) == [
        "Home",
        "Role profiles",
        "Career paths",
        "Learning offer",
        "Self-scans",
        "Learning circles",
    ]
    assert home.h1.get_text(strip=True) == "Spil"
    assert "Learn and grow" in home.main.get_text()
    for address, title in [
        ("/leeraanbod/", "Learning offer"),
        ("/functieprofielen/", "Role profiles"),
        ("/loopbaanpaden/", "Career paths"),
        ("/zelfscans/", "Self-scans"),
        ("/leerkringen/", "Learning circles"),
        ("/toegankelijkheid/", "Accessibility statement"),
    ]:
        page = soup_of(client.get(address))
        assert page.h1.get_text(strip=True) == title, address
        assert page.select_one(".spil-main-nav [aria-current=page]") is not None or address == "/toegankelijkheid/"
    # The English index pages list the Dutch tracks, profiles and self-scans, marked as Dutch.
    catalog = soup_of(client.get("/leeraanbod/"))
    cards = catalog.select(".spil-card h3[lang=nl] a")
    assert len(cards) == LearningTrackPage.objects.live().count()
    profiles = soup_of(client.get("/functieprofielen/"))
    assert profiles.select(".spil-card h3[lang=nl] a")
    assert soup_of(client.get("/zelfscans/")).select(".spil-card h2[lang=nl] a")
    # A track has one version: shown in Dutch in the English interface, its breadcrumb and
    # the menu name the catalogue alike.
    track = LearningTrackPage.objects.live().first()
    page = soup_of(client.get(track.url))
    assert page.main["lang"] == "nl"
    assert page.h1.get_text(strip=True) == track.title
    crumb = page.select_one("main .spil-meta a")
    assert crumb.get_text(strip=True) == "Learning offer"
    assert page.select_one(".spil-main-nav [aria-current=page]").get_text(strip=True) == "Learning offer"
    # Dutch readers see the Dutch pages at the same addresses.
    client.cookies["django_language"] = "nl"
    home = soup_of(client.get("/"))
    assert nav_labels(home) == ["Home", "Functieprofielen", "Loopbaanpaden", "Leeraanbod", "Zelfscans", "Leerkringen"]
    assert "lang" not in soup_of(client.get(track.url)).main.attrs
    # One translation per page (seeding again adds none: tests/demo/test_seed_demo.py).
    english_locale = Locale.objects.get(language_code="en")
    assert Page.objects.filter(locale=english_locale).count() == 7


def test_without_a_translation_the_dutch_page_is_shown(client, catalog):
    client = english(client)
    page = soup_of(client.get("/leeraanbod/"))
    assert page.h1.get_text(strip=True) == "Leeraanbod"
    assert page.main["lang"] == "nl"
    assert "Leeraanbod" in nav_labels(page)
    assert soup_of(client.get("/leeraanbod/notuleren/")).h1.get_text(strip=True) == "Notuleren en actielijsten"


def test_a_draft_translation_is_not_shown(client, catalog, home_page):
    translate(home_page, title="Spil")
    translation = translate(catalog, title="Learning offer")
    translation.unpublish()
    client = english(client)
    page = soup_of(client.get("/leeraanbod/"))
    assert page.h1.get_text(strip=True) == "Leeraanbod"
    assert "Learning offer" not in nav_labels(page)
    assert client.get("/leeraanbod/notuleren/").status_code == 200


def test_pages_under_a_translated_index_keep_their_address_and_their_history(client, catalog, home_page):
    translate(home_page, title="Spil")
    translate(catalog, title="Learning offer", slug="learning-offer")
    english_catalog = catalog.get_translation(Locale.objects.get(language_code="en"))
    assert english_catalog.slug == "leeraanbod", "a translation keeps the address of the page it translates"
    learner = User.objects.create_user(email="leerling@example.org", password="x-Geheim-2026", full_name="Lea")
    client.force_login(learner)
    client = english(client)
    track = LearningTrackPage.objects.get(slug="notuleren")
    assert soup_of(client.get("/leeraanbod/")).h1.get_text(strip=True) == "Learning offer"
    assert soup_of(client.get("/leeraanbod/notuleren/")).h1.get_text(strip=True) == "Notuleren en actielijsten"
    response = client.post(f"/leergangen/{track.pk}/inschrijven/", follow=True)
    assert response.status_code == 200
    assert Enrolment.objects.filter(user=learner, track=track).exists()
    assert client.get("/leeraanbod/bestaat-niet/").status_code == 404


@pytest.fixture
def editor(client):
    admin = User.objects.create_superuser(email="redacteur@example.org", password="x-Geheim-2026", full_name="Red")
    client.force_login(admin)
    return client


def test_an_editor_translates_an_index_page_but_not_a_track(editor, catalog):
    english_locale = Locale.objects.get(language_code="en")
    track = LearningTrackPage.objects.get(slug="notuleren")
    response = editor.get(f"/admin/translation/submit/page/{track.pk}/", follow=True)
    assert response.status_code == 200
    assert "heeft één versie" in response.content.decode()
    editor.post(f"/admin/translation/submit/page/{track.pk}/", {"locales": [english_locale.pk]})
    assert not track.has_translation(english_locale)

    home = catalog.get_parent()
    form = editor.get(f"/admin/translation/submit/page/{home.pk}/")
    assert form.status_code == 200
    # A subtree would copy the tracks along: translating is page by page.
    response = editor.post(
        f"/admin/translation/submit/page/{home.pk}/", {"locales": [english_locale.pk], "include_subtree": "on"}
    )
    assert response.status_code == 302
    assert home.has_translation(english_locale)
    response = editor.post(f"/admin/translation/submit/page/{catalog.pk}/", {"locales": [english_locale.pk]})
    assert response.status_code == 302
    assert catalog.has_translation(english_locale)
    assert not track.has_translation(english_locale)
    assert Page.objects.filter(locale=english_locale).count() == 2


def test_the_accessibility_statement_can_be_translated_and_keeps_its_address(client, home_page):
    statement = ContentPage.objects.get(slug="toegankelijkheid")
    translate(home_page, title="Spil")
    translate(statement, title="Accessibility statement")
    client = english(client)
    page = soup_of(client.get("/toegankelijkheid/"))
    assert page.h1.get_text(strip=True) == "Accessibility statement"
    assert "lang" not in page.main.attrs
    assert re.search(r"Accessibility", soup_of(client.get("/")).footer.get_text())
