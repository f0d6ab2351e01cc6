"""Exports of the HR dashboard's tables (insights.tables.TABLES), through the real views:
CSV and XLSX read back with the csv module and openpyxl, streamed, recorded, large ones
through Celery, and Utrecht's adviser never sees anything of Zeist."""

import csv
import dataclasses
import datetime
import io
import re
from urllib.parse import urlencode

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.http import FileResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from common.jobs import FAILURE_REASON
from insights import services, tasks
from insights.exports import BOM
from insights.models import KEEP_FILES, ExportJob
from insights.tables import TABLES
from people.models import Membership
from tests.careers.factories import CareerStepFactory, CurrentRoleFactory, RoleProfilePageFactory
from tests.certificates.factories import CertificateFactory
from tests.circles.factories import AttendanceFactory, CircleMemberFactory, LearningCirclePageFactory, SessionFactory
from tests.common.workers import tasks_fail_as_in_a_worker
from tests.curriculum.factories import AssignmentFactory, EnrolmentFactory, LearningTrackPageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory, UserFactory

EVERYTHING = {"periode": "alles"}
EVERY_EXPORT = [(key, fmt) for key in sorted(TABLES) for fmt in ("csv", "xlsx")]
UTRECHT_TEAM = "Projectbureau Utrecht"
ZEIST_TEAM = "Team Zeist-geheim"


def build_world(home_page) -> dict:
    """Two municipalities with people, assignments (some overdue), enrolments, certificates,
    career steps and a learning circle each; one circle spans both. Everything of Zeist is
    named with 'Zeist' so a leak is easy to spot."""
    from tests.careers.factories import RoleProfileIndexPageFactory
    from tests.circles.factories import CircleIndexPageFactory
    from tests.curriculum.factories import CatalogPageFactory

    today = timezone.localdate()
    catalog = CatalogPageFactory(parent=home_page)
    profiles = RoleProfileIndexPageFactory(parent=home_page)
    circles = CircleIndexPageFactory(parent=home_page)
    shared_circle = LearningCirclePageFactory(parent=circles, title="Leerkring Projectondersteuners")
    past_session = SessionFactory(
        circle=shared_circle,
        starts_at=timezone.now() - datetime.timedelta(days=20),
        ends_at=timezone.now() - datetime.timedelta(days=20) + datetime.timedelta(hours=2),
    )
    world = {}
    for name in ("utrecht", "zeist"):
        secret = "" if name == "utrecht" else " Zeist-geheim"
        organisation = OrganisationFactory(name=f"Gemeente {name.title()}", slug=name)
        hr = HRAdviserFactory(organisation=organisation, user__email=f"hr@{name}.example.org").user
        track = LearningTrackPageFactory(parent=catalog, title=f"Leergang{secret or ' Notuleren'}")
        profile = RoleProfilePageFactory(parent=profiles, title=f"Profiel{secret or ' Projectondersteuner'}")
        own_circle = LearningCirclePageFactory(parent=circles, title=f"Leerkring{secret or ' Utrecht'}")
        team = UTRECHT_TEAM if name == "utrecht" else ZEIST_TEAM
        learners = []
        for number in range(3):
            user = UserFactory(
                full_name=f"{'Zeistenaar' if secret else 'Utrechter'} {number}",
                email=f"deelnemer{number}@{name}.example.org",
            )
            LearnerFactory(user=user, organisation=organisation, team=team)
            CurrentRoleFactory(user=user, profile=profile)
            AssignmentFactory(
                user=user, organisation=organisation, track=track, due_date=today - datetime.timedelta(days=10 + number)
            )
            EnrolmentFactory(user=user, track=track, started_at=timezone.now() - datetime.timedelta(days=30))
            CertificateFactory(user=user, track=track)
            CareerStepFactory(user=user, to_profile=profile, date=today - datetime.timedelta(days=40))
            CircleMemberFactory(circle=own_circle, user=user)
            learners.append(user)
        CircleMemberFactory(circle=shared_circle, user=learners[0])
        AttendanceFactory(session=past_session, user=learners[0])
        world[name] = {
            "organisation": organisation,
            "hr": hr,
            "track": track,
            "profile": profile,
            "team": team,
            "learners": learners,
        }
    return world


