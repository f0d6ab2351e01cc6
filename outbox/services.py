"""The outbox: tasks the broker did not take are kept here and sent again, in order, once it is back.

``cms.celery.SpilCelery.send_task`` calls ``keep`` when publishing fails for want of a
broker, so no call site has to know; ``relay`` sends what was kept (every minute from Celery
beat, from ``manage.py relay_outbox``, and soon after the next publish that succeeds)."""

import datetime
import logging

import kombu.exceptions
import redis.exceptions
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Heartbeat, OutboxMessage

logger = logging.getLogger(__name__)

# What publishing raises when the broker cannot be reached (refused, timed out, gone away).
BROKER_ERRORS = (
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    ConnectionError,
    TimeoutError,
)
WORKER_HEARTBEAT = "worker"
RELAY_CHUNK = 100

# Set when this process kept a task: its next successful publish asks a worker to relay.
_kept_since_relay = False


def keep(
    *, task_name: str, task_id: str, args, kwargs, eta: datetime.datetime | None, error: BaseException
) -> OutboxMessage:
    """Keep a task the broker did not take. Inside a transaction it is kept (or dropped) with it."""
    global _kept_since_relay
    message = OutboxMessage.objects.create(
        task_name=task_name,
        task_id=task_id,
        args=list(args or ()),
        kwargs=dict(kwargs or {}),
        eta=eta,
        last_error=f"{error.__class__.__name__}: {error}"[:2000],
    )
    _kept_since_relay = True
    logger.warning("broker unavailable, task %s (%s) kept in the outbox", task_name, task_id)
    return message


def take_relay_request() -> bool:
    """True once after this process kept a task: the caller should ask for a relay."""
    global _kept_since_relay
    wanted, _kept_since_relay = _kept_since_relay, False
    return wanted


def relay(*, limit: int = 5000) -> int:
    """Send kept tasks to the broker, oldest first, and delete each one the broker took.
    Stops at the first broker error (the row records it). Rows are locked with SKIP LOCKED,
    so two relays at once never send the same row; a relay that dies after sending but before
    its commit sends those rows again later, which the tasks, being idempotent, absorb."""
    from cms.celery import app

    sent = 0
    while sent < limit:
        with transaction.atomic():
            rows = list(
                OutboxMessage.objects.select_for_update(skip_locked=True).order_by("created_at", "pk")[
                    : min(RELAY_CHUNK, limit - sent)
                ]
            )
            if not rows:
                break
            done = []
            failed = None
            now = timezone.now()
            for row in rows:
                try:
                    app.publish_now(
                        row.task_name,
                        args=row.args,
                        kwargs=row.kwargs,
                        task_id=row.task_id,
                        eta=row.eta if row.eta and row.eta > now else None,
                    )
                except BROKER_ERRORS as exc:
                    failed = row
                    OutboxMessage.objects.filter(pk=row.pk).update(
                        attempts=F("attempts") + 1, last_error=f"{exc.__class__.__name__}: {exc}"[:2000]
                    )
                    break
                done.append(row.pk)
            OutboxMessage.objects.filter(pk__in=done).delete()
        sent += len(done)
        if failed is not None:
            logger.warning("outbox relay stopped after %s tasks: the broker is still unavailable", sent)
            break
    if sent:
        logger.info("outbox relay sent %s tasks", sent)
    return sent


def record_heartbeat(*, name: str = WORKER_HEARTBEAT) -> None:
    Heartbeat.objects.update_or_create(name=name, defaults={"beat_at": timezone.now()})
