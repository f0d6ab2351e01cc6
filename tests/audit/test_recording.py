"""Every kind of event lands in the audit log when it happens, for the organisation it
concerns, and no secret ever does: not the password (typed right, wrong, or into the email
field), not the session key, not a token."""

import json

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.utils import timezone

from audit.events import network_of, record
from audit.models import Action, AuditEvent
from certificates import services as certificate_services
from curriculum import services as curriculum_services
from curriculum.models import AssignmentBatch
from insights import services as insights_services
from insights.models import ExportJob
from people import services as people_services
from people.models import Membership
from tests.certificates.factories import CertificateFactory
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory
from tests.people.factories import PASSWORD, HRAdviserFactory, LearnerFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

WRONG_PASSWORD = "Verkeerd-Wachtwoord-8431"
PASSWORD_AS_EMAIL = "Mijn-Geheim-Wachtwoord-5520"


@pytest.fixture
def zeist():
    return OrganisationFactory(name="Gemeente Zeist", slug="zeist")


@pytest.fixture
def learner(zeist):
    return LearnerFactory(organisation=zeist, user__email="anna@zeist.example.org").user


def events(action: str):
    return list(AuditEvent.objects.filter(action=action).order_by("pk"))


def every_audit_row_as_text() -> str:
    rows = [*AuditEvent.objects.all(), *LogEntry.objects.all()]
    return serializers.serialize("json", rows) + json.dumps([str(row) for row in rows])


# Sign-ins


def test_a_login_through_the_allauth_form_is_recorded_for_the_persons_organisation(client, home_page, learner, zeist):
    response = client.post(
        "/accounts/login/", {"login": learner.email, "password": PASSWORD}, REMOTE_ADDR="198.51.100.77"
    )
    assert response.status_code == 302
    (login,) = events(Action.LOGIN)
    assert (login.actor, login.actor_label, login.organisation) == (learner, learner.email, zeist)
    assert login.path == "/accounts/login/"
    assert login.ip_prefix == "198.51.100.0/24", "the network, never the full address"

    client.post("/accounts/logout/")
    (logout,) = events(Action.LOGOUT)
    assert (logout.actor, logout.organisation) == (learner, zeist)


def test_failed_logins_are_recorded_and_no_password_is_ever_stored(client, home_page, learner, zeist):
    client.post("/accounts/login/", {"login": learner.email, "password": WRONG_PASSWORD})
    client.post("/accounts/login/", {"login": "niemand@example.org", "password": WRONG_PASSWORD})
    client.post("/accounts/login/", {"login": PASSWORD_AS_EMAIL, "password": WRONG_PASSWORD})
    known, unknown = events(Action.LOGIN_FAILED)[:2]
    assert (known.actor, known.actor_label, known.organisation, known.subject_label) == (
        None,
        learner.email,
        zeist,
        str(learner),
    )
    assert known.details == {"known_account": True}
    # What matched no account is not stored: it may be a password typed into the email field.
    assert (unknown.actor_label, unknown.subject_label, unknown.organisation) == ("", "", None)
    assert unknown.details == {"known_account": False}

    client.post("/accounts/login/", {"login": learner.email, "password": PASSWORD})
    session_key = client.session.session_key
    assert events(Action.LOGIN)
    text = every_audit_row_as_text()
    for secret in (PASSWORD, WRONG_PASSWORD, PASSWORD_AS_EMAIL, session_key, learner.password):
        assert secret not in text
    assert "127.0.0.1" not in text, "no full client address"


def test_secret_details_are_dropped_by_name_also_nested(zeist):
    record(
        Action.DATA_EXPORT,
        organisation=zeist,
        password="p1",
        reset_token="t1",
        recovery_codes=["c1"],
        session_key="s1",
        key="k1",
        nested={"api_key": "k2", "csrfmiddlewaretoken": "x1", "files": 3},
        table_key="te-laat",
    )
    (event,) = events(Action.DATA_EXPORT)
    assert event.details == {"nested": {"files": 3}, "table_key": "te-laat"}


def test_an_unknown_action_is_a_programming_error():
    with pytest.raises(ValueError, match="logged_in_maybe"):
        record("logged_in_maybe")


def test_networks_are_cut_short():
    assert network_of("192.0.2.17") == "192.0.2.0/24"
    assert network_of("2001:db8:1:2::5") == "2001:db8:1::/48"
    assert network_of("2001:db8:1:2::/64") == "2001:db8:1::/48"
    assert network_of("not an address") == network_of(None) == ""


