"""The certificate templates, written as an editor would. The certificates themselves come from the
learners' completed tracks (see `demo.seeders.histories`)."""

from django.db import transaction

from certificates.models import CertificateTemplate

from ..content import certificates as content


@transaction.atomic
def seed_certificate_templates() -> dict:
    for data in content.TEMPLATES:
        CertificateTemplate.objects.update_or_create(name=data["name"], defaults={**data, "is_default": True})
    return {"templates": len(content.TEMPLATES)}
