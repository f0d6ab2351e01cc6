"""The storage scim2-server reads and writes through: one organisation's people, as SCIM
User resources. It translates between SCIM and Spil and leaves every rule to ``services``."""

import hashlib
import uuid
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from scim2_models import (
    InvalidValueException,
    Meta,
    NotFoundException,
    PreconditionFailedException,
    Resource,
    ResourceType,
    ResponseParameters,
    SearchRequest,
    UniquenessException,
)
from scim2_server.storage import ScimStorage, SearchPage

from people.models import Organisation

from . import selectors, services
from .filters import filter_query
from .models import ProvisionedAccount
from .resources import EnterpriseUser, Name, ScimUser


class OrganisationStorage(ScimStorage):
    """The people one organisation's identity provider manages. Nothing else is visible."""

    def __init__(self, *, organisation: Organisation | None):
        """``organisation`` is None only for the ServiceProviderConfig, which reads no people."""
        self.organisation = organisation

    # -- Reads ------------------------------------------------------------------------------

    def get(
        self,
        resource_type: ResourceType,
        resource_id: str,
        *,
        response_parameters: ResponseParameters[Any] | None = None,
    ) -> Resource[Any]:
        return to_resource(self._account(resource_id))

    def search(
        self,
        resource_types: list[ResourceType],
        search_request: SearchRequest[Any],
        *,
        position: Any = None,
    ) -> SearchPage:
        people = selectors.provisioned_people(organisation=self.organisation)
        if search_request.filter is not None:
            people = people.filter(filter_query(search_request.filter))
        total = people.count()
        start = search_request.start_index_0 or 0
        count = search_request.count
        if start >= total or count == 0:
            return SearchPage(total, [])
        page = people[start:] if count is None else people[start : start + count]
        return SearchPage(total, [to_resource(account) for account in page])

    # -- Writes -----------------------------------------------------------------------------

    def create(self, resource_type: ResourceType, resource: Resource[Any]) -> Resource[Any]:
        extension = resource[EnterpriseUser]
        with _as_scim_errors():
            account = services.provision_person(
                organisation=self.organisation,
                email=resource.user_name,
                full_name=resource.display_name or (resource.name.formatted if resource.name else None),
                active=resource.active,
                team=extension.department if extension else None,
                external_id=resource.external_id,
            )
        return self.get(resource_type, str(account.scim_id))

    def update(
        self, resource_type: ResourceType, resource: Resource[Any], *, expected_version: str | None = None
    ) -> Resource[Any]:
        account = self._account(str(resource.id), for_update=True)
        current = to_resource(account)
        if expected_version is not None and current.meta.version != expected_version:
            raise PreconditionFailedException(detail="The person changed in the meantime.")
        extension = resource[EnterpriseUser]
        with _as_scim_errors():
            services.update_person(
                account=account,
                email=resource.user_name,
                full_name=_full_name(current, resource),
                active=resource.active,
                team=(extension.department if extension else None) or "",
                external_id=resource.external_id,
            )
        return self.get(resource_type, str(account.scim_id))

    def delete(self, resource_type: ResourceType, resource_id: str, *, expected_version: str | None = None) -> None:
        account = self._account(resource_id, for_update=True)
        if expected_version is not None and to_resource(account).meta.version != expected_version:
            raise PreconditionFailedException(detail="The person changed in the meantime.")
        services.remove_person(account=account)

    def _account(self, resource_id: str, *, for_update: bool = False) -> ProvisionedAccount:
        try:
            scim_id = uuid.UUID(resource_id)
        except ValueError:
            raise NotFoundException(detail="No such person at this endpoint.") from None
        people = selectors.provisioned_people(organisation=self.organisation)
        if for_update:
            people = people.select_for_update(of=("self",))
        account = people.filter(scim_id=scim_id).first()
        if account is None:
            raise NotFoundException(detail="No such person at this endpoint.")
        return account


def to_resource(account: ProvisionedAccount) -> Resource[Any]:
    """The SCIM User resource of a person, as ``account``'s organisation sees them
    (``account`` comes from ``selectors.provisioned_people``, which adds its team)."""
    user = account.user
    team = account.team
    active = False if account.active is False or not user.is_active else account.active
    resource = ScimUser(
        id=str(account.scim_id),
        external_id=account.external_id or None,
        user_name=user.email,
        name=Name(formatted=user.full_name) if user.full_name else None,
        display_name=user.full_name or None,
        active=active,
    )
    if team:
        resource[EnterpriseUser] = EnterpriseUser(department=team)
    state = repr((resource.id, resource.external_id, user.email, user.full_name, active, team))
    resource.meta = Meta(
        resource_type="User",
        created=account.created_at,
        last_modified=account.updated_at,
        version=f'W/"{hashlib.sha256(state.encode()).hexdigest()[:20]}"',
    )
    return resource


def _full_name(current: Resource[Any], new: Resource[Any]) -> str:
    """``displayName`` and ``name.formatted`` are two names for the one full name Spil keeps.
    The one the request changed wins; ``displayName`` when both changed."""
    display_name = new.display_name or ""
    formatted = (new.name.formatted if new.name else None) or ""
    if display_name != (current.display_name or ""):
        return display_name
    if formatted != ((current.name.formatted if current.name else None) or ""):
        return formatted
    return current.display_name or ""


@contextmanager
def _as_scim_errors():
    """Service errors as the SCIM errors they stand for."""
    try:
        yield
    except ValidationError as error:
        raise InvalidValueException(detail=" ".join(error.messages)) from error
    except services.AccountConflictError as error:
        raise UniquenessException(detail=str(error)) from error
    except IntegrityError as error:  # the same person created twice at the same moment
        raise UniquenessException(detail="This userName is provisioned already.") from error
