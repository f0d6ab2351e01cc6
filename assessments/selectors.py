"""Reads for self-assessments: steps, results with gaps and recommendations, history,
second opinions, the development plan, and HR's organisation-wide view."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Avg, Count, OuterRef, Subquery
from django.utils.functional import SimpleLazyObject

from careers.models import Competency, RoleProfilePage, RoleProfileRequirement
from careers.selectors import career_record
from common.tokens import hash_token
from curriculum.models import Enrolment, LearningTrackPage, TrackCompetency
from people.models import Organisation, User
from people.selectors import can_hr_see

from .models import Answer, Attempt, DevelopmentPlan, Invitation, RaterAnswer, SelfAssessmentPage, Statement
from .scoring import Gap, compare, competency_levels, gaps_only

MIN_GROUP_SIZE = 5


def steps_of(*, assessment: SelfAssessmentPage) -> list[tuple[Competency, list[Statement]]]:
    """One step per competency, in the order its first statement appears. Reads the page's
    own relation, so a preview shows the statements being edited, also of an unsaved page."""
    statements = assessment.statements.all().select_related("competency").order_by("sort_order", "pk")
    groups: dict[int, list[Statement]] = {}
    for statement in statements:
        groups.setdefault(statement.competency_id, []).append(statement)
    return [(group[0].competency, group) for group in groups.values()]


def assessment_page_data(*, assessment: SelfAssessmentPage, user: User) -> dict:
    # Read only when the page's fragment with it is not kept ({% fragment %}).
    steps = SimpleLazyObject(lambda: len(steps_of(assessment=assessment)))
    if not user.is_authenticated or assessment.pk is None:  # anonymous, or a new page's preview
        return {"draft": None, "submitted": [], "step_count": steps}
    attempts = list(Attempt.objects.filter(user=user, assessment=assessment).order_by("-started_at"))
    return {
        "draft": next((a for a in attempts if a.status == Attempt.Status.DRAFT), None),
        "submitted": [a for a in attempts if a.status == Attempt.Status.SUBMITTED],
        "step_count": steps,
    }


def own_attempt(*, user: User, attempt_id: int) -> Attempt | None:
    return Attempt.objects.select_related("assessment", "target_profile").filter(pk=attempt_id, user=user).first()


def hr_visible_attempt(*, adviser: User, attempt_id: int) -> Attempt | None:
    """A shared, submitted attempt of someone the adviser may see; None otherwise."""
    attempt = (
        Attempt.objects.select_related("assessment", "target_profile", "user")
        .filter(pk=attempt_id, status=Attempt.Status.SUBMITTED, shared_with_organisation_at__isnull=False)
        .first()
    )
    if attempt is None or attempt.user_id == adviser.pk or not can_hr_see(adviser=adviser, person=attempt.user):
        return None
    return attempt


def invitation_by_token(*, token: str) -> Invitation | None:
    """The invitation of a second-opinion link, used or not, expired or not."""
    return (
        Invitation.objects.select_related("attempt__user", "attempt__assessment")
        .filter(token_hash=hash_token(token))
        .first()
    )


def answers_by_statement(*, attempt: Attempt) -> dict[int, int]:
    return dict(Answer.objects.filter(attempt=attempt).values_list("statement_id", "level"))


def levels_of(*, attempt: Attempt) -> dict[int, float]:
    return competency_levels(Answer.objects.filter(attempt=attempt).values_list("statement__competency_id", "level"))


def requirements_of(*, profile: RoleProfilePage | None) -> dict[int, int]:
    if profile is None:
        return {}
    return dict(RoleProfileRequirement.objects.filter(page=profile).values_list("competency_id", "level"))


@dataclass(frozen=True)
class Recommendation:
    """A live track that raises a gap's competency: to ``level``, the level the role asks
    or more (``reaches``), or part of the way, a step above where the person is now."""

    track: LearningTrackPage
    level: int
    reaches: bool


def recommendations(*, gaps: list[Gap]) -> dict[int, list[Recommendation]]:
    """For each gap, the live tracks that take the competency above the person's level:
    first those that reach the required level (the nearest level first), then those that
    bring it part of the way (the highest level first); by title within a level. A track
    that brings the competency no higher than the person is now is left out. One query for
    all gaps."""
    if not gaps:
        return {}
    by_competency = {gap.competency_id: gap for gap in gaps}
    links = (
        TrackCompetency.objects.filter(competency_id__in=by_competency, page__live=True)
        .select_related("page")
        .order_by("page__title", "page_id")
    )
    result: dict[int, list[Recommendation]] = defaultdict(list)
    for link in links:
        gap = by_competency[link.competency_id]
        if link.level > gap.level:
            result[link.competency_id].append(
                Recommendation(track=link.page, level=link.level, reaches=link.level >= gap.required)
            )
    for found in result.values():
        found.sort(key=lambda r: (not r.reaches, r.level if r.reaches else -r.level))
    return dict(result)


def comparison_profile(*, attempt: Attempt) -> RoleProfilePage | None:
    """The role a result is compared with: the chosen target, else the person's current role."""
    if attempt.target_profile_id:
        return attempt.target_profile
    current = career_record(person=attempt.user)["current"]
    return current.profile if current else None


