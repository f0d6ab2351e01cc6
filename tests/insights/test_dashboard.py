"""The HR insights on /hr/: the figures of a small built world, the filters, who may see
them, that nothing of another organisation shows, the trends over the months, the heat map's
group size, a constant number of queries, and the cache."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments import services as assessments
from careers.models import CareerStep
from certificates.models import Certificate
from circles.models import Attendance
from curriculum.models import Assignment, Enrolment
from curriculum.status import refresh_finished
from insights import selectors
from insights.filters import Scope, scope_for
from insights.tables import TABLES, dashboard_tables
from tests.assessments.factories import SelfAssessmentIndexPageFactory, SelfAssessmentPageFactory, StatementFactory
from tests.careers.factories import (
    CareerStepFactory,
    CompetencyFactory,
    CurrentRoleFactory,
    RoleProfileIndexPageFactory,
    RoleProfilePageFactory,
)
from tests.certificates.factories import CertificateFactory, CertificateTemplateFactory
from tests.circles.factories import AttendanceFactory, CircleMemberFactory, LearningCirclePageFactory, SessionFactory
from tests.curriculum.factories import (
    AssignmentFactory,
    CatalogPageFactory,
    EnrolmentFactory,
    LearningPathFactory,
    LearningPathItemFactory,
    LearningTrackPageFactory,
)
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

EVERYTHING = {"periode": "alles"}


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def day(days_from_today: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days_from_today)


def completed(user, track, *, days: int) -> Enrolment:
    enrolment = EnrolmentFactory(user=user, track=track, status=Enrolment.Status.COMPLETED)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        requested_at=days_ago(days + 20), started_at=days_ago(days + 20), completed_at=days_ago(days)
    )
    return enrolment


@pytest.fixture
def world(home_page):
    """Gemeente Zeist: an adviser and three learners in two teams, with enrolments,
    assignments, certificates, a learning circle and career steps. Gemeente Utrecht: an
    adviser and one learner, with a team and a role profile of their own."""
    catalog = CatalogPageFactory(parent=home_page)
    notes = LearningTrackPageFactory(parent=catalog, title="Notuleren en actielijsten")
    planning = LearningTrackPageFactory(parent=catalog, title="Plannen en bewaken")
    path = LearningPathFactory(title="Op weg naar PMO")
    LearningPathItemFactory(path=path, track=notes)
    LearningPathItemFactory(path=path, track=planning)
    profiles = RoleProfileIndexPageFactory(parent=home_page)
    supporter = RoleProfilePageFactory(parent=profiles, title="Projectondersteuner")
    pmo = RoleProfilePageFactory(parent=profiles, title="PMO praktisch")
    secretary = RoleProfilePageFactory(parent=profiles, title="Bestuurssecretaris")

    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    utrecht = OrganisationFactory(name="Gemeente Utrecht", slug="utrecht")
    hr_zeist = HRAdviserFactory(organisation=zeist, user__full_name="Hanna Bakker").user
    hr_utrecht = HRAdviserFactory(organisation=utrecht, user__full_name="Hamid El Amrani").user
    anna = LearnerFactory(organisation=zeist, team="Programmabureau", user__full_name="Anna de Vries").user
    kees = LearnerFactory(organisation=zeist, team="Projectbureau", user__full_name="Kees Jansen").user
    lies = LearnerFactory(organisation=zeist, team="Programmabureau", user__full_name="Lies Smit").user
    bram = LearnerFactory(organisation=utrecht, team="Stadsbureau", user__full_name="Bram Janssen").user
    CurrentRoleFactory(user=anna, profile=supporter)
    CurrentRoleFactory(user=kees, profile=pmo)
    CurrentRoleFactory(user=lies, profile=supporter)
    CurrentRoleFactory(user=bram, profile=secretary)

    completed(anna, notes, days=5)
    EnrolmentFactory(user=anna, track=planning)
    EnrolmentFactory(user=kees, track=notes)
    completed(lies, planning, days=400)
    completed(bram, notes, days=5)

    AssignmentFactory(user=anna, organisation=zeist, path=path, track=None, due_date=day(-10))  # late
    AssignmentFactory(user=kees, organisation=zeist, track=notes, due_date=day(-3))  # late
    AssignmentFactory(user=lies, organisation=zeist, track=planning, due_date=day(-30))  # finished
    AssignmentFactory(user=bram, organisation=utrecht, track=planning, due_date=day(-2))  # late, Utrecht

    template = CertificateTemplateFactory()
    CertificateFactory(user=anna, track=notes, template=template, issued_at=days_ago(5), expires_at=days_ago(-30))
    CertificateFactory(user=kees, track=notes, template=template, issued_at=days_ago(100), revoked_at=days_ago(2))
    CertificateFactory(user=lies, track=planning, template=template, issued_at=days_ago(400))
    CertificateFactory(user=bram, track=notes, template=template, issued_at=days_ago(5))

    circle = LearningCirclePageFactory(title="Leerkring projectondersteuners")
    session = SessionFactory(circle=circle, starts_at=days_ago(7), ends_at=days_ago(7) + datetime.timedelta(minutes=90))
    for person in (anna, kees, bram):
        CircleMemberFactory(circle=circle, user=person)
        AttendanceFactory(session=session, user=person)
    AttendanceFactory(session=session, user=lies, status=Attendance.Status.ABSENT)

    CareerStepFactory(user=anna, to_profile=supporter, date=day(-10))
    CareerStepFactory(user=lies, from_profile=supporter, to_profile=pmo, date=day(-400))
    CareerStepFactory(user=bram, to_profile=secretary, date=day(-10))
    return {
        "zeist": zeist,
        "utrecht": utrecht,
        "hr_zeist": hr_zeist,
        "hr_utrecht": hr_utrecht,
        "anna": anna,
        "kees": kees,
        "lies": lies,
        "bram": bram,
        "notes": notes,
        "planning": planning,
        "path": path,
        "pmo": pmo,
        "secretary": secretary,
        "circle": circle,
        "session": session,
        "template": template,
        "catalog": catalog,
    }


def dashboard_of(adviser, data=None) -> selectors.Dashboard:
    scope, _form = scope_for(adviser=adviser, data=data or EVERYTHING)
    return selectors.build_dashboard(scope=scope, adviser=adviser, today=timezone.localdate())


def page(client, adviser, query: str = "periode=alles") -> str:
    client.force_login(adviser)
    response = client.get(f"/hr/?{query}")
    assert response.status_code == 200
    return response.content.decode()


def figure(html: str, label: str) -> str:
    return re.search(rf"<dt>{re.escape(label)}</dt><dd>([^<]*)</dd>", html).group(1)


# The figures ----------------------------------------------------------------------------


def test_the_figures_of_a_small_world(world):
    board = dashboard_of(world["hr_zeist"])
    assert board.people == 4  # the adviser and three learners
    assert board.tracks == (
        selectors.TrackRow("Notuleren en actielijsten", 2, 1, 50.0),
        selectors.TrackRow("Plannen en bewaken", 2, 1, 50.0),
    )
    assert (board.enrolled, board.completed, board.completion_percent) == (4, 2, 50.0)
    assert board.paths == (selectors.PathRow("Op weg naar PMO", 1, 0, 1, 0.0),)
    assert (board.assigned, board.finished, board.overdue) == (3, 1, 2)
    assert [(row.name, row.target, row.days_late) for row in board.overdue_rows] == [
        ("Anna de Vries", "Op weg naar PMO", 10),
        ("Kees Jansen", "Notuleren en actielijsten", 3),
    ]
    assert board.certificates == (
        selectors.CertificateRow("Notuleren en actielijsten", 2, 1, 1),
        selectors.CertificateRow("Plannen en bewaken", 1, 0, 0),
    )
    assert (board.issued, board.expiring, board.revoked) == (3, 1, 1)
    assert board.circles == (selectors.CircleRow("Leerkring projectondersteuners", 2, 2, 2, 1, 3.0),)
    assert (board.present, board.hours) == (2, 3.0)
    assert board.steps == (
        selectors.StepRow("Projectondersteuner", "PMO praktisch", 1),
        selectors.StepRow(None, "Projectondersteuner", 1),
    )


def test_the_page_shows_the_figures_charts_and_their_tables(client, world):
    html = page(client, world["hr_zeist"])
    assert figure(html, "Mensen") == "4"
    assert figure(html, "Opdrachten te laat") == "2"
    assert figure(html, "Certificaten die binnen 90 dagen verlopen") == "1"
    assert figure(html, "Afgerond (%)") == "50,0"
    # Each chart is an image with a title and a description, followed by its table twin.
    assert html.count('<svg role="img"') == 4  # two trends, tracks, paths (no heat map: nobody shared)
    assert '<title id="grafiek-leergangen-titel">' in html
    assert "Notuleren en actielijsten: 50%" in html  # the description names every bar
    for key in ("per-maand", "leergangen", "leerpaden", "te-laat", "certificaten", "leerkringen", "loopbaanstappen"):
        assert f'id="tabel-{key}"' in html, key
    assert "Anna de Vries" in html
    assert "Op weg naar PMO" in html


def test_the_period_narrows_the_figures(world):
    period = {"periode": "eigen", "van": day(-60).isoformat(), "tot": day(0).isoformat()}
    board = dashboard_of(world["hr_zeist"], period)
    assert board.tracks[1] == selectors.TrackRow("Plannen en bewaken", 1, 0, 0.0), "Lies began long ago"
    assert (board.issued, board.revoked) == (1, 1)
    assert board.steps == (selectors.StepRow(None, "Projectondersteuner", 1),)
    assert board.overdue == 2  # both due in the period
    due_long_ago = {"periode": "eigen", "van": day(-365).isoformat(), "tot": day(-20).isoformat()}
    assert dashboard_of(world["hr_zeist"], due_long_ago).overdue == 0


def test_team_and_role_profile_narrow_the_people(world):
    team = dashboard_of(world["hr_zeist"], {**EVERYTHING, "team": "Programmabureau"})
    assert team.people == 2
    assert [row.name for row in team.overdue_rows] == ["Anna de Vries"]
    assert team.circles == (selectors.CircleRow("Leerkring projectondersteuners", 1, 1, 1, 1, 1.5),)
    profile = dashboard_of(world["hr_zeist"], {**EVERYTHING, "functieprofiel": str(world["pmo"].pk)})
    assert profile.people == 1
    assert [row.name for row in profile.overdue_rows] == ["Kees Jansen"]
    assert profile.tracks == (selectors.TrackRow("Notuleren en actielijsten", 1, 0, 0.0),)


def test_every_table_downloads_the_numbers_the_dashboard_shows(world):
    adviser = world["hr_zeist"]
    scope, _form = scope_for(adviser=adviser, data=EVERYTHING)
    shown = dashboard_tables(selectors.build_dashboard(scope=scope, adviser=adviser, today=timezone.localdate()))
    assert set(TABLES) == {key.replace("_", "-") for key in shown}
    board = dashboard_of(adviser)
    expected = {
        "kerncijfers": board.figures(),
        "per-maand": board.months,
        "leergangen": board.tracks,
        "leerpaden": board.paths,
        "te-laat": board.overdue_rows,
        "certificaten": board.certificates,
        "leerkringen": board.circles,
        "loopbaanstappen": board.steps,
        "competenties": board.competency_rows,
    }
    for key, table in TABLES.items():
        rows = list(table.rows(scope))
        assert rows == list(expected[key]), key
        assert table.count(scope) == len(rows), key
        assert all(len(row) == len(table.columns) for row in rows), key


# Who sees what --------------------------------------------------------------------------


def test_the_dashboard_is_refused_to_anonymous_people_and_learners(client, world):
    response = client.get("/hr/?periode=alles")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(world["anna"])
    assert client.get("/hr/?periode=alles").status_code == 403
    zeist = Scope(adviser_id=world["anna"].pk, organisation_ids=(world["zeist"].pk,))
    assert list(TABLES["te-laat"].rows(zeist)) == [], "a learner's scope holds nobody"
    assert dict(TABLES["kerncijfers"].rows(zeist))["Mensen"] == 0


def test_utrecht_sees_nothing_of_zeist(client, world):
    html = page(client, world["hr_utrecht"])
    assert figure(html, "Mensen") == "2"
    assert figure(html, "Opdrachten te laat") == "1"
    for name in ("Anna de Vries", "Kees Jansen", "Lies Smit", "Hanna Bakker", "Gemeente Zeist"):
        assert name not in html
    for team in ("Programmabureau", "Projectbureau"):
        assert team not in html, "Zeist's teams are no choice"
    profiles = re.search(r'<select name="functieprofiel".*?</select>', html, re.DOTALL).group(0)
    assert f'value="{world["pmo"].pk}"' not in profiles, "a profile only Zeist uses is no choice"
    assert f'value="{world["secretary"].pk}"' in profiles
    assert "Bram Janssen" in html


@pytest.mark.parametrize(
    "query", ["team=Projectbureau", "functieprofiel={pmo}", "team=Projectbureau&functieprofiel={pmo}"]
)
def test_a_team_or_profile_of_another_organisation_filters_nothing(client, world, query):
    query = query.format(pmo=world["pmo"].pk)
    unfiltered = dashboard_of(world["hr_utrecht"])
    board = dashboard_of(world["hr_utrecht"], {**EVERYTHING, **dict(part.split("=") for part in query.split("&"))})
    assert (board.people, board.overdue, board.issued) == (unfiltered.people, unfiltered.overdue, unfiltered.issued)
    assert board.people == 2
    html = page(client, world["hr_utrecht"], f"periode=alles&{query}")
    assert "hoort niet bij je organisatie" in html or "komt in je organisatie niet voor" in html
    assert "Kees Jansen" not in html
    assert "Anna de Vries" not in html
    assert figure(html, "Mensen") == "2"


def test_an_adviser_of_two_organisations_sees_both(world):
    HRAdviserFactory(organisation=world["utrecht"], user=world["hr_zeist"])
    board = dashboard_of(world["hr_zeist"])
    assert board.people == 6
    assert board.overdue == 3
    only_zeist = Scope(adviser_id=world["hr_zeist"].pk, organisation_ids=(world["zeist"].pk,))
    assert selectors.people_in(scope=only_zeist, adviser=world["hr_zeist"]).count() == 4


def test_a_scope_with_an_organisation_the_adviser_does_not_advise_gives_nothing_of_it(world):
    stolen = Scope(adviser_id=world["hr_utrecht"].pk, organisation_ids=(world["zeist"].pk,))
    assert selectors.people_in(scope=stolen, adviser=world["hr_utrecht"]).count() == 0
    assert list(TABLES["te-laat"].rows(stolen)) == []
    assert list(TABLES["leergangen"].rows(stolen)) == []


# Trends -----------------------------------------------------------------------------------


def test_the_months_count_completions_and_what_was_overdue_at_each_month_end(world):
    """Two months back, Kees's track assignment and Anna's path are due; Kees completes his
    track last month, Anna completes the path's second track last month too, its first long before."""
    months = selectors.trend_months(last=timezone.localdate())
    two_back, last = months[-3], months[-2]
    mid_last = timezone.make_aware(datetime.datetime.combine(last.replace(day=15), datetime.time(12)))
    mid_two_back = timezone.make_aware(datetime.datetime.combine(two_back.replace(day=15), datetime.time(12)))
    Enrolment.objects.filter(user=world["kees"], track=world["notes"]).update(
        status=Enrolment.Status.COMPLETED, completed_at=mid_last
    )
    Enrolment.objects.filter(user=world["anna"], track=world["notes"]).update(completed_at=mid_two_back)
    Enrolment.objects.filter(user=world["anna"], track=world["planning"]).update(
        status=Enrolment.Status.COMPLETED, completed_at=mid_last
    )
    world["anna"].assignments.update(due_date=two_back.replace(day=5))
    world["kees"].assignments.update(due_date=two_back.replace(day=5))
    world["lies"].assignments.update(due_date=last.replace(day=5))  # finished long before: never overdue
    # QuerySet.update() sends no signals: whoever writes so works out the assignments' status.
    refresh_finished(Assignment.objects.all())

    board = dashboard_of(world["hr_zeist"])
    by_month = {row.month: row for row in board.months}
    assert [row.month for row in board.months] == months
    assert (by_month[two_back].completions, by_month[last].completions) == (1, 2)
    assert [by_month[month].overdue for month in months[-4:]] == [0, 2, 0, 0]
    assert board.overdue == 0


