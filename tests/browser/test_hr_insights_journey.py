"""The whole loop of HR insight on the demo world, as issue 15 asks it: the demo HR adviser of
Gemeente Zeist opens the dashboard, filters it, downloads a table as CSV and as XLSX, and
records a career step for Anna; Anna then sees her new role and the next steps from it. Every
page on the way is checked with axe-core."""

import csv
import io
import re

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from careers.models import CareerPath, CurrentRole, RoleProfilePage
from insights.models import ExportJob
from people.models import Membership, User

from .conftest import assert_accessible, log_in

DEMO_PASSWORD = "oefenen-2026"


@pytest.fixture
def zeist(site, demo):
    anna = User.objects.get(email="anna@zeist.example.org")
    team = Membership.objects.filter(user=anna, organisation__slug="zeist").values_list("team", flat=True).first()
    return {"anna": anna, "team": team}


def download(page, link) -> tuple[str, bytes]:
    with page.expect_download() as info:
        link.click()
    result = info.value
    with open(result.path(), "rb") as handle:
        return result.suggested_filename, handle.read()


def test_zeist_hr_filters_exports_and_records_a_step_that_anna_then_sees(page, zeist):
    anna = zeist["anna"]
    current = CurrentRole.objects.select_related("profile").get(user=anna).profile
    step = CareerPath.objects.filter(from_profile=current, to_profile__live=True).select_related("to_profile").first()
    assert step is not None, "the demo gives Anna's role a next step"
    new_role = step.to_profile

    page.goto("/accounts/login/", timeout=90_000)
    log_in(page, "hr@zeist.example.org", DEMO_PASSWORD)
    page.goto("/hr/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Zo staat je organisatie ervoor")).to_be_visible()
    assert "Utrecht" not in page.locator("main").inner_text()
    assert_accessible(page)

    # Filter on Anna's team: the figures and the export links follow the filter.
    page.get_by_label("Team").select_option(label=zeist["team"])
    page.get_by_role("button", name="Cijfers tonen").click()
    expect(page).to_have_url(re.compile(r"[?&]team="))
    assert_accessible(page)

    csv_link = page.get_by_role("link", name="CSV van de tabel").first
    assert "team=" in csv_link.get_attribute("href")
    name, body = download(page, csv_link)
    assert name.endswith(".csv")
    assert "zeist" in name
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows, "the CSV is not empty"
    assert rows[0], "the CSV starts with its column headings"

    xlsx_link = page.get_by_role("link", name="Excel (XLSX) van de tabel").first
    name, body = download(page, xlsx_link)
    assert name.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
    assert list(next(sheet.iter_rows(values_only=True))) == rows[0]
    # Both downloads are recorded, for this adviser.
    adviser = User.objects.get(email="hr@zeist.example.org")
    assert ExportJob.objects.filter(adviser=adviser).count() == 2

    # Anna's career: HR records the step to the next role.
    page.goto(f"/hr/mensen/{anna.pk}/loopbaan/")
    expect(page.get_by_role("heading", level=1, name=f"Loopbaan van {anna.get_full_name()}")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Nieuwe functie").select_option(label=new_role.title)
    page.get_by_label("Ingangsdatum").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Stap vastleggen").click()
    expect(page.locator("main")).to_contain_text(new_role.title)
    assert_accessible(page)
    assert CurrentRole.objects.get(user=anna).profile_id == new_role.pk

    # Anna signs in and sees her new role and the steps that are open from it.
    page.context.clear_cookies()
    log_in(page, "anna@zeist.example.org", DEMO_PASSWORD)
    page.goto("/mijn/")
    main = page.locator("main")
    expect(main).to_contain_text(new_role.title)
    next_roles = RoleProfilePage.objects.live().filter(paths_in__from_profile=new_role).distinct()
    assert next_roles.exists(), "the demo gives the new role a next step too"
    for role in next_roles:
        expect(main.get_by_role("link", name=role.title).first).to_be_visible()
    assert_accessible(page)
