"""Reads for the organiser's pages. Each costs a fixed number of queries, however many
members, sessions and registrations a circle has."""

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from circles import attendance as attendance_services
from circles import selectors as circle_selectors
from circles.models import CircleMember, Feedback, LearningCirclePage, Registration, Session
from people.models import Membership, User
from people.selectors import roles_of


def is_organiser(*, user: User) -> bool:
    """A leerkringorganisator: someone with the organiser role (the organiser pages are theirs;
    which circles they show is ``organised_circles``)."""
    return user.is_authenticated and user.is_active and Membership.Role.ORGANISER in roles_of(user=user)


def organised_circles(*, user: User) -> QuerySet[LearningCirclePage]:
    """The circles ``user`` organises: the only ones their organiser pages show."""
    return circle_selectors.circles_organised_by(user=user).order_by("title", "pk")


def sessions_of_organiser(*, user: User) -> QuerySet[Session]:
    return Session.objects.filter(circle__in=organised_circles(user=user)).select_related("circle")


def _count(queryset: QuerySet, group: str) -> Coalesce:
    """The number of rows of ``queryset`` (filtered on an OuterRef in ``group``), as a subquery."""
    counted = queryset.order_by().values(group).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _active_members(circle_ref) -> QuerySet[CircleMember]:
    return CircleMember.objects.filter(circle=circle_ref, left_at__isnull=True)


@dataclass(frozen=True)
class SessionCounts:
    registered: int = 0
    waitlisted: int = 0
    present: int = 0
    absent: int = 0
    walk_ins: int = 0
    feedback_count: int = 0
    feedback_average: float | None = None


@dataclass(frozen=True)
class SessionRow:
    session: Session
    counts: SessionCounts
    is_past: bool

    @property
    def places_left(self) -> int:
        return max(0, self.session.capacity - self.counts.registered)


def session_counts(*, sessions: list[Session]) -> dict[int, SessionCounts]:
    """Registrations, waitlist, attendance and feedback per session, in three queries."""
    if not sessions:
        return {}
    registrations = {
        row["session_id"]: row
        for row in Registration.objects.filter(session__in=sessions)
        .values("session_id")
        .annotate(
            registered=Count("pk", filter=Q(status=Registration.Status.REGISTERED)),
            waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        )
        .order_by()
    }
    attendance = attendance_services.attendance_by_session(sessions=sessions)
    feedback = {
        row["session_id"]: row
        for row in Feedback.objects.filter(session__in=sessions)
        .values("session_id")
        .annotate(n=Count("pk"), average=Avg("rating"))
        .order_by()
    }
    result = {}
    for session in sessions:
        reg, att, fb = registrations.get(session.pk, {}), attendance[session.pk], feedback.get(session.pk, {})
        average = fb.get("average")
        result[session.pk] = SessionCounts(
            registered=reg.get("registered", 0),
            waitlisted=reg.get("waitlisted", 0),
            present=att["present"],
            absent=att["absent"],
            walk_ins=att["walk_ins"],
            feedback_count=fb.get("n", 0),
            feedback_average=round(average, 1) if average is not None else None,
        )
    return result


@dataclass(frozen=True)
class CircleCard:
    circle: LearningCirclePage
    member_count: int
    session_count: int
    next_session: SessionRow | None


def dashboard(*, user: User, now: datetime.datetime) -> list[CircleCard]:
    """The circles ``user`` organises, each with its number of members and its next session
    with that session's registrations. Three queries (plus the counts of the next sessions)."""
    upcoming = Session.objects.filter(circle=OuterRef("pk"), ends_at__gte=now, status=Session.Status.SCHEDULED)
    circles = list(
        organised_circles(user=user).annotate(
            member_count=_count(_active_members(OuterRef("pk")), "circle"),
            session_count=_count(Session.objects.filter(circle=OuterRef("pk")), "circle"),
            next_session_id=Subquery(upcoming.order_by("starts_at").values("pk")[:1]),
        )
    )
    next_sessions = Session.objects.in_bulk([c.next_session_id for c in circles if c.next_session_id])
    counts = session_counts(sessions=list(next_sessions.values()))
    return [
        CircleCard(
            circle=circle,
            member_count=circle.member_count,
            session_count=circle.session_count,
            next_session=SessionRow(
                session=next_sessions[circle.next_session_id],
                counts=counts[circle.next_session_id],
                is_past=False,
            )
            if circle.next_session_id
            else None,
        )
        for circle in circles
    ]


def circle_overview(*, circle: LearningCirclePage, now: datetime.datetime) -> dict:
    """Everything the organiser's page of one circle shows."""
    sessions = list(circle.sessions.order_by("starts_at", "pk"))
    counts = session_counts(sessions=sessions)
    rows = [SessionRow(session=s, counts=counts[s.pk], is_past=s.ends_at < now) for s in sessions]
    members = circle_selectors.member_stats(circle=circle)
    return {
        "session_rows": rows,
        "member_count": members.count,
        "kinds": circle_selectors.members_by_organisation_kind(circle=circle, stats=members),
        "feedback": attendance_services.circle_feedback_summary(circle=circle),
        "intake": attendance_services.intake_results(circle=circle),
    }
