import factory

from curriculum.models import (
    Assignment,
    AssignmentBatch,
    CatalogPage,
    DigestSent,
    Enrolment,
    Format,
    LearningPath,
    LearningPathItem,
    LearningTrackPage,
    ModulePage,
    ModuleProgress,
    ReminderSent,
    RequestReminder,
    TrackCompetency,
)
from tests.careers.factories import CompetencyFactory
from tests.cms.factories import HomePageFactory, TreePageFactory
from tests.people.factories import OrganisationFactory, UserFactory


def knowledge_check(*, pass_mark=50, questions=None):
    questions = questions or [
        ("Wat hoort op een actielijst?", ["Alleen besluiten", "Actie, eigenaar en datum", "Het hele verslag"], 1),
        ("Wanneer stuur je de actielijst rond?", ["Binnen twee werkdagen", "Na een maand"], 0),
    ]
    return (
        "knowledge_check",
        {
            "title": "Kennischeck",
            "pass_mark": pass_mark,
            "questions": [
                {
                    "question": text,
                    "choices": [{"text": choice, "correct": i == right} for i, choice in enumerate(choices)],
                    "explanation": "Zo werkt het in de praktijk.",
                }
                for text, choices, right in questions
            ],
        },
    )


def assignment_block():
    return (
        "assignment",
        {
            "title": "Notuleer je eigen overleg",
            "instructions": "<p>Maak een actielijst van je volgende teamoverleg.</p>",
            "reflection_prompt": "Wat ging goed?",
        },
    )


class CatalogPageFactory(TreePageFactory):
    _parent_factory = HomePageFactory

    class Meta:
        model = CatalogPage

    title = "Leeraanbod"
    slug = "leeraanbod"


class LearningTrackPageFactory(TreePageFactory):
    _parent_factory = CatalogPageFactory

    class Meta:
        model = LearningTrackPage

    title = factory.Sequence(lambda n: f"Leergang {n}")
    summary = "Je leert notuleren en actielijsten bijhouden."
    format = Format.ELEARNING
    study_load_hours = 8


class ModulePageFactory(TreePageFactory):
    _parent_factory = LearningTrackPageFactory

    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Lees dit eerst.</p>")])


class LearningPathFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningPath

    title = factory.Sequence(lambda n: f"Leerpad {n}")
    slug = factory.Sequence(lambda n: f"leerpad-{n}")
    description = "Van projectondersteuner naar PMO'er."


class LearningPathItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningPathItem

    path = factory.SubFactory(LearningPathFactory)
    track = factory.SubFactory(LearningTrackPageFactory)
    required = True


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    user = factory.SubFactory(UserFactory)
    track = factory.SubFactory(LearningTrackPageFactory)
    status = Enrolment.Status.ACTIVE


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    track = factory.SubFactory(LearningTrackPageFactory)
    due_date = factory.Faker("date_between", start_date="+1d", end_date="+60d")
    # Someone assigned it: a user of their own, not an HR membership, so the organisation
    # keeps the advisers a test made (and the mail they get).
    assigned_by = factory.SubFactory(UserFactory)


class AssignmentBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssignmentBatch

    organisation = factory.SubFactory(OrganisationFactory)
    assigned_by = factory.SubFactory(UserFactory)
    track = factory.SubFactory(LearningTrackPageFactory)
    due_date = factory.Faker("date_between", start_date="+1d", end_date="+60d")
    audience = AssignmentBatch.Audience.ALL


class TrackCompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrackCompetency

    page = factory.SubFactory(LearningTrackPageFactory)
    competency = factory.SubFactory(CompetencyFactory)
    level = 2


class ModuleProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModuleProgress

    enrolment = factory.SubFactory(EnrolmentFactory)
    module = factory.SubFactory(ModulePageFactory, parent=factory.SelfAttribute("..enrolment.track"))


class ReminderSentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReminderSent

    assignment = factory.SubFactory(AssignmentFactory)
    kind = ReminderSent.Kind.DUE_14


class DigestSentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DigestSent

    adviser = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    week = factory.Sequence(lambda n: f"2026-W{n % 52 + 1:02d}")


class RequestReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequestReminder

    enrolment = factory.SubFactory(EnrolmentFactory, status="requested")
    number = factory.Sequence(lambda n: n + 1)
    sent_on = factory.Faker("date_this_year")
