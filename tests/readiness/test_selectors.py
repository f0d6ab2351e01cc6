import pytest
from django.utils import timezone

from careers.models import Family, RoleProfilePage, RoleProfileRequirement
from circles.models import Attendance
from curriculum.models import Enrolment, Format, LearningPathItem
from readiness import selectors
from tests.assessments.factories import SelfAssessmentPageFactory, StatementFactory
from tests.careers.factories import RoleProfilePageFactory
from tests.certificates.factories import CertificateFactory
from tests.circles.factories import AttendanceFactory, LearningCirclePageFactory, SessionFactory, in_days
from tests.curriculum.factories import LearningPathFactory
from tests.people.factories import LearnerFactory

from .world import submit_scan, track

pytestmark = pytest.mark.django_db


def titles(items):
    return [item.title for item in items]


def test_readiness_composes_path_scan_advice_certificates_and_circles(world):
    r = selectors.readiness_for(user=world["anna"], profile=world["mo8"])

    assert r["step"].to_profile == world["mo8"]
    assert [s.to_profile.title for s in r["next_steps"]] == ["MO schaal 8", "Projectondersteuner"]

    [path] = r["paths"]
    assert path.path == world["path"]
    assert [(i.track.title, i.status, i.required) for i in path.items] == [
        ("Notuleren en actielijsten", "completed", True),
        ("Plannen voor gevorderden", None, True),
        ("Plannen in de praktijk", "active", False),
    ]
    assert (path.required_done, path.required_total, path.electives_done) == (1, 2, 0)
    assert not path.complete
    assert path.percent == 33  # one of the two required tracks and the one elective asked

    assert r["attempt"] == world["attempt"]
    assert [(row.name, row.level, row.required, row.size) for row in r["rows"]] == [
        ("Plannen", 1.0, 3, 2.0),
        ("Notuleren", 2.0, 3, 1.0),
        ("Risico's beheren", 2.0, 2, 0.0),
    ]
    assert (r["assessed"], r["on_level"], r["unassessed"]) == (3, 1, 0)

    planning, notes = r["advice"]
    assert [(rec.track.title, status) for rec, status in planning.reaching] == [("Plannen voor gevorderden", None)]
    assert [(rec.track.title, rec.level, status) for rec, status in planning.partway] == [
        ("Plannen in de praktijk", 2, "active")
    ]
    assert [(rec.track.title, status) for rec, status in notes.reaching] == [("Notuleren en actielijsten", "completed")]
    assert planning.circles == [] == notes.circles  # no circle counts towards these tracks

    assert [c.number for c in r["certificates"]["held"]] == ["SPIL-2026-0001-ANNA"]
    assert [(n["path"], n["track"]) for n in r["certificates"]["needed"]] == [
        (world["path"], None),
        (None, world["advanced"]),
    ]

    assert [(c.circle.title, c.member, [s.theme for s in c.sessions]) for c in r["circles"]] == [
        ("Leerkring managementondersteuners", False, []),
        ("Leerkring ondersteuners", True, ["Risico's in je team"]),
    ]
    assert r["circles"][1].hours == 1.5
    assert r["scan"] == world["scan"]


def test_a_gap_no_track_helps_with_gets_the_circles_of_the_role(world):
    """No track develops risks to 3 beyond the circle track; when even that is gone,
    learning with peers in the role's circles is what is left."""
    anna = world["anna"]
    attempt = submit_scan(anna, world["scan"], {world["planning"].pk: 3, world["notes"].pk: 3, world["risks"].pk: 1})
    r = selectors.readiness_for(user=anna, profile=world["mo8"])
    assert r["attempt"] == attempt
    [risks] = r["advice"]
    assert [(rec.track.title, rec.reaches) for rec, _status in risks.tracks] == [("Leerkring ondersteuners", True)]
    assert titles(risks.circles) == ["Leerkring ondersteuners"]

    world["circle_track"].unpublish()
    [risks] = selectors.readiness_for(user=anna, profile=world["mo8"])["advice"]
    assert risks.tracks == []
    assert titles(risks.circles) == ["Leerkring managementondersteuners"]


def test_without_a_scan_the_role_scan_is_offered_and_nothing_is_a_gap(world):
    newcomer = LearnerFactory().user
    r = selectors.readiness_for(user=newcomer, profile=world["mo8"])
    assert r["attempt"] is None
    assert r["scan"] == world["scan"]
    assert (r["assessed"], r["unassessed"]) == (0, 3)
    assert r["advice"] == []
    assert r["current"] is None
    assert r["next_steps"] == []
    assert r["step"] is None
    assert r["certificates"]["held"] == []
    assert all(c.sessions == [] and not c.member for c in r["circles"])


def test_the_scan_meant_for_the_role_wins_over_a_newer_other_scan(world):
    anna = world["anna"]
    other = SelfAssessmentPageFactory(parent=world["scan"].get_parent(), title="Zelfscan PMO")
    StatementFactory(page=other, competency=world["planning"], text="Plan je?")
    newer = submit_scan(anna, other, {world["planning"].pk: 4})
    assert selectors.latest_attempt_for(user=anna, profile=world["mo8"]) == world["attempt"]
    # For a role no scan is meant for, the latest scan of all is the one to go on.
    assert selectors.latest_attempt_for(user=anna, profile=world["support"]) == newer
    r = selectors.readiness_for(user=anna, profile=world["support"])
    assert [(row.name, row.level, row.size) for row in r["rows"]] == [("Plannen", 4.0, 0.0)]
    assert r["scan"] is None


def test_another_learners_data_never_counts(world):
    """Bram's certificate, attendance and scan concern the same role; Anna sees her own only."""
    r = selectors.readiness_for(user=world["anna"], profile=world["mo8"])
    assert "SPIL-2026-0002-BRAM" not in [c.number for c in r["certificates"]["held"]]
    assert all(s.theme != "Bram was hier" for c in r["circles"] for s in c.sessions)
    assert r["attempt"].user == world["anna"]


