import datetime
import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import Action, AuditEvent
from privacy import registry, services
from privacy.models import DataExport
from tests.people.factories import HRAdviserFactory, LearnerFactory, UserFactory

from .conftest import REFLECTION, TOTP_SECRET
from .factories import DataExportFactory

pytestmark = pytest.mark.django_db


def _export(client, user, django_capture_on_commit_callbacks) -> DataExport:
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:request_export"))
    export = DataExport.objects.get(user=user)
    assert response.url == reverse("privacy:export", args=[export.pk])
    return export


def test_the_person_downloads_a_zip_with_every_registered_model(client, person, django_capture_on_commit_callbacks):
    export = _export(client, person.user, django_capture_on_commit_callbacks)
    page = client.get(reverse("privacy:export", args=[export.pk]))
    assert page.status_code == 200
    assert reverse("privacy:download", args=[export.pk]) in page.content.decode()

    response = client.get(reverse("privacy:download", args=[export.pk]))
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = set(archive.namelist())
    assert {f"{name}.json" for name in registry.export_files()} <= names
    assert f"certificaten/{person.certificate.number}.pdf" in names

    exported = {}
    for name in registry.export_files():
        exported.update(json.loads(archive.read(f"{name}.json")))
    for entry in registry.entries():
        if isinstance(entry.export, str):
            assert entry.model in exported, entry.model
    # The fixture gave the person rows in these: each shows up, with its own values.
    for model in [
        "people.User",
        "people.Membership",
        "provisioning.ProvisionedAccount",
        "careers.CurrentRole",
        "careers.CareerStep",
        "careers.DevelopmentConversation",
        "curriculum.Enrolment",
        "curriculum.ModuleProgress",
        "curriculum.Assignment",
        "assessments.Attempt",
        "assessments.Answer",
        "assessments.Invitation",
        "assessments.RaterAnswer",
        "assessments.DevelopmentPlan",
        "assessments.PlanItem",
        "certificates.Certificate",
        "circles.CircleMember",
        "circles.IntakeAnswer",
        "circles.Registration",
        "circles.Attendance",
        "circles.Feedback",
        "circles.CalendarFeed",
        "circles.CircleInvitation",
        "invitations.Invitation",
        "invitations.ImportRow",
        "people.OutgoingEmail",
        "mfa.Authenticator",
        "usersessions.UserSession",
        "account.EmailAddress",
        "audit.AuditEvent",
    ]:
        assert exported[model], model
    assert exported["people.User"][0]["email"] == person.user.email
    assert exported["curriculum.ModuleProgress"][0]["reflections"] == {"vraag": REFLECTION}
    everything = content + b"".join(archive.read(name) for name in names)
    # No secrets: the password hash, the TOTP secret, the session key, token hashes.
    for secret in [person.user.password, TOTP_SECRET, "sessie-van-annemarie", '"token_hash"', '"password"']:
        assert secret.encode() not in everything
    assert AuditEvent.objects.filter(action=Action.DATA_EXPORT, actor=person.user).count() == 2


def test_the_progress_page_answers_json_for_polling(client, holder, django_capture_on_commit_callbacks):
    export = _export(client, holder.user, django_capture_on_commit_callbacks)
    data = client.get(reverse("privacy:export", args=[export.pk]), headers={"accept": "application/json"}).json()
    assert data["status"] == "done"
    assert data["percent"] == 100


def test_a_second_request_while_one_is_pending_reuses_it(holder):
    first = DataExportFactory(user=holder.user)
    assert services.request_export(user=holder.user) == first


@pytest.mark.parametrize("who", ["colleague", "adviser", "superuser"])
def test_nobody_else_sees_or_downloads_the_export(client, holder, who):
    export = DataExportFactory(user=holder.user)
    services.run_export(export_id=export.pk)
    if who == "colleague":
        other = LearnerFactory(organisation=holder.organisation).user
    elif who == "adviser":
        other = HRAdviserFactory(organisation=holder.organisation).user
    else:
        other = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(other)
    for name in ["privacy:export", "privacy:download"]:
        assert client.get(reverse(name, args=[export.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, holder):
    export = DataExportFactory(user=holder.user)
    for url in [
        reverse("privacy:overview"),
        reverse("privacy:export", args=[export.pk]),
        reverse("privacy:download", args=[export.pk]),
        reverse("privacy:erase"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_files_are_deleted_after_a_week(holder):
    export = DataExportFactory(user=holder.user)
    services.run_export(export_id=export.pk)
    export.refresh_from_db()
    name = export.file.name
    assert export.file.storage.exists(name)
    assert services.delete_expired_exports(now=timezone.now()) == 0
    assert services.delete_expired_exports(now=timezone.now() + datetime.timedelta(days=8)) == 1
    export.refresh_from_db()
    assert not export.file
    assert export.is_expired
    assert not export.file.storage.exists(name)
    assert services.delete_expired_exports(now=timezone.now() + datetime.timedelta(days=8)) == 0


def test_the_overview_links_the_privacy_page_from_the_account_menu(client, holder):
    client.force_login(holder.user)
    response = client.get(reverse("privacy:overview"))
    assert response.status_code == 200
    assert f'href="{reverse("privacy:overview")}"' in response.content.decode()
