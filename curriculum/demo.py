"""Demo catalogue, learning tracks and modules, learning paths and the learning of the demo learners
(DESIGN.md). Only `seed_demo` calls this, after `seed_careers` (tracks link to its competencies and role
profiles); the content itself lives in `demo_content`."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from careers.models import Competency, RoleProfilePage
from people.models import Organisation

from . import demo_content as content
from .models import (
    Assignment,
    CatalogPage,
    Enrolment,
    LearningPath,
    LearningPathItem,
    LearningTrackPage,
    ModulePage,
    ModuleProgress,
    TrackCompetency,
)

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
def seed_curriculum(*, home, users: dict) -> dict:
    """Write the demo content; safe to run again, it only changes what differs. The demo learners'
    assignments, enrolments and progress are created once and then left alone, so their dates (relative
    to the day of the first seeding) and anything done with them in the demo stay as they are."""
    catalog = _ensure_child_page(home, CatalogPage, content.CATALOG_PAGE)
    competencies = _by_slug(Competency.objects.all(), _needed(content.TRACKS, "competencies"), "competency")
    profile_slugs = _needed(content.TRACKS, "role_profiles") | {data["target_profile"] for data in content.PATHS}
    profiles = _by_slug(RoleProfilePage.objects.all(), profile_slugs, "role profile")

    tracks, modules = {}, {}
    for data in content.TRACKS:
        track = _save_track(catalog, data, competencies=competencies, profiles=profiles)
        tracks[data["slug"]] = track
        pages = [_save_module(track, module) for module in data["modules"]]
        _keep_order(track, pages)
        modules.update({(data["slug"], page.slug): page for page in pages})

    paths = {data["slug"]: _save_path(data, tracks=tracks, profiles=profiles) for data in content.PATHS}
    learning = _seed_learning(users=users, tracks=tracks, modules=modules, paths=paths)

    return {
        "catalog_pages": 1,
        "tracks": len(tracks),
        "modules": len(modules),
        "paths": len(paths),
        "path_items": sum(len(data["items"]) for data in content.PATHS),
        **learning,
    }


def _needed(records, key) -> set:
    return {slug for record in records for slug in record[key]}


def _by_slug(queryset, slugs, label) -> dict:
    """The objects with these slugs by slug; a clear error if seed_careers has not written some yet."""
    found = {obj.slug: obj for obj in queryset.filter(slug__in=slugs)}
    missing = sorted(set(slugs) - set(found))
    if missing:
        raise LookupError(f"Missing {label} (run seed_careers first): {', '.join(missing)}")
    return found


def _ensure_child_page(parent, page_class, data):
    """The parent's child page of this type, created (live) from data if it is missing."""
    page = page_class.objects.child_of(parent).first()
    if page is None:
        page = parent.add_child(instance=page_class(**data))
    return page


def _save_track(catalog, data, *, competencies, profiles) -> LearningTrackPage:
    """Create or update one track page and publish it, unless it already matches data."""
    fields = {name: data.get(name) for name in TRACK_FIELDS}
    goals = list(data["learning_goals"])
    body = _stream_data(LearningTrackPage, "body", data["body"])
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
        page.live
        and not page.has_unpublished_changes
        and all(getattr(page, name) == value for name, value in fields.items())
        and [block.value for block in page.learning_goals] == goals
        and _stream_data_of(page.body) == body
        and set(page.role_profiles.all()) == set(role_profiles)
        and [(link.competency_id, link.level) for link in page.competencies.all()] == links
    ):
        return page

    for name, value in fields.items():
        setattr(page, name, value)
    page.learning_goals = _goal_blocks(goals)
    page.body = data["body"]
    page.role_profiles.set(role_profiles)
    page.competencies = [
        TrackCompetency(competency_id=competency_id, level=level, sort_order=position)
        for position, (competency_id, level) in enumerate(links)
    ]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _save_module(track, data) -> ModulePage:
    """Create or update one module page under its track and publish it, unless it already matches data."""
    fields = {name: data[name] for name in MODULE_FIELDS}
    body = _stream_data(ModulePage, "body", data["body"])

    page = ModulePage.objects.child_of(track).filter(slug=data["slug"]).first()
    if page is None:
        page = track.add_child(instance=ModulePage(slug=data["slug"], body=data["body"], **fields))
    elif (
        page.live
        and not page.has_unpublished_changes
        and all(getattr(page, name) == value for name, value in fields.items())
        and _stream_data_of(page.body) == body
    ):
        return page

    for name, value in fields.items():
        setattr(page, name, value)
    page.body = data["body"]
    page.save_revision().publish()
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


