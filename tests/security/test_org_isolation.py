"""Two organisations with the same data, and nothing of one in the other's HR pages.

Gemeente Alfa and Gemeente Bravo hold the same teams (Programmabureau, Projectbureau), the
same track, path and role profile assigned, certificates, circle attendance, self-assessment
results shared with HR, development conversations, enrolment requests, assignment batches,
invitations and exports. Only the number of people differs (Alfa 5 learners of whom 3
completed, Bravo 8 of whom 7), and every person's name carries their organisation's name, so
that each figure and each name on a page says which organisation it came from.

Each adviser then reads every HR page, table and export, with filter values and ids of the
other organisation in the address (team names, profile ids, person ids, export ids, batch ids),
and the figures must be their own organisation's, whatever they ask.

The last test reads the HR code itself: people are found through ``people.selectors``.
"""

import ast
import csv
import datetime
import io
import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.utils import timezone

from assessments import services as assessments
from cms.services import ensure_site
from curriculum.models import Enrolment
from insights.models import ExportJob
from insights.tables import TABLES
from tests.assessments.factories import SelfAssessmentIndexPageFactory, SelfAssessmentPageFactory, StatementFactory
from tests.careers.factories import (
    CareerStepFactory,
    CompetencyFactory,
    CurrentRoleFactory,
    DevelopmentConversationFactory,
    RoleProfileIndexPageFactory,
    RoleProfilePageFactory,
)
from tests.certificates.factories import CertificateFactory, CertificateTemplateFactory
from tests.circles.factories import AttendanceFactory, CircleMemberFactory, LearningCirclePageFactory, SessionFactory
from tests.curriculum.factories import (
    AssignmentBatchFactory,
    AssignmentFactory,
    CatalogPageFactory,
    EnrolmentFactory,
    LearningPathFactory,
    LearningPathItemFactory,
    LearningTrackPageFactory,
)
from tests.insights.factories import ExportJobFactory
from tests.invitations.factories import InvitationFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

EVERYTHING = "periode=alles"
TEAMS = ("Programmabureau", "Projectbureau")
# name: (learners, of whom completed the track)
SIZES = {"Alfa": (5, 3), "Bravo": (8, 7)}
OTHER = {"Alfa": "Bravo", "Bravo": "Alfa"}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[dict]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def build_world() -> dict:
    home = ensure_site()
    catalog = CatalogPageFactory(parent=home)
    notes = LearningTrackPageFactory(parent=catalog, title="Notuleren", leads_to_certificate=True)
    planning = LearningTrackPageFactory(parent=catalog, title="Plannen")
    path = LearningPathFactory(title="Naar PMO")
    LearningPathItemFactory(path=path, track=notes)
    LearningPathItemFactory(path=path, track=planning)
    profile = RoleProfilePageFactory(parent=RoleProfileIndexPageFactory(parent=home), title="Projectondersteuner")
    scan = SelfAssessmentPageFactory(parent=SelfAssessmentIndexPageFactory(parent=home), title="Zelfscan")
    statements = [
        StatementFactory(page=scan, competency=CompetencyFactory(name=name), text=name, sort_order=n)
        for n, name in enumerate(("Plannen", "Notuleren"))
    ]
    template = CertificateTemplateFactory()
    circle = LearningCirclePageFactory(title="Leerkring ondersteuners")
    start = timezone.now() - datetime.timedelta(days=7)
    session = SessionFactory(circle=circle, starts_at=start, ends_at=start + datetime.timedelta(minutes=90))
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    world = {"profile": profile, "path": path, "planning": planning, "notes": notes}
    for name, (size, completions) in SIZES.items():
        organisation = OrganisationFactory(name=f"Gemeente {name}", slug=name.lower())
        # The adviser's team is one only this organisation has.
        adviser = HRAdviserFactory(
            organisation=organisation, team=f"{name}-team", user__full_name=f"{name} Adviseur"
        ).user
        learners = []
        for n in range(size):
            person = LearnerFactory(
                organisation=organisation,
                team=TEAMS[n % 2],
                user__full_name=f"{name} Deelnemer {n}",
                user__email=f"deelnemer{n}@{name.lower()}.example.org",
            ).user
            learners.append(person)
            CurrentRoleFactory(user=person, profile=profile)
            enrolment = EnrolmentFactory(user=person, track=notes)
            if n < completions:
                Enrolment.objects.filter(pk=enrolment.pk).update(
                    status=Enrolment.Status.COMPLETED, completed_at=timezone.now() - datetime.timedelta(days=3)
                )
                CertificateFactory(
                    user=person, track=notes, template=template, issued_at=timezone.now() - datetime.timedelta(days=3)
                )
            AssignmentFactory(user=person, organisation=organisation, path=path, track=None, due_date=yesterday)
            CircleMemberFactory(circle=circle, user=person)
            AttendanceFactory(session=session, user=person)
            CareerStepFactory(user=person, to_profile=profile, date=yesterday)
            attempt = assessments.start_attempt(user=person, assessment=scan)
            assessments.save_answers(
                user=person, attempt=attempt, levels={statement.pk: 1 + n % 4 for statement in statements}
            )
            assessments.submit(user=person, attempt=attempt)
            assessments.set_sharing(user=person, attempt=attempt, shared=True)
        requester = LearnerFactory(organisation=organisation, team=TEAMS[0], user__full_name=f"{name} Aanvrager").user
        request = EnrolmentFactory(user=requester, track=planning, status=Enrolment.Status.REQUESTED)
        conversation = DevelopmentConversationFactory(
            membership=requester.memberships.get(), target_profile=profile, message=f"{name} gesprek"
        )
        batch = AssignmentBatchFactory(organisation=organisation, assigned_by=adviser, path=path, track=None)
        InvitationFactory(organisation=organisation, invited_by=adviser, full_name=f"{name} Genodigde")
        export = ExportJobFactory(adviser=adviser, organisation_ids=[organisation.pk], status=ExportJob.Status.DONE)
        export.file.save("spil-te-laat.csv", ContentFile(f"Naam\n{name} Deelnemer 0\n".encode()))
        world[name] = {
            "organisation": organisation,
            "adviser": adviser,
            "learners": learners,
            "requester": requester,
            "request": request,
            "conversation": conversation,
            "batch": batch,
            "export": export,
            "attempt": learners[0].assessment_attempts.get(),
            "certificate": learners[0].certificates.get(),
        }
    return world


