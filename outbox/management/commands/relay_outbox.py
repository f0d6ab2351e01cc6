from django.core.management.base import BaseCommand

from outbox import services


class Command(BaseCommand):
    help = "Send the tasks the outbox kept while the broker was unavailable."

    def handle(self, *args, **options):
        sent = services.relay()
        left = services.OutboxMessage.objects.count()
        self.stdout.write(f"{sent} sent, {left} left")
        return None
