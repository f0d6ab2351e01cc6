"""Writes for invitations: invite one person, preview and run an import, resend, revoke, and
accept (with an account that exists, or a new one).

Every HR action checks that the adviser advises the invitation's organisation; accepting
checks the link (unknown, used, expired, revoked) and whose it is."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.tokens import hash_token, new_token
from people.models import Membership, Organisation, User
from people.selectors import organisations_advised_by
from people.services import add_membership, send_templated_email

from . import rules
from .files import RawRow, read_people_file
from .models import ImportRow, Invitation, InvitationImport

VALID_DAYS = 14


def valid_days() -> int:
    """How many days an invitation link works (``INVITATIONS_VALID_DAYS``, 14 by default)."""
    return getattr(settings, "INVITATIONS_VALID_DAYS", VALID_DAYS)


def _require_adviser(*, adviser: User, organisation: Organisation) -> None:
    if not organisations_advised_by(adviser=adviser).filter(pk=organisation.pk).exists():
        raise PermissionDenied


def _send(*, invitation: Invitation, token: str, organisation_name: str, inviter_name: str) -> None:
    """Mail the link. The person may have no account yet, so no language of their own: the
    mail is in the site's language."""
    send_templated_email(
        to=invitation.email,
        template="invitations/email/invitation",
        context={
            "name": invitation.full_name,
            "organisation": organisation_name,
            "team": invitation.team,
            "inviter": inviter_name,
            "url": settings.SITE_URL + reverse("invitations:accept", args=[token]),
            "days": valid_days(),
        },
        language=settings.LANGUAGE_CODE,
    )


def _renew(invitation: Invitation, *, now: datetime.datetime) -> str:
    """A new token and expiry date: the old link stops working."""
    token = new_token()
    invitation.token_hash = hash_token(token)
    invitation.sent_at = now
    invitation.expires_at = now + datetime.timedelta(days=valid_days())
    return token


# One at a time ---------------------------------------------------------------------


@transaction.atomic
def invite(*, adviser: User, organisation: Organisation, email: str, full_name: str, team: str = "") -> Invitation:
    """Invite one person as a learner, by mail. An expired invitation of the same address is
    renewed rather than doubled. Raises a ValidationError per field for what is wrong."""
    _require_adviser(adviser=adviser, organisation=organisation)
    row = rules.clean_row(RawRow(line=1, values={"name": full_name, "email": email, "team": team, "role": ""}))
    rules.check_rows(organisation=organisation, rows=[row])
    if row.problems:
        errors: dict[str, list[str]] = {}
        for problem in row.problems:
            errors.setdefault(rules.PROBLEM_FIELDS.get(problem["code"], "email"), []).append(rules.describe(problem))
        raise ValidationError(errors)
    now = timezone.now()
    invitation = (
        Invitation.objects.select_for_update()
        .filter(organisation=organisation, email=row.email, accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )
    if invitation is None:
        invitation = Invitation(organisation=organisation, email=row.email, send_count=0)
    token = _renew(invitation, now=now)
    invitation.full_name = row.full_name
    invitation.team = row.team
    invitation.role = Membership.Role.LEARNER
    invitation.invited_by = adviser
    invitation.send_count += 1
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:  # the same address invited at the same moment
        raise ValidationError({"email": [rules.describe({"code": "already_invited"})]}) from None
    _send(invitation=invitation, token=token, organisation_name=organisation.name, inviter_name=adviser.get_full_name())
    return invitation


def _pending_for_adviser(*, adviser: User, invitation_id: int) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None:
        raise Invitation.DoesNotExist
    _require_adviser(adviser=adviser, organisation=invitation.organisation)
    return invitation


@transaction.atomic
def resend(*, adviser: User, invitation_id: int) -> Invitation:
    """Send again with a new link and a new expiry date; the old link stops working."""
    invitation = _pending_for_adviser(adviser=adviser, invitation_id=invitation_id)
    if not invitation.is_pending:
        raise ValidationError(
            _("Deze uitnodiging is al aangenomen of ingetrokken. Je kunt hem niet opnieuw versturen.")
        )
    token = _renew(invitation, now=timezone.now())
    invitation.send_count += 1
    invitation.save(update_fields=["token_hash", "sent_at", "expires_at", "send_count"])
    _send(
        invitation=invitation,
        token=token,
        organisation_name=invitation.organisation.name,
        inviter_name=adviser.get_full_name(),
    )
    return invitation


@transaction.atomic
def revoke(*, adviser: User, invitation_id: int) -> Invitation:
    """Withdraw an invitation that was not accepted: its link stops working."""
    invitation = _pending_for_adviser(adviser=adviser, invitation_id=invitation_id)
    if invitation.accepted_at is not None:
        raise ValidationError(_("Deze uitnodiging is al aangenomen. Intrekken kan niet meer."))
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.revoked_by = adviser
        invitation.save(update_fields=["revoked_at", "revoked_by"])
    return invitation


# From a file -----------------------------------------------------------------------


def preview_import(*, adviser: User, organisation: Organisation, data: bytes, file_name: str) -> InvitationImport:
    """Read a file and store its rows with their problems, writing no invitation. Raises a
    ValidationError when the file as a whole cannot be read."""
    _require_adviser(adviser=adviser, organisation=organisation)
    sheet = read_people_file(data)
    rows = [rules.clean_row(raw) for raw in sheet.rows]
    rules.check_rows(organisation=organisation, rows=rows)
    with transaction.atomic():
        job = InvitationImport.objects.create(
            organisation=organisation,
            uploaded_by=adviser,
            file_name=file_name[:255],
            row_count=len(rows),
            problem_count=sum(1 for row in rows if row.problems),
            ignored_columns=sheet.ignored_columns,
            total=len(rows),
        )
        ImportRow.objects.bulk_create(
            [
                ImportRow(job=job, problems=row.problems, has_problems=bool(row.problems), **row.stored())
                for row in rows
            ],
            batch_size=1000,
        )
    return job


def _advised_import(*, adviser: User, job_id: int) -> InvitationImport:
    job = InvitationImport.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=job_id)
    _require_adviser(adviser=adviser, organisation=job.organisation)
    return job


