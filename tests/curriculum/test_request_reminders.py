"""Requests HR has not decided in time: the learner and the people who decide are reminded,
once per week-long period after the deadline, and the platform admins when no HR adviser is
active. A request never expires and is never declined by the job."""

import datetime

import pytest
from django.utils import timezone

from curriculum import services, tasks
from curriculum.models import Enrolment, RequestReminder
from people.models import Membership, User
from tests.people.factories import HRAdviserFactory, LearnerFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

REQUESTED = timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 0))
DAY = datetime.date(2026, 3, 2)


def days(n: int) -> datetime.date:
    return DAY + datetime.timedelta(days=n)


def request_on(user, track, when=REQUESTED) -> Enrolment:
    enrolment = services.enrol(user=user, track=track)
    Enrolment.objects.filter(pk=enrolment.pk).update(requested_at=when)
    enrolment.refresh_from_db()
    return enrolment


@pytest.fixture
def world(track):
    track.requires_approval = True
    track.save()
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    return {
        "track": track,
        "zeist": zeist,
        "anna": LearnerFactory(organisation=zeist).user,
        "hr": HRAdviserFactory(organisation=zeist).user,
    }


@pytest.fixture
def run(mailoutbox, django_capture_on_commit_callbacks):
    """Run the job for a day; the mails it queued are delivered to ``mailoutbox``."""

    def run(today: datetime.date) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return services.send_request_reminders(today=today)

    mailoutbox.clear()
    return run


def mails_to(mailoutbox, user):
    return [mail for mail in mailoutbox if mail.to == [user.email]]


def test_reminded_once_per_period_after_the_deadline(world, run, mailoutbox):
    enrolment = request_on(world["anna"], world["track"])
    mailoutbox.clear()

    assert run(days(14)) == 0, "the deadline day itself is still on time"
    assert mailoutbox == []

    assert run(days(15)) == 1
    assert len(mails_to(mailoutbox, world["anna"])) == 1
    assert len(mails_to(mailoutbox, world["hr"])) == 1
    assert run(days(15)) == 0, "running the job twice on a day sends nothing twice"
    for day in range(16, 22):
        assert run(days(day)) == 0, f"day {day} is in the same period"
    assert len(mailoutbox) == 2

    assert run(days(22)) == 1, "a week later: the next period"
    assert run(days(22)) == 0
    assert run(days(29)) == 1
    assert list(enrolment.request_reminders.order_by("number").values_list("number", "sent_on")) == [
        (1, days(15)),
        (2, days(22)),
        (3, days(29)),
    ]
    assert len(mails_to(mailoutbox, world["anna"])) == 3
    assert len(mails_to(mailoutbox, world["hr"])) == 3


def test_a_request_never_expires(world, run):
    enrolment = request_on(world["anna"], world["track"])
    for week in range(3, 60, 7):
        run(days(week))
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.REQUESTED
    assert enrolment.decided_at is None
    assert enrolment.request_reminders.count() == 7


def test_the_job_misses_days_and_sends_the_current_period_only(world, run):
    enrolment = request_on(world["anna"], world["track"])
    assert run(days(40)) == 1
    assert list(enrolment.request_reminders.values_list("number", flat=True)) == [4]
    assert run(days(43)) == 0, "within a week of the last reminder"
    assert run(days(47)) == 1


def test_the_mails_say_who_decides_that_it_does_not_expire_and_how_to_withdraw(world, run, mailoutbox):
    enrolment = request_on(world["anna"], world["track"])
    run(days(16))
    [to_learner] = mails_to(mailoutbox, world["anna"])
    assert world["track"].title in to_learner.subject
    assert "wacht al 16 dagen" in to_learner.body
    assert world["hr"].get_full_name() in to_learner.body
    assert world["hr"].email in to_learner.body
    assert "Je aanvraag vervalt niet" in to_learner.body
    assert f"/mijn/aanvragen/{enrolment.pk}/intrekken/" in to_learner.body
    assert "Neem contact op met je HR-adviseur" in to_learner.body
    assert " u " not in to_learner.body
    assert " uw " not in to_learner.body

    [to_adviser] = mails_to(mailoutbox, world["hr"])
    assert to_adviser.subject == "1 aanvraag wacht langer dan de termijn op je besluit"
    assert world["anna"].get_full_name() in to_adviser.body
    assert "wacht al 16 dagen" in to_adviser.body
    assert "/hr/aanvragen/" in to_adviser.body


