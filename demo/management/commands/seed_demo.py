from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.content.people import PASSWORD
from demo.seeders import seed_demo


class Command(BaseCommand):
    help = "Create the demo organisations, logins and content. Idempotent; refused in production."

    def handle(self, *args, **options):
        if not getattr(settings, "SEED_DEMO_ALLOWED", False):
            raise CommandError("seed_demo is refused with these settings: demo logins never go to production.")
        seed_demo(log=lambda line: self.stdout.write(line))
        self.stdout.write(self.style.SUCCESS(f"Demo content ready. Password of every demo login: {PASSWORD}"))
