"""The learner dashboard's career part and its assigned learning paths."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.models import Attempt
from assessments.services import add_to_plan
from careers.models import CurrentRole
from certificates.models import Certificate
from circles.models import Attendance, Session
from curriculum.models import Enrolment, LearningPathItem, ModuleProgress
from tests.certificates.factories import CertificateFactory
from tests.circles.factories import AttendanceFactory, SessionFactory, in_days
from tests.curriculum.factories import AssignmentFactory, LearningTrackPageFactory, ModulePageFactory
from tests.readiness.world import build_world, submit_scan

ACTIVE, COMPLETED, DECLINED = Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED, Enrolment.Status.DECLINED

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    return build_world(home_page)


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get("/mijn/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_next_steps_open_their_readiness(client, world):
    html = dashboard(client, world["anna"])
    assert "Je huidige functie: <strong>MO schaal 7</strong>" in html
    assert f'href="/mijn/loopbaan/volgende-stap/{world["mo8"].pk}/">MO schaal 8</a>' in html
    assert f'href="/mijn/loopbaan/volgende-stap/{world["support"].pk}/">Projectondersteuner</a>' in html
    assert 'href="/mijn/loopbaan/volgende-stap/"' in html


def test_without_a_current_role_the_dashboard_says_what_to_do(client, world):
    CurrentRole.objects.filter(user=world["anna"]).delete()
    html = dashboard(client, world["anna"])
    assert "Geef je huidige functie op, dan laat Spil zien welke stappen daarna mogelijk zijn" in html
    assert "/mijn/loopbaan/volgende-stap/" not in html


def test_an_assigned_learning_path_opens_to_its_tracks(client, world):
    anna = world["anna"]
    AssignmentFactory(user=anna, organisation=anna.memberships.first().organisation, track=None, path=world["path"])
    html = dashboard(client, anna)
    details = re.search(r"<details>(.*?)</details>", html, re.S).group(1)
    assert "Doorgroeien naar schaal 8" in details
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", details))
    assert "Notuleren en actielijsten: afgerond" in text
    assert "Plannen voor gevorderden: nog niet begonnen" in text
    assert "Plannen in de praktijk (keuzeleergang): bezig" in text
    assert f'href="{world["advanced"].url}"' in details


def test_a_waiting_request_says_how_long_it_waits(client, world):
    anna = world["anna"]
    asked = Enrolment.objects.create(user=anna, track=world["circle_track"], status=Enrolment.Status.REQUESTED)
    Enrolment.objects.filter(pk=asked.pk).update(requested_at=timezone.now() - datetime.timedelta(days=4))
    html = dashboard(client, anna)
    assert "Aangevraagd: Leerkring ondersteuners (wacht op je HR-adviseur)" in html
    assert "Wacht al 4 dagen" in html


@pytest.mark.parametrize("size", [1, 12])
def test_assigned_paths_cost_the_same_whatever_their_size(client, world, size, django_assert_max_num_queries):
    anna = world["anna"]
    organisation = anna.memberships.first().organisation
    AssignmentFactory(user=anna, organisation=organisation, track=None, path=world["path"])
    for n in range(size):
        extra = LearningTrackPageFactory(parent=world["catalog"], title=f"Extra {n}")
        LearningPathItem.objects.create(path=world["path"], track=extra, required=False, sort_order=10 + n)
        Enrolment.objects.create(user=anna, track=extra, status=Enrolment.Status.COMPLETED)
    client.force_login(anna)
    client.get("/mijn/")
    # 14 in this world: with an active enrolment, a current role, a self-assessment, a
    # certificate and attended sessions (each list the learner has rows in is one query).
    with django_assert_max_num_queries(14):
        html = client.get("/mijn/").content.decode()
    assert html.count("(keuzeleergang)") == 1 + size


def queries_of(client, path: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        html = client.get(path).content.decode()
    return len(captured.captured_queries), html


def add_rows(world, n: int) -> None:
    """One more of every list the dashboard shows, ``n`` times, for anna."""
    anna = world["anna"]
    organisation = anna.memberships.first().organisation
    for i in range(n):
        track = LearningTrackPageFactory(parent=world["catalog"], title=f"Leergang {n}-{i}")
        Enrolment.objects.create(user=anna, track=track, status=[ACTIVE, COMPLETED, DECLINED][i % 3])
        AssignmentFactory(user=anna, organisation=organisation, track=track)
        add_to_plan(user=anna, track=track)
        CertificateFactory(user=anna, track=track, number=f"SPIL-2026-{n}{i:03d}-MEER")
        session = SessionFactory(circle=world["counting"], theme=f"Thema {n}-{i}", starts_at=in_days(-20 - i))
        AttendanceFactory(session=session, user=anna, status=Attendance.Status.PRESENT)
        submit_scan(anna, world["scan"], {c.pk: 2 for c in (world["planning"], world["notes"], world["risks"])})


def test_every_list_costs_the_same_whatever_its_rows(client, world):
    """Only the columns the dashboard shows are read: a column it reads but does not
    load would cost a query per row here."""
    anna = world["anna"]
    add_rows(world, 1)
    client.force_login(anna)
    client.get("/mijn/")
    few, html = queries_of(client, "/mijn/")
    for text in ["Leergang 1-0", "SPIL-2026-1000-MEER", "Thema 1-0", "Zelfscan managementondersteuning"]:
        assert text in html
    assert "Je huidige functie: <strong>MO schaal 7</strong>" in html
    add_rows(world, 6)
    client.get("/mijn/")  # the new pages emptied the cache of the menu
    many, html = queries_of(client, "/mijn/")
    assert many == few
    assert all(f"Thema 6-{i}" in html for i in range(6))
    assert all(f"SPIL-2026-6{i:03d}-MEER" in html for i in range(6))
    assert html.count(">Leergang 6-") >= 6 + 6, "each track in the assignments and in the plan"


def test_lists_without_rows_cost_no_query(client, world):
    """A plan, self-assessments, certificates and attended sessions are read only when
    the learner has them; what counts as having them is what the lists show."""
    anna, bram = world["anna"], world["bram"]
    client.force_login(anna)
    client.get("/mijn/")
    full, _ = queries_of(client, "/mijn/")
    for model in (Certificate, Attendance):
        model.objects.filter(user=bram).delete()
    Attempt.objects.filter(user=bram).update(status=Attempt.Status.DRAFT)
    cancelled = SessionFactory(circle=world["meant"], theme="Afgelast", starts_at=in_days(-5))
    AttendanceFactory(session=cancelled, user=bram, status=Attendance.Status.PRESENT)
    Session.objects.filter(pk=cancelled.pk).update(status=Session.Status.CANCELLED)
    client.force_login(bram)
    client.get("/mijn/")
    empty, html = queries_of(client, "/mijn/")
    assert empty < full
    assert "Je hebt nog geen bijeenkomst van een leerkring bijgewoond." in html
    assert "Afgelast" not in html
    assert "Je laatste zelfscans" not in html
    assert "Certificaten</h3>" not in html
    assert "Doe een zelfscan" in html


def test_the_lists_show_once_they_have_rows(client, world):
    bram = world["bram"]
    add_to_plan(user=bram, track=world["advanced"])
    client.force_login(bram)
    html = client.get("/mijn/").content.decode()
    assert "Bram was hier" in html
    assert "SPIL-2026-0002-BRAM" in html
    assert "Je laatste zelfscans" in html
    assert f'href="{world["advanced"].url}">Plannen voor gevorderden</a>' in html
    assert "Je huidige functie: <strong>MO schaal 6</strong> (nog niet bevestigd door HR)" in html


def test_progress_counts_the_live_required_modules_of_each_track(client, world):
    """Done and in all: the live required modules directly under the track; a draft, an
    optional module or another track's module does not count."""
    anna = world["anna"]
    first = LearningTrackPageFactory(parent=world["catalog"], title="Eerste")
    second = LearningTrackPageFactory(parent=world["catalog"], title="Tweede")
    done = [ModulePageFactory(parent=first) for _ in range(3)]
    ModulePageFactory(parent=first, required=False)
    ModulePageFactory(parent=first, live=False)
    ModulePageFactory(parent=second)
    enrolment = Enrolment.objects.create(user=anna, track=first, status=ACTIVE)
    Enrolment.objects.create(user=anna, track=second, status=ACTIVE)
    for module in done[:2]:
        ModuleProgress.objects.create(enrolment=enrolment, module=module, completed_at=timezone.now())
    ModuleProgress.objects.create(enrolment=enrolment, module=done[2])  # opened, not completed
    html = re.sub(r"\s+", " ", dashboard(client, anna))
    assert "Eerste</a></h3> <label" in html
    assert re.search(r"Eerste</a></h3>.*?2 van 3 verplichte modules afgerond.*?value=\"67\"", html)
    assert re.search(r"Tweede</a></h3>.*?0 van 1 verplichte modules afgerond", html)


def test_progress_follows_published_changes_to_the_modules_at_once(client, world):
    """The live required modules are kept per content version (curriculum.selectors
    .required_modules): a module published, unpublished or made optional after the dashboard
    was seen changes the count on the next request."""
    anna = world["anna"]
    track = LearningTrackPageFactory(parent=world["catalog"], title="Eerste")
    first, second = ModulePageFactory(parent=track), ModulePageFactory(parent=track)
    enrolment = Enrolment.objects.create(user=anna, track=track, status=ACTIVE)
    ModuleProgress.objects.create(enrolment=enrolment, module=first, completed_at=timezone.now())

    def counted() -> str:
        html = re.sub(r"\s+", " ", dashboard(client, anna))
        return re.search(r"Eerste</a></h3>.*?(\d+ van \d+) verplichte modules afgerond", html).group(1)

    assert counted() == "1 van 2"
    third = ModulePageFactory(parent=track)
    assert counted() == "1 van 3"
    second.unpublish()
    assert counted() == "1 van 2"
    third.required = False
    third.save_revision().publish()
    assert counted() == "1 van 1"
    first.required = False
    first.save_revision().publish()
    assert counted() == "0 van 0"
