import factory
import wagtail_factories

from assessments.models import Attempt, SelfAssessmentIndexPage, SelfAssessmentPage, Statement


class SelfAssessmentIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SelfAssessmentIndexPage

    title = "Zelfscans"
    slug = "zelfscans"


class SelfAssessmentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SelfAssessmentPage

    title = "Zelfscan projectondersteuning"
    introduction = "Waar sta je nu?"


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    page = factory.SubFactory(SelfAssessmentPageFactory)
    text = factory.Sequence(lambda n: f"Stelling {n}")


class AttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attempt
