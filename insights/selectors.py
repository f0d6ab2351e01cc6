"""Reads for the HR insights dashboard and its exports: the figures of the adviser's own
organisations, narrowed by team, role profile and period (an ``insights.filters.Scope``).

Every read starts from ``people_in``, which asks ``people.selectors.organisations_advised_by``
for the organisations: nobody outside the adviser's organisations is ever counted or named.
Each figure is one aggregate query (COUNT/SUM with FILTER, GROUP BY) whatever the number of
people, tracks or rows; the one row-by-row table (the overdue assignments) is values streamed
from one query.

The period means, per figure:

- enrolments: those that began (started, or were requested) in the period; "completed" is
  how many of those are completed now;
- assignments (learning paths, overdue): those with their due date in the period;
- certificates: issued or revoked in the period; expiring: in the next 90 days, whatever the period;
- learning circles: sessions held in the period; members: who is a member now;
- career steps: dated in the period;
- the trends: the twelve months up to the period's end (or today), whatever its start;
- the competency map: the latest shared self-assessment result, whatever the period, of the
  whole organisation (team and role profile do not narrow it: groups would fall under
  ``MIN_GROUP_SIZE``); a chosen role profile is what it compares with.

The dashboard's figures are kept per organisations, filters and language, with a version
that every save or delete of a model behind the figures changes (``connect_cache_invalidation``)
and the day they are for; outdated figures are recomputed in the background (see "Figures
kept" below). Writes that bypass signals (bulk updates) show the next day at the latest."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import (
    Count,
    DateField,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import Coalesce, TruncDate, TruncMonth
from django.db.models.signals import post_delete, post_save
from django.forms import ChoiceField
from django.utils import timezone, translation
from django.utils.translation import gettext

from assessments.models import Attempt, SelfAssessmentPage
from assessments.selectors import organisation_heatmap
from careers.models import CareerStep, CurrentRole, RoleProfilePage
from certificates.models import Certificate
from circles.models import Attendance, CircleMember, Session
from curriculum.models import Assignment, AssignmentBatch, Enrolment
from curriculum.selectors import STARTED, with_status
from people.models import Membership, Organisation, User
from people.selectors import members_of, organisations_advised_by, teams_advised_by

if TYPE_CHECKING:
    from .filters import Scope
    from .forms import FilterForm

EXPIRY_DAYS = 90
OVERDUE_ROWS = 10
TREND_MONTHS = 12
COMPLETED = Enrolment.Status.COMPLETED


# Rows: plain values, in the order of the table columns (insights.tables) ------------------


class TrackRow(NamedTuple):
    track: str
    enrolled: int
    completed: int
    percent: float | None


class PathRow(NamedTuple):
    path: str
    assigned: int
    finished: int
    late: int
    percent: float | None


class OverdueRow(NamedTuple):
    name: str
    email: str
    organisation: str
    target: str
    kind: str
    due_date: datetime.date
    days_late: int


class CertificateRow(NamedTuple):
    achievement: str
    issued: int
    expiring: int
    revoked: int


class CircleRow(NamedTuple):
    circle: str
    members: int
    people_present: int
    present: int
    absent: int
    hours: float


class StepRow(NamedTuple):
    from_profile: str | None
    to_profile: str
    count: int


class CompetencyRow(NamedTuple):
    organisation: str
    assessment: str
    competency: str
    average: float
    required: int | None
    gap: float | None


class MonthRow(NamedTuple):
    month: datetime.date  # its first day
    completions: int
    overdue: int  # at the end of the month (today, for this month)


class FigureRow(NamedTuple):
    figure: str
    value: int | float | None


# The people and the period -----------------------------------------------------------


def people_in(*, scope: Scope, adviser: User) -> QuerySet[User]:
    """The people of the scope: active members of the scope's organisations that the adviser
    advises (``organisations_advised_by``), in the team and with the current role profile when
    the scope names them. For use as a subquery (``user__in=``); it runs no query of its own."""
    people = _members(organisations=_scope_organisations(scope=scope, adviser=adviser), team=scope.team)
    if scope.profile_id is not None:
        people = people.filter(current_role__profile_id=scope.profile_id)
    return people


def _members(*, organisations: QuerySet[Organisation], team: str = "") -> QuerySet[User]:
    """The active members of ``organisations`` (of the team): the people ``users_visible_to_hr``
    gives for them, as a plain subquery, without its join and DISTINCT to repeat in every figure."""
    members = Membership.objects.filter(organisation__in=organisations)
    if team:
        members = members.filter(team=team)
    return User.objects.filter(is_active=True, pk__in=members.values("user_id"))


def _scope_organisations(*, scope: Scope, adviser: User) -> QuerySet[Organisation]:
    return organisations_advised_by(adviser=adviser).filter(pk__in=scope.organisation_ids)


def _midnight(day: datetime.date) -> datetime.datetime:
    """The start of ``day`` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _moments(field: str, scope: Scope) -> Q:
    """``field`` (a moment) within the scope's period."""
    condition = Q()
    if scope.start is not None:
        condition &= Q(**{f"{field}__gte": _midnight(scope.start)})
    if scope.end is not None:
        condition &= Q(**{f"{field}__lt": _midnight(scope.end + datetime.timedelta(days=1))})
    return condition