# The heat map ------------------------------------------------------------------------------


@pytest.fixture
def scan(home_page):
    planning, notes = CompetencyFactory(name="Plannen"), CompetencyFactory(name="Notuleren")
    page = SelfAssessmentPageFactory(parent=SelfAssessmentIndexPageFactory(parent=home_page), title="Zelfscan PMO")
    statements = [
        StatementFactory(page=page, competency=planning, text="Ik maak planningen", sort_order=0),
        StatementFactory(page=page, competency=notes, text="Ik notuleer overleggen", sort_order=1),
    ]
    return page, statements


def share(user, scan, level: int) -> None:
    page, statements = scan
    attempt = assessments.start_attempt(user=user, assessment=page)
    assessments.save_answers(user=user, attempt=attempt, levels={statement.pk: level for statement in statements})
    assessments.submit(user=user, attempt=attempt)
    assessments.set_sharing(user=user, attempt=attempt, shared=True)


@pytest.mark.parametrize(("sharers", "shown"), [(4, False), (5, True)])
def test_the_heat_map_needs_five_who_shared(client, world, scan, sharers, shown):
    people = [world["anna"], world["kees"], world["lies"]]
    people += [LearnerFactory(organisation=world["zeist"]).user for _ in range(sharers - len(people))]
    for n, person in enumerate(people):
        share(person, scan, level=1 + n % 4)
    share(world["bram"], scan, level=4)  # Utrecht's result never counts for Zeist
    html = page(client, world["hr_zeist"])
    assert "Zelfscan PMO" in html
    assert ("Te weinig mensen hebben hun resultaat gedeeld" in html) is not shown
    assert ('id="tabel-competenties"' in html) is shown
    assert ("Gemiddeld niveau per competentie in Gemeente Zeist, uit 5 gedeelde resultaten" in html) is shown
    rows = dashboard_of(world["hr_zeist"]).competency_rows
    if shown:
        assert {row.competency: row.average for row in rows} == {"Plannen": 2.2, "Notuleren": 2.2}
    else:
        assert rows == []


