"""Reads for privacy: a person's own exports, and the leavers whose records are due."""

import datetime

from django.db.models import DateTimeField, Exists, ExpressionWrapper, F, OuterRef, QuerySet

from people.models import Membership, User

from .models import KEEP_EXPORTS, DataExport, Departure


def export_for(*, user: User, export_id: int) -> DataExport | None:
    """The export if it is the person's own; None for anyone else's (the view answers 404)."""
    if not user.is_authenticated:
        return None
    return DataExport.objects.filter(pk=export_id, user=user).first()


def pending_export(*, user: User) -> DataExport | None:
    return (
        DataExport.objects.filter(user=user, status__in=[DataExport.Status.QUEUED, DataExport.Status.RUNNING])
        .order_by("-created_at")
        .first()
    )


def recent_exports(*, user: User, now: datetime.datetime, limit: int = 10) -> list[DataExport]:
    return list(DataExport.objects.filter(user=user, created_at__gte=now - 2 * KEEP_EXPORTS)[:limit])


def departures_with_due_date() -> QuerySet[Departure]:
    """Departures with ``due_at``: when the organisation's retention period for them ends."""
    return Departure.objects.annotate(
        due_at=ExpressionWrapper(
            F("left_at") + F("organisation__leaver_retention_days") * datetime.timedelta(days=1),
            output_field=DateTimeField(),
        )
    )


def leavers_due(*, now: datetime.datetime) -> QuerySet[User]:
    """People whose records are due for anonymising: not erased yet, no platform staff, every
    organisation they left keeps leavers' records for less time than has passed, and no
    organisation they still belong to (a membership without a departure)."""
    departures = departures_with_due_date()
    still_a_member = Membership.objects.filter(user=OuterRef("pk")).exclude(
        Exists(Departure.objects.filter(user=OuterRef("user"), organisation=OuterRef("organisation")))
    )
    return (
        User.objects.filter(erasure__isnull=True, is_staff=False, is_superuser=False)
        .filter(Exists(departures.filter(user=OuterRef("pk"), due_at__lte=now)))
        .exclude(Exists(departures.filter(user=OuterRef("pk"), due_at__gt=now)))
        .exclude(Exists(still_a_member))
        .order_by("pk")
    )
