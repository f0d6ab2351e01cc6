"""Organisations and the logins of DESIGN.md, all with the same password."""

from people.models import Membership, Organisation

PASSWORD = "oefenen-2026"  # noqa: S105 - documented demo password, refused in production

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
