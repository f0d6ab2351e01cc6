"""Reads about people and organisations. Every feature that shows a person to an HR
adviser asks these functions, so the organisation boundary is drawn in one place."""

import datetime
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext

from .models import Membership, Organisation, User


def organisations_advised_by(*, adviser: User) -> QuerySet[Organisation]:
    """The organisations in which ``adviser`` holds the HR-adviser role."""
    if not adviser.is_authenticated or not adviser.is_active:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=adviser, memberships__role=Membership.Role.HR).distinct()


def users_visible_to_hr(*, adviser: User, organisation: Organisation | None = None) -> QuerySet[User]:
    """The people an HR adviser may see: members of the organisations they advise.

    With ``organisation`` the answer narrows to that one organisation, and is empty when
    the adviser does not advise it.
    """
    organisations = organisations_advised_by(adviser=adviser)
    if organisation is not None:
        organisations = organisations.filter(pk=organisation.pk)
    # A subquery, not a join: a person with several memberships is one row without DISTINCT,
    # which would compare every column of every person (and makes counting a page slow).
    members = Membership.objects.filter(organisation__in=organisations).values("user_id")
    return User.objects.filter(is_active=True, pk__in=members)


def members_of(*, organisations: list[Organisation]) -> QuerySet[User]:
    """``users_visible_to_hr`` for an adviser whose organisations the caller has read already
    with ``organisations_advised_by`` (pass exactly those): the active members of them.

    Their ids go into the query as values. Behind a subquery PostgreSQL cannot tell a ministry
    of 23,000 people from a village of 400 and plans for some 2,500; with the ids it knows, and
    can, say, walk the people by name for the first page of a ministry instead of reading
    every member."""
    members = Membership.objects.filter(organisation__in=[organisation.pk for organisation in organisations])
    return User.objects.filter(is_active=True, pk__in=members.values("user_id"))


def hr_advisers_of(*, person: User) -> QuerySet[User]:
    """The active HR advisers of the organisations ``person`` belongs to (``person`` too,
    if they advise one of them: callers that must leave them out exclude them)."""
    return User.objects.filter(
        is_active=True,
        memberships__role=Membership.Role.HR,
        memberships__organisation__memberships__user=person,
    ).distinct()


def is_hr_adviser(*, user: User) -> bool:
    return organisations_advised_by(adviser=user).exists()


def can_hr_see(*, adviser: User, person: User) -> bool:
    return users_visible_to_hr(adviser=adviser).filter(pk=person.pk).exists()


def roles_of(*, user: User) -> set[str]:
    if not user.is_authenticated:
        return set()
    # Without the memberships' default ordering, which joins the organisation and the person.
    return set(Membership.objects.filter(user=user).order_by().values_list("role", flat=True))


# The HR adviser's people pages (/hr/mensen/).

HR_PEOPLE_PAGE_SIZE = 50
HISTORY_LIMIT = 50


def hr_people(*, adviser: User, query: str = "", team: str = "") -> QuerySet[User]:
    """The people of the adviser's organisations, by name, each with ``hr_memberships``: their
    memberships in those organisations only (with the organisation). ``query`` matches name or
    email address, ``team`` a team in one of those organisations. Three queries for any
    page of it: the count, the people, their memberships."""
    organisations = organisations_advised_by(adviser=adviser)
    people = users_visible_to_hr(adviser=adviser)
    if query:
        people = people.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
    if team:
        in_team = Membership.objects.filter(organisation__in=organisations, team=team)
        people = people.filter(pk__in=in_team.values("user"))
    return people.order_by("full_name", "email", "pk").prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(organisation__in=organisations)
            .select_related("organisation")
            .order_by("organisation__name", "role"),
            to_attr="hr_memberships",
        )
    )


def teams_advised_by(*, adviser: User) -> list[str]:
    """The team names in use in the adviser's organisations, in alphabetical order."""
    teams = (
        Membership.objects.filter(organisation__in=organisations_advised_by(adviser=adviser))
        .exclude(team="")
        .order_by("team")
        .values_list("team", flat=True)
        .distinct()
    )
    return sorted(set(teams), key=str.casefold)


def person_for_hr(*, adviser: User, user_id: int) -> User | None:
    """The person, with ``hr_memberships`` as in ``hr_people``, if the adviser may see them."""
    return hr_people(adviser=adviser).filter(pk=user_id).first()


@dataclass(frozen=True)
class SharedOrganisation:
    """One of the adviser's organisations the person belongs to, with their memberships there."""

    organisation: Organisation
    memberships: list[Membership]

    @property
    def team(self) -> str:
        """The person's team here; with several roles, the team of the first that has one."""
        return next((membership.team for membership in self.memberships if membership.team), "")

    @property
    def roles(self) -> list[str]:
        return [membership.get_role_display() for membership in self.memberships]


