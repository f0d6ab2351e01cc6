import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from certificates.selectors import by_number_and_surname, surname_matches
from certificates.tasks import issue_certificate
from curriculum import services as curriculum
from curriculum.models import ModulePage
from people.models import User

pytestmark = pytest.mark.django_db


def finish(user, track, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = curriculum.enrol(user=user, track=track)
    for module in ModulePage.objects.child_of(track):
        with django_capture_on_commit_callbacks(execute=True):
            curriculum.complete_module(enrolment=enrolment, module=module, answers={}, reflections={})
    return enrolment


def test_completing_a_certificate_track_issues_and_renders_one(world, mailoutbox, django_capture_on_commit_callbacks):
    finish(world["anna"], world["track"], django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get()
    assert certificate.holder_name == "Anna de Vries"
    assert certificate.achievement == "Risicomanagement voor de PMO"
    assert re.fullmatch(r"SPIL-\d{4}-\d{4}-[A-Z2-7]{4}", certificate.number)
    assert len(certificate.token) >= 40
    assert certificate.pdf.name.endswith(".pdf")
    assert certificate.status == Certificate.Status.VALID
    assert certificate.expires_at.date() == services.add_months(certificate.issued_at, 24).date()
    assert [m.to for m in mailoutbox] == [[world["anna"].email]]


def test_the_task_run_twice_gives_one_certificate(world):
    key = f"track:{world['track'].pk}:user:{world['anna'].pk}:at:x"
    first = issue_certificate.delay(world["anna"].pk, key, track_id=world["track"].pk).get()
    second = issue_certificate.delay(world["anna"].pk, key, track_id=world["track"].pk).get()
    assert first == second
    assert Certificate.objects.count() == 1


def test_a_track_without_certificate_issues_none(world, django_capture_on_commit_callbacks):
    world["track"].leads_to_certificate = False
    world["track"].save()
    finish(world["anna"], world["track"], django_capture_on_commit_callbacks)
    assert not Certificate.objects.exists()


def test_renewal_keeps_the_old_certificate_in_the_history(world, django_capture_on_commit_callbacks):
    finish(world["anna"], world["track"], django_capture_on_commit_callbacks)
    curriculum.restart_track(user=world["anna"], track=world["track"])
    finish(world["anna"], world["track"], django_capture_on_commit_callbacks)
    old, new = Certificate.objects.order_by("issued_at")
    assert old.status == Certificate.Status.SUPERSEDED
    assert new.status == Certificate.Status.VALID
    assert old.number != new.number


def test_a_refresher_track_renews_the_original(world, catalog_page, django_capture_on_commit_callbacks):
    from tests.curriculum.factories import LearningTrackPageFactory, ModulePageFactory

    refresher = LearningTrackPageFactory(parent=catalog_page, title="Opfrisser risico's", renews=world["track"])
    ModulePageFactory(parent=refresher)
    finish(world["anna"], refresher, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get()
    assert certificate.track == world["track"]
    assert certificate.achievement == "Risicomanagement voor de PMO"


def test_expired_and_revoked_statuses(world):
    certificate = services.issue(user=world["anna"], track=world["track"], source_key="k1")
    later = certificate.expires_at + datetime.timedelta(seconds=1)
    assert certificate.status_at(later) == Certificate.Status.EXPIRED
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="Fraude bij de toets")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_by == world["hr"]
    with pytest.raises(ValidationError):
        services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="nogmaals")


def test_only_own_hr_or_the_platform_admin_may_revoke(world):
    certificate = services.issue(user=world["anna"], track=world["track"], source_key="k2")
    with pytest.raises(PermissionDenied):
        services.revoke(actor=world["other_hr"], certificate_id=certificate.pk, reason="x")
    with pytest.raises(PermissionDenied):
        services.revoke(actor=world["anna"], certificate_id=certificate.pk, reason="x")
    with pytest.raises(ValidationError):
        services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason=" ")
    admin = User.objects.create_superuser(email="beheer@example.org", password="x" * 12, full_name="Beheer")
    services.revoke(actor=admin, certificate_id=certificate.pk, reason="Op verzoek")
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None


