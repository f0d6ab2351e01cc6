"""Writes about learning circles: membership, sessions, registrations and the mail they send.

Registrations of a session change only while its row is locked (``select_for_update``), so
two people taking the last place, or two cancellations freeing two places, are handled one
after the other: nobody is overbooked, and everyone promoted from the waitlist is promoted,
and told, once. The mail is queued in the same transaction as the change it reports.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.tokens import new_token
from people.models import User
from people.services import send_templated_email

from . import calendar, selectors
from .models import (
    CalendarFeed,
    CircleInvitation,
    CircleMember,
    CircleStats,
    LearningCirclePage,
    Registration,
    Session,
)
from .selectors import AMSTERDAM

ACTIVE = (Registration.Status.REGISTERED, Registration.Status.WAITLISTED)


# Mail ------------------------------------------------------------------------------------


def _session_context(session: Session) -> dict:
    return {
        "session": session,
        "circle": session.circle,
        "starts": timezone.localtime(session.starts_at, AMSTERDAM),
        "ends": timezone.localtime(session.ends_at, AMSTERDAM),
        "session_url": calendar.session_url(session),
        "circle_url": settings.SITE_URL + session.circle.url,
        "calendar_url": settings.SITE_URL + reverse("circles:my_calendar"),
    }


def _mail(*, to: User | str, template: str, context: dict, attachments: list | None = None) -> None:
    with timezone.override(AMSTERDAM):
        send_templated_email(to=to, template=template, context=context, attachments=attachments)


def _ics(session: Session, content: bytes, method: str) -> list[tuple[str, str, str]]:
    return [(calendar.filename(session), content.decode(), calendar.mail_content_type(method))]


def _invitation_ics(session: Session, user: User) -> list[tuple[str, str, str]]:
    method = calendar.CANCEL if session.is_cancelled else calendar.REQUEST
    with translation.override(_language_of(user)):
        return _ics(session, calendar.session_invitation(session, attendee=user), method)


def _place_cancellation_ics(session: Session, user: User) -> list[tuple[str, str, str]]:
    with translation.override(_language_of(user)):
        return _ics(session, calendar.place_cancellation(session, attendee=user), calendar.CANCEL)


def _language_of(user: User) -> str:
    """The language of the mail ``user`` gets, for the calendar entry that goes with it."""
    return user.preferred_language or settings.LANGUAGE_CODE


def _tell_place(registration: Registration, *, template: str, extra: dict | None = None) -> None:
    """A mail about a place in a session, with the calendar entry that adds or updates it."""
    session = registration.session
    _mail(
        to=registration.user,
        template=template,
        context={**_session_context(session), "registration": registration, **(extra or {})},
        attachments=_invitation_ics(session, registration.user),
    )


def _remind(registration: Registration, *, now: datetime.datetime) -> bool:
    """The reminder, once per place: the conditional update lets only one caller (the hourly
    job, a second run of it, a late registration) claim it."""
    claimed = Registration.objects.filter(
        pk=registration.pk, status=Registration.Status.REGISTERED, reminder_sent_at__isnull=True
    ).update(reminder_sent_at=now)
    if not claimed:
        return False
    registration.reminder_sent_at = now
    _mail(
        to=registration.user,
        template="circles/email/session_reminder",
        context={**_session_context(registration.session), "registration": registration},
    )
    return True


# Membership ------------------------------------------------------------------------------


@transaction.atomic
def join_circle(*, circle: LearningCirclePage, user: User) -> CircleMember:
    """Membership of an open circle for anyone signed in; of an invitation-only circle for
    whoever was invited at a verified address (or was a member before, or organises it)."""
    now = timezone.now()
    member = CircleMember.objects.filter(circle=circle, user=user).first()
    if member is not None and member.left_at is None:
        return member
    if circle.membership == LearningCirclePage.Membership.INVITATION and member is None:
        invitation = selectors.pending_invitation(circle=circle, user=user)
        if invitation is None and not selectors.is_organiser(circle=circle, user=user):
            raise ValidationError(
                _("Deze leerkring is op uitnodiging. Vraag een organisator om je uit te nodigen."), code="invitation"
            )
        if invitation is not None:
            CircleInvitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(accepted_at=now)
    if member is None:
        member, _created = CircleMember.objects.get_or_create(circle=circle, user=user, defaults={"joined_at": now})
    if member.left_at is not None:
        member.left_at = None
        member.joined_at = now
        member.save(update_fields=["left_at", "joined_at"])
    return member


@transaction.atomic
def leave_circle(*, circle: LearningCirclePage, user: User) -> bool:
    """End a membership; the member's places and waitlist entries for sessions still to come
    are given up (and passed on to the waitlist). Attendance history stays."""
    now = timezone.now()
    left = CircleMember.objects.filter(circle=circle, user=user, left_at__isnull=True).update(left_at=now)
    if not left:
        return False
    upcoming = Registration.objects.filter(
        session__circle=circle, user=user, status__in=ACTIVE, session__starts_at__gt=now
    ).values_list("session_id", flat=True)
    for session in Session.objects.filter(pk__in=list(upcoming), status=Session.Status.SCHEDULED):
        cancel_registration(session=session, user=user)
    # An update sends no signal (signal_handlers.py): counted here, after the sessions' rows
    # are locked, in the order register() takes them too.
    count_members(circle_id=circle.pk)
    return True


@transaction.atomic
def count_members(*, circle_id: int) -> CircleStats:
    """Recount the active members of a circle into its ``CircleStats`` and raise its version.
    Call in the transaction of the change, after it. The row is locked before counting: a
    second change to the same circle waits until the first commits and then counts it too, so
    concurrent joins and leaves never lose one. Lock it last: session rows (``register``)
    come first."""
    stats = CircleStats.objects.select_for_update().filter(circle_id=circle_id).first()
    if stats is None:
        # The first count of the circle: whoever inserts first wins, everyone locks that row.
        CircleStats.objects.bulk_create([CircleStats(circle_id=circle_id)], ignore_conflicts=True)
        stats = CircleStats.objects.select_for_update().get(circle_id=circle_id)
    stats.members = CircleMember.objects.filter(circle_id=circle_id, left_at__isnull=True).count()
    stats.version += 1
    stats.save(update_fields=["members", "version"])
    return stats


@transaction.atomic
def invite(*, circle: LearningCirclePage, emails: list[str], invited_by: User) -> tuple[int, int]:
    """Invite people to ``circle`` by address and mail them the circle's page. Returns
    (invited, already members). Inviting someone again sends the mail again."""
    members = {
        email.lower()
        for email in CircleMember.objects.filter(circle=circle, left_at__isnull=True).values_list(
            "user__email", flat=True
        )
    }
    accounts = {
        user.email.lower(): user
        for user in User.objects.annotate(lower_email=Lower("email")).filter(lower_email__in=emails, is_active=True)
    }
    invited = skipped = 0
    for email in emails:
        if email in members:
            skipped += 1
            continue
        invitation, created = CircleInvitation.objects.get_or_create(
            circle=circle, email=email, defaults={"invited_by": invited_by}
        )
        if not created:
            invitation.invited_by = invited_by
            invitation.accepted_at = None
            invitation.save(update_fields=["invited_by", "accepted_at"])
        _mail(
            to=accounts.get(email, email),
            template="circles/email/circle_invitation",
            context={
                "circle": circle,
                "inviter": invited_by,
                "circle_url": settings.SITE_URL + circle.url,
                "has_account": email in accounts,
                "signup_url": settings.SITE_URL + reverse("account_signup"),
            },
        )
        invited += 1
    return invited, skipped


def withdraw_invitation(*, invitation: CircleInvitation) -> bool:
    """An invitation nobody accepted yet can be taken back."""
    return bool(CircleInvitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).delete()[0])


# Sessions --------------------------------------------------------------------------------


def _locked(session: Session) -> Session:
    """The session's row, locked until the transaction ends (not its circle's page rows)."""
    return Session.objects.select_for_update(of=("self",)).select_related("circle").get(pk=session.pk)


@transaction.atomic
def create_session(
    *,
    circle: LearningCirclePage,
    created_by: User | None,
    theme: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    capacity: int,
    agenda: str = "",
    online_url: str = "",
    location: str = "",
    registration_deadline: datetime.datetime | None = None,
) -> Session:
    session = Session(
        circle=circle,
        created_by=created_by,
        theme=theme,
        agenda=agenda,
        starts_at=starts_at,
        ends_at=ends_at,
        online_url=online_url,
        location=location,
        capacity=capacity,
        registration_deadline=registration_deadline,
    )
    session.full_clean(exclude=["created_by"])
    session.save()
    return session


@transaction.atomic
def update_session(
    *,
    session: Session,
    theme: str,
    agenda: str,
    online_url: str,
    location: str,
    capacity: int,
    registration_deadline: datetime.datetime | None,
) -> Session:
    """Change what a session is about, where, and its size. A new place or title reaches
    the calendars of those who hold a place; more places go to the waitlist at once."""
    session = _locked(session)
    registered = Registration.objects.filter(session=session, status=Registration.Status.REGISTERED).count()
    if capacity < registered:
        raise ValidationError(
            {"capacity": _("Er hebben al %(count)s mensen een plaats.") % {"count": registered}}, code="capacity"
        )
    place_changed = (online_url, location) != (session.online_url, session.location)
    calendar_changed = place_changed or theme != session.theme or agenda != session.agenda
    session.theme, session.agenda = theme, agenda
    session.online_url, session.location = online_url, location
    session.capacity, session.registration_deadline = capacity, registration_deadline
    if calendar_changed:
        session.sequence += 1
    session.full_clean(exclude=["created_by"])
    session.save()
    if place_changed and not session.is_cancelled:
        for registration in _holders(session):
            _tell_place(registration, template="circles/email/session_changed")
    _promote(session, now=timezone.now())
    return session


@transaction.atomic
def move_session(
    *,
    session: Session,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    registration_deadline: datetime.datetime | None,
    message: str = "",
) -> Session:
    """A new date or time. Everyone registered gets the updated calendar entry (same UID,
    higher SEQUENCE), everyone waitlisted a mail; reminders go again before the new time."""
    session = _locked(session)
    if session.is_cancelled:
        raise ValidationError(_("Deze bijeenkomst is afgelast en kan niet meer worden verplaatst."), code="cancelled")
    now = timezone.now()
    old_starts, old_ends = session.starts_at, session.ends_at
    session.registration_deadline = registration_deadline
    moved = (starts_at, ends_at) != (old_starts, old_ends)
    if moved:
        session.starts_at, session.ends_at = starts_at, ends_at
        session.sequence += 1
        session.reminder_sent_at = None
    session.full_clean(exclude=["created_by"])
    session.save()
    if not moved:
        return session
    Registration.objects.filter(session=session, status__in=ACTIVE).update(reminder_sent_at=None)
    previous = {
        "old_starts": timezone.localtime(old_starts, AMSTERDAM),
        "old_ends": timezone.localtime(old_ends, AMSTERDAM),
        "message": message,
    }
    for registration in _holders(session, waitlisted=True):
        registration.reminder_sent_at = None
        if registration.status == Registration.Status.REGISTERED:
            _tell_place(registration, template="circles/email/session_moved", extra=previous)
            if selectors.in_reminder_window(session=session, now=now):
                _remind(registration, now=now)
        else:
            _mail(
                to=registration.user,
                template="circles/email/session_moved",
                context={**_session_context(session), "registration": registration, **previous},
            )
    return session


@transaction.atomic
def cancel_session(*, session: Session, message: str = "") -> Session:
    """Call a session off: STATUS:CANCELLED with a higher SEQUENCE in the calendars of those
    with a place, and a mail to everyone registered or waitlisted."""
    session = _locked(session)
    if session.is_cancelled:
        return session
    session.status = Session.Status.CANCELLED
    session.sequence += 1
    session.save(update_fields=["status", "sequence", "updated_at"])
    for registration in _holders(session, waitlisted=True):
        context = {**_session_context(session), "registration": registration, "message": message}
        if registration.status == Registration.Status.REGISTERED:
            _tell_place(registration, template="circles/email/session_cancelled", extra={"message": message})
        else:
            _mail(to=registration.user, template="circles/email/session_cancelled", context=context)
    return session


def _holders(session: Session, *, waitlisted: bool = False) -> list[Registration]:
    statuses = ACTIVE if waitlisted else (Registration.Status.REGISTERED,)
    registrations = list(
        Registration.objects.filter(session=session, status__in=statuses).select_related("user").order_by("pk")
    )
    for registration in registrations:
        registration.session = session
    return registrations


# Registrations ---------------------------------------------------------------------------


def _promote(session: Session, *, now: datetime.datetime) -> list[Registration]:
    """Give free places to the first in line, oldest registration first; each is told once,
    in this transaction. Call with the session's row locked."""
    if session.is_cancelled or session.starts_at <= now:
        return []
    registered = Registration.objects.filter(session=session, status=Registration.Status.REGISTERED).count()
    free = session.capacity - registered
    if free <= 0:
        return []
    promoted = list(
        Registration.objects.select_for_update()
        .filter(session=session, status=Registration.Status.WAITLISTED)
        .select_related("user")
        .order_by("created_at", "pk")[:free]
    )
    for registration in promoted:
        registration.session = session
        registration.status = Registration.Status.REGISTERED
        registration.promoted_at = now
        registration.reminder_sent_at = None
        registration.save(update_fields=["status", "promoted_at", "reminder_sent_at"])
        _tell_place(registration, template="circles/email/registration_promoted")
        if selectors.in_reminder_window(session=session, now=now):
            _remind(registration, now=now)
    return promoted


