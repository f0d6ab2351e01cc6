"""Reads for the catalogue, tracks, the learner dashboard, HR status tables and reminders.

Whether an assignment is finished is derived, in SQL, from the learner's completed
enrolments: a track assignment when the track is completed, a path assignment when every
required track and at least ``min_electives`` electives are. Nothing has to be kept in sync.
"""

import datetime
from collections import defaultdict
from typing import NamedTuple

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify

from careers.models import RoleProfilePage
from people.models import REQUEST_DECISION_DAYS_DEFAULT, Membership, Organisation, User
from people.selectors import hr_advisers_of, organisations_advised_by

from .models import (
    Assignment,
    AssignmentBatch,
    CatalogPage,
    Enrolment,
    LearningPath,
    LearningPathItem,
    LearningTrackPage,
    ModulePage,
    ModuleProgress,
    ReminderSent,
    RequestReminder,
)

STARTED = [Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]
STATUS_TABLE_PAGE_SIZE = 50
# A request HR has not decided in time is reminded about once in this many days.
REQUEST_REMINDER_INTERVAL_DAYS = 7


# Tracks and modules ------------------------------------------------------------------


def live_modules(*, track: LearningTrackPage) -> QuerySet[ModulePage]:
    return ModulePage.objects.live().child_of(track).order_by("path")


def required_module_ids(*, track: LearningTrackPage) -> list[int]:
    return list(live_modules(track=track).filter(required=True).values_list("pk", flat=True))


def is_assigned(*, user: User, track: LearningTrackPage) -> bool:
    return Assignment.objects.filter(Q(track=track) | Q(path__items__track=track), user=user).exists()


def track_page_data(*, track: LearningTrackPage, user: User) -> dict:
    """Everything a track page shows. The competencies and role profiles are read through
    the page's own relations, so the admin's preview shows the ones being edited (held in
    memory, on a page that may not be saved yet); a page without a primary key has no
    enrolments or assignments to look up. Without an enrolment (every anonymous reader) the
    module list is the same for everyone: it is read only when its fragment is not kept."""
    saved = track.pk is not None
    enrolment = None
    done: set[int] = set()
    if user.is_authenticated and saved:
        enrolment = (
            with_decision_days(Enrolment.objects.filter(user=user, track=track)).select_related("last_module").first()
        )
    if enrolment is None:
        return {
            "modules": SimpleLazyObject(lambda: [(module, False) for module in live_modules(track=track)]),
            "enrolment": None,
            "resume_module": None,
            "required_total": 0,
            "required_done": 0,
            "percent": 0,
            **track_links(track),
            "assigned": saved and user.is_authenticated and is_assigned(user=user, track=track),
        }
    modules = list(live_modules(track=track))
    if enrolment:
        set_request_age(enrolment, today=timezone.localdate())
        done = set(
            ModuleProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
                "module_id", flat=True
            )
        )
    required = [m for m in modules if m.required]
    required_done = sum(1 for m in required if m.pk in done)
    resume = None
    if enrolment and enrolment.is_open:
        resume = next((m for m in modules if m.pk not in done), None) or enrolment.last_module
    return {
        "modules": [(module, module.pk in done) for module in modules],
        "enrolment": enrolment,
        "resume_module": resume,
        "required_total": len(required),
        "required_done": required_done,
        "percent": round(100 * required_done / len(required)) if required else 0,
        **track_links(track),
        "assigned": saved and user.is_authenticated and is_assigned(user=user, track=track),
    }


def track_links(track: LearningTrackPage) -> dict:
    """The track's competencies and role profiles, read only when the page's fragment with
    them is not kept ({% fragment %})."""
    return {
        "track_competencies": SimpleLazyObject(
            lambda: sorted(track.competencies.all().select_related("competency"), key=lambda link: link.competency.name)
        ),
        "track_profiles": SimpleLazyObject(
            lambda: sorted((p for p in track.role_profiles.all() if p.live), key=lambda p: p.title)
        ),
    }


def module_context(*, module: ModulePage, track: LearningTrackPage, user: User) -> dict:
    siblings = list(live_modules(track=track).only("pk", "title", "url_path", "path", "depth"))
    position = next((i for i, m in enumerate(siblings) if m.pk == module.pk), 0)
    enrolment = Enrolment.objects.filter(user=user, track=track).first() if user.is_authenticated else None
    progress = None
    if enrolment is not None:
        progress = ModuleProgress.objects.filter(enrolment=enrolment, module=module).first()
    return {
        "track": track,
        "enrolment": enrolment,
        "progress": progress,
        "position": position + 1,
        "module_count": len(siblings),
        "previous_module": siblings[position - 1] if position > 0 else None,
        "next_module": siblings[position + 1] if position + 1 < len(siblings) else None,
    }


