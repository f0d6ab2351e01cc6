"""Fragments of pages kept per content version and language ({% fragment %}, issue 17):
the menu, the footer, the career map and a role profile's chart and table."""

import pytest
from django.apps import apps
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.snippets.models import get_snippet_models

from careers.models import CareerPath, Competency
from cms import pagecache
from tests.careers.factories import (
    CareerMapPageFactory,
    CompetencyFactory,
    RequirementFactory,
    RoleProfileIndexPageFactory,
    RoleProfilePageFactory,
)
from tests.cms.factories import ContentPageFactory
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory, TrackCompetencyFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

TEMPLATE = Template('{% load spil_cache %}{% fragment "proef" extra %}[{{ value }}]{% endfragment %}')


def render(value, extra="", preview=False, request=True):
    context = {"value": value, "extra": extra}
    if request:
        context["request"] = RequestFactory().get("/")
        context["request"].is_preview = preview
    return TEMPLATE.render(Context(context))


def test_a_fragment_is_kept_until_content_changes(db):
    assert render("eerste") == "[eerste]"
    assert render("tweede") == "[eerste]"
    assert render("tweede", extra="andere") == "[tweede]", "vary values make their own fragment"
    with translation.override("en"):
        assert render("derde") == "[derde]", "each language its own"
    pagecache.content_changed()
    assert render("vierde") == "[vierde]"


def test_previews_neither_read_nor_store_fragments(db, settings):
    render("live")
    assert render("concept", preview=True) == "[concept]"
    assert render("ander", preview=False) == "[live]"
    assert render("zonder verzoek", request=False) == "[zonder verzoek]"
    settings.SPIL_FRAGMENT_CACHE_SECONDS = 0
    assert render("uit") == "[uit]"


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_the_menu_follows_what_is_published(client, home_page, settings):
    page = ContentPageFactory(parent=home_page, title="Over Spil", show_in_menus=True)
    assert "Over Spil" in client.get(page.url).content.decode()
    client.get(page.url)  # the route is kept at the first request, the page at the second
    kept = count_queries(client, page.url)
    settings.SPIL_FRAGMENT_CACHE_SECONDS = 0
    assert count_queries(client, page.url) > kept, "the menu's queries are saved while it is kept"
    settings.SPIL_FRAGMENT_CACHE_SECONDS = 3600
    ContentPageFactory(parent=home_page, title="Nieuw in het menu", slug="nieuw", show_in_menus=True)
    assert "Nieuw in het menu" in client.get(page.url).content.decode()


def test_the_footer_knows_who_reads_it(client, home_page):
    signup = "Account aanmaken"
    assert signup in client.get(home_page.url).content.decode()
    client.force_login(UserFactory())
    assert signup not in client.get(home_page.url).content.decode()
    client.logout()
    assert signup in client.get(home_page.url).content.decode()


def test_a_role_profile_shows_a_changed_requirement_at_once(client, home_page):
    index = RoleProfileIndexPageFactory(parent=home_page)
    profile = RoleProfilePageFactory(parent=index, title="Projectsecretaris")
    competency = CompetencyFactory(name="Plannen en organiseren")
    requirement = RequirementFactory(page=profile, competency=competency, level=2)
    first = client.get(profile.url).content.decode()
    assert "Plannen en organiseren" in first
    with CaptureQueriesContext(connection) as queries:
        client.get(profile.url)
    assert not [q for q in queries if "careers_careerpath" in q["sql"]], "the profile's fragment was kept"

    Competency.objects.filter(pk=competency.pk).update(name="stil gewijzigd")  # no signal: still kept
    assert "Plannen en organiseren" in client.get(profile.url).content.decode()
    requirement.delete()
    assert "Plannen en organiseren" not in client.get(profile.url).content.decode()


def test_the_career_map_shows_a_new_step_at_once(client, home_page):
    index = RoleProfileIndexPageFactory(parent=home_page)
    a = RoleProfilePageFactory(parent=index, title="Projectondersteuner")
    b = RoleProfilePageFactory(parent=index, title="Projectcoördinator")
    career_map = CareerMapPageFactory(parent=home_page)
    assert "doorgroei naar Projectcoördinator" not in client.get(career_map.url).content.decode()
    CareerPath.objects.create(from_profile=a, to_profile=b, kind="growth", description="Met meer regie")
    assert "doorgroei naar Projectcoördinator" in client.get(career_map.url).content.decode()


def test_every_snippet_is_content_or_a_record():
    """A new snippet model must say whether public pages show it (then saving it renews the
    kept pages) or it is people's records (then it must not)."""
    content = {apps.get_model(label) for label in pagecache.CONTENT_SNIPPETS}
    records = {apps.get_model(label) for label in pagecache.RECORD_SNIPPETS}
    assert not content & records
    unclassified = [model._meta.label for model in get_snippet_models() if model not in content | records]
    assert unclassified in ([], ["circles.Session"]), unclassified  # sessions are listed on their own
    assert apps.get_model("circles.Session") in pagecache._dependencies()


def test_a_track_page_shows_its_competencies_and_roles_as_published(client, home_page):
    catalogue = CatalogPageFactory(parent=home_page)
    track = LearningTrackPageFactory(parent=catalogue, title="Notuleren")
    link = TrackCompetencyFactory(page=track, competency=CompetencyFactory(name="Schriftelijk communiceren"))
    assert "Schriftelijk communiceren" in client.get(track.url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get(track.url)
    assert not [q for q in queries if "curriculum_trackcompetency" in q["sql"]], "kept with the fragment"
    link.delete()
    assert "Schriftelijk communiceren" not in client.get(track.url).content.decode()
