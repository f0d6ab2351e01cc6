"""Competencies, methods, role profiles and career paths, written as an editor would."""

from django.db import transaction

from careers.models import (
    CareerMapPage,
    CareerPath,
    Competency,
    Method,
    RoleProfileIndexPage,
    RoleProfilePage,
    RoleProfileRequirement,
)

from ..content import careers as content
from .pages import ensure_child_page, is_published_as, publish

PROFILE_FIELDS = ["title", "family", "pmo_level", "salary_scale", "phasing_out", "summary", "job_titles"]


@transaction.atomic
def seed_careers(*, home) -> dict:
    """Write the content; safe to run again, it only changes what differs."""
    competencies = {}
    for data in content.COMPETENCIES:
        fields = dict(data)
        slug = fields.pop("slug")
        competencies[slug], _ = Competency.objects.update_or_create(slug=slug, defaults=fields)
    methods = {}
    for name, description in content.METHODS:
        methods[name], _ = Method.objects.update_or_create(name=name, defaults={"description": description})

    index = ensure_child_page(home, RoleProfileIndexPage, content.INDEX_PAGE)
    profiles = {
        data["slug"]: _save_profile(index, data, competencies=competencies, methods=methods)
        for data in content.PROFILES
    }
    ensure_child_page(home, CareerMapPage, content.CAREER_MAP_PAGE)

    for from_slug, to_slug, kind, description in content.PATHS:
        CareerPath.objects.update_or_create(
            from_profile=profiles[from_slug],
            to_profile=profiles[to_slug],
            defaults={"kind": kind, "description": description},
        )

    return {
        "competencies": len(competencies),
        "methods": len(methods),
        "profiles": len(profiles),
        "paths": len(content.PATHS),
    }


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
        is_published_as(page, fields)
        and [block.value for block in page.core_tasks] == tasks
        and set(page.methods.all()) == set(page_methods)
        and [(r.competency_id, r.level) for r in page.requirements.all()] == requirements
    ):
        return page

    page.core_tasks = _task_blocks(tasks)
    page.methods.set(page_methods)
    page.requirements = [
        RoleProfileRequirement(competency_id=competency_id, level=level, sort_order=position)
        for position, (competency_id, level) in enumerate(requirements)
    ]
    publish(page, fields)
    page.refresh_from_db()
    return page


def _task_blocks(tasks):
    return [("task", task) for task in tasks]
