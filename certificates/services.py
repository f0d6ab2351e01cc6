"""Issuing, rendering, revoking and reminding about certificates."""

import base64
import calendar
import datetime
import hashlib
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, OperationalError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.events import Action, record
from curriculum.models import LearningPath, LearningTrackPage
from people.models import User
from people.selectors import can_hr_see, hr_advisers_of
from people.services import send_templated_email

from . import openbadges, statuslist
from .models import Certificate, CertificateTemplate, ExpiryReminder, RerenderBatch
from .pdf import certificate_pdf
from .selectors import may_receive_certificate, vouching_organisation

logger = logging.getLogger(__name__)

EXPIRY_REMINDER_DAYS = (60, 14)
DEFAULT_BODY = (
    "Hierbij verklaren wij dat {naam} op {datum} de leergang {prestatie} met goed gevolg heeft afgerond.\n\n"
    "Studiebelasting: {studiebelasting} uur. Ontwikkelde competenties: {competenties}."
)


class NotVouchedFor(PermissionDenied):
    """The person is a member of no organisation, and certificates are for members only."""


def add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day ``months`` later, or the last day of that month if it is shorter."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def number_for(certificate: Certificate) -> str:
    """SPIL-<year>-<sequence>-<check>: readable, unique, and not guessable from the next one."""
    check = base64.b32encode(hashlib.sha256(certificate.token.encode()).digest()).decode()[:4]
    return f"SPIL-{certificate.issued_at:%Y}-{certificate.pk:04d}-{check}"


def template_for(*, language: str) -> CertificateTemplate:
    template = (
        CertificateTemplate.objects.filter(is_default=True, language=language).first()
        or CertificateTemplate.objects.filter(is_default=True, language=settings.LANGUAGE_CODE).first()
        or CertificateTemplate.objects.order_by("pk").first()
    )
    if template is None:
        template = CertificateTemplate.objects.create(
            name="Spil (standaard)",
            title="Certificaat",
            body=DEFAULT_BODY,
            organisation_name="Spil",
            signatory_name="Beheer Spil",
            signatory_role="Namens de deelnemende organisaties",
            is_default=True,
            language=settings.LANGUAGE_CODE,
        )
    return template


def certificate_target(track: LearningTrackPage) -> LearningTrackPage | None:
    """The track a completion certifies: itself, or the track a refresher renews."""
    if track.renews_id and track.renews.leads_to_certificate:
        return track.renews
    return track if track.leads_to_certificate else None


def track_request(*, enrolment) -> tuple[LearningTrackPage, str] | None:
    """The track a completed enrolment certifies and the idempotency key of this completion,
    or None when the track carries no certificate or the person may receive none."""
    target = certificate_target(enrolment.track)
    if target is None or not may_receive_certificate(user=enrolment.user):
        return None
    return target, f"track:{target.pk}:user:{enrolment.user_id}:at:{enrolment.completed_at:%Y%m%dT%H%M%S.%f}"


def path_request_key(*, user: User, path: LearningPath) -> str | None:
    """The idempotency key for a path certificate, or None when the path carries none, the
    person may receive none, or the holder still has a current one (a path counts as
    complete again after each track)."""
    if not path.leads_to_certificate or not may_receive_certificate(user=user):
        return None
    if Certificate.objects.filter(user=user, path=path, revoked_at__isnull=True, superseded_at__isnull=True).exists():
        return None
    return f"path:{path.pk}:user:{user.pk}:n:{Certificate.objects.filter(user=user, path=path).count()}"


