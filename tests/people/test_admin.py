"""The outgoing mail in the Wagtail admin: read-only for the platform admin, who sees which
mail could not be sent and why, and can send it again."""

import smtplib

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from people.models import OutgoingEmail, User
from tests.people.factories import OutgoingEmailFactory, UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/outgoing_emails/"
REASON = "De mailserver was niet bereikbaar of nam de e-mail niet aan, ook niet na herhaalde pogingen."


@pytest.fixture
def failed():
    return OutgoingEmailFactory(
        subject="Je certificaat",
        status=OutgoingEmail.Status.FAILED,
        attempts=9,
        failure_reason=REASON,
        last_error=str(smtplib.SMTPServerDisconnected("mail server went away")),
    )


@pytest.fixture
def admin(client):
    admin = User.objects.create_superuser(email="beheer@example.org", password="x" * 12, full_name="Beheer")
    client.force_login(admin)
    return admin


def test_the_platform_admin_sees_which_mail_failed_and_why(client, admin, failed):
    OutgoingEmailFactory(subject="Welkom bij Spil", status=OutgoingEmail.Status.SENT)
    html = client.get(ADMIN).content.decode()
    assert "Je certificaat" in html
    assert "Mislukt" in html
    assert "Verzonden" in html
    assert f"{ADMIN}inspect/{failed.pk}/" in html
    assert "Je certificaat" in client.get(ADMIN, {"status": "failed"}).content.decode()
    assert "Welkom bij Spil" not in client.get(ADMIN, {"status": "failed"}).content.decode()
    assert "Welkom bij Spil" not in client.get(ADMIN, {"q": failed.to}).content.decode()

    html = client.get(f"{ADMIN}inspect/{failed.pk}/").content.decode()
    assert REASON in html
    assert "mail server went away" in html
    assert "Fijn dat je er bent." in html
    assert f'action="{ADMIN}retry/{failed.pk}/"' in html
    assert "Opnieuw versturen" in html


def test_the_platform_admin_sends_a_failed_mail_again(client, admin, failed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{ADMIN}retry/{failed.pk}/")
    assert response["Location"] == f"{ADMIN}inspect/{failed.pk}/"
    failed.refresh_from_db()
    assert failed.status == OutgoingEmail.Status.SENT
    assert [message.subject for message in mail.outbox] == ["Je certificaat"]
    html = client.get(response["Location"]).content.decode()
    assert "Opnieuw versturen" not in html


def test_a_mail_that_did_not_fail_offers_no_retry(client, admin):
    queued = OutgoingEmailFactory()
    assert "Opnieuw versturen" not in client.get(f"{ADMIN}inspect/{queued.pk}/").content.decode()
    assert client.get(f"{ADMIN}retry/{queued.pk}/").status_code == 405


@pytest.mark.parametrize("view", ["add/", "edit/{pk}/", "delete/{pk}/", "copy/{pk}/"])
def test_mail_is_not_added_edited_or_deleted_in_the_admin(client, admin, failed, view):
    url = ADMIN + view.format(pk=failed.pk)
    html = client.get(ADMIN).content.decode()
    assert url not in html
    for response in [client.get(url), client.post(url, {"to": "iemand@example.org", "subject": "x", "body_text": "x"})]:
        assert response.status_code in (302, 403, 404), url
    assert OutgoingEmail.objects.get() == failed


def test_only_the_platform_admin_may_retry(client, failed):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_outgoingemail")
    )
    client.force_login(editor)
    html = client.get(f"{ADMIN}inspect/{failed.pk}/").content.decode()
    assert REASON in html
    assert "Opnieuw versturen" not in html
    response = client.post(f"{ADMIN}retry/{failed.pk}/")
    assert (response.status_code, response["Location"]) == (302, "/admin/"), "Wagtail's 'no permission' redirect"
    failed.refresh_from_db()
    assert failed.status == OutgoingEmail.Status.FAILED
