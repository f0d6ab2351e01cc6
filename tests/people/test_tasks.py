"""Mail delivery that gives up: the row says failed, with a reason the platform admin can read."""

import smtplib

import pytest
from django.core import mail

from common.jobs import JobTask
from people import services
from people.models import OutgoingEmail
from people.tasks import send_email
from tests.common.workers import tasks_fail_as_in_a_worker
from tests.people.factories import OutgoingEmailFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def server_away(monkeypatch):
    def away(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("mail server went away")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", away)
    return monkeypatch


def queue(django_capture_on_commit_callbacks) -> OutgoingEmail:
    with tasks_fail_as_in_a_worker(), django_capture_on_commit_callbacks(execute=True):
        email = services.queue_email(to="anna@example.org", subject="Welkom", body_text="Hallo")
    email.refresh_from_db()
    return email


def test_the_task_marks_its_row_failed_when_it_gives_up():
    assert isinstance(send_email, JobTask)
    assert send_email.job_model is OutgoingEmail
    assert send_email.max_retries == 8


def test_delivery_that_gives_up_after_its_retries_is_marked_failed(server_away, django_capture_on_commit_callbacks):
    email = queue(django_capture_on_commit_callbacks)
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.sent_at is None
    assert email.attempts == 1 + send_email.max_retries
    assert email.failure_reason.startswith("De mailserver was niet bereikbaar of nam de e-mail niet aan")
    assert email.last_error == "mail server went away"
    assert mail.outbox == []


def test_an_error_that_is_not_retried_fails_at_once(monkeypatch, django_capture_on_commit_callbacks):
    def broken(self, fail_silently=False):
        raise ValueError("header contains a newline")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    email = queue(django_capture_on_commit_callbacks)
    assert (email.status, email.attempts) == (OutgoingEmail.Status.FAILED, 1)
    assert email.failure_reason.startswith("Er ging iets mis bij het verzenden")
    assert email.last_error == "header contains a newline"


def test_a_failed_mail_is_sent_when_retried(server_away, django_capture_on_commit_callbacks):
    email = queue(django_capture_on_commit_callbacks)
    server_away.undo()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.retry_email(email_id=email.pk) is True
    email.refresh_from_db()
    assert (email.status, email.failure_reason, email.last_error) == (OutgoingEmail.Status.SENT, "", "")
    assert email.sent_at is not None
    assert len(mail.outbox) == 1


def test_only_a_failed_mail_is_retried(django_capture_on_commit_callbacks):
    email = OutgoingEmailFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.retry_email(email_id=email.pk) is False
    assert callbacks == []
    assert OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.QUEUED


def test_a_late_failure_report_does_not_undo_a_sent_mail():
    email = OutgoingEmailFactory()
    services.deliver_email(email_id=email.pk)
    OutgoingEmail.mark_failed(email.pk, reason="te laat")
    email.refresh_from_db()
    assert (email.status, email.failure_reason) == (OutgoingEmail.Status.SENT, "")
