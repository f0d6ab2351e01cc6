"""The HR dashboard of the largest organisation against the same figures in plain SQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/spil_bench_pop \\
        .venv/bin/python -m benchmarks.hr_insights [--runs N] [--explain K]

Runs on the population of ``benchmarks.population`` (made first, in the same database; this
benchmark only reads it, after ``migrate``). Signed in as an HR adviser of the largest
organisation (the ministry, ~23% of the people), it measures, taking turns so that a busy
moment of the machine falls on every target alike:

- **view**: ``GET /hr/`` through Django's test client (the whole middleware stack, a real
  session, the template) as an adviser meets it on a busy platform: figures are kept per
  scope, and something behind them changed since (the data version is new before every
  request), so the page serves the kept figures, marked outdated, and queues their
  recomputation (to an in-memory queue: no worker runs here); **view, filtered**: the same
  with a team, a role profile and the last 12 months; **view, current**: the kept figures
  are up to date; **view, cold** (and **cold, filtered**): nothing kept (the first request
  of a scope, or figures older than ``insights.selectors.MAX_STALE``), so the request
  computes the figures itself.
- **selector**: ``insights.selectors.build_dashboard`` for the scope of the page (and of the
  filtered page): the figures alone, no HTTP, no template; what the background task spends.
- **SQL**: the same figures as plain SQL written by hand (below), run with a cursor in this
  process: people, enrolments and completion per track, assignments per path with finished
  and overdue, the ten longest overdue, certificates issued/expiring/revoked, circle
  attendance, career steps, the competency heat map and the monthly trend (and **SQL,
  filtered**). **SQL, rest of the page**: what else /hr/ shows (the filter's choices, the
  people list, the requests, the assignment overview, the latest batches and the circle
  participation), which does not follow the filter. **SQL + rest**, the sum of the two
  medians, is the floor of the whole page.

Prints the median and p95 of ``--runs`` runs of each, ``view / (SQL + rest)`` (target at
most 1.5x) and the view's median (target under 1 s), the query count of the view for the
largest and for the smallest organisation (they must be equal: the count may not grow with
the organisation), whether the SQL and the selector agree on every figure, and ``EXPLAIN
ANALYZE`` of the slowest queries of one cold view (all plans in
benchmarks/results/hr_insights_explain.txt). ``--jit-off`` runs it all with PostgreSQL's JIT
compiler off. Writes benchmarks/results/hr_insights.json.
"""

# ruff: noqa: S608 (the SQL below is written here; every value in it is a parameter)
from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from benchmarks import harness, population

TARGET_RATIO = 1.5
TARGET_SECONDS = 1.0
MIN_GROUP_SIZE = 5  # assessments.selectors.MIN_GROUP_SIZE, read from there when it exists
EXPIRY_DAYS = 90
OVERDUE_ROWS = 10
TREND_MONTHS = 12
PEOPLE_PAGE = 50
TZ = "Europe/Amsterdam"


# The scene: who looks at what ----------------------------------------------------------------


@dataclass
class Scene:
    largest: Any  # Organisation
    smallest: Any
    adviser: Any  # User, HR adviser of the largest only
    small_adviser: Any
    filter_data: dict[str, str]
    small_filter_data: dict[str, str]
    members: int
    small_members: int


def find_scene() -> Scene:
    from django.db.models import Count, Q

    from careers.models import CurrentRole
    from people.models import Membership, Organisation, User

    organisations = list(
        Organisation.objects.annotate(
            n=Count("memberships", filter=Q(memberships__role=Membership.Role.LEARNER)),
            advisers=Count("memberships", filter=Q(memberships__role=Membership.Role.HR)),
        )
        .filter(advisers__gt=0)
        .order_by("-n", "pk")
    )
    if not organisations:
        raise SystemExit("No organisation with an HR adviser: run benchmarks.population first.")
    largest, smallest = organisations[0], organisations[-1]

    def adviser_of(organisation):
        # An active adviser of this organisation alone, so the page shows just that one.
        return (
            User.objects.filter(
                is_active=True, memberships__organisation=organisation, memberships__role=Membership.Role.HR
            )
            .annotate(advised=Count("memberships", filter=Q(memberships__role=Membership.Role.HR)))
            .filter(advised=1)
            .order_by("pk")
            .first()
        )

    def filter_of(organisation) -> dict[str, str]:
        """Its largest team, the most common role profile in it, and the last 12 months."""
        team = (
            Membership.objects.filter(organisation=organisation, role=Membership.Role.LEARNER)
            .exclude(team="")
            .values("team")
            .annotate(n=Count("pk"))
            .order_by("-n", "team")
            .values_list("team", flat=True)
            .first()
        )
        profile = (
            CurrentRole.objects.filter(user__memberships__organisation=organisation, user__memberships__team=team)
            .values("profile_id")
            .annotate(n=Count("pk"))
            .order_by("-n", "profile_id")
            .values_list("profile_id", flat=True)
            .first()
        )
        return {"team": team or "", "functieprofiel": str(profile or ""), "periode": "12-maanden"}

    return Scene(
        largest=largest,
        smallest=smallest,
        adviser=adviser_of(largest),
        small_adviser=adviser_of(smallest),
        filter_data=filter_of(largest),
        small_filter_data=filter_of(smallest),
        members=largest.n,
        small_members=smallest.n,
    )


