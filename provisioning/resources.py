"""What Spil's SCIM endpoint serves, described with scim2-models.

The schemas hold only the attributes Spil stores, so a client never writes a value that is
silently dropped on the way in, and scim2-tester checks exactly what is kept:

| SCIM attribute | in Spil |
| --- | --- |
| ``userName`` (required) | the account's email address, the login |
| ``displayName``, ``name.formatted`` | the account's full name (one value, two names for it) |
| ``active`` | can the person sign in (see ``services.govern_active``) |
| ``externalId`` | kept per organisation on ``ProvisionedAccount`` |
| enterprise ``department`` | the team of the person's memberships of the organisation |

Attributes of the core User schema that Spil does not keep (``emails``, ``name.givenName``,
phone numbers, ...) are ignored on the way in (``ScimPolicy.Unknown.ignore``), as identity
providers such as Microsoft Entra ID send them by default.
"""

from typing import Annotated, Any

from scim2_models import (
    URN,
    AnyExtension,
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    ComplexAttribute,
    ETag,
    Extension,
    Filter,
    Patch,
    Required,
    Resource,
    ResourceType,
    ScimPolicy,
    ScimProvider,
    ServiceProviderConfig,
    Sort,
    Uniqueness,
)

MAX_RESULTS = 200


class Name(ComplexAttribute):
    """The person's name."""

    formatted: str | None = None
    """The full name, as it appears on a certificate."""


class EnterpriseUser(Extension):
    """The part of the enterprise extension that Spil keeps: the department, which is the
    person's team in the organisation."""

    __schema__ = URN("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")

    department: str | None = None
    """The team or department, e.g. 'Programmabureau'."""


class User(Resource[AnyExtension]):
    """A person in Spil, as one organisation sees them."""

    __schema__ = URN("urn:ietf:params:scim:schemas:core:2.0:User")

    user_name: Annotated[str | None, Uniqueness.server, Required.true] = None
    """The email address the person signs in with."""

    name: Name | None = None
    """The person's name."""

    display_name: str | None = None
    """The person's full name, as it appears on a certificate."""

    active: bool | None = None
    """Whether the person can sign in."""


ScimUser: Any = User[EnterpriseUser]
"""The model of the resources at ``/Users``: a User with the enterprise extension."""

USER_RESOURCE_TYPE = ResourceType.from_resource(ScimUser).model_copy(update={"description": "People"})

SERVICE_PROVIDER_CONFIG = ServiceProviderConfig(
    patch=Patch(supported=True),
    bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
    filter=Filter(supported=True, max_results=MAX_RESULTS),
    change_password=ChangePassword(supported=False),
    sort=Sort(supported=False),
    etag=ETag(supported=False),
    authentication_schemes=[
        AuthenticationScheme(
            type=AuthenticationScheme.Type.oauthbearertoken,
            name="Bearer token",
            description="A token per organisation, made by the platform admin in Spil's admin.",
            primary=True,
        )
    ],
)

# Microsoft Entra ID's ways, accepted: attributes Spil does not keep are dropped, a PATCH
# "remove" may carry the value to remove, and replacing emails[type eq "work"].value adds
# the entry when there is none (only matters where the schema has such lists).
POLICY = ScimPolicy(
    unknown=ScimPolicy.Unknown.ignore,
    remove_value_as_filter=ScimPolicy.RemoveValue.apply,
    unmatched_path_filter=ScimPolicy.UnmatchedPathFilter.create,
)

PROVIDER = ScimProvider(
    models=[User, EnterpriseUser],
    resource_types=[USER_RESOURCE_TYPE],
    config=SERVICE_PROVIDER_CONFIG,
    policy=POLICY,
)
