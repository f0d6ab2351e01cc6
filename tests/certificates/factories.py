import factory

from certificates.models import Certificate, CertificateTemplate, ExpiryReminder, RerenderBatch, StatusList
from tests.curriculum.factories import LearningTrackPageFactory
from tests.people.factories import UserFactory


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateTemplate

    name = factory.Sequence(lambda n: f"Sjabloon {n}")
    body = "Hierbij verklaren wij dat {naam} op {datum} de leergang {prestatie} heeft afgerond."
    organisation_name = "Spil"
    signatory_name = "Beheer Spil"
    signatory_role = "Namens de deelnemende organisaties"


class CertificateFactory(factory.django.DjangoModelFactory):
    """A certificate for a track, with the words copied in as ``certificates.services.issue``
    does; no PDF yet."""

    class Meta:
        model = Certificate

    number = factory.Sequence(lambda n: f"SPIL-2026-{n:04d}-TEST")
    source_key = factory.Sequence(lambda n: f"test:{n}")
    user = factory.SubFactory(UserFactory)
    track = factory.SubFactory(LearningTrackPageFactory, leads_to_certificate=True)
    template = factory.SubFactory(CertificateTemplateFactory)
    holder_name = factory.SelfAttribute("user.full_name")
    achievement = factory.SelfAttribute("track.title")
    achievement_description = factory.SelfAttribute("track.summary")
    study_load_hours = factory.SelfAttribute("track.study_load_hours")
    issuing_organisation = factory.SelfAttribute("template.organisation_name")


class ExpiryReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpiryReminder

    certificate = factory.SubFactory(CertificateFactory)
    days_before = 60


class RerenderBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RerenderBatch

    template = factory.SubFactory(CertificateTemplateFactory)
    requested_by = factory.SubFactory(UserFactory)


class StatusListFactory(factory.django.DjangoModelFactory):
    """An empty revocation list, not yet signed (``certificates.statuslist.publish`` signs it)."""

    class Meta:
        model = StatusList