def adviser_client(world: dict, name: str) -> Client:
    client = Client()
    client.force_login(world[name]["adviser"])
    return client


def get(client: Client, url: str, *, status: int = 200) -> str:
    cache.clear()  # the dashboard's cached figures and rate-limit counts start afresh
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def figure(html: str, label: str) -> str:
    found = re.search(rf"<dt>{re.escape(label)}</dt><dd>([^<]*)</dd>", html)
    assert found, label
    return found.group(1)


def nothing_of(other: str, text: str, where: str) -> None:
    """No person, address, team or organisation of the other organisation in ``text`` (what the
    adviser typed into the address, shown back to them, aside)."""
    typed = re.sub(r"^[^?]*\??", "", where)
    for secret in (
        f"{other} Deelnemer",
        f"{other} Aanvrager",
        f"{other} Adviseur",
        f"{other} Genodigde",
        f"{other} gesprek",
        f"Gemeente {other}",
        f"{other.lower()}.example.org",
        f"{other}-team",
    ):
        if secret not in typed:
            assert secret not in text, f"{where} shows {secret!r}"


def names(name: str, html: str) -> set[str]:
    """The people of organisation ``name`` a page names."""
    return set(re.findall(rf"{name} Deelnemer \d+", html))


def expected(name: str, *, team: str = "") -> dict[str, str]:
    size, completions = SIZES[name]
    if team:  # learners alternate between the two teams, the first in the first
        in_team = [n for n in range(size) if TEAMS[n % 2] == team]
        people = len(in_team) + (1 if team == TEAMS[0] else 0)  # and the requester
        return {"Mensen": str(people), "Daarvan afgerond": str(sum(1 for n in in_team if n < completions))}
    return {
        "Mensen": str(size + 2),  # the learners, the requester and the adviser
        "Daarvan afgerond": str(completions),
        "Opdrachten te laat": str(size),
        "Certificaten uitgegeven": str(completions),
        "Keer aanwezig bij een bijeenkomst": str(size),
        "Loopbaanstappen": str(size),
    }


MINE = pytest.mark.parametrize("me", ["Alfa", "Bravo"])


# The HR dashboard -------------------------------------------------------------------------


