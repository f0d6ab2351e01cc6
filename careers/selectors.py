"""Reads for role profiles, the career map, career records and development conversations."""

from django.db.models import Exists, F, OuterRef
from django.utils.translation import gettext

from people.models import Membership, Organisation, User
from people.selectors import can_hr_see, hr_advisers_of, members_of, users_visible_to_hr

from .models import (
    CareerPath,
    CareerStep,
    CurrentRole,
    DevelopmentConversation,
    Family,
    RoleProfileIndexPage,
    RoleProfilePage,
)

# Project support sits between PMO and management support: most steps lead from it to
# PMO and into it from management support, so the map draws them between neighbours.
FAMILY_ORDER = [Family.PMO, Family.PROJECT_SUPPORT, Family.MANAGEMENT_SUPPORT]


def live_profiles():
    return RoleProfilePage.objects.live().order_by("family", "title")


def profile_choices() -> list[tuple[int, str]]:
    """The live role profiles as a form lists them to choose from: (id, title), in the
    order of ``careers.forms.profile_field``, so several forms on a page share one query."""
    return list(live_profiles().values_list("pk", "title"))


def ladder_sorted(profiles) -> list[RoleProfilePage]:
    """Lowest rung first within a family."""
    return sorted(profiles, key=lambda p: (p.rank, p.title))


def profiles_by_family(*, index: RoleProfileIndexPage) -> list[tuple[str, list[RoleProfilePage]]]:
    profiles = list(live_profiles().child_of(index))
    return [
        (family.label, ladder_sorted(p for p in profiles if p.family == family))
        for family in FAMILY_ORDER
        if any(p.family == family for p in profiles)
    ]


def profile_page_data(*, profile: RoleProfilePage) -> dict:
    """Everything a role profile page shows, in a fixed number of queries.

    It reads the requirements and methods through the page's own relations, so the admin's
    preview shows the rows being edited (held in memory, on a page that may not be saved
    yet); only the career paths, which are not edited on the page, come from the database."""
    from .charts import requirement_chart

    requirements = sorted(
        profile.requirements.all().select_related("competency"),
        key=lambda r: (r.competency.cluster, r.competency.name),
    )
    paths_in, paths_out = [], []
    if profile.pk is not None:
        paths = CareerPath.objects.select_related("from_profile", "to_profile")
        paths_in = [p for p in paths.filter(to_profile=profile) if p.from_profile.live]
        paths_out = [p for p in paths.filter(from_profile=profile) if p.to_profile.live]
    return {
        "requirements": requirements,
        "chart": requirement_chart(requirements),
        "methods": list(profile.methods.all()),
        "paths_in": paths_in,
        "paths_out": paths_out,
    }


def career_map() -> dict:
    """The role profiles laid out per family column, highest rung on top, and the steps
    between them. Two queries, whatever the number of profiles."""
    from .charts import career_map_layout

    profiles = list(live_profiles())
    live_ids = {p.pk for p in profiles}
    paths = [
        p
        for p in CareerPath.objects.select_related("from_profile", "to_profile")
        if p.from_profile_id in live_ids and p.to_profile_id in live_ids
    ]
    columns = [ladder_sorted(p for p in profiles if p.family == family) for family in FAMILY_ORDER]
    return career_map_layout(columns=columns, family_labels=[f.label for f in FAMILY_ORDER], paths=paths)


def can_view_career_record(*, viewer: User, person: User) -> bool:
    if not viewer.is_authenticated:
        return False
    return viewer.pk == person.pk or can_hr_see(adviser=viewer, person=person)


def career_record(*, person: User) -> dict:
    current = CurrentRole.objects.select_related("profile", "confirmed_by").filter(user=person).first()
    steps = list(CareerStep.objects.filter(user=person).select_related("from_profile", "to_profile", "recorded_by"))
    return {"person": person, "current": current, "steps": steps}


def next_steps_for(*, profile: RoleProfilePage | None) -> list[CareerPath]:
    if profile is None:
        return []
    return list(CareerPath.objects.filter(from_profile=profile, to_profile__live=True).select_related("to_profile"))


# A role profile as a learner's own pages show it: its title, and its url_path for its link;
# a person who confirmed or recorded something: their name.
PROFILE_LINK_FIELDS = ("title", "url_path")
PERSON_NAME_FIELDS = ("full_name", "email")


