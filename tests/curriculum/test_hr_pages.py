"""The HR pages of the curriculum: the assign form and the outcome of an assignment job."""

import datetime
import re

import pytest
from django.db import OperationalError

from common.jobs import FAILURE_REASON, UNAVAILABLE_REASON
from curriculum import services
from curriculum.models import Assignment, AssignmentBatch
from curriculum.tasks import run_assignment_batch as run_assignment_batch_task
from tests.common.workers import tasks_fail_as_in_a_worker
from tests.curriculum.factories import AssignmentFactory, LearningPathFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(track):
    zeist = OrganisationFactory(slug="zeist")
    return {
        "zeist": zeist,
        "track": track,
        "hr": HRAdviserFactory(organisation=zeist).user,
        "hr_utrecht": HRAdviserFactory(organisation=OrganisationFactory(slug="utrecht")).user,
        "anna": LearnerFactory(organisation=zeist).user,
    }


def label_of(html: str, field_id: str) -> str:
    match = re.search(rf'<label[^>]*for="{field_id}"[^>]*>(.*?)</label>', html, re.DOTALL)
    assert match, f"no label for {field_id}"
    return match.group(1).strip()


# The assign form -----------------------------------------------------------------------


def test_the_assign_form_asks_for_a_path_or_a_track_in_one_group(client, world):
    client.force_login(world["hr"])
    html = client.get("/hr/toewijzen/").content.decode()
    group = re.search(
        r"<fieldset[^>]*>\s*<legend[^>]*>Kies een leerpad of een leergang</legend>(.*?)</fieldset>", html, re.S
    )
    assert group, "path and track sit in one fieldset with a legend that says one of them is needed"
    assert 'id="id_path"' in group.group(1)
    assert 'id="id_track"' in group.group(1)
    assert label_of(html, "id_path") == "Leerpad"
    assert label_of(html, "id_track") == "Leergang"
    assert "niet verplicht" not in group.group(1)
    # The fields that really are optional keep their marker.
    for field_id in ("id_role_profile", "id_team", "id_person"):
        assert "(niet verplicht)" in label_of(html, field_id)


def assign(client, world, **extra):
    data = {
        "organisation": world["zeist"].pk,
        "due_date": (datetime.date.today() + datetime.timedelta(days=30)).isoformat(),
        "audience": "all",
        **extra,
    }
    return client.post("/hr/toewijzen/", data)


def test_neither_a_path_nor_a_track_is_a_clear_error(client, world):
    client.force_login(world["hr"])
    response = assign(client, world)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies een leerpad of een leergang." in html
    assert "niet allebei" not in html
    assert re.search(
        r'<select[^>]*id="id_path"[^>]*aria-invalid="true"|<select[^>]*aria-invalid="true"[^>]*id="id_path"', html
    )
    assert not AssignmentBatch.objects.exists()


def test_both_a_path_and_a_track_is_a_clear_error(client, world):
    path = LearningPathFactory()
    client.force_login(world["hr"])
    response = assign(client, world, path=path.pk, track=world["track"].pk)
    assert response.status_code == 400
    assert "Kies een leerpad of een leergang, niet allebei." in response.content.decode()
    assert not AssignmentBatch.objects.exists()


@pytest.mark.parametrize("junk", ["9" * 30, "-1", "abc"])
def test_an_id_out_of_range_is_an_invalid_choice_not_a_server_error(client, world, junk):
    client.force_login(world["hr"])
    response = assign(client, world, track=junk, person=junk, organisation=junk)
    assert response.status_code == 400
    assert not AssignmentBatch.objects.exists()


def test_one_of_them_is_enough(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["hr"])
    with django_capture_on_commit_callbacks(execute=True):
        response = assign(client, world, track=world["track"].pk)
    assert response.status_code == 302
    assert Assignment.objects.filter(user=world["anna"], track=world["track"]).exists()


