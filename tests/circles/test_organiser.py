"""The organiser's pages under /leerkringen/beheer/: who gets in (only organisers, and only
for their own circles), the dashboard, a circle's numbers, the attendance list, the report
and the materials, each at a fixed number of queries."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from circles import attendance
from circles.models import Attendance, Registration, Session, SessionMaterial
from tests.circles.factories import (
    AttendanceFactory,
    FeedbackFactory,
    IntakeAnswerFactory,
    IntakeQuestionFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.circles.organiser_factories import member, organised_circle, past_session, registered, running_session
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% een presentatie\n"


@pytest.fixture
def world(home_page):
    organiser, circle = organised_circle(title="Leerkring projectondersteuners")
    session = running_session(circle, theme="Het takenpakket van een ondersteuner")
    material = attendance.add_material(
        actor=organiser,
        session=session,
        title="Presentatie",
        upload=SimpleUploadedFile("presentatie.pdf", PDF, content_type="application/pdf"),
    )
    walk_in = attendance.add_walk_in(actor=organiser, session=session, name="Caroline")
    return {
        "organiser": organiser,
        "circle": circle,
        "session": session,
        "material": material,
        "walk_in": walk_in,
        "anna": registered(session, full_name="Anna de Wit"),
    }


def organiser_urls(world) -> list[tuple[str, str]]:
    """Every organiser address of the circle, with the method it answers to."""
    c, s = world["circle"].pk, world["session"].pk
    m, w = world["material"].pk, world["walk_in"].pk
    names = [
        ("get", "circles:organiser:circle", [c]),
        ("get", "circles:organiser:circle_csv", [c]),
        ("get", "circles:organiser:circle_xlsx", [c]),
        ("get", "circles:organiser:attendance", [s]),
        ("post", "circles:organiser:attendance", [s]),
        ("get", "circles:organiser:session_csv", [s]),
        ("get", "circles:organiser:session_xlsx", [s]),
        ("post", "circles:organiser:walk_in", [s]),
        ("post", "circles:organiser:remove_walk_in", [s, w]),
        ("get", "circles:organiser:check_in_code", [s]),
        ("post", "circles:organiser:check_in_code", [s]),
        ("get", "circles:organiser:feedback", [s]),
        ("get", "circles:organiser:report", [s]),
        ("post", "circles:organiser:report", [s]),
        ("post", "circles:organiser:add_material", [s]),
        ("post", "circles:organiser:remove_material", [s, m]),
    ]
    return [(method, reverse(name, args=args)) for method, name, args in names]


def assert_untouched(world):
    world["session"].refresh_from_db()
    assert SessionMaterial.objects.filter(pk=world["material"].pk).exists()
    assert Attendance.objects.filter(pk=world["walk_in"].pk).exists()
    assert world["session"].report == ""


# Who gets in ----------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page_everywhere(client, world):
    for method, url in [("get", "/leerkringen/beheer/"), *organiser_urls(world)]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url
    assert_untouched(world)


@pytest.mark.parametrize("who", ["learner", "member", "hr"])
def test_people_without_the_organiser_role_get_403_everywhere(client, world, who):
    person = {
        "learner": lambda: LearnerFactory().user,
        "member": lambda: world["anna"],
        "hr": lambda: HRAdviserFactory().user,
    }[who]()
    client.force_login(person)
    for method, url in [("get", "/leerkringen/beheer/"), *organiser_urls(world)]:
        assert getattr(client, method)(url).status_code == 403, url
    assert_untouched(world)


def test_an_organiser_of_another_circle_gets_404_on_this_circles_pages(client, world):
    other, _other_circle = organised_circle(title="Leerkring PMO")
    client.force_login(other)
    for method, url in organiser_urls(world):
        assert getattr(client, method)(url).status_code == 404, url
    assert_untouched(world)
    html = client.get("/leerkringen/beheer/").content.decode()
    assert "Leerkring PMO" in html
    assert "Leerkring projectondersteuners" not in html


def test_someone_among_the_organisers_without_the_role_gets_403(client, world):
    """The organiser role goes with the circle's list of organisers; taking the role away closes the pages."""
    world["organiser"].memberships.all().delete()
    client.force_login(world["organiser"])
    assert client.get(f"/leerkringen/beheer/kring/{world['circle'].pk}/").status_code == 403


def test_a_material_file_is_for_members_and_organisers_only(client, world):
    url = reverse("circles:participation:material", args=[world["session"].pk, world["material"].pk])
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(LearnerFactory().user)
    assert client.get(url).status_code == 403
    for person in (world["anna"], world["organiser"]):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert 'attachment; filename="presentatie' in response["Content-Disposition"]
    # A member who leaves loses access.
    world["circle"].members.filter(user=world["anna"]).update(left_at=timezone.now())
    client.force_login(world["anna"])
    assert client.get(url).status_code == 403


