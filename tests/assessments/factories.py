import datetime

import factory
from django.utils import timezone

from assessments.models import (
    Answer,
    Attempt,
    DevelopmentPlan,
    Invitation,
    PlanItem,
    RaterAnswer,
    SelfAssessmentIndexPage,
    SelfAssessmentPage,
    Statement,
)
from common.tokens import hash_token, new_token
from tests.careers.factories import CompetencyFactory, RoleProfilePageFactory
from tests.cms.factories import HomePageFactory, TreePageFactory
from tests.curriculum.factories import LearningTrackPageFactory
from tests.people.factories import UserFactory


class SelfAssessmentIndexPageFactory(TreePageFactory):
    _parent_factory = HomePageFactory

    class Meta:
        model = SelfAssessmentIndexPage

    title = "Zelfscans"
    slug = "zelfscans"


class SelfAssessmentPageFactory(TreePageFactory):
    _parent_factory = SelfAssessmentIndexPageFactory

    class Meta:
        model = SelfAssessmentPage

    title = "Zelfscan projectondersteuning"
    introduction = "Waar sta je nu?"


def a_scan():
    """A self-scan of its own for a row that needs one: a title (and so a slug) of its own
    beside the other scans under the one index."""
    return factory.SubFactory(SelfAssessmentPageFactory, title=factory.Sequence(lambda n: f"Zelfscan {n}"))


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    page = a_scan()
    competency = factory.SubFactory(CompetencyFactory)
    text = factory.Sequence(lambda n: f"Stelling {n}")


class AttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attempt

    user = factory.SubFactory(UserFactory)
    assessment = a_scan()


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    attempt = factory.SubFactory(AttemptFactory)
    statement = factory.SubFactory(StatementFactory, page=factory.SelfAttribute("..attempt.assessment"))
    level = 2


class InvitationFactory(factory.django.DjangoModelFactory):
    """Pass ``token`` to know the link's secret; only its hash is stored."""

    class Meta:
        model = Invitation

    class Params:
        token = factory.LazyFunction(new_token)

    attempt = factory.SubFactory(AttemptFactory, status=Attempt.Status.SUBMITTED)
    email = factory.Sequence(lambda n: f"collega{n}@example.org")
    name = "Bram Jansen"
    relation = Invitation.Relation.MANAGER
    token_hash = factory.LazyAttribute(lambda invitation: hash_token(invitation.token))
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))


class RaterAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RaterAnswer

    invitation = factory.SubFactory(InvitationFactory)
    statement = factory.SubFactory(StatementFactory, page=factory.SelfAttribute("..invitation.attempt.assessment"))
    level = 3


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentPlan

    user = factory.SubFactory(UserFactory)
    target_profile = factory.SubFactory(RoleProfilePageFactory)


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(DevelopmentPlanFactory)
    track = factory.SubFactory(LearningTrackPageFactory)
    competency = factory.SubFactory(CompetencyFactory)
