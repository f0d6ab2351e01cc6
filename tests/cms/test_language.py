import pytest

from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_dutch_is_the_default_language(client, home_page):
    response = client.get("/")
    assert b'<html lang="nl"' in response.content
    assert b"Direct naar de inhoud" in response.content


def test_switching_to_english_translates_the_interface(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert b'<html lang="en"' in response.content
    assert b"Skip to content" in response.content


def test_the_switch_is_remembered_on_the_account(client, home_page):
    user = UserFactory(preferred_language="nl")
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_a_signed_in_person_gets_their_preferred_language_in_a_new_browser(client, home_page):
    client.force_login(UserFactory(preferred_language="en"))
    assert b'<html lang="en"' in client.get("/").content


def test_an_unknown_language_changes_nothing(client, home_page):
    user = UserFactory(preferred_language="nl")
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "nl"


def test_the_switch_refuses_an_outside_redirect(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example.com/"})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_an_english_browser_still_gets_dutch_until_it_chooses(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert b'<html lang="nl"' in response.content
    assert response["Content-Language"] == "nl"
