from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def relay_outbox() -> int:
    """Every minute (Celery beat): the workers' heartbeat, then what the outbox kept."""
    services.record_heartbeat()
    return services.relay()