def _only_shown(queryset, *, fields: tuple[str, ...], profiles: tuple[str, ...] = (), people: tuple[str, ...] = ()):
    """``queryset`` with only ``fields`` of its own, the title and link of the role profiles
    and the name of the people it relates to: a page row is wide, and a learner's own pages
    read few of its columns."""
    related = [(relation, PROFILE_LINK_FIELDS) for relation in profiles]
    related += [(relation, PERSON_NAME_FIELDS) for relation in people]
    columns = [f"{relation}__{field}" for relation, names in related for field in names]
    return queryset.select_related(*profiles, *people).only(*fields, *columns)


def next_step_links(*, profile_id: int) -> list[CareerPath]:
    """The live next steps from a role profile, as the learner's own pages list them: the
    step's kind and description, the role's title and link (``next_steps_for`` with fewer
    columns and joins)."""
    paths = CareerPath.objects.filter(from_profile_id=profile_id, to_profile__live=True).order_by("to_profile__title")
    fields = ("id", "from_profile_id", "to_profile_id", "kind", "description")
    return list(_only_shown(paths, fields=fields, profiles=("to_profile",)))


def own_current_role(*, person: User) -> CurrentRole | None:
    """The person's current role with the columns their own pages show: the role's title
    and link, since when, and who confirmed it when."""
    fields = ("id", "user_id", "profile_id", "since", "confirmed_by_id", "confirmed_at")
    roles = CurrentRole.objects.filter(user=person)
    return _only_shown(roles, fields=fields, profiles=("profile",), people=("confirmed_by",)).first()


def own_career_record(*, person: User) -> dict:
    """What ``career_record`` gives, with only the columns the person's own career page
    shows (the same keys, for the same template)."""
    fields = ("id", "user_id", "from_profile_id", "to_profile_id", "date", "recorded_at", "note", "recorded_by_id")
    steps = CareerStep.objects.filter(user=person)
    steps = _only_shown(steps, fields=fields, profiles=("from_profile", "to_profile"), people=("recorded_by",))
    return {"person": person, "current": own_current_role(person=person), "steps": list(steps)}


def current_roles_of(*, people, whole_profiles: bool = True) -> dict[int, CurrentRole]:
    """Current role per person id for a list of people, in one query. Without
    ``whole_profiles`` a role carries its profile's title (``profile_title``) and whether it
    is confirmed, not the profile: a list of people shows no more, and a page is costly to
    make."""
    roles = CurrentRole.objects.filter(user__in=people)
    if whole_profiles:
        roles = roles.select_related("profile")
    else:
        roles = roles.only("id", "user_id", "profile_id", "confirmed_at").annotate(profile_title=F("profile__title"))
    return {role.user_id: role for role in roles}


# Development conversations ---------------------------------------------------------------


def conversation_advisers(*, learner: User):
    """Who hears of the learner's request: the active HR advisers of their organisations,
    never the learner themself (an adviser asking for a conversation of their own)."""
    return hr_advisers_of(person=learner).exclude(pk=learner.pk)


def _organisations_heard_by_another_adviser(*, learner: User):
    """The learner's organisations with an active HR adviser other than the learner."""
    other_adviser = Membership.objects.filter(
        organisation=OuterRef("pk"), role=Membership.Role.HR, user__is_active=True
    ).exclude(user=learner)
    return Organisation.objects.filter(memberships__user=learner).filter(Exists(other_adviser))


def handling_organisation(*, learner: User) -> Organisation | None:
    """The learner's organisation whose HR handles a request: the first, by name, that has
    an active HR adviser other than the learner, preferring one where they are a learner."""
    as_learner = Membership.objects.filter(organisation=OuterRef("pk"), user=learner, role=Membership.Role.LEARNER)
    return (
        _organisations_heard_by_another_adviser(learner=learner)
        .annotate(as_learner=Exists(as_learner))
        .order_by("-as_learner", "name")
        .distinct()
        .first()
    )


