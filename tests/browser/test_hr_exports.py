"""Exports in the browser: the adviser downloads a table from the HR dashboard, watches a
large export's progress page turn into a download, and finds it under 'Je exports'. Every
page is checked with axe-core."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from insights import services
from insights.models import ExportJob
from tests.curriculum.factories import AssignmentFactory, CatalogPageFactory, LearningTrackPageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

from .conftest import assert_accessible, log_in


@pytest.fixture
def zeist(site):
    organisation = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    hr = HRAdviserFactory(organisation=organisation, user__email="hr@zeist.example.org").user
    track = LearningTrackPageFactory(parent=CatalogPageFactory(parent=site), title="Notuleren en actielijsten")
    for number in range(3):
        learner = LearnerFactory(organisation=organisation, user__full_name=f"Deelnemer {number}").user
        AssignmentFactory(
            user=learner,
            organisation=organisation,
            track=track,
            due_date=timezone.localdate() - datetime.timedelta(days=5 + number),
        )
    return {"organisation": organisation, "hr": hr}


def test_an_adviser_downloads_and_follows_a_large_export(page, zeist):
    # The first request to a fresh live server loads every URL pattern: slow on a busy machine.
    page.goto("/accounts/login/", timeout=90_000)
    log_in(page, "hr@zeist.example.org")

    page.goto("/hr/?periode=alles")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV van de tabel Opdrachten te laat").click()
    assert re.fullmatch(r"spil-te-laat-zeist-\d{4}-\d{2}-\d{2}\.csv", download.value.suggested_filename)

    job = ExportJob.objects.create(
        adviser=zeist["hr"],
        organisation_ids=[zeist["organisation"].pk],
        table_key="te-laat",
        format=ExportJob.Format.XLSX,
        scope_query={"periode": "alles"},
        status=ExportJob.Status.RUNNING,
        total=3,
        processed=1,
        filename="spil-te-laat-zeist-2026-03-01.xlsx",
    )
    page.goto(f"/hr/export/taak/{job.pk}/")
    expect(page.get_by_role("heading", level=1, name="Export: Opdrachten te laat")).to_be_visible()
    expect(page.get_by_label("Voortgang")).to_have_attribute("value", "33")
    expect(page.get_by_role("status")).to_have_text("Bezig: 1 van 3 rijen geschreven.")
    assert_accessible(page)

    services.run_export(job_id=job.pk)  # the worker finishes; the page notices by itself
    link = page.get_by_role("link", name="Download het Excel-bestand (XLSX)")
    expect(link).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Klaar: 3 rijen.")
    assert_accessible(page)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "spil-te-laat-zeist-2026-03-01.xlsx"

    page.get_by_role("link", name="Je exports").click()
    table = page.get_by_role("table", name="Je exports")
    expect(table.get_by_role("link", name="Opdrachten te laat")).to_be_visible()
    expect(table.get_by_text("Meteen gedownload")).to_have_count(1)
    assert_accessible(page)
