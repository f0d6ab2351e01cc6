import json

import pytest

from tests.people.factories import OrganisationFactory

from .factories import ScimTokenFactory

USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


class Scim:
    """Django's test client speaking SCIM to one organisation's endpoint with a bearer token."""

    def __init__(self, client, organisation, secret):
        self.client = client
        self.base = f"/scim/v2/{organisation.slug}"
        self.secret = secret

    def request(self, method, path, body=None, *, secret=None, base=None, content_type="application/scim+json"):
        if body is None:
            data = ""
        elif isinstance(body, bytes | str):
            data = body
        else:
            data = json.dumps(body)
        headers = {"authorization": f"Bearer {self.secret if secret is None else secret}"}
        return self.client.generic(
            method.upper(), f"{base or self.base}{path}", data=data, content_type=content_type, headers=headers
        )

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, body, **kwargs):
        return self.request("POST", path, body, **kwargs)

    def put(self, path, body, **kwargs):
        return self.request("PUT", path, body, **kwargs)

    def patch(self, path, *operations, **kwargs):
        return self.request("PATCH", path, {"schemas": [PATCH_OP], "Operations": list(operations)}, **kwargs)

    def delete(self, path, **kwargs):
        return self.request("DELETE", path, **kwargs)

    def create(self, email, **attributes):
        response = self.post("/Users", {"schemas": [USER_SCHEMA], "userName": email, **attributes})
        assert response.status_code == 201, response.content
        return response.json()


@pytest.fixture
def zeist(db):
    return OrganisationFactory(name="Gemeente Zeist", slug="zeist")


@pytest.fixture
def utrecht(db):
    return OrganisationFactory(name="Gemeente Utrecht", slug="utrecht")


@pytest.fixture
def scim(client, zeist):
    ScimTokenFactory(organisation=zeist, secret="scim_zeist-secret-for-tests-0123456789abcdef")
    return Scim(client, zeist, "scim_zeist-secret-for-tests-0123456789abcdef")


@pytest.fixture
def scim_utrecht(client, utrecht):
    ScimTokenFactory(organisation=utrecht, secret="scim_utrecht-secret-for-tests-0123456789abcdef")
    return Scim(client, utrecht, "scim_utrecht-secret-for-tests-0123456789abcdef")
