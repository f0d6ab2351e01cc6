"""A small world for career readiness, built from the apps' factories, for the readiness
tests and the browser walk alike.

Anna is a management supporter at scale 7 (confirmed by nobody yet). From her role two steps
are described: growth to scale 8 and a lateral step to project supporter. Scale 8 asks
planning 3, minute-taking 3 and risks 2. Her self-scan (the scan meant for scale 8) says
planning 1, minute-taking 2, risks 2. A learning path prepares for scale 8. One circle counts
towards a circle track that develops risks; another circle is meant for scale 8 itself. Bram,
of another organisation, has data of his own that Anna's pages never show.
"""

from assessments import services as assessments_services
from careers.models import CareerPath, Family
from circles.models import Attendance
from curriculum.models import Enrolment, Format, LearningPathItem, TrackCompetency
from tests.assessments.factories import SelfAssessmentIndexPageFactory, SelfAssessmentPageFactory, StatementFactory
from tests.careers.factories import (
    CareerPathFactory,
    CompetencyFactory,
    CurrentRoleFactory,
    RequirementFactory,
    RoleProfileIndexPageFactory,
    RoleProfilePageFactory,
)
from tests.certificates.factories import CertificateFactory
from tests.circles.factories import (
    AttendanceFactory,
    CircleIndexPageFactory,
    CircleMemberFactory,
    LearningCirclePageFactory,
    SessionFactory,
    in_days,
)
from tests.curriculum.factories import CatalogPageFactory, LearningPathFactory, LearningTrackPageFactory
from tests.people.factories import LearnerFactory, OrganisationFactory


def track(catalog, title, competencies, **fields):
    page = LearningTrackPageFactory(parent=catalog, title=title, **fields)
    for competency, level in competencies.items():
        TrackCompetency.objects.create(page=page, competency=competency, level=level)
    return page


def submit_scan(user, scan, levels_by_competency):
    attempt = assessments_services.start_attempt(user=user, assessment=scan)
    statements = list(scan.statements.all())
    assessments_services.save_answers(
        user=user, attempt=attempt, levels={s.pk: levels_by_competency[s.competency_id] for s in statements}
    )
    return assessments_services.submit(user=user, attempt=attempt)


def build_world(home) -> dict:
    index = RoleProfileIndexPageFactory(parent=home, show_in_menus=True)
    mo6 = RoleProfilePageFactory(parent=index, title="MO schaal 6", salary_scale=6)
    mo7 = RoleProfilePageFactory(parent=index, title="MO schaal 7", salary_scale=7)
    mo8 = RoleProfilePageFactory(parent=index, title="MO schaal 8", salary_scale=8)
    support = RoleProfilePageFactory(
        parent=index, title="Projectondersteuner", family=Family.PROJECT_SUPPORT, salary_scale=8
    )
    CareerPathFactory(from_profile=mo6, to_profile=mo7)
    CareerPathFactory(from_profile=mo7, to_profile=mo8, description="Je neemt meer regie over het werk van je team.")
    CareerPathFactory(
        from_profile=mo7,
        to_profile=support,
        kind=CareerPath.Kind.LATERAL,
        description="Van de lijn naar projecten: je ondersteunt projectleiders.",
    )

    planning = CompetencyFactory(name="Plannen")
    notes = CompetencyFactory(name="Notuleren")
    risks = CompetencyFactory(name="Risico's beheren")
    for competency, level in ((planning, 3), (notes, 3), (risks, 2)):
        RequirementFactory(page=mo8, competency=competency, level=level)
    RequirementFactory(page=support, competency=planning, level=2)

    catalog = CatalogPageFactory(parent=home)
    advanced = track(catalog, "Plannen voor gevorderden", {planning: 3}, leads_to_certificate=True)
    practice = track(catalog, "Plannen in de praktijk", {planning: 2})
    minutes = track(catalog, "Notuleren en actielijsten", {notes: 3}, leads_to_certificate=True)
    circle_track = track(catalog, "Leerkring ondersteuners", {risks: 2}, format=Format.LEARNING_CIRCLE)
    track(catalog, "Excel voor iedereen", {})  # nothing to do with the role
    track(catalog, "Plannen (concept)", {planning: 4}, live=False)

    path = LearningPathFactory(
        title="Doorgroeien naar schaal 8", target_profile=mo8, min_electives=1, leads_to_certificate=True
    )
    for order, (item_track, required) in enumerate(((minutes, True), (advanced, True), (practice, False))):
        LearningPathItem.objects.create(path=path, track=item_track, required=required, sort_order=order)

    circles = CircleIndexPageFactory(parent=home)
    counting = LearningCirclePageFactory(
        parent=circles, title="Leerkring ondersteuners", track=circle_track, sessions_required=3
    )
    meant = LearningCirclePageFactory(parent=circles, title="Leerkring managementondersteuners", theme="Het MT")
    meant.role_profiles.add(mo8)
    meant.save()
    other = LearningCirclePageFactory(parent=circles, title="Leerkring PMO", theme="Portfolio")

    scans = SelfAssessmentIndexPageFactory(parent=home)
    scan = SelfAssessmentPageFactory(parent=scans, title="Zelfscan managementondersteuning")
    for order, competency in enumerate((planning, notes, risks)):
        StatementFactory(page=scan, competency=competency, text=f"Hoe staat het met {competency}?", sort_order=order)
    scan.role_profiles.add(mo8)
    scan.save()

    zeist, utrecht = OrganisationFactory(name="Gemeente Zeist"), OrganisationFactory(name="Gemeente Utrecht")
    anna = LearnerFactory(
        organisation=zeist, user__email="anna@zeist.example.org", user__full_name="Anna de Vries"
    ).user
    bram = LearnerFactory(
        organisation=utrecht, user__email="bram@utrecht.example.org", user__full_name="Bram Jansen"
    ).user
    CurrentRoleFactory(user=anna, profile=mo7)
    attempt = submit_scan(anna, scan, {planning.pk: 1, notes.pk: 2, risks.pk: 2})
    Enrolment.objects.create(user=anna, track=minutes, status=Enrolment.Status.COMPLETED)
    Enrolment.objects.create(user=anna, track=practice, status=Enrolment.Status.ACTIVE)
    certificate = CertificateFactory(user=anna, track=minutes, number="SPIL-2026-0001-ANNA")
    CircleMemberFactory(circle=counting, user=anna)
    session = SessionFactory(circle=counting, theme="Risico's in je team", starts_at=in_days(-10))
    AttendanceFactory(session=session, user=anna, status=Attendance.Status.PRESENT)

    CurrentRoleFactory(user=bram, profile=mo6)
    submit_scan(bram, scan, {planning.pk: 4, notes.pk: 4, risks.pk: 4})
    CertificateFactory(user=bram, track=advanced, number="SPIL-2026-0002-BRAM")
    AttendanceFactory(session=SessionFactory(circle=meant, theme="Bram was hier", starts_at=in_days(-3)), user=bram)

    return {
        "home": home,
        "index": index,
        "mo6": mo6,
        "mo7": mo7,
        "mo8": mo8,
        "support": support,
        "planning": planning,
        "notes": notes,
        "risks": risks,
        "catalog": catalog,
        "advanced": advanced,
        "practice": practice,
        "minutes": minutes,
        "circle_track": circle_track,
        "path": path,
        "counting": counting,
        "meant": meant,
        "other_circle": other,
        "scan": scan,
        "anna": anna,
        "bram": bram,
        "attempt": attempt,
        "certificate": certificate,
        "session": session,
    }