@transaction.atomic
def register(*, session: Session, user: User) -> Registration:
    """A place in ``session``, or a place on its waitlist when it is full. Only members
    register; someone who may join the circle (open, or invited) joins in the same step.
    Registering twice changes nothing."""
    session = _locked(session)
    registration = Registration.objects.select_for_update().filter(session=session, user=user).first()
    if registration is not None and registration.status in ACTIVE:
        return registration
    now = timezone.now()
    refusal = selectors.registration_refusal(session=session, now=now)
    if refusal:
        raise ValidationError(refusal, code="closed")
    join_circle(circle=session.circle, user=user)
    _promote(session, now=now)
    registered = Registration.objects.filter(session=session, status=Registration.Status.REGISTERED).count()
    in_line = Registration.objects.filter(session=session, status=Registration.Status.WAITLISTED).exists()
    status = (
        Registration.Status.REGISTERED
        if registered < session.capacity and not in_line
        else Registration.Status.WAITLISTED
    )
    if registration is None:
        registration = Registration.objects.create(session=session, user=user, status=status, created_at=now)
    else:
        registration.status, registration.created_at = status, now
        registration.promoted_at = registration.cancelled_at = registration.reminder_sent_at = None
        registration.save(update_fields=["status", "created_at", "promoted_at", "cancelled_at", "reminder_sent_at"])
    registration.session = session
    if status == Registration.Status.REGISTERED:
        _tell_place(registration, template="circles/email/registration_confirmed")
        if selectors.in_reminder_window(session=session, now=now):
            _remind(registration, now=now)
    else:
        _mail(
            to=user,
            template="circles/email/registration_waitlisted",
            context={
                **_session_context(session),
                "registration": registration,
                "position": selectors.waitlist_position(registration=registration),
            },
        )
    return registration


