"""scim2-tester, the conformance checker of the python-scim project, against a real server
(pytest-django's live_server) with a real token of one organisation."""

import uuid

import httpx2
import pytest
import scim2_tester.checkers.patch_add
import scim2_tester.checkers.patch_replace
import scim2_tester.filling
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_tester import Status, check_server

from people.models import Membership, User
from provisioning import services
from provisioning.models import ProvisionedAccount
from tests.people.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)

FAILED = {Status.ERROR, Status.CRITICAL}


@pytest.fixture
def email_user_names(monkeypatch):
    """scim2-tester fills every string with a random UUID. Spil's userName is the email
    address a person signs in with, so it gets a random address instead."""
    random_value = scim2_tester.filling.generate_random_value

    def generate_random_value(context, path, *args, **kwargs):
        if str(path).rpartition(":")[2] == "userName":
            return f"{uuid.uuid4().hex}@example.org"
        return random_value(context, path, *args, **kwargs)

    for module in (scim2_tester.filling, scim2_tester.checkers.patch_add, scim2_tester.checkers.patch_replace):
        monkeypatch.setattr(module, "generate_random_value", generate_random_value)


def test_scim2_tester_passes(live_server, email_user_names):
    organisation = OrganisationFactory(slug="zeist")
    bystander = LearnerFactory(organisation=OrganisationFactory(slug="utrecht")).user
    _token, secret = services.create_token(organisation=organisation, description="scim2-tester", created_by=None)
    http = httpx2.Client(
        base_url=f"{live_server.url}/scim/v2/zeist", headers={"Authorization": f"Bearer {secret}"}, timeout=30
    )
    with http:
        results = check_server(SyncSCIMClient(http))

    failures = [
        f"{result.title} ({result.resource_type}): {result.reason}" for result in results if result.status in FAILED
    ]
    assert not failures, "\n".join(failures)
    passed = {result.title for result in results if result.status == Status.SUCCESS}
    # What Spil supports was really exercised, not skipped.
    assert {
        "service_provider_config_endpoint",
        "query_all_resource_types",
        "query_all_schemas",
        "service_provider_config_endpoint_methods",
        "query_resource_type_by_id",
        "resource_types_schema_validation",
        "access_invalid_resource_type",
        "access_schema_by_id",
        "access_invalid_schema",
        "object_creation",
        "object_query",
        "object_query_without_id",
        "object_query_with_attributes",
        "object_list_with_attributes",
        "search_with_attributes",
        "object_replacement",
        "object_deletion",
        "check_add_attribute",
        "check_remove_attribute",
        "check_replace_attribute",
        "random_url",
    } <= passed, sorted(passed)
    # Everyone the tester made was removed again by it: deactivated, not deleted.
    made = ProvisionedAccount.objects.filter(organisation=organisation)
    assert made.exists()
    assert not made.filter(removed_at__isnull=True).exists()
    assert not User.objects.filter(provisioned_accounts__in=made, is_active=True).exists()
    assert Membership.objects.filter(organisation=organisation).count() == made.count()
    # The other organisation's person was neither seen nor touched.
    bystander.refresh_from_db()
    assert bystander.is_active
    assert not bystander.provisioned_accounts.exists()