def _days(field: str, scope: Scope) -> Q:
    """``field`` (a date) within the scope's period."""
    condition = Q()
    if scope.start is not None:
        condition &= Q(**{f"{field}__gte": scope.start})
    if scope.end is not None:
        condition &= Q(**{f"{field}__lte": scope.end})
    return condition


def _within(day: datetime.date, scope: Scope) -> bool:
    """``day`` within the scope's period (the test of ``_days``, in Python)."""
    return (scope.start is None or day >= scope.start) and (scope.end is None or day <= scope.end)


def _count(condition: Q) -> Count:
    return Count("pk", filter=condition) if condition else Count("pk")


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


# The figures ---------------------------------------------------------------------------


def track_completion(*, scope: Scope, adviser: User) -> list[TrackRow]:
    """Per track: the enrolments that began in the period, and how many of them are completed."""
    enrolments = (
        Enrolment.objects.filter(user__in=people_in(scope=scope, adviser=adviser), status__in=STARTED)
        .alias(began=Coalesce("started_at", "requested_at"))
        .filter(_moments("began", scope))
    )
    rows = (
        enrolments.values("track_id", "track__title")
        .annotate(enrolled=Count("pk"), completed=Count("pk", filter=Q(status=COMPLETED)))
        .order_by("track__title", "track_id")
    )
    return [
        TrackRow(row["track__title"], row["enrolled"], row["completed"], _percent(row["completed"], row["enrolled"]))
        for row in rows
    ]


def _assignments(*, scope: Scope, adviser: User, today: datetime.date, period: bool = True) -> QuerySet[Assignment]:
    """The scope's assignments (of its organisations, to its people), annotated with their
    status; with ``period`` only those due in the period."""
    assignments = Assignment.objects.filter(
        organisation__in=_scope_organisations(scope=scope, adviser=adviser),
        user__in=people_in(scope=scope, adviser=adviser),
    )
    if period:
        assignments = assignments.filter(_days("due_date", scope))
    return with_status(assignments, today=today)


class AssignmentGroup(NamedTuple):
    path_id: int | None
    path: str | None
    due_date: datetime.date
    finished: bool
    finished_on: datetime.date | None  # of a finished assignment (curriculum.status)
    count: int

    def open_on(self, day: datetime.date) -> bool:
        """Whether these assignments were still unfinished at the end of ``day``."""
        return not self.finished or (self.finished_on is not None and self.finished_on > day)


def assignment_groups(*, scope: Scope, adviser: User, today: datetime.date) -> list[AssignmentGroup]:
    """The scope's assignments, whatever the period, counted per path (None for a track),
    due date, whether finished, and the day they were finished: one query, whose number of
    rows depends on the paths and the calendar, not on the number of people. The counts per
    path and the trend over the months are both made of it."""
    groups = (
        _assignments(scope=scope, adviser=adviser, today=today, period=False)
        .annotate(finished_on=TruncDate("finished_at"))
        .order_by()
        .values("path_id", "path__title", "due_date", "finished", "finished_on")
        .annotate(count=Count("pk"))
        .values_list("path_id", "path__title", "due_date", "finished", "finished_on", "count")
    )
    return [AssignmentGroup(*group) for group in groups]


