"""The counted parts of the HR page kept beside the figures (``insights.selectors.page_figures``)
and the kept HTML of the figures: kept per set of organisations, never shown to an adviser of
another set, renewed like the figures."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from circles.models import Attendance
from insights import selectors
from insights.filters import scope_for
from people.models import Membership
from tests.circles.factories import AttendanceFactory, CircleMemberFactory, LearningCirclePageFactory, SessionFactory
from tests.curriculum.factories import AssignmentFactory, CatalogPageFactory, LearningTrackPageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    catalog = CatalogPageFactory(parent=home_page)
    zeist, utrecht = (
        OrganisationFactory(slug="zeist", name="Zeist"),
        OrganisationFactory(slug="utrecht", name="Utrecht"),
    )
    zeist_track = LearningTrackPageFactory(parent=catalog, title="Notuleren in Zeist")
    utrecht_track = LearningTrackPageFactory(parent=catalog, title="Plannen in Utrecht")
    anna = LearnerFactory(organisation=zeist, user__full_name="Anna Zeistenaar").user
    kees = LearnerFactory(organisation=zeist, user__full_name="Kees Zeistenaar").user
    bram = LearnerFactory(organisation=utrecht, user__full_name="Bram Utrechter").user
    AssignmentFactory(user=anna, organisation=zeist, track=zeist_track)
    AssignmentFactory(user=bram, organisation=utrecht, track=utrecht_track)
    circle = LearningCirclePageFactory(parent=home_page, title="Leerkring ondersteuners")
    session = SessionFactory(circle=circle)
    for person in (anna, bram):
        CircleMemberFactory(circle=circle, user=person)
        AttendanceFactory(session=session, user=person, status=Attendance.Status.PRESENT)
    return {
        "zeist": zeist,
        "utrecht": utrecht,
        "hr_zeist": HRAdviserFactory(organisation=zeist, user__full_name="Zara Adviseur").user,
        "hr_utrecht": HRAdviserFactory(organisation=utrecht, user__full_name="Uri Adviseur").user,
        "anna": anna,
        "kees": kees,
        "bram": bram,
    }


def figures_of(adviser):
    organisations = list(selectors.organisations_advised_by(adviser=adviser))
    return selectors.page_figures(adviser=adviser, organisations=organisations, today=timezone.localdate())


def test_the_page_figures_count_only_the_advisers_own_organisations(world):
    zeist = figures_of(world["hr_zeist"])
    assert zeist.people == 3  # Anna, Kees and the adviser
    assert [(row.organisation, row.track, row.total) for row in zeist.overview] == [("Zeist", "Notuleren in Zeist", 1)]
    assert [row.name for row in zeist.circle_rows] == ["Anna Zeistenaar"]
    utrecht = figures_of(world["hr_utrecht"])
    assert [row.name for row in utrecht.circle_rows] == ["Bram Utrechter"]
    assert [row.track for row in utrecht.overview] == ["Plannen in Utrecht"]


def test_kept_page_figures_are_never_served_to_an_adviser_of_other_organisations(world, django_assert_num_queries):
    figures_of(world["hr_zeist"])  # kept for Zeist
    organisations, today = [world["zeist"]], timezone.localdate()
    with django_assert_num_queries(0):
        kept = selectors.page_figures(adviser=world["hr_zeist"], organisations=organisations, today=today)
        assert kept.people == 3
    utrecht = figures_of(world["hr_utrecht"])  # its own, computed: not Zeist's
    assert "Anna Zeistenaar" not in [row.name for row in utrecht.circle_rows]
    assert utrecht.organisation_ids == (world["utrecht"].pk,)
    # An adviser of both has a set of her own, kept apart from each.
    both = HRAdviserFactory(organisation=world["zeist"]).user
    MembershipFactory(user=both, organisation=world["utrecht"], role=Membership.Role.HR)
    assert sorted(row.name for row in figures_of(both).circle_rows) == ["Anna Zeistenaar", "Bram Utrechter"]
    assert figures_of(world["hr_zeist"]).circle_rows[0].name == "Anna Zeistenaar"


def test_figures_are_not_kept_when_the_organisations_changed_in_between(world):
    """Computed for the organisations the adviser had at the start of the request, they are not
    kept once she advises others: the key would name a set whose figures they are not."""
    adviser = world["hr_zeist"]
    organisations = list(selectors.organisations_advised_by(adviser=adviser))
    MembershipFactory(user=adviser, organisation=world["utrecht"], role=Membership.Role.HR)
    selectors.page_figures(adviser=adviser, organisations=organisations, today=timezone.localdate())
    assert cache.get(selectors._page_key(organisations)) is None


def test_the_page_shows_kept_figures_renewed_after_a_change(client, world):
    client.force_login(world["hr_zeist"])
    html = client.get("/hr/").content.decode()
    assert "3 mensen" in html
    assert "Anna Zeistenaar" in html
    assert "Bram Utrechter" not in html
    LearnerFactory(organisation=world["zeist"])  # a change: tasks run in the request in tests
    assert "4 mensen" in client.get("/hr/").content.decode()


def test_the_people_list_is_not_counted_when_a_kept_figure_says_how_many(client, world):
    client.force_login(world["hr_zeist"])
    client.get("/hr/")  # keeps the figures
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/hr/").status_code == 200
    assert not [query["sql"] for query in queries if 'COUNT(*) AS "__count" FROM "people_user"' in query["sql"]]
    with CaptureQueriesContext(connection) as queries:  # a search is counted: it is not a kept figure
        assert "1 persoon" in client.get("/hr/?q=Anna").content.decode()
    assert [query["sql"] for query in queries if 'COUNT(*) AS "__count" FROM "people_user"' in query["sql"]]


def test_the_kept_html_of_the_figures_is_never_shown_to_an_adviser_of_other_organisations(client, world, settings):
    settings.SPIL_FRAGMENT_CACHE_SECONDS = 3600
    today = timezone.localdate()
    client.force_login(world["hr_zeist"])
    zeist_page = client.get("/hr/?periode=alles").content.decode()
    assert "Notuleren in Zeist" in zeist_page
    client.force_login(world["hr_utrecht"])
    utrecht_page = client.get("/hr/?periode=alles").content.decode()
    assert "Plannen in Utrecht" in utrecht_page
    assert "Notuleren in Zeist" not in utrecht_page
    keys = set()
    for adviser in (world["hr_zeist"], world["hr_utrecht"]):
        scope, _form = scope_for(adviser=adviser, data={"periode": "alles"})
        figures = selectors.dashboard(scope=scope, adviser=adviser, today=today)
        keys.add(selectors.figures_html_key(scope=scope, figures=figures))
    assert len(keys) == 2
    assert all(cache.get(key) for key in keys)


def present_on(client) -> str:
    html = client.get("/hr/?periode=alles").content.decode().replace("\n", "")
    return html.split("Keer aanwezig bij een bijeenkomst</dt><dd>")[1].split("<")[0]


def test_the_kept_html_follows_new_figures(client, world, settings):
    settings.SPIL_FRAGMENT_CACHE_SECONDS = 3600
    client.force_login(world["hr_zeist"])
    assert present_on(client) == "1"
    assert present_on(client) == "1"  # kept
    AttendanceFactory(session=SessionFactory(), user=world["kees"], status=Attendance.Status.PRESENT)
    assert present_on(client) == "2"


def test_the_kept_html_of_the_page_figures_is_never_shown_to_an_adviser_of_other_organisations(client, world, settings):
    settings.SPIL_FRAGMENT_CACHE_SECONDS = 3600
    client.force_login(world["hr_zeist"])
    zeist_page = client.get("/hr/").content.decode()
    assert "Notuleren in Zeist" in zeist_page  # the assignments overview
    assert "Anna Zeistenaar" in zeist_page  # the circle participation
    client.force_login(world["hr_utrecht"])
    utrecht_page = client.get("/hr/").content.decode()
    assert "Plannen in Utrecht" in utrecht_page
    assert "Bram Utrechter" in utrecht_page
    assert "Notuleren in Zeist" not in utrecht_page
    assert "Anna Zeistenaar" not in utrecht_page
    zeist = figures_of(world["hr_zeist"])
    utrecht = figures_of(world["hr_utrecht"])
    assert selectors.page_html_key(figures=zeist, part="circles") != selectors.page_html_key(
        figures=utrecht, part="circles"
    )
