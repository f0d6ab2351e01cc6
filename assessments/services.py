"""Writes for self-assessments: taking one, second opinions, sharing, and the plan."""

import datetime
import re

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from careers.models import Competency, RoleProfilePage
from common.tokens import hash_token, new_token
from curriculum.models import LearningTrackPage
from people.models import Organisation, User
from people.services import send_templated_email

from .models import (
    Answer,
    Attempt,
    DevelopmentPlan,
    Invitation,
    PlanItem,
    RaterAnswer,
    SelfAssessmentPage,
)
from .selectors import steps_of

INVITATION_DAYS = 14
# A second opinion sends an email from Spil to an address the person chooses, so it is capped:
# per attempt, and per person over a rolling 24 hours (counted in the database, so a cleared
# cache or a second server does not reset it). The settings ASSESSMENT_INVITATIONS_PER_ATTEMPT
# and ASSESSMENT_INVITATIONS_PER_DAY override these.
INVITATIONS_PER_ATTEMPT = 5
INVITATIONS_PER_DAY = 10
# A name is shown as text in the email; a web or email address or a line break in it would let
# the sender smuggle a link or a fake paragraph into a message that comes from Spil.
_NOT_A_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]|://|www\.|@|[\w-]{2,}\.[a-z]{2,}", re.IGNORECASE)


def _require_owner(*, user: User, attempt: Attempt) -> None:
    if attempt.user_id != user.pk:
        raise PermissionDenied


def start_attempt(*, user: User, assessment: SelfAssessmentPage) -> Attempt:
    """Continue the open attempt, or start a new one (a retake keeps earlier results)."""
    draft = Attempt.objects.filter(user=user, assessment=assessment, status=Attempt.Status.DRAFT).first()
    if draft:
        return draft
    previous = (
        Attempt.objects.filter(user=user, assessment=assessment, status=Attempt.Status.SUBMITTED)
        .order_by("-submitted_at")
        .first()
    )
    return Attempt.objects.create(
        user=user, assessment=assessment, target_profile=previous.target_profile if previous else None
    )


@transaction.atomic
def save_answers(*, user: User, attempt: Attempt, levels: dict[int, int]) -> None:
    """Keep the given answers (a partly filled step is kept too: nothing entered is lost)."""
    _require_owner(user=user, attempt=attempt)
    if attempt.status != Attempt.Status.DRAFT:
        raise ValidationError(_("Deze zelfscan is al ingeleverd. Start een nieuwe om hem opnieuw te doen."))
    valid = set(attempt.assessment.statements.values_list("pk", flat=True))
    for statement_id, level in levels.items():
        if statement_id in valid:
            Answer.objects.update_or_create(attempt=attempt, statement_id=statement_id, defaults={"level": level})


@transaction.atomic
def submit(*, user: User, attempt: Attempt) -> Attempt:
    _require_owner(user=user, attempt=attempt)
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.status == Attempt.Status.SUBMITTED:
        return attempt
    answered = set(attempt.answers.values_list("statement_id", flat=True))
    open_steps = [
        number
        for number, (_competency, statements) in enumerate(steps_of(assessment=attempt.assessment), start=1)
        if any(s.pk not in answered for s in statements)
    ]
    if open_steps:
        raise ValidationError(
            _("Nog niet alles is ingevuld: stap %(steps)s.") % {"steps": ", ".join(map(str, open_steps))}
        )
    attempt.status = Attempt.Status.SUBMITTED
    attempt.submitted_at = timezone.now()
    attempt.save(update_fields=["status", "submitted_at"])
    return attempt


def set_target(*, user: User, attempt: Attempt, profile: RoleProfilePage | None) -> None:
    _require_owner(user=user, attempt=attempt)
    Attempt.objects.filter(pk=attempt.pk).update(target_profile=profile)


def set_sharing(*, user: User, attempt: Attempt, shared: bool) -> None:
    """Share a result with the HR advisers of one's organisation, or withdraw it."""
    _require_owner(user=user, attempt=attempt)
    Attempt.objects.filter(pk=attempt.pk).update(shared_with_organisation_at=timezone.now() if shared else None)


def invitation_limits() -> tuple[int, int]:
    """How many people one may invite per attempt, and per 24 hours in all."""
    return (
        getattr(settings, "ASSESSMENT_INVITATIONS_PER_ATTEMPT", INVITATIONS_PER_ATTEMPT),
        getattr(settings, "ASSESSMENT_INVITATIONS_PER_DAY", INVITATIONS_PER_DAY),
    )