# The scope in plain values -------------------------------------------------------------------


@dataclass(frozen=True)
class SqlScope:
    """What the SQL needs of an ``insights.filters.Scope``: ids, a team, a profile, the period."""

    adviser_id: int
    organisation_ids: tuple[int, ...]
    team: str
    profile_id: int | None
    start: datetime.date | None
    end: datetime.date | None

    @classmethod
    def of(cls, scope: Any) -> SqlScope:
        return cls(
            scope.adviser_id, tuple(scope.organisation_ids), scope.team, scope.profile_id, scope.start, scope.end
        )


def midnight(day: datetime.date) -> datetime.datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def trend_months(last: datetime.date) -> list[datetime.date]:
    months = [last.replace(day=1)]
    while len(months) < TREND_MONTHS:
        months.insert(0, (months[0] - datetime.timedelta(days=1)).replace(day=1))
    return months


# The figures in plain SQL ---------------------------------------------------------------------


def people_cte(scope: SqlScope, *, narrowed: bool = True) -> tuple[str, dict[str, Any]]:
    """``advised``: the scope's organisations the adviser advises; ``people``: the active
    members of those (in the team, with the role profile, when ``narrowed``)."""
    params: dict[str, Any] = {"adviser": scope.adviser_id, "organisations": list(scope.organisation_ids)}
    team = profile = ""
    if narrowed and scope.team:
        team, params["team"] = " AND m.team = %(team)s", scope.team
    if narrowed and scope.profile_id is not None:
        profile = " AND u.id IN (SELECT r.user_id FROM careers_currentrole r WHERE r.profile_id = %(profile)s)"
        params["profile"] = scope.profile_id
    sql = f"""
        advised AS (
            SELECT a.organisation_id FROM people_membership a
            WHERE a.user_id = %(adviser)s AND a.role = 'hr' AND a.organisation_id = ANY(%(organisations)s)
        ),
        people AS (
            SELECT u.id FROM people_user u
            WHERE u.is_active
              AND u.id IN (
                  SELECT m.user_id FROM people_membership m
                  WHERE m.organisation_id IN (SELECT organisation_id FROM advised){team}
              ){profile}
        )"""
    return sql, params


def period(column: str, scope: SqlScope, params: dict[str, Any], *, moments: bool) -> str:
    """``column`` within the scope's period: moments from midnight to midnight (site time
    zone), dates from the first to the last day."""
    parts = []
    if scope.start is not None:
        params["start"] = midnight(scope.start) if moments else scope.start
        parts.append(f" AND {column} >= %(start)s")
    if scope.end is not None:
        if moments:
            params["end"] = midnight(scope.end + datetime.timedelta(days=1))
            parts.append(f" AND {column} < %(end)s")
        else:
            params["end"] = scope.end
            parts.append(f" AND {column} <= %(end)s")
    return "".join(parts)


def status_cte(scope: SqlScope, params: dict[str, Any], *, in_period: bool) -> str:
    """``status``: the scope's assignments with ``finished`` and ``finished_at`` (the column
    ``curriculum.status`` keeps from the enrolments: the track completed; for a path every
    required track and at least ``min_electives`` others)."""
    due = period("a.due_date", scope, params, moments=False) if in_period else ""
    return f""",
        status AS (
            SELECT a.id, a.user_id, a.organisation_id, a.path_id, a.track_id, a.due_date,
                   a.finished_at, a.finished_at IS NOT NULL AS finished
            FROM curriculum_assignment a
            WHERE a.organisation_id IN (SELECT organisation_id FROM advised)
              AND a.user_id IN (SELECT id FROM people){due}
        )"""


@dataclass
class Figures:
    """The dashboard's figures, from either side, to compare."""

    people: int = 0
    tracks: list[tuple] = field(default_factory=list)  # (title, enrolled, completed)
    paths: list[tuple] = field(default_factory=list)  # (title, assigned, finished, late)
    assigned: int = 0
    finished: int = 0
    overdue: int = 0
    overdue_rows: list[tuple] = field(default_factory=list)  # (email, due date)
    certificates: list[tuple] = field(default_factory=list)  # (achievement, issued, expiring, revoked)
    circles: list[tuple] = field(default_factory=list)  # (title, members, people present, present, absent, hours)
    steps: list[tuple] = field(default_factory=list)  # (from, to, count)
    assessment: str | None = None
    heatmap: list[tuple] = field(default_factory=list)  # (organisation, competency, average)
    months: list[tuple] = field(default_factory=list)  # (month, completions, overdue)


def run(cursor, sql: str, params: dict[str, Any]) -> list[tuple]:
    cursor.execute(sql, params)
    return cursor.fetchall()


