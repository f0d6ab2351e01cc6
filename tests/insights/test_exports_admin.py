"""The record of exports in the Wagtail admin: read-only, for the platform admin, and never
a link to a file."""

import pytest
from django.utils import timezone

from insights.models import ExportJob
from people.models import User
from tests.people.factories import HRAdviserFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/exports/"


@pytest.fixture
def job():
    membership = HRAdviserFactory(user__full_name="Hanna Bakker")
    return ExportJob.objects.create(
        adviser=membership.user,
        organisation_ids=[membership.organisation.pk],
        table_key="te-laat",
        format=ExportJob.Format.XLSX,
        scope_query={"periode": "alles", "team": "P&O"},
        status=ExportJob.Status.DONE,
        total=12000,
        processed=12000,
        filename="spil-te-laat-voorbeeld-2026-03-01.xlsx",
        file="exports/1/spil-te-laat-voorbeeld-2026-03-01.xlsx",
        finished_at=timezone.now(),
    )


@pytest.fixture
def admin(client):
    admin = User.objects.create_superuser(email="beheer@example.org", password="x" * 12, full_name="Beheer")
    client.force_login(admin)
    return admin


def test_the_platform_admin_sees_who_exported_what(client, admin, job):
    html = client.get(ADMIN).content.decode()
    assert job.filename in html
    assert "Hanna Bakker" in html
    assert "Klaar" in html
    html = client.get(f"{ADMIN}inspect/{job.pk}/").content.decode()
    assert "P&amp;O" in html
    assert "12000" in html
    assert "exports/1/" not in html, "the private file is never linked"


@pytest.mark.parametrize("view", ["new/", "edit/{pk}/", "delete/{pk}/", "copy/{pk}/"])
def test_an_export_is_not_added_edited_or_deleted_in_the_admin(client, admin, job, view):
    url = ADMIN + view.format(pk=job.pk)
    assert url not in client.get(ADMIN).content.decode()
    for response in [client.get(url), client.post(url, {"table_key": "x", "format": "csv"})]:
        assert response.status_code in (302, 403, 404), url
    assert ExportJob.objects.get().table_key == "te-laat"


def test_an_hr_adviser_has_no_access(client, job):
    client.force_login(job.adviser)
    assert client.get(ADMIN).status_code in (302, 403)
