"""Thin tasks: they take ids, call a service, and retry on transient errors."""

import smtplib

from celery import shared_task
from django.utils.translation import gettext_lazy as _

from common.jobs import JobTask

from . import services
from .models import OutgoingEmail

# A mail server that is away or refuses for a while: worth trying again later.
TRANSIENT_MAIL_ERRORS = (smtplib.SMTPException, ConnectionError, TimeoutError, OSError)

UNDELIVERED_REASON = _(
    "De mailserver was niet bereikbaar of nam de e-mail niet aan, ook niet na herhaalde pogingen. "
    "De laatste foutmelding zegt waarom. Los dat op en verstuur de e-mail dan opnieuw."
)
FAILED_REASON = _(
    "Er ging iets mis bij het verzenden; de laatste foutmelding zegt wat. "
    "Verstuur de e-mail opnieuw als dat is opgelost."
)


class EmailTask(JobTask):
    """Marks the mail failed, with a reason for the platform admin, once delivery gives up."""

    abstract = True
    job_model = OutgoingEmail

    def failure_reason(self, exc: BaseException) -> str:
        return str(UNDELIVERED_REASON if isinstance(exc, TRANSIENT_MAIL_ERRORS) else FAILED_REASON)


@shared_task(
    base=EmailTask,
    autoretry_for=TRANSIENT_MAIL_ERRORS,
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def send_email(email_id: int) -> bool:
    return services.deliver_email(email_id=email_id)


@shared_task(ignore_result=True)
def requeue_stalled_emails() -> int:
    """Every ten minutes (Celery beat): mails whose delivery task was lost."""
    return services.requeue_stalled_emails()