def _stream_data(page_class, field_name, blocks) -> list:
    """The stored form of (block_type, value) tuples in this StreamField, without block ids."""
    stream_block = page_class._meta.get_field(field_name).stream_block
    return _without_ids(stream_block.get_prep_value(stream_block.normalize(blocks)))


def _stream_data_of(stream_value) -> list:
    return _without_ids(stream_value.get_prep_value())


def _without_ids(data):
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    return data


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


def _seed_learning(*, users, tracks, modules, paths) -> dict:
    """The demo learners' assignments, enrolments and module progress. Each row is created once, on its
    natural key, with dates relative to now; an existing row is left as it is."""
    now = timezone.now()
    today = timezone.localdate()
    organisations = {org.slug: org for org in Organisation.objects.all()}
    counts = {"assignments": 0, "enrolments": 0, "module_progress": 0}

    for learner in content.DEMO_LEARNING:
        user, adviser = users[learner["email"]], users[learner["hr"]]
        organisation = organisations[learner["organisation"]]

        for data in learner["assignments"]:
            target = {"path": paths[data["path"]]} if "path" in data else {"track": tracks[data["track"]]}
            assignment, created = Assignment.objects.get_or_create(
                user=user,
                **target,
                defaults={
                    "organisation": organisation,
                    "assigned_by": adviser,
                    "due_date": today + timedelta(days=data["due_in_days"]),
                },
            )
            if created:  # created_at is auto_now_add: backdate it to when HR assigned it
                Assignment.objects.filter(pk=assignment.pk).update(
                    created_at=now - timedelta(days=data["assigned_days_ago"])
                )
            counts["assignments"] += 1

        for data in learner["enrolments"]:
            progress = [
                (modules[(data["track"], slug)], now - timedelta(days=days_ago), score)
                for slug, days_ago, score in data["progress"]
            ]
            track = tracks[data["track"]]
            enrolment, created = Enrolment.objects.get_or_create(
                user=user, track=track, defaults=_enrolment_fields(data, progress, track=track, now=now)
            )
            if created:  # requested_at is auto_now_add
                days_ago = data.get("requested_days_ago", data.get("started_days_ago", 0))
                Enrolment.objects.filter(pk=enrolment.pk).update(requested_at=now - timedelta(days=days_ago))
            counts["enrolments"] += 1

            for module, completed_at, score in progress:
                row, created = ModuleProgress.objects.get_or_create(
                    enrolment=enrolment,
                    module=module,
                    defaults={"completed_at": completed_at, "score": score, "answers": {}},
                )
                if created:  # opened_at is auto_now_add: opened on the day it was completed
                    opened_at = completed_at - timedelta(minutes=module.estimated_minutes + 20)
                    ModuleProgress.objects.filter(pk=row.pk).update(opened_at=opened_at)
                counts["module_progress"] += 1

    return counts


def _enrolment_fields(data, progress, *, track, now) -> dict:
    status = data["status"]
    fields = {"status": status, "last_module": progress[-1][0] if progress else None}
    if status in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED):
        fields["started_at"] = now - timedelta(days=data["started_days_ago"])
    if status == Enrolment.Status.COMPLETED:
        done = {module.pk for module, _, _ in progress}
        required = ModulePage.objects.child_of(track).filter(required=True)
        missing = [module.slug for module in required if module.pk not in done]
        if not progress or missing:
            raise ValueError(f"Completed enrolment in {track.slug} lacks required modules: {missing}")
        fields["completed_at"] = max(completed_at for _, completed_at, _ in progress)
    return fields
