"""Reads for certificates: the holder's list, HR's lists, and the public lookup."""

import datetime
import functools
import re

from django.conf import settings
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from people.models import Membership, Organisation, User
from people.selectors import organisations_advised_by

from .models import Certificate

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
NUMBER_RE = re.compile(r"^SPIL-\d{4}-\d{4,}-[A-Z2-7]{4}$")


def vouching_organisation(*, user: User) -> Organisation | None:
    """The organisation that vouches for ``user`` on a certificate: the one they are a
    member of. With several, the first of: a learner membership before other roles, then
    the oldest membership, then the lowest id, so the choice is always the same."""
    membership = (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .annotate(
            learner_first=Case(
                When(role=Membership.Role.LEARNER, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("learner_first", "created_at", "pk")
        .first()
    )
    return membership.organisation if membership else None


def may_receive_certificate(*, user: User) -> bool:
    """With CERTIFICATES_MEMBERS_ONLY (the default), certificates go only to members of an
    organisation: an open sign-up under any name gets none."""
    return not settings.CERTIFICATES_MEMBERS_ONLY or vouching_organisation(user=user) is not None


def by_token(token: str) -> Certificate | None:
    if not TOKEN_RE.match(token):
        return None
    try:
        return Certificate.objects.get(token=token)
    except Certificate.DoesNotExist:
        return None


# What the public verification page shows of a certificate, and all it reads: not the signed
# Open Badge, the competencies, the PDF or the reason for a revocation. The page keeps its
# rendering of these values (views.verify), so each one it shows must be read here.
VERIFICATION_FIELDS = (
    "id",
    "number",
    "token",
    "holder_name",
    "organisation_name",
    "achievement",
    "issuing_organisation",
    "issued_at",
    "expires_at",
    "superseded_at",
    "revoked_at",
)


@functools.cache
def _verification_sql() -> str:
    """The query of ``for_verification``, with one parameter (the token), written by the ORM
    once: the page is public and asked for often, and building the same query every time
    cost more than running it."""
    queryset = Certificate.objects.filter(token="").only(*VERIFICATION_FIELDS).order_by()
    sql, _token = queryset.query.sql_with_params()
    return sql


def for_verification(token: str) -> Certificate | None:
    """The certificate behind a public verification link, read afresh on every request (so a
    revocation shows at once), with only the columns the page shows, in one query."""
    if not TOKEN_RE.match(token):
        return None
    return next(iter(Certificate.objects.raw(_verification_sql(), [token])), None)


def surname_matches(holder_name: str, surname: str) -> bool:
    """True when ``surname`` is the last part of the name, tussenvoegsels included or not:
    'de Vries' and 'Vries' both match 'Anna de Vries'."""
    name = " ".join(holder_name.lower().split())
    given = " ".join(surname.lower().split())
    return bool(given) and (name == given or name.endswith(" " + given))


def by_number_and_surname(number: str, surname: str) -> Certificate | None:
    number = number.strip().upper()
    if not NUMBER_RE.match(number):
        return None
    certificate = Certificate.objects.filter(number=number).first()
    if certificate and surname_matches(certificate.holder_name, surname):
        return certificate
    return None


# What the holder's list of certificates shows and links to: not the signed Open Badge, the
# competencies or the description, which are large and shown elsewhere.
HOLDER_LIST_FIELDS = (
    "id",
    "user_id",
    "number",
    "token",
    "achievement",
    "issuing_organisation",
    "issued_at",
    "expires_at",
    "superseded_at",
    "revoked_at",
    "revocation_reason",
    "pdf",
)


def of_holder(*, user: User) -> list[Certificate]:
    """The person's certificates, newest first, with the columns their list shows (a
    certificate keeps its own achievement text, so its track or path is not read)."""
    return list(Certificate.objects.filter(user=user).only(*HOLDER_LIST_FIELDS).order_by("-issued_at"))


def managed_by(*, actor: User) -> QuerySet[Certificate]:
    certificates = Certificate.objects.select_related("user", "track", "path")
    if actor.is_superuser:
        return certificates
    return certificates.filter(user__memberships__organisation__in=organisations_advised_by(adviser=actor)).distinct()


def hr_lists(*, actor: User) -> dict:
    """Issued (latest 50), expiring within 90 days, and revoked, in three queries."""
    now = timezone.now()
    certificates = managed_by(actor=actor)
    return {
        "issued": list(certificates.filter(revoked_at__isnull=True).order_by("-issued_at")[:50]),
        "expiring": list(
            certificates.filter(
                revoked_at__isnull=True,
                superseded_at__isnull=True,
                expires_at__gt=now,
                expires_at__lte=now + datetime.timedelta(days=90),
            ).order_by("expires_at")
        ),
        "revoked": list(certificates.filter(~Q(revoked_at=None)).order_by("-revoked_at")[:50]),
    }