def assignment_counts(
    *, scope: Scope, adviser: User, today: datetime.date, groups: list[AssignmentGroup] | None = None
) -> tuple[list[PathRow], dict[str, int]]:
    """Per learning path: assigned, finished and late, of the assignments due in the period;
    and the totals over all of those (paths and tracks)."""
    if groups is None:
        groups = assignment_groups(scope=scope, adviser=adviser, today=today)
    per_path: dict[int, list] = {}
    totals = {"assigned": 0, "finished": 0, "overdue": 0}
    for group in groups:
        if not _within(group.due_date, scope):
            continue
        late = group.count if not group.finished and group.due_date < today else 0
        finished = group.count if group.finished else 0
        totals["assigned"] += group.count
        totals["finished"] += finished
        totals["overdue"] += late
        if group.path_id is not None:
            counts = per_path.setdefault(group.path_id, [group.path, 0, 0, 0])
            counts[1] += group.count
            counts[2] += finished
            counts[3] += late
    paths = [
        PathRow(title, assigned, finished, late, _percent(finished, assigned))
        for title, assigned, finished, late in per_path.values()
    ]
    return sorted(paths, key=lambda row: row.path.casefold()), totals


def path_completion(*, scope: Scope, adviser: User, today: datetime.date) -> list[PathRow]:
    return assignment_counts(scope=scope, adviser=adviser, today=today)[0]


def overdue_assignments(*, scope: Scope, adviser: User, today: datetime.date) -> QuerySet:
    """The unfinished assignments due in the period and before today, longest overdue
    first, as value tuples (``overdue_rows`` makes rows of them)."""
    return (
        _assignments(scope=scope, adviser=adviser, today=today)
        .filter(late=True)
        .order_by("due_date", "user__full_name", "pk")
        .values_list("user__full_name", "user__email", "organisation__name", "path__title", "track__title", "due_date")
    )


def overdue_rows(values, *, today: datetime.date) -> Iterator[OverdueRow]:
    path_word, track_word = gettext("leerpad"), gettext("leergang")
    for name, email, organisation, path, track, due_date in values:
        yield OverdueRow(
            name,
            email,
            organisation,
            path or track,
            path_word if path else track_word,
            due_date,
            (today - due_date).days,
        )


def certificate_counts(*, scope: Scope, adviser: User) -> list[CertificateRow]:
    """Per achievement (track or path, as on the certificate): issued and revoked in the
    period, and still valid but expiring within EXPIRY_DAYS from now."""
    now = timezone.now()
    expiring = Q(
        revoked_at__isnull=True,
        superseded_at__isnull=True,
        expires_at__gt=now,
        expires_at__lte=now + datetime.timedelta(days=EXPIRY_DAYS),
    )
    rows = (
        Certificate.objects.filter(user__in=people_in(scope=scope, adviser=adviser))
        .values("achievement")
        .annotate(
            issued=_count(_moments("issued_at", scope)),
            expiring=Count("pk", filter=expiring),
            revoked=Count("pk", filter=Q(revoked_at__isnull=False) & _moments("revoked_at", scope)),
        )
        .filter(Q(issued__gt=0) | Q(expiring__gt=0) | Q(revoked__gt=0))
        .order_by("achievement")
    )
    return [CertificateRow(row["achievement"], row["issued"], row["expiring"], row["revoked"]) for row in rows]


def circle_attendance(*, scope: Scope, adviser: User) -> list[CircleRow]:
    """Per learning circle: the scope's members now, and their attendance at the sessions
    held in the period (cancelled sessions left out). Two queries."""
    people = people_in(scope=scope, adviser=adviser)
    present = Q(status=Attendance.Status.PRESENT)
    duration = ExpressionWrapper(F("session__ends_at") - F("session__starts_at"), output_field=DurationField())
    attendance = (
        Attendance.objects.filter(user__in=people)
        .exclude(session__status=Session.Status.CANCELLED)
        .filter(_moments("session__starts_at", scope))
        .values("session__circle_id", "session__circle__title")
        .annotate(
            people_present=Count("user", distinct=True, filter=present),
            present=Count("pk", filter=present),
            absent=Count("pk", filter=Q(status=Attendance.Status.ABSENT)),
            length=Sum(duration, filter=present),
        )
        .order_by()
    )
    members = (
        CircleMember.objects.filter(user__in=people, left_at__isnull=True)
        .values("circle_id", "circle__title")
        .annotate(members=Count("user", distinct=True))
        .order_by()
    )
    circles: dict[int, dict] = {}
    for row in members:
        circles[row["circle_id"]] = {"title": row["circle__title"], "members": row["members"]}
    for row in attendance:
        circles.setdefault(row["session__circle_id"], {"title": row["session__circle__title"], "members": 0})
        circles[row["session__circle_id"]].update(row)
    rows = [
        CircleRow(
            circle["title"],
            circle["members"],
            circle.get("people_present", 0),
            circle.get("present", 0),
            circle.get("absent", 0),
            round((circle.get("length") or datetime.timedelta()).total_seconds() / 3600, 1),
        )
        for circle in circles.values()
    ]
    return sorted(rows, key=lambda row: row.circle.casefold())


