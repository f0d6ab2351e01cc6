import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from cms.celery import app as celery_app
from people import services as people_services
from privacy import services, tasks
from privacy.models import Departure, Erasure
from provisioning import services as provisioning_services
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory
from tests.provisioning.factories import ProvisionedAccountFactory

from .factories import DepartureFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _left(days_ago: int, *, retention: int = 30, **fields) -> Departure:
    organisation = OrganisationFactory(leaver_retention_days=retention)
    return DepartureFactory(organisation=organisation, left_at=NOW - datetime.timedelta(days=days_ago), **fields)


def test_hr_removing_a_person_records_their_departure(django_capture_on_commit_callbacks):
    adviser = HRAdviserFactory()
    learner = LearnerFactory(organisation=adviser.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        people_services.remove_from_organisation(
            adviser=adviser.user, person=learner.user, organisation=adviser.organisation
        )
    departure = Departure.objects.get(user=learner.user)
    assert departure.organisation == adviser.organisation
    assert departure.how == Departure.How.REMOVED
    # Back in the organisation: no longer a leaver.
    LearnerFactory(user=learner.user, organisation=adviser.organisation)
    assert not Departure.objects.filter(user=learner.user).exists()


def test_the_identity_provider_removing_a_person_records_their_departure(django_capture_on_commit_callbacks):
    account = ProvisionedAccountFactory()
    with django_capture_on_commit_callbacks(execute=True):
        provisioning_services.remove_person(account=account)
    account.refresh_from_db()
    departure = Departure.objects.get(user=account.user, organisation=account.organisation)
    assert departure.how == Departure.How.DEACTIVATED
    assert departure.left_at == account.removed_at


def test_deleting_a_person_leaves_no_departure(django_capture_on_commit_callbacks):
    learner = LearnerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        learner.user.delete()
    assert not Departure.objects.exists()


def test_leavers_past_the_retention_period_are_anonymised():
    due = _left(31, retention=30)
    not_yet = _left(29, retention=30)
    long_kept = _left(400, retention=730)
    assert services.anonymise_leavers(now=NOW) == 1
    assert Erasure.objects.get(user=due.user).reason == Erasure.Reason.RETENTION
    due.user.refresh_from_db()
    assert due.user.full_name == services.ANONYMOUS_NAME
    assert not due.user.is_active
    assert not Erasure.objects.filter(user__in=[not_yet.user, long_kept.user]).exists()
    # Idempotent: the next day's run finds nobody new.
    assert services.anonymise_leavers(now=NOW) == 0


def test_a_leaver_who_still_belongs_elsewhere_is_kept():
    departure = _left(31, retention=30)
    LearnerFactory(user=departure.user)
    assert services.anonymise_leavers(now=NOW) == 0
    assert not Erasure.objects.exists()


def test_every_organisation_left_must_be_past_its_period():
    departure = _left(31, retention=30)
    DepartureFactory(user=departure.user, organisation=OrganisationFactory(leaver_retention_days=90))
    assert services.anonymise_leavers(now=NOW) == 0
    assert services.anonymise_leavers(now=NOW + datetime.timedelta(days=91)) == 1


def test_platform_staff_are_never_anonymised_by_the_job():
    departure = _left(31, retention=30)
    departure.user.is_staff = True
    departure.user.save()
    assert services.anonymise_leavers(now=NOW) == 0


def test_the_jobs_are_scheduled_daily():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    for task in (tasks.anonymise_leavers, tasks.delete_expired_data_exports):
        assert task.name in scheduled
        assert task.name in celery_app.tasks