def test_the_material_file_is_in_private_storage(world):
    with pytest.raises(ValueError, match="private"):
        world["material"].file.url  # noqa: B018


# The dashboard --------------------------------------------------------------------------


def grow(circle, *, members: int, sessions: int):
    """``members`` more members registered for ``sessions`` more past sessions, with
    attendance and feedback, from two kinds of organisation."""
    provincie = OrganisationFactory(kind="provincie")
    people = [member(circle, organisation=provincie if n % 2 else None) for n in range(members)]
    for days in range(sessions):
        session = past_session(circle, days=days + 2)
        for n, person in enumerate(people):
            RegistrationFactory(session=session, user=person)
            AttendanceFactory(session=session, user=person, status="present" if n % 3 else "absent")
            FeedbackFactory(session=session, user=person, rating=1 + n % 5)
    SessionFactory(circle=circle)
    return people


def test_the_dashboard_shows_the_organisers_circles_with_their_next_session(client, world):
    upcoming = SessionFactory(circle=world["circle"], theme="Functie- en taakbeschrijving", capacity=2)
    RegistrationFactory(session=upcoming, user=world["anna"])
    RegistrationFactory(session=upcoming, user=member(world["circle"]), status=Registration.Status.WAITLISTED)
    client.force_login(world["organiser"])
    html = client.get("/leerkringen/beheer/").content.decode()
    assert "Leerkring projectondersteuners" in html
    assert "Het takenpakket van een ondersteuner" in html  # the running session ends later: it is next
    assert "1 van 30 plaatsen bezet" in html


@pytest.mark.parametrize("size", [(2, 1), (12, 5)])
def test_the_dashboard_costs_the_same_queries_for_any_size(client, world, size, django_assert_max_num_queries):
    grow(world["circle"], members=size[0], sessions=size[1])
    _o, second = organised_circle()
    second.organisers.add(world["organiser"])
    client.force_login(world["organiser"])
    with django_assert_max_num_queries(16):
        assert client.get("/leerkringen/beheer/").status_code == 200


def test_an_organiser_without_circles_is_told_how_to_get_one(client):
    from tests.circles.factories import OrganiserFactory

    client.force_login(OrganiserFactory().user)
    assert "Je organiseert nog geen leerkring" in client.get("/leerkringen/beheer/").content.decode()


# A circle's numbers ---------------------------------------------------------------------


def test_the_circle_page_shows_sessions_members_feedback_and_intake(client, world):
    people = grow(world["circle"], members=6, sessions=2)
    question = IntakeQuestionFactory(circle=world["circle"])
    for person in people[:5]:
        IntakeAnswerFactory(question=question, user=person, value="0-5 jaar")
    client.force_login(world["organiser"])
    html = client.get(f"/leerkringen/beheer/kring/{world['circle'].pk}/").content.decode()
    # Sessions: a chart with a title and a description, and its table.
    svgs = re.findall(r"<svg[^>]*role=\"img\"[^>]*>.*?</svg>", html, re.S)
    assert len(svgs) == 4  # sessions, members by kind, feedback, one intake question
    for svg in svgs:
        assert "<title id=" in svg
        assert "<desc id=" in svg
    assert html.count("<table") == 4
    assert "Aanmeldingen, wachtlijst en aanwezigheid per bijeenkomst" in html
    assert "Provincie" in html
    assert "gemiddeld" in html
    assert "Hoeveel jaar werk je als ondersteuner?" in html
    # No member's name anywhere on the circle page.
    for person in people:
        assert person.full_name not in html


@pytest.mark.parametrize("size", [(2, 1), (15, 6)])
def test_the_circle_page_costs_the_same_queries_for_any_size(client, world, size, django_assert_max_num_queries):
    people = grow(world["circle"], members=size[0], sessions=size[1])
    question = IntakeQuestionFactory(circle=world["circle"])
    for person in people:
        IntakeAnswerFactory(question=question, user=person)
    client.force_login(world["organiser"])
    with django_assert_max_num_queries(21):
        assert client.get(f"/leerkringen/beheer/kring/{world['circle'].pk}/").status_code == 200


# The attendance list --------------------------------------------------------------------