@transaction.atomic
def confirm_import(*, adviser: User, job_id: int) -> InvitationImport:
    """Queue the invitations of a preview without problems. Confirming twice queues once."""
    from .tasks import run_invitation_import

    job = _advised_import(adviser=adviser, job_id=job_id)
    if not job.is_preview:
        return job
    if job.problem_count:
        raise ValidationError(
            ngettext(
                "Er is niemand uitgenodigd: %(count)s rij heeft een probleem. Verbeter het bestand en upload het "
                "opnieuw. Spil nodigt iedereen uit of niemand.",
                "Er is niemand uitgenodigd: %(count)s rijen hebben een probleem. Verbeter het bestand en upload het "
                "opnieuw. Spil nodigt iedereen uit of niemand.",
                job.problem_count,
            )
            % {"count": job.problem_count}
        )
    job.confirmed_at = timezone.now()
    job.status = InvitationImport.Status.QUEUED
    job.save(update_fields=["confirmed_at", "status"])
    transaction.on_commit(lambda: run_invitation_import.delay(job.pk))
    return job


@transaction.atomic
def discard_import(*, adviser: User, job_id: int) -> bool:
    """Throw a preview away. A confirmed import stays: it is the record of who was invited."""
    job = _advised_import(adviser=adviser, job_id=job_id)
    if not job.is_preview:
        return False
    job.delete()
    return True


@transaction.atomic
def retry_import(*, adviser: User, job_id: int) -> bool:
    """Queue a failed import again (its retry button); False when it had not failed."""
    from .tasks import run_invitation_import

    job = _advised_import(adviser=adviser, job_id=job_id)
    if job.problem_count or not InvitationImport.requeue(job.pk):
        return False
    transaction.on_commit(lambda: run_invitation_import.delay(job.pk))
    return True


def run_import(*, job_id: int, chunk_size: int = 500) -> InvitationImport:
    """Invite every row of a confirmed import, chunk by chunk, with visible progress.

    All or nothing: the database is checked again first, and when a row has a problem now
    (someone invited the address meanwhile, the person joined another organisation) the
    import stops before writing, marked failed, with the rows' problems to see. Idempotent:
    rows this import already invited (a retry after a worker died midway) are skipped."""
    job = InvitationImport.objects.select_related("organisation", "uploaded_by").get(pk=job_id)
    if job.status == InvitationImport.Status.DONE or job.is_preview:
        return job
    rows = list(job.rows.order_by("line"))
    done = set(job.invitations.values_list("email", flat=True))
    todo = [row for row in rows if row.email not in done]
    found = rules.database_problems(organisation=job.organisation, emails=[row.email for row in todo], import_id=job.pk)
    if found:
        _stop_on_problems(job=job, rows=todo, found=found, done=len(done))
        job.refresh_from_db()
        return job
    InvitationImport.mark_running(job.pk, total=len(rows))
    processed = len(rows) - len(todo)
    InvitationImport.mark_progress(job.pk, processed=processed)
    inviter_name = job.uploaded_by.get_full_name() if job.uploaded_by else ""
    for start in range(0, len(todo), chunk_size):
        chunk = todo[start : start + chunk_size]
        _invite_chunk(job=job, rows=chunk, inviter_name=inviter_name)
        processed += len(chunk)
        InvitationImport.mark_progress(job.pk, processed=processed)
    InvitationImport.mark_done(job.pk, processed=len(rows), invited_count=job.invitations.count())
    job.refresh_from_db()
    return job


