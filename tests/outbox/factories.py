import factory
from django.utils import timezone

from outbox.models import Heartbeat, OutboxMessage


class OutboxMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboxMessage

    task_name = "people.tasks.send_email"
    task_id = factory.Faker("uuid4")
    args = factory.Sequence(lambda n: [n])
    last_error = "OperationalError: Error 111 connecting to the broker. Connection refused."


class HeartbeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Heartbeat
        django_get_or_create = ("name",)

    name = "worker"
    beat_at = factory.LazyFunction(timezone.now)
