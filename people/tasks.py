import smtplib

from celery import shared_task

from . import services


@shared_task(
    bind=True,
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def send_email(self, email_id: int) -> bool:
    return services.deliver_email(email_id=email_id)
