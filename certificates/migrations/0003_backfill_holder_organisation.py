"""Record the organisation of the holder on certificates issued before it was recorded:
the same choice the issuing service makes (a learner membership first, then the oldest).
Holders without a membership keep none."""

from django.db import migrations


def backfill(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    Membership = apps.get_model("people", "Membership")
    for certificate in Certificate.objects.filter(organisation__isnull=True).iterator():
        memberships = list(
            Membership.objects.filter(user_id=certificate.user_id)
            .select_related("organisation")
            .order_by("created_at", "pk")
        )
        memberships.sort(key=lambda membership: membership.role != "learner")
        if memberships:
            organisation = memberships[0].organisation
            Certificate.objects.filter(pk=certificate.pk).update(
                organisation=organisation, organisation_name=organisation.name
            )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0002_holder_organisation"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