def test_the_heat_map_compares_with_the_chosen_role_profile(world, scan):
    from careers.models import RoleProfileRequirement

    competency = scan[1][0].competency
    RoleProfileRequirement.objects.create(page=world["pmo"], competency=competency, level=3)
    for person in [
        world["anna"],
        world["kees"],
        world["lies"],
        *(LearnerFactory(organisation=world["zeist"]).user for _ in range(2)),
    ]:
        share(person, scan, level=2)
    rows = dashboard_of(world["hr_zeist"], {**EVERYTHING, "functieprofiel": str(world["pmo"].pk)}).competency_rows
    planning = next(row for row in rows if row.competency == "Plannen")
    assert (planning.average, planning.required, planning.gap) == (2.0, 3, 1.0)
    assert len(rows) == 2, "the team and profile filters do not shrink the map's group"


# Speed --------------------------------------------------------------------------------------


def grow(world, size: int) -> None:
    """``size`` more learners in Zeist, each with everything the dashboard counts."""
    zeist = world["zeist"]
    for n in range(size):
        person = LearnerFactory(organisation=zeist, team=("Programmabureau", "Projectbureau", "Directie")[n % 3]).user
        CurrentRoleFactory(user=person, profile=world["pmo"])
        completed(person, world["notes"], days=3 + n)
        EnrolmentFactory(user=person, track=world["planning"])
        AssignmentFactory(user=person, organisation=zeist, path=world["path"], track=None, due_date=day(-n - 1))
        CertificateFactory(user=person, track=world["notes"], template=world["template"], issued_at=days_ago(n))
        CircleMemberFactory(circle=world["circle"], user=person)
        AttendanceFactory(session=world["session"], user=person)
        CareerStepFactory(user=person, to_profile=world["pmo"], date=day(-n))