def test_the_attendance_list_shows_registrations_waitlist_check_ins_and_walk_ins(client, world):
    session = world["session"]
    waiting = member(world["circle"], full_name="Wachtende Wim")
    RegistrationFactory(session=session, user=waiting, status=Registration.Status.WAITLISTED)
    checked_in = member(world["circle"], full_name="Ingecheckte Ilse")
    attendance.check_in(
        user=checked_in, session=session, code=attendance.check_in_code(actor=world["organiser"], session=session)
    )
    client.force_login(world["organiser"])
    response = client.get(f"/leerkringen/beheer/bijeenkomst/{session.pk}/aanwezigheid/")
    html = response.content.decode()
    for name in ("Anna de Wit", "Wachtende Wim", "Ingecheckte Ilse", "Caroline"):
        assert name in html
    assert "Op de wachtlijst" in html
    assert "Zelf met de code" in html
    assert f'name="status-u{world["anna"].pk}"' in html
    assert f'name="status-w{world["walk_in"].pk}"' in html
    # The code to show, spelled out for screen readers.
    session.refresh_from_db()
    assert session.checkin_code in html
    assert " ".join(session.checkin_code) in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_organiser_saves_the_list_and_adds_a_walk_in(client, world):
    session, anna = world["session"], world["anna"]
    client.force_login(world["organiser"])
    url = f"/leerkringen/beheer/bijeenkomst/{session.pk}/aanwezigheid/"
    response = client.post(url, {f"status-u{anna.pk}": "present", f"status-w{world['walk_in'].pk}": "absent"})
    assert response.status_code == 302
    assert Attendance.objects.get(session=session, user=anna).status == "present"
    assert Attendance.objects.get(pk=world["walk_in"].pk).status == "absent"
    assert "De aanwezigheid is opgeslagen" in client.get(url).content.decode()

    response = client.post(f"/leerkringen/beheer/bijeenkomst/{session.pk}/binnenloper/", {"name": "", "email": ""})
    assert response.status_code == 400
    assert "Vul een naam of een e-mailadres in" in response.content.decode()
    response = client.post(
        f"/leerkringen/beheer/bijeenkomst/{session.pk}/binnenloper/", {"name": "", "email": "geen@example.org"}
    )
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    response = client.post(f"/leerkringen/beheer/bijeenkomst/{session.pk}/binnenloper/", {"name": "Hinka"})
    assert response.status_code == 302
    assert Attendance.objects.filter(session=session, name="Hinka", status="present").exists()


def test_before_the_session_the_list_is_read_only(client, world):
    later = SessionFactory(circle=world["circle"])
    RegistrationFactory(session=later, user=world["anna"])
    client.force_login(world["organiser"])
    html = client.get(f"/leerkringen/beheer/bijeenkomst/{later.pk}/aanwezigheid/").content.decode()
    assert "Anna de Wit" in html
    assert 'type="radio"' not in html
    assert "een kwartier voor de start" in html
    client.post(f"/leerkringen/beheer/bijeenkomst/{later.pk}/aanwezigheid/", {f"status-u{world['anna'].pk}": "present"})
    assert not Attendance.objects.filter(session=later).exists()


@pytest.mark.parametrize("size", [2, 25])
def test_the_attendance_list_costs_the_same_queries_for_any_size(client, world, size, django_assert_max_num_queries):
    session = world["session"]
    provincie = OrganisationFactory(kind="provincie")
    for n in range(size):
        person = registered(session, organisation=provincie)
        if n % 2:
            AttendanceFactory(session=session, user=person)
        attendance.add_walk_in(actor=world["organiser"], session=session, name=f"Gast {n}")
    client.force_login(world["organiser"])
    url = f"/leerkringen/beheer/bijeenkomst/{session.pk}/aanwezigheid/"
    client.get(url)  # the check-in code is made on the first visit
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200


def test_the_code_page_shows_the_code_and_renews_it(client, world):
    client.force_login(world["organiser"])
    url = f"/leerkringen/beheer/bijeenkomst/{world['session'].pk}/code/"
    old = attendance.check_in_code(actor=world["organiser"], session=world["session"])
    assert old in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    world["session"].refresh_from_db()
    assert world["session"].checkin_code != old
    assert world["session"].checkin_code in client.get(url).content.decode()


# Report and materials -------------------------------------------------------------------


def session_page(client, session) -> str:
    return client.get(f"/leerkringen/bijeenkomsten/{session.pk}/").content.decode()


def test_the_report_is_for_members_once_published(client, world):
    session, organiser = past_session(world["circle"], days=2), world["organiser"]
    anna = member(world["circle"])
    client.force_login(organiser)
    url = f"/leerkringen/beheer/bijeenkomst/{session.pk}/verslag/"
    text = "Velen vinden zich de spin in het web.\n\n- Twee voorbeelden\n- Kleine groepen <b>vet</b>"
    assert client.post(url, {"report": text, "action": "save"}).status_code == 302
    session.refresh_from_db()
    assert session.report_published_at is None
    assert "<li>Kleine groepen &lt;b&gt;vet&lt;/b&gt;</li>" in session.report
    client.force_login(anna)
    assert "spin in het web" not in session_page(client, session)

    client.force_login(organiser)
    client.post(url, {"report": text, "action": "publish"})
    session.refresh_from_db()
    assert session.report_published_at is not None
    client.force_login(anna)
    html = session_page(client, session)
    assert "spin in het web" in html
    assert "&lt;b&gt;vet" in html
    for outsider in (LearnerFactory().user, None):
        if outsider:
            client.force_login(outsider)
        else:
            client.logout()
        assert "spin in het web" not in session_page(client, session)

    client.force_login(organiser)
    client.post(url, {"action": "withdraw"})
    client.force_login(anna)
    assert "spin in het web" not in session_page(client, session)