def career_steps(*, scope: Scope, adviser: User) -> list[StepRow]:
    """The career steps dated in the period, counted per step (from one profile to another)."""
    rows = (
        CareerStep.objects.filter(user__in=people_in(scope=scope, adviser=adviser))
        .filter(_days("date", scope))
        .values("from_profile__title", "to_profile__title")
        .annotate(count=Count("pk"))
        .order_by("-count", "to_profile__title", "from_profile__title")
    )
    return [StepRow(row["from_profile__title"], row["to_profile__title"], row["count"]) for row in rows]


@dataclass(frozen=True)
class Heatmap:
    """``assessments.selectors.organisation_heatmap`` of one organisation: hidden under
    MIN_GROUP_SIZE sharers, else a row per competency with at least that many."""

    organisation: str
    hidden: bool
    people: int
    min_size: int
    rows: tuple[CompetencyRow, ...] = ()


def competency_heatmaps(*, scope: Scope, adviser: User) -> tuple[str | None, list[Heatmap]]:
    """The title of the self-assessment shown (the live one with the most results shared in
    the scope's organisations) and the heat map of each organisation."""
    organisations = list(_scope_organisations(scope=scope, adviser=adviser).order_by("name"))
    everyone = people_in(scope=dataclasses.replace(scope, team="", profile_id=None), adviser=adviser)
    shared = Q(
        attempts__status=Attempt.Status.SUBMITTED,
        attempts__shared_with_organisation_at__isnull=False,
        attempts__user__in=everyone,
    )
    assessment = (
        SelfAssessmentPage.objects.live()
        .annotate(shared=Count("attempts", filter=shared))
        .order_by("-shared", "title", "pk")
        .first()
    )
    if assessment is None or not organisations:
        return None, []
    profile = RoleProfilePage.objects.filter(pk=scope.profile_id).first() if scope.profile_id is not None else None
    heatmaps = []
    for organisation in organisations:
        heatmap = organisation_heatmap(organisation=organisation, assessment=assessment, profile=profile)
        rows = tuple(
            CompetencyRow(organisation.name, assessment.title, row["name"], row["average"], row["required"], row["gap"])
            for row in heatmap.get("rows", ())
        )
        heatmaps.append(Heatmap(organisation.name, heatmap["hidden"], heatmap["people"], heatmap["min_size"], rows))
    return assessment.title, heatmaps


def competency_rows(*, scope: Scope, adviser: User) -> list[CompetencyRow]:
    _title, heatmaps = competency_heatmaps(scope=scope, adviser=adviser)
    return [row for heatmap in heatmaps for row in heatmap.rows]


# Trends over the months ------------------------------------------------------------------


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def trend_months(*, last: datetime.date, count: int = TREND_MONTHS) -> list[datetime.date]:
    """The first days of the ``count`` months up to and including the month of ``last``."""
    months = [last.replace(day=1)]
    while len(months) < count:
        previous = months[0] - datetime.timedelta(days=1)
        months.insert(0, previous.replace(day=1))
    return months


def monthly_trend(
    *, scope: Scope, adviser: User, today: datetime.date, groups: list[AssignmentGroup] | None = None
) -> list[MonthRow]:
    """Per month, for the TREND_MONTHS months up to the end of the period (or today): the
    completed tracks (one grouped query), and the assignments overdue at the end of the month
    (for this month: today), from ``assignment_groups``."""
    last = min(scope.end, today) if scope.end is not None else today
    months = trend_months(last=last)
    completions = dict(
        Enrolment.objects.filter(
            user__in=people_in(scope=scope, adviser=adviser),
            completed_at__gte=_midnight(months[0]),
            completed_at__lt=_midnight(_next_month(months[-1])),
        )
        .annotate(month=TruncMonth("completed_at", output_field=DateField()))
        .order_by()
        .values("month")
        .annotate(count=Count("pk"))
        .values_list("month", "count")
    )
    if groups is None:
        groups = assignment_groups(scope=scope, adviser=adviser, today=today)
    cutoffs = [min(_next_month(month) - datetime.timedelta(days=1), last) for month in months]
    overdue = [sum(group.count for group in groups if group.due_date < day and group.open_on(day)) for day in cutoffs]
    return [MonthRow(month, completions.get(month, 0), late) for month, late in zip(months, overdue, strict=True)]


