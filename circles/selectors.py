"""Reads about learning circles: the pages, the session pages, the feeds and the reminders.

Every page asks a fixed number of queries, however many members and sessions a circle has.
"""

import datetime
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from careers.models import RoleProfilePage
from people.models import Membership, Organisation, User

from .models import (
    CalendarFeed,
    CircleIndexPage,
    CircleInvitation,
    CircleMember,
    CircleStats,
    LearningCirclePage,
    Registration,
    Session,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A reminder goes out this long before a session starts (the hourly job sends it then; a
# registration made later gets it at once).
REMINDER_LEAD = datetime.timedelta(hours=24)
PAST_SESSIONS_SHOWN = 12
# What a session card shows; never the agenda, report or links for members only.
CARD_FIELDS = ("circle_id", "theme", "starts_at", "ends_at", "online_url", "status", "capacity")
# The members of a circle by kind of organisation, kept this long at most: joining and leaving
# renew it at once (``member_stats``); a member's organisation changing, within this time. The
# organisers' names too: a new name shows within this time, a new organiser at once (a publish).
MEMBER_KINDS_SECONDS = 60
# The lists of the circle pages that only a publish, a saved session or the passing of time
# change, kept per content version (``kept_version``) until time changes them, this long at most.
# Data, not markup: kept with the fragments switched off too (as curriculum's required modules).
KEPT_SECONDS = 60 * 60
SESSIONS_KEY = "circles:sessions:{version}:{circle}"
CIRCLES_KEY = "circles:circles:{version}:{index}"
ORGANISERS_KEY = "circles:organisers:{version}:{circle}"
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
# The personal feed keeps sessions this long after they took place, so a subscribed
# calendar does not lose its history at once.
FEED_HISTORY = datetime.timedelta(days=365)


def circles_organised_by(*, user: User) -> QuerySet[LearningCirclePage]:
    """The circles ``user`` organises, as long as they hold the organiser role."""
    if not user.is_authenticated or not user.is_active:
        return LearningCirclePage.objects.none()
    if not Membership.objects.filter(user=user, role=Membership.Role.ORGANISER).exists():
        return LearningCirclePage.objects.none()
    return LearningCirclePage.objects.filter(organisers=user)


def is_organiser(*, circle: LearningCirclePage, user: User) -> bool:
    if not user.is_authenticated:
        return False
    return circles_organised_by(user=user).filter(pk=circle.pk).exists()


def active_membership(*, circle: LearningCirclePage, user: User) -> CircleMember | None:
    if not user.is_authenticated:
        return None
    return CircleMember.objects.filter(circle=circle, user=user, left_at__isnull=True).first()


def is_member(*, circle: LearningCirclePage, user: User) -> bool:
    return active_membership(circle=circle, user=user) is not None


def verified_emails(*, user: User) -> set[str]:
    """The addresses ``user`` proved to own, in lower case."""
    if not user.is_authenticated:
        return set()
    return {
        email.lower() for email in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    }


def pending_invitation(*, circle: LearningCirclePage, user: User) -> CircleInvitation | None:
    """An invitation to ``circle`` for one of the verified addresses of ``user``."""
    emails = verified_emails(user=user)
    if not emails:
        return None
    return CircleInvitation.objects.filter(circle=circle, email__in=emails, accepted_at__isnull=True).first()


def invitations_of(*, circle: LearningCirclePage) -> QuerySet[CircleInvitation]:
    return CircleInvitation.objects.filter(circle=circle).order_by("accepted_at", "-created_at", "email")


def kept_version(*, request: HttpRequest) -> str | None:
    """The content version (cms/pagecache.py) under which a circle page keeps its lists in this
    request: the one its fragments use, so that both show the same content. None where nothing
    may be kept: a preview (unsaved content), or while the shared cache cannot be reached."""
    if getattr(request, "is_preview", False):
        return None
    # The site's content version is kept in cms, as for curriculum.selectors.required_modules.
    from cms.pagecache import UNKNOWN_VERSION, request_version

    version = request_version(request)
    return None if version == UNKNOWN_VERSION else version


def _kept(
    key: str | None,
    *,
    now: datetime.datetime,
    read: Callable[[], list],
    changes_at: Callable[[list], datetime.datetime | None],
) -> list:
    """``read()``, kept in the shared cache under ``key`` (None: not kept) until
    ``changes_at(value)``: the first moment after ``now`` at which time alone changes it (None:
    never). For ``KEPT_SECONDS`` at most."""
    if key is None:
        return read()
    kept = cache.get(key)
    if kept is not None and (kept[0] is None or now < kept[0]):
        return kept[1]
    value = read()
    until = changes_at(value)
    seconds = KEPT_SECONDS
    if until is not None:
        seconds = min(seconds, math.ceil((until - now).total_seconds()))
    if seconds > 0:
        cache.set(key, (until, value), seconds)
    return value


def member_numbers(*, circle_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(active members, membership version) per circle, as ``CircleStats`` keeps them: one
    small query. A circle without its row yet (its members loaded in bulk) is counted, and gets
    it; a change at the same moment counts again after this (``services.count_members``)."""
    rows = CircleStats.objects.filter(circle_id__in=circle_ids).values_list("circle_id", "members", "version")
    numbers = {circle_id: (members, version) for circle_id, members, version in rows}
    missing = [circle_id for circle_id in circle_ids if circle_id not in numbers]
    if missing:
        counts = dict(
            CircleMember.objects.filter(circle_id__in=missing, left_at__isnull=True)
            .order_by()
            .values_list("circle_id")
            .annotate(total=Count("*"))
        )
        CircleStats.objects.bulk_create(
            [CircleStats(circle_id=circle_id, members=counts.get(circle_id, 0)) for circle_id in missing],
            ignore_conflicts=True,
        )
        numbers.update(
            (circle_id, (members, version))
            for circle_id, members, version in CircleStats.objects.filter(circle_id__in=missing).values_list(
                "circle_id", "members", "version"
            )
        )
    return numbers


def member_count(*, circle: LearningCirclePage) -> int:
    return member_stats(circle=circle).count


@dataclass(frozen=True)
class MemberStats:
    """The active members of a circle, counted, and a fingerprint of its membership that
    changes whenever someone joins, comes back or leaves."""

    count: int
    fingerprint: str


def member_stats(*, circle: LearningCirclePage) -> MemberStats:
    """The stored count (``CircleStats``): one query of one row, however many members."""
    members, version = member_numbers(circle_ids=[circle.pk])[circle.pk]
    return MemberStats(count=members, fingerprint=f"{members}:{version}")


def members_by_organisation_kind(
    *, circle: LearningCirclePage, stats: MemberStats | None = None
) -> list[tuple[str, int]]:
    """How many members come from each kind of organisation (gemeente, provincie, ...),
    most first. Counts, never names: a circle's page shows no member list. A person with
    memberships in two kinds of organisation counts for both.

    Counting reads every member's memberships, so the counts are kept in the cache under the
    circle's membership fingerprint (``member_stats``) for ``MEMBER_KINDS_SECONDS``."""
    stats = stats or member_stats(circle=circle)
    key = f"circles:member-kinds:{circle.pk}:{stats.fingerprint}"
    rows = cache.get(key)
    if rows is None:
        rows = list(
            Membership.objects.filter(user__circle_memberships__circle=circle, user__circle_memberships__left_at=None)
            .values_list("organisation__kind")
            .annotate(members=Count("user", distinct=True))
            .order_by("-members", "organisation__kind")
        )
        cache.set(key, rows, MEMBER_KINDS_SECONDS)
    labels = dict(Organisation.Kind.choices)
    return [(labels.get(kind, kind), members) for kind, members in rows]


@dataclass
class SessionRow:
    """A session as a list shows it, with its counts and the reader's own registration."""

    session: Session
    registered: int
    waitlisted: int
    my_status: str | None

    @property
    def places_left(self) -> int:
        return max(0, self.session.capacity - self.registered)


def _card_rows(sessions: list[Session], counts: dict[tuple[int, str], int], mine: dict[int, str]) -> list[SessionRow]:
    return [
        SessionRow(
            session=session,
            registered=counts.get((session.pk, Registration.Status.REGISTERED), 0),
            waitlisted=counts.get((session.pk, Registration.Status.WAITLISTED), 0),
            my_status=mine.get(session.pk),
        )
        for session in sessions
    ]


def listed_sessions(*, circle: LearningCirclePage, now: datetime.datetime, version: str | None = None) -> list[Session]:
    """The sessions a circle's page lists, by start: all those still to come and the last
    ``PAST_SESSIONS_SHOWN`` that ended, with only the columns a card shows. Under a content
    ``version`` they are kept: a saved session gives a new version (cms/pagecache.py), and the
    list is read again when the first session still to come ends."""

    def read() -> list[Session]:
        ended = Session.objects.filter(circle=circle, ends_at__lte=now).order_by("-starts_at")
        recent = ended.values("pk")[:PAST_SESSIONS_SHOWN]
        return list(
            Session.objects.filter(circle=circle)
            .filter(Q(ends_at__gt=now) | Q(pk__in=recent))
            .only(*CARD_FIELDS)
            .order_by("starts_at")
        )

    def changes_at(sessions: list[Session]) -> datetime.datetime | None:
        return min((session.ends_at for session in sessions if session.ends_at > now), default=None)

    key = None if version is None else SESSIONS_KEY.format(version=version, circle=circle.pk)
    return _kept(key, now=now, read=read, changes_at=changes_at)


def registration_counts(*, sessions: list[Session]) -> dict[tuple[int, str], int]:
    """How many registrations of each status the sessions have, by (session, status): one
    count over the index on session and status. Cancelled ones are counted too: asking for
    them costs less than leaving them out (a filter less to build)."""
    if not sessions:
        return {}
    rows = (
        Registration.objects.filter(session_id__in=[session.pk for session in sessions])
        .order_by()
        .values_list("session_id", "status")
        .annotate(total=Count("*"))
    )
    return {(session_id, status): total for session_id, status, total in rows}


def session_cards(
    *, circle: LearningCirclePage, user: User, now: datetime.datetime, version: str | None = None
) -> tuple[list, list]:
    """(upcoming, past) sessions of ``circle`` as cards: all those still to come, soonest
    first, and the last ``PAST_SESSIONS_SHOWN`` that ended, latest first. The sessions are
    ``listed_sessions`` (kept under ``version``); their counts one query, the reader's own
    registrations one more."""
    sessions = listed_sessions(circle=circle, now=now, version=version)
    counts = registration_counts(sessions=sessions)
    mine = {}
    if user.is_authenticated and sessions:
        mine = dict(
            Registration.objects.filter(user=user, session_id__in=[session.pk for session in sessions]).values_list(
                "session_id", "status"
            )
        )
    upcoming = [session for session in sessions if session.ends_at > now]
    past = [session for session in reversed(sessions) if session.ends_at <= now][:PAST_SESSIONS_SHOWN]
    return _card_rows(upcoming, counts, mine), _card_rows(past, counts, mine)


def _cards_key(rows: list[SessionRow]) -> str:
    """Everything a list of session cards shows that is not published content."""
    return ";".join(f"{row.session.pk},{row.registered},{row.waitlisted},{row.my_status or ''}" for row in rows)


def live_role_profiles(*, circle: LearningCirclePage) -> list[RoleProfilePage]:
    """The published role profiles the circle is meant for (of the revision shown: a preview
    lists the profiles chosen in it)."""
    chosen = [profile.pk for profile in circle.role_profiles.all()]
    if not chosen:
        return []
    return list(RoleProfilePage.objects.live().filter(pk__in=chosen).order_by("title"))


def organiser_names(*, circle: LearningCirclePage, version: str | None = None) -> list[str]:
    """The names of the circle's organisers, by name. Under a content ``version`` kept for
    ``MEMBER_KINDS_SECONDS``: who organises changes with a publish (a new version), a name within
    that time."""

    def read() -> list[str]:
        return sorted(str(person) for person in circle.organisers.all())

    if version is None:
        return read()
    return cache.get_or_set(ORGANISERS_KEY.format(version=version, circle=circle.pk), read, MEMBER_KINDS_SECONDS)


def circle_page_context(*, circle: LearningCirclePage, user: User, version: str | None = None) -> dict:
    """What the page of a circle shows: counts by kind of organisation, upcoming and past
    sessions, the reader's membership or invitation and, for its organisers, their tools.

    The published content (the description, the role profiles, the sessions' texts) is kept in
    fragments (templates/circles/learning_circle_page.html); ``facts_key``, ``upcoming_key``
    and ``past_key`` hold what else they show: member counts, the organisers' names, the
    sessions' counts and the reader's own registrations, so that a change shows at once. With the content
    ``version`` of the request (``kept_version``) the list of sessions and the organisers'
    names are kept too: an anonymous reader costs two small queries, the registration counts and
    the member counts (``CircleStats``)."""
    if circle.pk is None:  # a preview of a page not saved yet
        return {
            "member_count": 0,
            "member_kinds": [],
            "upcoming": [],
            "past": [],
            "role_profiles": [],
            "organiser_names": [],
        }
    upcoming, past = session_cards(circle=circle, user=user, now=timezone.now(), version=version)
    membership = active_membership(circle=circle, user=user)
    organiser = is_organiser(circle=circle, user=user)
    stats = member_stats(circle=circle)
    kinds = members_by_organisation_kind(circle=circle, stats=stats)
    organisers = organiser_names(circle=circle, version=version)
    return {
        "member_count": stats.count,
        "member_kinds": kinds,
        "organiser_names": organisers,
        # Everything the facts show that is not published content.
        "facts_key": repr((stats.count, [(str(label), count) for label, count in kinds], organisers)),
        # Called by the template only when its fragment is not kept.
        "role_profiles": lambda: live_role_profiles(circle=circle),
        "upcoming": upcoming,
        "upcoming_key": _cards_key(upcoming),
        "past": past,
        "past_key": _cards_key(past),
        "membership": membership,
        "is_member": membership is not None,
        "invitation": None if membership else pending_invitation(circle=circle, user=user),
        "is_organiser": organiser,
        "latest_session": (
            Session.objects.filter(circle=circle).only("theme").order_by("-starts_at").first() if organiser else None
        ),
    }


# What a card on the index reads of a circle page (its link needs the url_path).
CIRCLE_CARD_FIELDS = ("title", "url_path", "locale", "theme", "membership")


def index_circles(*, index: CircleIndexPage, now: datetime.datetime, version: str | None = None) -> list:
    """The live circles under the index, in the tree's order, each with its next session
    (``next_starts_at``, ``next_theme``). Under a content ``version`` kept: publishing and a
    saved session give a new version, and the list is read again when a next session starts."""

    def read() -> list[LearningCirclePage]:
        next_session = Session.objects.filter(
            circle=OuterRef("pk"), status=Session.Status.SCHEDULED, starts_at__gt=now
        ).order_by("starts_at")
        return list(
            LearningCirclePage.objects.live()
            .child_of(index.content_source)
            .only(*CIRCLE_CARD_FIELDS)
            .annotate(
                next_starts_at=Subquery(next_session.values("starts_at")[:1]),
                next_theme=Subquery(next_session.values("theme")[:1]),
            )
            .order_by("path")
        )

    def changes_at(circles: list[LearningCirclePage]) -> datetime.datetime | None:
        return min((circle.next_starts_at for circle in circles if circle.next_starts_at), default=None)

    key = None if version is None else CIRCLES_KEY.format(version=version, index=index.pk)
    return _kept(key, now=now, read=read, changes_at=changes_at)


def circle_index_context(*, index: CircleIndexPage, user: User, version: str | None = None) -> dict:
    """The circles under the index, each with its number of members and next session.

    The circles and their next sessions are ``index_circles`` (kept under ``version``), the
    member counts one query of ``CircleStats``. The cards are kept in a fragment
    (templates/circles/circle_index_page.html) under ``circles_key``: what they show that
    changes without an editor (member counts, which session is next, the reader's own
    memberships)."""
    circles = index_circles(index=index, now=timezone.now(), version=version)
    numbers = member_numbers(circle_ids=[circle.pk for circle in circles]) if circles else {}
    for circle in circles:
        circle.member_total = numbers[circle.pk][0]
    mine = set()
    if user.is_authenticated and circles:
        mine = set(
            CircleMember.objects.filter(
                user=user, left_at__isnull=True, circle_id__in=[circle.pk for circle in circles]
            ).values_list("circle_id", flat=True)
        )
    return {
        "circles": [(circle, circle.pk in mine) for circle in circles],
        "circles_key": repr(
            [
                (circle.pk, circle.member_total, circle.next_starts_at, circle.next_theme, circle.pk in mine)
                for circle in circles
            ]
        ),
    }


def live_session(*, session_id: int) -> Session | None:
    """A session of a published circle, with its circle."""
    return Session.objects.select_related("circle").filter(pk=session_id, circle__live=True).first()


def registration_of(*, session: Session, user: User) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(session=session, user=user).first()


def waitlist_position(*, registration: Registration) -> int:
    """1 for the first in line."""
    return (
        Registration.objects.filter(session_id=registration.session_id, status=Registration.Status.WAITLISTED)
        .filter(
            Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def session_counts(*, session: Session) -> tuple[int, int]:
    """(registered, waitlisted)."""
    counts = dict(
        Registration.objects.filter(session=session)
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("status")
        .annotate(total=Count("pk"))
    )
    return counts.get(Registration.Status.REGISTERED, 0), counts.get(Registration.Status.WAITLISTED, 0)


def can_see_private_details(*, session: Session, user: User, registration: Registration | None) -> bool:
    """The meeting link and the address: for those registered (not waitlisted) and the
    circle's organisers."""
    if registration is not None and registration.status == Registration.Status.REGISTERED:
        return True
    return is_organiser(circle=session.circle, user=user)


def session_page_context(*, session: Session, user: User) -> dict:
    circle = session.circle
    registration = registration_of(session=session, user=user)
    registered, waitlisted = session_counts(session=session)
    now = timezone.now()
    membership = active_membership(circle=circle, user=user)
    active = registration is not None and registration.status != Registration.Status.CANCELLED
    return {
        "session": session,
        "circle": circle,
        "registration": registration if active else None,
        "position": (
            waitlist_position(registration=registration)
            if registration and registration.status == Registration.Status.WAITLISTED
            else None
        ),
        "registered_count": registered,
        "waitlist_count": waitlisted,
        "places_left": max(0, session.capacity - registered),
        "membership": membership,
        "invitation": None if membership else pending_invitation(circle=circle, user=user),
        "is_organiser": is_organiser(circle=circle, user=user),
        "show_private": can_see_private_details(session=session, user=user, registration=registration),
        "refusal": registration_refusal(session=session, now=now),
        "has_started": session.starts_at <= now,
        "has_ended": session.ends_at <= now,
    }


def registration_refusal(*, session: Session, now: datetime.datetime) -> str | None:
    """Why nobody can register for ``session`` now, in words for the page; None if they can."""
    if session.is_cancelled:
        return _("Deze bijeenkomst is afgelast. Aanmelden kan niet meer.")
    if session.starts_at <= now:
        return _("Deze bijeenkomst is al begonnen. Aanmelden kan niet meer.")
    if session.registration_deadline and session.registration_deadline < now:
        deadline = timezone.localtime(session.registration_deadline, AMSTERDAM)
        return _("Aanmelden kon tot %(deadline)s. Die termijn is voorbij.") % {
            "deadline": deadline.strftime("%d-%m-%Y %H:%M")
        }
    return None


def my_sessions(*, user: User) -> list[Registration]:
    """The registrations of ``user`` (a place or on the waitlist) for sessions that have not
    ended, soonest first."""
    return list(
        Registration.objects.filter(
            user=user,
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITLISTED],
            session__ends_at__gt=timezone.now(),
            session__circle__live=True,
        )
        .select_related("session", "session__circle")
        .order_by("session__starts_at")
    )


def circle_feed_sessions(*, circle: LearningCirclePage) -> list[Session]:
    return list(
        Session.objects.filter(circle=circle, ends_at__gt=timezone.now() - FEED_HISTORY)
        .select_related("circle")
        .order_by("starts_at")
    )


def personal_feed_sessions(*, user: User) -> list[Session]:
    """The sessions ``user`` holds a place for (cancelled sessions too, so that a
    subscribed calendar shows them cancelled)."""
    return list(
        Session.objects.filter(
            registrations__user=user,
            registrations__status=Registration.Status.REGISTERED,
            ends_at__gt=timezone.now() - FEED_HISTORY,
            circle__live=True,
        )
        .select_related("circle")
        .order_by("starts_at")
    )


def feed_by_token(*, token: str) -> CalendarFeed | None:
    """The feed at a secret address; None for anything that is not one of our tokens (URL-safe
    base64), so that odd bytes in an address never reach the database."""
    if not TOKEN.fullmatch(token):
        return None
    return CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()


def reminders_due(*, now: datetime.datetime) -> QuerySet[Registration]:
    """Places in sessions that start within ``REMINDER_LEAD`` and whose holder has had no
    reminder yet."""
    return (
        Registration.objects.filter(
            status=Registration.Status.REGISTERED,
            reminder_sent_at__isnull=True,
            session__status=Session.Status.SCHEDULED,
            session__starts_at__gt=now,
            session__starts_at__lte=now + REMINDER_LEAD,
        )
        .select_related("session", "session__circle", "user")
        .order_by("session__starts_at", "pk")
    )


def in_reminder_window(*, session: Session, now: datetime.datetime) -> bool:
    return now < session.starts_at <= now + REMINDER_LEAD