def sql_figures(scope: SqlScope, *, today: datetime.date, now: datetime.datetime) -> Figures:
    """Every figure of the dashboard with a cursor: ten statements, and two for the heat map."""
    from django.db import connection

    figures = Figures()
    with connection.cursor() as cursor:
        people, base = people_cte(scope)
        figures.people = run(cursor, f"WITH {people} SELECT count(*) FROM people", base)[0][0]

        params = dict(base)
        began = period("coalesce(e.started_at, e.requested_at)", scope, params, moments=True)
        rows = run(
            cursor,
            f"""WITH {people}
            SELECT p.title, count(*), count(*) FILTER (WHERE e.status = 'completed')
            FROM curriculum_enrolment e JOIN wagtailcore_page p ON p.id = e.track_id
            WHERE e.user_id IN (SELECT id FROM people) AND e.status IN ('active', 'completed'){began}
            GROUP BY e.track_id, p.title ORDER BY p.title, e.track_id""",
            params,
        )
        figures.tracks = [tuple(row) for row in rows]

        params = dict(base, today=today)
        status = status_cte(scope, params, in_period=True)
        rows = run(
            cursor,
            f"""WITH {people}{status}
            SELECT s.path_id, lp.title, count(*), count(*) FILTER (WHERE s.finished),
                   count(*) FILTER (WHERE NOT s.finished AND s.due_date < %(today)s)
            FROM status s LEFT JOIN curriculum_learningpath lp ON lp.id = s.path_id
            GROUP BY s.path_id, lp.title""",
            params,
        )
        for path_id, title, total, finished, late in rows:
            figures.assigned += total
            figures.finished += finished
            figures.overdue += late
            if path_id is not None:
                figures.paths.append((title, total, finished, late))
        figures.paths.sort(key=lambda row: row[0].casefold())
        rows = run(
            cursor,
            f"""WITH {people}{status}
            SELECT u.full_name, u.email, o.name, lp.title, tp.title, s.due_date
            FROM status s
            JOIN people_user u ON u.id = s.user_id
            JOIN people_organisation o ON o.id = s.organisation_id
            LEFT JOIN curriculum_learningpath lp ON lp.id = s.path_id
            LEFT JOIN wagtailcore_page tp ON tp.id = s.track_id
            WHERE NOT s.finished AND s.due_date < %(today)s
            ORDER BY s.due_date, u.full_name, s.id LIMIT {OVERDUE_ROWS}""",
            params,
        )
        figures.overdue_rows = [(row[1], row[5]) for row in rows]

        params = dict(base, now=now, soon=now + datetime.timedelta(days=EXPIRY_DAYS))
        issued = period("c.issued_at", scope, params, moments=True)[5:] or "TRUE"
        revoked = period("c.revoked_at", scope, params, moments=True)
        rows = run(
            cursor,
            f"""WITH {people}
            SELECT c.achievement, count(*) FILTER (WHERE {issued}) AS issued,
                   count(*) FILTER (WHERE c.revoked_at IS NULL AND c.superseded_at IS NULL
                                      AND c.expires_at > %(now)s AND c.expires_at <= %(soon)s) AS expiring,
                   count(*) FILTER (WHERE c.revoked_at IS NOT NULL{revoked}) AS revoked
            FROM certificates_certificate c
            WHERE c.user_id IN (SELECT id FROM people)
            GROUP BY c.achievement""",
            params,
        )
        figures.certificates = sorted(tuple(row) for row in rows if row[1] or row[2] or row[3])

        params = dict(base)
        held = period("s.starts_at", scope, params, moments=True)
        attendance = run(
            cursor,
            f"""WITH {people}
            SELECT s.circle_id, p.title,
                   count(DISTINCT a.user_id) FILTER (WHERE a.status = 'present'),
                   count(*) FILTER (WHERE a.status = 'present'),
                   count(*) FILTER (WHERE a.status = 'absent'),
                   sum(s.ends_at - s.starts_at) FILTER (WHERE a.status = 'present')
            FROM circles_attendance a
            JOIN circles_session s ON s.id = a.session_id
            JOIN wagtailcore_page p ON p.id = s.circle_id
            WHERE a.user_id IN (SELECT id FROM people) AND s.status <> 'cancelled'{held}
            GROUP BY s.circle_id, p.title""",
            params,
        )
        members = run(
            cursor,
            f"""WITH {people}
            SELECT m.circle_id, p.title, count(DISTINCT m.user_id)
            FROM circles_circlemember m JOIN wagtailcore_page p ON p.id = m.circle_id
            WHERE m.user_id IN (SELECT id FROM people) AND m.left_at IS NULL
            GROUP BY m.circle_id, p.title""",
            base,
        )
        circles: dict[int, list] = {pk: [title, n, 0, 0, 0, 0.0] for pk, title, n in members}
        for pk, title, people_present, present, absent, length in attendance:
            row = circles.setdefault(pk, [title, 0, 0, 0, 0, 0.0])
            row[2:] = [
                people_present,
                present,
                absent,
                round((length or datetime.timedelta()).total_seconds() / 3600, 1),
            ]
        figures.circles = sorted((tuple(row) for row in circles.values()), key=lambda row: row[0].casefold())

        params = dict(base)
        dated = period("cs.date", scope, params, moments=False)
        figures.steps = [
            tuple(row)
            for row in run(
                cursor,
                f"""WITH {people}
                SELECT fp.title, tp.title, count(*)
                FROM careers_careerstep cs
                LEFT JOIN wagtailcore_page fp ON fp.id = cs.from_profile_id
                JOIN wagtailcore_page tp ON tp.id = cs.to_profile_id
                WHERE cs.user_id IN (SELECT id FROM people){dated}
                GROUP BY fp.title, tp.title ORDER BY count(*) DESC, tp.title, fp.title""",
                params,
            )
        ]

        heatmap_figures(cursor, scope, figures)
        monthly_figures(cursor, scope, figures, today=today)
    return figures