@pytest.mark.parametrize(
    ("proxies", "forwarded", "network"),
    [
        (0, "203.0.113.9", "198.51.100.0/24"),  # no proxy: the header is the client's own words
        (1, "203.0.113.9, 192.0.2.44", "192.0.2.0/24"),  # behind our proxy: the hop it added
    ],
)
def test_the_network_is_the_clients_as_the_rate_limits_see_it(
    client, home_page, learner, settings, proxies, forwarded, network
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    client.post(
        "/accounts/login/",
        {"login": learner.email, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.77",
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    (login,) = events(Action.LOGIN)
    assert login.ip_prefix == network


# Refusals


def test_a_403_is_recorded_once_per_person_and_path(client, learner, zeist):
    client.force_login(learner)
    for _ in range(3):
        assert client.get("/hr/export/").status_code == 403
    (refused,) = events(Action.REFUSED)
    assert (refused.actor, refused.organisation, refused.path) == (learner, zeist, "/hr/export/")
    assert refused.details == {"method": "GET", "status": 403}


def test_a_crawler_cannot_flood_the_log_with_refusals(client, learner):
    from audit.middleware import PER_SOURCE_LIMIT

    client.force_login(learner)
    for number in range(PER_SOURCE_LIMIT + 10):
        assert client.get(f"/hr/export/taak/{number}/").status_code == 403
    assert len(events(Action.REFUSED)) == PER_SOURCE_LIMIT


def test_a_refusal_inside_the_wagtail_admin_is_recorded(client):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/audit/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    (refused,) = events(Action.REFUSED)
    assert (refused.actor, refused.path, refused.details["status"]) == (editor, "/admin/audit/", 302)
    client.get("/admin/")
    assert len(events(Action.REFUSED)) == 1, "a page that is allowed is no refusal"


# Roles, memberships, assignments, revocations, exports


def test_membership_and_role_changes_show_in_the_audit_log_with_their_organisation(zeist):
    utrecht = OrganisationFactory(name="Gemeente Utrecht", slug="utrecht")
    hr = HRAdviserFactory(organisation=zeist).user
    membership = LearnerFactory(organisation=zeist)
    added = AuditEvent.objects.filter(log_entry__in=LogEntry.objects.get_for_object(membership)).get()
    assert (added.action, added.organisation, added.subject_label) == (
        Action.MEMBERSHIP_CHANGED,
        zeist,
        str(membership),
    )
    with set_actor(hr):
        membership.role = Membership.Role.HR
        membership.save()
    (role,) = events(Action.ROLE_CHANGED)
    assert (role.actor, role.organisation, role.log_entry.changes) == (hr, zeist, {"role": ["learner", "hr"]})

    membership.organisation = utrecht
    membership.save()
    moved = AuditEvent.objects.filter(log_entry=LogEntry.objects.get_for_object(membership).latest("pk"))
    assert {event.organisation for event in moved} == {zeist, utrecht}, "both organisations keep the move"

    utrecht_hr = HRAdviserFactory(organisation=utrecht).user
    with set_actor(utrecht_hr):
        people_services.remove_from_organisation(adviser=utrecht_hr, person=membership.user, organisation=utrecht)
    removed = AuditEvent.objects.filter(action=Action.MEMBERSHIP_CHANGED, details__change="delete").get()
    assert (removed.organisation, removed.actor) == (utrecht, utrecht_hr)


def test_admin_groups_given_and_taken_are_role_changes(client):
    editors = Group.objects.get_or_create(name="Editors")[0]
    person = UserFactory()
    person.groups.add(editors)
    person.groups.remove(editors)
    given, taken = events(Action.ROLE_CHANGED)
    assert given.log_entry.changes["groups"]["operation"] == "add"
    assert taken.log_entry.changes["groups"]["operation"] == "delete"
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    rows = client.get("/admin/audit/", {"action": Action.ROLE_CHANGED}).content.decode()
    assert "groepen erbij: editors" in rows.lower()


def test_an_assignment_is_recorded(home_page, zeist):
    hr = HRAdviserFactory(organisation=zeist).user
    track = LearningTrackPageFactory(parent=CatalogPageFactory(parent=home_page))
    batch = curriculum_services.start_assignment(
        adviser=hr,
        organisation=zeist,
        due_date=timezone.localdate(),
        audience=AssignmentBatch.Audience.ALL,
        track=track,
    )
    (assigned,) = events(Action.ASSIGNMENT_CREATED)
    assert (assigned.actor, assigned.organisation, assigned.subject_id) == (hr, zeist, str(batch.pk))
    assert assigned.details == {"audience": AssignmentBatch.Audience.ALL}


def test_a_revocation_is_recorded_without_the_certificates_token(home_page, learner, zeist):
    hr = HRAdviserFactory(organisation=zeist).user
    certificate = CertificateFactory(
        user=learner, organisation=zeist, track__parent=CatalogPageFactory(parent=home_page)
    )
    certificate_services.revoke(actor=hr, certificate_id=certificate.pk, reason="Ten onrechte uitgereikt")
    (revoked,) = events(Action.CERTIFICATE_REVOKED)
    assert (revoked.actor, revoked.organisation, revoked.subject_id) == (hr, zeist, str(certificate.pk))
    assert certificate.token not in every_audit_row_as_text()


def test_an_export_and_its_download_are_recorded_for_the_organisation(client, zeist):
    hr = HRAdviserFactory(organisation=zeist).user
    client.force_login(hr)
    response = client.get("/hr/export/te-laat/csv/")
    assert response.status_code == 200
    b"".join(response.streaming_content)
    job = ExportJob.objects.get()
    (requested,) = events(Action.EXPORT_REQUESTED)
    assert (requested.actor, requested.organisation, requested.subject_id) == (hr, zeist, str(job.pk))
    assert requested.log_entry == LogEntry.objects.get_for_object(job).get()

    insights_services.record_download(job=job)
    (downloaded,) = events(Action.EXPORT_DOWNLOADED)
    assert (downloaded.actor, downloaded.organisation, downloaded.subject_id) == (hr, zeist, str(job.pk))


def test_the_privacy_actions_are_recorded_through_record(zeist, learner):
    record(Action.DATA_EXPORT, actor=learner, organisation=[zeist], subject=learner, files=4)
    record(Action.ERASURE, actor=learner, organisation=[zeist, zeist.pk, None], subject=learner)
    assert [event.organisation for event in events(Action.DATA_EXPORT)] == [zeist]
    assert [event.organisation for event in events(Action.ERASURE)] == [zeist, None]


def test_an_audit_failure_never_breaks_the_action(zeist, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(AuditEvent.objects, "bulk_create", broken)
    record(Action.LOGIN, organisation=zeist)
    assert "Could not write audit event login" in caplog.text
