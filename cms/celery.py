import datetime
import os

from celery import Celery
from celery.utils import uuid
from django.utils import timezone
from django.utils.dateparse import parse_datetime

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

# Tasks that are not kept when the broker is away: the relay itself, which beat asks for
# every minute anyway, would only pile up beside the tasks it is there to send.
NOT_KEPT = {"outbox.tasks.relay_outbox"}


def _eta(countdown, eta) -> datetime.datetime | None:
    if isinstance(eta, str):
        eta = parse_datetime(eta)
    if eta is None and countdown:
        eta = timezone.now() + datetime.timedelta(seconds=countdown)
    return eta


class SpilCelery(Celery):
    """Publishing never fails a page for want of a broker: every task (``delay``,
    ``apply_async``, a retry, beat's schedule) goes through ``send_task``, which keeps what
    Redis does not take in the database outbox (outbox/), to be sent once it is back."""

    def publish_now(self, name, args=None, kwargs=None, **options):
        """Publish without the outbox: raises when the broker is unavailable (the relay's way)."""
        return super().send_task(name, args, kwargs, **options)

    def send_task(self, name, args=None, kwargs=None, countdown=None, eta=None, task_id=None, **options):
        from outbox import services as outbox

        task_id = task_id or uuid()
        try:
            result = super().send_task(name, args, kwargs, countdown=countdown, eta=eta, task_id=task_id, **options)
        except outbox.BROKER_ERRORS as exc:
            if name in NOT_KEPT:
                raise
            try:
                outbox.keep(
                    task_name=name, task_id=task_id, args=args, kwargs=kwargs, eta=_eta(countdown, eta), error=exc
                )
            except Exception as storing:
                raise exc from storing
            return self.AsyncResult(task_id)
        if outbox.take_relay_request():
            self.send_task("outbox.tasks.relay_outbox")
        return result


app = SpilCelery("spil")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
