import factory
from django.utils import timezone

from privacy.models import DataExport, Departure, Erasure
from tests.people.factories import OrganisationFactory, UserFactory


class DataExportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataExport

    user = factory.SubFactory(UserFactory)
    filename = "spil-mijn-gegevens-2026-12-02.zip"


class DepartureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Departure

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    left_at = factory.LazyFunction(timezone.now)
    how = Departure.How.REMOVED


class ErasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Erasure

    user = factory.SubFactory(UserFactory, is_active=False)
    reason = Erasure.Reason.REQUEST