def validate_invitee_name(name: str) -> None:
    """A plain name: no line breaks, control characters, web or email addresses."""
    if _NOT_A_NAME.search(name):
        raise ValidationError(_("Vul alleen een naam in, zonder webadres, e-mailadres of regeleinde."))


def _check_invitation_limits(*, user: User, attempt: Attempt) -> None:
    per_attempt, per_day = invitation_limits()
    if Invitation.objects.filter(attempt=attempt).count() >= per_attempt:
        raise ValidationError(
            _("Je hebt voor deze zelfscan al %(limit)s mensen uitgenodigd. Meer uitnodigingen zijn niet mogelijk.")
            % {"limit": per_attempt}
        )
    since = timezone.now() - datetime.timedelta(hours=24)
    if Invitation.objects.filter(attempt__user=user, created_at__gte=since).count() >= per_day:
        raise ValidationError(
            _(
                "Je hebt in de afgelopen 24 uur al %(limit)s uitnodigingen verstuurd. "
                "Probeer het morgen opnieuw; wat je hebt ingevuld, staat er nog."
            )
            % {"limit": per_day}
        )


def _sender_organisations(*, user: User) -> str:
    return ", ".join(Organisation.objects.filter(memberships__user=user).distinct().values_list("name", flat=True))


@transaction.atomic
def invite(*, user: User, attempt: Attempt, email: str, name: str, relation: str) -> tuple[Invitation, str]:
    """Invite someone to rate the same statements about ``user``. Returns the invitation and
    its token; only the token's hash is stored, the link is mailed once.

    The email says who asks by their account (verified email address, name, organisation); the
    subject is fixed and the invitee's name appears only as text in the body."""
    _require_owner(user=user, attempt=attempt)
    if attempt.status != Attempt.Status.SUBMITTED:
        raise ValidationError(_("Lever je zelfscan eerst in; daarna vraag je een tweede blik."))
    if not EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists():
        raise ValidationError(_("Bevestig eerst je e-mailadres; daarna kun je een tweede blik vragen."))
    validate_invitee_name(name)
    # Lock the person's row so that simultaneous requests are counted one after the other.
    User.objects.select_for_update().filter(pk=user.pk).first()
    _check_invitation_limits(user=user, attempt=attempt)
    token = new_token()
    invitation = Invitation.objects.create(
        attempt=attempt,
        email=email,
        name=name,
        relation=relation,
        token_hash=hash_token(token),
        expires_at=timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
    )
    # The invitee has no account, so no language of their own: the mail is in the site's.
    send_templated_email(
        to=email,
        template="assessments/email/invitation",
        context={
            "invitee": name,
            "sender_name": user.get_full_name(),
            "sender_email": user.email,
            "organisation": _sender_organisations(user=user),
            "title": attempt.assessment.title,
            "url": settings.SITE_URL + reverse("assessments:rate", args=[token]),
            "days": INVITATION_DAYS,
        },
        language=settings.LANGUAGE_CODE,
    )
    return invitation, token


@transaction.atomic
def rate(*, token: str, levels: dict[int, int]) -> Invitation:
    """Store a second opinion. The link works once: the row lock and ``used_at`` make a
    second submit, even a simultaneous one, fail."""
    invitation = Invitation.objects.select_for_update().filter(token_hash=hash_token(token)).first()
    if invitation is None or not invitation.is_usable:
        raise PermissionDenied
    statements = set(invitation.attempt.assessment.statements.values_list("pk", flat=True))
    if set(levels) != statements:
        raise ValidationError(_("Beantwoord alle stellingen."))
    RaterAnswer.objects.bulk_create(
        [RaterAnswer(invitation=invitation, statement_id=sid, level=level) for sid, level in levels.items()]
    )
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    return invitation


@transaction.atomic
def add_to_plan(
    *, user: User, track: LearningTrackPage, competency: Competency | None = None, attempt: Attempt | None = None
) -> PlanItem:
    if attempt is not None:
        _require_owner(user=user, attempt=attempt)
    plan, _created = DevelopmentPlan.objects.get_or_create(user=user)
    if attempt is not None:
        plan.attempt = attempt
        plan.target_profile = attempt.target_profile or plan.target_profile
        plan.save()
    item, _created = PlanItem.objects.get_or_create(plan=plan, track=track, defaults={"competency": competency})
    return item


def remove_from_plan(*, user: User, item_id: int) -> bool:
    """Remove one of ``user``'s own plan items; False when they have none with that id."""
    deleted, _by_model = PlanItem.objects.filter(pk=item_id, plan__user=user).delete()
    return bool(deleted)
