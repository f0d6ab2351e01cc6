"""With Redis down the site keeps answering and keeps its tasks in the outbox; the relay
sends them, in order and once, when Redis is back."""

import datetime
import time
from io import StringIO

import psycopg
import pytest
from django.core.management import call_command
from django.db import transaction

from certificates import services as certificate_services
from certificates.tasks import issue_certificate
from cms.celery import NOT_KEPT
from cms.celery import app as celery_app
from curriculum.models import AssignmentBatch
from outbox import services
from outbox.models import OutboxMessage
from outbox.tasks import relay_outbox

from .conftest import CLOSED_PORT_BROKER, database_url_for_workers, queued_task_ids

pytestmark = pytest.mark.django_db


def assign(client, world):
    due = datetime.date.today() + datetime.timedelta(days=30)
    data = {"organisation": world["zeist"].pk, "due_date": due.isoformat(), "audience": "all"}
    return client.post("/hr/toewijzen/", {**data, "track": world["track"].pk})


def test_an_assignment_answers_quickly_with_redis_down_and_its_task_waits_in_the_outbox(
    client, world, broker_down, django_capture_on_commit_callbacks
):
    client.force_login(world["hr"])
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = assign(client, world)
    assert response.status_code == 302
    assert time.monotonic() - started < 5
    batch = AssignmentBatch.objects.get()
    assert batch.status == AssignmentBatch.Status.QUEUED
    message = OutboxMessage.objects.get()
    assert message.task_name == "curriculum.tasks.run_assignment_batch"
    assert (message.args, message.kwargs) == ([batch.pk], {})
    assert message.last_error


def test_a_certificate_issued_with_redis_down_keeps_both_its_tasks(
    world, broker_down, django_capture_on_commit_callbacks
):
    result = issue_certificate.delay(world["anna"].pk, "outbox-1", track_id=world["track"].pk)
    kept = OutboxMessage.objects.get()
    assert kept.task_id == result.id
    assert kept.kwargs == {"track_id": world["track"].pk}
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_services.issue(user=world["anna"], track=world["track"], source_key="outbox-2")
    assert list(OutboxMessage.objects.values_list("task_name", "args")) == [
        ("certificates.tasks.issue_certificate", [world["anna"].pk, "outbox-1"]),
        ("certificates.tasks.render_certificate", [certificate.pk]),
    ]


def test_a_countdown_is_kept_as_the_moment_to_run(broker_down):
    before = time.time()
    celery_app.send_task("people.tasks.send_email", args=[1], countdown=600)
    eta = OutboxMessage.objects.get().eta.timestamp()
    assert before + 600 <= eta <= time.time() + 600


def test_a_task_rolled_back_with_its_transaction_is_not_kept(broker_down):
    def queue_then_fail():
        with transaction.atomic():
            celery_app.send_task("people.tasks.send_email", args=[1])
            raise RuntimeError

    with pytest.raises(RuntimeError):
        queue_then_fail()
    assert not OutboxMessage.objects.exists()


def test_the_relay_is_not_kept_when_redis_is_down(broker_down):
    """Beat asks for it every minute anyway; kept, it would pile up beside what it is to send."""
    with pytest.raises(services.BROKER_ERRORS):
        relay_outbox.delay()
    assert not OutboxMessage.objects.exists()


def test_the_relay_stops_at_the_first_broker_error_and_says_why(broker_down):
    for email_id in (1, 2):
        celery_app.send_task("people.tasks.send_email", args=[email_id])
    assert services.relay() == 0
    assert list(OutboxMessage.objects.values_list("attempts", flat=True)) == [1, 0]
    assert "Error" in OutboxMessage.objects.first().last_error


