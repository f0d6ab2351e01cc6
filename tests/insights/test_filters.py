"""The filters of the HR insights: team, role profile and period, checked on the server.
Invalid values are errors in Dutch that keep what was entered, filter nothing and never
give a server error; values of another organisation are invalid like any other."""

import datetime

import pytest
from django.utils import timezone

from insights.filters import Scope, scope_for
from insights.forms import preset_dates
from tests.careers.factories import CurrentRoleFactory, RoleProfileIndexPageFactory, RoleProfilePageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    profiles = RoleProfileIndexPageFactory(parent=home_page)
    supporter = RoleProfilePageFactory(parent=profiles, title="Projectondersteuner")
    secretary = RoleProfilePageFactory(parent=profiles, title="Bestuurssecretaris")
    zeist, utrecht = OrganisationFactory(name="Gemeente Zeist"), OrganisationFactory(name="Gemeente Utrecht")
    anna = LearnerFactory(organisation=zeist, team="Programmabureau").user
    bram = LearnerFactory(organisation=utrecht, team="Stadsbureau").user
    CurrentRoleFactory(user=anna, profile=supporter)
    CurrentRoleFactory(user=bram, profile=secretary)
    return {
        "zeist": zeist,
        "hr_zeist": HRAdviserFactory(organisation=zeist).user,
        "hr_utrecht": HRAdviserFactory(organisation=utrecht).user,
        "supporter": supporter,
        "secretary": secretary,
    }


def errors_of(form) -> dict[str, list[str]]:
    return {name: [str(error) for error in errors] for name, errors in form.errors.items()}


def test_without_filters_the_scope_is_this_year_of_the_own_organisations(world):
    today = timezone.localdate()
    scope, form = scope_for(adviser=world["hr_zeist"], data={})
    assert scope == Scope(
        adviser_id=world["hr_zeist"].pk,
        organisation_ids=(world["zeist"].pk,),
        start=today.replace(month=1, day=1),
        end=today,
    )
    assert not form.is_bound
    assert scope.as_query() == {"periode": "eigen", "van": f"{today.year}-01-01", "tot": today.isoformat()}


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("dit-jaar", lambda today: (today.replace(month=1, day=1), today)),
        ("vorig-jaar", lambda today: (datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31))),
        ("12-maanden", lambda today: (today.replace(year=today.year - 1) + datetime.timedelta(days=1), today)),
        ("alles", lambda today: (None, None)),
    ],
)
def test_the_preset_periods(world, period, expected):
    today = timezone.localdate()
    if (today.month, today.day) == (2, 29):
        pytest.skip("a leap day has its own test")
    scope, form = scope_for(adviser=world["hr_zeist"], data={"periode": period})
    assert form.errors == {}
    assert (scope.start, scope.end) == expected(today)


def test_twelve_months_back_from_a_leap_day():
    assert preset_dates("12-maanden", today=datetime.date(2028, 2, 29)) == (
        datetime.date(2027, 3, 1),
        datetime.date(2028, 2, 29),
    )


def test_dates_typed_by_hand_are_a_period_of_ones_own(world):
    scope, form = scope_for(adviser=world["hr_zeist"], data={"van": "01-03-2026", "tot": "2026-04-30"})
    assert form.errors == {}
    assert (scope.start, scope.end) == (datetime.date(2026, 3, 1), datetime.date(2026, 4, 30))
    scope, _form = scope_for(adviser=world["hr_zeist"], data={"periode": "eigen", "tot": "2026-04-30"})
    assert (scope.start, scope.end) == (None, datetime.date(2026, 4, 30))


def test_a_chosen_preset_goes_before_dates(world):
    scope, form = scope_for(adviser=world["hr_zeist"], data={"periode": "alles", "van": "2026-01-01"})
    assert form.errors == {}
    assert (scope.start, scope.end) == (None, None)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"periode": "eigen", "van": "2026-03-01", "tot": "2026-02-01"},
            "tot",
            "De einddatum ligt vóór de begindatum.",
        ),
        ({"van": "31-02-2026"}, "van", "Vul een datum in, zoals 31-12-2026."),
        ({"tot": "gisteren"}, "tot", "Vul een datum in, zoals 31-12-2026."),
        ({"periode": "eigen"}, "van", "Vul bij 'Zelf kiezen' een begindatum, een einddatum of allebei in."),
        ({"van": "1999-12-31"}, "van", "Kies een datum tussen 2000 en"),
        ({"tot": "9999-12-31"}, "tot", "Kies een datum tussen 2000 en"),
        ({"periode": "ooit"}, "periode", "Kies een periode uit de lijst. Je ziet nu alles."),
    ],
)
def test_an_invalid_period_is_an_error_and_filters_nothing(world, data, field, message):
    scope, form = scope_for(adviser=world["hr_zeist"], data={"team": "Programmabureau", **data})
    assert list(form.errors) == [field]
    assert form.errors[field][0].startswith(message)
    assert (scope.start, scope.end) == (None, None)
    assert scope.team == "Programmabureau", "the other filters still count"