@pytest.mark.django_db
@MINE
def test_the_dashboard_figures_are_the_advisers_own_whatever_the_filters_say(world, me):
    other = OTHER[me]
    client = adviser_client(world, me)
    html = get(client, f"/hr/?{EVERYTHING}")
    for label, value in expected(me).items():
        assert figure(html, label) == value, label
    nothing_of(other, html, "/hr/")
    # Filter values the adviser controls: a team both have, the other's own team, a name or
    # id that only means something there, and the profile both use.
    for team in TEAMS:
        narrowed = get(client, f"/hr/?{EVERYTHING}&team={team}")
        for label, value in expected(me, team=team).items():
            assert figure(narrowed, label) == value, (team, label)
        nothing_of(other, narrowed, f"/hr/?team={team}")
    size, completions = SIZES[me]
    # The role profile both organisations use narrows to the learners who hold it; values that
    # mean something only in the other organisation narrow nothing.
    profile = f"functieprofiel={world['profile'].pk}"
    for query, people, completed in (
        (profile, size, completions),
        (f"team={other}-team", size + 2, completions),
        (f"team={other}-team&{profile}", size, completions),
        (f"organisatie={world[other]['organisation'].pk}", size + 2, completions),
        (f"organisation_ids={world[other]['organisation'].pk}", size + 2, completions),
    ):
        filtered = get(client, f"/hr/?{EVERYTHING}&{query}")
        assert figure(filtered, "Mensen") == str(people), query
        assert figure(filtered, "Daarvan afgerond") == str(completed), query
        nothing_of(other, filtered, f"/hr/?{query}")


@pytest.mark.django_db
@MINE
def test_the_heat_map_and_shared_results_are_the_advisers_own(world, me):
    client = adviser_client(world, me)
    html = get(client, "/hr/zelfscans/")
    size = SIZES[me][0]
    assert f"Gemiddeld niveau van {size} gedeelde resultaten" in html
    assert names(me, html) == {f"{me} Deelnemer {n}" for n in range(size)}, "each shared result of their own"
    nothing_of(OTHER[me], html, "/hr/zelfscans/")
    dashboard = get(client, f"/hr/?{EVERYTHING}")
    assert f"uit {size} gedeelde resultaten" in dashboard
    other_attempt = world[OTHER[me]]["attempt"]
    get(client, f"/hr/zelfscans/poging/{other_attempt.pk}/", status=404)
    get(client, f"/hr/zelfscans/poging/{world[me]['attempt'].pk}/")


# People -------------------------------------------------------------------------------------


@pytest.mark.django_db
@MINE
def test_the_people_pages_hold_the_advisers_own_people_only(world, me):
    other = OTHER[me]
    client = adviser_client(world, me)
    html = get(client, "/hr/mensen/")
    assert names(me, html) == {f"{me} Deelnemer {n}" for n in range(SIZES[me][0])}
    nothing_of(other, html, "/hr/mensen/")
    for query, status in (
        (f"q={other}", 200),
        (f"q=deelnemer0@{other.lower()}", 200),
        (f"team={TEAMS[0]}", 200),
        (f"team={other}-team", 400),  # no team of theirs: the filter says so
    ):
        found = get(client, f"/hr/mensen/?{query}", status=status)
        nothing_of(other, found, f"/hr/mensen/?{query}")
    stranger = world[other]["learners"][0]
    for address in (f"/hr/mensen/{stranger.pk}/team/", f"/hr/mensen/{stranger.pk}/loopbaan/"):
        get(client, address, status=404)
    own = world[me]["learners"][0]
    assert f"{me} Deelnemer 0" in get(client, f"/hr/mensen/{own.pk}/loopbaan/")
    # The other's person through a form: a team change, a removal, a confirmed role.
    for address in (
        f"/hr/mensen/{stranger.pk}/team/",
        f"/hr/mensen/{stranger.pk}/verwijderen/",
        f"/hr/mensen/{stranger.pk}/loopbaan/bevestigen/",
    ):
        response = client.post(address, {"organisatie": world[other]["organisation"].pk, "team": "Overgenomen"})
        assert response.status_code == 404, address
    assert stranger.memberships.get().team == TEAMS[0]


# Assignments, requests, conversations, certificates, invitations ---------------------------