def test_publishing_an_empty_report_is_refused(client, world):
    client.force_login(world["organiser"])
    response = client.post(
        f"/leerkringen/beheer/bijeenkomst/{world['session'].pk}/verslag/", {"report": " ", "action": "publish"}
    )
    assert response.status_code == 400
    assert "Schrijf eerst het verslag" in response.content.decode()


def test_the_report_form_shows_the_report_as_text_again(client, world):
    attendance.save_report(
        actor=world["organiser"],
        session=world["session"],
        report="<p>Eerste alinea</p><ul><li>punt</li></ul>",
        publish=True,
    )
    client.force_login(world["organiser"])
    html = client.get(f"/leerkringen/beheer/bijeenkomst/{world['session'].pk}/verslag/").content.decode()
    assert "Eerste alinea\n\n- punt</textarea>" in html


def upload(client, world, name, content, **extra):
    return client.post(
        f"/leerkringen/beheer/bijeenkomst/{world['session'].pk}/materiaal/",
        {"title": "Handout", "file": SimpleUploadedFile(name, content), **extra},
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("programma.exe", b"MZ....", "Dit soort bestand kun je niet delen"),
        ("nep.pdf", b"<html>geen pdf</html>", "geen echt .pdf-bestand"),
        ("plaatje.png", PDF, "geen echt .png-bestand"),
    ],
)
def test_material_files_of_the_wrong_kind_are_refused(client, world, name, content, message):
    client.force_login(world["organiser"])
    response = upload(client, world, name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert world["session"].materials.count() == 1


def test_material_files_that_are_too_large_are_refused(client, world, monkeypatch):
    monkeypatch.setattr(attendance, "MATERIAL_MAX_BYTES", 100)
    client.force_login(world["organiser"])
    response = upload(client, world, "groot.pdf", PDF + b"x" * 200)
    assert response.status_code == 400
    assert "te groot" in response.content.decode()


def test_a_material_is_a_file_or_a_link_not_both(client, world):
    client.force_login(world["organiser"])
    response = upload(client, world, "handout.pdf", PDF, url="https://example.org/handout")
    assert response.status_code == 400
    assert "niet allebei" in response.content.decode()
    response = client.post(
        f"/leerkringen/beheer/bijeenkomst/{world['session'].pk}/materiaal/",
        {"title": "Opname", "url": "https://example.org/opname"},
    )
    assert response.status_code == 302
    assert upload(client, world, "handout.docx", b"PK\x03\x04rest").status_code == 302
    titles = list(world["session"].materials.values_list("title", flat=True))
    assert titles == ["Presentatie", "Opname", "Handout"]


def test_members_see_the_materials_on_the_session_page(client, world):
    client.force_login(world["anna"])
    html = session_page(client, world["session"])
    assert reverse("circles:participation:material", args=[world["session"].pk, world["material"].pk]) in html
    client.force_login(LearnerFactory().user)
    assert "Presentatie" not in session_page(client, world["session"])


def test_removing_a_material_removes_its_file(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["organiser"])
    name = world["material"].file.name
    storage = world["material"].file.storage
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/leerkringen/beheer/bijeenkomst/{world['session'].pk}/materiaal/{world['material'].pk}/verwijderen/"
        )
    assert not SessionMaterial.objects.filter(pk=world["material"].pk).exists()
    assert not storage.exists(name)


def test_a_cancelled_session_shows_no_member_forms(client, world):
    world["session"].status = Session.Status.CANCELLED
    world["session"].save()
    client.force_login(world["anna"])
    html = session_page(client, world["session"])
    assert "Aanwezigheidscode" not in html
    assert "Presentatie" not in html


def test_the_session_page_links_organisers_to_their_pages(client, world):
    client.force_login(world["organiser"])
    html = session_page(client, world["session"])
    assert f"/leerkringen/beheer/bijeenkomst/{world['session'].pk}/aanwezigheid/" in html
    assert f"/leerkringen/beheer/bijeenkomst/{world['session'].pk}/verslag/" in html


def test_attendance_can_still_be_corrected_after_the_session(world):
    old = past_session(world["circle"], days=40)
    assert attendance.attendance_open(session=old, now=timezone.now() + datetime.timedelta(days=1))
