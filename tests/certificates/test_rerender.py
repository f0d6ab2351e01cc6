"""Re-rendering the certificates of a template: progress, a job that gives up, and its retry."""

import pytest
from django.db import OperationalError

from certificates import services
from certificates.models import CertificateTemplate, RerenderBatch
from certificates.tasks import run_rerender as run_rerender_task
from common.jobs import JobTask
from people.models import User
from tests.common.workers import tasks_fail_as_in_a_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(world):
    return services.render(certificate_id=services.issue(user=world["anna"], track=world["track"], source_key="r1").pk)


@pytest.fixture
def editor(client):
    editor = User.objects.create_superuser(email="redactie@example.org", password="x" * 12, full_name="Redactie")
    client.force_login(editor)
    return editor


def start(client, django_capture_on_commit_callbacks) -> RerenderBatch:
    template = CertificateTemplate.objects.get()
    with tasks_fail_as_in_a_worker(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/certificaten/sjablonen/{template.pk}/opnieuw-maken/")
    batch = RerenderBatch.objects.get()
    assert response["Location"] == f"/certificaten/opnieuw-maken/{batch.pk}/"
    return batch


def database_away(*, certificate_id):
    raise OperationalError("database is locked")


def test_the_task_retries_and_marks_its_batch_failed_when_it_gives_up():
    assert isinstance(run_rerender_task, JobTask)
    assert run_rerender_task.job_model is RerenderBatch
    assert run_rerender_task.autoretry_for == (OperationalError,)
    assert run_rerender_task.max_retries == 5


def test_a_certificate_that_fails_is_counted_and_the_batch_finishes(
    client, certificate, editor, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*, certificate_id):
        raise ValueError("a broken logo")

    monkeypatch.setattr(services, "render", broken)
    batch = start(client, django_capture_on_commit_callbacks)
    batch.refresh_from_db()
    assert (batch.status, batch.processed, batch.failed, batch.error) == (RerenderBatch.Status.DONE, 1, 1, "")
    html = client.get(f"/certificaten/opnieuw-maken/{batch.pk}/").content.decode()
    assert "Klaar: 1 verwerkt, 1 mislukt." in html
    assert "Opnieuw proberen" not in html


def test_a_rerendering_that_gives_up_says_why_and_offers_a_retry(
    client, certificate, editor, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []

    def away(*, certificate_id):
        calls.append(certificate_id)
        database_away(certificate_id=certificate_id)

    monkeypatch.setattr(services, "render", away)
    batch = start(client, django_capture_on_commit_callbacks)
    assert len(calls) == 1 + run_rerender_task.max_retries, "retried, then given up"
    batch.refresh_from_db()
    assert batch.status == RerenderBatch.Status.FAILED
    assert batch.finished_at is not None
    assert batch.error.startswith("De database was een tijd niet bereikbaar")

    url = f"/certificaten/opnieuw-maken/{batch.pk}/"
    html = client.get(url).content.decode()
    assert "Mislukt: De database was een tijd niet bereikbaar, ook niet na een paar nieuwe pogingen." in html
    assert f'<form method="post" action="{url}opnieuw-proberen/">' in html
    assert "Opnieuw proberen</button>" in html
    progress = client.get(url, HTTP_ACCEPT="application/json").json()
    assert (progress["status"], progress["status_label"]) == ("failed", "Mislukt")

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{url}opnieuw-proberen/")
    assert response["Location"] == url
    batch.refresh_from_db()
    assert (batch.status, batch.processed, batch.failed, batch.error) == (RerenderBatch.Status.DONE, 1, 0, "")
    html = client.get(url).content.decode()
    assert "Klaar: 1 verwerkt, 0 mislukt." in html
    assert "Opnieuw proberen" not in html


def test_only_who_may_start_a_rerendering_may_retry_it(
    client, certificate, editor, world, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "render", database_away)
    batch = start(client, django_capture_on_commit_callbacks)
    url = f"/certificaten/opnieuw-maken/{batch.pk}/"
    for person in [world["anna"], world["hr"]]:
        client.force_login(person)
        assert client.get(url).status_code == 403
        assert client.post(f"{url}opnieuw-proberen/").status_code == 403
    client.logout()
    assert client.post(f"{url}opnieuw-proberen/")["Location"].startswith("/accounts/login/")
    batch.refresh_from_db()
    assert batch.status == RerenderBatch.Status.FAILED


def test_retrying_a_batch_that_did_not_fail_changes_nothing(
    client, certificate, editor, django_capture_on_commit_callbacks
):
    batch = start(client, django_capture_on_commit_callbacks)
    batch.refresh_from_db()
    finished_at = batch.finished_at
    url = f"/certificaten/opnieuw-maken/{batch.pk}/"
    assert client.get(f"{url}opnieuw-proberen/").status_code == 405
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert client.post(f"{url}opnieuw-proberen/")["Location"] == url
    assert callbacks == []
    batch.refresh_from_db()
    assert (batch.status, batch.finished_at) == (RerenderBatch.Status.DONE, finished_at)


def test_a_finished_batch_is_not_rendered_again(certificate, world, monkeypatch):
    batch = services.start_rerender(
        actor=User.objects.create_superuser(email="a@example.org", full_name="A"), template=certificate.template
    )
    services.run_rerender(batch_id=batch.pk)
    monkeypatch.setattr(services, "render", database_away)
    assert services.run_rerender(batch_id=batch.pk).status == RerenderBatch.Status.DONE
