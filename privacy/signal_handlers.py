"""When someone leaves an organisation, and comes back: the departures the retention period
counts from. A membership removed (by HR, the admin or a shell) or an account the
organisation's identity provider deactivated or removed is a departure; a new membership or a
reactivation takes it back.

Departures are written after the commit: a membership deleted because its person or its
organisation is being deleted leaves no departure behind."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .models import Departure


def membership_removed(sender, instance, **kwargs):
    from people.models import Membership

    from . import services

    user_id, organisation_id = instance.user_id, instance.organisation_id
    left_at = timezone.now()

    def record():
        if not Membership.objects.filter(user_id=user_id, organisation_id=organisation_id).exists():
            services.record_departure(
                user_id=user_id, organisation_id=organisation_id, how=Departure.How.REMOVED, left_at=left_at
            )

    transaction.on_commit(record)


def membership_saved(sender, instance, created, **kwargs):
    from . import services

    if created:
        services.clear_departure(user_id=instance.user_id, organisation_id=instance.organisation_id)


def provisioned_account_saved(sender, instance, **kwargs):
    from . import services

    user_id, organisation_id = instance.user_id, instance.organisation_id
    if instance.active is False:
        left_at = instance.removed_at or timezone.now()
        transaction.on_commit(
            lambda: services.record_departure(
                user_id=user_id, organisation_id=organisation_id, how=Departure.How.DEACTIVATED, left_at=left_at
            )
        )
    else:
        services.clear_departure(user_id=user_id, organisation_id=organisation_id, how=Departure.How.DEACTIVATED)


def connect() -> None:
    from people.models import Membership
    from provisioning.models import ProvisionedAccount

    post_delete.connect(membership_removed, sender=Membership, dispatch_uid="privacy_membership_removed")
    post_save.connect(membership_saved, sender=Membership, dispatch_uid="privacy_membership_saved")
    post_save.connect(
        provisioned_account_saved, sender=ProvisionedAccount, dispatch_uid="privacy_provisioned_account_saved"
    )
