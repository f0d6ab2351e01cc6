"""The HTML of the HR dashboard's filter form, kept in the shared cache
(``insights.selectors.filter_form_html_key``): per set of organisations, language and all the
form shows, never shown to an adviser of another organisation, renewed with its choices, and
never kept for a form with errors."""

import pytest
from django.core.cache import cache
from django.utils import translation

from insights import selectors
from insights.filters import scope_for
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page, settings):
    settings.SPIL_FRAGMENT_CACHE_SECONDS = 3600
    zeist, utrecht = OrganisationFactory(name="Gemeente Zeist"), OrganisationFactory(name="Gemeente Utrecht")
    LearnerFactory(organisation=zeist, team="Programmabureau Zeist")
    LearnerFactory(organisation=utrecht, team="Stadsbureau Utrecht")
    return {
        "zeist": zeist,
        "utrecht": utrecht,
        "hr_zeist": HRAdviserFactory(organisation=zeist).user,
        "hr_utrecht": HRAdviserFactory(organisation=utrecht).user,
    }


def form_html(client, adviser, query: str = "") -> str:
    client.force_login(adviser)
    html = client.get(f"/hr/{query}").content.decode()
    start = html.index('<form class="spil-filters"')
    return html[start : html.index("</form>", start)]


def key_of(adviser, data) -> str:
    scope, form = scope_for(adviser=adviser, data=data)
    return selectors.filter_form_html_key(scope=scope, form=form)


@pytest.mark.parametrize("query", ["", "?periode=alles"])
def test_the_kept_form_of_one_organisation_is_never_shown_to_an_adviser_of_another(client, world, query):
    zeist = form_html(client, world["hr_zeist"], query)
    assert "Programmabureau Zeist" in zeist
    assert form_html(client, world["hr_zeist"], query) == zeist  # kept, and the same
    utrecht = form_html(client, world["hr_utrecht"], query)
    assert "Stadsbureau Utrecht" in utrecht
    assert "Programmabureau Zeist" not in utrecht
    data = {"periode": "alles"} if query else {}
    keys = {key_of(world["hr_zeist"], data), key_of(world["hr_utrecht"], data)}
    assert len(keys) == 2
    assert all(cache.get(key) for key in keys)
    assert str(world["zeist"].pk) in key_of(world["hr_zeist"], data).split(":")[2].split(",")


def test_the_key_names_the_language_and_the_values_sent(world):
    adviser = world["hr_zeist"]
    keys = {
        key_of(adviser, {}),
        key_of(adviser, {"periode": "alles"}),
        key_of(adviser, {"team": "Programmabureau Zeist"}),
    }
    with translation.override("en"):
        keys.add(key_of(adviser, {}))
    assert len(keys) == 4


def test_a_form_with_errors_is_not_kept(client, world):
    assert key_of(world["hr_zeist"], {"team": "Stadsbureau Utrecht"}) == ""
    html = form_html(client, world["hr_zeist"], "?team=Stadsbureau+Utrecht")
    assert "hoort niet bij je organisatie" in html


def test_the_kept_form_shows_a_new_team(client, world):
    assert "Nieuw team" not in form_html(client, world["hr_zeist"])
    LearnerFactory(organisation=world["zeist"], team="Nieuw team")  # a change: new choices, a new key
    assert "Nieuw team" in form_html(client, world["hr_zeist"])
