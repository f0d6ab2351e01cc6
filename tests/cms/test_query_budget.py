"""The query budget of the main pages (issue 17): a guard against pages that gain queries.

One world is built for the whole module, small first: every page is requested twice to warm
the caches as in use, then once more while its queries are counted. The world then grows
about tenfold in the rows each page lists (tracks, modules, profiles, scans, circles,
sessions, people, enrolments, requests, career steps, certificates) and every page is
counted again. A page fails when its count grows with the rows (a query per row in a
list), or when it makes more queries than its budget in ``query_budget.json``. Fewer than
the budget passes, with a warning to lower the budget.

``SPIL_UPDATE_QUERY_BUDGET=1`` writes the counts measured here into the budget file.
"""

import json
import os
import re
import warnings
from collections import Counter
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from cms.services import ensure_site
from curriculum.models import Enrolment, ModuleProgress
from tests.assessments.factories import SelfAssessmentIndexPageFactory, SelfAssessmentPageFactory, StatementFactory
from tests.careers.factories import (
    CareerMapPageFactory,
    CareerPathFactory,
    CareerStepFactory,
    CompetencyFactory,
    CurrentRoleFactory,
    RequirementFactory,
    RoleProfileIndexPageFactory,
    RoleProfilePageFactory,
)
from tests.certificates.factories import CertificateFactory
from tests.circles.factories import (
    CircleIndexPageFactory,
    CircleMemberFactory,
    LearningCirclePageFactory,
    OrganiserFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.curriculum.factories import (
    AssignmentFactory,
    CatalogPageFactory,
    LearningTrackPageFactory,
    ModulePageFactory,
)
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

# The marker makes pytest-django create the test database the module-scoped world is built in.
# One process builds the world once, under pytest-xdist too.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("query-budget")]

BUDGET_FILE = Path(__file__).with_name("query_budget.json")
UPDATE = os.environ.get("SPIL_UPDATE_QUERY_BUDGET") == "1"
SMALL, LARGE = 2, 20

# name -> (who asks, how to find the address in the world). Anonymous pages first.
PAGES = {
    "home": (None, lambda w: "/"),
    "catalogue": (None, lambda w: w["catalog"].url),
    "track": (None, lambda w: w["track"].url),
    "module": ("anna", lambda w: w["module"].url),
    "role_profiles": (None, lambda w: w["profile_index"].url),
    "role_profile": (None, lambda w: w["profile"].url),
    "career_map": (None, lambda w: w["career_map"].url),
    "self_scans": (None, lambda w: w["scan_index"].url),
    "circles": (None, lambda w: w["circle_index"].url),
    "circle": (None, lambda w: w["circle"].url),
    "certificate_verification": (None, lambda w: f"/certificates/verify/{w['certificate'].token}/"),
    "learner_dashboard": ("anna", lambda w: "/mijn/"),
    "learner_career": ("anna", lambda w: "/mijn/loopbaan/"),
    "hr_dashboard": ("hr", lambda w: "/hr/"),
    "hr_people": ("hr", lambda w: "/hr/mensen/"),
    "hr_requests": ("hr", lambda w: "/hr/aanvragen/"),
    "organiser_dashboard": ("organiser", lambda w: "/leerkringen/beheer/"),
}
# Pages that list no row the world grows; every other page must show the growth.
FIXED_PAGES = {"home", "module", "certificate_verification"}


def build_world() -> dict:
    home = ensure_site()
    zeist = OrganisationFactory(slug="zeist", name="Gemeente Zeist")
    anna = LearnerFactory(organisation=zeist, user__full_name="Anna de Boer").user
    hr = HRAdviserFactory(organisation=zeist).user
    organiser = OrganiserFactory().user

    catalog = CatalogPageFactory(parent=home)
    track = LearningTrackPageFactory(parent=catalog, title="Notuleren en actielijsten", leads_to_certificate=True)
    module = ModulePageFactory(parent=track, title="Waarom notuleren")
    approval_track = LearningTrackPageFactory(parent=catalog, title="Plannen met toestemming", requires_approval=True)

    profile_index = RoleProfileIndexPageFactory(parent=home, show_in_menus=True)
    profile = RoleProfilePageFactory(parent=profile_index, title="MO schaal 7", salary_scale=7)
    CurrentRoleFactory(user=anna, profile=profile)
    Enrolment.objects.create(user=anna, track=track, status=Enrolment.Status.ACTIVE)
    career_map = CareerMapPageFactory(parent=home)

    scan_index = SelfAssessmentIndexPageFactory(parent=home)
    circle_index = CircleIndexPageFactory(parent=home)
    circle = LearningCirclePageFactory(
        parent=circle_index, title="Leerkring projectondersteuning", organisers=[organiser]
    )
    CircleMemberFactory(circle=circle, user=anna)

    certificate = CertificateFactory(user=anna, track=track)
    return {
        "home": home,
        "zeist": zeist,
        "anna": anna,
        "hr": hr,
        "organiser": organiser,
        "catalog": catalog,
        "track": track,
        "module": module,
        "approval_track": approval_track,
        "profile_index": profile_index,
        "profile": profile,
        "career_map": career_map,
        "scan_index": scan_index,
        "circle_index": circle_index,
        "circle": circle,
        "certificate": certificate,
    }


def grow(w: dict, count: int) -> None:
    """Add ``count`` of every kind of row that one of the pages lists."""
    for _ in range(count):
        competency = CompetencyFactory()
        # Catalogue, home, learner dashboard, HR dashboard.
        track = LearningTrackPageFactory(parent=w["catalog"], leads_to_certificate=True)
        module = ModulePageFactory(parent=track)
        enrolment = Enrolment.objects.create(user=w["anna"], track=track, status=Enrolment.Status.ACTIVE)
        ModuleProgress.objects.create(enrolment=enrolment, module=module)
        AssignmentFactory(user=w["anna"], organisation=w["zeist"], track=track)
        CertificateFactory(user=w["anna"], track=track)
        # Track page: its modules.
        ModulePageFactory(parent=w["track"])
        # Role profiles, a profile's requirements and next steps, the career map.
        other = RoleProfilePageFactory(parent=w["profile_index"])
        RequirementFactory(page=w["profile"], competency=competency)
        CareerPathFactory(from_profile=w["profile"], to_profile=other)
        CareerStepFactory(user=w["anna"], to_profile=other)
        # Self-scans.
        scan = SelfAssessmentPageFactory(parent=w["scan_index"], title=f"Zelfscan {competency.pk}")
        StatementFactory(page=scan, competency=competency)
        # Circles, the circle's sessions and their registrations, the organiser's dashboard.
        LearningCirclePageFactory(parent=w["circle_index"], organisers=[w["organiser"]])
        session = SessionFactory(circle=w["circle"], created_by=w["organiser"])
        # HR: people of the organisation, their assignments, their requests.
        person = LearnerFactory(organisation=w["zeist"]).user
        AssignmentFactory(user=person, organisation=w["zeist"], track=track)
        Enrolment.objects.create(user=person, track=track, status=Enrolment.Status.COMPLETED)
        Enrolment.objects.create(user=person, track=w["approval_track"], status=Enrolment.Status.REQUESTED)
        RegistrationFactory(session=session, user=person)
        CircleMemberFactory(circle=w["circle"], user=person)


def count_queries(w: dict) -> dict:
    counts = {}
    for name, (actor, address) in PAGES.items():
        client = Client()
        if actor:
            client.force_login(w[actor])
        url = address(w)
        # Twice: a page's route is kept at its first request and the page itself at its second.
        for _ in range(2):
            assert client.get(url).status_code == 200, f"{name}: {url} did not answer 200 (warm-up)"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
        counts[name] = {
            "queries": len(queries),
            "sql": [q["sql"] for q in queries.captured_queries],
            "bytes": len(response.content),
        }
    return counts


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """Counts per page in the small and the grown world; the world is rolled back afterwards.

    Counted uncached: without the full-page cache and without fragments (the menu, the career
    map, a role profile's chart), so that a query per row inside a kept fragment shows too.
    Sessions as the site keeps them with Redis (read from the cache, base.py), with or without
    Redis here, so the counts are the same wherever the suite runs."""
    cache.clear()
    uncached = override_settings(
        SPIL_PAGE_CACHE_SECONDS=0,
        SPIL_FRAGMENT_CACHE_SECONDS=0,
        SESSION_ENGINE="cms.sessions",
    )
    with uncached, django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        grow(world, SMALL)
        small = count_queries(world)
        grow(world, LARGE - SMALL)
        large = count_queries(world)
        transaction.set_rollback(True)
    cache.clear()
    result = {"small": small, "large": large}
    yield result
    if UPDATE:
        budget = {name: max(small[name]["queries"], large[name]["queries"]) for name in PAGES}
        BUDGET_FILE.write_text(json.dumps(budget, indent=2, sort_keys=True) + "\n")


def shape(sql: str) -> str:
    """A query without its numbers and server-side cursor name, so one query per row counts as one shape."""
    return re.sub(r"\b\d+\b", "N", re.sub(r'^DECLARE "[^"]+" NO SCROLL CURSOR FOR ', "", sql))


def load_budget() -> dict:
    return json.loads(BUDGET_FILE.read_text()) if BUDGET_FILE.exists() else {}


@pytest.mark.parametrize("page", list(PAGES))
def test_queries_do_not_grow_with_the_rows(measured, page):
    small, large = measured["small"][page], measured["large"][page]
    if large["queries"] != small["queries"]:
        grown = Counter(map(shape, large["sql"])) - Counter(map(shape, small["sql"]))
        pytest.fail(
            f"page {page}: {small['queries']} queries with {SMALL} rows of each kind, {large['queries']} with "
            f"{LARGE}: a query per row in a list? The queries that multiplied:\n"
            + "\n".join(f"+{n}x {sql[:300]}" for sql, n in grown.most_common(3))
        )


@pytest.mark.parametrize("page", sorted(set(PAGES) - FIXED_PAGES))
def test_the_grown_world_reaches_the_page(measured, page):
    """Else the comparison above proves nothing: the page must list the added rows."""
    small, large = measured["small"][page]["bytes"], measured["large"][page]["bytes"]
    assert large > small * 1.3, f"page {page}: {small} bytes with {SMALL} rows of each kind, {large} with {LARGE}"


@pytest.mark.parametrize("page", list(PAGES))
def test_queries_stay_within_the_budget(measured, page):
    if UPDATE:
        pytest.skip("SPIL_UPDATE_QUERY_BUDGET=1: the budget file is rewritten with these counts")
    budget = load_budget()
    assert page in budget, f"page {page} has no budget in {BUDGET_FILE.name}: run with SPIL_UPDATE_QUERY_BUDGET=1"
    used = max(measured["small"][page]["queries"], measured["large"][page]["queries"])
    assert used <= budget[page], (
        f"page {page}: {used} queries, budget {budget[page]}; find the new query, or raise the budget "
        f"in {BUDGET_FILE.name} if it is worth it (SPIL_UPDATE_QUERY_BUDGET=1)"
    )
    if used < budget[page]:
        message = f"page {page}: {used} queries, budget {budget[page]}: lower the budget (SPIL_UPDATE_QUERY_BUDGET=1)"
        print(message)
        warnings.warn(message, stacklevel=1)


def test_every_page_has_a_budget_and_no_stale_ones():
    budget = load_budget()
    assert sorted(budget) == sorted(PAGES) or UPDATE
