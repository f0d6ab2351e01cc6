"""Redis down, a page queues work, Redis back: the relay sends the kept task and a real
worker runs it."""

import datetime

import pytest

from curriculum.models import Assignment, AssignmentBatch
from outbox import services
from outbox.models import OutboxMessage

from .conftest import CLOSED_PORT_BROKER, wait_for

pytestmark = pytest.mark.celery_worker


def test_an_assignment_made_while_redis_was_down_is_carried_out_once_it_is_back(
    client, world, workers, broker, settings
):
    broker(CLOSED_PORT_BROKER)
    client.force_login(world["hr"])
    due = datetime.date.today() + datetime.timedelta(days=30)
    response = client.post(
        "/hr/toewijzen/",
        {"organisation": world["zeist"].pk, "due_date": due.isoformat(), "audience": "all", "track": world["track"].pk},
    )
    assert response.status_code == 302
    assert OutboxMessage.objects.count() == 1

    broker(settings.REDIS_URL)
    workers.start()
    assert services.relay() == 1
    assert not OutboxMessage.objects.exists()
    batch = AssignmentBatch.objects.get()
    assert wait_for(
        lambda: AssignmentBatch.objects.filter(pk=batch.pk, status=AssignmentBatch.Status.DONE).exists(), timeout=120
    ), workers.logs()
    assert Assignment.objects.filter(user=world["anna"], track=world["track"]).count() == 1