def heatmap_figures(cursor, scope: SqlScope, figures: Figures) -> None:
    """The self-assessment with the most results shared by the organisations' people, then
    per organisation the average level per competency over each member's latest shared result
    (shown for at least MIN_GROUP_SIZE people, and competencies answered by as many)."""
    everyone, params = people_cte(scope, narrowed=False)
    chosen = run(
        cursor,
        f"""WITH {everyone}
        SELECT p.id, p.title FROM assessments_selfassessmentpage sa
        JOIN wagtailcore_page p ON p.id = sa.page_ptr_id
        LEFT JOIN assessments_attempt t
               ON t.assessment_id = p.id AND t.status = 'submitted'
              AND t.shared_with_organisation_at IS NOT NULL AND t.user_id IN (SELECT id FROM people)
        WHERE p.live
        GROUP BY p.id, p.title ORDER BY count(t.id) DESC, p.title, p.id LIMIT 1""",
        params,
    )
    if not chosen:
        return
    params = dict(params, assessment=chosen[0][0], min_size=MIN_GROUP_SIZE)
    figures.assessment = chosen[0][1]
    rows = run(
        cursor,
        f"""WITH {everyone},
        members AS (
            SELECT DISTINCT m.organisation_id, m.user_id FROM people_membership m
            WHERE m.organisation_id IN (SELECT organisation_id FROM advised)
        ),
        latest AS (
            SELECT DISTINCT ON (t.user_id) t.id, t.user_id FROM assessments_attempt t
            WHERE t.assessment_id = %(assessment)s AND t.status = 'submitted'
              AND t.shared_with_organisation_at IS NOT NULL
              AND t.user_id IN (SELECT user_id FROM members)
            ORDER BY t.user_id, t.submitted_at DESC, t.id DESC
        ),
        chosen AS (
            SELECT m.organisation_id, l.id FROM latest l JOIN members m ON m.user_id = l.user_id
        ),
        sizes AS (SELECT organisation_id, count(*) AS people FROM chosen GROUP BY organisation_id)
        SELECT o.name, c.name, avg(an.level)
        FROM chosen ch
        JOIN sizes z ON z.organisation_id = ch.organisation_id AND z.people >= %(min_size)s
        JOIN people_organisation o ON o.id = ch.organisation_id
        JOIN assessments_answer an ON an.attempt_id = ch.id
        JOIN assessments_statement st ON st.id = an.statement_id
        JOIN careers_competency c ON c.id = st.competency_id
        GROUP BY o.name, c.id, c.name
        HAVING count(DISTINCT an.attempt_id) >= %(min_size)s
        ORDER BY o.name, c.name""",
        params,
    )
    # Rounded as the selector rounds (a float, in Python), so a .x5 ends the same way on both sides.
    figures.heatmap = [
        (organisation, competency, round(float(average), 1)) for organisation, competency, average in rows
    ]


def monthly_figures(cursor, scope: SqlScope, figures: Figures, *, today: datetime.date) -> None:
    """Completions per month, and assignments overdue at each month's end (today for this month)."""
    last = min(scope.end, today) if scope.end is not None else today
    months = trend_months(last)
    people, base = people_cte(scope)
    params = dict(base, first=midnight(months[0]), after=midnight(next_month(months[-1])))
    completions = dict(
        run(
            cursor,
            f"""WITH {people}
            SELECT date_trunc('month', e.completed_at AT TIME ZONE '{TZ}')::date, count(*)
            FROM curriculum_enrolment e
            WHERE e.user_id IN (SELECT id FROM people)
              AND e.completed_at >= %(first)s AND e.completed_at < %(after)s
            GROUP BY 1""",
            params,
        )
    )
    cutoffs = [min(next_month(month) - datetime.timedelta(days=1), last) for month in months]
    params = dict(base, today=today, cutoffs=cutoffs, last_cutoff=cutoffs[-1])
    status = status_cte(scope, params, in_period=False)
    overdue = dict(
        run(
            cursor,
            f"""WITH {people}{status},
            groups AS (
                SELECT due_date,
                       (finished_at AT TIME ZONE '{TZ}')::date AS finished_on,
                       count(*) AS n
                FROM status WHERE due_date < %(last_cutoff)s GROUP BY 1, 2
            )
            SELECT d.day, coalesce(sum(g.n) FILTER (
                       WHERE g.due_date < d.day AND (g.finished_on IS NULL OR g.finished_on > d.day)), 0)
            FROM unnest(%(cutoffs)s::date[]) AS d(day) CROSS JOIN groups g
            GROUP BY d.day""",
            params,
        )
    )
    figures.months = [
        (month, completions.get(month, 0), int(overdue.get(day, 0))) for month, day in zip(months, cutoffs, strict=True)
    ]


