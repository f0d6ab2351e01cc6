"""Pages not covered by a flow elsewhere, each checked with axe-core."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from assessments import services as assessment_services
from assessments.models import Invitation
from certificates import services as certificate_services
from curriculum import services as curriculum_services
from tests.assessments.factories import SelfAssessmentIndexPageFactory, SelfAssessmentPageFactory, StatementFactory
from tests.careers.factories import CompetencyFactory
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory, UserFactory

from .conftest import assert_accessible, log_in


def test_hr_pages_for_requests_and_a_shared_self_scan(page, site):
    zeist = OrganisationFactory()
    anna = LearnerFactory(organisation=zeist, user__full_name="Anna de Vries").user
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org")
    track = LearningTrackPageFactory(
        parent=CatalogPageFactory(parent=site), title="Stakeholdermanagement", requires_approval=True
    )
    curriculum_services.enrol(user=anna, track=track)
    scan = SelfAssessmentPageFactory(parent=SelfAssessmentIndexPageFactory(parent=site))
    statement = StatementFactory(page=scan, competency=CompetencyFactory(name="Plannen"))
    attempt = assessment_services.start_attempt(user=anna, assessment=scan)
    assessment_services.save_answers(user=anna, attempt=attempt, levels={statement.pk: 2})
    assessment_services.submit(user=anna, attempt=attempt)
    assessment_services.set_sharing(user=anna, attempt=attempt, shared=True)

    log_in(page, "hr@zeist.example.org")
    page.goto("/hr/aanvragen/")
    expect(page.get_by_role("heading", level=2, name="Anna de Vries: Stakeholdermanagement")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Afwijzen").check()
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.get_by_text("Geef een reden, zodat de deelnemer weet waarom.")).to_be_visible()
    assert_accessible(page)
    page.goto("/hr/zelfscans/")
    page.get_by_role("link", name=f"Anna de Vries: {scan.title}").click()
    expect(page.get_by_role("heading", level=1, name="Zelfscan van Anna de Vries")).to_be_visible()
    assert_accessible(page)


def test_error_pages(page, site):
    LearnerFactory(user__email="anna@zeist.example.org")
    page.goto("/bestaat-niet/")
    expect(page.get_by_role("heading", level=1, name="Pagina niet gevonden")).to_be_visible()
    assert_accessible(page)
    log_in(page, "anna@zeist.example.org")
    page.goto("/hr/")
    expect(page.get_by_role("heading", level=1, name="Geen toegang")).to_be_visible()
    assert_accessible(page)
    page.goto("/admin/")
    expect(page.get_by_text("Je account heeft daar geen toegang toe.")).to_be_visible()
    assert_accessible(page)


def test_the_rate_limit_page(page, site, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "1/m/ip"}
    for _ in range(2):
        page.goto("/accounts/login/")
        page.get_by_label("E-mail").fill("iemand@example.org")
        page.get_by_label("Wachtwoord", exact=True).fill("fout-wachtwoord")
        page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1, name="Even wachten")).to_be_visible()
    assert_accessible(page)


def test_a_used_invitation_link_says_so(page, site):
    anna = LearnerFactory().user
    scan = SelfAssessmentPageFactory(parent=SelfAssessmentIndexPageFactory(parent=site))
    statement = StatementFactory(page=scan, competency=CompetencyFactory())
    attempt = assessment_services.start_attempt(user=anna, assessment=scan)
    assessment_services.save_answers(user=anna, attempt=attempt, levels={statement.pk: 2})
    attempt = assessment_services.submit(user=anna, attempt=attempt)
    invitation, token = assessment_services.invite(
        user=anna, attempt=attempt, email="c@example.org", name="C", relation="colleague"
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(days=1))
    page.goto(f"/zelfscan/tweede-blik/{token}/")
    expect(page.get_by_role("heading", level=1, name="Deze link werkt niet meer")).to_be_visible()
    assert_accessible(page)


def test_rerendering_certificates_shows_progress(page, site):
    UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    track = LearningTrackPageFactory(parent=CatalogPageFactory(parent=site), leads_to_certificate=True)
    certificate = certificate_services.issue(user=LearnerFactory().user, track=track, source_key="browser")
    log_in(page, "admin@example.org")
    page.goto(f"/certificaten/sjablonen/{certificate.template_id}/opnieuw-maken/")
    assert_accessible(page)
    page.get_by_role("button", name="Opnieuw maken").click()
    expect(page.get_by_role("status")).to_contain_text("Klaar: 1 verwerkt, 0 mislukt.")
    assert_accessible(page)


def test_hr_sets_the_deadline_for_requests_and_the_learner_withdraws_hers(page, site):
    zeist = OrganisationFactory(name="Gemeente Zeist")
    anna = LearnerFactory(
        organisation=zeist, user__email="anna@zeist.example.org", user__full_name="Anna de Vries"
    ).user
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org")
    track = LearningTrackPageFactory(
        parent=CatalogPageFactory(parent=site), title="Stakeholdermanagement", requires_approval=True
    )
    curriculum_services.enrol(user=anna, track=track)

    log_in(page, "hr@zeist.example.org")
    page.goto("/hr/aanvragen/termijn/")
    expect(page.get_by_role("heading", level=1, name="Termijn voor een besluit")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Gemeente Zeist").fill("0")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_label("Gemeente Zeist")).to_have_value("0")
    zeist.refresh_from_db()
    assert zeist.request_decision_days == 14
    assert_accessible(page)
    page.get_by_label("Gemeente Zeist").fill("10")
    page.get_by_role("button", name="Opslaan").click()
    zeist.refresh_from_db()
    assert zeist.request_decision_days == 10
    page.context.clear_cookies()

    log_in(page, "anna@zeist.example.org")
    enrolment = anna.enrolments.get(track=track)
    page.goto(f"/mijn/aanvragen/{enrolment.pk}/intrekken/")
    expect(page.get_by_role("heading", level=1, name="Aanvraag intrekken")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, trek mijn aanvraag in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert not anna.enrolments.filter(track=track).exists()
    assert_accessible(page)
