"""Enrolment requests: who decides them, and the refusals.

Nobody decides their own request: an HR adviser's request goes to another adviser of the
organisation, or, when there is none, to the platform admin (a superuser).
"""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied

from curriculum import selectors, services
from curriculum.models import Enrolment
from people.models import Membership, User
from tests.people.factories import HRAdviserFactory, LearnerFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

OWN_REQUEST = "Over je eigen aanvraag besluit je niet zelf."


@pytest.fixture
def world(track):
    track.requires_approval = True
    track.save()
    zeist, utrecht = OrganisationFactory(slug="zeist"), OrganisationFactory(slug="utrecht")
    return {
        "track": track,
        "zeist": zeist,
        "utrecht": utrecht,
        "anna": LearnerFactory(organisation=zeist).user,
        "hr_zeist": HRAdviserFactory(organisation=zeist).user,
        "hr_utrecht": HRAdviserFactory(organisation=utrecht).user,
    }


@pytest.fixture
def admin():
    return User.objects.create_superuser(email="beheer@example.org", password="x" * 16, full_name="Beheer Spil")


def decide(client, enrolment, decision="approve", **extra):
    return client.post(f"/hr/aanvragen/{enrolment.pk}/", {f"{enrolment.pk}-decision": decision, **extra})


def status_of(enrolment):
    enrolment.refresh_from_db()
    return enrolment.status


# Nobody decides their own request ---------------------------------------------------------


def test_an_adviser_cannot_approve_her_own_request(world):
    enrolment = services.enrol(user=world["hr_zeist"], track=world["track"])
    with pytest.raises(services.OwnRequestError) as refused:
        services.decide_enrolment(adviser=world["hr_zeist"], enrolment_id=enrolment.pk, approve=True)
    assert isinstance(refused.value, PermissionDenied)
    assert OWN_REQUEST in str(refused.value)
    assert status_of(enrolment) == Enrolment.Status.REQUESTED


def test_another_adviser_of_the_organisation_decides_it(client, world):
    colleague = HRAdviserFactory(organisation=world["zeist"]).user
    enrolment = services.enrol(user=world["hr_zeist"], track=world["track"])
    client.force_login(colleague)
    assert world["hr_zeist"].full_name in client.get("/hr/aanvragen/").content.decode()
    assert decide(client, enrolment).status_code == 302
    assert status_of(enrolment) == Enrolment.Status.ACTIVE


def test_her_own_request_is_not_in_her_list_and_the_decide_view_answers_403(client, world):
    HRAdviserFactory(organisation=world["zeist"])
    enrolment = services.enrol(user=world["hr_zeist"], track=world["track"])
    services.enrol(user=world["anna"], track=world["track"])
    client.force_login(world["hr_zeist"])
    listing = client.get("/hr/aanvragen/").content.decode()
    assert world["anna"].full_name in listing
    assert f'id="aanvraag-{enrolment.pk}"' not in listing
    assert f'action="/hr/aanvragen/{enrolment.pk}/"' not in listing
    dashboard = client.get("/hr/").content.decode()
    assert "1 inschrijving wacht op je goedkeuring." in dashboard

    response = decide(client, enrolment)
    assert response.status_code == 403
    assert OWN_REQUEST in response.content.decode()
    assert status_of(enrolment) == Enrolment.Status.REQUESTED


def test_the_list_and_the_service_agree(world, admin):
    colleague = HRAdviserFactory(organisation=world["zeist"]).user
    own = services.enrol(user=world["hr_zeist"], track=world["track"])
    annas = services.enrol(user=world["anna"], track=world["track"])
    assert selectors.pending_requests(decider=world["hr_zeist"]) == [annas]
    assert selectors.pending_requests(decider=colleague) == [own, annas]
    assert selectors.pending_requests(decider=world["hr_utrecht"]) == []
    assert selectors.pending_requests(decider=world["anna"]) == []
    assert selectors.pending_requests(decider=admin) == [own, annas]
    assert selectors.pending_requests(decider=colleague, organisations=[world["utrecht"]]) == []


# The platform admin, when there is no other adviser ------------------------------------------