@transaction.atomic
def cancel_registration(*, session: Session, user: User) -> Registration | None:
    """Give up a place (or a place on the waitlist). A freed place goes to the first in
    line. The person's calendar entry is cancelled with a higher SEQUENCE, so that a later
    registration (with a higher one still) can put it back."""
    session = _locked(session)
    registration = (
        Registration.objects.select_for_update().filter(session=session, user=user, status__in=ACTIVE).first()
    )
    if registration is None:
        return None
    now = timezone.now()
    if session.is_cancelled:
        raise ValidationError(_("Deze bijeenkomst is afgelast; afmelden is niet nodig."), code="cancelled")
    if session.starts_at <= now:
        raise ValidationError(_("Deze bijeenkomst is al begonnen; afmelden kan niet meer."), code="started")
    had_place = registration.status == Registration.Status.REGISTERED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    registration.session = session
    if had_place:
        session.sequence += 1
        session.save(update_fields=["sequence", "updated_at"])
        _mail(
            to=user,
            template="circles/email/registration_cancelled",
            context={**_session_context(session), "registration": registration, "had_place": True},
            attachments=_place_cancellation_ics(session, user),
        )
        _promote(session, now=now)
    else:
        _mail(
            to=user,
            template="circles/email/registration_cancelled",
            context={**_session_context(session), "registration": registration, "had_place": False},
        )
    return registration


def send_session_reminders(*, now: datetime.datetime) -> int:
    """The reminder the day before, to everyone with a place who has not had it. Each is
    claimed with a conditional update, so a second run (or a second worker) sends nothing."""
    sent = 0
    for registration in selectors.reminders_due(now=now):
        with transaction.atomic():
            if _remind(registration, now=now):
                sent += 1
    Session.objects.filter(
        status=Session.Status.SCHEDULED,
        starts_at__gt=now,
        starts_at__lte=now + selectors.REMINDER_LEAD,
        reminder_sent_at__isnull=True,
    ).update(reminder_sent_at=now)
    return sent


# Personal calendar feed -----------------------------------------------------------------


def calendar_feed_for(*, user: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def reset_calendar_feed(*, user: User) -> CalendarFeed:
    """A new secret address; the old one stops working at once."""
    feed = calendar_feed_for(user=user)
    feed.token = new_token()
    feed.save(update_fields=["token", "created_at"])
    return feed
