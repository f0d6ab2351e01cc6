"""Proves the Celery wiring with a real worker consuming from Redis (REDIS_URL)."""

import time

import pytest
from celery.result import EagerResult
from django.core import mail

from people.models import OutgoingEmail
from people.tasks import send_email

pytestmark = pytest.mark.celery_worker


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_real_worker_delivers_the_site_email(celery_worker_on_redis):
    email = OutgoingEmail.objects.create(to="anna@example.org", subject="Via de wachtrij", body_text="Hallo")
    result = send_email.delay(email.pk)
    assert not isinstance(result, EagerResult), "the task ran in-process instead of through the broker"
    assert wait_for(lambda: OutgoingEmail.objects.filter(pk=email.pk, sent_at__isnull=False).exists())
    assert [m.subject for m in mail.outbox] == ["Via de wachtrij"]


def test_a_redelivered_task_sends_nothing_twice(celery_worker_on_redis):
    email = OutgoingEmail.objects.create(to="bram@example.org", subject="Eenmalig", body_text="Hallo")
    send_email.delay(email.pk)
    send_email.delay(email.pk)
    assert wait_for(lambda: OutgoingEmail.objects.filter(pk=email.pk, sent_at__isnull=False).exists())
    time.sleep(1)
    assert [m.subject for m in mail.outbox] == ["Eenmalig"]
