import smtplib

import pytest
from django.core import mail

from people import services
from people.models import Membership, OutgoingEmail
from tests.people.factories import OrganisationFactory, OutgoingEmailFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_add_membership_is_idempotent_and_updates_the_team():
    user, organisation = UserFactory(), OrganisationFactory()
    first = services.add_membership(user=user, organisation=organisation, team="Programmabureau")
    again = services.add_membership(user=user, organisation=organisation, team="PMO")
    assert first.pk == again.pk
    assert Membership.objects.get(pk=first.pk).team == "PMO"


def test_queued_email_is_sent_once_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = services.queue_email(
            to="anna@example.org", subject="Welkom", body_text="Hallo", body_html="<p>Hallo</p>"
        )
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org"]
    assert mail.outbox[0].alternatives[0].mimetype == "text/html"
    email.refresh_from_db()
    assert email.sent_at is not None
    assert email.attempts == 1


def test_delivering_twice_sends_once():
    email = OutgoingEmailFactory()
    assert services.deliver_email(email_id=email.pk) is True
    assert services.deliver_email(email_id=email.pk) is False
    assert len(mail.outbox) == 1


def test_delivering_an_unknown_email_does_nothing():
    assert services.deliver_email(email_id=987654) is False


def test_a_failed_send_is_recorded_and_raised_for_a_retry(monkeypatch):
    email = OutgoingEmailFactory()

    def fail(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("mail server went away")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", fail)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        services.deliver_email(email_id=email.pk)
    email.refresh_from_db()
    assert email.sent_at is None
    assert email.attempts == 1
    assert "went away" in email.last_error
    monkeypatch.undo()
    assert services.deliver_email(email_id=email.pk) is True
    email.refresh_from_db()
    assert email.attempts == 2
    assert email.last_error == ""


def test_the_task_retries_on_a_transient_smtp_error():
    from people.tasks import send_email

    assert smtplib.SMTPException in send_email.autoretry_for
    assert send_email.retry_backoff
    assert OutgoingEmail.objects.count() == 0