@pytest.fixture
def world(home_page):
    return build_world(home_page)


def export_url(key: str, fmt: str, query: dict | None = None) -> str:
    return f"/hr/export/{key}/{fmt}/" + (f"?{urlencode(query)}" if query else "")


def read_csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text.removeprefix(BOM), newline=""), delimiter=";"))


def read_xlsx(response) -> list[list]:
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [[cell.value for cell in row] for row in workbook.active.iter_rows()]


def read(response, fmt: str) -> list[list]:
    return read_csv(response) if fmt == "csv" else read_xlsx(response)


def as_text(rows: list[list]) -> str:
    return "\n".join("|".join("" if value is None else str(value) for value in row) for row in rows)


# Downloads ---------------------------------------------------------------------------


def test_the_overdue_table_as_csv(client, world):
    client.force_login(world["utrecht"]["hr"])
    response = client.get(export_url("te-laat", "csv", EVERYTHING))
    assert response.status_code == 200
    assert type(response) is StreamingHttpResponse, "streamed, never built whole in memory"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    day = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="spil-te-laat-utrecht-{day}.csv"'
    assert "no-store" in response["Cache-Control"]
    header, *rows = read_csv(response)
    assert header == ["Naam", "E-mailadres", "Organisatie", "Opdracht", "Soort", "Uiterste datum", "Dagen te laat"]
    today = timezone.localdate()
    assert rows == [
        [
            f"Utrechter {number}",
            f"deelnemer{number}@utrecht.example.org",
            "Gemeente Utrecht",
            "Leergang Notuleren",
            "leergang",
            (today - datetime.timedelta(days=10 + number)).isoformat(),
            str(10 + number),
        ]
        for number in (2, 1, 0)
    ]


def test_the_overdue_table_as_xlsx(client, world):
    client.force_login(world["utrecht"]["hr"])
    response = client.get(export_url("te-laat", "xlsx", EVERYTHING))
    assert response.status_code == 200
    assert isinstance(response, FileResponse), "sent from a temporary file"
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith(f'filename="spil-te-laat-utrecht-{timezone.localdate()}.xlsx"')
    header, *rows = read_xlsx(response)
    assert header[0] == "Naam"
    assert [row[0] for row in rows] == ["Utrechter 2", "Utrechter 1", "Utrechter 0"]
    assert rows[0][5] == datetime.datetime.combine(timezone.localdate() - datetime.timedelta(days=12), datetime.time())
    assert rows[0][6] == 12


def test_every_table_exports_its_columns(client, world):
    client.force_login(world["utrecht"]["hr"])
    for key, fmt in EVERY_EXPORT:
        response = client.get(export_url(key, fmt, EVERYTHING))
        assert response.status_code == 200, key
        header, *_rows = read(response, fmt)
        assert header == [str(column) for column in TABLES[key].columns], key


def test_the_csv_pulls_the_rows_only_while_it_is_sent(client, world, monkeypatch):
    """The real table's rows, watched: none is read before the response is consumed."""
    real = TABLES["te-laat"]
    pulled = []

    def watched(scope):
        for row in real.rows(scope):
            pulled.append(row)
            yield row

    monkeypatch.setitem(TABLES, "te-laat", dataclasses.replace(real, rows=watched))
    client.force_login(world["utrecht"]["hr"])
    response = client.get(export_url("te-laat", "csv", EVERYTHING))
    assert pulled == []
    assert len(read_csv(response)) == 4
    assert len(pulled) == 3