def test_expiry_reminders_go_once_to_holder_and_hr(world, mailoutbox, django_capture_on_commit_callbacks):
    certificate = services.issue(user=world["anna"], track=world["track"], source_key="k3")
    expiry = certificate.expires_at.date()
    mailoutbox.clear()

    def run(day):
        with django_capture_on_commit_callbacks(execute=True):
            return services.send_expiry_reminders(today=day)

    assert run(expiry - datetime.timedelta(days=100)) == 0
    assert run(expiry - datetime.timedelta(days=59)) == 1
    assert run(expiry - datetime.timedelta(days=58)) == 0
    assert run(expiry - datetime.timedelta(days=13)) == 1
    assert run(expiry - datetime.timedelta(days=12)) == 0
    assert sorted({m.to[0] for m in mailoutbox}) == sorted([world["anna"].email, world["hr"].email])
    assert len(mailoutbox) == 4


def test_add_months_handles_short_months():
    moment = timezone.make_aware(datetime.datetime(2024, 1, 31, 12))
    assert services.add_months(moment, 1).date() == datetime.date(2024, 2, 29)
    assert services.add_months(moment, 13).date() == datetime.date(2025, 2, 28)
    assert services.add_months(moment, 24).date() == datetime.date(2026, 1, 31)


@pytest.mark.parametrize(
    ("name", "surname", "matches"),
    [
        ("Anna de Vries", "de Vries", True),
        ("Anna de Vries", "vries", True),
        ("Anna de Vries", "  De   Vries ", True),
        ("Anna de Vries", "Anna", False),
        ("Anna de Vries", "", False),
        ("Anna de Vries", "ries", False),
    ],
)
def test_surname_matching(name, surname, matches):
    assert surname_matches(name, surname) is matches


def test_lookup_by_number_and_surname(world):
    certificate = services.issue(user=world["anna"], track=world["track"], source_key="k4")
    assert by_number_and_surname(certificate.number.lower(), "de Vries") == certificate
    assert by_number_and_surname(certificate.number, "Jansen") is None
    assert by_number_and_surname("SPIL-<script>", "de Vries") is None


def test_a_certificate_path_issues_once(world, catalog_page, django_capture_on_commit_callbacks):
    from tests.curriculum.factories import (
        LearningPathFactory,
        LearningPathItemFactory,
        LearningTrackPageFactory,
        ModulePageFactory,
    )

    path = LearningPathFactory(leads_to_certificate=True, min_electives=1)
    required = LearningTrackPageFactory(parent=catalog_page)
    electives = [LearningTrackPageFactory(parent=catalog_page) for _ in range(2)]
    for track in (required, *electives):
        ModulePageFactory(parent=track)
    LearningPathItemFactory(path=path, track=required)
    for track in electives:
        LearningPathItemFactory(path=path, track=track, required=False)
    for track in (required, *electives):
        finish(world["anna"], track, django_capture_on_commit_callbacks)
    assert Certificate.objects.filter(path=path).count() == 1
    assert services.path_request_key(user=world["anna"], path=path) is None


def test_plain_text_mails_show_names_as_typed(world, mailoutbox, django_capture_on_commit_callbacks):
    world["anna"].full_name = "Anne-Marie van 't Hof & Co"
    world["anna"].save()
    world["track"].title = "Plannen & 'bewaken'"
    world["track"].save_revision().publish()
    finish(world["anna"], world["track"], django_capture_on_commit_callbacks)
    body = mailoutbox[0].body
    assert "Anne-Marie," in body
    assert "Plannen & 'bewaken'" in body
    assert "&amp;" not in body
    assert "&#x27;" not in body


def test_every_plain_text_mail_template_renders_without_html_escaping():
    from pathlib import Path

    from django.conf import settings

    templates = sorted(Path(settings.BASE_DIR, "templates").glob("*/email/*.txt"))
    assert templates
    escaping = [str(path) for path in templates if "autoescape off" not in path.read_text(encoding="utf-8")]
    assert not escaping, "plain-text mail must not be HTML-escaped: wrap it in {% autoescape off %}"
