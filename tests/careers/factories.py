import factory
import wagtail_factories

from careers.models import (
    CareerMapPage,
    CareerPath,
    Competency,
    Family,
    Method,
    PMOLevel,
    RoleProfileIndexPage,
    RoleProfilePage,
    RoleProfileRequirement,
)


class CompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competency

    name = factory.Sequence(lambda n: f"Competentie {n}")
    slug = factory.Sequence(lambda n: f"competentie-{n}")
    cluster = Competency.Cluster.ORGANISEREN
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


class RoleProfileIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RoleProfileIndexPage

    title = "Functieprofielen"
    slug = "functieprofielen"


class RoleProfilePageFactory(wagtail_factories.PageFactory):
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


class CareerMapPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CareerMapPage

    title = "Loopbaanpaden"
    slug = "loopbaanpaden"
