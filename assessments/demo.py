"""Demo self-assessments, the demo learners' attempts and Anna's development plan (DESIGN.md). Only
`seed_demo` calls this, after `seed_careers` (statements and targets use its competencies and role
profiles) and `seed_curriculum` (plan items link to its tracks); the content itself lives in `demo_content`."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from careers.models import Competency, RoleProfilePage
from curriculum.models import LearningTrackPage

from . import demo_content as content
from .models import (
    Answer,
    Attempt,
    DevelopmentPlan,
    PlanItem,
    SelfAssessmentIndexPage,
    SelfAssessmentPage,
    Statement,
)

ASSESSMENT_FIELDS = ["title", "introduction", "minutes"]


@transaction.atomic
def seed_assessments(*, home, users: dict) -> dict:
    """Write the demo content; safe to run again, it only changes what differs. The demo learners' attempts,
    answers and plan items are created once and then left alone; their dates count back from the day the
    self-assessment was first published, so a later run finds the same rows."""
    competencies = _by_slug(
        Competency.objects.all(),
        {slug for data in content.ASSESSMENTS for slug, _ in data["statements"]}
        | {slug for _, slug in content.DEMO_PLAN["items"]},
        "competency",
    )
    profile_slugs = (
        {slug for data in content.ASSESSMENTS for slug in data["role_profiles"]}
        | {data["target_profile"] for data in content.DEMO_ATTEMPTS}
        | {content.DEMO_PLAN["target_profile"]}
    )
    profiles = _by_slug(RoleProfilePage.objects.all(), profile_slugs, "role profile")
    tracks = _by_slug(
        LearningTrackPage.objects.all(),
        {slug for slug, _ in content.DEMO_PLAN["items"]},
        "learning track",
        seeder="seed_curriculum",
    )

    index = _ensure_child_page(home, SelfAssessmentIndexPage, content.INDEX_PAGE)
    assessments = {
        data["slug"]: _save_assessment(index, data, competencies=competencies, profiles=profiles)
        for data in content.ASSESSMENTS
    }
    attempts, answers = _seed_attempts(users=users, assessments=assessments, profiles=profiles)
    plan_items = _seed_plan(users=users, attempts=attempts, profiles=profiles, tracks=tracks, competencies=competencies)

    return {
        "index_pages": 1,
        "assessments": len(assessments),
        "statements": sum(len(data["statements"]) for data in content.ASSESSMENTS),
        "attempts": len(attempts),
        "answers": answers,
        "development_plans": 1,
        "plan_items": plan_items,
    }


def _by_slug(queryset, slugs, label, *, seeder="seed_careers") -> dict:
    """The objects with these slugs by slug; a clear error if the seeder has not written some yet."""
    found = {obj.slug: obj for obj in queryset.filter(slug__in=slugs)}
    missing = sorted(set(slugs) - set(found))
    if missing:
        raise LookupError(f"Missing {label} (run {seeder} first): {', '.join(missing)}")
    return found


def _ensure_child_page(parent, page_class, data):
    """The parent's child page of this type, created (live) from data if it is missing."""
    page = page_class.objects.child_of(parent).first()
    if page is None:
        page = parent.add_child(instance=page_class(**data))
    return page


def _save_assessment(index, data, *, competencies, profiles) -> SelfAssessmentPage:
    """Create or update one self-assessment and publish it, unless it already matches data. Replacing the
    statements deletes the answers to statements that go away, so an unchanged page is left alone, and a
    statement whose competency and text stay the same keeps its row (and its answers)."""
    fields = {name: data[name] for name in ASSESSMENT_FIELDS}
    role_profiles = [profiles[slug] for slug in data["role_profiles"]]
    statements = [(competencies[slug].pk, text) for slug, text in data["statements"]]

    page = SelfAssessmentPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is None:
        page = index.add_child(instance=SelfAssessmentPage(slug=data["slug"], **fields))
    elif (
        page.live
        and not page.has_unpublished_changes
        and all(getattr(page, name) == value for name, value in fields.items())
        and set(page.role_profiles.all()) == set(role_profiles)
        and [(statement.competency_id, statement.text) for statement in page.statements.all()] == statements
    ):
        return page

    existing = {}
    for statement in page.statements.all():
        existing.setdefault((statement.competency_id, statement.text), statement)
    for name, value in fields.items():
        setattr(page, name, value)
    page.role_profiles.set(role_profiles)
    page.statements = [
        _statement(existing.pop(key, None), competency_id=key[0], text=key[1], sort_order=position)
        for position, key in enumerate(statements)
    ]
    page.save_revision().publish()
    # A fresh instance: this one still holds the statements as they were before publishing saved them.
    return SelfAssessmentPage.objects.get(pk=page.pk)


