"""Demo certificate templates, and certificates for the demo's completed tracks."""

from django.db import transaction

from curriculum.models import Enrolment

from .models import Certificate, CertificateTemplate
from .selectors import may_receive_certificate
from .services import certificate_target, issue

TEMPLATES = [
    {
        "name": "Spil (Nederlands)",
        "language": "nl",
        "title": "Certificaat",
        "body": (
            "{naam} heeft op {datum} de leergang {prestatie} met goed gevolg afgerond.\n\n"
            "Studiebelasting: {studiebelasting} uur. Ontwikkelde competenties: {competenties}."
        ),
        "organisation_name": "Spil, leren en loopbaan voor ondersteuners bij de overheid",
        "signatory_name": "Marieke Dekker",
        "signatory_role": "Programmamanager opleidingen",
        "accent_colour": "#24578f",
    },
    {
        "name": "Spil (English)",
        "language": "en",
        "title": "Certificate",
        "body": (
            "{naam} successfully completed the track {prestatie} on {datum}.\n\n"
            "Study load: {studiebelasting} hours. Competencies developed: {competenties}."
        ),
        "organisation_name": "Spil, learning and careers for government support staff",
        "signatory_name": "Marieke Dekker",
        "signatory_role": "Programme manager, learning",
        "accent_colour": "#24578f",
    },
]


@transaction.atomic
def seed_certificates() -> dict:
    for data in TEMPLATES:
        CertificateTemplate.objects.update_or_create(name=data["name"], defaults={**data, "is_default": True})
    issued = 0
    completed = Enrolment.objects.filter(status=Enrolment.Status.COMPLETED).select_related("user", "track")
    for enrolment in completed:
        target = certificate_target(enrolment.track)
        if target is None or not may_receive_certificate(user=enrolment.user):
            continue
        issue(user=enrolment.user, track=target, source_key=f"demo:track:{target.pk}:user:{enrolment.user_id}")
        issued += 1
    return {"templates": len(TEMPLATES), "certificates": Certificate.objects.count(), "for_completed_tracks": issued}