def sql_page_extras(scope: SqlScope, *, today: datetime.date) -> int:
    """What else /hr/ shows, in plain SQL: the organisations, the filter's choices (teams and
    role profiles), the first page of people with memberships and role, the requests waiting,
    the assignment overview per target, the latest batches and the circle participation per
    person. Returns the number of rows read."""
    from django.db import connection

    everyone, params = people_cte(scope, narrowed=False)
    params = dict(params, today=today, page=PEOPLE_PAGE)
    statements = [
        "SELECT o.id, o.name FROM people_organisation o WHERE o.id IN (SELECT organisation_id FROM advised)"
        " ORDER BY o.name",
        "SELECT DISTINCT m.team FROM people_membership m"
        " WHERE m.organisation_id IN (SELECT organisation_id FROM advised) AND m.team <> '' ORDER BY m.team",
        "SELECT DISTINCT r.profile_id, p.title FROM careers_currentrole r"
        " JOIN wagtailcore_page p ON p.id = r.profile_id"
        " WHERE r.user_id IN (SELECT id FROM people) ORDER BY p.title, r.profile_id",
        "SELECT count(*) FROM people",
        """, page AS (
            SELECT u.id, u.full_name, u.email FROM people_user u WHERE u.id IN (SELECT id FROM people)
            ORDER BY u.full_name, u.email LIMIT %(page)s
        )
        SELECT pg.id, pg.full_name, pg.email, m.role, m.team, o.name, rp.title
        FROM page pg
        JOIN people_membership m ON m.user_id = pg.id AND m.organisation_id IN (SELECT organisation_id FROM advised)
        JOIN people_organisation o ON o.id = m.organisation_id
        LEFT JOIN careers_currentrole r ON r.user_id = pg.id
        LEFT JOIN wagtailcore_page rp ON rp.id = r.profile_id
        ORDER BY pg.full_name, pg.email""",
        """SELECT e.id, u.full_name, p.title, e.requested_at
        FROM curriculum_enrolment e JOIN people_user u ON u.id = e.user_id JOIN wagtailcore_page p ON p.id = e.track_id
        WHERE e.status = 'requested' AND e.user_id <> %(adviser)s AND e.user_id IN (SELECT id FROM people)
        ORDER BY e.requested_at, e.id""",
        """SELECT b.id, b.created_at, lp.title, tp.title, u.full_name FROM curriculum_assignmentbatch b
        LEFT JOIN curriculum_learningpath lp ON lp.id = b.path_id LEFT JOIN wagtailcore_page tp ON tp.id = b.track_id
        LEFT JOIN people_user u ON u.id = b.assigned_by_id
        WHERE b.organisation_id IN (SELECT organisation_id FROM advised) ORDER BY b.created_at DESC LIMIT 5""",
        """, attended AS (
            SELECT a.user_id, s.circle_id, count(*) AS n, sum(s.ends_at - s.starts_at) AS length,
                   max(s.starts_at) AS last
            FROM circles_attendance a JOIN circles_session s ON s.id = a.session_id
            WHERE a.user_id IN (SELECT id FROM people) AND a.status = 'present' AND s.status <> 'cancelled'
            GROUP BY a.user_id, s.circle_id
        ), joined AS (
            SELECT m.user_id, m.circle_id, m.joined_at, m.left_at FROM circles_circlemember m
            WHERE m.user_id IN (SELECT id FROM people)
        )
        SELECT coalesce(j.user_id, t.user_id), coalesce(j.circle_id, t.circle_id), u.full_name, p.title,
               j.joined_at, j.left_at, coalesce(t.n, 0), t.length, t.last
        FROM joined j FULL JOIN attended t ON t.user_id = j.user_id AND t.circle_id = j.circle_id
        JOIN people_user u ON u.id = coalesce(j.user_id, t.user_id)
        JOIN wagtailcore_page p ON p.id = coalesce(j.circle_id, t.circle_id)
        ORDER BY lower(u.full_name), u.id, lower(p.title)""",
    ]
    # The assignment overview: every assignment of the organisations, per target, with status.
    overview_scope = SqlScope(scope.adviser_id, scope.organisation_ids, "", None, None, None)
    overview_people, overview_params = people_cte(overview_scope)
    overview_status = status_cte(overview_scope, overview_params, in_period=False).replace(
        "AND a.user_id IN (SELECT id FROM people)", ""
    )
    overview_params["today"] = today
    rows = 0
    with connection.cursor() as cursor:
        for statement in statements:
            glue = "" if statement.startswith(",") else " "
            rows += len(run(cursor, f"WITH {everyone}{glue}{statement}", params))
        rows += len(
            run(
                cursor,
                f"""WITH {overview_people}{overview_status}
                SELECT s.organisation_id, s.path_id, s.track_id, count(*), count(*) FILTER (WHERE s.finished),
                       count(*) FILTER (WHERE NOT s.finished AND s.due_date < %(today)s)
                FROM status s GROUP BY s.organisation_id, s.path_id, s.track_id""",
                overview_params,
            )
        )
    return rows


