"""How many days HR has to decide a request: set per organisation, by its HR adviser on
/hr/aanvragen/termijn/ (their own organisations only) and by the platform admin in the
Wagtail admin; from 1 to 90 days, 14 unless set."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from curriculum import services
from people.models import Organisation, User
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

URL = "/hr/aanvragen/termijn/"
RANGE_ERROR = "Kies een aantal dagen van 1 tot en met 90."
NOT_YOURS = "Je stelt alleen de termijn in van organisaties waarvan je HR-adviseur bent."


@pytest.fixture
def world():
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    utrecht = OrganisationFactory(name="Gemeente Utrecht", slug="utrecht")
    elsewhere = OrganisationFactory(name="Provincie Elders", slug="elders")
    adviser = HRAdviserFactory(organisation=zeist).user
    HRAdviserFactory(user=adviser, organisation=utrecht)
    return {"zeist": zeist, "utrecht": utrecht, "elsewhere": elsewhere, "adviser": adviser}


def days_of(*organisations) -> list[int]:
    return [Organisation.objects.get(pk=o.pk).request_decision_days for o in organisations]


def field(organisation) -> str:
    return f"termijn-{organisation.pk}"


def test_two_weeks_unless_set():
    assert OrganisationFactory().request_decision_days == 14


def test_an_adviser_of_two_organisations_sets_each(client, world):
    client.force_login(world["adviser"])
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'name="{field(world["zeist"])}"' in html
    assert f'name="{field(world["utrecht"])}"' in html
    assert f'name="{field(world["elsewhere"])}"' not in html
    assert "Gemeente Zeist" in html
    assert "Gemeente Utrecht" in html
    assert 'href="/hr/aanvragen/termijn/"' in client.get("/hr/aanvragen/").content.decode()

    response = client.post(URL, {field(world["zeist"]): "10", field(world["utrecht"]): " 21 "})
    assert response.status_code == 302
    assert response["Location"] == "/hr/aanvragen/"
    assert days_of(world["zeist"], world["utrecht"]) == [10, 21]


def test_another_organisations_id_is_refused(client, world):
    client.force_login(world["adviser"])
    response = client.post(
        URL, {field(world["zeist"]): "10", field(world["utrecht"]): "21", field(world["elsewhere"]): "1"}
    )
    assert response.status_code == 400
    assert NOT_YOURS in response.content.decode()
    assert days_of(world["zeist"], world["utrecht"], world["elsewhere"]) == [14, 14, 14]
    for key in ("termijn-abc", "termijn-99999999999999999999"):
        response = client.post(URL, {field(world["zeist"]): "10", field(world["utrecht"]): "21", key: "1"})
        assert response.status_code == 400
        assert NOT_YOURS in response.content.decode()
    assert days_of(world["zeist"]) == [14]


def test_the_service_refuses_another_organisation_too(world):
    with pytest.raises(PermissionDenied):
        services.set_request_decision_days(adviser=world["adviser"], days={world["elsewhere"].pk: 7})
    with pytest.raises(ValidationError):
        services.set_request_decision_days(adviser=world["adviser"], days={world["zeist"].pk: 0})
    assert days_of(world["elsewhere"], world["zeist"]) == [14, 14]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("veertien", "Vul een heel getal in, bijvoorbeeld 14."),
        ("7.5", "Vul een heel getal in, bijvoorbeeld 14."),
        ("0", RANGE_ERROR),
        ("-3", RANGE_ERROR),
        ("91", RANGE_ERROR),
        ("100000", RANGE_ERROR),
        ("99999999999999999999999999", RANGE_ERROR),
        ("", "Vul het aantal dagen in."),
    ],
)
def test_a_wrong_number_is_refused_in_dutch(client, world, value, message):
    client.force_login(world["adviser"])
    response = client.post(URL, {field(world["zeist"]): value, field(world["utrecht"]): "21"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert days_of(world["zeist"], world["utrecht"]) == [14, 14], "nothing saved, not even the valid field"


def test_only_advisers(client, world):
    client.force_login(LearnerFactory(organisation=world["zeist"]).user)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {field(world["zeist"]): "1"}).status_code == 403
    client.logout()
    assert client.get(URL)["Location"].startswith("/accounts/login/")
    assert days_of(world["zeist"]) == [14]


def test_the_database_refuses_out_of_range_days(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(pk=world["zeist"].pk).update(request_decision_days=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(pk=world["zeist"].pk).update(request_decision_days=91)


def test_the_platform_admin_sets_it_in_the_wagtail_admin(client, world):
    admin = User.objects.create_superuser(email="beheer@example.org", password="x" * 16, full_name="Beheer")
    client.force_login(admin)
    edit = f"/admin/organisations/edit/{world['elsewhere'].pk}/"
    page = client.get(edit)
    assert page.status_code == 200
    assert 'name="request_decision_days"' in page.content.decode()
    data = {
        "name": "Provincie Elders",
        "slug": "elders",
        "kind": "provincie",
        "leaver_retention_days": "730",
        "audit_retention_days": "730",
        "erasure_certificates": "keep",
    }

    refused = client.post(edit, {**data, "request_decision_days": "0"})
    assert refused.status_code == 200
    assert days_of(world["elsewhere"]) == [14]

    assert client.post(edit, {**data, "request_decision_days": "30"}).status_code == 302
    assert days_of(world["elsewhere"]) == [30]
