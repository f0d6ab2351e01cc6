"""A worker killed (SIGKILL) in the middle of certificate rendering or of reminder sending:
after the message is delivered again, there is no duplicate and no gap. Real worker
subprocesses on REDIS_URL, paused at a known point by tests/reliability/pause.py."""

import datetime

import pytest
from django.utils import timezone

from certificates import services as certificate_services
from curriculum.models import ReminderSent
from curriculum.tasks import send_due_reminders
from people.models import OutgoingEmail
from people.services import requeue_stalled_emails
from tests.curriculum.factories import AssignmentFactory
from tests.people.factories import LearnerFactory

from .conftest import wait_for

pytestmark = pytest.mark.celery_worker


def test_certificate_rendering_killed_twice_gives_one_pdf_and_one_mail(world, workers):
    certificate = certificate_services.issue(user=world["anna"], track=world["track"], source_key="killed")

    # Killed with the PDF written but before the certificate points to it.
    assert workers.kill_when_paused(workers.start(pause_at="pdf-stored")) == "pdf-stored"
    certificate.refresh_from_db()
    assert not certificate.pdf
    assert len(workers.pdfs()) == 1, "the file the killed worker left"

    # Delivered again; killed while queueing the holder's mail, after the PDF is in place.
    assert workers.kill_when_paused(workers.start(pause_at="mail-queued")) == "mail-queued"
    certificate.refresh_from_db()
    rendered_at = certificate.rendered_at
    assert workers.pdfs() == [certificate.pdf.name]
    assert certificate.emailed_at is None, "the claim on the mail was rolled back with it"
    assert not OutgoingEmail.objects.exists()

    # Delivered a third time: the mail goes, once; the PDF is not made again.
    workers.start()
    assert wait_for(lambda: OutgoingEmail.objects.filter(sent_at__isnull=False).exists(), timeout=120), workers.logs()
    certificate.refresh_from_db()
    assert certificate.rendered_at == rendered_at
    assert workers.pdfs() == [certificate.pdf.name]
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [world["anna"].email]
    assert workers.mails_sent() == 1


def test_reminders_killed_mid_batch_and_between_commit_and_broker_go_once_to_everyone(world, workers):
    today = timezone.localdate()
    learners = [LearnerFactory(organisation=world["zeist"]).user for _ in range(3)]
    for learner in learners:
        AssignmentFactory(
            user=learner, organisation=world["zeist"], track=world["track"], due_date=today + datetime.timedelta(3)
        )
    send_due_reminders.delay(today.isoformat())

    # Killed inside the second reminder's transaction: the first is recorded and its mail queued.
    assert workers.kill_when_paused(workers.start(pause_at="mail-queued", nth=2)) == "mail-queued"
    assert ReminderSent.objects.count() == 1

    # Delivered again; killed after the next reminder committed but before its mail's task
    # reached the broker: a mail recorded that no message will deliver.
    assert workers.kill_when_paused(workers.start(pause_at="mail-published")) == "mail-published"
    assert ReminderSent.objects.count() == 2

    # Delivered a third time: the last reminder; the stalled mail is queued again by the sweep.
    workers.start()
    assert wait_for(lambda: ReminderSent.objects.count() == 3, timeout=120), workers.logs()
    assert requeue_stalled_emails(older_than=datetime.timedelta(0)) >= 1
    assert wait_for(lambda: not OutgoingEmail.objects.filter(sent_at__isnull=True).exists(), timeout=120), (
        workers.logs()
    )
    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == sorted(u.email for u in learners)
    assert workers.mails_sent() == 3