def conversation_refusal(*, learner: User) -> str:
    """Why the learner cannot ask for a development conversation, and whom to ask instead;
    empty if they can."""
    if _organisations_heard_by_another_adviser(learner=learner).exists():
        return ""
    names = list(Organisation.objects.filter(memberships__user=learner).distinct().values_list("name", flat=True))
    if not names:
        return gettext(
            "Je hoort nog niet bij een organisatie in Spil, dus geen HR-adviseur kan je aanvraag ontvangen. "
            "Vraag de beheerder van Spil om je aan je organisatie toe te voegen."
        )
    return gettext(
        "%(organisations)s heeft nog geen HR-adviseur in Spil die je aanvraag kan ontvangen. "
        "Vraag je leidinggevende of de afdeling HR om een HR-adviseur in Spil aan te wijzen, "
        "of neem contact op met de beheerder van Spil."
    ) % {"organisations": ", ".join(sorted(names))}


def _open():
    return DevelopmentConversation.objects.filter(status__in=DevelopmentConversation.OPEN)


def _visible_to(*, adviser: User, organisations: list[Organisation] | None = None):
    """Conversations of the people of the adviser's own organisations, never their own.
    ``organisations``: the adviser's (``organisations_advised_by``) when the caller has read
    them already."""
    people = members_of(organisations=organisations) if organisations else users_visible_to_hr(adviser=adviser)
    return DevelopmentConversation.objects.filter(learner__in=people).exclude(learner=adviser)


def open_conversations_for(
    *, adviser: User, organisations: list[Organisation] | None = None
) -> list[DevelopmentConversation]:
    """The open requests (asked or planned) of the people of the adviser's organisations,
    oldest first, with the learner's name and the target role's title and link, the columns a
    list of them shows. One query, whatever their number. ``organisations``: the adviser's
    (``organisations_advised_by``) when the caller has read them already."""
    if not adviser.is_authenticated:
        return []
    conversations = _visible_to(adviser=adviser, organisations=organisations)
    conversations = conversations.filter(status__in=DevelopmentConversation.OPEN)
    fields = ("id", "learner_id", "target_profile_id", "status", "requested_at", "planned_on")
    shown = _only_shown(conversations, fields=fields, profiles=("target_profile",), people=("learner",))
    return list(shown.order_by("requested_at", "pk"))


def closed_conversations_for(*, adviser: User, limit: int = 50) -> list[DevelopmentConversation]:
    """The most recently closed conversations of the adviser's people, newest first."""
    if not adviser.is_authenticated:
        return []
    return list(
        _visible_to(adviser=adviser)
        .exclude(status__in=DevelopmentConversation.OPEN)
        .select_related("learner", "target_profile", "adviser")
        .order_by("-closed_at", "-pk")[:limit]
    )


def conversation_for_adviser(*, adviser: User, conversation_id: int) -> DevelopmentConversation | None:
    """The conversation, open or closed, if the adviser may handle it."""
    return (
        _visible_to(adviser=adviser)
        .select_related("learner", "organisation", "target_profile", "adviser", "career_step__to_profile")
        .filter(pk=conversation_id)
        .first()
    )


def conversations_of(*, learner: User) -> list[DevelopmentConversation]:
    """Every conversation the learner asked for, newest first."""
    return list(
        DevelopmentConversation.objects.filter(learner=learner)
        .select_related("target_profile", "adviser", "career_step__to_profile")
        .order_by("-requested_at", "-pk")
    )


def conversation_rows(*, learner: User) -> list[DevelopmentConversation]:
    """What ``conversations_of`` gives, with only the columns the table on the learner's
    career page shows: the role asked about, the dates, the status and the outcome."""
    fields = ("id", "learner_id", "target_profile_id", "status", "requested_at", "planned_on", "held_on")
    fields += ("outcome", "outcome_notes")
    conversations = DevelopmentConversation.objects.filter(learner=learner).order_by("-requested_at", "-pk")
    return list(_only_shown(conversations, fields=fields, profiles=("target_profile",)))


def open_conversation(*, learner: User, profile: RoleProfilePage | None) -> DevelopmentConversation | None:
    """The learner's open request for this role, if there is one."""
    if not learner.is_authenticated or profile is None:
        return None
    return _open().filter(learner=learner, target_profile=profile).first()


def conversation_request_state(*, learner: User, profile: RoleProfilePage | None) -> dict:
    """What the request form for ``profile`` shows: the open request, or else why none can
    be made (empty when one can). One query when a request is open, two otherwise."""
    conversation = open_conversation(learner=learner, profile=profile)
    refusal = "" if conversation or not learner.is_authenticated else conversation_refusal(learner=learner)
    return {"conversation": conversation, "refusal": refusal}
