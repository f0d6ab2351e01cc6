"""Each entry is kept as long as its organisation's policy says (``audit_retention_days``),
entries about no organisation as long as ``AUDIT_RETENTION_DAYS``; the model changes that
django-auditlog keeps go with their copies. Running the job twice deletes nothing more."""

import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.utils import timezone

from audit import services, tasks
from audit.models import AuditEvent
from tests.audit.factories import AuditEventFactory
from tests.people.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def aged(event: AuditEvent, days: int) -> AuditEvent:
    AuditEvent.objects.filter(pk=event.pk).update(created_at=timezone.now() - datetime.timedelta(days=days))
    if event.log_entry_id:
        LogEntry.objects.filter(pk=event.log_entry_id).update(timestamp=timezone.now() - datetime.timedelta(days=days))
    return event


def test_the_default_is_two_years():
    assert settings.AUDIT_RETENTION_DAYS == services.default_retention_days() == 730


def test_pruning_keeps_each_organisations_period(settings):
    settings.AUDIT_RETENTION_DAYS = 100
    short = OrganisationFactory(audit_retention_days=30)
    long = OrganisationFactory(audit_retention_days=400)
    kept = [
        aged(AuditEventFactory(organisation=short), 29),
        aged(AuditEventFactory(organisation=long), 399),
        aged(AuditEventFactory(organisation=None), 99),
    ]
    gone = [
        aged(AuditEventFactory(organisation=short), 31),
        aged(AuditEventFactory(organisation=long), 401),
        aged(AuditEventFactory(organisation=None), 101),
    ]
    # A membership change: django-auditlog's entry goes with its copy.
    membership = LearnerFactory(organisation=short)
    copy = AuditEvent.objects.get(log_entry__in=LogEntry.objects.get_for_object(membership))
    gone.append(aged(copy, 31))
    # An entry of django-auditlog never copied (from before the audit app) follows the default.
    old_entry = LogEntry.objects.exclude(audit_events__isnull=False).first() or LogEntry.objects.create(
        content_type_id=copy.subject_type_id, object_pk="1", object_repr="oud", action=LogEntry.Action.UPDATE
    )
    AuditEvent.objects.filter(log_entry=old_entry).delete()
    LogEntry.objects.filter(pk=old_entry.pk).update(timestamp=timezone.now() - datetime.timedelta(days=101))

    assert tasks.prune_audit_log() == len(gone)
    remaining = set(AuditEvent.objects.values_list("pk", flat=True))
    assert {event.pk for event in kept} <= remaining
    assert not {event.pk for event in gone} & remaining
    assert not LogEntry.objects.filter(pk__in=[copy.log_entry_id, old_entry.pk]).exists()
    assert tasks.prune_audit_log() == 0, "idempotent"


def test_a_move_between_organisations_is_kept_by_the_one_with_the_longer_period():
    short = OrganisationFactory(audit_retention_days=30)
    long = OrganisationFactory(audit_retention_days=400)
    membership = LearnerFactory(organisation=short)
    membership.organisation = long
    membership.save()
    entry = LogEntry.objects.get_for_object(membership).latest("pk")
    assert set(AuditEvent.objects.filter(log_entry=entry).values_list("organisation", flat=True)) == {
        short.pk,
        long.pk,
    }
    AuditEvent.objects.update(created_at=timezone.now() - datetime.timedelta(days=60))
    services.prune(now=timezone.now())
    assert list(AuditEvent.objects.filter(log_entry=entry).values_list("organisation", flat=True)) == [long.pk]
    assert LogEntry.objects.filter(pk=entry.pk).exists(), "still needed by the longer period"


def test_the_job_runs_every_night():
    schedule = settings.CELERY_BEAT_SCHEDULE["audit-prune"]
    assert schedule["task"] == "audit.tasks.prune_audit_log"


def test_entries_from_before_the_audit_app_are_copied_once():
    from django.core.management import call_command

    organisation = OrganisationFactory()
    membership = LearnerFactory(organisation=organisation)
    AuditEvent.objects.all().delete()
    call_command("copy_auditlog_entries", stdout=io.StringIO())
    call_command("copy_auditlog_entries", stdout=io.StringIO())
    copy = AuditEvent.objects.get(log_entry__in=LogEntry.objects.get_for_object(membership))
    assert copy.organisation == organisation