def queries_of(client, url: str) -> int:
    cache.clear()  # the figures are computed, not read from the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_organisation(client, world, django_assert_max_num_queries):
    client.force_login(world["hr_zeist"])
    url = "/hr/?periode=alles&team=Programmabureau"
    client.get(url)
    small = queries_of(client, url)
    grow(world, 30)
    assert CareerStep.objects.count() > 30
    assert Certificate.objects.count() > 30
    large = queries_of(client, url)
    assert large == small, (small, large)
    cache.clear()
    with django_assert_max_num_queries(40):
        response = client.get(url)
    assert figure(response.content.decode(), "Mensen") == "12"


def test_the_figures_come_from_the_cache_until_something_changes(world, django_assert_num_queries):
    adviser, today = world["hr_zeist"], timezone.localdate()
    scope, _form = scope_for(adviser=adviser, data=EVERYTHING)
    assert selectors.dashboard(scope=scope, adviser=adviser, today=today).completed == 2
    with django_assert_num_queries(0):
        assert selectors.dashboard(scope=scope, adviser=adviser, today=today).completed == 2
    enrolment = Enrolment.objects.get(user=world["kees"], track=world["notes"])
    enrolment.status, enrolment.completed_at = Enrolment.Status.COMPLETED, timezone.now()
    enrolment.save()
    assert selectors.dashboard(scope=scope, adviser=adviser, today=today).completed == 3


