"""Writes for career records and development conversations. Each write checks who may make it."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from people.models import User
from people.selectors import can_hr_see

from . import notifications, selectors
from .models import CareerStep, CurrentRole, DevelopmentConversation, RoleProfilePage
from .models.conversations import MESSAGE_MAX_LENGTH, NOTES_MAX_LENGTH


def _require_adviser_of(*, adviser: User, person: User) -> None:
    if not can_hr_see(adviser=adviser, person=person):
        raise PermissionDenied("Only an HR adviser of this person's organisation may do this.")


@transaction.atomic
def declare_current_role(*, user: User, profile: RoleProfilePage, since: datetime.date) -> CurrentRole:
    """A person states their current role. A change needs a fresh confirmation by HR."""
    role = CurrentRole.objects.select_for_update().filter(user=user).first()
    if role is None:
        return CurrentRole.objects.create(user=user, profile=profile, since=since)
    if role.profile_id != profile.pk or role.since != since:
        role.profile = profile
        role.since = since
        role.confirmed_by = None
        role.confirmed_at = None
        role.save()
    return role


@transaction.atomic
def confirm_current_role(*, adviser: User, person: User) -> CurrentRole:
    _require_adviser_of(adviser=adviser, person=person)
    role = CurrentRole.objects.select_for_update().get(user=person)
    role.confirmed_by = adviser
    role.confirmed_at = timezone.now()
    role.save(update_fields=["confirmed_by", "confirmed_at"])
    return role


@transaction.atomic
def record_career_step(
    *,
    adviser: User,
    person: User,
    to_profile: RoleProfilePage,
    date: datetime.date,
    note: str = "",
    from_profile: RoleProfilePage | None = None,
) -> CareerStep:
    """HR records a step; it starts from the person's current role and becomes the new,
    confirmed current role unless an earlier date puts it in the past."""
    _require_adviser_of(adviser=adviser, person=person)
    current = CurrentRole.objects.select_for_update().filter(user=person).first()
    is_latest = current is None or date >= current.since
    if from_profile is None and current is not None and is_latest:
        from_profile = current.profile
    step = CareerStep.objects.create(
        user=person,
        from_profile=from_profile,
        to_profile=to_profile,
        date=date,
        note=note,
        recorded_by=adviser,
    )
    if is_latest:
        CurrentRole.objects.update_or_create(
            user=person,
            defaults={
                "profile": to_profile,
                "since": date,
                "confirmed_by": adviser,
                "confirmed_at": timezone.now(),
            },
        )
    return step


# Development conversations ---------------------------------------------------------------


def _check_text(text: str, *, field: str, max_length: int) -> str:
    if "\x00" in text:
        raise ValidationError({field: _("Deze tekst bevat een teken dat niet is toegestaan.")})
    if len(text) > max_length:
        raise ValidationError(
            {field: _("Hoogstens %(max)s tekens; dit zijn er %(count)s.") % {"max": max_length, "count": len(text)}}
        )
    return text.strip()


def _check_not_in_future(date: datetime.date, *, field: str) -> None:
    if date > timezone.localdate():
        raise ValidationError({field: _("Deze datum ligt in de toekomst.")})


def _require_handler(*, adviser: User, conversation: DevelopmentConversation) -> None:
    """Only an HR adviser of the learner's organisation, and never the learner themself."""
    if adviser.pk == conversation.learner_id or not can_hr_see(adviser=adviser, person=conversation.learner):
        raise PermissionDenied("Only an HR adviser of this person's organisation may handle the conversation.")


def _lock_open(conversation: DevelopmentConversation) -> DevelopmentConversation:
    locked = DevelopmentConversation.objects.select_for_update().get(pk=conversation.pk)
    if not locked.is_open:
        if locked.status == DevelopmentConversation.Status.WITHDRAWN:
            raise ValidationError(_("De deelnemer heeft deze aanvraag ingetrokken."))
        raise ValidationError(_("De uitkomst van dit gesprek is al vastgelegd."))
    return locked


