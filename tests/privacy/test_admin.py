import pytest

from people.models import ErasureCertificates, Organisation
from tests.people.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_platform_admins_set_an_organisations_retention_and_certificate_policy(client, home_page):
    organisation = OrganisationFactory()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    edit = f"/admin/organisations/edit/{organisation.pk}/"
    # A field missing from the admin's panels would be ignored and keep its default.
    response = client.post(
        edit,
        {
            "name": organisation.name,
            "slug": organisation.slug,
            "kind": organisation.kind,
            "request_decision_days": "14",
            "leaver_retention_days": "90",
            "audit_retention_days": "365",
            "erasure_certificates": "revoke",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(pk=organisation.pk)
    assert organisation.leaver_retention_days == 90
    assert organisation.audit_retention_days == 365
    assert organisation.erasure_certificates == ErasureCertificates.REVOKE