def test_signing_in_somewhere_keeps_the_figures_in_the_cache(world, django_assert_num_queries):
    from django.contrib.auth.models import update_last_login

    adviser, today = world["hr_zeist"], timezone.localdate()
    scope, _form = scope_for(adviser=adviser, data=EVERYTHING)
    selectors.dashboard(scope=scope, adviser=adviser, today=today)
    update_last_login(None, world["anna"])
    with django_assert_num_queries(0):
        selectors.dashboard(scope=scope, adviser=adviser, today=today)


def test_outdated_figures_are_served_while_a_worker_computes_new_ones(world, monkeypatch, django_assert_num_queries):
    """With a worker (tasks not eager), a change makes the kept figures outdated: the page
    gets them at once, marked, and one background task is queued per scope, which keeps the
    new figures for the next request."""
    from celery import current_app

    from insights import tasks

    adviser, today = world["hr_zeist"], timezone.localdate()
    scope, _form = scope_for(adviser=adviser, data=EVERYTHING)
    assert selectors.dashboard(scope=scope, adviser=adviser, today=today).completed == 2
    queued = []
    monkeypatch.setitem(current_app.conf, "task_always_eager", False)
    monkeypatch.setattr(tasks.refresh_figures, "delay", lambda *args: queued.append(args))
    enrolment = Enrolment.objects.get(user=world["kees"], track=world["notes"])
    enrolment.status, enrolment.completed_at = Enrolment.Status.COMPLETED, timezone.now()
    enrolment.save()

    with django_assert_num_queries(0):  # the version is in the cache; no figure is computed
        kept = selectors.dashboard(scope=scope, adviser=adviser, today=today)
    assert (kept.completed, kept.outdated) == (2, True)
    selectors.dashboard(scope=scope, adviser=adviser, today=today)
    assert queued == [(adviser.pk, scope.as_query(), "nl")]  # once, however often the page is asked

    tasks.refresh_figures(*queued[0])
    fresh = selectors.dashboard(scope=scope, adviser=adviser, today=today)
    assert (fresh.completed, fresh.outdated) == (3, False)