def result_data(*, attempt: Attempt, profile: RoleProfilePage | None, viewer: User | None = None) -> dict:
    """Everything a result page shows, in a fixed number of queries."""
    from .charts import comparison_chart, history_chart

    steps = steps_of(assessment=attempt.assessment)
    names = {competency.pk: competency.name for competency, _ in steps}
    requirements = requirements_of(profile=profile)
    names.update(dict(Competency.objects.filter(pk__in=set(requirements) - set(names)).values_list("pk", "name")))
    levels = levels_of(attempt=attempt)
    rows = compare(names=names, levels=levels, requirements=requirements)
    gaps = gaps_only(rows)
    recommended = recommendations(gaps=gaps)
    enrolled = {}
    planned: set[int] = set()
    if viewer is not None and viewer.pk == attempt.user_id:
        track_ids = [r.track.pk for found in recommended.values() for r in found]
        enrolled = dict(Enrolment.objects.filter(user=viewer, track_id__in=track_ids).values_list("track_id", "status"))
        planned = set(DevelopmentPlan.objects.filter(user=viewer).values_list("items__track_id", flat=True))
    history = history_of(attempt=attempt, names=names)
    opinions = second_opinions(attempt=attempt, steps=steps)
    return {
        "rows": rows,
        "gaps": [
            {
                "gap": gap,
                "tracks": [
                    (r, enrolled.get(r.track.pk), r.track.pk in planned) for r in recommended.get(gap.competency_id, [])
                ],
            }
            for gap in gaps
        ],
        "chart": comparison_chart(rows),
        "history": history,
        "history_chart": history_chart(history),
        "opinions": opinions,
        "profile": profile,
    }


def history_of(*, attempt: Attempt, names: dict[int, str]) -> dict:
    """Levels per competency for every submitted attempt of this person and assessment, oldest first."""
    attempts = list(
        Attempt.objects.filter(
            user_id=attempt.user_id, assessment_id=attempt.assessment_id, status=Attempt.Status.SUBMITTED
        ).order_by("submitted_at")
    )
    rows = Answer.objects.filter(attempt__in=attempts).values_list("attempt_id", "statement__competency_id", "level")
    per_attempt: dict[int, list] = defaultdict(list)
    for attempt_id, competency_id, level in rows:
        per_attempt[attempt_id].append((competency_id, level))
    levels = {a.pk: competency_levels(per_attempt[a.pk]) for a in attempts}
    return {
        "attempts": attempts,
        "competencies": [(cid, name) for cid, name in names.items() if any(cid in lv for lv in levels.values())],
        "levels": levels,
    }


