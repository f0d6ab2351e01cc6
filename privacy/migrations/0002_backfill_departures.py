"""People whose organisation's identity provider deactivated or removed them before departures
were recorded: their departure counts from when that happened (``removed_at``), or else from
the link's last change."""

from django.db import migrations


def backfill(apps, schema_editor):
    ProvisionedAccount = apps.get_model("provisioning", "ProvisionedAccount")
    Departure = apps.get_model("privacy", "Departure")
    for account in ProvisionedAccount.objects.filter(active=False).iterator():
        Departure.objects.get_or_create(
            user_id=account.user_id,
            organisation_id=account.organisation_id,
            defaults={"how": "deactivated", "left_at": account.removed_at or account.updated_at},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("provisioning", "0001_initial"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
