import datetime

import factory

from careers.models import (
    CareerMapPage,
    CareerPath,
    CareerStep,
    Competency,
    CurrentRole,
    DevelopmentConversation,
    Family,
    Method,
    PMOLevel,
    RoleProfileIndexPage,
    RoleProfilePage,
    RoleProfileRequirement,
)
from tests.cms.factories import HomePageFactory, TreePageFactory
from tests.people.factories import LearnerFactory, UserFactory


class CompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competency

    name = factory.Sequence(lambda n: f"Competentie {n}")
    slug = factory.Sequence(lambda n: f"competentie-{n}")
    cluster = Competency.Cluster.ORGANISING
    description = "Zorgt dat het werk geregeld is."
    level_1 = "Volgt afspraken met hulp."
    level_2 = "Regelt het eigen werk zelfstandig."
    level_3 = "Regelt het werk van een team."
    level_4 = "Richt de werkwijze van de organisatie in."


class MethodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Method
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Methode {n}")


class RoleProfileIndexPageFactory(TreePageFactory):
    _parent_factory = HomePageFactory

    class Meta:
        model = RoleProfileIndexPage

    title = "Functieprofielen"
    slug = "functieprofielen"


class RoleProfilePageFactory(TreePageFactory):
    _parent_factory = RoleProfileIndexPageFactory

    class Meta:
        model = RoleProfilePage

    title = factory.Sequence(lambda n: f"Profiel {n}")
    family = Family.MANAGEMENT_SUPPORT
    salary_scale = 7
    summary = "Ondersteunt een manager in alles wat op diens pad komt."


class PMOProfileFactory(RoleProfilePageFactory):
    family = Family.PMO
    salary_scale = None
    pmo_level = PMOLevel.PRACTICAL


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleProfileRequirement

    page = factory.SubFactory(RoleProfilePageFactory)
    competency = factory.SubFactory(CompetencyFactory)
    level = 2


class CareerPathFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareerPath

    from_profile = factory.SubFactory(RoleProfilePageFactory)
    to_profile = factory.SubFactory(RoleProfilePageFactory)
    description = "Meer verantwoordelijkheid voor planning en budget."


class CareerMapPageFactory(TreePageFactory):
    _parent_factory = HomePageFactory

    class Meta:
        model = CareerMapPage

    title = "Loopbaanpaden"
    slug = "loopbaanpaden"


class CurrentRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CurrentRole

    user = factory.SubFactory(UserFactory)
    profile = factory.SubFactory(RoleProfilePageFactory)
    since = datetime.date(2024, 1, 1)


class CareerStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareerStep

    user = factory.SubFactory(UserFactory)
    to_profile = factory.SubFactory(RoleProfilePageFactory)
    date = datetime.date(2024, 1, 1)
    note = "Doorgegroeid na de leergang plannen."
    # Someone recorded the step: a user of their own, not an HR membership, so the
    # organisations of a test keep the advisers the test made.
    recorded_by = factory.SubFactory(UserFactory)


class DevelopmentConversationFactory(factory.django.DjangoModelFactory):
    """An open request of a learner (with a membership of their own) about a role."""

    class Meta:
        model = DevelopmentConversation

    class Params:
        membership = factory.SubFactory(LearnerFactory)

    learner = factory.SelfAttribute("membership.user")
    organisation = factory.SelfAttribute("membership.organisation")
    target_profile = factory.SubFactory(RoleProfilePageFactory)
    message = "Ik wil graag praten over doorgroeien."
