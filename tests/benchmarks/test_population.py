"""The benchmark population at a tiny scale: the counts asked for, rows the models accept, and
a page tree Wagtail can work with. PostgreSQL only (the generator writes with COPY)."""

import datetime
import re

import pytest
from django.conf import settings
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import Count, Q
from django.utils import timezone

from benchmarks.population import Sizes, generate
from cms.services import ensure_site

POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not POSTGRESQL, reason="the population is written with PostgreSQL's COPY: run with a PostgreSQL DATABASE_URL"
    ),
]

SIZES = Sizes(
    organisations=4,
    users=300,
    tracks=6,
    modules_per_track=4,
    paths=2,
    progress=3_000,
    answers=300,
    certificates=60,
    circles=1,
    sessions_per_circle=4,
)


@pytest.fixture(scope="module")
def population(django_db_setup, django_db_blocker):
    """One population for the module, in a transaction rolled back after its last test (each
    test's own transaction nests inside it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_site()
        yield generate(SIZES, seed=7, progress=False)
        transaction.set_rollback(True)


def test_counts_are_the_ones_asked_for(population):
    from assessments.models import Answer
    from certificates.models import Certificate
    from curriculum.models import LearningPath, LearningTrackPage, ModulePage, ModuleProgress
    from people.models import Organisation, User

    assert Organisation.objects.count() == SIZES.organisations
    assert User.objects.count() == SIZES.users
    assert LearningTrackPage.objects.count() == SIZES.tracks
    assert ModulePage.objects.count() == SIZES.tracks * SIZES.modules_per_track
    assert LearningPath.objects.count() == SIZES.paths
    assert ModuleProgress.objects.count() == SIZES.progress
    assert Answer.objects.count() == SIZES.answers
    assert Certificate.objects.count() == SIZES.certificates
    assert population.rows["curriculum_moduleprogress"] == SIZES.progress


def test_people_belong_to_organisations_of_unequal_size(population):
    from allauth.mfa.models import Authenticator

    from people.models import Membership, Organisation, User

    assert not User.objects.filter(~Q(memberships__role=Membership.Role.LEARNER)).exists()
    sizes = sorted(
        Organisation.objects.annotate(
            n=Count("memberships", filter=Q(memberships__role=Membership.Role.LEARNER))
        ).values_list("n", flat=True)
    )
    assert sizes[-1] > 2 * sizes[0]
    advisers = Membership.objects.filter(role=Membership.Role.HR)
    assert set(advisers.values_list("organisation", flat=True)) == set(
        Organisation.objects.values_list("pk", flat=True)
    )
    # Every adviser has set up two-step verification, as production asks of them.
    assert not advisers.exclude(user__in=Authenticator.objects.values("user")).exists()


def test_rows_pass_the_models_validation(population):
    from assessments.models import Answer, Attempt
    from careers.models import CareerStep, CurrentRole
    from certificates.models import Certificate
    from circles.models import Attendance, CircleMember, Registration, Session
    from curriculum.models import Assignment, Enrolment, LearningTrackPage, ModulePage, ModuleProgress
    from people.models import Membership, User

    models = [
        User, Membership, CurrentRole, CareerStep, LearningTrackPage, ModulePage, Enrolment, ModuleProgress,
        Assignment, Certificate, Attempt, Answer, CircleMember, Session, Registration, Attendance,
    ]  # fmt: skip
    for model in models:  # About 20 rows of each, spread over the table.
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
        assert ids, model.__name__
        for row in model.objects.filter(pk__in=ids[:: max(1, len(ids) // 20)]):
            row.full_clean()
    for email in User.objects.values_list("email", flat=True):
        validate_email(email)


def test_learning_is_consistent(population):
    from curriculum.models import Assignment, Enrolment, ModulePage, ModuleProgress
    from curriculum.selectors import with_status
    from people.models import User

    # Progress only in modules of the enrolment's own track.
    for progress in ModuleProgress.objects.select_related("enrolment", "module")[:200]:
        assert progress.module.get_parent().pk == progress.enrolment.track_id
    # A completed enrolment has every required module completed.
    for enrolment in Enrolment.objects.filter(status=Enrolment.Status.COMPLETED)[:50]:
        required = set(ModulePage.objects.child_of(enrolment.track).filter(required=True).values_list("pk", flat=True))
        done = set(enrolment.progress.filter(completed_at__isnull=False).values_list("module_id", flat=True))
        assert required <= done
        assert enrolment.completed_at is not None
        assert enrolment.started_at <= enrolment.completed_at
    assert not ModuleProgress.objects.filter(enrolment__status__in=["requested", "declined"]).exists()
    # Learning is spread over everyone, not over the first people made.
    ids = sorted(User.objects.values_list("pk", flat=True))
    halves = [ids[: len(ids) // 2], ids[len(ids) // 2 :]]
    counts = [Enrolment.objects.filter(user__in=half).count() for half in halves]
    assert min(counts) > max(counts) / 2
    statuses = set(Enrolment.objects.values_list("status", flat=True))
    assert {"active", "completed"} <= statuses
    overdue = with_status(Assignment.objects.all(), today=timezone.localdate()).filter(late=True)
    assert overdue.exists()


def test_certificates_look_issued(population):
    from certificates.models import Certificate
    from certificates.selectors import NUMBER_RE

    now = timezone.now()
    assert all(NUMBER_RE.match(number) for number in Certificate.objects.values_list("number", flat=True))
    assert all(
        re.fullmatch(r"[A-Za-z0-9_-]{43}", token) for token in Certificate.objects.values_list("token", flat=True)
    )
    assert not Certificate.objects.exclude(pdf="").exists()
    assert not Certificate.objects.filter(credential__isnull=False).exists()
    # The holder's organisation vouches for them.
    for certificate in Certificate.objects.select_related("user")[:30]:
        assert certificate.user.memberships.filter(organisation=certificate.organisation_id).exists()
    # A renewal supersedes the holder's earlier certificate for the same achievement.
    superseded = Certificate.objects.filter(superseded_at__isnull=False)
    assert superseded.exists()
    for certificate in superseded[:20]:
        assert Certificate.objects.filter(
            user=certificate.user_id,
            track=certificate.track_id,
            path=certificate.path_id,
            issued_at=certificate.superseded_at,
        ).exists()
    assert not Certificate.objects.filter(issued_at__gt=now).exists()
    assert not Certificate.objects.filter(expires_at__lte=models.F("issued_at")).exists()


def test_the_page_tree_is_sound(population, client):
    from wagtail.models import Page

    from assessments.models import SelfAssessmentPage
    from careers.models import RoleProfilePage
    from curriculum.models import LearningTrackPage

    assert Page.find_problems() == ([], [], [], [], [])
    for model in (LearningTrackPage, RoleProfilePage, SelfAssessmentPage):
        page = model.objects.live().order_by("path").first()
        assert client.get(page.url).status_code == 200, page.url


def test_circles_have_sessions_registrations_and_attendance(population):
    from circles.models import Attendance, Registration, Session

    assert Session.objects.count() == SIZES.circles * SIZES.sessions_per_circle
    assert Session.objects.filter(starts_at__gt=timezone.now()).exists()
    assert Registration.objects.exists()
    assert Attendance.objects.filter(status=Attendance.Status.PRESENT).exists()
    # Only sessions that took place have attendance.
    assert not Attendance.objects.filter(session__starts_at__gt=timezone.now() + datetime.timedelta(hours=1)).exists()


def test_the_benchmark_sql_computes_what_the_dashboard_shows(population):
    """benchmarks.hr_insights compares the dashboard with its own SQL: both must give the
    same figures, for the default period, a filter, and everything."""
    from benchmarks import hr_insights

    api = hr_insights.insights_api()
    if api is None:
        pytest.skip("the insights dashboard (insights.selectors.build_dashboard) is not there")
    selectors, filters = api
    scene = hr_insights.find_scene()
    today = timezone.localdate()
    for data in ({}, scene.filter_data, {"periode": "alles"}):
        scope, _form = filters.scope_for(adviser=scene.adviser, data=data)
        dashboard = selectors.build_dashboard(scope=scope, adviser=scene.adviser, today=today)
        sql = hr_insights.sql_figures(hr_insights.SqlScope.of(scope), today=today, now=timezone.now())
        assert hr_insights.differences(sql, hr_insights.selector_figures(dashboard)) == [], data
