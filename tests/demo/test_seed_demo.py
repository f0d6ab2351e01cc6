"""`seed_demo`: the demo logins, running it again, the refusal in production, the domain apps knowing
nothing of the demo, and a learning history that went through the rules of the services."""

import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from assessments.models import Answer, Attempt, DevelopmentPlan, PlanItem, Statement
from careers.models import CareerStep, CurrentRole
from certificates.models import Certificate
from curriculum.grading import grade_module
from curriculum.models import Assignment, AssignmentBatch, Enrolment, ModuleProgress
from curriculum.selectors import required_module_ids
from people.models import Membership, Organisation, OutgoingEmail, User
from people.selectors import hr_advisers_of, users_visible_to_hr
from tests.demo_content import shared_demo

pytestmark = pytest.mark.django_db

DEMO_LOGINS = [
    "admin@example.org",
    "anna@zeist.example.org",
    "bram@utrecht.example.org",
    "hr@zeist.example.org",
    "hr@utrecht.example.org",
    "organisator@leerkring.example.org",
]
ROOT = Path(__file__).resolve().parents[2]
DOMAIN_APPS = ["careers", "curriculum", "assessments", "certificates", "people"]
SEEDED_MODELS = [
    User,
    Organisation,
    Membership,
    CareerStep,
    CurrentRole,
    AssignmentBatch,
    Assignment,
    Enrolment,
    ModuleProgress,
    Attempt,
    Answer,
    DevelopmentPlan,
    PlanItem,
    Certificate,
    OutgoingEmail,
    Page,
    Revision,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in SEEDED_MODELS}