def test_an_adviser_gets_one_mail_for_all_her_overdue_requests(world, run, mailoutbox):
    bram = LearnerFactory(organisation=world["zeist"]).user
    request_on(world["anna"], world["track"])
    request_on(bram, world["track"])
    assert run(days(15)) == 2
    [to_adviser] = mails_to(mailoutbox, world["hr"])
    assert to_adviser.subject.startswith("2 aanvragen")
    assert world["anna"].get_full_name() in to_adviser.body
    assert bram.get_full_name() in to_adviser.body


def test_without_an_active_adviser_the_platform_admins_are_reminded(world, run, mailoutbox):
    admin = User.objects.create_superuser(email="beheer@example.org", password="x" * 16, full_name="Beheer Spil")
    User.objects.filter(pk=world["hr"].pk).update(is_active=False)
    enrolment = request_on(world["anna"], world["track"])
    assert run(days(15)) == 1
    assert mails_to(mailoutbox, world["hr"]) == []
    [to_admin] = mails_to(mailoutbox, admin)
    assert "geen actieve HR-adviseur" in to_admin.body
    [to_learner] = mails_to(mailoutbox, world["anna"])
    assert "beheerder van Spil" in to_learner.body
    assert enrolment.request_reminders.get().escalated is True


def test_a_lone_advisers_own_request_goes_to_the_admin(world, run, mailoutbox):
    admin = User.objects.create_superuser(email="beheer@example.org", password="x" * 16, full_name="Beheer Spil")
    request_on(world["hr"], world["track"])
    run(days(15))
    assert {mail.to[0] for mail in mailoutbox} == {world["hr"].email, admin.email}
    assert "beheerder van Spil" in mails_to(mailoutbox, world["hr"])[0].body


def test_the_shortest_deadline_of_her_organisations_counts(world, run):
    utrecht = OrganisationFactory(slug="utrecht", request_decision_days=3)
    MembershipFactory(user=world["anna"], organisation=utrecht, role=Membership.Role.LEARNER)
    request_on(world["anna"], world["track"])
    assert run(days(3)) == 0
    assert run(days(4)) == 1


def test_a_shorter_deadline_does_not_send_two_reminders_in_one_week(world, run):
    request_on(world["anna"], world["track"])
    assert run(days(15)) == 1
    world["zeist"].request_decision_days = 1
    world["zeist"].save()
    assert run(days(17)) == 0, "the deadline moved, but she was reminded two days ago"
    assert run(days(22)) == 1


def test_decided_withdrawn_and_inactive_requests_are_not_reminded(world, run, mailoutbox):
    approved = request_on(world["anna"], world["track"])
    services.decide_enrolment(adviser=world["hr"], enrolment_id=approved.pk, approve=True)
    bram = LearnerFactory(organisation=world["zeist"]).user
    withdrawn = request_on(bram, world["track"])
    services.withdraw_request(user=bram, enrolment_id=withdrawn.pk)
    gone = LearnerFactory(organisation=world["zeist"]).user
    request_on(gone, world["track"])
    User.objects.filter(pk=gone.pk).update(is_active=False)
    mailoutbox.clear()
    assert run(days(30)) == 0
    assert mailoutbox == []


def test_a_reminder_recorded_by_another_worker_is_not_sent_again(world, run, mailoutbox):
    enrolment = request_on(world["anna"], world["track"])
    # Another worker wrote number 1 (on a day outside the last week, so only the unique
    # constraint stands between this run and a second mail).
    RequestReminder.objects.create(enrolment=enrolment, number=1, sent_on=days(1))
    mailoutbox.clear()
    assert run(days(15)) == 0
    assert mailoutbox == []


def test_a_new_request_after_a_decline_is_reminded_afresh(world, run):
    enrolment = request_on(world["anna"], world["track"])
    run(days(15))
    services.decide_enrolment(adviser=world["hr"], enrolment_id=enrolment.pk, approve=False, reason="Nog niet")
    again = request_on(world["anna"], world["track"], REQUESTED + datetime.timedelta(days=20))
    assert not again.request_reminders.exists()
    assert run(days(34)) == 0
    assert run(days(35)) == 1
    assert list(again.request_reminders.values_list("number", flat=True)) == [1]


def test_the_daily_task_runs_the_service(world, mailoutbox, django_capture_on_commit_callbacks):
    request_on(world["anna"], world["track"])
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_request_reminders.delay(days(15).isoformat()).get() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_request_reminders(days(15).isoformat()) == 0