@pytest.mark.django_db
@MINE
def test_assignments_and_batches_are_the_advisers_own(world, me):
    other = OTHER[me]
    client = adviser_client(world, me)
    mine, theirs = world[me]["organisation"], world[other]["organisation"]
    path = world["path"]
    table = get(client, f"/hr/opdrachten/{mine.slug}/pad/{path.pk}/")
    assert names(me, table) == {f"{me} Deelnemer {n}" for n in range(SIZES[me][0])}
    nothing_of(other, table, "the assignments' status table")
    get(client, f"/hr/opdrachten/{theirs.slug}/pad/{path.pk}/", status=404)
    batch = world[other]["batch"]
    for address in (f"/hr/toewijzingen/{batch.pk}/", f"/hr/toewijzingen/{batch.pk}/voortgang/"):
        get(client, address, status=404)
    assert client.post(f"/hr/toewijzingen/{batch.pk}/opnieuw/").status_code == 404
    get(client, f"/hr/toewijzingen/{world[me]['batch'].pk}/")
    assign = get(client, "/hr/toewijzen/")
    nothing_of(other, assign, "the assignment form")


@pytest.mark.django_db
@MINE
def test_requests_conversations_certificates_and_invitations_are_the_advisers_own(world, me):
    other = OTHER[me]
    client = adviser_client(world, me)
    for address, own in (
        ("/hr/aanvragen/", f"{me} Aanvrager"),
        ("/hr/gesprekken/", f"{me} Aanvrager"),
        ("/hr/certificaten/", f"{me} Deelnemer 0"),
        ("/hr/uitnodigingen/", f"{me} Genodigde"),
        (f"/hr/uitnodigingen/?q={other}", ""),
    ):
        html = get(client, address)
        assert own in html, address
        nothing_of(other, html, address)
    certificates = get(client, "/hr/certificaten/")
    assert names(me, certificates) == {f"{me} Deelnemer {n}" for n in range(SIZES[me][1])}
    theirs = world[other]
    get(client, f"/hr/gesprekken/{theirs['conversation'].pk}/", status=404)
    get(client, f"/hr/certificaten/{theirs['certificate'].pk}/pdf/", status=404)
    assert (
        client.post(
            f"/hr/aanvragen/{theirs['request'].pk}/", {f"{theirs['request'].pk}-decision": "approve"}
        ).status_code
        == 404
    )
    assert client.post(f"/hr/certificaten/{theirs['certificate'].pk}/intrekken/", {"reason": "x"}).status_code == 404
    theirs["request"].refresh_from_db()
    assert theirs["request"].status == Enrolment.Status.REQUESTED
    theirs["certificate"].refresh_from_db()
    assert theirs["certificate"].revoked_at is None


# Exports --------------------------------------------------------------------------------------


def rows_of(body: bytes | str, fmt: str) -> list[list[str]]:
    if fmt == "csv":
        text = body if isinstance(body, str) else body.decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=sniff(text)))
    workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    return [["" if cell is None else str(cell) for cell in row] for row in workbook.active.iter_rows(values_only=True)]