# The dashboard ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows of a scope, in plain values (it is cached)."""

    people: int
    tracks: tuple[TrackRow, ...]
    paths: tuple[PathRow, ...]
    assigned: int
    finished: int
    overdue: int
    overdue_rows: tuple[OverdueRow, ...]
    certificates: tuple[CertificateRow, ...]
    circles: tuple[CircleRow, ...]
    steps: tuple[StepRow, ...]
    assessment: str | None
    heatmaps: tuple[Heatmap, ...]
    months: tuple[MonthRow, ...]
    computed_at: datetime.datetime
    # Kept figures served while newer ones are computed (``dashboard``).
    outdated: bool = False

    @property
    def enrolled(self) -> int:
        return sum(row.enrolled for row in self.tracks)

    @property
    def completed(self) -> int:
        return sum(row.completed for row in self.tracks)

    @property
    def completion_percent(self) -> float | None:
        return _percent(self.completed, self.enrolled)

    @property
    def issued(self) -> int:
        return sum(row.issued for row in self.certificates)

    @property
    def expiring(self) -> int:
        return sum(row.expiring for row in self.certificates)

    @property
    def revoked(self) -> int:
        return sum(row.revoked for row in self.certificates)

    @property
    def present(self) -> int:
        return sum(row.present for row in self.circles)

    @property
    def hours(self) -> float:
        return round(sum(row.hours for row in self.circles), 1)

    @property
    def step_count(self) -> int:
        return sum(row.count for row in self.steps)

    @property
    def competency_rows(self) -> list[CompetencyRow]:
        return [row for heatmap in self.heatmaps for row in heatmap.rows]

    @property
    def more_overdue(self) -> int:
        return self.overdue - len(self.overdue_rows)

    def figures(self) -> list[FigureRow]:
        """The key figures, labelled in the active language."""
        return [
            FigureRow(gettext("Mensen"), self.people),
            FigureRow(gettext("Inschrijvingen die in de periode begonnen"), self.enrolled),
            FigureRow(gettext("Daarvan afgerond"), self.completed),
            FigureRow(gettext("Afgerond (%)"), self.completion_percent),
            FigureRow(gettext("Opdrachten met de uiterste datum in de periode"), self.assigned),
            FigureRow(gettext("Opdrachten te laat"), self.overdue),
            FigureRow(gettext("Certificaten uitgegeven"), self.issued),
            FigureRow(gettext("Certificaten die binnen 90 dagen verlopen"), self.expiring),
            FigureRow(gettext("Certificaten ingetrokken"), self.revoked),
            FigureRow(gettext("Keer aanwezig bij een bijeenkomst"), self.present),
            FigureRow(gettext("Uren bijeenkomsten"), self.hours),
            FigureRow(gettext("Loopbaanstappen"), self.step_count),
        ]


def build_dashboard(*, scope: Scope, adviser: User, today: datetime.date) -> Dashboard:
    """The dashboard of a scope, from the database: a fixed number of queries (about
    fifteen, and three more per organisation for its heat map) whatever the size of the
    organisations."""
    groups = assignment_groups(scope=scope, adviser=adviser, today=today)
    paths, totals = assignment_counts(scope=scope, adviser=adviser, today=today, groups=groups)
    late = overdue_assignments(scope=scope, adviser=adviser, today=today)[:OVERDUE_ROWS]
    assessment, heatmaps = competency_heatmaps(scope=scope, adviser=adviser)
    return Dashboard(
        people=people_in(scope=scope, adviser=adviser).count(),
        tracks=tuple(track_completion(scope=scope, adviser=adviser)),
        paths=tuple(paths),
        assigned=totals["assigned"],
        finished=totals["finished"],
        overdue=totals["overdue"],
        overdue_rows=tuple(overdue_rows(late, today=today)),
        certificates=tuple(certificate_counts(scope=scope, adviser=adviser)),
        circles=tuple(circle_attendance(scope=scope, adviser=adviser)),
        steps=tuple(career_steps(scope=scope, adviser=adviser)),
        assessment=assessment,
        heatmaps=tuple(heatmaps),
        months=tuple(monthly_trend(scope=scope, adviser=adviser, today=today, groups=groups)),
        computed_at=timezone.now(),
    )


