from django.core.management.base import BaseCommand

from cms.services import ensure_site


class Command(BaseCommand):
    help = "Create Spil's home page, default Site and accessibility statement if missing. Idempotent."

    def handle(self, *args, **options):
        home = ensure_site()
        self.stdout.write(self.style.SUCCESS(f"Site ready: {home.title}"))
