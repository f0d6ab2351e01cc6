"""Reads that compose several apps for the dashboards."""

import datetime
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Exists
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode

from assessments.models import Attempt, DevelopmentPlan
from assessments.selectors import development_plan, latest_attempts
from careers.selectors import current_roles_of, next_step_links, open_conversations_for
from certificates.models import Certificate
from certificates.selectors import of_holder
from circles.attendance import attended_sessions
from curriculum.selectors import learner_learning, pending_request_counts, recent_batches
from insights.charts import dashboard_charts
from insights.filters import scope_for
from insights.selectors import PageFigures, figures_html_key, filter_form_html_key, page_figures, page_html_key
from insights.selectors import dashboard as insights_dashboard
from insights.tables import dashboard_tables
from people.models import Membership, User
from people.selectors import members_of, organisations_advised_by

HR_PAGE_SIZE = 50


def learner_dashboard(*, user: User, today: datetime.date) -> dict:
    """Everything the learner dashboard shows, in a number of queries that does not grow
    with the rows of the learner or of the database. A list the learner has no rows in
    (most have no plan, no self-assessment or no attended session) costs no query."""
    overview = learner_overview(user=user)
    current = overview["current_role"]
    learning = learner_learning(user=user, today=today)
    return {
        "current_role": current,
        "next_steps": next_step_links(profile_id=current.profile_id) if current else [],
        "plan": development_plan(user=user) if overview["has_plan"] else None,
        "self_assessments": latest_attempts(user=user) if overview["has_attempts"] else [],
        "certificates": of_holder(user=user) if overview["has_certificates"] else [],
        **learning,
        "assignment_rows": assignment_rows(learning=learning),
        # How long each request waits, where learner_learning says so.
        "requests_waiting": [(e, getattr(e, "age_days", None)) for e in learning["requested"]],
        **(circle_learning(user=user) if overview["has_sessions"] else {"attended_sessions": [], "attended_hours": 0}),
    }


def learner_overview(*, user: User) -> dict:
    """In one query: the learner's current role (the title and link of its profile, and
    whether HR confirmed it) and whether they have a development plan, submitted
    self-assessments, certificates and attended circle sessions. Each flag asks for the
    rows that the selector listing them reads."""
    flags = {
        "has_plan": Exists(DevelopmentPlan.objects.filter(user=user)),
        "has_attempts": Exists(Attempt.objects.filter(user=user, status=Attempt.Status.SUBMITTED)),
        "has_certificates": Exists(Certificate.objects.filter(user=user)),
        "has_sessions": Exists(attended_sessions(user=user)),
    }
    role = ("id", "user_id", "profile_id", "confirmed_at", "profile__title", "profile__url_path")
    person = (
        User.objects.filter(pk=user.pk)
        .select_related("current_role__profile")
        .only("id", *(f"current_role__{field}" for field in role))
        .annotate(**flags)
        .get()
    )
    return {"current_role": getattr(person, "current_role", None), **{flag: getattr(person, flag) for flag in flags}}


def assignment_rows(*, learning: dict) -> list[tuple]:
    """(assignment, tracks) for the learner's assignments: for a learning path its tracks
    in order, each as (path item, the learner's enrolment status or None); None for a
    track. The path items and the statuses come from what ``learner_learning`` read."""
    enrolments = [item["enrolment"] for item in learning["current"]]
    enrolments += learning["requested"] + learning["declined"] + learning["completed"]
    statuses = {e.track_id: e.status for e in enrolments}
    path_tracks = learning["path_tracks"]
    return [
        (a, [(item, statuses.get(item.track_id)) for item in path_tracks[a.path_id]] if a.path_id else None)
        for a in learning["assignments"]
    ]


def circle_learning(*, user: User) -> dict:
    shown = ("id", "circle_id", "theme", "starts_at", "ends_at", "circle__title")
    sessions = list(attended_sessions(user=user).only(*shown))
    return {"attended_sessions": sessions, "attended_hours": round(sum(session.hours for session in sessions), 2)}