# Figures kept -------------------------------------------------------------------------
#
# A ministry's figures take a second or two to compute, and on a busy platform something
# behind them changes every few seconds: a cache that is dropped on every change would
# hardly ever be used. So the figures of each scope are kept (per organisations, filters
# and language) with the data version and the day they were computed for. Kept figures of
# the current version and day are served as they are. Outdated ones, if less than
# MAX_STALE old, are served too, marked ``outdated`` (the page says so) while a Celery task
# computes new ones in the background, at most one at a time per scope. Older ones, or none,
# are computed in the request. Without a worker (tasks run eagerly: ``make run``, tests)
# outdated figures are always computed in the request. Every KEEP_CURRENT_MINUTES a
# scheduled task (``keep_current``) recomputes the outdated figures of every organisation's
# unfiltered dashboard, so the page an adviser opens first is never computed in the request.

KEEP_SECONDS = 24 * 60 * 60
KEEP_CURRENT_MINUTES = 10
MAX_STALE = datetime.timedelta(minutes=30)
REFRESH_LOCK_SECONDS = 120


def _is_current(entry, *, today: datetime.date) -> bool:
    return entry is not None and entry[0] == data_version() and entry[1] == today


def _kept(key: str, compute, *, today: datetime.date, refresh, force: bool = False):
    """(value, outdated) for ``key``: see above. ``refresh`` queues the background task."""
    from celery import current_app

    version = data_version()
    entry = None if force else cache.get(key)
    if entry is not None:
        _version, _day, kept_at, value = entry
        if _is_current(entry, today=today):
            return value, False
        if not current_app.conf.task_always_eager and timezone.now() - kept_at < MAX_STALE:
            if cache.add(f"{key}:refreshing", 1, REFRESH_LOCK_SECONDS):
                refresh()
            return value, True
    computed_at = timezone.now()
    value = compute()
    cache.set(key, (version, today, computed_at, value), KEEP_SECONDS)
    return value, False


def _refresh_later(*, adviser: User, scope: Scope) -> None:
    from .tasks import refresh_figures

    refresh_figures.delay(adviser.pk, scope.as_query(), translation.get_language())


def _dashboard_key(scope: Scope) -> str:
    return f"insights:dashboard:{scope.cache_key}:{translation.get_language()}"


def figures_html_key(*, scope: Scope, figures: Dashboard) -> str:
    """The cache key of the figures' HTML (``insights.templatetags.insights_html``): that of
    the kept figures (organisations, filters, language) and the moment they were computed."""
    return f"{_dashboard_key(scope)}:html:{figures.computed_at.isoformat()}"


def filter_form_html_key(*, scope: Scope, form: FilterForm) -> str:
    """The cache key of the filter form's HTML (``insights.templatetags.insights_html``): the
    organisations, the language and a digest of all the form shows, the values sent and the
    choices (the teams and role profiles of those organisations, as kept by ``filter_choices``),
    so new choices are a new key. Empty, so rendered each time, for a form with errors: it
    echoes whatever was sent, and such forms are rare."""
    if form.errors:
        return ""
    choices = [
        [(str(value), str(label)) for value, label in field.choices]
        for field in form.fields.values()
        if isinstance(field, ChoiceField)
    ]
    shown = repr((sorted(form.data.items()) if form.is_bound else None, choices))
    digest = hashlib.sha256(shown.encode()).hexdigest()[:32]
    organisations = ",".join(str(pk) for pk in sorted(scope.organisation_ids))
    return f"insights:form:{organisations}:{translation.get_language()}:{digest}"


def dashboard(*, scope: Scope, adviser: User, today: datetime.date, force: bool = False) -> Dashboard:
    """``build_dashboard``, kept per organisations, filters and language (see above); outdated
    figures carry ``outdated=True``."""
    key = _dashboard_key(scope)
    figures, outdated = _kept(
        key,
        lambda: build_dashboard(scope=scope, adviser=adviser, today=today),
        today=today,
        refresh=lambda: _refresh_later(adviser=adviser, scope=scope),
        force=force,
    )
    return dataclasses.replace(figures, outdated=True) if outdated else figures


def filter_choices(
    *, adviser: User, organisations: list[Organisation], force: bool = False
) -> tuple[list[str], list[tuple[int, str]]]:
    """The teams and the role profiles (id, title) in use in the adviser's organisations,
    the choices of the filter form. Kept like the dashboard (refreshed with it)."""

    def compute():
        profiles = (
            CurrentRole.objects.filter(user__in=_members(organisations=organisations_advised_by(adviser=adviser)))
            .order_by("profile__title", "profile_id")
            .values_list("profile_id", "profile__title")
            .distinct()
        )
        return teams_advised_by(adviser=adviser), list(profiles)

    def refresh():
        from .tasks import refresh_figures

        refresh_figures.delay(adviser.pk, {}, translation.get_language())

    choices, _outdated = _kept(
        _choices_key(organisations), compute, today=timezone.localdate(), refresh=refresh, force=force
    )
    return choices


