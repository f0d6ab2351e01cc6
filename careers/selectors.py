"""Reads for role profiles, the career map and career records."""

from people.models import User
from people.selectors import can_hr_see

from .models import (
    CareerPath,
    CareerStep,
    CurrentRole,
    Family,
    RoleProfileIndexPage,
    RoleProfilePage,
)

# Project support sits between PMO and management support: most steps lead from it to
# PMO and into it from management support, so the map draws them between neighbours.
FAMILY_ORDER = [Family.PMO, Family.PROJECT_SUPPORT, Family.MANAGEMENT_SUPPORT]


def live_profiles():
    return RoleProfilePage.objects.live().order_by("family", "title")


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


def current_roles_of(*, people) -> dict[int, CurrentRole]:
    """Current role per person id for a list of people, in one query."""
    roles = CurrentRole.objects.filter(user__in=people).select_related("profile")
    return {role.user_id: role for role in roles}