# The catalogue -----------------------------------------------------------------------

CATALOG_PAGE_SIZE = 24
# A page number beyond this is beyond the last page: it keeps the offset within the database's range.
CATALOG_MAX_PAGE = 10**6
# What a card in the catalogue reads of a track, and nothing else: a track page is some forty
# columns (the page tree's and the StreamFields), and building them was a third of the page.
CATALOG_CARD_FIELDS = (
    "title",
    "slug",
    "locale",
    "summary",
    "format",
    "study_load_hours",
    "scale_min",
    "scale_max",
    "leads_to_certificate",
)


def catalog_page_number(value) -> int:
    """The page number asked for in ``?pagina=``, as ``Paginator.get_page`` reads it: text
    (a NUL byte, 100,000 digits) is the first page, zero or less too."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), CATALOG_MAX_PAGE)


def catalog_page_of(tracks: QuerySet[LearningTrackPage], value) -> Page:
    """One page of ``tracks``, as ``Paginator(tracks, CATALOG_PAGE_SIZE).get_page(value)``
    answers it, in one query instead of two: the slice carries the number of tracks found
    (``COUNT(*) OVER ()``), so the count needs no query of its own. Only a page number beyond
    the last page, which finds no row, costs the count and the last page besides."""
    number = catalog_page_number(value)
    paginator = Paginator(tracks, CATALOG_PAGE_SIZE)
    start = (number - 1) * CATALOG_PAGE_SIZE
    rows = list(tracks.annotate(found=Window(Count("pk")))[start : start + CATALOG_PAGE_SIZE])
    if not rows and number > 1:
        page = paginator.get_page(number)
        page.object_list = list(page.object_list)
        return page
    paginator.count = rows[0].found if rows else 0  # the cached property, filled in
    return Page(rows, number, paginator)


def catalog(
    *,
    catalog_page: CatalogPage,
    user: User,
    q: str = "",
    role_profile: RoleProfilePage | None = None,
    competency=None,
    format: str = "",
    scale: int | None = None,
    page_number=1,
) -> dict:
    """One page of the live tracks of the catalogue that pass the filters, by title or, with a
    search ``q``, by relevance; with the reader's enrolment in each track shown. The queries
    are the same however many tracks there are: the filters are subqueries (no join that
    repeats a track, so no DISTINCT), and only the tracks of the page become objects."""
    tracks = LearningTrackPage.objects.live().child_of(catalog_page)
    if role_profile is not None:
        tracks = tracks.filter(pk__in=LearningTrackPage.objects.filter(role_profiles=role_profile).values("pk"))
    if competency is not None:
        tracks = tracks.filter(
            pk__in=LearningTrackPage.objects.filter(competencies__competency=competency).values("pk")
        )
    if format:
        tracks = tracks.filter(format=format)
    if scale:
        tracks = tracks.filter(Q(scale_min__isnull=True) | Q(scale_min__lte=scale)).filter(
            Q(scale_max__isnull=True) | Q(scale_max__gte=scale)
        )
    tracks = tracks.only(*CATALOG_CARD_FIELDS)
    if q:
        # The search ranks every track it finds: only their keys, the filters and the page follow.
        ranked = [page.pk for page in LearningTrackPage.objects.live().child_of(catalog_page).only("pk").search(q)]
        kept = set(tracks.filter(pk__in=ranked).values_list("pk", flat=True)) if ranked else set()
        page = Paginator([pk for pk in ranked if pk in kept], CATALOG_PAGE_SIZE).get_page(page_number)
        by_pk = {track.pk: track for track in tracks.filter(pk__in=page.object_list)} if page.object_list else {}
        page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    else:
        page = catalog_page_of(tracks.order_by("title", "pk"), page_number)
    enrolments = {}
    if user.is_authenticated and page.object_list:
        shown = [track.pk for track in page.object_list]
        enrolments = {e.track_id: e for e in Enrolment.objects.filter(user=user, track__in=shown)}
    return {
        "tracks": [(track, enrolments.get(track.pk)) for track in page.object_list],
        "page_obj": page,
        "query": q,
    }


# Assignment status -------------------------------------------------------------------


def with_status(assignments: QuerySet[Assignment], *, today: datetime.date) -> QuerySet[Assignment]:
    """Annotate ``finished``, ``started`` and ``late`` on assignments, in SQL. ``finished``
    is the column ``finished_at`` that curriculum.status keeps; ``started`` asks whether the
    learner began the track or a track of the path."""
    return assignments.annotate(
        finished=ExpressionWrapper(Q(finished_at__isnull=False), output_field=BooleanField()),
        late=ExpressionWrapper(Q(finished_at__isnull=True, due_date__lt=today), output_field=BooleanField()),
        started=Exists(
            Enrolment.objects.filter(user=OuterRef("user"), status__in=STARTED).filter(
                Q(track=OuterRef("track")) | Q(track__path_items__path=OuterRef("path"))
            )
        ),
    )


def set_status(
    assignment: Assignment, *, today: datetime.date, started_tracks: set[int], path_tracks: list[int]
) -> Assignment:
    """``with_status`` for one assignment already read, in Python, by the same rules: the
    learner's tracks begun or finished (``started_tracks``) and, for a path, its tracks. For a
    page that has read these anyway (the learner dashboard); a test holds both to the same
    answers."""
    assignment.finished = assignment.finished_at is not None
    assignment.late = assignment.finished_at is None and assignment.due_date < today
    assignment.started = assignment.track_id in started_tracks or any(t in started_tracks for t in path_tracks)
    return assignment


STATUS_FILTERS = {
    "niet-gestart": Q(finished=False, started=False),
    "bezig": Q(finished=False, started=True),
    "afgerond": Q(finished=True),
    "te-laat": Q(late=True),
}


def status_summary(assignments: QuerySet[Assignment]) -> dict[str, int]:
    """Counts per status of status-annotated assignments, in one query. (The aggregate
    aliases must differ from the annotation names, or they shadow them.)"""
    counts = assignments.aggregate(
        count_total=Count("pk"),
        count_not_started=Count("pk", filter=STATUS_FILTERS["niet-gestart"]),
        count_busy=Count("pk", filter=STATUS_FILTERS["bezig"]),
        count_finished=Count("pk", filter=STATUS_FILTERS["afgerond"]),
        count_late=Count("pk", filter=STATUS_FILTERS["te-laat"]),
    )
    return {key.removeprefix("count_"): value for key, value in counts.items()}


def assignment_table(
    *,
    organisation: Organisation,
    path: LearningPath | None = None,
    track: LearningTrackPage | None = None,
    status: str = "",
    page_number=None,
    today: datetime.date,
) -> dict:
    """One page of the status table of a path or track in an organisation, plus the counts
    per status, in a fixed number of queries."""
    assignments = with_status(Assignment.objects.filter(organisation=organisation, path=path, track=track), today=today)
    summary = status_summary(assignments)
    if status in STATUS_FILTERS:
        assignments = assignments.filter(STATUS_FILTERS[status])
    assignments = assignments.select_related("user").order_by("-late", "finished", "user__full_name", "pk")
    page = Paginator(assignments, STATUS_TABLE_PAGE_SIZE).get_page(page_number)
    return {"summary": summary, "page_obj": page, "status": status}


def assignment_overview(*, organisations, today: datetime.date) -> list[dict]:
    """Per organisation and target (path or track): how many are assigned, finished and late."""
    rows = (
        with_status(Assignment.objects.filter(organisation__in=organisations), today=today)
        .order_by()
        .values("organisation", "path", "track")
        .annotate(
            total=Count("pk"),
            finished_count=Count("pk", filter=Q(finished=True)),
            late_count=Count("pk", filter=Q(late=True)),
        )
    )
    rows = list(rows)
    paths = LearningPath.objects.in_bulk({r["path"] for r in rows if r["path"]})
    tracks = LearningTrackPage.objects.in_bulk({r["track"] for r in rows if r["track"]})
    organisations_by_id = {o.pk: o for o in organisations}
    overview = [
        {
            "organisation": organisations_by_id[r["organisation"]],
            "path": paths.get(r["path"]),
            "track": tracks.get(r["track"]),
            "total": r["total"],
            "finished": r["finished_count"],
            "late": r["late_count"],
        }
        for r in rows
    ]
    return sorted(overview, key=lambda r: (r["organisation"].name, str(r["path"] or r["track"])))


def recent_batches(*, organisations, limit: int = 10) -> list[AssignmentBatch]:
    """The latest assignment jobs of ``organisations``, newest first, with what a list of them
    shows: the target's title (``target``), the status and when it was made."""
    shown = ("id", "status", "created_at", "organisation_id", "path_id", "track_id", "path__title", "track__title")
    return list(
        AssignmentBatch.objects.filter(organisation__in=organisations)
        .select_related("path", "track")
        .only(*shown)
        .order_by("-created_at")[:limit]
    )