def _organisation_ids(organisations: list[Organisation]) -> str:
    return ",".join(str(pk) for pk in sorted(organisation.pk for organisation in organisations))


def _choices_key(organisations: list[Organisation]) -> str:
    return f"insights:choices:{_organisation_ids(organisations)}"


# The rest of the HR page, counted -------------------------------------------------------
#
# Besides the insights, the HR page shows how many people the adviser's organisations have,
# the assignments per target, and who takes part in learning circles: aggregates over every
# member, which cost a ministry's page some 150 ms. They are kept like the figures (same
# version, day, MAX_STALE and background task), per set of organisations: what they show
# depends on the organisations alone, never on who asks among their advisers. What waits for
# the adviser (requests, conversations, the latest batches) and the people list are read live.

CIRCLE_ROWS = 50


class OverviewRow(NamedTuple):
    """The assignments of one organisation to one target (a learning path or a track)."""

    organisation: str
    organisation_slug: str
    path_id: int | None
    path: str | None
    track_id: int | None
    track: str | None
    total: int
    finished: int
    late: int


class ParticipationRow(NamedTuple):
    """One person in one learning circle (``circles.attendance.CircleParticipation``)."""

    name: str
    circle: str
    left_at: datetime.datetime | None
    sessions_attended: int
    hours: float
    last_attended: datetime.datetime | None


@dataclass(frozen=True)
class PageFigures:
    """The counted parts of the HR page of a set of organisations, in plain values (kept)."""

    organisation_ids: tuple[int, ...]
    people: int
    overview: tuple[OverviewRow, ...]
    circle_rows: tuple[ParticipationRow, ...]
    circle_total_rows: int
    circle_people: int
    circle_hours: float
    computed_at: datetime.datetime
    outdated: bool = False

    @property
    def circle_rows_more(self) -> int:
        return max(0, self.circle_total_rows - len(self.circle_rows))


def build_page_figures(*, adviser: User, organisations: list[Organisation], today: datetime.date) -> PageFigures:
    """The page figures of the adviser's ``organisations`` (``organisations_advised_by``), from
    the database: about eight queries whatever the size of the organisations."""
    from circles.attendance import circle_participation_summary
    from curriculum.selectors import assignment_overview

    overview = [
        OverviewRow(
            row["organisation"].name,
            row["organisation"].slug,
            row["path"].pk if row["path"] else None,
            row["path"].title if row["path"] else None,
            row["track"].pk if row["track"] else None,
            row["track"].title if row["track"] else None,
            row["total"],
            row["finished"],
            row["late"],
        )
        for row in assignment_overview(organisations=organisations, today=today)
    ]
    circles = circle_participation_summary(adviser=adviser, limit=CIRCLE_ROWS)
    return PageFigures(
        organisation_ids=tuple(sorted(organisation.pk for organisation in organisations)),
        people=members_of(organisations=organisations).count(),
        overview=tuple(overview),
        circle_rows=tuple(
            ParticipationRow(
                row.person.get_full_name(),
                row.circle.title,
                row.left_at,
                row.sessions_attended,
                row.hours,
                row.last_attended,
            )
            for row in circles.rows
        ),
        circle_total_rows=circles.total_rows,
        circle_people=circles.people,
        circle_hours=circles.hours,
        computed_at=timezone.now(),
    )


def _page_key(organisations: list[Organisation]) -> str:
    return f"insights:page:{_organisation_ids(organisations)}"


def page_html_key(*, figures: PageFigures, part: str) -> str:
    """The cache key of the HTML of a ``part`` of the page made of the page figures alone
    (``insights.templatetags.insights_html``): their organisations, the language and the
    moment they were computed."""
    organisations = ",".join(str(pk) for pk in figures.organisation_ids)
    moment = figures.computed_at.isoformat()
    return f"insights:page:{organisations}:html:{part}:{translation.get_language()}:{moment}"