def sniff(text: str) -> str:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def export(client: Client, key: str, fmt: str, query: str) -> list[list[str]]:
    cache.clear()
    response = client.get(f"/hr/export/{key}/{fmt}/?{query}")
    assert response.status_code == 200, (key, fmt, query, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return rows_of(body, fmt)


@pytest.mark.django_db
@MINE
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_export_holds_the_advisers_own_figures_and_people(world, me, fmt):
    other = OTHER[me]
    client = adviser_client(world, me)
    queries = (EVERYTHING, f"{EVERYTHING}&team={other}-team")  # the other's team narrows nothing
    for query in queries:
        tables = {key: export(client, key, fmt, query) for key in TABLES}
        for key, rows in tables.items():
            nothing_of(other, "\n".join("\t".join(row) for row in rows), f"export {key}.{fmt}?{query}")
        figures = {row[0]: row[1] for row in tables["kerncijfers"][1:]}
        for label, value in expected(me).items():
            assert figures[label].removesuffix(".0") == value, (query, label)
        late = tables["te-laat"][1:]
        assert {row[0] for row in late} == {f"{me} Deelnemer {n}" for n in range(SIZES[me][0])}
        circles = tables["leerkringen"][1:]
        assert len(circles) == 1
        assert str(SIZES[me][0]) in circles[0][1:], circles


@pytest.mark.django_db
@MINE
def test_the_other_advisers_export_jobs_are_out_of_reach(world, me):
    other = OTHER[me]
    client = adviser_client(world, me)
    job = world[other]["export"]
    for address in (f"/hr/export/taak/{job.pk}/", f"/hr/export/taak/{job.pk}/download/"):
        get(client, address, status=404)
    assert client.post(f"/hr/export/taak/{job.pk}/opnieuw/").status_code == 404
    listing = get(client, "/hr/export/")
    nothing_of(other, listing, "/hr/export/")
    own = get(client, f"/hr/export/taak/{world[me]['export'].pk}/download/")
    assert f"{me} Deelnemer 0" in own


# The code: people are found through people.selectors ---------------------------------------

# The modules that answer HR's questions.
HR_MODULES = (
    "cms/selectors.py",
    "cms/views.py",
    "people/views.py",
    "insights/selectors.py",
    "insights/selectors_exports.py",
    "insights/tables.py",
    "insights/filters.py",
    "insights/services.py",
    "insights/views.py",
    "curriculum/selectors.py",
    "curriculum/views.py",
    "curriculum/forms.py",
    "certificates/selectors.py",
    "certificates/views.py",
    "assessments/selectors.py",
    "assessments/views.py",
    "careers/selectors.py",
    "careers/views.py",
    "invitations/selectors.py",
    "invitations/views.py",
)
# Functions in them that read User or Membership rows directly, and why that is safe. Any
# other such function fails the test: find the people through people.selectors
# (organisations_advised_by, users_visible_to_hr, hr_people, person_for_hr) instead.
DIRECT_READS = {
    "cms/selectors.py:hr_people_page": "memberships of organisations_advised_by(adviser) only",
    "insights/tables.py:_reading": "the adviser themselves, by the scope's adviser id",
    "insights/tables.py:rows": "(inside _reading) the adviser themselves, by the scope's adviser id",
    "insights/tables.py:_overdue_count": "the adviser themselves, by the scope's adviser id",
    "insights/selectors.py:_members": "organisations from _scope_organisations: the advised ones in the scope",
    "insights/selectors.py:keep_current": "the scheduled task: each active adviser's own organisations_advised_by",
    "curriculum/selectors.py:audience_user_ids": "the learners of the batch's own organisation (batches are advised)",
    "curriculum/selectors.py:enrolments_decidable_by": "members of organisations_advised_by(decider)",
    "curriculum/selectors.py:with_decision_days": "an annotation from the requester's own memberships",
    "curriculum/selectors.py:_pending": "narrows enrolments_decidable_by to the given organisations",
    "curriculum/selectors.py:_platform_admins": "the platform admins, asked to decide when no adviser is left",
    "curriculum/selectors.py:overdue_digests": "the weekly mail: each organisation's overdue work to its own advisers",
    "curriculum/forms.py:__init__": "the learners of the organisations the view passes: organisations_advised_by",
    "certificates/selectors.py:vouching_organisation": "the certificate holder's own organisation",
    "careers/selectors.py:handling_organisation": "the learner's own organisations with an adviser",
    "careers/selectors.py:_organisations_heard_by_another_adviser": "the learner's own organisations, and whether "
    "another active adviser is in them (handling_organisation and the learner's own career page)",
    "cms/selectors.py:learner_overview": "the signed-in learner themselves, by their own id",
    "curriculum/selectors.py:learner_learning": "the signed-in learner's own memberships (how long HR may take)",
}
PEOPLE = ("User", "Membership", "get_user_model")


def direct_reads(relative: str) -> set[str]:
    """The functions of the module that name User.objects, Membership.objects or a user model."""
    tree = ast.parse((Path(settings.BASE_DIR) / relative).read_text())
    found = set()
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        for node in ast.walk(function):
            named = (
                isinstance(node, ast.Attribute)
                and node.attr == "objects"
                and isinstance(node.value, ast.Name)
                and node.value.id in PEOPLE
            ) or (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "get_user_model")
            if named:
                found.add(f"{relative}:{function.name}")
    return found  # a nested function is reported with the function around it


def test_hr_code_finds_people_through_the_people_selectors():
    found = set()
    for relative in HR_MODULES:
        if (Path(settings.BASE_DIR) / relative).exists():
            found |= direct_reads(relative)
    unexplained = sorted(found - set(DIRECT_READS))
    assert not unexplained, (
        "HR code that reads User or Membership rows itself; use people.selectors, or explain in DIRECT_READS "
        "why the rows are of the adviser's own organisations:\n" + "\n".join(unexplained)
    )
    stale = sorted(set(DIRECT_READS) - found)
    assert not stale, f"DIRECT_READS names functions that no longer read people directly: {stale}"