def second_opinions(*, attempt: Attempt, steps) -> list[dict]:
    """Per used invitation, the rater's levels per competency next to the person's own."""
    invitations = list(Invitation.objects.filter(attempt=attempt, used_at__isnull=False).order_by("used_at"))
    if not invitations:
        return []
    own = levels_of(attempt=attempt)
    rated = defaultdict(list)
    for invitation_id, competency_id, level in RaterAnswer.objects.filter(invitation__in=invitations).values_list(
        "invitation_id", "statement__competency_id", "level"
    ):
        rated[invitation_id].append((competency_id, level))
    return [
        {
            "invitation": invitation,
            "rows": [
                (competency, own.get(competency.pk), competency_levels(rated[invitation.pk]).get(competency.pk))
                for competency, _ in steps
            ],
        }
        for invitation in invitations
    ]


def development_plan(*, user: User) -> dict | None:
    plan = DevelopmentPlan.objects.filter(user=user).select_related("target_profile", "attempt").first()
    if plan is None:
        return None
    items = list(plan.items.select_related("track", "competency"))
    statuses = dict(
        Enrolment.objects.filter(user=user, track_id__in=[i.track_id for i in items]).values_list("track_id", "status")
    )
    gaps = []
    if plan.attempt_id and plan.target_profile_id:
        names = dict(Competency.objects.values_list("pk", "name"))
        gaps = gaps_only(
            compare(
                names=names,
                levels=levels_of(attempt=plan.attempt),
                requirements=requirements_of(profile=plan.target_profile),
            )
        )
    return {"plan": plan, "items": [(item, statuses.get(item.track_id)) for item in items], "gaps": gaps}


def latest_attempts(*, user: User, limit: int = 3) -> list[Attempt]:
    return list(
        Attempt.objects.filter(user=user, status=Attempt.Status.SUBMITTED)
        .select_related("assessment")
        .only("id", "user_id", "assessment_id", "status", "submitted_at", "assessment__title", "assessment__url_path")
        .order_by("-submitted_at")[:limit]
    )


def shared_attempts(*, organisations) -> list[Attempt]:
    """The latest shared result per person and assessment, for people of these organisations."""
    return list(
        Attempt.objects.filter(
            status=Attempt.Status.SUBMITTED,
            shared_with_organisation_at__isnull=False,
            user__memberships__organisation__in=organisations,
        )
        .select_related("user", "assessment", "target_profile")
        .distinct()
        .order_by("user__full_name", "-submitted_at")
    )


def organisation_heatmap(
    *, organisation: Organisation, assessment: SelfAssessmentPage, profile: RoleProfilePage | None
) -> dict:
    """Average level per competency over the latest result each member shared with HR,
    against the profile's requirement.

    Only shared results count: a result someone keeps to themselves never changes what HR
    sees, so comparing the map before and after a submission reveals nothing. HR can open
    every shared result on its own anyway. A group, and each competency in it, is shown only
    for at least MIN_GROUP_SIZE sharers; smaller groups return ``hidden``."""
    shared = Attempt.objects.filter(
        assessment=assessment, status=Attempt.Status.SUBMITTED, shared_with_organisation_at__isnull=False
    )
    latest = shared.filter(user=OuterRef("user")).order_by("-submitted_at", "-pk")
    attempts = shared.filter(
        user__memberships__organisation=organisation,
        pk=Subquery(latest.values("pk")[:1]),
    ).distinct()
    people = attempts.values("user").distinct().count()
    if people < MIN_GROUP_SIZE:
        return {"hidden": True, "people": people, "min_size": MIN_GROUP_SIZE}
    averages = (
        Answer.objects.filter(attempt__in=attempts)
        .values("statement__competency_id", "statement__competency__name")
        .annotate(average=Avg("level"), sharers=Count("attempt", distinct=True))
        .order_by("statement__competency__name")
    )
    requirements = requirements_of(profile=profile)
    rows = []
    for row in averages:
        if row["sharers"] < MIN_GROUP_SIZE:  # e.g. a statement added after most people answered
            continue
        required = requirements.get(row["statement__competency_id"])
        average = round(row["average"], 1)
        rows.append(
            {
                "name": row["statement__competency__name"],
                "average": average,
                "required": required,
                "gap": round(required - average, 1) if required is not None else None,
            }
        )
    return {"hidden": False, "people": people, "rows": rows, "min_size": MIN_GROUP_SIZE}
