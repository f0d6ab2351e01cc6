"""The organisations and logins. Accounts are made as `createsuperuser` makes them; memberships go
through `people.services.add_membership`."""

from allauth.account.models import EmailAddress
from django.db import transaction

from people.models import Organisation, User
from people.services import add_membership

from ..content import people as content


@transaction.atomic
def seed_people() -> dict[str, User]:
    organisations = {}
    for name, slug, kind in content.ORGANISATIONS:
        organisations[slug], _ = Organisation.objects.update_or_create(slug=slug, defaults={"name": name, "kind": kind})
    users = {}
    for email, full_name, memberships, superuser in content.LOGINS:
        user = User.objects.filter(email=email).first()
        if user is None:
            create = User.objects.create_superuser if superuser else User.objects.create_user
            user = create(email=email, password=content.PASSWORD, full_name=full_name)
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        for slug, role, team in memberships:
            add_membership(user=user, organisation=organisations[slug], role=role, team=team)
        users[email] = user
    return users
