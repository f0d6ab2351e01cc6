"""Small builders for the tests of attendance, feedback, the intake poll and the organiser's
pages, on top of tests/circles/factories.py: a circle with its organiser, its members (each
a learner of an organisation), and sessions that are running now or took place."""

import datetime

from django.utils import timezone

from circles.models import LearningCirclePage, Registration, Session
from people.models import Organisation, User
from tests.circles.factories import (
    CircleMemberFactory,
    LearningCirclePageFactory,
    OrganiserFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.people.factories import LearnerFactory, OrganisationFactory


def organised_circle(**kwargs) -> tuple[User, LearningCirclePage]:
    organiser = OrganiserFactory().user
    return organiser, LearningCirclePageFactory(organisers=[organiser], **kwargs)


def member(circle: LearningCirclePage, *, organisation: Organisation | None = None, **user) -> User:
    """A learner of ``organisation`` (a new gemeente if not given) who is a member of ``circle``."""
    learner = LearnerFactory(
        organisation=organisation or OrganisationFactory(), **{f"user__{k}": v for k, v in user.items()}
    )
    CircleMemberFactory(circle=circle, user=learner.user)
    return learner.user


def registered(session: Session, **user) -> User:
    """A member of the session's circle with a place at the session."""
    person = member(session.circle, **user)
    RegistrationFactory(session=session, user=person, status=Registration.Status.REGISTERED)
    return person


def running_session(circle: LearningCirclePage, **kwargs) -> Session:
    """An online session that started ten minutes ago and runs for another eighty."""
    now = timezone.now()
    return SessionFactory(
        circle=circle,
        starts_at=now - datetime.timedelta(minutes=10),
        ends_at=now + datetime.timedelta(minutes=80),
        **kwargs,
    )


def past_session(circle: LearningCirclePage, *, days: float = 3, hours: float = 1.5, **kwargs) -> Session:
    starts = timezone.now() - datetime.timedelta(days=days)
    return SessionFactory(circle=circle, starts_at=starts, ends_at=starts + datetime.timedelta(hours=hours), **kwargs)