def audience_user_ids(*, batch: AssignmentBatch):
    """The learners of the batch's organisation that its audience filter selects."""
    members = Membership.objects.filter(
        organisation_id=batch.organisation_id, role=Membership.Role.LEARNER, user__is_active=True
    )
    if batch.audience == AssignmentBatch.Audience.ROLE:
        members = members.filter(user__current_role__profile_id=batch.role_profile_id)
    elif batch.audience == AssignmentBatch.Audience.TEAM:
        members = members.filter(team=batch.team)
    elif batch.audience == AssignmentBatch.Audience.PERSON:
        members = members.filter(user_id=batch.person_id)
    return members.order_by("user_id").values_list("user_id", flat=True).distinct()


# Paths -----------------------------------------------------------------------------


def free_path_slug(*, title: str, path: LearningPath | None = None) -> str:
    """A short name made from ``title`` that no other path has: 'naar-pmo', else
    'naar-pmo-2', 'naar-pmo-3' and so on. One query."""
    max_length = LearningPath._meta.get_field("slug").max_length
    base = slugify(title)[: max_length - 5].strip("-") or "leerpad"
    others = LearningPath.objects.filter(slug__startswith=base)
    if path is not None and path.pk is not None:
        others = others.exclude(pk=path.pk)
    taken = set(others.values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def path_progress(*, user: User, path: LearningPath) -> dict:
    items = list(path.items.select_related("track").order_by("sort_order"))
    completed = set(
        Enrolment.objects.filter(
            user=user, track__in=[i.track_id for i in items], status=Enrolment.Status.COMPLETED
        ).values_list("track_id", flat=True)
    )
    required = [i for i in items if i.required]
    electives = [i for i in items if not i.required]
    electives_done = sum(1 for i in electives if i.track_id in completed)
    return {
        "items": [(item, item.track_id in completed) for item in items],
        "required_done": sum(1 for i in required if i.track_id in completed),
        "required_total": len(required),
        "electives_done": electives_done,
        "min_electives": path.min_electives,
        "complete": all(i.track_id in completed for i in required) and electives_done >= path.min_electives,
    }


def paths_completed_by(*, user: User, track: LearningTrackPage) -> list[LearningPath]:
    """The paths containing ``track`` that ``user`` has now completed."""
    paths = LearningPath.objects.filter(items__track=track).distinct()
    return [path for path in paths if path_progress(user=user, path=path)["complete"]]


# The learner dashboard ------------------------------------------------------------------


# The columns of an enrolment and of a track that the learner dashboard reads.
LEARNER_ENROLMENT_FIELDS = ("id", "user_id", "track_id", "status", "requested_at", "decision_reason", "completed_at")
LEARNER_TRACK_FIELDS = ("title", "url_path", "live")
REQUIRED_MODULES_KEY = "curriculum:required-modules:{version}"
REQUIRED_MODULES_SECONDS = 60 * 60


def required_modules() -> dict[int, str]:
    """The live required modules, each with the ``path`` of its parent (its track), per content
    version: publishing, unpublishing, moving or deleting a module gives a new version, so the
    map is never older than the pages. One query for the whole catalogue, kept in the shared
    cache; the learner dashboard counts a learner's progress against it instead of asking the
    page tree per enrolment."""
    from cms.pagecache import UNKNOWN_VERSION, content_version

    version = content_version()

    def read() -> dict[int, str]:
        steplen = ModulePage.steplen
        rows = ModulePage.objects.live().filter(required=True).order_by().values_list("pk", "path")
        return {pk: path[:-steplen] for pk, path in rows}

    if version == UNKNOWN_VERSION:
        return read()
    return cache.get_or_set(REQUIRED_MODULES_KEY.format(version=version), read, REQUIRED_MODULES_SECONDS)


def learner_learning(*, user: User, today: datetime.date) -> dict:
    """Enrolments with progress, and assignments with due dates, in a fixed number of
    queries whatever the number of progress rows in the database. Only the columns the
    dashboard shows are read (a page row is wide): a track's title, its ``url_path`` for
    its link and whether it is live.

    The queries are plain (building an ORM query with subqueries costs more than running
    it): the progress of the active enrolments is one list of completed modules, counted
    against ``required_modules``; how long HR has to decide is read only when a request
    waits; an assignment's status (``finished``, ``late``, ``started``) is worked out here
    from its columns and the learner's enrolments, as ``with_status`` does in SQL, with the
    tracks of its path for ``started`` (one query for all paths, which the dashboard shows
    too: ``path_tracks``)."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("track")
        .only(*LEARNER_ENROLMENT_FIELDS, "track__path", *(f"track__{field}" for field in LEARNER_TRACK_FIELDS))
        .order_by("-requested_at")
    )
    requested = [e for e in enrolments if e.status == Enrolment.Status.REQUESTED]
    if requested:
        days = Membership.objects.filter(user=user).aggregate(days=Min("organisation__request_decision_days"))["days"]
        for enrolment in requested:
            enrolment.decision_days = REQUEST_DECISION_DAYS_DEFAULT if days is None else days
            set_request_age(enrolment, today=today)
    open_enrolments = [e for e in enrolments if e.status == Enrolment.Status.ACTIVE]
    done: dict[int, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    if open_enrolments:
        modules = required_modules()
        for track_path in modules.values():
            totals[track_path] += 1
        completed = ModuleProgress.objects.filter(
            enrolment__in=[e.pk for e in open_enrolments], completed_at__isnull=False
        ).values_list("enrolment_id", "module_id")
        for enrolment_id, module_id in completed:
            if module_id in modules:
                done[enrolment_id] += 1
    current = []
    for enrolment in open_enrolments:
        enrolment.done, enrolment.total = done[enrolment.pk], totals[enrolment.track.path]
        current.append(
            {
                "enrolment": enrolment,
                "done": enrolment.done,
                "total": enrolment.total,
                "percent": round(100 * enrolment.done / enrolment.total) if enrolment.total else 0,
            }
        )
    assignments = list(
        Assignment.objects.filter(user=user)
        .select_related("path", "track")
        .only(
            "id",
            "user_id",
            "path_id",
            "track_id",
            "due_date",
            "finished_at",
            "path__title",
            *(f"track__{field}" for field in LEARNER_TRACK_FIELDS),
        )
        .order_by("due_date", "pk")
    )
    path_ids = {a.path_id for a in assignments if a.path_id}
    path_tracks: dict[int, list] = {path_id: [] for path_id in path_ids}
    if path_ids:
        items = (
            LearningPathItem.objects.filter(path_id__in=path_ids)
            .select_related("track")
            .only("id", "path_id", "track_id", "required", "track__title", "track__url_path", "track__live")
            .order_by("sort_order")
        )
        for item in items:
            path_tracks[item.path_id].append(item)
    started = {e.track_id for e in enrolments if e.status in STARTED}
    for assignment in assignments:
        tracks = [item.track_id for item in path_tracks[assignment.path_id]] if assignment.path_id else []
        set_status(assignment, today=today, started_tracks=started, path_tracks=tracks)
    assignments.sort(key=lambda assignment: assignment.finished)  # open first, each by due date
    return {
        "current": current,
        "requested": requested,
        "declined": [e for e in enrolments if e.status == Enrolment.Status.DECLINED],
        "completed": [e for e in enrolments if e.status == Enrolment.Status.COMPLETED],
        "assignments": assignments,
        "path_tracks": path_tracks,
        "today": today,
    }


# Requests and reminders ----------------------------------------------------------------


def enrolments_decidable_by(*, decider: User) -> QuerySet[Enrolment]:
    """The enrolments whose request ``decider`` may decide: the platform admin any, an HR
    adviser those of active members of an organisation they advise. Nobody decides their
    own: an adviser's request goes to another adviser or to the platform admin.

    An ``Exists`` rather than a join, so someone with several memberships (learner and
    organiser, say) is one row, not one per membership."""
    if not decider.is_authenticated or not decider.is_active:
        return Enrolment.objects.none()
    enrolments = Enrolment.objects.exclude(user=decider)
    if decider.is_superuser:
        return enrolments
    members = Membership.objects.filter(
        user=OuterRef("user"),
        user__is_active=True,
        organisation__in=organisations_advised_by(adviser=decider),
    )
    return enrolments.filter(Exists(members))


def with_decision_days(enrolments: QuerySet[Enrolment]) -> QuerySet[Enrolment]:
    """Annotate ``decision_days``: how many days HR has to decide a request of the
    enrolment's person, the shortest among their organisations (the default for someone
    without one). One subquery, whatever the number of enrolments."""
    shortest = (
        Membership.objects.filter(user=OuterRef("user"))
        .order_by()
        .values("user")
        .annotate(days=Min("organisation__request_decision_days"))
        .values("days")[:1]
    )
    return enrolments.annotate(
        decision_days=Coalesce(Subquery(shortest, output_field=IntegerField()), Value(REQUEST_DECISION_DAYS_DEFAULT))
    )


def set_request_age(enrolment: Enrolment, *, today: datetime.date) -> Enrolment:
    """Set, on an enrolment annotated by ``with_decision_days``: ``age_days`` (whole days
    since the request, by the local calendar), ``deadline`` (the last day HR has to decide)
    and ``is_overdue`` (that day has passed). A request never expires: overdue is all it
    becomes."""
    requested_on = timezone.localdate(enrolment.requested_at)
    enrolment.age_days = max((today - requested_on).days, 0)
    enrolment.deadline = requested_on + datetime.timedelta(days=enrolment.decision_days)
    enrolment.is_overdue = today > enrolment.deadline
    return enrolment


def _pending(*, decider: User, organisations=None) -> QuerySet[Enrolment]:
    """The requests waiting for ``decider``, with ``decision_days``; with ``organisations``
    only those of members of these organisations.

    With ``organisations`` their requests are a subquery of their own: PostgreSQL takes
    those few first and checks each against what the decider may decide, where it would
    otherwise read every member of a large organisation to match them."""
    pending = enrolments_decidable_by(decider=decider)
    if organisations is None:
        pending = pending.filter(status=Enrolment.Status.REQUESTED)
    else:
        members = Membership.objects.filter(user=OuterRef("user"), organisation__in=organisations)
        requested = Enrolment.objects.filter(status=Enrolment.Status.REQUESTED).filter(Exists(members))
        pending = pending.filter(pk__in=requested.values("pk"))
    return with_decision_days(pending)


def pending_requests(*, decider: User, organisations=None, today: datetime.date | None = None) -> list[Enrolment]:
    """The requests waiting for ``decider``, oldest first, with the person and the track;
    with ``organisations`` only those of members of these organisations. Each has
    ``age_days``, ``deadline`` and ``is_overdue`` (see ``set_request_age``); one query,
    whatever the number of requests."""
    today = today or timezone.localdate()
    pending = _pending(decider=decider, organisations=organisations).order_by("requested_at", "pk")
    return [set_request_age(enrolment, today=today) for enrolment in pending.select_related("user", "track")]


class PendingCounts(NamedTuple):
    """What ``pending_requests`` would list, counted: how many, how many days the oldest
    waits (None for none) and how many are overdue."""

    count: int
    oldest_days: int | None
    overdue: int


def pending_request_counts(*, decider: User, organisations=None, today: datetime.date | None = None) -> PendingCounts:
    """``pending_requests`` counted (the HR dashboard's notice) by the rules of
    ``set_request_age``, in one query that counts the requests per day of request (in the
    site's time zone, as ``timezone.localdate``) and number of days to decide: no enrolment
    is loaded."""
    today = today or timezone.localdate()
    groups = (
        _pending(decider=decider, organisations=organisations)
        .annotate(requested_on=TruncDate("requested_at"))
        .order_by()
        .values_list("requested_on", "decision_days")
        .annotate(requests=Count("pk"))
    )
    count = overdue = 0
    oldest = None
    for requested_on, decision_days, requests in groups:
        age = max((today - requested_on).days, 0)
        count += requests
        oldest = age if oldest is None else max(oldest, age)
        if today > requested_on + datetime.timedelta(days=decision_days):
            overdue += requests
    return PendingCounts(count, oldest, overdue)


def _request_hr_advisers(*, enrolment: Enrolment) -> QuerySet[User]:
    return hr_advisers_of(person=enrolment.user).exclude(pk=enrolment.user_id)


def _platform_admins(*, enrolment: Enrolment) -> QuerySet[User]:
    return User.objects.filter(is_active=True, is_superuser=True).exclude(pk=enrolment.user_id)


def request_advisers(*, enrolment: Enrolment) -> QuerySet[User]:
    """Who is asked to decide ``enrolment``: the active HR advisers of the requester's
    organisations but the requester; when there is none, the active platform admins."""
    advisers = _request_hr_advisers(enrolment=enrolment)
    if advisers.exists():
        return advisers
    return _platform_admins(enrolment=enrolment)


def request_reminder_recipients(*, enrolment: Enrolment) -> tuple[list[User], bool]:
    """The people ``request_advisers`` names, and whether the request went up to the
    platform admins because no HR adviser is active (an escalation)."""
    advisers = list(_request_hr_advisers(enrolment=enrolment).order_by("full_name", "pk"))
    if advisers:
        return advisers, False
    return list(_platform_admins(enrolment=enrolment).order_by("full_name", "pk")), True


def request_reminders_due(*, today: datetime.date) -> list[tuple[Enrolment, int]]:
    """(request, reminder number) for every open request of an active person past its
    deadline, once per period of ``REQUEST_REMINDER_INTERVAL_DAYS``: number 1 from the day
    after the deadline, number 2 a period later, and so on. A request reminded within the
    last period is left out, also when a changed deadline moved it into a new period.
    Each request has ``age_days``, ``deadline`` and ``is_overdue``."""
    recent = RequestReminder.objects.filter(
        enrolment=OuterRef("pk"), sent_on__gt=today - datetime.timedelta(days=REQUEST_REMINDER_INTERVAL_DAYS)
    )
    pending = (
        with_decision_days(Enrolment.objects.filter(status=Enrolment.Status.REQUESTED, user__is_active=True))
        .exclude(Exists(recent))
        .select_related("user", "track")
        .order_by("requested_at", "pk")
    )
    due = []
    for enrolment in pending:
        set_request_age(enrolment, today=today)
        if enrolment.is_overdue:
            days_late = (today - enrolment.deadline).days
            due.append((enrolment, (days_late - 1) // REQUEST_REMINDER_INTERVAL_DAYS + 1))
    return due


def batch_outcome(*, batch: AssignmentBatch) -> dict:
    """For the page of a batch: how many people of it had the assignment already (and
    kept it), and whether the status table of its target in its organisation has anyone
    to show (it answers 404 when it has not)."""
    assignments = Assignment.objects.filter(
        organisation=batch.organisation_id, path=batch.path_id, track=batch.track_id
    )
    return {
        "already_assigned": max(batch.total - batch.created_count, 0),
        "has_status_table": batch.status == AssignmentBatch.Status.DONE and assignments.exists(),
    }


def reminders_due(*, today: datetime.date):
    """(assignment, kind) for every unfinished assignment due within 14 days or overdue
    whose reminder of that kind has not been sent. The most urgent kind only."""
    kind = Case(
        When(due_date__lt=today, then=Value(ReminderSent.Kind.OVERDUE)),
        When(due_date__lte=today + datetime.timedelta(days=3), then=Value(ReminderSent.Kind.DUE_3)),
        default=Value(ReminderSent.Kind.DUE_14),
    )
    assignments = (
        with_status(Assignment.objects.filter(due_date__lte=today + datetime.timedelta(days=14)), today=today)
        .filter(finished=False, user__is_active=True)
        .annotate(reminder_kind=kind)
        .exclude(Exists(ReminderSent.objects.filter(assignment=OuterRef("pk"), kind=OuterRef("reminder_kind"))))
        .select_related("user", "path", "track")
        .order_by("pk")
    )
    for assignment in assignments.iterator(chunk_size=500):
        yield assignment, assignment.reminder_kind


def overdue_digests(*, today: datetime.date):
    """(adviser, organisation, overdue assignments) for every organisation with overdue work."""
    overdue = (
        with_status(Assignment.objects.filter(due_date__lt=today), today=today)
        .filter(finished=False, user__is_active=True)
        .select_related("user", "path", "track", "organisation")
        .order_by("organisation", "due_date", "user__full_name")
    )
    by_organisation: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in overdue.iterator(chunk_size=1000):
        by_organisation[assignment.organisation_id].append(assignment)
    advisers = Membership.objects.filter(
        organisation_id__in=by_organisation, role=Membership.Role.HR, user__is_active=True
    ).select_related("user", "organisation")
    for membership in advisers:
        yield membership.user, membership.organisation, by_organisation[membership.organisation_id]