@pytest.fixture
def seed(django_capture_on_commit_callbacks):
    """Seed as `make run` does: what the services queue on commit (tasks, mails) runs too."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("seed_demo", verbosity=0)

    return run


def test_seed_demo_creates_the_demo_logins_and_is_idempotent(client, demo, seed):
    first = counts()  # after one seeding (the ``demo`` fixture's copy of it)
    seed()
    assert counts() == first
    for email in DEMO_LOGINS:
        assert EmailAddress.objects.get(email=email).verified
        response = client.post("/accounts/login/", {"login": email, "password": "oefenen-2026"})
        assert response.status_code == 302, email
        client.logout()


@pytest.fixture(scope="class")
def demo_content(demo_snapshot, django_db_blocker):
    """Copied in once for the tests of a class, rolled back after them (tests/demo_content.py)."""
    with shared_demo(demo_snapshot, django_db_blocker):
        yield


@pytest.mark.usefixtures("demo_content")
class TestWhoSeesWhatInTheDemo:
    def test_demo_hr_advisers_see_only_their_own_organisation(self):
        zeist_hr = User.objects.get(email="hr@zeist.example.org")
        visible = set(users_visible_to_hr(adviser=zeist_hr).values_list("email", flat=True))
        assert "anna@zeist.example.org" in visible
        assert "bram@utrecht.example.org" not in visible

    def test_only_the_admin_reaches_the_wagtail_admin(self, client):
        for email in DEMO_LOGINS:
            client.force_login(User.objects.get(email=email))
            status = client.get("/admin/").status_code
            assert (status == 200) == (email == "admin@example.org"), email


def test_seed_demo_is_refused_when_settings_forbid_it(settings):
    settings.SEED_DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="refused"):
        call_command("seed_demo", verbosity=0)
    assert not User.objects.filter(email="admin@example.org").exists()


@pytest.mark.django_db(False)
def test_no_domain_app_mentions_the_demo():
    """The demo lives in demo/ alone: no file of the apps below it is named for it or mentions it."""
    mentions = []
    for app in DOMAIN_APPS:
        for path in sorted((ROOT / app).rglob("*")):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            name = path.relative_to(ROOT)
            if "demo" in str(name).lower():
                mentions.append(f"{name}: its name")
                continue
            for number, line in enumerate(path.read_text(errors="replace").splitlines(), start=1):
                if "demo" in line.lower():
                    mentions.append(f"{name}:{number}: {line.strip()}")
    assert mentions == []


def test_the_learning_history_went_through_the_rules_of_the_services(demo):
    """One seeding (the ``demo`` fixture's copy of it, with what the services queued on commit),
    each kind of history checked against what its service guarantees for real data."""
    anna = User.objects.get(email="anna@zeist.example.org")
    bram = User.objects.get(email="bram@utrecht.example.org")
    _modules_were_graded_and_completed_the_track(anna)
    _the_certificate_was_issued_rendered_and_mailed_like_any_other(anna)
    _hr_assigned_through_finished_batches()
    _the_request_waits_for_the_adviser(bram)
    _self_assessments_were_submitted_whole_and_the_plan_follows_the_latest(anna)
    _the_current_role_follows_the_last_career_step()


def _modules_were_graded_and_completed_the_track(anna):
    completed = Enrolment.objects.get(user=anna, status=Enrolment.Status.COMPLETED)
    done = ModuleProgress.objects.filter(enrolment=completed, completed_at__isnull=False)
    assert set(required_module_ids(track=completed.track)) <= set(done.values_list("module_id", flat=True))
    for progress in ModuleProgress.objects.filter(enrolment__user=anna).select_related("module"):
        result = grade_module(body=progress.module.body, answers=progress.answers, reflections=progress.reflections)
        assert result.passed, progress.module.slug
        assert progress.score == result.score
        assert progress.opened_at < progress.completed_at
    assert completed.last_module == done.latest("completed_at").module
    assert completed.started_at < completed.completed_at == done.latest("completed_at").completed_at
    assert list(done.order_by("completed_at").values_list("score", flat=True)) == [100, 67]


def _the_certificate_was_issued_rendered_and_mailed_like_any_other(anna):
    enrolment = Enrolment.objects.get(user=anna, status=Enrolment.Status.COMPLETED)
    certificate = Certificate.objects.get(user=anna)
    assert re.fullmatch(r"SPIL-\d{4}-\d{4}-[A-Z2-7]{4}", certificate.number)
    assert certificate.token
    assert certificate.pdf
    assert certificate.rendered_at
    assert certificate.emailed_at
    assert certificate.source_key.startswith(f"track:{enrolment.track_id}:user:{anna.pk}:at:")
    assert certificate.organisation.slug == "zeist"
    assert certificate.template.language == "nl"
    assert OutgoingEmail.objects.filter(to=anna.email, subject__contains=certificate.achievement).count() == 1
    # The completion handler of the certificates app ran on commit too, with the same key: no second one.
    assert Certificate.objects.filter(user=anna).count() == 1


HISTORY_EMAILS = ["anna@zeist.example.org", "bram@utrecht.example.org"]


def _hr_assigned_through_finished_batches():
    # Anna's and Bram's; the colleagues that give the HR dashboard its figures have their own.
    assignments = Assignment.objects.filter(user__email__in=HISTORY_EMAILS).select_related(
        "batch", "user", "assigned_by"
    )
    assert assignments.count() == 3
    for assignment in assignments:
        batch = assignment.batch
        assert batch.status == AssignmentBatch.Status.DONE
        assert batch.finished_at is not None
        assert (batch.audience, batch.person, batch.created_count) == ("person", assignment.user, 1)
        assert assignment.assigned_by in hr_advisers_of(person=assignment.user)
        assert assignment.created_at == batch.created_at


def _the_request_waits_for_the_adviser(bram):
    request = Enrolment.objects.get(user=bram, track__slug="stakeholdermanagement")
    assert request.status == Enrolment.Status.REQUESTED
    assert request.started_at is None
    # Asked before the path holding the track was assigned; asked after, he would have been enrolled.
    path_assignment = Assignment.objects.get(user=bram, path__items__track=request.track)
    assert request.requested_at < path_assignment.created_at
    assert OutgoingEmail.objects.filter(to="hr@utrecht.example.org", subject__contains="Stakeholdermanagement").exists()


def _self_assessments_were_submitted_whole_and_the_plan_follows_the_latest(anna):
    attempts = Attempt.objects.filter(user__email__in=HISTORY_EMAILS)
    assert attempts.count() == 3
    for attempt in attempts.select_related("assessment"):
        assert attempt.status == Attempt.Status.SUBMITTED
        statements = set(Statement.objects.filter(page=attempt.assessment).values_list("pk", flat=True))
        assert set(attempt.answers.values_list("statement_id", flat=True)) == statements
        assert attempt.started_at < attempt.submitted_at
        if attempt.shared_with_organisation_at:
            assert attempt.shared_with_organisation_at > attempt.submitted_at
    plan = DevelopmentPlan.objects.get(user=anna)
    latest = Attempt.objects.filter(user=anna).latest("submitted_at")
    assert (plan.attempt, plan.target_profile) == (latest, latest.target_profile)
    assert plan.items.count() == 2


def _the_current_role_follows_the_last_career_step():
    for email in ["anna@zeist.example.org", "bram@utrecht.example.org"]:
        last_step = CareerStep.objects.filter(user__email=email).latest("date")
        role = CurrentRole.objects.get(user__email=email)
        assert (role.profile, role.since, role.confirmed_by) == (
            last_step.to_profile,
            last_step.date,
            last_step.recorded_by,
        )