def selector_figures(dashboard: Any) -> Figures:
    """The same fields from an ``insights.selectors.Dashboard``."""
    return Figures(
        people=dashboard.people,
        tracks=[(row.track, row.enrolled, row.completed) for row in dashboard.tracks],
        paths=[(row.path, row.assigned, row.finished, row.late) for row in dashboard.paths],
        assigned=dashboard.assigned,
        finished=dashboard.finished,
        overdue=dashboard.overdue,
        overdue_rows=[(row.email, row.due_date) for row in dashboard.overdue_rows],
        certificates=sorted((row.achievement, row.issued, row.expiring, row.revoked) for row in dashboard.certificates),
        circles=[
            (row.circle, row.members, row.people_present, row.present, row.absent, row.hours)
            for row in dashboard.circles
        ],
        steps=[(row.from_profile, row.to_profile, row.count) for row in dashboard.steps],
        assessment=dashboard.assessment,
        heatmap=[(row.organisation, row.competency, float(row.average)) for row in dashboard.competency_rows],
        months=[(row.month, row.completions, row.overdue) for row in dashboard.months],
    )


def differences(sql: Figures, selector: Figures) -> list[str]:
    """The fields in which the two disagree (lists compared as sets where the order is the
    databases' collation, which Python's sort need not follow)."""
    found = []
    for name in Figures.__dataclass_fields__:
        a, b = getattr(sql, name), getattr(selector, name)
        if isinstance(a, list) and name not in ("overdue_rows", "months"):
            a, b = sorted(a, key=repr), sorted(b, key=repr)
        if a != b:
            found.append(f"{name}: SQL {summary(a)} / selector {summary(b)}")
    return found


def summary(value: Any) -> str:
    if isinstance(value, list):
        return f"{len(value)} rows, first {value[:2]!r}"
    return repr(value)


# Measuring -----------------------------------------------------------------------------------


def insights_api() -> tuple[Any, Any] | None:
    """(insights.selectors, insights.filters) when the insights dashboard is there."""
    try:
        selectors = importlib.import_module("insights.selectors")
        filters = importlib.import_module("insights.filters")
    except ImportError:
        return None
    if not hasattr(selectors, "build_dashboard") or not hasattr(filters, "scope_for"):
        return None
    return selectors, filters


def forget_figures() -> None:
    """Empty the insights cache, so the next request computes the figures: a new data version
    when the selectors keep one, else the whole local-memory cache (sessions live in the database)."""
    from django.core.cache import cache

    api = insights_api()
    key = getattr(api[0], "VERSION_KEY", None) if api else None
    if key:
        cache.delete(key)
    else:
        cache.clear()