def test_outdated_figures_older_than_a_quarter_of_an_hour_are_computed_in_the_request(world, monkeypatch):
    from celery import current_app

    from insights import tasks

    adviser, today = world["hr_zeist"], timezone.localdate()
    scope, _form = scope_for(adviser=adviser, data=EVERYTHING)
    monkeypatch.setitem(current_app.conf, "task_always_eager", False)
    monkeypatch.setattr(tasks.refresh_figures, "delay", lambda *args: None)
    selectors.dashboard(scope=scope, adviser=adviser, today=today)
    Enrolment.objects.filter(user=world["kees"], track=world["notes"]).get().save()  # a new version
    later = timezone.now() + selectors.MAX_STALE + datetime.timedelta(minutes=1)
    monkeypatch.setattr(selectors.timezone, "now", lambda: later)
    assert selectors.dashboard(scope=scope, adviser=adviser, today=today).outdated is False
    assert selectors.dashboard(scope=scope, adviser=adviser, today=today).computed_at == later


def test_the_scheduled_task_keeps_every_organisations_first_page_current(world, django_assert_num_queries):
    from insights import tasks

    today = timezone.localdate()
    assert tasks.keep_figures_current() == 2  # Zeist's and Utrecht's, once each
    assert tasks.keep_figures_current() == 0  # nothing changed
    scope, _form = scope_for(adviser=world["hr_zeist"], data={})  # the page's default: this year
    with django_assert_num_queries(0):
        before = selectors.dashboard(scope=scope, adviser=world["hr_zeist"], today=today).completed
    enrolment = Enrolment.objects.get(user=world["kees"], track=world["notes"])
    enrolment.status, enrolment.completed_at = Enrolment.Status.COMPLETED, timezone.now()
    enrolment.save()
    assert selectors.keep_current(today=today) == 2
    with django_assert_num_queries(0):
        assert selectors.dashboard(scope=scope, adviser=world["hr_zeist"], today=today).completed == before + 1


