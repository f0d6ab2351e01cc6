"""Demo competencies, role profiles, career paths and careers (DESIGN.md). Only `seed_demo`
calls this; the content itself lives in `demo_content`."""

from django.db import transaction
from django.utils import timezone

from . import demo_content as content
from .models import (
    CareerMapPage,
    CareerPath,
    CareerStep,
    Competency,
    CurrentRole,
    Method,
    RoleProfileIndexPage,
    RoleProfilePage,
    RoleProfileRequirement,
)

PROFILE_FIELDS = ["title", "family", "pmo_level", "salary_scale", "phasing_out", "summary", "job_titles"]


@transaction.atomic
def seed_careers(*, home, users: dict) -> dict:
    """Write the demo content; safe to run again, it only changes what differs."""
    competencies = {}
    for data in content.COMPETENCIES:
        fields = dict(data)
        slug = fields.pop("slug")
        competencies[slug], _ = Competency.objects.update_or_create(slug=slug, defaults=fields)
    methods = {}
    for name, description in content.METHODS:
        methods[name], _ = Method.objects.update_or_create(name=name, defaults={"description": description})

    index = _ensure_child_page(home, RoleProfileIndexPage, content.INDEX_PAGE)
    profiles = {
        data["slug"]: _save_profile(index, data, competencies=competencies, methods=methods)
        for data in content.PROFILES
    }
    _ensure_child_page(home, CareerMapPage, content.CAREER_MAP_PAGE)

    for from_slug, to_slug, kind, description in content.PATHS:
        CareerPath.objects.update_or_create(
            from_profile=profiles[from_slug],
            to_profile=profiles[to_slug],
            defaults={"kind": kind, "description": description},
        )

    steps = 0
    for career in content.DEMO_CAREERS:
        user, hr = users[career["email"]], users[career["hr"]]
        _set_current_role(user, profile=profiles[career["current"]], since=career["since"], confirmed_by=hr)
        for from_slug, to_slug, when, note in career["history"]:
            CareerStep.objects.get_or_create(
                user=user,
                to_profile=profiles[to_slug],
                date=when,
                defaults={"from_profile": profiles.get(from_slug), "note": note, "recorded_by": hr},
            )
            steps += 1

    return {
        "competencies": len(competencies),
        "methods": len(methods),
        "profiles": len(profiles),
        "paths": len(content.PATHS),
        "current_roles": len(content.DEMO_CAREERS),
        "career_steps": steps,
    }


def _ensure_child_page(parent, page_class, data):
    """The parent's child page of this type, created (live) from data if it is missing."""
    page = page_class.objects.child_of(parent).first()
    if page is None:
        page = parent.add_child(instance=page_class(**data))
    return page


def _save_profile(index, data, *, competencies, methods) -> RoleProfilePage:
    """Create or update one profile page and publish it, unless it already matches data."""
    fields = {name: data[name] for name in PROFILE_FIELDS}
    tasks = list(data["core_tasks"])
    page_methods = [methods[name] for name in data["methods"]]
    requirements = [(competencies[slug].pk, level) for slug, level in data["requirements"].items()]

    page = RoleProfilePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is None:
        page = index.add_child(instance=RoleProfilePage(slug=data["slug"], core_tasks=_task_blocks(tasks), **fields))
    elif (
        page.live
        and not page.has_unpublished_changes
        and all(getattr(page, name) == value for name, value in fields.items())
        and [block.value for block in page.core_tasks] == tasks
        and set(page.methods.all()) == set(page_methods)
        and [(r.competency_id, r.level) for r in page.requirements.all()] == requirements
    ):
        return page

    for name, value in fields.items():
        setattr(page, name, value)
    page.core_tasks = _task_blocks(tasks)
    page.methods.set(page_methods)
    page.requirements = [
        RoleProfileRequirement(competency_id=competency_id, level=level, sort_order=position)
        for position, (competency_id, level) in enumerate(requirements)
    ]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _task_blocks(tasks):
    return [("task", task) for task in tasks]


def _set_current_role(user, *, profile, since, confirmed_by):
    """Declare and confirm the user's current role; leave an identical confirmed role alone."""
    wanted = {"profile": profile, "since": since, "confirmed_by": confirmed_by}
    role = CurrentRole.objects.filter(user=user).first()
    if role and role.confirmed_at and all(getattr(role, name) == value for name, value in wanted.items()):
        return role
    role, _ = CurrentRole.objects.update_or_create(user=user, defaults={**wanted, "confirmed_at": timezone.now()})
    return role