def test_a_lone_advisers_request_goes_to_the_platform_admin(
    client, world, admin, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrol(user=world["hr_zeist"], track=world["track"])
    assert [m.to for m in mailoutbox] == [[admin.email]], "not to herself: to the admin"
    assert "/hr/aanvragen/" in mailoutbox[0].body

    client.force_login(admin)
    listing = client.get("/hr/aanvragen/")
    assert listing.status_code == 200
    assert world["hr_zeist"].full_name in listing.content.decode()
    assert 'href="/hr/"' not in listing.content.decode(), "no link to the HR dashboard, which the admin cannot open"
    assert decide(client, enrolment, "decline", **{f"{enrolment.pk}-reason": "Eerst de basis"}).status_code == 302
    assert status_of(enrolment) == Enrolment.Status.DECLINED
    assert enrolment.decided_by == admin


def test_an_advisers_request_is_mailed_to_the_other_advisers_only(
    world, admin, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = HRAdviserFactory(organisation=world["zeist"]).user
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(user=world["hr_zeist"], track=world["track"])
    assert [m.to for m in mailoutbox] == [[colleague.email]]


def test_the_admin_reaches_the_requests_from_the_wagtail_admin(client, world, admin):
    client.force_login(admin)
    assert '"url": "/hr/aanvragen/"' in client.get("/admin/").content.decode()
    editor = User.objects.create_user(email="redacteur@example.org", password="x" * 16, full_name="Redacteur")
    editor.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(editor)
    assert "/hr/aanvragen/" not in client.get("/admin/").content.decode()
    assert client.get("/hr/aanvragen/").status_code == 403


def test_not_even_the_admin_decides_her_own_request(client, world, admin):
    enrolment = services.enrol(user=admin, track=world["track"])
    client.force_login(admin)
    assert decide(client, enrolment).status_code == 403
    assert status_of(enrolment) == Enrolment.Status.REQUESTED


# Refusals --------------------------------------------------------------------------------


def test_refusals_for_others(client, world):
    enrolment = services.enrol(user=world["anna"], track=world["track"])

    client.force_login(world["hr_utrecht"])
    assert world["anna"].full_name not in client.get("/hr/aanvragen/").content.decode()
    assert decide(client, enrolment).status_code == 404
    with pytest.raises(PermissionDenied):
        services.decide_enrolment(adviser=world["hr_utrecht"], enrolment_id=enrolment.pk, approve=True)

    client.force_login(world["anna"])
    assert client.get("/hr/aanvragen/").status_code == 403
    assert decide(client, enrolment).status_code == 403, "her own request: refused, with the reason"
    bram = LearnerFactory(organisation=world["zeist"]).user
    client.force_login(bram)
    assert decide(client, enrolment).status_code == 404
    with pytest.raises(PermissionDenied):
        services.decide_enrolment(adviser=bram, enrolment_id=enrolment.pk, approve=True)

    client.logout()
    for response in (client.get("/hr/aanvragen/"), decide(client, enrolment)):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert client.get(f"/hr/aanvragen/{enrolment.pk}/").status_code == 302

    assert status_of(enrolment) == Enrolment.Status.REQUESTED


def test_an_unknown_request_is_404(client, world):
    client.force_login(world["hr_zeist"])
    assert client.post("/hr/aanvragen/987654/", {"987654-decision": "approve"}).status_code == 404


def test_a_request_decided_meanwhile_says_so(client, world):
    enrolment = services.enrol(user=world["anna"], track=world["track"])
    services.decide_enrolment(adviser=world["hr_zeist"], enrolment_id=enrolment.pk, approve=True)
    client.force_login(world["hr_zeist"])
    response = decide(client, enrolment)
    assert response.status_code == 400
    assert "Over deze aanvraag is al besloten." in response.content.decode()


# Someone with two roles in the organisation -----------------------------------------------


def test_deciding_for_someone_with_two_memberships_in_the_organisation(client, world):
    MembershipFactory(user=world["anna"], organisation=world["zeist"], role=Membership.Role.ORGANISER)
    assert world["anna"].memberships.filter(organisation=world["zeist"]).count() == 2
    enrolment = services.enrol(user=world["anna"], track=world["track"])
    client.force_login(world["hr_zeist"])
    assert client.get("/hr/aanvragen/").content.decode().count(f'action="/hr/aanvragen/{enrolment.pk}/"') == 1
    response = decide(client, enrolment)
    assert response.status_code == 302
    assert status_of(enrolment) == Enrolment.Status.ACTIVE


def test_an_invalid_decision_for_someone_with_two_memberships_is_a_400(client, world):
    MembershipFactory(user=world["anna"], organisation=world["zeist"], role=Membership.Role.ORGANISER)
    enrolment = services.enrol(user=world["anna"], track=world["track"])
    client.force_login(world["hr_zeist"])
    response = decide(client, enrolment, "decline")
    assert response.status_code == 400
    assert "Geef een reden" in response.content.decode()
    assert status_of(enrolment) == Enrolment.Status.REQUESTED


@pytest.mark.parametrize("size", [2, 12])
def test_the_requests_page_costs_the_same_for_few_or_many(client, world, size, django_assert_max_num_queries):
    for _ in range(size):
        services.enrol(user=LearnerFactory(organisation=world["zeist"]).user, track=world["track"])
    client.force_login(world["hr_zeist"])
    client.get("/hr/aanvragen/")
    with django_assert_max_num_queries(12):
        response = client.get("/hr/aanvragen/")
    assert response.content.decode().count("-decision") >= size
