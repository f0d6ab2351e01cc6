import datetime

import factory
from django.utils import timezone

from circles.models import (
    Attendance,
    CalendarFeed,
    CircleIndexPage,
    CircleInvitation,
    CircleMember,
    CircleStats,
    Feedback,
    IntakeAnswer,
    IntakeQuestion,
    LearningCirclePage,
    Registration,
    Session,
    SessionMaterial,
)
from people.models import Membership
from tests.cms.factories import HomePageFactory, TreePageFactory
from tests.people.factories import MembershipFactory, UserFactory


class OrganiserFactory(MembershipFactory):
    """A person with the learning-circle organiser role (in an organisation of their own)."""

    role = Membership.Role.ORGANISER


class CircleIndexPageFactory(TreePageFactory):
    _parent_factory = HomePageFactory

    class Meta:
        model = CircleIndexPage

    title = "Leerkringen"
    slug = "leerkringen"
    introduction = "Collega's van verschillende organisaties leren van elkaar, rond een thema."


class LearningCirclePageFactory(TreePageFactory):
    _parent_factory = CircleIndexPageFactory

    class Meta:
        model = LearningCirclePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Leerkring {n}")
    theme = "Het vak van projectondersteuner"
    description = "<p>Projectondersteuners van gemeenten en provincies wisselen ervaringen uit.</p>"
    membership = LearningCirclePage.Membership.OPEN

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        """``organisers=[user, ...]``: each gets the organiser role if they lack it."""
        if not create or not extracted:
            return
        for user in extracted:
            if not Membership.objects.filter(user=user, role=Membership.Role.ORGANISER).exists():
                OrganiserFactory(user=user)
        self.organisers.set(extracted)
        self.save()


def in_days(days: float, *, hour: int = 10) -> datetime.datetime:
    """A moment ``days`` from now at ``hour`` o'clock, Amsterdam time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    circle = factory.SubFactory(LearningCirclePageFactory)
    theme = factory.Sequence(lambda n: f"Bijeenkomst {n}: het takenpakket")
    agenda = "<p>Welkom, twee voorbeelden uit de praktijk, in kleine groepen verder.</p>"
    starts_at = factory.LazyFunction(lambda: in_days(14))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + datetime.timedelta(minutes=90))
    online_url = "https://meet.example.org/leerkring"
    capacity = 30
    created_by = factory.SubFactory(UserFactory)


class CircleMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CircleMember

    circle = factory.SubFactory(LearningCirclePageFactory)
    user = factory.SubFactory(UserFactory)


class CircleStatsFactory(factory.django.DjangoModelFactory):
    """The stored count of a circle without members (the services keep it; see test_member_counts)."""

    class Meta:
        model = CircleStats
        django_get_or_create = ("circle",)

    circle = factory.SubFactory(LearningCirclePageFactory)


class CircleInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CircleInvitation

    circle = factory.SubFactory(LearningCirclePageFactory)
    email = factory.Sequence(lambda n: f"uitgenodigd{n}@example.org")
    invited_by = factory.SubFactory(UserFactory)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    session = factory.SubFactory(SessionFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.REGISTERED


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(SessionFactory)
    user = factory.SubFactory(UserFactory)
    status = Attendance.Status.PRESENT
    method = Attendance.Method.ORGANISER
    recorded_by = factory.SubFactory(UserFactory)


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    session = factory.SubFactory(SessionFactory)
    user = factory.SubFactory(UserFactory)
    rating = 4
    comment = "Fijn om te horen hoe anderen het aanpakken."


class IntakeQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntakeQuestion

    circle = factory.SubFactory(LearningCirclePageFactory)
    question = "Hoeveel jaar werk je als ondersteuner?"
    kind = IntakeQuestion.Kind.CHOICE
    choices = "0-5 jaar\n5-10 jaar\nMeer dan 10 jaar"


class IntakeAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntakeAnswer

    question = factory.SubFactory(IntakeQuestionFactory)
    user = factory.SubFactory(UserFactory)
    value = "0-5 jaar"


class SessionMaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionMaterial

    session = factory.SubFactory(SessionFactory)
    title = "Presentatie van de bijeenkomst"
    url = "https://example.org/presentatie"


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    user = factory.SubFactory(UserFactory)