def test_the_assign_form_refuses_learners_and_strangers(client, world):
    client.force_login(world["anna"])
    assert client.get("/hr/toewijzen/").status_code == 403
    assert assign(client, world, track=world["track"].pk).status_code == 403
    client.force_login(world["hr_utrecht"])
    assert assign(client, world, track=world["track"].pk).status_code == 400, "zeist is not one of her choices"
    client.logout()
    assert client.get("/hr/toewijzen/")["Location"].startswith("/accounts/login/")
    assert not AssignmentBatch.objects.exists()


# The outcome of an assignment job ----------------------------------------------------------


def finished_batch(world, *, total: int, created: int, status=AssignmentBatch.Status.DONE) -> AssignmentBatch:
    return AssignmentBatch.objects.create(
        organisation=world["zeist"],
        assigned_by=world["hr"],
        track=world["track"],
        due_date=datetime.date.today() + datetime.timedelta(days=30),
        audience=AssignmentBatch.Audience.ALL,
        status=status,
        total=total,
        processed=total if status == AssignmentBatch.Status.DONE else 0,
        created_count=created,
    )


def status_text(client, batch) -> str:
    html = client.get(f"/hr/toewijzingen/{batch.pk}/").content.decode()
    match = re.search(r"<p[^>]*data-batch-status>(.*?)</p>", html, re.S)
    return " ".join(match.group(1).split())


@pytest.mark.parametrize(
    ("total", "created", "expected"),
    [
        # Everyone got a new assignment: no "de anderen".
        (1, 1, "Klaar: 1 persoon heeft de opdracht gekregen."),
        (2, 2, "Klaar: 2 mensen hebben de opdracht gekregen."),
        # Some had it already.
        (
            3,
            1,
            "Klaar: 1 persoon heeft de opdracht gekregen. "
            "2 mensen hadden de opdracht al en houden de eerdere uiterste datum.",
        ),
        (
            3,
            2,
            "Klaar: 2 mensen hebben de opdracht gekregen. "
            "1 persoon had de opdracht al en houdt de eerdere uiterste datum.",
        ),
        # Everyone had it already.
        (1, 0, "Klaar: 1 persoon had de opdracht al, dus er is niets veranderd."),
        (4, 0, "Klaar: iedereen had de opdracht al (4 mensen), dus er is niets veranderd."),
        # Nobody matched.
        (0, 0, "Klaar: niemand past bij je keuze, dus niemand heeft een opdracht gekregen."),
    ],
)
def test_the_outcome_of_a_job_in_plain_dutch(client, world, total, created, expected):
    client.force_login(world["hr"])
    assert status_text(client, finished_batch(world, total=total, created=created)) == expected


def test_a_running_job_counts_one_person_in_the_singular(client, world):
    client.force_login(world["hr"])
    batch = finished_batch(world, total=1, created=0, status=AssignmentBatch.Status.RUNNING)
    assert status_text(client, batch) == "Bezig: 0 van 1 persoon verwerkt."


def test_the_outcome_of_a_real_job(client, world, django_capture_on_commit_callbacks):
    LearnerFactory(organisation=world["zeist"])
    AssignmentFactory(user=world["anna"], organisation=world["zeist"], track=world["track"])
    client.force_login(world["hr"])
    with django_capture_on_commit_callbacks(execute=True):
        response = assign(client, world, track=world["track"].pk)
    text = status_text(client, AssignmentBatch.objects.get())
    assert text == (
        "Klaar: 1 persoon heeft de opdracht gekregen. 1 persoon had de opdracht al en houdt de eerdere uiterste datum."
    )
    assert response.status_code == 302


def test_no_link_to_an_empty_status_table(client, world):
    client.force_login(world["hr"])
    batch = finished_batch(world, total=0, created=0)
    html = client.get(f"/hr/toewijzingen/{batch.pk}/").content.decode()
    status_table = f"/hr/opdrachten/zeist/leergang/{world['track'].pk}/"
    assert status_table not in html
    assert client.get(status_table).status_code == 404, "which is why it is not linked"
    AssignmentFactory(user=world["anna"], organisation=world["zeist"], track=world["track"])
    assert status_table in client.get(f"/hr/toewijzingen/{batch.pk}/").content.decode()


# Ids from the URL beyond the database's range ---------------------------------------------


