import factory

from common.tokens import hash_token
from people.models import Membership
from provisioning.models import ProvisionedAccount, ScimToken
from tests.people.factories import OrganisationFactory, UserFactory


class ScimTokenFactory(factory.django.DjangoModelFactory):
    """A token whose secret a test may choose: ``ScimTokenFactory(secret="scim_...")``."""

    class Meta:
        model = ScimToken

    class Params:
        secret = factory.Sequence(lambda n: f"scim_test-secret-{n:04d}-abcdefghijklmnopqrstuvwxyz")

    organisation = factory.SubFactory(OrganisationFactory)
    description = "Microsoft Entra ID"
    prefix = factory.LazyAttribute(lambda token: token.secret[:11])
    token_hash = factory.LazyAttribute(lambda token: hash_token(token.secret))


class ProvisionedAccountFactory(factory.django.DjangoModelFactory):
    """A person linked through SCIM, with the learner membership that goes with it."""

    class Meta:
        model = ProvisionedAccount
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    external_id = factory.Sequence(lambda n: f"entra-{n}")
    active = True

    @factory.post_generation
    def membership(self, create, extracted, **kwargs):
        if create:
            Membership.objects.get_or_create(
                user=self.user, organisation=self.organisation, role=Membership.Role.LEARNER, defaults=kwargs
            )