def count_queries(fn: Callable[[], object]) -> int:
    """Every query ``fn`` makes (``harness.count_queries`` keeps only Django's last 9,000)."""
    from django.db import connection

    count = 0

    def counting(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        fn()
    return count


@dataclass
class Target:
    name: str
    fn: Callable[[], object]
    prepare: Callable[[], object] = lambda: None  # before every run, not measured
    seconds: list[float] = field(default_factory=list)
    queries: int | None = None

    def once(self) -> float:
        self.prepare()
        return harness.timed(self.fn)

    @property
    def median_ms(self) -> float:
        return 1000 * harness.median(self.seconds)

    @property
    def p95_ms(self) -> float:
        return 1000 * harness.percentile(self.seconds, 95)


def page_getter(client: Any, path: str, expect: str) -> Callable[[], None]:
    def get() -> None:
        response = client.get(path)
        if response.status_code != 200 or expect.encode() not in response.content:
            raise RuntimeError(f"{path} answered {response.status_code} without {expect!r}")

    return get


def forget_kept_figures() -> None:
    """Empty the whole (local-memory) cache: no figures kept at all (sessions live in the database)."""
    from django.core.cache import cache

    cache.clear()


def page_target(name: str, client: Any, path: str, expect: str, *, mode: str) -> Target:
    """A GET of ``path``. ``mode``: "outdated" — figures kept but the data changed since (the
    page serves them and queues their recomputation), "cold" — nothing kept, the request
    computes the figures, "current" — the kept figures are up to date."""
    get = page_getter(client, path, expect)

    def outdated() -> None:
        get()  # figures kept (a cold target before may have emptied the cache)
        forget_figures()  # then something changes

    prepare = {"outdated": outdated, "cold": forget_kept_figures, "current": get}[mode]
    return Target(name, get, prepare=prepare)


def queue_without_worker() -> None:
    """Tasks go to an in-memory queue that no worker reads, as a web process hands them to
    Redis: the page's time is its own, not the background recomputation's (timed apart as
    "selector")."""
    from celery import current_app

    current_app.conf.task_always_eager = False
    current_app.conf.broker_url = "memory://"


def switch_jit_off() -> None:
    """``SET jit = off`` on this connection and every one Django opens later."""
    from django.db import connection
    from django.db.backends.signals import connection_created

    def off(connection, **kwargs) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SET jit = off")

    connection_created.connect(off, weak=False, dispatch_uid="benchmarks-jit-off")
    if connection.connection is not None:
        off(connection)


def explain_slowest(fn: Callable[[], object], *, count: int) -> tuple[list[dict[str, Any]], str]:
    """Run ``fn`` once capturing its queries, then ``EXPLAIN (ANALYZE, BUFFERS)`` the
    ``count`` slowest; returns their summaries and the full plans as text."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fn()
    queries = sorted(captured.captured_queries, key=lambda q: float(q["time"]), reverse=True)[:count]
    summaries, text = [], []
    with connection.cursor() as cursor:
        for number, query in enumerate(queries, 1):
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
            plan = [line for (line,) in cursor.fetchall()]
            execution = next((line for line in plan if line.startswith("Execution Time")), "")
            seq_scans = sorted({line.split(" on ")[1].split()[0] for line in plan if "Seq Scan on" in line})
            summaries.append(
                {
                    "ms": round(1000 * float(query["time"]), 1),
                    "sql": " ".join(query["sql"].split())[:300],
                    "execution": execution,
                    "seq_scans": seq_scans,
                }
            )
            text.append(f"-- {number}. {1000 * float(query['time']):.1f} ms\n{query['sql']}\n\n" + "\n".join(plan))
    return summaries, "\n\n".join(text) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--database-url", help="PostgreSQL URL of the population (default: DATABASE_URL)")
    parser.add_argument("--runs", type=int, default=11, help="measured runs per target (the median counts)")
    parser.add_argument("--warmup", type=int, default=2, help="unmeasured runs per target first (at least 1)")
    parser.add_argument("--explain", type=int, default=5, help="EXPLAIN ANALYZE this many of the slowest queries")
    parser.add_argument("--no-migrate", action="store_true", help="skip migrate (the database is up to date)")
    parser.add_argument("--jit-off", action="store_true", help="SET jit = off on every connection of this run")
    args = parser.parse_args()
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be at least 1")
    url = population.database_url(args.database_url)
    # Only a benchmark database of its own is migrated; any other is read as it is.
    migrate = not args.no_migrate and urlsplit(url).path.lstrip("/").startswith("spil_bench")
    print("Setting up Django" + (" (migrate)" if migrate else "") + " ...", flush=True)
    population.setup_django(url, migrate=migrate)

    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from people.models import User

    if not User.objects.exists():
        raise SystemExit("The database holds no population: run benchmarks.population first.")
    global MIN_GROUP_SIZE
    with contextlib.suppress(ImportError, AttributeError):
        MIN_GROUP_SIZE = importlib.import_module("assessments.selectors").MIN_GROUP_SIZE
    if args.jit_off:
        switch_jit_off()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # statistics as autovacuum would have them
        cursor.execute("SHOW jit")
        jit = cursor.fetchone()[0]
    print(f"PostgreSQL jit = {jit}", flush=True)
    scene = find_scene()
    today, now = timezone.localdate(), timezone.now()
    print(
        f"Largest: {scene.largest.name} ({scene.members:,} learners); smallest: {scene.smallest.name} "
        f"({scene.small_members:,}); filter {scene.filter_data}",
        flush=True,
    )
    api = insights_api()
    query = urlencode(scene.filter_data)
    client = Client(HTTP_HOST="localhost")
    client.force_login(scene.adviser)
    expect = scene.largest.name
    queue_without_worker()
    targets = [
        page_target("view", client, "/hr/", expect, mode="outdated"),
        page_target("view, filtered", client, f"/hr/?{query}", expect, mode="outdated"),
        page_target("view, current", client, "/hr/", expect, mode="current"),
        page_target("view, cold", client, "/hr/", expect, mode="cold"),
        page_target("view, cold, filtered", client, f"/hr/?{query}", expect, mode="cold"),
    ]
    scopes: dict[str, SqlScope] = {}
    if api is not None:
        selectors, filters = api
        for name, data in (("", {}), (", filtered", scene.filter_data)):
            scope, _form = filters.scope_for(adviser=scene.adviser, data=data)
            scopes[name] = SqlScope.of(scope)
            targets.append(
                Target(
                    f"selector{name}",
                    lambda scope=scope: selectors.build_dashboard(scope=scope, adviser=scene.adviser, today=today),
                )
            )
    else:
        print("insights.selectors.build_dashboard is not there (yet): timing the page and the SQL only.")
        start = today.replace(month=1, day=1)
        organisation_ids = (scene.largest.pk,)
        scopes[""] = SqlScope(scene.adviser.pk, organisation_ids, "", None, start, today)
        profile = int(scene.filter_data["functieprofiel"]) if scene.filter_data["functieprofiel"] else None
        scopes[", filtered"] = SqlScope(
            scene.adviser.pk,
            organisation_ids,
            scene.filter_data["team"],
            profile,
            today.replace(year=today.year - 1) + datetime.timedelta(days=1),
            today,
        )
    for name, scope in scopes.items():
        targets.append(Target(f"SQL{name}", lambda scope=scope: sql_figures(scope, today=today, now=now)))
    # The rest of the page, which does not follow the insights filter: the same for both.
    base = scopes[""]
    targets.append(Target("SQL, rest of the page", lambda: sql_page_extras(base, today=today)))

    print(f"Warm-up ({args.warmup} each) and query counts ...", flush=True)
    for target in targets:
        for _ in range(max(args.warmup, 1)):  # the count after one run: caches filled, as in use
            target.once()
        target.prepare()
        target.queries = count_queries(target.fn)
    small_client = Client(HTTP_HOST="localhost")
    small_client.force_login(scene.small_adviser)
    small_queries = {}
    small_query = urlencode(scene.small_filter_data)
    for name, path, mode in (
        ("view", "/hr/", "outdated"),
        ("view, filtered", f"/hr/?{small_query}", "outdated"),
        ("view, cold", "/hr/", "cold"),
    ):
        small = page_target(name, small_client, path, scene.smallest.name, mode=mode)
        small.once()
        small.prepare()
        small_queries[name] = count_queries(small.fn)

    agreement: list[str] | None = None
    if api is not None:
        agreement = []
        for name, scope in scopes.items():
            filters_scope, _form = api[1].scope_for(adviser=scene.adviser, data=scene.filter_data if name else {})
            selector = selector_figures(api[0].build_dashboard(scope=filters_scope, adviser=scene.adviser, today=today))
            agreement += [
                f"{name or 'unfiltered'}: {line}"
                for line in differences(sql_figures(scope, today=today, now=now), selector)
            ]

    for run_number in range(args.runs):
        print(f"Run {run_number + 1} of {args.runs} ...", end="\r", flush=True, file=sys.stderr)
        for target in targets:
            target.seconds.append(target.once())
    print(file=sys.stderr)

    plans, plan_text = [], ""
    if args.explain:
        cold = next(target for target in targets if target.name == "view, cold")
        cold.prepare()
        plans, plan_text = explain_slowest(cold.fn, count=args.explain)

    by_name = {target.name: target for target in targets}
    view, rest = by_name["view"], by_name["SQL, rest of the page"].median_ms
    floor = by_name["SQL"].median_ms + rest  # the whole page's floor: its figures and the rest
    floor_filtered = by_name["SQL, filtered"].median_ms + rest
    ratio = view.median_ms / floor
    print()
    harness.print_table(
        ["target", "queries", "median ms", "p95 ms"],
        [[t.name, t.queries, f"{t.median_ms:.1f}", f"{t.p95_ms:.1f}"] for t in targets]
        + [
            ["SQL + rest (sum of medians)", "", f"{floor:.1f}", ""],
            ["SQL, filtered + rest", "", f"{floor_filtered:.1f}", ""],
        ],
    )
    print()
    ratios = {
        "view / (SQL + rest)": ratio,
        "view, filtered / (SQL, filtered + rest)": by_name["view, filtered"].median_ms / floor_filtered,
        "view, current / rest": by_name["view, current"].median_ms / rest,
        "view, cold / (SQL + rest)": by_name["view, cold"].median_ms / floor,
        "view, cold, filtered / (SQL, filtered + rest)": by_name["view, cold, filtered"].median_ms / floor_filtered,
    }
    if "selector" in by_name:
        ratios["selector / SQL"] = by_name["selector"].median_ms / by_name["SQL"].median_ms
        ratios["selector, filtered / SQL, filtered"] = (
            by_name["selector, filtered"].median_ms / by_name["SQL, filtered"].median_ms
        )
    for name, value in ratios.items():
        print(f"{name}: {value:.2f}x")
    verdict = "within" if ratio <= TARGET_RATIO else "MISSES"
    print(f"view/(SQL + rest) on {connection.vendor}: {ratio:.2f}x, {verdict} the target of at most {TARGET_RATIO:g}x")
    seconds = view.median_ms / 1000
    verdict = "within" if seconds < TARGET_SECONDS else "MISSES"
    print(f"view median {seconds:.3f} s, {verdict} the target of under {TARGET_SECONDS:g} s")
    for name in small_queries:
        large = by_name[name].queries
        print(
            f"queries of the {name}: {large} for {scene.largest.name} ({scene.members:,}), "
            f"{small_queries[name]} for {scene.smallest.name} ({scene.small_members:,}): "
            + ("equal" if large == small_queries[name] else "NOT EQUAL")
        )
    if agreement is None:
        print("SQL against selector: not compared (no insights selectors)")
    elif agreement:
        print("SQL and selector DISAGREE on:")
        for line in agreement:
            print(f"  {line}")
    else:
        print("SQL and selector agree on every figure (both scopes).")
    if plans:
        print(f"\nThe {len(plans)} slowest queries of one cold view (benchmarks/results/hr_insights_explain.txt):")
        for number, plan in enumerate(plans, 1):
            scans = ", ".join(plan["seq_scans"]) or "none"
            print(f"{number}. {plan['ms']} ms; {plan['execution']}; seq scans: {scans}\n   {plan['sql'][:220]}")
        harness.RESULTS_DIR.mkdir(exist_ok=True)
        (harness.RESULTS_DIR / "hr_insights_explain.txt").write_text(plan_text)
    harness.write_result(
        "hr_insights",
        {
            "largest": {"name": scene.largest.name, "learners": scene.members},
            "smallest": {"name": scene.smallest.name, "learners": scene.small_members},
            "filter": scene.filter_data,
            "runs": args.runs,
            "targets": {
                t.name: {"queries": t.queries, "median_ms": round(t.median_ms, 2), "p95_ms": round(t.p95_ms, 2)}
                for t in targets
            },
            "ratios": {name: round(value, 3) for name, value in ratios.items()},
            "target_ratio": TARGET_RATIO,
            "target_seconds": TARGET_SECONDS,
            "view_queries": {"largest": view.queries, "smallest": small_queries["view"]},
            "jit": jit,
            "disagreements": agreement,
            "slowest_queries": plans,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