def test_an_id_beyond_the_database_range_is_a_404(client, world):
    huge = "9" * 30
    client.force_login(world["hr"])
    assert client.get(f"/hr/opdrachten/zeist/leergang/{huge}/").status_code == 404
    assert client.get(f"/hr/toewijzingen/{huge}/").status_code == 404
    assert client.post(f"/hr/aanvragen/{huge}/").status_code == 404
    client.force_login(world["anna"])
    assert client.post(f"/leergangen/{huge}/inschrijven/").status_code == 404
    assert client.post(f"/leergangen/{huge}/opnieuw/").status_code == 404


# A job that fails ----------------------------------------------------------------------------


def panel_of(html: str) -> str:
    return re.search(r"<div[^>]*data-batch-progress[^>]*>(.*?)</div>\n", html, re.S).group(1)


def test_a_failing_assignment_batch_shows_mislukt_with_its_reason_and_a_retry_button(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    def disk_full(**kwargs):
        raise RuntimeError("disk full")

    client.force_login(world["hr"])
    monkeypatch.setattr(services, "run_assignment_batch", disk_full)
    with tasks_fail_as_in_a_worker(), django_capture_on_commit_callbacks(execute=True):
        assign(client, world, track=world["track"].pk)
    monkeypatch.undo()
    batch = AssignmentBatch.objects.get()
    assert (batch.status, batch.error) == (AssignmentBatch.Status.FAILED, str(FAILURE_REASON))
    assert status_text(client, batch) == f"Mislukt: {FAILURE_REASON}", "a reason HR can read, not 'disk full'"
    panel = panel_of(client.get(f"/hr/toewijzingen/{batch.pk}/").content.decode())
    retry = f"/hr/toewijzingen/{batch.pk}/opnieuw/"
    assert f'<form method="post" action="{retry}">' in panel
    assert "Opnieuw proberen</button>" in panel
    assert "<noscript>" not in panel, "the page polls no more: without the marker the script does not start"
    assert client.get(f"/hr/toewijzingen/{batch.pk}/voortgang/").json()["status"] == "failed"
    assert client.get(retry).status_code == 405, "a retry is a POST"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(retry)
    assert response["Location"] == f"/hr/toewijzingen/{batch.pk}/"
    batch.refresh_from_db()
    assert (batch.status, batch.error, batch.created_count) == (AssignmentBatch.Status.DONE, "", 1)
    assert Assignment.objects.filter(user=world["anna"], track=world["track"]).exists()
    assert status_text(client, batch) == "Klaar: 1 persoon heeft de opdracht gekregen."
    assert "Opnieuw proberen" not in client.get(response["Location"]).content.decode()
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(retry)
    assert not callbacks, "a finished job is not queued again"


def test_only_an_adviser_of_the_batch_organisation_may_retry_it(client, world, django_capture_on_commit_callbacks):
    batch = finished_batch(world, total=0, created=0, status=AssignmentBatch.Status.FAILED)
    retry = f"/hr/toewijzingen/{batch.pk}/opnieuw/"
    for person in ("hr_utrecht", "anna"):
        client.force_login(world[person])
        with django_capture_on_commit_callbacks() as callbacks:
            assert client.post(retry).status_code == 404
        assert not callbacks
    client.logout()
    assert client.post(retry)["Location"].startswith("/accounts/login/")
    batch.refresh_from_db()
    assert batch.status == AssignmentBatch.Status.FAILED


def test_a_batch_that_cannot_reach_the_database_is_retried_then_fails(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []

    def unavailable(**kwargs):
        calls.append(kwargs)
        raise OperationalError("database is locked")

    monkeypatch.setattr(services, "run_assignment_batch", unavailable)
    client.force_login(world["hr"])
    with tasks_fail_as_in_a_worker(), django_capture_on_commit_callbacks(execute=True):
        assign(client, world, track=world["track"].pk)
    batch = AssignmentBatch.objects.get()
    assert len(calls) == 1 + run_assignment_batch_task.max_retries
    assert (batch.status, batch.error) == (AssignmentBatch.Status.FAILED, str(UNAVAILABLE_REASON))
