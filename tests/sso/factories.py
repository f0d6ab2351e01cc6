import factory

from sso import services
from sso.models import IdentityProvider, OrganisationDomain
from tests.people.factories import OrganisationFactory

CLIENT_SECRET = "een-lang-clientgeheim-voor-tests-0123456789"


class OrganisationDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationDomain
        django_get_or_create = ("domain",)

    organisation = factory.SubFactory(OrganisationFactory)
    domain = factory.Sequence(lambda n: f"gemeente{n}.example.org")


class IdentityProviderFactory(factory.django.DjangoModelFactory):
    """An organisation's identity provider with its allauth SocialApp, allowing the
    organisation's domains (one is made if it has none)."""

    class Meta:
        model = IdentityProvider
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    issuer = factory.Sequence(lambda n: f"https://login{n}.example.org")
    client_id = factory.Sequence(lambda n: f"spil-{n}")

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        if not create:
            return
        domains = list(extracted) if extracted is not None else list(self.organisation.email_domains.all())
        if extracted is None and not domains:
            domains = [OrganisationDomainFactory(organisation=self.organisation)]
        self.allowed_domains.set(domains)
        services.save_identity_provider(identity_provider=self, secret=kwargs.get("secret", CLIENT_SECRET))
