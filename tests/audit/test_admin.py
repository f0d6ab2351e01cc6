"""The platform admin reads one audit log in the Wagtail admin, in Dutch, filtered by
organisation, event, who and date; nobody else reads it and nobody changes it."""

import datetime

import pytest
from auditlog.context import set_actor
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.users.models import UserProfile

from audit.events import record
from audit.models import Action, AuditEvent
from people.models import Membership, User
from tests.audit.factories import AuditEventFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/audit/"


def table_text(response) -> str:
    """The table's header and rows only (the filters name every event)."""
    soup = BeautifulSoup(response.content, "html.parser")
    return "\n".join(row.get_text(" ", strip=True) for row in soup.select("main table tr"))


@pytest.fixture
def platform_admin():
    admin = User.objects.create_superuser(
        email="beheer@example.org", password="x" * 12, full_name="Beheerder Spil", preferred_language="nl"
    )
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "nl"
    profile.save()
    return admin


@pytest.fixture
def logged(platform_admin):
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    utrecht = OrganisationFactory(name="Gemeente Utrecht", slug="utrecht")
    hr = HRAdviserFactory(organisation=zeist, user__full_name="Hanna Bakker").user
    with set_actor(hr):
        membership = LearnerFactory(organisation=zeist, user__full_name="Anna de Vries")
        membership.role = Membership.Role.ORGANISER
        membership.save()
    record(Action.LOGIN, actor=hr, organisation=zeist)
    old = AuditEventFactory(action=Action.CERTIFICATE_REVOKED, organisation=utrecht, subject_label="SPIL-OUD")
    AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))
    return {"zeist": zeist, "utrecht": utrecht, "hr": hr}


def test_the_platform_admin_reads_every_kind_of_event_in_dutch(client, platform_admin, logged):
    client.force_login(platform_admin)
    response = client.get(ADMIN)
    assert response.status_code == 200
    assert "Auditlog" in response.content.decode()
    html = table_text(response)
    for text in [
        "Wanneer",
        "Gebeurtenis",
        "Organisatie",
        "Waarover",
        "Ingelogd",
        "Rol gewijzigd",
        "Rol: Deelnemer → Leerkringorganisator",
        "Lidmaatschap gewijzigd",
        "Certificaat ingetrokken",
        "Hanna Bakker (",
        "Gemeente Zeist",
    ]:
        assert text in html, text


def test_the_log_filters_by_organisation_event_actor_and_date(client, platform_admin, logged):
    client.force_login(platform_admin)

    def shown(**query) -> str:
        response = client.get(ADMIN, query)
        assert response.status_code == 200
        return table_text(response)

    html = shown(organisation=logged["utrecht"].pk)
    assert "SPIL-OUD" in html
    assert "Rol gewijzigd" not in html
    html = shown(action=Action.ROLE_CHANGED)
    assert "Rol: Deelnemer → Leerkringorganisator" in html
    assert "SPIL-OUD" not in html
    assert "Ingelogd" not in html
    html = shown(actor=logged["hr"].pk)
    assert "Rol gewijzigd" in html
    assert "SPIL-OUD" not in html
    today = timezone.localdate().isoformat()
    html = shown(created_at_from=today, created_at_to=today)
    assert "Rol gewijzigd" in html
    assert "SPIL-OUD" not in html
    assert "SPIL-OUD" in shown(q="SPIL-OUD")
    for junk in [{"actor": "abc"}, {"created_at_from": "gisteren"}, {"organisation": "9" * 30}, {"action": "x"}]:
        assert client.get(ADMIN, junk).status_code == 200


def test_the_listing_costs_the_same_with_more_entries(client, platform_admin, logged, django_assert_max_num_queries):
    client.force_login(platform_admin)
    with django_assert_max_num_queries(40) as few:
        client.get(ADMIN)
    for number in range(20):
        LearnerFactory(team=f"Team {number}")
        AuditEventFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(ADMIN)


@pytest.mark.parametrize("view", ["add/", "edit/{pk}/", "delete/{pk}/", "copy/{pk}/"])
def test_nobody_adds_edits_or_deletes_an_entry(client, platform_admin, logged, view):
    event = AuditEvent.objects.first()
    url = ADMIN + view.format(pk=event.pk)
    client.force_login(platform_admin)
    assert url not in client.get(ADMIN).content.decode()
    for response in [client.get(url), client.post(url, {"subject_label": "weg"})]:
        assert response.status_code in (302, 403, 404), url
    assert AuditEvent.objects.filter(pk=event.pk, subject_label=event.subject_label).exists()


def test_only_the_platform_admin_reads_the_log(client, logged):
    editor = User.objects.create_user(email="redactie@example.org", password="x" * 12, is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(ADMIN)
    assert (response.status_code, response["Location"]) == (302, "/admin/"), "Wagtail's 'no permission' redirect"
    assert ADMIN not in client.get("/admin/").content.decode()
    client.force_login(logged["hr"])
    assert client.get(ADMIN, follow=True).status_code == 403
    client.logout()
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert "login" in response["Location"]
