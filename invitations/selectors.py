"""Reads for the invitation pages. An adviser sees the invitations and imports of the
organisations they advise, and nothing of any other."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from common.tokens import hash_token
from people.models import User
from people.selectors import organisations_advised_by

from . import rules
from .models import ImportRow, Invitation, InvitationImport

PAGE_SIZE = 50
ROWS_PAGE_SIZE = 100

# The status filters of the list, by the word in the address.
STATUS_SLUGS = {
    "open": Invitation.Status.OPEN,
    "geaccepteerd": Invitation.Status.ACCEPTED,
    "verlopen": Invitation.Status.EXPIRED,
    "ingetrokken": Invitation.Status.REVOKED,
}


def status_filter(status: str) -> Q:
    now = timezone.now()
    pending = Q(accepted_at__isnull=True, revoked_at__isnull=True)
    return {
        Invitation.Status.OPEN: pending & Q(expires_at__gt=now),
        Invitation.Status.ACCEPTED: Q(accepted_at__isnull=False),
        Invitation.Status.EXPIRED: pending & Q(expires_at__lte=now),
        Invitation.Status.REVOKED: Q(revoked_at__isnull=False),
    }[status]


def invitations_visible_to(*, adviser: User) -> QuerySet[Invitation]:
    return Invitation.objects.filter(organisation__in=organisations_advised_by(adviser=adviser))


def invitation_page(*, adviser: User, status_slug: str = "", query: str = "", page_number=None) -> dict:
    """One page of the adviser's invitations, newest first, with the count per status; a fixed
    number of queries whatever the number of invitations."""
    invitations = invitations_visible_to(adviser=adviser)
    counts = invitations.aggregate(
        count_all=Count("pk"),
        **{f"count_{slug}": Count("pk", filter=status_filter(status)) for slug, status in STATUS_SLUGS.items()},
    )
    listed = invitations
    if status_slug in STATUS_SLUGS:
        listed = listed.filter(status_filter(STATUS_SLUGS[status_slug]))
    else:
        status_slug = ""
    if query:
        listed = listed.filter(Q(full_name__icontains=query) | Q(email__icontains=query) | Q(team__icontains=query))
    listed = listed.select_related("organisation").order_by("-sent_at", "-pk")
    page = Paginator(listed, PAGE_SIZE).get_page(page_number)
    return {
        "page_obj": page,
        "status": status_slug,
        "counts": {key.removeprefix("count_"): value for key, value in counts.items()},
    }


def recent_imports(*, adviser: User, limit: int = 5) -> list[InvitationImport]:
    return list(
        InvitationImport.objects.filter(organisation__in=organisations_advised_by(adviser=adviser))
        .select_related("organisation")
        .order_by("-created_at")[:limit]
    )


def advised_import(*, adviser: User, job_id: int) -> InvitationImport | None:
    return (
        InvitationImport.objects.filter(pk=job_id, organisation__in=organisations_advised_by(adviser=adviser))
        .select_related("organisation", "uploaded_by")
        .first()
    )


def advised_invitation(*, adviser: User, invitation_id: int) -> Invitation | None:
    return invitations_visible_to(adviser=adviser).filter(pk=invitation_id).first()


def import_rows_page(*, job: InvitationImport, only_problems: bool, page_number=None) -> Page:
    """A page of an import's rows, each with ``problem_texts`` in the reader's language."""
    rows = ImportRow.objects.filter(job=job).order_by("line")
    if only_problems:
        rows = rows.filter(has_problems=True)
    page = Paginator(rows, ROWS_PAGE_SIZE).get_page(page_number)
    for row in page.object_list:
        row.problem_texts = [rules.describe(problem) for problem in row.problems]
    return page


def invitation_by_token(*, token: str) -> Invitation | None:
    """The invitation of a link, whatever its status."""
    return Invitation.objects.select_related("organisation").filter(token_hash=hash_token(token)).first()
