"""The HR insights on /hr/ in the browser: the key figures, a chart over the months with its
table twin, the competency chart, filtering by team and period, and the errors of filter
values that do not fit. Every state is checked with axe-core, on a desktop and on a phone."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments import services as assessments
from curriculum.models import Enrolment
from tests.assessments.factories import SelfAssessmentIndexPageFactory, SelfAssessmentPageFactory, StatementFactory
from tests.careers.factories import CompetencyFactory
from tests.certificates.factories import CertificateFactory
from tests.curriculum.factories import AssignmentFactory, CatalogPageFactory, EnrolmentFactory, LearningTrackPageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

from .conftest import assert_accessible, log_in
from .test_layout import assert_no_sideways_scrolling

DESKTOP, PHONE = 1280, 390


@pytest.fixture
def insights(site):
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org", user__full_name="Hanna Bakker")
    track = LearningTrackPageFactory(parent=CatalogPageFactory(parent=site), title="Notuleren en actielijsten")
    scan = SelfAssessmentPageFactory(parent=SelfAssessmentIndexPageFactory(parent=site), title="Zelfscan PMO")
    statements = [
        StatementFactory(page=scan, competency=CompetencyFactory(name=name), text=f"Over {name}", sort_order=n)
        for n, name in enumerate(["Plannen", "Notuleren"])
    ]
    for n in range(6):
        learner = LearnerFactory(
            organisation=zeist,
            team="Programmabureau" if n % 2 else "Projectbureau",
            user__full_name=f"Collega {n} de Vries",
        ).user
        enrolment = EnrolmentFactory(user=learner, track=track)
        if n < 4:
            Enrolment.objects.filter(pk=enrolment.pk).update(
                status=Enrolment.Status.COMPLETED, completed_at=timezone.now() - datetime.timedelta(days=20 * n)
            )
            CertificateFactory(user=learner, track=track)
        else:
            AssignmentFactory(
                user=learner,
                organisation=zeist,
                track=track,
                due_date=timezone.localdate() - datetime.timedelta(days=n),
            )
        if n < 5:
            attempt = assessments.start_attempt(user=learner, assessment=scan)
            assessments.save_answers(user=learner, attempt=attempt, levels={s.pk: 1 + n % 4 for s in statements})
            assessments.submit(user=learner, attempt=attempt)
            assessments.set_sharing(user=learner, attempt=attempt, shared=True)
    return zeist


def check(page) -> None:
    assert_no_sideways_scrolling(page)
    assert_accessible(page)


def figure(page, label: str):
    return page.locator(".spil-figures__item", has=page.locator("dt", has_text=label)).locator("dd")


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_hr_reads_and_filters_the_insights(page, insights, width):
    page.set_viewport_size({"width": width, "height": 900})
    # The first request to a fresh live server loads every URL pattern: slow on a busy machine.
    page.goto("/accounts/login/", timeout=90_000)
    log_in(page, "hr@zeist.example.org")
    page.goto("/hr/?periode=alles")
    expect(page.get_by_role("heading", level=2, name="Zo staat je organisatie ervoor")).to_be_visible()
    expect(figure(page, "Mensen")).to_have_text("7")
    expect(figure(page, "Opdrachten te laat")).to_have_text("2")
    expect(page.get_by_role("img", name="Afgeronde leergangen per maand")).to_be_visible()
    expect(page.get_by_role("img", name="Gemiddeld niveau per competentie in Gemeente Zeist")).to_be_visible()
    check(page)

    # The table twin of the months, behind its summary.
    page.get_by_text("Tabel met dezelfde cijfers").first.click()
    months = page.get_by_role("table", name="Per maand", exact=True)
    expect(months).to_be_visible()
    expect(months.get_by_role("row")).to_have_count(13)  # the heading and twelve months
    check(page)

    # Filter by team and period.
    page.get_by_label("Team", exact=True).select_option("Programmabureau")
    page.get_by_label("Periode", exact=True).select_option("Laatste 12 maanden")
    page.get_by_role("button", name="Cijfers tonen").click()
    expect(figure(page, "Mensen")).to_have_text("3")
    expect(page.get_by_text("Team: Programmabureau.")).to_be_visible()
    check(page)

    # Values that do not fit: a clear error at each, and the figures without those filters.
    page.goto("/hr/?periode=eigen&van=2026-02-30&team=Stadsbureau")
    expect(page.get_by_text("Vul een datum in, zoals 31-12-2026.")).to_be_visible()
    expect(page.get_by_text("Het team 'Stadsbureau' hoort niet bij je organisatie.")).to_be_visible()
    expect(page.get_by_label("Van", exact=True)).to_have_attribute("aria-invalid", "true")
    expect(figure(page, "Mensen")).to_have_text("7")
    check(page)