def test_only_valid_certificates_count(world):
    world["certificate"].revoked_at = timezone.now()
    world["certificate"].save()
    CertificateFactory(
        user=world["anna"],
        track=None,
        path=world["path"],
        achievement=world["path"].title,
        achievement_description="",
        study_load_hours=None,
    )
    r = selectors.readiness_for(user=world["anna"], profile=world["mo8"])
    assert [c.path for c in r["certificates"]["held"]] == [world["path"]]
    assert [n["track"] for n in r["certificates"]["needed"]] == [world["minutes"], world["advanced"]]


def test_role_tracks_come_in_order_of_fit_and_only_live(world):
    world["minutes"].role_profiles.add(world["mo8"])
    world["minutes"].save()
    required = [world["planning"].pk, world["notes"].pk, world["risks"].pk]
    found = selectors.role_tracks(profile=world["mo8"], required_ids=required)
    assert [(t.track.title, t.in_path, t.for_role, t.covered) for t in found] == [
        ("Notuleren en actielijsten", True, True, 1),
        ("Plannen in de praktijk", True, False, 1),
        ("Plannen voor gevorderden", True, False, 1),
        ("Leerkring ondersteuners", False, False, 1),
    ]
    assert titles(t.track for t in selectors.role_tracks(profile=world["mo8"], required_ids=required, limit=2)) == [
        "Notuleren en actielijsten",
        "Plannen in de praktijk",
    ]


def test_role_learning_of_a_page_not_saved_yet_uses_the_requirements_being_edited(world):
    """The admin's preview of a new role profile: no primary key, requirements in memory."""
    draft = RoleProfilePage(title="MO schaal 9", family=Family.MANAGEMENT_SUPPORT, salary_scale=9, summary="Regie.")
    draft.requirements = [RoleProfileRequirement(competency=world["notes"], level=4)]
    learning = selectors.role_learning(profile=draft)
    assert [t.track.title for t in learning["tracks"]] == ["Notuleren en actielijsten"]
    assert learning["circles"] == []
    draft.requirements = []
    assert selectors.role_learning(profile=draft) == {"tracks": [], "circles": []}


def test_role_circles_are_those_meant_for_the_role_or_counting_towards_its_tracks(world):
    hidden = LearningCirclePageFactory(parent=world["counting"].get_parent(), title="Leerkring (concept)", live=False)
    hidden.role_profiles.add(world["mo8"])
    hidden.save()
    found = selectors.role_circles(profile=world["mo8"], track_ids=[world["circle_track"].pk])
    assert titles(found) == ["Leerkring managementondersteuners", "Leerkring ondersteuners"]
    assert titles(selectors.role_circles(profile=world["support"], track_ids=[])) == []
    learning = selectors.role_learning(profile=world["mo8"])
    assert titles(learning["circles"]) == ["Leerkring managementondersteuners", "Leerkring ondersteuners"]


def test_next_steps_overview(world):
    overview = selectors.next_steps_overview(user=world["anna"])
    assert overview["current"].profile == world["mo7"]
    assert [s.to_profile for s in overview["next_steps"]] == [world["mo8"], world["support"]]
    marks = {rung.profile.title: rung.mark for rung in overview["ladder"]["rungs"]}
    assert marks == {
        "MO schaal 6": "",
        "MO schaal 7": "current",
        "MO schaal 8": "target",
        "Projectondersteuner": "target",
    }
    nobody = selectors.next_steps_overview(user=LearnerFactory().user)
    assert (nobody["current"], nobody["next_steps"], nobody["ladder"]) == (None, [], None)


def grow(world, size):
    """``size`` more of everything that a readiness page lists: path tracks (recommended
    too), enrolments, certificates, and circles with attended sessions."""
    anna, catalog = world["anna"], world["catalog"]
    path = LearningPathFactory(title="Nog een leerpad", target_profile=world["mo8"])
    for n in range(size):
        levels = {world["planning"]: 2 + n % 2}
        extra = track(catalog, f"Plannen {n}", levels, leads_to_certificate=True, format=Format.LEARNING_CIRCLE)
        LearningPathItem.objects.create(path=path, track=extra, required=n % 2 == 0, sort_order=n)
        Enrolment.objects.create(user=anna, track=extra, status=Enrolment.Status.COMPLETED)
        CertificateFactory(user=anna, track=extra)
        circle = LearningCirclePageFactory(parent=world["counting"].get_parent(), track=extra, sessions_required=1)
        session = SessionFactory(circle=circle, starts_at=in_days(-n - 1))
        AttendanceFactory(session=session, user=anna, status=Attendance.Status.PRESENT)


@pytest.mark.parametrize("size", [0, 12])
def test_readiness_reads_in_a_fixed_number_of_queries(world, size, django_assert_max_num_queries):
    grow(world, size)
    with django_assert_max_num_queries(15):
        r = selectors.readiness_for(user=world["anna"], profile=world["mo8"])
    assert len(r["paths"]) == 1 + (size > 0)
    assert len(r["certificates"]["held"]) == 1 + size


@pytest.mark.parametrize("size", [0, 12])
def test_role_learning_and_next_steps_read_in_a_fixed_number_of_queries(world, size, django_assert_max_num_queries):
    grow(world, size)
    for n in range(size):
        RoleProfilePageFactory(parent=world["index"], title=f"Rol {n}", salary_scale=n % 10 + 1)
    with django_assert_max_num_queries(3):
        selectors.role_learning(profile=world["mo8"])
    with django_assert_max_num_queries(3):
        selectors.next_steps_overview(user=world["anna"])
