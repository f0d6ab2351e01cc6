import factory

from audit.models import Action, AuditEvent
from tests.people.factories import OrganisationFactory, UserFactory


class AuditEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditEvent

    action = Action.LOGIN
    actor = factory.SubFactory(UserFactory)
    actor_label = factory.LazyAttribute(lambda event: event.actor.email if event.actor else "")
    organisation = factory.SubFactory(OrganisationFactory)
    path = "/accounts/login/"
    ip_prefix = "192.0.2.0/24"
