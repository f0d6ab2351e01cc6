"""Demo organisations and logins (DESIGN.md). Only `seed_demo` calls this."""

from allauth.account.models import EmailAddress
from django.db import transaction

from .models import Membership, Organisation, User
from .services import add_membership

DEMO_PASSWORD = "oefenen-2026"  # noqa: S105 - documented demo password, refused in production

ORGANISATIONS = [
    ("Gemeente Zeist", "zeist", Organisation.Kind.GEMEENTE),
    ("Gemeente Utrecht", "utrecht", Organisation.Kind.GEMEENTE),
    ("Provincie Utrecht", "provincie-utrecht", Organisation.Kind.PROVINCIE),
    ("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "bzk", Organisation.Kind.MINISTERIE),
    ("Leerkring Projectondersteuners", "leerkring", Organisation.Kind.OVERIG),
]

# email, full name, (organisation slug, role, team) memberships, superuser
LOGINS = [
    ("admin@example.org", "Beheerder Spil", [], True),
    (
        "anna@zeist.example.org",
        "Anna de Vries",
        [("zeist", Membership.Role.LEARNER, "Programmabureau")],
        False,
    ),
    (
        "bram@utrecht.example.org",
        "Bram Jansen",
        [("utrecht", Membership.Role.LEARNER, "Directie Stedelijke Ontwikkeling")],
        False,
    ),
    ("hr@zeist.example.org", "Hanna Bakker", [("zeist", Membership.Role.HR, "P&O")], False),
    ("hr@utrecht.example.org", "Hamid El Amrani", [("utrecht", Membership.Role.HR, "HR-advies")], False),
    (
        "organisator@leerkring.example.org",
        "Olga Visser",
        [("leerkring", Membership.Role.ORGANISER, "")],
        False,
    ),
]


@transaction.atomic
def seed_people() -> dict[str, User]:
    organisations = {}
    for name, slug, kind in ORGANISATIONS:
        organisations[slug], _ = Organisation.objects.update_or_create(slug=slug, defaults={"name": name, "kind": kind})
    users = {}
    for email, full_name, memberships, superuser in LOGINS:
        user = User.objects.filter(email=email).first()
        if user is None:
            create = User.objects.create_superuser if superuser else User.objects.create_user
            user = create(email=email, password=DEMO_PASSWORD, full_name=full_name)
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        for slug, role, team in memberships:
            add_membership(user=user, organisation=organisations[slug], role=role, team=team)
        users[email] = user
    return users
