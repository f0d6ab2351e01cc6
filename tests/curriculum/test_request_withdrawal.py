"""A learner withdraws her own request that HR has not decided yet: after a page that asks
to confirm, and only her own."""

import pytest
from django.core.exceptions import ValidationError

from curriculum import services
from curriculum.models import Enrolment
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(track):
    track.requires_approval = True
    track.save()
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    anna = LearnerFactory(organisation=zeist).user
    return {
        "track": track,
        "anna": anna,
        "bram": LearnerFactory(organisation=zeist).user,
        "hr": HRAdviserFactory(organisation=zeist).user,
        "request": services.enrol(user=anna, track=track),
    }


def url(enrolment) -> str:
    return f"/mijn/aanvragen/{enrolment.pk}/intrekken/"


def test_she_confirms_and_withdraws_her_request(client, world):
    enrolment = world["request"]
    client.force_login(world["anna"])
    page = client.get(url(enrolment))
    assert page.status_code == 200
    html = page.content.decode()
    assert world["track"].title in html
    assert "Je aanvraag vervalt niet vanzelf" in html
    assert f'action="{url(enrolment)}"' in html
    assert Enrolment.objects.filter(pk=enrolment.pk).exists(), "showing the page withdraws nothing"

    response = client.post(url(enrolment), follow=True)
    assert response.redirect_chain[-1][0] == "/mijn/"
    assert "Je aanvraag voor" in response.content.decode()
    assert not Enrolment.objects.filter(pk=enrolment.pk).exists()

    again = services.enrol(user=world["anna"], track=world["track"])
    assert again.status == Enrolment.Status.REQUESTED, "she may ask again later"


def test_another_learner_gets_404(client, world):
    enrolment = world["request"]
    for someone in (world["bram"], world["hr"]):
        client.force_login(someone)
        assert client.get(url(enrolment)).status_code == 404
        assert client.post(url(enrolment)).status_code == 404
    with pytest.raises(Enrolment.DoesNotExist):
        services.withdraw_request(user=world["bram"], enrolment_id=enrolment.pk)
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.REQUESTED


def test_signed_out_is_sent_to_log_in(client, world):
    response = client.post(url(world["request"]))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert Enrolment.objects.filter(pk=world["request"].pk).exists()


@pytest.mark.parametrize("enrolment_id", [987654, 99999999999999999999])
def test_an_unknown_request_is_404(client, world, enrolment_id):
    client.force_login(world["anna"])
    assert client.post(f"/mijn/aanvragen/{enrolment_id}/intrekken/").status_code == 404


def test_a_decided_request_cannot_be_withdrawn(client, world):
    enrolment = world["request"]
    services.decide_enrolment(adviser=world["hr"], enrolment_id=enrolment.pk, approve=True)
    client.force_login(world["anna"])
    response = client.post(url(enrolment), follow=True)
    assert "Over je aanvraag is al besloten" in response.content.decode()
    assert client.get(url(enrolment)).status_code == 302
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.ACTIVE
    with pytest.raises(ValidationError):
        services.withdraw_request(user=world["anna"], enrolment_id=enrolment.pk)


def test_hr_deciding_a_withdrawn_request_is_told_so(client, world):
    enrolment = world["request"]
    services.withdraw_request(user=world["anna"], enrolment_id=enrolment.pk)
    client.force_login(world["hr"])
    response = client.post(f"/hr/aanvragen/{enrolment.pk}/", {f"{enrolment.pk}-decision": "approve"})
    assert response.status_code == 404
    assert "Deze aanvraag bestaat niet meer" in response.content.decode()
    with pytest.raises(ValidationError):
        services.decide_enrolment(adviser=world["hr"], enrolment_id=enrolment.pk, approve=True)