def hr_dashboard(*, adviser: User, organisations: list, today: datetime.date) -> dict:
    """What the HR page shows besides the insights and the people list. The aggregates over
    every member (people, assignments per target, circle participation) are kept figures
    (``insights.selectors.page_figures``); what waits for the adviser is read live."""
    pending = pending_request_counts(decider=adviser, organisations=organisations, today=today)
    figures = page_figures(adviser=adviser, organisations=organisations, today=today)
    return {
        "page_figures": figures,
        "overview_html_key": page_html_key(figures=figures, part="overview"),
        "circles_html_key": page_html_key(figures=figures, part="circles"),
        "people_count": figures.people,
        "overview": figures.overview,
        "pending_count": pending.count,
        "oldest_request_days": pending.oldest_days,
        "overdue_requests": pending.overdue,
        "conversations": open_conversations_for(adviser=adviser, organisations=organisations),
        "batches": recent_batches(organisations=organisations, limit=5),
        **circle_participation(figures=figures),
    }


def hr_insights(*, adviser: User, organisations: list, data, today: datetime.date) -> dict:
    """The insights of the HR dashboard for the filters in ``data`` (GET parameters), which
    are checked against the adviser's own organisations: the figures, their charts and
    tables, and the query that carries the filters into the export links."""
    scope, filter_form = scope_for(adviser=adviser, data=data, organisations=organisations)
    figures = insights_dashboard(scope=scope, adviser=adviser, today=today)
    return {
        "filter_form": filter_form,
        "filter_form_html_key": filter_form_html_key(scope=scope, form=filter_form),
        "scope": scope,
        "scope_query": urlencode(scope.as_query()),
        "profile_title": filter_form.profile_title(scope.profile_id),
        "insights": figures,
        # Made only when the figures' HTML is not kept yet (templates/insights/dashboard.html).
        "insights_html_key": figures_html_key(scope=scope, figures=figures),
        "insight_tables": SimpleLazyObject(lambda: dashboard_tables(figures)),
        "insight_charts": SimpleLazyObject(lambda: dashboard_charts(figures)),
    }


def circle_participation(*, figures: PageFigures) -> dict:
    """Learning-circle participation of the adviser's own people only (a circle spans
    organisations: its other members never show here), from the kept page figures."""
    return {
        "circle_rows": figures.circle_rows,
        "circle_rows_more": figures.circle_rows_more,
        "circle_people": figures.circle_people,
        "circle_hours": figures.circle_hours,
    }


class MembershipRow(NamedTuple):
    """A membership as the people list shows it: the organisation's name, the team and the
    role in words."""

    organisation: str
    team: str
    role: str


def hr_people_page(
    *,
    adviser: User,
    page_number: int | str | None,
    query: str = "",
    organisations: list | None = None,
    count: int | None = None,
) -> tuple[Page, dict]:
    """One page of the people an adviser may see (their id, name and email address), each
    with ``visible_memberships``: their memberships of those organisations (``MembershipRow``);
    and their current roles by person id (with the profile's title only, ``current_roles_of``).
    Three queries whatever the page size or organisation size, and no model objects but the
    people and their roles.

    ``organisations``: the adviser's (``organisations_advised_by``) when the caller has read
    them already. ``count``: how many people there are, when a kept figure says so (the page
    figures' ``people``); without it, or with a ``query``, they are counted."""
    if organisations is None:
        organisations = list(organisations_advised_by(adviser=adviser))
    people = members_of(organisations=organisations).order_by("full_name", "email")
    if query:
        people = people.filter(full_name__icontains=query) | people.filter(email__icontains=query)
    paginator = Paginator(people.only("id", "email", "full_name"), HR_PAGE_SIZE)
    if count is not None and not query:
        paginator.count = count  # a cached_property: this saves counting thousands of people
    page = paginator.get_page(page_number)
    ids = [person.pk for person in page.object_list]
    shown: dict[int, list[MembershipRow]] = {pk: [] for pk in ids}
    if ids:
        labels = {role: str(label) for role, label in Membership.Role.choices}  # once, not per row
        memberships = (
            Membership.objects.filter(organisation__in=organisations, user__in=ids)
            .order_by("organisation__name", "pk")
            .values_list("user_id", "organisation__name", "team", "role")
        )
        for user_id, organisation, team, role in memberships:
            shown[user_id].append(MembershipRow(organisation, team, labels.get(role, role)))
    for person in page.object_list:
        person.visible_memberships = shown[person.pk]
    return page, current_roles_of(people=ids, whole_profiles=False) if ids else {}
