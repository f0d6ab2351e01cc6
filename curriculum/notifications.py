"""The mails of the curriculum: rendered in the recipient's language and queued once."""

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from people.models import Organisation, User
from people.services import queue_email

from . import selectors
from .models import Assignment, DigestSent, Enrolment, ReminderSent


def _send(*, to: User, template: str, context: dict) -> None:
    with translation.override(to.preferred_language or settings.LANGUAGE_CODE):
        context = {**context, "recipient": to, "site_url": settings.SITE_URL}
        subject = " ".join(render_to_string(f"curriculum/email/{template}_subject.txt", context).split())
        body = render_to_string(f"curriculum/email/{template}.txt", context)
    queue_email(to=to.email, subject=subject, body_text=body)


def enrolment_requested(*, enrolment: Enrolment) -> None:
    """Ask the people who may decide: the other HR advisers of the requester's
    organisations, or the platform admins when there is no other adviser."""
    for adviser in selectors.request_advisers(enrolment=enrolment):
        _send(
            to=adviser,
            template="enrolment_requested",
            context={"enrolment": enrolment, "url": settings.SITE_URL + reverse("curriculum:requests")},
        )


def enrolment_decided(*, enrolment: Enrolment) -> None:
    _send(to=enrolment.user, template="enrolment_decided", context={"enrolment": enrolment})


def due_reminder(*, assignment: Assignment, kind: str, today: datetime.date) -> None:
    """Record the reminder (unique per assignment and kind) and queue its mail."""
    ReminderSent.objects.create(assignment=assignment, kind=kind)
    _send(
        to=assignment.user,
        template="due_reminder",
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
    _send(
        to=adviser,
        template="overdue_digest",
        context={
            "organisation": organisation,
            "overdue": overdue[:50],
            "more": max(0, len(overdue) - 50),
            "today": today,
            "url": settings.SITE_URL + reverse("hr_dashboard"),
        },
    )