def test_a_text_that_looks_like_a_formula_is_neutralised(client, world):
    learner = world["utrecht"]["learners"][0]
    learner.full_name = '=HYPERLINK("https://example.org","Klik")'
    learner.save()
    client.force_login(world["utrecht"]["hr"])
    rows = read_csv(client.get(export_url("te-laat", "csv", EVERYTHING)))
    assert rows[3][0] == "'" + learner.full_name
    workbook = load_workbook(
        io.BytesIO(b"".join(client.get(export_url("te-laat", "xlsx", EVERYTHING)).streaming_content))
    )
    cell = workbook.active["A4"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (learner.full_name, "s", True)


@pytest.mark.parametrize("url", ["/hr/export/te-laat/pdf/", "/hr/export/bestaat-niet/csv/", "/hr/export/te-laat/CSV/"])
def test_an_unknown_table_or_format_is_not_found(client, world, url):
    client.force_login(world["utrecht"]["hr"])
    assert client.get(url).status_code == 404
    assert not ExportJob.objects.exists()


# Utrecht sees nothing of Zeist ---------------------------------------------------------


def zeist_filters(world) -> dict:
    return {**EVERYTHING, "team": world["zeist"]["team"], "functieprofiel": str(world["zeist"]["profile"].pk)}


def test_zeist_filter_values_give_utrecht_nothing_of_zeist(client, world):
    """Every table, in both formats."""
    client.force_login(world["utrecht"]["hr"])
    for key, fmt in EVERY_EXPORT:
        attempted = read(client.get(export_url(key, fmt, zeist_filters(world))), fmt)
        plain = read(client.get(export_url(key, fmt, EVERYTHING)), fmt)
        assert "zeist" not in as_text(attempted).lower(), key
        assert attempted == plain, f"{key}: a filter value of another organisation filters nothing"
    for job in ExportJob.objects.all():
        assert job.organisation_ids == [world["utrecht"]["organisation"].pk]
        assert "team" not in job.scope_query
        assert "functieprofiel" not in job.scope_query


def test_zeist_figures_are_there_for_zeist(client, world):
    """The data the test above looks for exists: Zeist's own adviser gets it."""
    client.force_login(world["zeist"]["hr"])
    rows = read_csv(client.get(export_url("te-laat", "csv", zeist_filters(world))))
    assert [row[0] for row in rows[1:]] == ["Zeistenaar 2", "Zeistenaar 1", "Zeistenaar 0"]
    text = as_text(read_csv(client.get(export_url("leerkringen", "csv", EVERYTHING))))
    assert "Leerkring Zeist-geheim" in text


def test_a_circle_of_both_counts_only_utrechts_people(client, world):
    client.force_login(world["utrecht"]["hr"])
    rows = read_csv(client.get(export_url("leerkringen", "csv", EVERYTHING)))
    shared = next(row for row in rows if row[0] == "Leerkring Projectondersteuners")
    assert shared[1:4] == ["1", "1", "1"], "one member, one present, one attendance: Utrecht's only"


# Who may ------------------------------------------------------------------------------


@pytest.fixture
def zeist_job(world):
    return ExportJob.objects.create(
        adviser=world["zeist"]["hr"],
        organisation_ids=[world["zeist"]["organisation"].pk],
        table_key="te-laat",
        format="csv",
        status=ExportJob.Status.DONE,
        total=3,
        processed=3,
        filename="spil-te-laat-zeist.csv",
        file="exports/1/spil-te-laat-zeist.csv",
        finished_at=timezone.now(),
    )


def job_urls(job) -> list[str]:
    return [f"/hr/export/taak/{job.pk}/", f"/hr/export/taak/{job.pk}/download/"]


def test_utrecht_gets_404_for_zeists_export(client, world, zeist_job):
    client.force_login(world["utrecht"]["hr"])
    for url in job_urls(zeist_job):
        assert client.get(url).status_code == 404
        assert client.get(url, headers={"Accept": "application/json"}).status_code == 404
    assert client.post(f"/hr/export/taak/{zeist_job.pk}/opnieuw/").status_code == 404
    assert "Zeist" not in client.get("/hr/export/").content.decode()


def test_another_adviser_of_zeist_gets_404_too(client, world, zeist_job):
    colleague = HRAdviserFactory(organisation=world["zeist"]["organisation"]).user
    client.force_login(colleague)
    for url in job_urls(zeist_job):
        assert client.get(url).status_code == 404


def test_an_adviser_who_left_the_organisation_gets_404_for_their_own_export(client, world, zeist_job):
    hr = world["zeist"]["hr"]
    HRAdviserFactory(user=hr, organisation=OrganisationFactory())  # still an adviser, elsewhere
    Membership.objects.filter(user=hr, organisation=world["zeist"]["organisation"]).delete()
    client.force_login(hr)
    for url in job_urls(zeist_job):
        assert client.get(url).status_code == 404


def test_a_huge_job_id_is_not_found(client, world):
    client.force_login(world["utrecht"]["hr"])
    assert client.get(f"/hr/export/taak/{2**70}/").status_code == 404


def test_anonymous_goes_to_the_login_page(client, world, zeist_job):
    for url in [export_url("te-laat", "csv"), "/hr/export/", *job_urls(zeist_job)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert not ExportJob.objects.exclude(pk=zeist_job.pk).exists()


def test_a_learner_gets_403(client, world, zeist_job):
    client.force_login(world["zeist"]["learners"][0])
    for url in [export_url("te-laat", "csv"), export_url("te-laat", "xlsx"), "/hr/export/", *job_urls(zeist_job)]:
        assert client.get(url).status_code == 403


# Recorded -----------------------------------------------------------------------------


def test_a_direct_export_is_recorded_with_an_audit_entry_without_the_data(client, world):
    hr = world["utrecht"]["hr"]
    client.force_login(hr)
    read_csv(client.get(export_url("te-laat", "csv", {"periode": "alles", "team": UTRECHT_TEAM})))
    job = ExportJob.objects.get()
    assert (job.adviser, job.table_key, job.format, job.status, job.direct, job.total) == (
        hr,
        "te-laat",
        "csv",
        ExportJob.Status.DONE,
        True,
        3,
    )
    assert job.scope_query == {"periode": "alles", "team": UTRECHT_TEAM}
    assert job.organisation_ids == [world["utrecht"]["organisation"].pk]
    assert not job.file
    entry = LogEntry.objects.get_for_object(job).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == hr
    assert entry.changes["table_key"][-1] == "te-laat"
    assert entry.changes["total"][-1] == "3"
    assert UTRECHT_TEAM in entry.changes["scope_query"][-1]
    logged = f"{entry.changes} {entry.serialized_data} {entry.object_repr}"
    for learner in world["utrecht"]["learners"]:
        assert learner.full_name not in logged
        assert learner.email not in logged


# Large exports: in the background ------------------------------------------------------


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(services, "DIRECT_LIMIT", 2)


def test_a_large_export_is_written_by_celery_and_downloaded_by_its_adviser(
    client, world, small_limit, django_capture_on_commit_callbacks
):
    hr = world["utrecht"]["hr"]
    client.force_login(hr)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.get(export_url("te-laat", "xlsx", EVERYTHING))
    assert len(callbacks) == 1, "queued once, after the commit"
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/hr/export/taak/{job.pk}/"
    assert (job.status, job.direct, job.total, job.processed) == (ExportJob.Status.DONE, False, 3, 3)
    assert job.file.name == f"exports/{job.pk}/{job.filename}"
    assert LogEntry.objects.get_for_object(job).get().actor == hr

    page = client.get(f"/hr/export/taak/{job.pk}/").content.decode()
    assert 'value="100"' in page
    assert "Klaar: 3 rijen." in page
    assert f'href="/hr/export/taak/{job.pk}/download/"' in page
    progress = client.get(f"/hr/export/taak/{job.pk}/", headers={"Accept": "application/json"}).json()
    assert progress == {"status": "done", "status_label": "Klaar", "processed": 3, "total": 3, "percent": 100}

    download = client.get(f"/hr/export/taak/{job.pk}/download/")
    assert download.status_code == 200
    assert download["Content-Disposition"] == f'attachment; filename="{job.filename}"'
    assert [row[0] for row in read_xlsx(download)[1:]] == ["Utrechter 2", "Utrechter 1", "Utrechter 0"]
    job.refresh_from_db()
    assert job.download_count == 1
    assert job.downloaded_at is not None
    assert job.pk in [listed.pk for listed in services_recent(hr)]


def services_recent(hr):
    from insights.selectors_exports import recent_exports

    return recent_exports(adviser=hr)


def test_asking_again_while_it_is_written_queues_nothing_new(world, small_limit, django_capture_on_commit_callbacks):
    hr = world["utrecht"]["hr"]
    with django_capture_on_commit_callbacks() as callbacks:
        first = services.request_export(adviser=hr, key="te-laat", fmt="csv", data=EVERYTHING).job
        second = services.request_export(adviser=hr, key="te-laat", fmt="csv", data=EVERYTHING).job
    assert first.pk == second.pk
    assert len(callbacks) == 1
    assert first.status == ExportJob.Status.QUEUED


def test_the_progress_page_while_it_runs(client, world, small_limit, django_capture_on_commit_callbacks):
    hr = world["utrecht"]["hr"]
    with django_capture_on_commit_callbacks():
        job = services.request_export(adviser=hr, key="te-laat", fmt="csv", data=EVERYTHING).job
    ExportJob.mark_running(job.pk, total=3)
    ExportJob.mark_progress(job.pk, processed=1)
    client.force_login(hr)
    page = client.get(f"/hr/export/taak/{job.pk}/").content.decode()
    assert '<progress id="export-voortgang" class="spil-progress" max="100" value="33">' in page
    assert "Bezig: 1 van 3 rijen geschreven." in page
    assert "data-batch-progress" in page
    assert "js/batch-progress" in page
    assert "<noscript>" in page
    assert "/download/" not in page
    assert client.get(f"/hr/export/taak/{job.pk}/download/").status_code == 404


def test_the_task_is_idempotent(world, small_limit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.request_export(adviser=world["utrecht"]["hr"], key="te-laat", fmt="csv", data=EVERYTHING).job
    job.refresh_from_db()
    name = job.file.name
    tasks.run_export.delay(job.pk)
    job.refresh_from_db()
    assert (job.status, job.file.name, job.processed) == (ExportJob.Status.DONE, name, 3)


def test_a_rerun_after_a_crash_replaces_the_file(world, small_limit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        job = services.request_export(adviser=world["utrecht"]["hr"], key="te-laat", fmt="csv", data=EVERYTHING).job
    services.run_export(job_id=job.pk)
    storage = job.file.storage
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING, file="")  # died before marking done
    services.run_export(job_id=job.pk)
    job.refresh_from_db()
    assert job.file.name == f"exports/{job.pk}/{job.filename}"
    stem = job.filename.removesuffix(".csv")
    stored = storage.listdir(f"exports/{job.pk}")[1]
    assert [name for name in stored if name.startswith(stem) and name.endswith(".csv")] == [job.filename]


def test_a_failed_export_says_why_in_dutch_and_can_be_retried(
    client, world, small_limit, monkeypatch, django_capture_on_commit_callbacks
):
    def disk_full(**kwargs):
        raise OSError("No space left on device")

    hr = world["utrecht"]["hr"]
    client.force_login(hr)
    write = services.exports.write
    monkeypatch.setattr(services.exports, "write", disk_full)
    with tasks_fail_as_in_a_worker(), django_capture_on_commit_callbacks(execute=True):
        response = client.get(export_url("te-laat", "csv", EVERYTHING))
    monkeypatch.setattr(services.exports, "write", write)
    job = ExportJob.objects.get()
    assert (job.status, job.error) == (ExportJob.Status.FAILED, str(FAILURE_REASON))
    page = client.get(response["Location"]).content.decode()
    assert f"Mislukt: {FAILURE_REASON}" in page
    assert "No space" not in page
    assert "Opnieuw proberen</button>" in page
    assert "<noscript>" not in page
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/hr/export/taak/{job.pk}/opnieuw/").status_code == 302
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE
    assert job.error == ""


def test_an_adviser_who_lost_the_organisation_gets_no_file(world, small_limit, django_capture_on_commit_callbacks):
    hr = world["utrecht"]["hr"]
    with django_capture_on_commit_callbacks():
        job = services.request_export(adviser=hr, key="te-laat", fmt="csv", data=EVERYTHING).job
    Membership.objects.filter(user=hr).delete()
    job = services.run_export(job_id=job.pk)
    assert job.status == ExportJob.Status.FAILED
    assert job.error == str(services.NO_ACCESS_REASON)
    assert not job.file


def test_a_table_that_is_gone_fails_with_a_reason(world, small_limit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        job = services.request_export(adviser=world["utrecht"]["hr"], key="te-laat", fmt="csv", data=EVERYTHING).job
    ExportJob.objects.filter(pk=job.pk).update(table_key="weg")
    job = services.run_export(job_id=job.pk)
    assert (job.status, job.error) == (ExportJob.Status.FAILED, str(services.GONE_REASON))


def test_too_long_is_a_reason_the_adviser_can_act_on():
    from celery.exceptions import SoftTimeLimitExceeded

    assert tasks.run_export.failure_reason(SoftTimeLimitExceeded()) == str(tasks.TOO_LONG_REASON)


# Expiry ---------------------------------------------------------------------------------


def test_files_are_deleted_after_seven_days(client, world, small_limit, django_capture_on_commit_callbacks):
    hr = world["utrecht"]["hr"]
    with django_capture_on_commit_callbacks(execute=True):
        old = services.request_export(adviser=hr, key="te-laat", fmt="csv", data=EVERYTHING).job
        new = services.request_export(adviser=hr, key="te-laat", fmt="xlsx", data=EVERYTHING).job
    old.refresh_from_db()
    new.refresh_from_db()
    storage, old_name = old.file.storage, old.file.name
    ExportJob.objects.filter(pk=old.pk).update(finished_at=timezone.now() - KEEP_FILES - datetime.timedelta(hours=1))
    assert tasks.delete_expired_exports.delay().get() == 1
    assert tasks.delete_expired_exports.delay().get() == 0
    old.refresh_from_db()
    new.refresh_from_db()
    assert not old.file
    assert not storage.exists(old_name)
    assert new.file
    assert storage.exists(new.file.name)
    client.force_login(hr)
    assert client.get(f"/hr/export/taak/{old.pk}/download/").status_code == 404
    assert "Dit bestand is verwijderd" in client.get(f"/hr/export/taak/{old.pk}/").content.decode()


# Pages ----------------------------------------------------------------------------------


def queries_for(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return len(queries), html


def test_the_list_of_exports_costs_the_same_for_many(client, world):
    client.force_login(world["utrecht"]["hr"])
    client.get(export_url("te-laat", "csv", EVERYTHING))
    client.get("/hr/export/")  # the first request fills the caches of the site and the menu
    few, _html = queries_for(client, "/hr/export/")
    for fmt in ("csv", "xlsx") * 5:
        client.get(export_url("te-laat", fmt, EVERYTHING))
    many, html = queries_for(client, "/hr/export/")
    assert many == few
    assert html.count("Opdrachten te laat") == 11
    assert html.count("Meteen gedownload") == 11


def test_the_links_name_the_table_and_keep_the_filters():
    shown = TABLES["te-laat"]
    html = render_to_string(
        "insights/exports/_links.html",
        {"key": shown.key, "table": shown, "scope_query": urlencode({"team": "P&O", "periode": "alles"})},
    )
    links = re.findall(r'<a class="utrecht-link" href="([^"]+)">(.*?)</a>', html)
    assert [href for href, _text in links] == [
        "/hr/export/te-laat/csv/?team=P%26O&amp;periode=alles",
        "/hr/export/te-laat/xlsx/?team=P%26O&amp;periode=alles",
    ]
    assert [re.sub(r"<[^>]+>", "", text) for _href, text in links] == [
        "CSV van de tabel Opdrachten te laat",
        "Excel (XLSX) van de tabel Opdrachten te laat",
    ]
    assert '<span class="spil-visually-hidden"> van de tabel Opdrachten te laat</span>' in html


def test_the_dashboard_shows_the_links(client, world):
    client.force_login(world["utrecht"]["hr"])
    html = client.get("/hr/", {"periode": "alles"}).content.decode()
    assert 'href="/hr/export/te-laat/csv/?periode=alles"' in html
    assert 'href="/hr/export/kerncijfers/xlsx/?periode=alles"' in html