def issue(
    *, user: User, source_key: str, track: LearningTrackPage | None = None, path: LearningPath | None = None
) -> Certificate:
    """Issue one certificate for one completion. Running it twice, or in two workers at
    once, gives one certificate: ``source_key`` is unique. A new certificate for the same
    achievement supersedes the holder's earlier one, which stays in the history.

    The organisation the holder is a member of is recorded as the one vouching for them.
    With CERTIFICATES_MEMBERS_ONLY, a person without a membership gets no certificate:
    ``NotVouchedFor`` is raised."""
    existing = Certificate.objects.filter(source_key=source_key).first()
    if existing:
        return existing
    organisation = vouching_organisation(user=user)
    if organisation is None and settings.CERTIFICATES_MEMBERS_ONLY:
        raise NotVouchedFor("certificates are for members of an organisation only")
    subject = track or path
    template = template_for(language=user.preferred_language)
    issued_at = timezone.now()
    months = subject.certificate_validity_months
    competencies = []
    if track is not None:
        competencies = [link.competency.name for link in track.competencies.select_related("competency")]
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                number=f"pending-{source_key}"[:32],
                source_key=source_key,
                user=user,
                track=track,
                path=path,
                template=template,
                holder_name=user.get_full_name(),
                achievement=subject.title,
                achievement_description=getattr(subject, "summary", "") or getattr(subject, "description", ""),
                study_load_hours=getattr(subject, "study_load_hours", None),
                competencies=competencies,
                issuing_organisation=template.organisation_name,
                organisation=organisation,
                organisation_name=organisation.name if organisation else "",
                issued_at=issued_at,
                expires_at=add_months(issued_at, months) if months else None,
            )
            certificate.number = number_for(certificate)
            certificate.save(update_fields=["number"])
            openbadges.issue_credential(certificate)
            Certificate.objects.filter(user=user, track=track, path=path, superseded_at__isnull=True).exclude(
                pk=certificate.pk
            ).update(superseded_at=issued_at)
    except IntegrityError:
        return Certificate.objects.get(source_key=source_key)
    from .tasks import render_certificate

    transaction.on_commit(lambda: render_certificate.delay(certificate.pk))
    return certificate


def pdf_names(certificate: Certificate) -> tuple[str, str]:
    """The two names a certificate's PDF takes in turn: a new rendering goes under the one the
    row does not point to, so the current file stays readable until the new one is whole."""
    base = f"certificates/{certificate.issued_at:%Y}/{certificate.number}"
    return f"{base}.pdf", f"{base}-b.pdf"


def _store_pdf(certificate: Certificate) -> None:
    """Write the PDF whole, point the row to it, then remove the previous file. A worker that
    died halfway left at most a file under the name not pointed to: it is replaced, not kept
    beside the new one, so a certificate has one PDF however often this runs."""
    content = certificate_pdf(certificate)
    old = certificate.pdf.name
    storage = certificate.pdf.storage
    first, second = pdf_names(certificate)
    target = second if old == first else first
    if storage.exists(target):
        storage.delete(target)
    name = storage.save(target, ContentFile(content))
    Certificate.objects.filter(pk=certificate.pk).update(pdf=name, rendered_at=timezone.now())
    if old and old != name:
        storage.delete(old)