def test_the_cache_is_never_shared_between_organisations_or_filters(world):
    today = timezone.localdate()
    zeist_scope, _form = scope_for(adviser=world["hr_zeist"], data=EVERYTHING)
    utrecht_scope, _form = scope_for(adviser=world["hr_utrecht"], data=EVERYTHING)
    team_scope, _form = scope_for(adviser=world["hr_zeist"], data={**EVERYTHING, "team": "Programmabureau"})
    assert len({zeist_scope.cache_key, utrecht_scope.cache_key, team_scope.cache_key}) == 3
    assert selectors.dashboard(scope=zeist_scope, adviser=world["hr_zeist"], today=today).people == 4
    assert selectors.dashboard(scope=utrecht_scope, adviser=world["hr_utrecht"], today=today).people == 2
    assert selectors.dashboard(scope=team_scope, adviser=world["hr_zeist"], today=today).people == 2


# Charts -------------------------------------------------------------------------------------


@pytest.mark.django_db(False)
def test_a_chart_per_track_shows_the_fifteen_with_most_people_and_the_table_all():
    from insights import charts

    tracks = tuple(selectors.TrackRow(f"Leergang {n:02d}", n, n // 2, 50.0) for n in range(1, 21))
    board = selectors.Dashboard(
        people=0,
        tracks=tracks,
        paths=(),
        assigned=0,
        finished=0,
        overdue=0,
        overdue_rows=(),
        certificates=(),
        circles=(),
        steps=(),
        assessment=None,
        heatmaps=(),
        months=(),
        computed_at=timezone.now(),
    )
    drawn = charts.dashboard_charts(board)
    assert [row.label for row in drawn["tracks"]["rows"]] == [f"Leergang {n:02d}" for n in range(6, 21)]
    assert drawn["tracks_all"] is False
    assert len(dashboard_tables(board)["leergangen"].rows) == 20
    # Percentages run to 100, whatever the largest: half is half the width.
    bar = drawn["tracks"]["rows"][0].bars[0]
    assert bar.width == charts.AREA_W / 2
