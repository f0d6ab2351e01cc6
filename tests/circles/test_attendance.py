"""Attendance: the organiser's list, walk-ins, checking in with a code (tied to the login),
and what attendance counts for: the learning history with hours, HR's view of their own
people, and completing a learning track of the circle format."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from circles import attendance
from circles.models import Attendance, Registration, Session
from curriculum import services as curriculum_services
from curriculum.models import Enrolment, Format
from tests.circles.factories import AttendanceFactory, RegistrationFactory, SessionFactory
from tests.circles.organiser_factories import member, organised_circle, past_session, registered, running_session
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    organiser, circle = organised_circle(title="Leerkring projectondersteuners")
    session = running_session(circle)
    return {
        "organiser": organiser,
        "circle": circle,
        "session": session,
        "anna": registered(session, full_name="Anna de Wit", email="anna@zeist.example.org"),
        "bram": registered(session, full_name="Bram Smit"),
    }


def status_of(session: Session, user) -> tuple[str, str] | None:
    row = Attendance.objects.filter(session=session, user=user).values_list("status", "method").first()
    return tuple(row) if row else None


# The organiser's list -------------------------------------------------------------------


def test_the_organiser_marks_people_on_the_list_present_or_absent(world):
    session, anna, bram = world["session"], world["anna"], world["bram"]
    changed = attendance.record_attendance(
        actor=world["organiser"], session=session, by_user={anna.pk: "present", bram.pk: "absent"}
    )
    assert changed == 2
    assert status_of(session, anna) == ("present", "organiser")
    assert status_of(session, bram) == ("absent", "organiser")
    # Saving the same list again changes nothing.
    assert attendance.record_attendance(actor=world["organiser"], session=session, by_user={anna.pk: "present"}) == 0


def test_people_who_are_not_on_the_list_are_left_alone(world):
    outsider = UserFactory()
    attendance.record_attendance(
        actor=world["organiser"], session=world["session"], by_user={outsider.pk: "present", world["anna"].pk: "maybe"}
    )
    assert not Attendance.objects.exists()


def test_the_waitlist_is_on_the_list_too(world):
    waiting = member(world["circle"])
    RegistrationFactory(session=world["session"], user=waiting, status=Registration.Status.WAITLISTED)
    attendance.record_attendance(actor=world["organiser"], session=world["session"], by_user={waiting.pk: "present"})
    assert status_of(world["session"], waiting) == ("present", "organiser")


def test_only_an_organiser_of_the_circle_records_attendance(world):
    _other_organiser, _other_circle = organised_circle()
    for actor in (world["anna"], _other_organiser):
        with pytest.raises(PermissionDenied):
            attendance.record_attendance(actor=actor, session=world["session"], by_user={world["anna"].pk: "present"})


def test_attendance_is_recorded_from_a_quarter_before_the_start_and_never_for_a_cancelled_session(world):
    soon = SessionFactory(circle=world["circle"], starts_at=timezone.now() + datetime.timedelta(minutes=20))
    with pytest.raises(ValidationError, match="kwartier"):
        attendance.record_attendance(actor=world["organiser"], session=soon, by_user={})
    almost = SessionFactory(circle=world["circle"], starts_at=timezone.now() + datetime.timedelta(minutes=14))
    attendance.record_attendance(actor=world["organiser"], session=almost, by_user={})
    world["session"].status = Session.Status.CANCELLED
    world["session"].save()
    with pytest.raises(ValidationError, match="afgelast"):
        attendance.record_attendance(actor=world["organiser"], session=world["session"], by_user={})


def test_a_check_in_keeps_its_method_unless_the_organiser_changes_the_status(world):
    session, anna, bram = world["session"], world["anna"], world["bram"]
    AttendanceFactory(session=session, user=anna, method=Attendance.Method.CHECK_IN)
    AttendanceFactory(session=session, user=bram, method=Attendance.Method.CHECK_IN)
    attendance.record_attendance(
        actor=world["organiser"], session=session, by_user={anna.pk: "present", bram.pk: "absent"}
    )
    assert status_of(session, anna) == ("present", "check_in")
    assert status_of(session, bram) == ("absent", "organiser")


# Walk-ins --------------------------------------------------------------------------------


def test_a_walk_in_without_an_account_is_kept_by_name_and_email(world):
    record = attendance.add_walk_in(
        actor=world["organiser"], session=world["session"], name="Caroline", email="caroline@example.org"
    )
    assert (record.user, record.name, record.email, record.status, record.method) == (
        None,
        "Caroline",
        "caroline@example.org",
        "present",
        "walk_in",
    )
    # The same address again updates the row instead of adding a second one.
    attendance.add_walk_in(
        actor=world["organiser"], session=world["session"], name="Caroline B.", email="CAROLINE@example.org"
    )
    assert Attendance.objects.filter(session=world["session"], user=None).count() == 1


def test_the_email_address_of_an_account_links_the_walk_in_to_that_account(world):
    hinka = LearnerFactory(user__email="hinka@utrecht.example.org", user__full_name="Hinka Jansen").user
    record = attendance.add_walk_in(
        actor=world["organiser"], session=world["session"], name="Iemand anders", email="Hinka@Utrecht.example.org"
    )
    assert record.user == hinka
    assert status_of(world["session"], hinka) == ("present", "walk_in")
    assert list(attendance.attended_sessions(user=hinka)) == [world["session"]]


def test_a_walk_in_needs_a_name_when_the_address_has_no_account(world):
    with pytest.raises(ValidationError) as error:
        attendance.add_walk_in(actor=world["organiser"], session=world["session"], email="onbekend@example.org")
    assert "Vul ook de naam in" in str(error.value)


def test_only_walk_ins_without_an_account_can_be_removed(world):
    walk_in = attendance.add_walk_in(actor=world["organiser"], session=world["session"], name="Caroline")
    registered_row = AttendanceFactory(session=world["session"], user=world["anna"])
    assert not attendance.remove_walk_in(
        actor=world["organiser"], session=world["session"], attendance_id=registered_row.pk
    )
    assert attendance.remove_walk_in(actor=world["organiser"], session=world["session"], attendance_id=walk_in.pk)
    assert list(Attendance.objects.all()) == [registered_row]


# Checking in ------------------------------------------------------------------------------


def code_of(world) -> str:
    return attendance.check_in_code(actor=world["organiser"], session=world["session"])


def test_the_code_is_six_characters_without_look_alikes_and_stays_until_renewed(world):
    code = code_of(world)
    assert len(code) == 6
    assert set(code) <= set(attendance.CHECK_IN_CODE_ALPHABET)
    assert not set(code) & set("IL0O1")
    assert code_of(world) == code
    renewed = attendance.renew_check_in_code(actor=world["organiser"], session=world["session"])
    world["session"].refresh_from_db()
    assert world["session"].checkin_code == renewed
    with pytest.raises(PermissionDenied):
        attendance.check_in_code(actor=world["anna"], session=world["session"])


def test_checking_in_counts_for_the_account_that_is_signed_in(world):
    code = code_of(world)
    record = attendance.check_in(user=world["anna"], session=world["session"], code=f" {code[:3].lower()}-{code[3:]} ")
    assert (record.user, record.status, record.method, record.recorded_by) == (
        world["anna"],
        "present",
        "check_in",
        world["anna"],
    )
    assert status_of(world["session"], world["bram"]) is None


def test_people_with_the_same_display_name_are_never_mixed_up(world):
    """Booking systems credit online attendance by display name; here it is the login."""
    twin_a = member(world["circle"], full_name="Sanne de Jong")
    twin_b = member(world["circle"], full_name="Sanne de Jong")
    attendance.check_in(user=twin_b, session=world["session"], code=code_of(world))
    assert status_of(world["session"], twin_b) == ("present", "check_in")
    assert status_of(world["session"], twin_a) is None
    assert list(attendance.attended_sessions(user=twin_a)) == []


@pytest.mark.parametrize(
    ("moment", "code", "message"),
    [
        (datetime.timedelta(minutes=-20), "early", "Inchecken kan vanaf"),
        (datetime.timedelta(minutes=100), "closed", "afgelopen"),
    ],
)
def test_checking_in_is_open_from_a_bit_before_the_start_to_the_end(world, moment, code, message):
    now = world["session"].starts_at + moment
    with pytest.raises(attendance.CheckInError) as refused:
        attendance.check_in(user=world["anna"], session=world["session"], code=code_of(world), now=now)
    assert refused.value.code == code
    assert message in refused.value.message
    opens = world["session"].starts_at - datetime.timedelta(minutes=15)
    attendance.check_in(user=world["anna"], session=world["session"], code=code_of(world), now=opens)


def test_a_wrong_code_says_so(world):
    code_of(world)
    with pytest.raises(attendance.CheckInError) as refused:
        attendance.check_in(user=world["anna"], session=world["session"], code="AAAAAA")
    assert refused.value.code == "wrong"
    assert "klopt niet" in refused.value.message
    assert status_of(world["session"], world["anna"]) is None


def test_an_old_code_stops_working_when_the_organiser_makes_a_new_one(world):
    old = code_of(world)
    attendance.renew_check_in_code(actor=world["organiser"], session=world["session"])
    with pytest.raises(attendance.CheckInError):
        attendance.check_in(user=world["anna"], session=world["session"], code=old)


def test_only_members_check_in_and_only_at_online_sessions(world):
    with pytest.raises(attendance.CheckInError) as refused:
        attendance.check_in(user=UserFactory(), session=world["session"], code=code_of(world))
    assert refused.value.code == "not_member"
    on_site = running_session(world["circle"], online_url="", location="Stadhuis Zeist")
    code = attendance.check_in_code(actor=world["organiser"], session=on_site)
    with pytest.raises(attendance.CheckInError) as refused:
        attendance.check_in(user=world["anna"], session=on_site, code=code)
    assert refused.value.code == "not_online"


def test_attempts_are_limited_per_person_and_session(world):
    code = code_of(world)
    for _ in range(attendance.CHECK_IN_ATTEMPTS):
        with pytest.raises(attendance.CheckInError):
            attendance.check_in(user=world["anna"], session=world["session"], code="WRONG1")
    with pytest.raises(attendance.CheckInError) as refused:
        attendance.check_in(user=world["anna"], session=world["session"], code=code)
    assert refused.value.code == "throttled"
    assert refused.value.retry_after > 0
    # Someone else is not held back by Anna's attempts.
    attendance.check_in(user=world["bram"], session=world["session"], code=code)


def test_the_check_in_page_returns_to_the_session_page_when_done(client, world):
    client.force_login(world["anna"])
    session_url = f"/leerkringen/bijeenkomsten/{world['session'].pk}/"
    response = client.post(f"{session_url}inchecken/", {"code": code_of(world), "next": session_url})
    assert response.status_code == 302
    assert response["Location"] == session_url
    assert status_of(world["session"], world["anna"]) == ("present", "check_in")


def test_the_check_in_page_shows_a_wrong_code_by_the_field_and_ignores_foreign_next(client, world):
    client.force_login(world["anna"])
    url = f"/leerkringen/bijeenkomsten/{world['session'].pk}/inchecken/"
    code_of(world)
    response = client.post(url, {"code": "AAAAAA", "next": "https://elders.example.org/"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "Deze code klopt niet" in html
    assert "elders.example.org" not in html
    response = client.post(url, {"code": code_of(world), "next": "https://elders.example.org/"})
    assert response["Location"] == url


def test_too_many_attempts_get_429_with_retry_after(client, world):
    client.force_login(world["anna"])
    url = f"/leerkringen/bijeenkomsten/{world['session'].pk}/inchecken/"
    for _ in range(attendance.CHECK_IN_ATTEMPTS):
        client.post(url, {"code": "AAAAAA"})
    response = client.post(url, {"code": code_of(world)})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "te vaak" in response.content.decode()


def test_the_check_in_page_asks_for_a_login(client, world):
    response = client.get(f"/leerkringen/bijeenkomsten/{world['session'].pk}/inchecken/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_session_page_offers_the_check_in_to_members_during_the_session(client, world):
    client.force_login(world["anna"])
    html = client.get(f"/leerkringen/bijeenkomsten/{world['session'].pk}/").content.decode()
    assert "Aanwezigheidscode" in html
    assert f'action="/leerkringen/bijeenkomsten/{world["session"].pk}/inchecken/"' in html
    attendance.check_in(user=world["anna"], session=world["session"], code=code_of(world))
    html = client.get(f"/leerkringen/bijeenkomsten/{world['session'].pk}/").content.decode()
    assert "Je bent ingecheckt" in html


# What attendance counts for ---------------------------------------------------------------


def test_attended_sessions_are_the_learning_history_with_hours(world):
    circle, anna = world["circle"], world["anna"]
    first = past_session(circle, days=30, hours=1.5)
    second = past_session(circle, days=10, hours=2)
    missed = past_session(circle, days=20)
    cancelled = past_session(circle, days=5, status=Session.Status.CANCELLED)
    for session in (first, second, cancelled):
        AttendanceFactory(session=session, user=anna)
    AttendanceFactory(session=missed, user=anna, status=Attendance.Status.ABSENT)
    sessions = list(attendance.attended_sessions(user=anna))
    assert sessions == [second, first]
    assert [s.hours for s in sessions] == [2.0, 1.5]
    assert sessions[0].circle == circle
    assert attendance.attended_hours(user=anna) == 3.5
    assert attendance.attended_hours(user=world["bram"]) == 0


def test_hr_sees_the_circle_participation_of_their_own_people_only(world):
    zeist, utrecht = OrganisationFactory(name="Gemeente Zeist"), OrganisationFactory(name="Gemeente Utrecht")
    adviser = HRAdviserFactory(organisation=zeist).user
    circle = world["circle"]
    ours = member(circle, organisation=zeist, full_name="Caroline Zeist")
    theirs = member(circle, organisation=utrecht, full_name="Hinka Utrecht")
    walk_in = LearnerFactory(organisation=zeist, user__full_name="Dirk Zeist").user
    held = past_session(circle, days=7, hours=1.5)
    for person in (ours, theirs, walk_in):
        AttendanceFactory(session=held, user=person)
    rows = attendance.circle_participation_for_hr(adviser=adviser)
    assert [(r.person, r.circle, r.sessions_attended, r.hours) for r in rows] == [
        (ours, circle, 1, 1.5),
        (walk_in, circle, 1, 1.5),
    ]
    assert rows[0].member_since is not None
    assert rows[1].member_since is None
    assert attendance.circle_participation_for_hr(adviser=adviser, organisation=utrecht) == []
    assert attendance.circle_participation_for_hr(adviser=theirs) == []


def test_the_hr_participation_costs_the_same_few_queries_for_many_people(world, django_assert_max_num_queries):
    zeist = OrganisationFactory()
    adviser = HRAdviserFactory(organisation=zeist).user
    sessions = [past_session(world["circle"], days=d) for d in (3, 10, 17)]
    for _ in range(12):
        person = member(world["circle"], organisation=zeist)
        for session in sessions:
            AttendanceFactory(session=session, user=person)
    with django_assert_max_num_queries(6):
        rows = attendance.circle_participation_for_hr(adviser=adviser)
        assert {r.sessions_attended for r in rows} == {3}
        assert [r.person.full_name for r in rows] == sorted(r.person.full_name for r in rows)


# Completing a learning track --------------------------------------------------------------


@pytest.fixture
def track_circle(world):
    from tests.curriculum.factories import LearningTrackPageFactory

    track = LearningTrackPageFactory(format=Format.LEARNING_CIRCLE, leads_to_certificate=True)
    circle = world["circle"]
    circle.track, circle.sessions_required = track, 2
    circle.save()
    return circle


def test_reaching_the_required_number_of_sessions_completes_the_track(world, track_circle, monkeypatch):
    """Our side of the rule, on its own: the curriculum service is asked once the member reached N."""
    calls = []
    monkeypatch.setattr(
        curriculum_services,
        "complete_by_attendance",
        lambda *, user, track: calls.append((user, track)),
    )
    anna, organiser = world["anna"], world["organiser"]
    first = past_session(track_circle, days=14)
    RegistrationFactory(session=first, user=anna)
    attendance.record_attendance(actor=organiser, session=first, by_user={anna.pk: "present"})
    assert calls == []
    # Absent does not count.
    attendance.record_attendance(actor=organiser, session=world["session"], by_user={anna.pk: "absent"})
    assert calls == []
    attendance.check_in(user=anna, session=world["session"], code=code_of(world))
    assert calls == [(anna, track_circle.track)]


def test_attending_n_sessions_completes_a_circle_track_and_issues_its_certificate(
    world, track_circle, django_capture_on_commit_callbacks
):
    from certificates.models import Certificate

    anna, organiser = world["anna"], world["organiser"]
    first = past_session(track_circle, days=14)
    RegistrationFactory(session=first, user=anna)
    with django_capture_on_commit_callbacks(execute=True):
        attendance.record_attendance(actor=organiser, session=first, by_user={anna.pk: "present"})
    assert not Enrolment.objects.filter(user=anna, track=track_circle.track).exists()
    with django_capture_on_commit_callbacks(execute=True):
        attendance.add_walk_in(actor=organiser, session=world["session"], email=anna.email)
    enrolment = Enrolment.objects.get(user=anna, track=track_circle.track)
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert Certificate.objects.filter(user=anna, track=track_circle.track).count() == 1
    # A third session does not complete it, or certify it, again.
    third = past_session(track_circle, days=1)
    RegistrationFactory(session=third, user=anna)
    with django_capture_on_commit_callbacks(execute=True):
        attendance.record_attendance(actor=organiser, session=third, by_user={anna.pk: "present"})
    assert Certificate.objects.filter(user=anna).count() == 1


def test_a_verified_second_address_links_the_walk_in_as_well(world):
    from allauth.account.models import EmailAddress

    hinka = LearnerFactory(user__full_name="Hinka Jansen").user
    EmailAddress.objects.create(user=hinka, email="h.jansen@provincie.example.org", verified=True)
    EmailAddress.objects.create(user=hinka, email="niet-bevestigd@example.org", verified=False)
    record = attendance.add_walk_in(
        actor=world["organiser"], session=world["session"], email="H.Jansen@provincie.example.org"
    )
    assert record.user == hinka
    with pytest.raises(ValidationError):
        attendance.add_walk_in(actor=world["organiser"], session=world["session"], email="niet-bevestigd@example.org")