def render(*, certificate_id: int, again: bool = True) -> Certificate:
    """Render and store the PDF, then mail the holder once. The file is written whole before
    the row points to it, so a failed render never leaves half a certificate.

    Safe to run again after a worker died anywhere in it (a redelivered task): one PDF per
    certificate (``_store_pdf``), and the claim on the first mail is written in one
    transaction with the queued mail, so the mail is neither lost nor sent twice. With
    ``again=False`` (the task after issuing) a certificate that has its PDF is not rendered
    again, only mailed if it was not yet."""
    certificate = Certificate.objects.select_related("template", "user").get(pk=certificate_id)
    if again or not certificate.pdf:
        _store_pdf(certificate)
    with transaction.atomic():
        first_mail = Certificate.objects.filter(pk=certificate.pk, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        if first_mail:
            send_templated_email(
                to=certificate.user,
                template="certificates/email/issued",
                context={"certificate": certificate, "url": settings.SITE_URL + reverse("learner_dashboard")},
            )
    certificate.refresh_from_db()
    return certificate


def requeue_unrendered(*, older_than: datetime.timedelta = datetime.timedelta(minutes=10)) -> int:
    """Queue the rendering again of certificates issued a while ago that still have no PDF or
    no mail: their task was lost between the commit and the broker (a process killed in
    between). Rendering is idempotent, so one that was only slow renders once all the same."""
    from .tasks import render_certificate

    moment = timezone.now() - older_than
    stalled = list(
        Certificate.objects.filter(
            issued_at__lt=moment, issued_at__gt=moment - datetime.timedelta(days=7), revoked_at__isnull=True
        )
        .filter(models.Q(pdf="") | models.Q(emailed_at__isnull=True))
        .values_list("pk", flat=True)
    )
    for certificate_id in stalled:
        render_certificate.delay(certificate_id)
    return len(stalled)


def can_manage(*, actor: User, certificate: Certificate) -> bool:
    return actor.is_authenticated and (actor.is_superuser or can_hr_see(adviser=actor, person=certificate.user))


@transaction.atomic
def revoke(*, actor: User, certificate_id: int, reason: str) -> Certificate:
    certificate = Certificate.objects.select_for_update().select_related("user").get(pk=certificate_id)
    if not can_manage(actor=actor, certificate=certificate):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Geef de reden van intrekking.")})
    if certificate.revoked_at:
        raise ValidationError(_("Dit certificaat is al ingetrokken."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = actor
    certificate.revocation_reason = reason.strip()
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    if certificate.status_list_id:
        statuslist.publish(certificate.status_list)
    record(Action.CERTIFICATE_REVOKED, actor=actor, organisation=certificate.organisation_id, subject=certificate)
    return certificate


@transaction.atomic
def revoke_on_erasure(*, certificate_id: int, reason: str, actor: User | None = None) -> Certificate:
    """Revoke a certificate because its holder's data is erased (privacy.services), as the
    organisation's ``erasure_certificates`` says: asked for by the holder or by the retention
    period, so no adviser's permission applies. One already revoked stays as it is."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
    if certificate.revoked_at:
        return certificate
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason
    certificate.save(update_fields=["revoked_at", "revocation_reason"])
    if certificate.status_list_id:
        statuslist.publish(certificate.status_list)
    record(
        Action.CERTIFICATE_REVOKED,
        actor=actor,
        organisation=certificate.organisation_id,
        subject=certificate,
        erasure=True,
    )
    return certificate


def send_expiry_reminders(*, today: datetime.date) -> int:
    """Remind holders, and the HR advisers of their organisations, 60 and 14 days before a
    certificate expires. Each reminder once: the row and the mails share a transaction."""
    sent = 0
    for days in EXPIRY_REMINDER_DAYS:
        horizon = today + datetime.timedelta(days=days)
        due = (
            Certificate.objects.filter(
                revoked_at__isnull=True,
                superseded_at__isnull=True,
                expires_at__date__gt=today,
                expires_at__date__lte=horizon,
            )
            .exclude(reminders__days_before__lte=days)
            .select_related("user")
        )
        for certificate in due:
            try:
                with transaction.atomic():
                    ExpiryReminder.objects.create(certificate=certificate, days_before=days)
                    context = {
                        "certificate": certificate,
                        "days": days,
                        "url": settings.SITE_URL + reverse("learner_dashboard"),
                    }
                    send_templated_email(to=certificate.user, template="certificates/email/expiring", context=context)
                    for adviser in hr_advisers_of(person=certificate.user):
                        send_templated_email(to=adviser, template="certificates/email/expiring_hr", context=context)
            except IntegrityError:
                continue
            sent += 1
    return sent


def may_rerender(*, actor: User) -> bool:
    """Re-rendering is for those who may change certificate templates (editors, the admin)."""
    return actor.has_perm("certificates.change_certificatetemplate")


def start_rerender(*, actor: User, template: CertificateTemplate) -> RerenderBatch:
    from .tasks import run_rerender as run_rerender_task

    if not may_rerender(actor=actor):
        raise PermissionDenied
    batch = RerenderBatch.objects.create(
        template=template, requested_by=actor, total=Certificate.objects.filter(template=template).count()
    )
    transaction.on_commit(lambda: run_rerender_task.delay(batch.pk))
    return batch


@transaction.atomic
def retry_rerender(*, actor: User, batch_id: int) -> bool:
    """Queue a failed re-rendering again (the retry button); False if it had not failed."""
    from .tasks import run_rerender as run_rerender_task

    if not may_rerender(actor=actor):
        raise PermissionDenied
    if not RerenderBatch.requeue(batch_id):
        return False
    transaction.on_commit(lambda: run_rerender_task.delay(batch_id))
    return True


def run_rerender(*, batch_id: int) -> RerenderBatch:
    """Render every certificate of the template again. A certificate that fails is counted,
    not fatal; a database that went away is raised, so the task retries the whole batch
    (rendering again is harmless)."""
    batch = RerenderBatch.objects.get(pk=batch_id)
    if batch.is_finished:
        return batch
    ids = list(Certificate.objects.filter(template_id=batch.template_id).order_by("pk").values_list("pk", flat=True))
    RerenderBatch.mark_running(batch.pk, total=len(ids), failed=0)
    failed = 0
    for done, certificate_id in enumerate(ids, start=1):
        try:
            render(certificate_id=certificate_id)
        except OperationalError:
            raise
        except Exception:
            logger.exception("re-rendering certificate %s failed", certificate_id)
            failed += 1
        RerenderBatch.mark_progress(batch.pk, processed=done, failed=failed)
    RerenderBatch.mark_done(batch.pk)
    batch.refresh_from_db()
    return batch
