"""Anonymous pages carry no cookie, so a shared cache or CDN may keep them (issue 17).

The language switch used to be a POST form, and its CSRF token set a ``csrftoken`` cookie
on every page. It is now a pair of plain links to ``/i18n/setlang/?taal=..&next=..``.
"""

import re
from html import unescape

import pytest

from assessments.models import SelfAssessmentIndexPage
from careers.models import CareerMapPage, RoleProfileIndexPage, RoleProfilePage
from circles.models import CircleIndexPage, LearningCirclePage
from cms.models import HomePage
from curriculum.models import CatalogPage, LearningTrackPage
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

# Pages with a POST form of their own, which needs its CSRF token (and so a cookie).
EXCEPTIONS = {
    "/accounts/login/": "het inlogformulier (POST, met CSRF-token)",
    "/accounts/signup/": "het formulier om een account aan te maken (POST, met CSRF-token)",
    # Looking a certificate up by number is a GET form, but the same page holds the upload
    # form for an Open Badge (POST, multipart), so it has a token.
    "/certificates/verify/": "het formulier om een Open Badge na te kijken (POST, met CSRF-token)",
}


def first_url(model):
    page = model.objects.live().public().filter(locale__language_code="nl").first()
    assert page is not None, f"no live {model.__name__} in the demo content"
    return page.url


def anonymous_pages():
    return {
        "home": first_url(HomePage),
        "catalogue": first_url(CatalogPage),
        "track": first_url(LearningTrackPage),
        "role profiles": first_url(RoleProfileIndexPage),
        "role profile": first_url(RoleProfilePage),
        "career map": first_url(CareerMapPage),
        "self-assessments": first_url(SelfAssessmentIndexPage),
        "circles": first_url(CircleIndexPage),
        "circle": first_url(LearningCirclePage),
    }


def switch_link(html, language):
    """The language switch's link to ``language``, as a browser would follow it."""
    match = re.search(rf'<a href="(/i18n/setlang/\?[^"]+)" lang="{language}" hreflang="{language}"', html)
    assert match, f"no link to {language} in the language switch"
    return unescape(match.group(1))


def test_anonymous_pages_set_no_cookie(client, demo):
    for name, url in anonymous_pages().items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        assert not response.cookies, (name, url, list(response.cookies))
        assert "Set-Cookie" not in response.headers, (name, url)
        html = response.content.decode()
        assert "csrfmiddlewaretoken" not in html, (name, url)
        assert 'method="post"' not in html.lower(), (name, url)
        # The language comes from a cookie, so the page does vary on it: a cache must keep
        # the Dutch and the English page apart. Anonymous pages vary on nothing else.
        assert response["Vary"] == "Cookie", (name, url, response["Vary"])
        assert not client.cookies, (name, url)


@pytest.mark.parametrize("url", sorted(EXCEPTIONS))
def test_pages_with_a_post_form_are_the_listed_exceptions(client, home_page, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode(), EXCEPTIONS[url]


def test_the_switch_links_change_the_language_and_come_back(client, home_page):
    track = home_page.url
    html = client.get(track).content.decode()
    assert '<html lang="nl"' in html
    response = client.get(switch_link(html, "en"))
    assert response.status_code == 302
    assert response["Location"] == track
    assert response.cookies["django_language"].value == "en"
    english = client.get(track)
    assert '<html lang="en"' in english.content.decode()
    assert "Skip to content" in english.content.decode()
    back = client.get(switch_link(english.content.decode(), "nl"), follow=True)
    assert back.redirect_chain == [(track, 302)]
    assert '<html lang="nl"' in back.content.decode()


def test_the_switch_keeps_the_query_string_of_the_page(client, home_page):
    catalogue = home_page.url
    html = client.get(catalogue + "?q=notuleren&pagina=1").content.decode()
    response = client.get(switch_link(html, "en"))
    assert response["Location"] == catalogue + "?q=notuleren&pagina=1"


def test_a_signed_in_person_switching_by_link_keeps_the_choice(client, home_page):
    user = UserFactory(preferred_language="nl")
    client.force_login(user)
    html = client.get("/").content.decode()
    client.get(switch_link(html, "en"))
    user.refresh_from_db()
    assert user.preferred_language == "en"
    # In another browser, without the language cookie, the account's choice holds.
    client.cookies.pop("django_language")
    assert '<html lang="en"' in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ({"taal": "xx", "next": "/"}, "/"),
        ({"taal": "en", "next": "https://evil.example.com/"}, "/"),
        ({"taal": "en", "next": "//evil.example.com/"}, "/"),
        ({"taal": "en"}, "/"),
    ],
    ids=["unknown-language", "outside-next", "scheme-relative-next", "no-next"],
)
def test_the_link_refuses_an_unknown_language_and_an_outside_redirect(client, home_page, query, location):
    user = UserFactory(preferred_language="nl")
    client.force_login(user)
    response = client.get("/i18n/setlang/", query)
    assert response.status_code == 302
    assert response["Location"] == location
    user.refresh_from_db()
    if query["taal"] == "xx":
        assert "django_language" not in response.cookies
        assert user.preferred_language == "nl"


def test_the_post_form_still_works(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert b'<html lang="en"' in response.content


def test_the_switch_is_never_cached(client, home_page):
    response = client.get("/i18n/setlang/", {"taal": "en", "next": "/"})
    assert "no-store" in response["Cache-Control"]