def _statement(statement, *, competency_id, text, sort_order) -> Statement:
    if statement is None:
        return Statement(competency_id=competency_id, text=text, sort_order=sort_order)
    statement.sort_order = sort_order
    return statement


def _anchor(page):
    """The moment the demo dates count back from: when the seeding first published this page."""
    return page.first_published_at or timezone.now()


def _seed_attempts(*, users, assessments, profiles) -> tuple[dict, int]:
    """The demo learners' submitted attempts and their answers, keyed on (user, assessment, day submitted).
    An existing attempt or answer is left as it is."""
    attempts, answers = {}, 0
    for data in content.DEMO_ATTEMPTS:
        user, assessment = users[data["email"]], assessments[data["assessment"]]
        anchor = _anchor(assessment)
        submitted_at = anchor - timedelta(days=data["submitted_days_ago"])
        shared_days_ago = data["shared_days_ago"]
        attempt, created = Attempt.objects.get_or_create(
            user=user,
            assessment=assessment,
            submitted_at__date=timezone.localdate(submitted_at),
            defaults={
                "status": Attempt.Status.SUBMITTED,
                "target_profile": profiles[data["target_profile"]],
                "submitted_at": submitted_at,
                "shared_with_organisation_at": (
                    None if shared_days_ago is None else anchor - timedelta(days=shared_days_ago)
                ),
            },
        )
        if created:  # started_at is auto_now_add: started as long before submitting as the scan takes
            started_at = submitted_at - timedelta(minutes=assessment.minutes)
            Attempt.objects.filter(pk=attempt.pk).update(started_at=started_at)
        attempts[(data["email"], data["assessment"], data["submitted_days_ago"])] = attempt

        for statement in Statement.objects.filter(page=assessment).select_related("competency"):
            Answer.objects.get_or_create(
                attempt=attempt, statement=statement, defaults={"level": data["levels"][statement.competency.slug]}
            )
            answers += 1
    return attempts, answers


def _seed_plan(*, users, attempts, profiles, tracks, competencies) -> int:
    """Anna's development plan, based on her latest attempt, and its plan items."""
    data = content.DEMO_PLAN
    user = users[data["email"]]
    attempt = attempts[(data["email"], data["attempt"]["assessment"], data["attempt"]["submitted_days_ago"])]
    target = profiles[data["target_profile"]]

    plan = DevelopmentPlan.objects.filter(user=user).first()
    if plan is None or plan.target_profile_id != target.pk or plan.attempt_id != attempt.pk:
        # update_or_create always saves, and updated_at is auto_now: only call it when something differs.
        plan, created = DevelopmentPlan.objects.update_or_create(
            user=user, defaults={"target_profile": target, "attempt": attempt}
        )
    else:
        created = False
    created_at = _anchor(attempt.assessment) - timedelta(days=data["created_days_ago"])

    for position, (track_slug, competency_slug) in enumerate(data["items"]):
        item, item_created = PlanItem.objects.get_or_create(
            plan=plan, track=tracks[track_slug], defaults={"competency": competencies[competency_slug]}
        )
        if item_created:  # added_at is auto_now_add: added one after the other when the plan was made
            PlanItem.objects.filter(pk=item.pk).update(added_at=created_at + timedelta(minutes=position + 1))
    if created:  # updated_at is auto_now: last touched when the last item was added
        DevelopmentPlan.objects.filter(pk=plan.pk).update(updated_at=created_at + timedelta(minutes=len(data["items"])))
    return len(data["items"])