def request_conversation(
    *, learner: User, target_profile: RoleProfilePage, message: str = ""
) -> tuple[DevelopmentConversation, bool]:
    """The learner asks the HR advisers of their organisation for a development conversation
    about ``target_profile``. Returns the conversation and whether it is new: while a request
    for the same role is open, that one is returned and nobody is mailed again."""
    message = _check_text(message, field="message", max_length=MESSAGE_MAX_LENGTH)
    if target_profile is None or not target_profile.live:
        raise ValidationError({"target_profile": _("Kies een functieprofiel.")})
    existing = selectors.open_conversation(learner=learner, profile=target_profile)
    if existing is not None:
        return existing, False
    organisation = selectors.handling_organisation(learner=learner)
    if organisation is None:
        raise ValidationError(selectors.conversation_refusal(learner=learner))
    try:
        with transaction.atomic():
            conversation = DevelopmentConversation.objects.create(
                learner=learner, organisation=organisation, target_profile=target_profile, message=message
            )
            notifications.conversation_requested(conversation=conversation)
    except IntegrityError:
        # A second request for the same role that came in at the same moment (a double
        # click): the constraint kept one, and that is the answer.
        existing = selectors.open_conversation(learner=learner, profile=target_profile)
        if existing is None:
            raise
        return existing, False
    return conversation, True


@transaction.atomic
def plan_conversation(
    *, adviser: User, conversation: DevelopmentConversation, planned_on: datetime.date
) -> DevelopmentConversation:
    """The adviser notes the date agreed for the conversation; the learner is mailed."""
    _require_handler(adviser=adviser, conversation=conversation)
    if planned_on < timezone.localdate():
        raise ValidationError({"planned_on": _("Deze datum ligt in het verleden.")})
    conversation = _lock_open(conversation)
    conversation.status = DevelopmentConversation.Status.PLANNED
    conversation.planned_on = planned_on
    conversation.adviser = adviser
    conversation.save(update_fields=["status", "planned_on", "adviser"])
    notifications.conversation_planned(conversation=conversation)
    return conversation


@transaction.atomic
def record_outcome(
    *,
    adviser: User,
    conversation: DevelopmentConversation,
    outcome: str,
    notes: str,
    held_on: datetime.date,
    step_to_profile: RoleProfilePage | None = None,
    step_date: datetime.date | None = None,
) -> DevelopmentConversation:
    """The adviser records what came of the conversation. With the outcome "stap gezet" the
    career step is recorded too (and becomes the learner's confirmed current role, see
    ``record_career_step``). The learner is mailed."""
    _require_handler(adviser=adviser, conversation=conversation)
    if outcome not in DevelopmentConversation.Outcome.values:
        raise ValidationError({"outcome": _("Kies een van de uitkomsten.")})
    notes = _check_text(notes, field="notes", max_length=NOTES_MAX_LENGTH)
    _check_not_in_future(held_on, field="held_on")
    if held_on < timezone.localdate(conversation.requested_at):
        raise ValidationError({"held_on": _("Het gesprek kan niet vóór de aanvraag zijn gehouden.")})
    is_step = outcome == DevelopmentConversation.Outcome.STEP
    if is_step and step_to_profile is None:
        raise ValidationError({"step_to_profile": _("Kies de nieuwe functie.")})
    if not is_step and (step_to_profile is not None or step_date is not None):
        raise ValidationError(_("Een loopbaanstap hoort alleen bij de uitkomst 'Stap gezet'."))
    if is_step:
        step_date = step_date or held_on
        _check_not_in_future(step_date, field="step_date")
    conversation = _lock_open(conversation)
    step = None
    if is_step:
        step = record_career_step(
            adviser=adviser, person=conversation.learner, to_profile=step_to_profile, date=step_date, note=notes
        )
    conversation.status = DevelopmentConversation.Status.HELD
    conversation.adviser = adviser
    conversation.outcome = outcome
    conversation.outcome_notes = notes
    conversation.held_on = held_on
    conversation.career_step = step
    conversation.closed_at = timezone.now()
    conversation.save()
    notifications.outcome_recorded(conversation=conversation)
    return conversation


@transaction.atomic
def withdraw_conversation(*, learner: User, conversation: DevelopmentConversation) -> DevelopmentConversation:
    """The learner withdraws their open request. An adviser who had planned it is mailed."""
    if conversation.learner_id != learner.pk:
        raise PermissionDenied("Only the learner who asked may withdraw the request.")
    conversation = _lock_open(conversation)
    was_planned = conversation.status == DevelopmentConversation.Status.PLANNED
    conversation.status = DevelopmentConversation.Status.WITHDRAWN
    conversation.closed_at = timezone.now()
    conversation.save(update_fields=["status", "closed_at"])
    if was_planned and conversation.adviser is not None:
        notifications.conversation_withdrawn(conversation=conversation)
    return conversation
