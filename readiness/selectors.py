"""Reads for career readiness: how far a learner is from a role they look at.

Composed here, at the top, because it reads careers, curriculum, assessments, certificates
and circles, and careers may not read the apps built on it. Every function reads in a fixed
number of queries, whatever the number of tracks, paths, certificates or sessions.

The tracks *for a role* are the tracks of the learning paths that prepare for it, the tracks
meant for it, and the tracks that develop a competency it asks; in that order, then the
tracks that develop more of its competencies first. Its circles are the live circles meant
for it and those whose track is one of its tracks.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from assessments.models import Attempt, SelfAssessmentPage
from assessments.scoring import Gap, compare, gaps_only
from assessments.selectors import Recommendation, levels_of, recommendations
from careers.models import CurrentRole, RoleProfilePage, RoleProfileRequirement
from careers.selectors import current_roles_of, next_steps_for
from certificates.models import Certificate
from circles.attendance import attended_sessions
from circles.models import CircleMember, LearningCirclePage, Session
from curriculum.models import Enrolment, LearningPath, LearningPathItem, LearningTrackPage, TrackCompetency
from people.models import User

from .charts import ladder_chart

ROLE_TRACKS_SHOWN = 8


# Tracks and circles for a role -------------------------------------------------------------


@dataclass(frozen=True)
class RoleTrack:
    track: LearningTrackPage
    in_path: bool  # in a learning path that prepares for the role
    for_role: bool  # meant for the role (the track's own 'voor functieprofielen')
    covered: int  # how many of the competencies the role asks the track develops


def role_tracks(*, profile: RoleProfilePage, required_ids: Iterable[int], limit: int | None = None) -> list[RoleTrack]:
    """The live tracks for ``profile``, most fitting first. One query. ``required_ids`` are
    the competencies the role asks: passed in, so a preview shows the ones being edited."""
    required_ids = list(required_ids)
    covered = (
        TrackCompetency.objects.filter(page=OuterRef("pk"), competency_id__in=required_ids)
        .order_by()
        .values("page")
        .annotate(n=Count("pk"))
        .values("n")
    )
    if profile.pk is None:  # a preview of a page not saved yet: no path or track points at it
        in_path = for_role = Value(False)
    else:
        in_path = Exists(LearningPathItem.objects.filter(track=OuterRef("pk"), path__target_profile=profile))
        for_role = Exists(RoleProfilePage.objects.filter(pk=profile.pk, tracks=OuterRef("pk")))
    tracks = (
        LearningTrackPage.objects.live()
        .annotate(in_path=in_path, for_role=for_role, covered=Coalesce(Subquery(covered), 0))
        .filter(Q(in_path=True) | Q(for_role=True) | Q(covered__gt=0))
        .order_by("-in_path", "-for_role", "-covered", "title", "pk")
    )
    if limit is not None:
        tracks = tracks[:limit]
    return [RoleTrack(track=t, in_path=t.in_path, for_role=t.for_role, covered=t.covered) for t in tracks]


def role_circles(*, profile: RoleProfilePage, track_ids: Iterable[int]) -> list[LearningCirclePage]:
    """The live circles meant for ``profile`` or counting towards one of ``track_ids``. One query."""
    condition = Q(track_id__in=list(track_ids))
    if profile.pk is not None:
        condition |= Q(Exists(RoleProfilePage.objects.filter(pk=profile.pk, circles=OuterRef("pk"))))
    return list(LearningCirclePage.objects.live().filter(condition).select_related("track").order_by("title", "pk"))


def role_learning(*, profile: RoleProfilePage, requirements=None) -> dict:
    """What a role profile page links to: its tracks (at most ROLE_TRACKS_SHOWN) and its
    circles. Two queries, plus one when ``requirements`` (the page's rows) is not given."""
    if requirements is None:
        requirements = profile.requirements.all()
    tracks = role_tracks(profile=profile, required_ids={r.competency_id for r in requirements}, limit=ROLE_TRACKS_SHOWN)
    return {"tracks": tracks, "circles": role_circles(profile=profile, track_ids=[t.track.pk for t in tracks])}


# The ladder --------------------------------------------------------------------------------


def ladder_for(*, current: RoleProfilePage | None, steps: list[tuple[RoleProfilePage, str | None]]) -> dict:
    """The ladder picture of the current role's family and the families of ``steps``
    ((role, kind of step or None) pairs). One query."""
    families = {p.family for p, _kind in steps} | ({current.family} if current else set())
    profiles = list(RoleProfilePage.objects.live().filter(family__in=families)) if families else []
    return ladder_chart(profiles=profiles, current=current, targets=steps)


def current_role_of(*, user: User) -> CurrentRole | None:
    return current_roles_of(people=[user.pk]).get(user.pk)


def next_steps_overview(*, user: User) -> dict:
    """The learner's current role, the steps described from it and the ladder picture.
    Three queries."""
    current = current_role_of(user=user)
    profile = current.profile if current else None
    steps = next_steps_for(profile=profile)
    return {
        "current": current,
        "next_steps": steps,
        "ladder": ladder_for(current=profile, steps=[(s.to_profile, s.kind) for s in steps]) if steps else None,
    }


# Readiness for one role --------------------------------------------------------------------


@dataclass(frozen=True)
class TrackStatus:
    track: LearningTrackPage
    status: str | None  # the learner's enrolment status (Enrolment.Status), None when not enrolled
    required: bool = True


@dataclass(frozen=True)
class PathReadiness:
    path: LearningPath
    items: list[TrackStatus]
    required_done: int
    required_total: int
    electives_done: int

    @property
    def complete(self) -> bool:
        return self.required_done == self.required_total and self.electives_done >= self.path.min_electives

    @property
    def percent(self) -> int:
        needed = self.required_total + self.path.min_electives
        done = self.required_done + min(self.electives_done, self.path.min_electives)
        return round(100 * done / needed) if needed else 100


@dataclass(frozen=True)
class GapAdvice:
    gap: Gap
    tracks: list[tuple[Recommendation, str | None]]  # with the learner's enrolment status
    circles: list[LearningCirclePage]

    @property
    def reaching(self) -> list[tuple[Recommendation, str | None]]:
        return [(r, status) for r, status in self.tracks if r.reaches]

    @property
    def partway(self) -> list[tuple[Recommendation, str | None]]:
        return [(r, status) for r, status in self.tracks if not r.reaches]


@dataclass(frozen=True)
class CircleTaking:
    circle: LearningCirclePage
    member: bool
    sessions: list[Session]  # the sessions the learner attended, newest first

    @property
    def hours(self) -> float:
        return round(sum(session.hours for session in self.sessions), 2)


def latest_attempt_for(*, user: User, profile: RoleProfilePage) -> Attempt | None:
    """The learner's latest submitted self-scan, one meant for ``profile`` before any other."""
    meant = SelfAssessmentPage.objects.filter(pk=OuterRef("assessment_id"), role_profiles=profile)
    return (
        Attempt.objects.filter(user=user, status=Attempt.Status.SUBMITTED)
        .annotate(for_role=Exists(meant))
        .select_related("assessment")
        .order_by("-for_role", "-submitted_at", "-pk")
        .first()
    )


def _paths(items: list[LearningPathItem], statuses: dict[int, str]) -> list[PathReadiness]:
    by_path: dict[int, list[LearningPathItem]] = {}
    for item in items:
        by_path.setdefault(item.path_id, []).append(item)

    def done(item):
        return statuses.get(item.track_id) == Enrolment.Status.COMPLETED

    return [
        PathReadiness(
            path=path_items[0].path,
            items=[TrackStatus(i.track, statuses.get(i.track_id), i.required) for i in path_items],
            required_done=sum(1 for i in path_items if i.required and done(i)),
            required_total=sum(1 for i in path_items if i.required),
            electives_done=sum(1 for i in path_items if not i.required and done(i)),
        )
        for path_items in by_path.values()
    ]


def _certificates(*, certificates: list[Certificate], paths: list[PathReadiness]) -> dict:
    """The valid certificates that count for the role, and those its learning paths still
    ask: the path's own and those of its required tracks."""
    held = [c for c in certificates if c.status == Certificate.Status.VALID]
    held_tracks = {c.track_id for c in held if c.track_id}
    held_paths = {c.path_id for c in held if c.path_id}
    needed, seen = [], set()
    for readiness in paths:
        path = readiness.path
        if path.leads_to_certificate and path.pk not in held_paths:
            needed.append({"path": path, "track": None, "status": None})
        for item in readiness.items:
            track = item.track
            if item.required and track.leads_to_certificate and track.pk not in held_tracks | seen:
                seen.add(track.pk)
                needed.append({"path": None, "track": track, "status": item.status})
    return {"held": held, "needed": needed}


def readiness_for(*, user: User, profile: RoleProfilePage) -> dict:
    """How far ``user`` is from ``profile``: its learning paths with their progress, the
    self-scan against it (or the scan to take), what helps per gap, the certificates that
    count and those still needed, the circles for the role, and the ladder. At most fifteen
    queries, whatever the amount of data."""
    current = current_role_of(user=user)
    current_profile = current.profile if current else None
    next_steps = next_steps_for(profile=current_profile)
    step = next((s for s in next_steps if s.to_profile_id == profile.pk), None)

    requirements = list(RoleProfileRequirement.objects.filter(page=profile).select_related("competency"))
    required = {r.competency_id: r.level for r in requirements}
    attempt = latest_attempt_for(user=user, profile=profile)
    levels = levels_of(attempt=attempt) if attempt else {}
    rows = compare(
        names={r.competency_id: r.competency.name for r in requirements},
        levels={cid: level for cid, level in levels.items() if cid in required},
        requirements=required,
    )
    gaps = gaps_only(rows)
    recommended = recommendations(gaps=gaps)

    items = list(
        LearningPathItem.objects.filter(path__target_profile=profile)
        .select_related("path", "track")
        .order_by("path__title", "path_id", "sort_order", "pk")
    )
    # Every recommended track develops a competency the role asks, so it is one of these.
    track_ids = {t.track.pk for t in role_tracks(profile=profile, required_ids=required)} | {i.track_id for i in items}
    circles = role_circles(profile=profile, track_ids=track_ids)
    statuses = dict(Enrolment.objects.filter(user=user, track_id__in=track_ids).values_list("track_id", "status"))
    paths = _paths(items, statuses)
    certificates = list(
        Certificate.objects.filter(user=user)
        .filter(Q(track_id__in=track_ids) | Q(path_id__in=[p.path.pk for p in paths]))
        .select_related("track", "path")
        .order_by("-issued_at")
    )
    circle_ids = [c.pk for c in circles]
    sessions = list(attended_sessions(user=user).filter(circle_id__in=circle_ids)) if circles else []
    memberships = set(
        CircleMember.objects.filter(user=user, circle_id__in=circle_ids, left_at__isnull=True).values_list(
            "circle_id", flat=True
        )
    )
    taking = [
        CircleTaking(circle=c, member=c.pk in memberships, sessions=[s for s in sessions if s.circle_id == c.pk])
        for c in circles
    ]

    def circles_for(gap: Gap) -> list[LearningCirclePage]:
        """The circles counting towards a track that helps with the gap; all circles for
        the role when no track helps (learning with peers is then the way that is left)."""
        helping = {r.track.pk for r in recommended.get(gap.competency_id, [])}
        return [c for c in circles if c.track_id in helping] or ([] if helping else circles)

    return {
        "profile": profile,
        "current": current,
        "next_steps": next_steps,
        "step": step,
        "paths": paths,
        "attempt": attempt,
        "scan": SelfAssessmentPage.objects.live().filter(role_profiles=profile).order_by("path").first(),
        "rows": rows,
        "assessed": sum(1 for row in rows if row.assessed),
        "unassessed": sum(1 for row in rows if not row.assessed),
        "on_level": sum(1 for row in rows if row.assessed and not row.size),
        "advice": [
            GapAdvice(
                gap=gap,
                tracks=[(r, statuses.get(r.track.pk)) for r in recommended.get(gap.competency_id, [])],
                circles=circles_for(gap),
            )
            for gap in gaps
        ],
        "certificates": _certificates(certificates=certificates, paths=paths),
        "circles": taking,
        "ladder": ladder_for(current=current_profile, steps=[(profile, step.kind if step else None)]),
    }