def shared_organisations(*, person: User) -> list[SharedOrganisation]:
    """Group a person from ``hr_people`` or ``person_for_hr`` by organisation (no query)."""
    grouped: dict[int, SharedOrganisation] = {}
    for membership in person.hr_memberships:
        organisation = membership.organisation
        grouped.setdefault(organisation.pk, SharedOrganisation(organisation=organisation, memberships=[]))
        grouped[organisation.pk].memberships.append(membership)
    return list(grouped.values())


def removal_refusal(*, adviser: User, person: User, organisation: Organisation) -> str:
    """Why the adviser may not remove the person from the organisation; empty if they may."""
    if person.pk == adviser.pk:
        return gettext(
            "Je kunt jezelf niet uit de organisatie verwijderen. Vraag dat aan een andere HR-adviseur "
            "of aan de beheerder van Spil."
        )
    if not Membership.objects.filter(user=adviser, organisation=organisation, role=Membership.Role.HR).exists():
        return gettext("Je bent geen HR-adviseur van %(organisation)s.") % {"organisation": organisation.name}
    advisers = Membership.objects.filter(organisation=organisation, role=Membership.Role.HR, user__is_active=True)
    if advisers.filter(user=person).exists() and not advisers.exclude(user=person).exists():
        return gettext(
            "%(name)s is de enige HR-adviseur van %(organisation)s. Een organisatie houdt altijd een HR-adviseur."
        ) % {"name": person.get_full_name(), "organisation": organisation.name}
    return ""


@dataclass(frozen=True)
class HistoryEntry:
    timestamp: datetime.datetime
    actor: str
    organisation: str
    description: str


def membership_history(*, adviser: User, person: User, limit: int = HISTORY_LIMIT) -> list[HistoryEntry]:
    """The audit log of the person's memberships in the adviser's organisations, newest
    first: also memberships that were removed since, never those of other organisations."""
    organisations = {organisation.pk: organisation.name for organisation in organisations_advised_by(adviser=adviser)}
    if not organisations:
        return []
    names = list(organisations.values())
    entries = (
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Membership))
        .filter(
            # The person and organisation of the membership after the change, or the
            # organisation it was moved away from (logged by name).
            Q(serialized_data__fields__user=person.pk),
            Q(serialized_data__fields__organisation__in=list(organisations)) | Q(changes__organisation__0__in=names),
        )
        .select_related("actor")
        .order_by("-timestamp", "-pk")[:limit]
    )
    return [
        HistoryEntry(
            timestamp=entry.timestamp,
            actor=actor_name(entry),
            organisation=organisations.get((entry.serialized_data or {}).get("fields", {}).get("organisation"))
            or (entry.changes or {}).get("organisation", [""])[0],
            description=describe_membership_change(entry),
        )
        for entry in entries
    ]


def actor_name(entry: LogEntry) -> str:
    if entry.actor is not None:
        return entry.actor.get_full_name()
    return entry.actor_email or gettext("Spil (automatisch)")


def _role_label(value: str) -> str:
    """The role as a word inside a sentence: 'deelnemer', but 'HR-adviseur'."""
    try:
        label = str(Membership.Role(value).label)
    except ValueError:
        return value
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def describe_membership_change(entry: LogEntry) -> str:
    """One Dutch sentence for a membership entry of the audit log."""
    changes = entry.changes or {}
    state = (entry.serialized_data or {}).get("fields", {})
    role = _role_label(state.get("role", ""))
    if entry.action == LogEntry.Action.CREATE:
        team = state.get("team")
        if team:
            return gettext("Toegevoegd als %(role)s, team '%(team)s'.") % {"role": role, "team": team}
        return gettext("Toegevoegd als %(role)s.") % {"role": role}
    if entry.action == LogEntry.Action.DELETE:
        return gettext("Verwijderd als %(role)s.") % {"role": role}
    sentences = []
    if "role" in changes:
        old, new = changes["role"]
        sentences.append(gettext("Rol van %(old)s naar %(new)s.") % {"old": _role_label(old), "new": _role_label(new)})
    if "team" in changes:
        old, new = changes["team"]
        if not new:
            sentences.append(gettext("Team '%(old)s' weggehaald (%(role)s).") % {"old": old, "role": role})
        elif not old:
            sentences.append(gettext("Team '%(new)s' gegeven (%(role)s).") % {"new": new, "role": role})
        else:
            values = {"old": old, "new": new, "role": role}
            sentences.append(gettext("Team van '%(old)s' naar '%(new)s' (%(role)s).") % values)
    if "organisation" in changes:
        old, new = changes["organisation"]
        sentences.append(gettext("Organisatie van %(old)s naar %(new)s.") % {"old": old, "new": new})
    if "user" in changes:
        old, new = changes["user"]
        sentences.append(gettext("Lidmaatschap van %(old)s overgezet naar %(new)s.") % {"old": old, "new": new})
    return " ".join(sentences) or gettext("Gewijzigd.")