def page_figures(
    *, adviser: User, organisations: list[Organisation], today: datetime.date, force: bool = False
) -> PageFigures:
    """``build_page_figures``, kept per set of organisations like the dashboard (see "Figures
    kept"); outdated figures carry ``outdated=True``. ``organisations``: the adviser's own
    (``organisations_advised_by``), read earlier in the request. When they are no longer
    exactly those the adviser advises (changed in between), the figures are computed and
    not kept, so a set's figures only ever hold what that set's advisers may see."""

    def compute() -> PageFigures:
        figures = build_page_figures(adviser=adviser, organisations=organisations, today=today)
        if _organisation_ids(list(organisations_advised_by(adviser=adviser))) != _organisation_ids(organisations):
            raise _OrganisationsChangedError(figures)
        return figures

    def refresh() -> None:
        from .tasks import refresh_figures

        refresh_figures.delay(adviser.pk, {}, translation.get_language())

    try:
        figures, outdated = _kept(_page_key(organisations), compute, today=today, refresh=refresh, force=force)
    except _OrganisationsChangedError as changed:
        return changed.figures
    return dataclasses.replace(figures, outdated=True) if outdated else figures


class _OrganisationsChangedError(Exception):
    def __init__(self, figures: PageFigures):
        super().__init__()
        self.figures = figures


def keep_current(*, today: datetime.date) -> int:
    """Recompute the outdated unfiltered figures of every set of organisations that has an
    active adviser, once per set and language the advisers read; returns how many were
    recomputed (the scheduled task)."""
    from .filters import scope_for

    advisers = (
        User.objects.filter(is_active=True, memberships__role=Membership.Role.HR)
        .distinct()
        .order_by("pk")
        .only("pk", "preferred_language")
    )
    done, computed = set(), 0
    for adviser in advisers:
        organisations = list(organisations_advised_by(adviser=adviser))
        language = adviser.preferred_language or settings.LANGUAGE_CODE
        seen = (tuple(sorted(organisation.pk for organisation in organisations)), language)
        if not organisations or seen in done:
            continue
        done.add(seen)
        with translation.override(language):
            scope, _form = scope_for(adviser=adviser, data={}, organisations=organisations)
            if not _is_current(cache.get(_page_key(organisations)), today=today):
                page_figures(adviser=adviser, organisations=organisations, today=today, force=True)
            if _is_current(cache.get(_dashboard_key(scope)), today=today):
                continue
            dashboard(scope=scope, adviser=adviser, today=today, force=True)
            computed += 1
    return computed


def refresh_figures(*, adviser: User, query: dict[str, str]) -> Dashboard | None:
    """Compute and keep the filter choices, the page figures and the figures of ``query`` for
    the adviser now (the background task). A part another task made current meanwhile is
    left as it is: one outdated page queues a task per part, and each would otherwise
    compute everything again. Nothing when they advise no organisation any more."""
    from .filters import scope_for

    organisations = list(organisations_advised_by(adviser=adviser))
    if not organisations:
        return None
    today = timezone.localdate()
    if not _is_current(cache.get(_choices_key(organisations)), today=today):
        filter_choices(adviser=adviser, organisations=organisations, force=True)
    if not _is_current(cache.get(_page_key(organisations)), today=today):
        page_figures(adviser=adviser, organisations=organisations, today=today, force=True)
    scope, _form = scope_for(adviser=adviser, data=query, organisations=organisations)
    kept = cache.get(_dashboard_key(scope))
    if _is_current(kept, today=today):
        return kept[3]
    return dashboard(scope=scope, adviser=adviser, today=today, force=True)


# The cache version ---------------------------------------------------------------------

VERSION_KEY = "insights:version"
# Every model a figure or a filter choice is read from.
WATCHED = (
    User,
    Membership,
    CurrentRole,
    CareerStep,
    Enrolment,
    Assignment,
    AssignmentBatch,
    Certificate,
    CircleMember,
    Session,
    Attendance,
    Attempt,
)


def data_version() -> int | None:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A random start, so a version that was evicted never comes back as an old number.
        cache.add(VERSION_KEY, secrets.randbits(48), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, secrets.randbits(48), timeout=None)


# Saves of only these fields change no figure: signing in is no reason to count again.
UNCOUNTED_FIELDS = frozenset({"last_login", "password", "preferred_language"})


def bump_version(*, update_fields=None, **_kwargs) -> None:
    """A receiver: the data changed. Changed now, and again on commit, so a dashboard read
    between the save and the commit is not kept under the new version."""
    if update_fields and set(update_fields) <= UNCOUNTED_FIELDS:
        return
    _bump()
    transaction.on_commit(_bump)


def connect_cache_invalidation() -> None:
    """Connect ``bump_version`` to the saves and deletes of WATCHED. Idempotent."""
    for model in WATCHED:
        label = model._meta.label_lower
        post_save.connect(bump_version, sender=model, dispatch_uid=f"insights-version-save-{label}")
        post_delete.connect(bump_version, sender=model, dispatch_uid=f"insights-version-delete-{label}")
