import datetime

import factory
from django.utils import timezone

from common.tokens import hash_token, new_token
from invitations.models import ImportRow, Invitation, InvitationImport
from tests.people.factories import HRAdviserFactory, OrganisationFactory


class InvitationImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InvitationImport

    organisation = factory.SubFactory(OrganisationFactory)
    uploaded_by = factory.LazyAttribute(lambda job: HRAdviserFactory(organisation=job.organisation).user)
    file_name = "mensen.csv"
    row_count = 1
    total = 1


class ImportRowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRow

    job = factory.SubFactory(InvitationImportFactory)
    line = factory.Sequence(lambda n: n + 2)
    full_name = factory.Sequence(lambda n: f"Genodigde {n:05d} Jansen")
    email = factory.Sequence(lambda n: f"rij{n}@example.org")
    team = "Programmabureau"


class InvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation; ``with_link`` also gives the token of its link."""

    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"genodigde{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Genodigde {n:05d} de Wit")
    team = "Programmabureau"
    token_hash = factory.LazyFunction(lambda: hash_token(new_token()))
    invited_by = factory.LazyAttribute(lambda invitation: HRAdviserFactory(organisation=invitation.organisation).user)
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))


def with_link(**fields) -> tuple[Invitation, str]:
    """An invitation and the token of its link (only the hash is stored)."""
    token = new_token()
    return InvitationFactory(token_hash=hash_token(token), **fields), token
