"""Writes about people, organisations and the mail they are sent."""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Membership, Organisation, OutgoingEmail, User
from .selectors import removal_refusal

logger = logging.getLogger(__name__)


@transaction.atomic
def add_membership(
    *, user: User, organisation: Organisation, role: str = Membership.Role.LEARNER, team: str = ""
) -> Membership:
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role, defaults={"team": team}
    )
    if not created and team and membership.team != team:
        membership.team = team
        membership.save(update_fields=["team"])
    return membership


def set_preferred_language(*, user: User, language: str) -> None:
    if language in dict(settings.LANGUAGES) and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


Attachment = tuple[str, str, str]  # file name, text content, MIME type


def send_templated_email(
    *,
    to: User | str,
    template: str,
    context: dict,
    language: str | None = None,
    attachments: list[Attachment] | None = None,
) -> OutgoingEmail:
    """Render ``{template}_subject.txt`` and ``{template}.txt`` in the recipient's language
    (their preferred language; ``language`` or the site's for an address without account)
    and queue the mail, with text ``attachments`` (an .ics, for example). The context gets
    ``recipient`` (the account, if any) and ``site_url``."""
    account = to if isinstance(to, User) else None
    language = language or (account.preferred_language if account else "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {**context, "recipient": account, "site_url": settings.SITE_URL}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    return queue_email(to=account.email if account else to, subject=subject, body_text=body, attachments=attachments)


def queue_email(
    *, to: str, subject: str, body_text: str, body_html: str = "", attachments: list[Attachment] | None = None
) -> OutgoingEmail:
    """Record an email and have a worker deliver it once the transaction commits."""
    from .tasks import send_email

    email = OutgoingEmail.objects.create(
        to=to,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        attachments=[
            {"filename": filename, "content": content, "mimetype": mimetype}
            for filename, content, mimetype in attachments or []
        ],
    )
    transaction.on_commit(lambda: send_email.delay(email.pk))
    return email


@transaction.atomic
def retry_email(*, email_id: int) -> bool:
    """Queue a mail whose delivery gave up again (the admin's retry button); False if it had
    not failed."""
    from .tasks import send_email

    requeued = OutgoingEmail.objects.filter(
        pk=email_id, status=OutgoingEmail.Status.FAILED, sent_at__isnull=True
    ).update(status=OutgoingEmail.Status.QUEUED, failure_reason="")
    if requeued:
        transaction.on_commit(lambda: send_email.delay(email_id))
    return bool(requeued)


def requeue_stalled_emails(*, older_than: datetime.timedelta = datetime.timedelta(minutes=10)) -> int:
    """Queue again the mails recorded a while ago that no worker ever tried: their task was
    lost between the commit and the broker (a process killed in between). Delivery is
    idempotent (``deliver_email``), so a mail that was only waiting is sent once all the same."""
    from .tasks import send_email

    moment = timezone.now() - older_than
    stalled = list(
        OutgoingEmail.objects.filter(
            status=OutgoingEmail.Status.QUEUED,
            sent_at__isnull=True,
            attempts=0,
            created_at__lt=moment,
            created_at__gt=moment - datetime.timedelta(days=7),
        ).values_list("pk", flat=True)
    )
    for email_id in stalled:
        send_email.delay(email_id)
    return len(stalled)


def deliver_email(*, email_id: int) -> bool:
    """Send a recorded email unless it has been sent already. Returns True when sent now.

    The row lock keeps two workers that got the same message from both sending it. A failed
    send is recorded outside the rolled-back transaction and raised again, so the task retries.
    """
    try:
        with transaction.atomic():
            email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
            if email is None or email.sent_at is not None:
                return False
            message = EmailMultiAlternatives(subject=email.subject, body=email.body_text, to=[email.to])
            if email.body_html:
                message.attach_alternative(email.body_html, "text/html")
            for attachment in email.attachments:
                message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
            message.send()
            email.attempts += 1
            email.sent_at = timezone.now()
            email.status = OutgoingEmail.Status.SENT
            email.failure_reason = email.last_error = ""
            email.save(update_fields=["attempts", "sent_at", "status", "failure_reason", "last_error"])
    except Exception as exc:
        OutgoingEmail.objects.filter(pk=email_id).update(attempts=F("attempts") + 1, last_error=str(exc)[:2000])
        raise
    logger.info("email %s sent", email_id)
    return True


# Changes an HR adviser makes to the people of their organisation. Each membership is saved
# or deleted on its own (never QuerySet.update() or .delete() in bulk), so the audit log
# records every one of them, with the adviser as the actor.


def _require_adviser_of(*, adviser: User, organisation: Organisation) -> None:
    if (
        not adviser.is_active
        or not Membership.objects.filter(user=adviser, organisation=organisation, role=Membership.Role.HR).exists()
    ):
        raise PermissionDenied


@transaction.atomic
def change_team(*, adviser: User, person: User, organisation: Organisation, team: str) -> int:
    """Put the person in ``team`` in the organisation (all their memberships there: a person
    with two roles is in one team). Returns how many memberships changed."""
    _require_adviser_of(adviser=adviser, organisation=organisation)
    memberships = list(
        Membership.objects.select_for_update()
        .filter(user=person, organisation=organisation)
        .select_related("user", "organisation")
        .order_by("pk")
    )
    if not memberships:
        raise ValidationError(
            _("%(name)s hoort niet bij %(organisation)s.")
            % {"name": person.get_full_name(), "organisation": organisation.name}
        )
    changed = 0
    for membership in memberships:
        if membership.team != team:
            membership.team = team
            membership.save(update_fields=["team"])
            changed += 1
    return changed


@transaction.atomic
def remove_from_organisation(*, adviser: User, person: User, organisation: Organisation) -> int:
    """Remove the person from the organisation: their memberships there, in every role. Their
    account, their memberships of other organisations and their learning records stay.
    Refused (ValidationError) for the adviser themselves and for the last HR adviser.
    Returns how many memberships were removed."""
    _require_adviser_of(adviser=adviser, organisation=organisation)
    # Two advisers removing each other at the same moment: the second waits for the first
    # and then finds they no longer advise the organisation, or are the last adviser.
    list(
        Membership.objects.select_for_update()
        .filter(organisation=organisation, role=Membership.Role.HR)
        .values_list("pk", flat=True)
    )
    refusal = removal_refusal(adviser=adviser, person=person, organisation=organisation)
    if refusal:
        raise ValidationError(refusal)
    memberships = list(
        Membership.objects.filter(user=person, organisation=organisation).select_related("user", "organisation")
    )
    for membership in memberships:
        membership.delete()
    if memberships:
        logger.info("user %s removed from organisation %s by %s", person.pk, organisation.pk, adviser.pk)
    return len(memberships)
