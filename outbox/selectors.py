import datetime

from django.db.models import Count, Min

from .models import Heartbeat, OutboxMessage
from .services import WORKER_HEARTBEAT


def backlog() -> tuple[int, datetime.datetime | None]:
    """How many tasks wait in the outbox, and when the oldest was kept."""
    summary = OutboxMessage.objects.aggregate(count=Count("pk"), oldest=Min("created_at"))
    return summary["count"], summary["oldest"]


def last_heartbeat(*, name: str = WORKER_HEARTBEAT) -> datetime.datetime | None:
    return Heartbeat.objects.filter(name=name).values_list("beat_at", flat=True).first()
