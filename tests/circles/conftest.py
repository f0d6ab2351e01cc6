import contextlib

import pytest
from django.core import mail

from people.models import Organisation
from tests.people.factories import LearnerFactory, OrganisationFactory, UserFactory

from .factories import CircleIndexPageFactory, LearningCirclePageFactory, OrganiserFactory, SessionFactory


@pytest.fixture
def circle_index(home_page):
    return CircleIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def organiser(db):
    return OrganiserFactory(user__full_name="Olga Organisator").user


@pytest.fixture
def circle(circle_index, organiser):
    return LearningCirclePageFactory(
        parent=circle_index, title="Leerkring projectondersteuners", slug="projectondersteuners", organisers=[organiser]
    )


@pytest.fixture
def learner(db):
    return LearnerFactory(organisation=OrganisationFactory(kind=Organisation.Kind.GEMEENTE)).user


@pytest.fixture
def session(circle):
    return SessionFactory(circle=circle, theme="Het takenpakket van een ondersteuner", capacity=2)


@pytest.fixture
def make_learner(db):
    def make(**kwargs):
        return LearnerFactory(user=UserFactory(**kwargs)).user

    return make


@pytest.fixture
def mails(django_capture_on_commit_callbacks):
    """``with mails() as outbox:`` runs the mail tasks that what happens inside queues, and
    ``outbox`` holds just those mails once the block ends."""

    @contextlib.contextmanager
    def capture():
        outbox = []
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            yield outbox
        outbox.extend(mail.outbox[before:])

    return capture
