"""The demo's learning circle of project supporters: members from many kinds of organisation, past
sessions with attendance, feedback and a report, an upcoming session with a waitlist, an intake poll
with enough answers to show, and its organiser; written through the rules of the services, once."""

import itertools
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision

from circles import attendance, selectors
from circles.models import (
    Attendance,
    CircleIndexPage,
    CircleMember,
    Feedback,
    IntakeAnswer,
    IntakeQuestion,
    LearningCirclePage,
    Registration,
    Session,
)
from circles.selectors import AMSTERDAM
from people.models import Membership, Organisation, OutgoingEmail, User

pytestmark = pytest.mark.django_db

SEEDED_MODELS = [
    User,
    Organisation,
    Membership,
    CircleMember,
    IntakeQuestion,
    IntakeAnswer,
    Session,
    Registration,
    Attendance,
    Feedback,
    OutgoingEmail,
    Page,
    Revision,
]


@pytest.fixture
def seed(django_capture_on_commit_callbacks):
    """Seed as `make run` does: what the services queue on commit (tasks, mails) runs too."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("seed_demo", verbosity=0)

    return run


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in SEEDED_MODELS}


def test_the_demo_circle_has_members_sessions_feedback_and_its_organiser(demo, client):
    circle = LearningCirclePage.objects.get(slug="projectondersteuners")
    index = CircleIndexPage.objects.get(locale__language_code="nl")
    assert circle.live
    assert circle.get_parent().pk == index.pk
    assert index.show_in_menus
    organiser = User.objects.get(email="organisator@leerkring.example.org")
    assert list(circle.organisers.all()) == [organiser]
    assert selectors.is_organiser(circle=circle, user=organiser)
    assert circle.track.format == "leerkring"
    assert circle.sessions_required > 0

    assert selectors.member_count(circle=circle) >= 100
    assert len(selectors.members_by_organisation_kind(circle=circle)) >= 4
    anna = User.objects.get(email="anna@zeist.example.org")
    bram = User.objects.get(email="bram@utrecht.example.org")
    assert selectors.is_member(circle=circle, user=anna)
    assert selectors.is_member(circle=circle, user=bram)
    assert not selectors.is_member(circle=circle, user=organiser)

    now = timezone.now()
    past = list(Session.objects.filter(circle=circle, ends_at__lt=now))
    assert len(past) >= 2
    for session in past:
        assert session.attendance.filter(status=Attendance.Status.PRESENT).exists()
        assert session.feedback.exists()
        assert 1 <= attendance.feedback_summary(session=session).average <= 5
    assert any(session.report and session.report_published_at for session in past)
    assert any(summary.comments for summary in (attendance.feedback_summary(session=session) for session in past))
    assert attendance.attended_hours(user=anna) > 0

    upcoming = list(Session.objects.filter(circle=circle, starts_at__gt=now))
    with_waitlist = [session for session in upcoming if selectors.session_counts(session=session)[1]]
    assert with_waitlist
    session = with_waitlist[0]
    assert selectors.session_counts(session=session)[0] == session.capacity

    results = attendance.intake_results(circle=circle)
    assert results
    assert all(result.count >= attendance.INTAKE_MIN_ANSWERS and result.shown for result in results)

    _every_session_is_an_hour_and_a_half_on_a_working_day(circle)
    _what_happened_went_through_the_rules_of_the_services(circle)
    _the_mails_of_the_past_are_not_sent_today(circle)
    _the_pages_show_it(client, circle=circle, anna=anna, organiser=organiser)


def test_seeding_again_adds_nothing(demo, seed):
    first = counts()  # after one seeding (the ``demo`` fixture's copy of it)
    seed()
    assert counts() == first


def _every_session_is_an_hour_and_a_half_on_a_working_day(circle):
    sessions = list(Session.objects.filter(circle=circle).order_by("starts_at"))
    for session in sessions:
        starts = timezone.localtime(session.starts_at, AMSTERDAM)
        assert session.ends_at - session.starts_at == timedelta(minutes=90)
        assert starts.weekday() < 5
        assert starts.minute in (0, 30)
        assert 9 <= starts.hour <= 14
        assert session.created_at < session.starts_at
    gaps = {later.starts_at.date() - earlier.starts_at.date() for earlier, later in itertools.pairwise(sessions)}
    assert len(gaps) > 1, "an irregular rhythm"
    assert all(timedelta(days=14) <= gap <= timedelta(days=60) for gap in gaps)


def _what_happened_went_through_the_rules_of_the_services(circle):
    """Members registered after joining and before the start; only those with a place (or a walk-in)
    were there; only those who were there gave feedback, after the end."""
    members = dict(CircleMember.objects.filter(circle=circle).values_list("user_id", "joined_at"))
    for registration in Registration.objects.filter(session__circle=circle).select_related("session"):
        assert members[registration.user_id] < registration.created_at < registration.session.starts_at
        if registration.cancelled_at:
            assert registration.created_at < registration.cancelled_at < registration.session.starts_at
    for row in Attendance.objects.filter(session__circle=circle, user__isnull=False):
        registration = Registration.objects.get(session=row.session, user=row.user)
        assert registration.status == Registration.Status.REGISTERED
    assert Attendance.objects.filter(session__circle=circle, method=Attendance.Method.CHECK_IN).exists()
    for feedback in Feedback.objects.filter(session__circle=circle).select_related("session"):
        assert attendance.is_present(user=feedback.user, session=feedback.session)
        assert feedback.session.ends_at < feedback.created_at < timezone.now()
    promoted = Registration.objects.filter(session__circle=circle, promoted_at__isnull=False)
    assert promoted.exists()
    for registration in promoted:
        assert registration.status == Registration.Status.REGISTERED
        assert registration.created_at < registration.promoted_at


def _the_mails_of_the_past_are_not_sent_today(circle):
    themes = list(Session.objects.filter(circle=circle).values_list("theme", flat=True))
    assert OutgoingEmail.objects.filter(subject__contains=themes[0], status=OutgoingEmail.Status.SENT).exists()
    assert not OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED).exists()
    assert not [message for message in mail.outbox if any(theme in message.subject for theme in themes)]


def _the_pages_show_it(client, *, circle, anna, organiser):
    for user in [None, anna, organiser]:
        if user:
            client.force_login(user)
        assert client.get("/leerkringen/").status_code == 200
        assert client.get(circle.url).status_code == 200