def test_a_team_or_profile_of_another_organisation_is_an_error_and_filters_nothing(world):
    data = {"periode": "alles", "team": "Stadsbureau", "functieprofiel": str(world["secretary"].pk)}
    scope, form = scope_for(adviser=world["hr_zeist"], data=data)
    assert errors_of(form) == {
        "team": ["Het team 'Stadsbureau' hoort niet bij je organisatie. Je ziet nu alle teams."],
        "functieprofiel": [
            f"Het functieprofiel '{world['secretary'].pk}' komt in je organisatie niet voor. "
            "Je ziet nu alle functieprofielen."
        ],
    }
    assert (scope.team, scope.profile_id) == ("", None)
    own, form = scope_for(
        adviser=world["hr_zeist"],
        data={"periode": "alles", "team": "Programmabureau", "functieprofiel": str(world["supporter"].pk)},
    )
    assert form.errors == {}
    assert (own.team, own.profile_id) == ("Programmabureau", world["supporter"].pk)


def test_the_choices_are_those_of_the_own_organisation(world):
    _scope, form = scope_for(adviser=world["hr_utrecht"], data={})
    teams = [value for value, _label in form.fields["team"].choices]
    profiles = [value for value, _label in form.fields["functieprofiel"].choices]
    assert "Programmabureau" not in teams
    assert "Stadsbureau" in teams
    assert profiles == ["", str(world["secretary"].pk)]


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"periode": "alles"},
        {"periode": "12-maanden", "team": "Programmabureau"},
        {"van": "2026-02-01", "tot": "2026-02-28", "functieprofiel": "PROFILE"},
    ],
)
def test_as_query_reproduces_the_scope(world, data):
    data = {key: value.replace("PROFILE", str(world["supporter"].pk)) for key, value in data.items()}
    scope, _form = scope_for(adviser=world["hr_zeist"], data=data)
    again, form = scope_for(adviser=world["hr_zeist"], data=scope.as_query())
    assert form.errors == {}
    assert again == scope


def test_the_cache_key_differs_per_organisation_and_filter():
    base = Scope(adviser_id=1, organisation_ids=(1,))
    keys = {
        base.cache_key,
        Scope(adviser_id=1, organisation_ids=(2,)).cache_key,
        Scope(adviser_id=1, organisation_ids=(1, 2)).cache_key,
        Scope(adviser_id=1, organisation_ids=(1,), team="A").cache_key,
        Scope(adviser_id=1, organisation_ids=(1,), profile_id=3).cache_key,
        Scope(adviser_id=1, organisation_ids=(1,), start=datetime.date(2026, 1, 1)).cache_key,
    }
    assert len(keys) == 6
    assert Scope(adviser_id=2, organisation_ids=(1,)).cache_key == base.cache_key, "the same figures for colleagues"


def test_the_page_shows_the_errors_and_keeps_what_was_entered(client, world):
    client.force_login(world["hr_zeist"])
    response = client.get("/hr/?periode=eigen&van=2026-13-45&tot=2026-01-01&team=%3Cb%3EStadsbureau%3C/b%3E")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="2026-13-45"' in html
    assert 'value="2026-01-01"' in html
    assert "Vul een datum in, zoals 31-12-2026." in html
    assert "Het team &#x27;&lt;b&gt;Stadsbureau&lt;/b&gt;&#x27; hoort niet bij je organisatie." in html
    assert 'aria-invalid="true"' in html
    assert "Niet elk filter kon worden gebruikt." in html
    assert "Periode: alles tot nu toe." in html


@pytest.mark.parametrize(
    "query",
    [
        "team=a%00b",
        "team=" + "x" * 100_000,
        "functieprofiel=" + "9" * 30,
        "functieprofiel=-1",
        "van=" + "9" * 30,
        "periode=%00",
        "van=0001-01-01&tot=9999-12-31&periode=eigen",
        "team=Programmabureau&team=Stadsbureau",
    ],
)
def test_junk_in_the_filters_is_no_server_error(client, world, query):
    client.force_login(world["hr_zeist"])
    assert client.get(f"/hr/?{query}").status_code == 200
