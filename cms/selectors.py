"""Reads that compose several apps for the dashboards."""

import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django.utils.http import urlencode

from assessments.selectors import development_plan, latest_attempts
from careers.selectors import current_roles_of, next_steps_for, open_conversations_for
from certificates.selectors import of_holder
from circles.attendance import attended_sessions, circle_participation_summary
from curriculum.models import LearningPathItem
from curriculum.selectors import assignment_overview, learner_learning, pending_requests, recent_batches
from insights.charts import dashboard_charts
from insights.filters import scope_for
from insights.selectors import dashboard as insights_dashboard
from insights.tables import dashboard_tables
from people.models import Membership, User
from people.selectors import organisations_advised_by, users_visible_to_hr

HR_PAGE_SIZE = 50


def learner_dashboard(*, user: User, today: datetime.date) -> dict:
    current = current_roles_of(people=[user.pk]).get(user.pk)
    learning = learner_learning(user=user, today=today)
    return {
        "current_role": current,
        "next_steps": next_steps_for(profile=current.profile if current else None),
        "plan": development_plan(user=user),
        "self_assessments": latest_attempts(user=user),
        "certificates": of_holder(user=user),
        **learning,
        "assignment_rows": assignment_rows(learning=learning),
        # How long each request waits, where learner_learning says so.
        "requests_waiting": [(e, getattr(e, "age_days", None)) for e in learning["requested"]],
        **circle_learning(user=user),
    }


def assignment_rows(*, learning: dict) -> list[tuple]:
    """(assignment, tracks) for the learner's assignments: for a learning path its tracks
    in order, each as (path item, the learner's enrolment status or None); None for a
    track. One query for all paths; the statuses come from the enrolments that
    ``learner_learning`` read."""
    assignments = learning["assignments"]
    path_ids = {a.path_id for a in assignments if a.path_id}
    tracks: dict[int, list] = {path_id: [] for path_id in path_ids}
    if path_ids:
        enrolments = [item["enrolment"] for item in learning["current"]]
        enrolments += learning["requested"] + learning["declined"] + learning["completed"]
        statuses = {e.track_id: e.status for e in enrolments}
        items = LearningPathItem.objects.filter(path_id__in=path_ids).select_related("track").order_by("sort_order")
        for item in items:
            tracks[item.path_id].append((item, statuses.get(item.track_id)))
    return [(a, tracks[a.path_id] if a.path_id else None) for a in assignments]


def circle_learning(*, user: User) -> dict:
    sessions = list(attended_sessions(user=user))
    return {"attended_sessions": sessions, "attended_hours": round(sum(session.hours for session in sessions), 2)}


def hr_dashboard(*, adviser: User, organisations: list, today: datetime.date) -> dict:
    pending = pending_requests(decider=adviser, organisations=organisations)
    return {
        "overview": assignment_overview(organisations=organisations, today=today),
        "pending_requests": pending,
        "oldest_request_days": pending[0].age_days if pending else None,
        "overdue_requests": sum(1 for enrolment in pending if enrolment.is_overdue),
        "conversations": open_conversations_for(adviser=adviser),
        "batches": recent_batches(organisations=organisations, limit=5),
        **circle_participation(adviser=adviser),
    }


def hr_insights(*, adviser: User, organisations: list, data, today: datetime.date) -> dict:
    """The insights of the HR dashboard for the filters in ``data`` (GET parameters), which
    are checked against the adviser's own organisations: the figures, their charts and
    tables, and the query that carries the filters into the export links."""
    scope, filter_form = scope_for(adviser=adviser, data=data, organisations=organisations)
    figures = insights_dashboard(scope=scope, adviser=adviser, today=today)
    return {
        "filter_form": filter_form,
        "scope": scope,
        "scope_query": urlencode(scope.as_query()),
        "profile_title": filter_form.profile_title(scope.profile_id),
        "insights": figures,
        "insight_tables": dashboard_tables(figures),
        "insight_charts": dashboard_charts(figures),
    }


CIRCLE_ROWS = 50


def circle_participation(*, adviser: User) -> dict:
    """Learning-circle participation of the adviser's own people only (a circle spans
    organisations: its other members never show here)."""
    summary = circle_participation_summary(adviser=adviser, limit=CIRCLE_ROWS)
    return {
        "circle_rows": summary.rows,
        "circle_rows_more": max(0, summary.total_rows - CIRCLE_ROWS),
        "circle_people": summary.people,
        "circle_hours": summary.hours,
    }


def hr_people_page(*, adviser: User, page_number: int | str | None, query: str = "") -> tuple[Page, dict]:
    """One page of the people an adviser may see, with their memberships and current role,
    in a fixed number of queries whatever the page size or organisation size."""
    organisations = organisations_advised_by(adviser=adviser)
    people = users_visible_to_hr(adviser=adviser).order_by("full_name", "email")
    if query:
        people = people.filter(full_name__icontains=query) | people.filter(email__icontains=query)
    people = people.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(organisation__in=organisations).select_related("organisation"),
            to_attr="visible_memberships",
        )
    )
    page = Paginator(people, HR_PAGE_SIZE).get_page(page_number)
    roles = current_roles_of(people=[person.pk for person in page.object_list])
    return page, roles
