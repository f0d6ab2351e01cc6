"""The catalogue, learning tracks with their modules, and learning paths, written as an editor would.
Runs after `seed_careers`: tracks and paths link to its competencies and role profiles."""

from django.db import transaction

from careers.models import Competency, RoleProfilePage
from curriculum.models import (
    CatalogPage,
    LearningPath,
    LearningPathItem,
    LearningTrackPage,
    ModulePage,
    TrackCompetency,
)

from ..content import curriculum as content
from .pages import by_slug, ensure_child_page, is_published_as, publish, stream_data, stream_data_of

TRACK_FIELDS = [
    "title",
    "summary",
    "format",
    "study_load_hours",
    "scale_min",
    "scale_max",
    "family",
    "leads_to_certificate",
    "certificate_validity_months",
    "requires_approval",
]
MODULE_FIELDS = ["title", "introduction", "required", "estimated_minutes"]


@transaction.atomic
def seed_curriculum(*, home) -> dict:
    """Write the content; safe to run again, it only changes what differs."""
    catalog = ensure_child_page(home, CatalogPage, content.CATALOG_PAGE)
    competencies = by_slug(Competency.objects.all(), _needed(content.TRACKS, "competencies"), "competency")
    profile_slugs = _needed(content.TRACKS, "role_profiles") | {data["target_profile"] for data in content.PATHS}
    profiles = by_slug(RoleProfilePage.objects.all(), profile_slugs, "role profile")

    tracks, modules = {}, 0
    for data in content.TRACKS:
        track = _save_track(catalog, data, competencies=competencies, profiles=profiles)
        tracks[data["slug"]] = track
        pages = [_save_module(track, module) for module in data["modules"]]
        _keep_order(track, pages)
        modules += len(pages)

    for data in content.PATHS:
        _save_path(data, tracks=tracks, profiles=profiles)

    return {
        "catalog_pages": 1,
        "tracks": len(tracks),
        "modules": modules,
        "paths": len(content.PATHS),
        "path_items": sum(len(data["items"]) for data in content.PATHS),
    }


def _needed(records, key) -> set:
    return {slug for record in records for slug in record[key]}


def _save_track(catalog, data, *, competencies, profiles) -> LearningTrackPage:
    """Create or update one track page and publish it, unless it already matches data."""
    fields = {name: data.get(name) for name in TRACK_FIELDS}
    goals = list(data["learning_goals"])
    body = stream_data(LearningTrackPage, "body", data["body"])
    role_profiles = [profiles[slug] for slug in data["role_profiles"]]
    links = [(competencies[slug].pk, level) for slug, level in data["competencies"].items()]

    page = LearningTrackPage.objects.child_of(catalog).filter(slug=data["slug"]).first()
    if page is None:
        page = catalog.add_child(
            instance=LearningTrackPage(
                slug=data["slug"], learning_goals=_goal_blocks(goals), body=data["body"], **fields
            )
        )
    elif (
        is_published_as(page, fields)
        and [block.value for block in page.learning_goals] == goals
        and stream_data_of(page.body) == body
        and set(page.role_profiles.all()) == set(role_profiles)
        and [(link.competency_id, link.level) for link in page.competencies.all()] == links
    ):
        return page

    page.learning_goals = _goal_blocks(goals)
    page.body = data["body"]
    page.role_profiles.set(role_profiles)
    page.competencies = [
        TrackCompetency(competency_id=competency_id, level=level, sort_order=position)
        for position, (competency_id, level) in enumerate(links)
    ]
    publish(page, fields)
    page.refresh_from_db()
    return page


def _save_module(track, data) -> ModulePage:
    """Create or update one module page under its track and publish it, unless it already matches data."""
    fields = {name: data[name] for name in MODULE_FIELDS}
    body = stream_data(ModulePage, "body", data["body"])

    page = ModulePage.objects.child_of(track).filter(slug=data["slug"]).first()
    if page is None:
        page = track.add_child(instance=ModulePage(slug=data["slug"], body=data["body"], **fields))
    elif is_published_as(page, fields) and stream_data_of(page.body) == body:
        return page

    page.body = data["body"]
    publish(page, fields)
    page.refresh_from_db()
    return page


def _keep_order(parent, pages):
    """Put these children of parent in this order (after any others), if they are not already."""
    wanted = [page.pk for page in pages]
    current = [pk for pk in parent.get_children().values_list("pk", flat=True) if pk in wanted]
    if current == wanted:
        return
    for pk in wanted:
        # Fresh instances: every move changes tree paths.
        ModulePage.objects.get(pk=pk).move(LearningTrackPage.objects.get(pk=parent.pk), pos="last-child")


def _goal_blocks(goals):
    return [("goal", goal) for goal in goals]


def _save_path(data, *, tracks, profiles) -> LearningPath:
    """Create or update a learning path; its items are replaced only when they differ."""
    path, _ = LearningPath.objects.update_or_create(
        slug=data["slug"],
        defaults={
            "title": data["title"],
            "description": data["description"],
            "target_profile": profiles[data["target_profile"]],
            "min_electives": data["min_electives"],
        },
    )
    items = [(tracks[slug].pk, required) for slug, required in data["items"]]
    if [(item.track_id, item.required) for item in path.items.all()] != items:
        path.items = [
            LearningPathItem(track_id=track_id, required=required, sort_order=position)
            for position, (track_id, required) in enumerate(items)
        ]
        path.save()
    return path
