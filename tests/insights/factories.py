import factory

from insights.models import ExportJob
from tests.people.factories import HRAdviserFactory


class ExportJobFactory(factory.django.DjangoModelFactory):
    """A background export of one table of an adviser's HR dashboard, still queued."""

    class Meta:
        model = ExportJob

    adviser = factory.LazyAttribute(lambda _: HRAdviserFactory().user)
    organisation_ids = factory.LazyAttribute(lambda job: [m.organisation_id for m in job.adviser.memberships.all()])
    table_key = "te-laat"
    format = ExportJob.Format.CSV
    scope_query = factory.LazyFunction(lambda: {"periode": "alles"})
    filename = "spil-te-laat.csv"
