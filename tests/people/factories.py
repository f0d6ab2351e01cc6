import factory
from allauth.account.models import EmailAddress

from people.models import Membership, Organisation, OutgoingEmail, User

PASSWORD = "een-goed-wachtwoord-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    # Unique, plain names: no apostrophe to be escaped in HTML, no name inside another.
    full_name = factory.Sequence(lambda n: f"Persoon {n:05d} de Vries")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Gemeente Voorbeeld {n}")
    slug = factory.Sequence(lambda n: f"voorbeeld-{n}")
    kind = Organisation.Kind.GEMEENTE


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.LEARNER


class LearnerFactory(MembershipFactory):
    role = Membership.Role.LEARNER


class HRAdviserFactory(MembershipFactory):
    role = Membership.Role.HR
    team = "P&O"


class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutgoingEmail

    to = factory.Sequence(lambda n: f"ontvanger{n}@example.org")
    subject = "Welkom bij Spil"
    body_text = "Fijn dat je er bent."