@pytest.mark.xdist_group("reliability-redis")  # they share the Redis queue of REDIS_URL
def test_the_relay_sends_in_order_with_the_same_ids_and_deletes_what_redis_took(broker, redis_broker, settings):
    broker(CLOSED_PORT_BROKER)
    ids = [celery_app.send_task("people.tasks.send_email", args=[n]).id for n in range(3)]
    assert OutboxMessage.objects.count() == 3
    broker(settings.REDIS_URL)
    assert services.relay() == 3
    assert not OutboxMessage.objects.exists()
    assert queued_task_ids(redis_broker) == ids


@pytest.mark.xdist_group("reliability-redis")  # they share the Redis queue of REDIS_URL
def test_the_next_publish_that_succeeds_asks_a_worker_to_relay(broker, redis_broker, settings):
    broker(CLOSED_PORT_BROKER)
    kept = celery_app.send_task("people.tasks.send_email", args=[1]).id
    broker(settings.REDIS_URL)
    sent = celery_app.send_task("people.tasks.send_email", args=[2]).id
    queued = queued_task_ids(redis_broker)
    assert queued[0] == sent
    assert len(queued) == 2, "one relay request besides the task"
    assert kept not in queued
    celery_app.send_task("people.tasks.send_email", args=[3])
    assert len(queued_task_ids(redis_broker)) == 3, "asked once, not on every publish"


@pytest.mark.django_db(transaction=True)
@pytest.mark.xdist_group("reliability-redis")  # they share the Redis queue of REDIS_URL
def test_two_relays_never_send_the_same_row(broker, redis_broker, settings):
    """A row another relay holds (SELECT ... FOR UPDATE) is skipped, not sent a second time."""
    broker(CLOSED_PORT_BROKER)
    first, second = (celery_app.send_task("people.tasks.send_email", args=[n]).id for n in (1, 2))
    broker(settings.REDIS_URL)
    with psycopg.connect(database_url_for_workers()) as other, other.transaction():
        other.execute("SELECT id FROM outbox_outboxmessage WHERE task_id = %s FOR UPDATE", [first])
        assert services.relay() == 1
        assert queued_task_ids(redis_broker) == [second]
    assert list(OutboxMessage.objects.values_list("task_id", flat=True)) == [first]


@pytest.mark.xdist_group("reliability-redis")  # they share the Redis queue of REDIS_URL
def test_the_command_relays_and_says_what_is_left(broker, redis_broker, settings):
    broker(CLOSED_PORT_BROKER)
    celery_app.send_task("people.tasks.send_email", args=[1])
    broker(settings.REDIS_URL)
    out = StringIO()
    call_command("relay_outbox", stdout=out)
    assert out.getvalue().strip() == "1 sent, 0 left"


def test_every_task_of_the_project_goes_through_the_outbox(broker_down, monkeypatch):
    """No task bypasses it: whatever its base class (JobTask, EmailTask) or caller, a task
    is published through the app's send_task, which keeps it when the broker is away."""
    celery_app.loader.import_default_modules()
    tasks = [task for name, task in celery_app.tasks.items() if not name.startswith("celery.")]
    assert len(tasks) > 10
    for task in tasks:
        monkeypatch.setattr(task, "typing", False)
        if task.name in NOT_KEPT:
            continue
        task.apply_async(args=[1])
    kept = set(OutboxMessage.objects.values_list("task_name", flat=True))
    assert kept == {task.name for task in tasks} - NOT_KEPT


def test_with_redis_gone_as_cache_and_as_broker_forms_and_pages_still_work(
    client, world, broker_down, settings, django_capture_on_commit_callbacks
):
    """In production Redis is the cache and the broker: both away at once. The cache acts
    empty (cms/cache.py), the task waits in the outbox, nobody sees an error page."""
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache.TolerantRedisCache",
            "LOCATION": CLOSED_PORT_BROKER,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
    assert client.get("/accounts/login/").status_code == 200
    client.force_login(world["hr"])
    with django_capture_on_commit_callbacks(execute=True):
        assert assign(client, world).status_code == 302
    assert client.get("/hr/").status_code == 200
    assert OutboxMessage.objects.get().task_name == "curriculum.tasks.run_assignment_batch"
