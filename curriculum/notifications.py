"""The mails of the curriculum, each rendered in its recipient's language and queued once."""

import datetime

from django.conf import settings
from django.urls import reverse

from people.models import Organisation, User
from people.services import send_templated_email

from . import selectors
from .models import Assignment, DigestSent, Enrolment, ReminderSent


def enrolment_requested(*, enrolment: Enrolment) -> None:
    """Ask the people who may decide: the other HR advisers of the requester's
    organisations, or the platform admins when there is no other adviser."""
    for adviser in selectors.request_advisers(enrolment=enrolment):
        send_templated_email(
            to=adviser,
            template="curriculum/email/enrolment_requested",
            context={"enrolment": enrolment, "url": settings.SITE_URL + reverse("curriculum:requests")},
        )


def enrolment_decided(*, enrolment: Enrolment) -> None:
    send_templated_email(
        to=enrolment.user, template="curriculum/email/enrolment_decided", context={"enrolment": enrolment}
    )


def due_reminder(*, assignment: Assignment, kind: str, today: datetime.date) -> None:
    """Record the reminder (unique per assignment and kind) and queue its mail."""
    ReminderSent.objects.create(assignment=assignment, kind=kind)
    send_templated_email(
        to=assignment.user,
        template="curriculum/email/due_reminder",
        context={
            "assignment": assignment,
            "kind": kind,
            "days_left": (assignment.due_date - today).days,
            "url": settings.SITE_URL + reverse("learner_dashboard"),
        },
    )


def overdue_digest(
    *, adviser: User, organisation: Organisation, overdue: list[Assignment], week: str, today: datetime.date
) -> None:
    DigestSent.objects.create(adviser=adviser, organisation=organisation, week=week)
    send_templated_email(
        to=adviser,
        template="curriculum/email/overdue_digest",
        context={
            "organisation": organisation,
            "overdue": overdue[:50],
            "more": max(0, len(overdue) - 50),
            "today": today,
            "url": settings.SITE_URL + reverse("hr_dashboard"),
        },
    )


def request_waiting(*, enrolment: Enrolment, advisers: list[User], escalated: bool) -> None:
    """Tell the learner that their request still waits, past its deadline: who decides,
    that it does not expire, and that they may withdraw it or ask HR."""
    send_templated_email(
        to=enrolment.user,
        template="curriculum/email/request_waiting",
        context={
            "enrolment": enrolment,
            "advisers": [] if escalated else advisers,
            "escalated": escalated,
            "withdraw_url": settings.SITE_URL + reverse("curriculum:withdraw_request", args=[enrolment.pk]),
            "url": settings.SITE_URL + reverse("learner_dashboard"),
        },
    )


def requests_overdue(*, adviser: User, requests: list[tuple[Enrolment, bool]]) -> None:
    """Remind someone who decides of the requests past their deadline: (request, whether
    it came to them because no HR adviser is active)."""
    send_templated_email(
        to=adviser,
        template="curriculum/email/requests_overdue",
        context={
            "requests": requests,
            "url": settings.SITE_URL + reverse("curriculum:requests"),
        },
    )