@transaction.atomic
def _invite_chunk(*, job: InvitationImport, rows: list[ImportRow], inviter_name: str) -> None:
    now = timezone.now()
    # Pending invitations of these addresses are expired ones (``run_import`` stopped on open
    # ones), or one made a moment ago: renewed either way, so each person has one working link.
    pending = {
        invitation.email: invitation
        for invitation in Invitation.objects.select_for_update().filter(
            organisation_id=job.organisation_id,
            email__in=[row.email for row in rows],
            accepted_at__isnull=True,
            revoked_at__isnull=True,
        )
    }
    new, renewed, sending = [], [], []
    for row in rows:
        invitation = pending.get(row.email)
        if invitation is None:
            invitation = Invitation(organisation_id=job.organisation_id, email=row.email, send_count=0)
            new.append(invitation)
        else:
            renewed.append(invitation)
        sending.append((invitation, _renew(invitation, now=now)))
        invitation.full_name = row.full_name
        invitation.team = row.team
        invitation.role = Membership.Role.LEARNER
        invitation.invited_by_id = job.uploaded_by_id
        invitation.import_job_id = job.pk
        invitation.send_count += 1
    Invitation.objects.bulk_create(new)
    Invitation.objects.bulk_update(
        renewed,
        ["token_hash", "sent_at", "expires_at", "full_name", "team", "role", "invited_by", "import_job", "send_count"],
    )
    for invitation, token in sending:
        _send(invitation=invitation, token=token, organisation_name=job.organisation.name, inviter_name=inviter_name)


def _stop_on_problems(*, job: InvitationImport, rows: list[ImportRow], found: dict, done: int) -> None:
    changed = []
    for row in rows:
        if row.email in found:
            row.problems = [*row.problems, found[row.email]]
            row.has_problems = True
            changed.append(row)
    with transaction.atomic():
        ImportRow.objects.bulk_update(changed, ["problems", "has_problems"], batch_size=1000)
        InvitationImport.objects.filter(pk=job.pk).update(problem_count=len(changed))
        rows_with_problems = ngettext(
            "%(count)s rij heeft nu een probleem", "%(count)s rijen hebben nu een probleem", len(changed)
        ) % {"count": len(changed)}
        if done:
            reason = _(
                "Sinds de voorvertoning is er iets veranderd: %(rows)s. Er waren er al %(done)s uitgenodigd; de "
                "rest niet. Verbeter het bestand en upload het opnieuw."
            ) % {"rows": rows_with_problems, "done": done}
        else:
            reason = _(
                "Sinds de voorvertoning is er iets veranderd: %(rows)s. Er is niemand uitgenodigd. Verbeter het "
                "bestand en upload het opnieuw."
            ) % {"rows": rows_with_problems}
        InvitationImport.mark_failed(job.pk, reason=reason)


# Accepting -------------------------------------------------------------------------


class InvitationRefused(PermissionDenied):
    """The link does not bring this person in; ``reason`` says why: unknown, used, expired,
    revoked, wrong_account, member_elsewhere or account_exists."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _usable(*, token: str) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        raise InvitationRefused("unknown")
    status = invitation.status
    if status != Invitation.Status.OPEN:
        raise InvitationRefused({"accepted": "used"}.get(status, status))
    return invitation


def _join(*, invitation: Invitation, user: User) -> Membership:
    if Membership.objects.filter(user=user).exclude(organisation=invitation.organisation).exists():
        raise InvitationRefused("member_elsewhere")
    membership = add_membership(
        user=user, organisation=invitation.organisation, role=invitation.role, team=invitation.team
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def accept(*, user: User, token: str) -> Membership:
    """Accept with the signed-in account, whose login or verified address must be the invited one."""
    invitation = _usable(token=token)
    if not rules.owns_address(user=user, email=invitation.email):
        raise InvitationRefused("wrong_account")
    return _join(invitation=invitation, user=user)


@transaction.atomic
def accept_with_new_account(*, token: str, full_name: str, password: str, language: str) -> User:
    """Make the account of an invited person who has none, with the invited address marked
    verified (the link proves it), and the membership. Signing in is the caller's, through allauth."""
    invitation = _usable(token=token)
    if rules.account_for(email=invitation.email) is not None:
        raise InvitationRefused("account_exists")
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=invitation.email,
                password=password,
                full_name=full_name,
                preferred_language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
            )
    except IntegrityError:  # the account was made at the same moment
        raise InvitationRefused("account_exists") from None
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    _join(invitation=invitation, user=user)
    return user
