"""Anna's colleagues at Gemeente Zeist, so that the HR adviser's insights on /hr/ have a believable
organisation to show: tracks completed throughout the past year (and one long ago, whose certificate now
runs out), assignments finished in time, late, or still overdue, a certificate that HR revoked, results of
the self-assessment shared by enough people for the competency map (with Anna's, six), and a career step
this year. `demo.seeders.insights` replays each timeline through the services, as
`demo.seeders.histories` does for Anna and Bram; the colleagues have no password, nobody logs in as them.

Timeline events are those of `demo.content.histories` (days before the demo's first day), plus:

- "complete_track": every required module of the track completed that day (enrolling first if needed),
  with a reflection for each on-the-job assignment;
- "revoke_certificate": the HR adviser revokes the certificate of the track, for the reason given.

A career step's date is a date, or a number of days before the demo's first day (for a step this year)."""

from datetime import date

ORGANISATION = "zeist"
ADVISER = "hr@zeist.example.org"
ASSESSMENT = "zelfscan-projectondersteuning-pmo"
NOTES = "notuleren-en-actielijsten"
PLANNING = "projectplanning-en-voortgangsbewaking"
RISKS = "risicomanagement-voor-de-pmo"
AGILE = "agile-werken-in-projecten"
DIGITAL = "digitale-vaardigheden-managementondersteuner"

# Written for any on-the-job assignment, taken in turn.
REFLECTIONS = [
    "Ik heb het in het eerstvolgende projectoverleg meteen toegepast. De projectleider vroeg daarna of ik het "
    "voortaan zo wil blijven doen.",
    "Het kostte meer tijd dan ik dacht, vooral om iedereen op tijd een reactie te laten geven. Volgende keer "
    "zet ik de vraag eerder uit.",
    "Wat goed ging: het overzicht was in één keer duidelijk voor het team. Wat beter kan: ik wil minder "
    "afhankelijk zijn van één collega die alles weet.",
]


def scan(shared_days_ago: int, levels: dict[str, int]) -> dict:
    """A result of the self-assessment on projectondersteuning and PMO, compared with practical PMO and
    shared with the organisation; ``levels`` per competency slug."""
    return {
        "assessment": ASSESSMENT,
        "target_profile": "pmo-praktisch",
        "shared_days_ago": shared_days_ago,
        "levels": levels,
    }


COLLEAGUES = [
    {
        "email": "sanne.dejong@zeist.example.org",
        "name": "Sanne de Jong",
        "team": "Programmabureau",
        "career": [
            (None, "projectondersteuner", date(2021, 2, 1), "Begonnen op het programmabureau Centrumontwikkeling."),
        ],
        "timeline": [
            (320, "complete_track", {"track": NOTES}),
            (210, "complete_track", {"track": PLANNING}),
            (
                95,
                "self_assessment",
                scan(
                    94,
                    {
                        "verslaglegging": 3,
                        "structureren": 3,
                        "planning-en-voortgang": 3,
                        "rapportage": 2,
                        "risicomanagement": 1,
                        "budgetbewaking": 2,
                        "kwaliteitsborging": 2,
                        "stakeholdercommunicatie": 2,
                        "projectmatig-werken": 2,
                        "agile-werken": 1,
                    },
                ),
            ),
            # The path to the PMO, with risks still to do: overdue.
            (80, "assign", {"path": "van-projectondersteuner-naar-pmo", "due_in_days": -21}),
            (60, "enrol", {"track": RISKS}),
        ],
    },
    {
        "email": "jeroen.bakker@zeist.example.org",
        "name": "Jeroen Bakker",
        "team": "Programmabureau",
        "career": [
            (None, "project-management-assistent", date(2019, 9, 1), "Ondersteunt de programmamanager Wonen."),
        ],
        "timeline": [
            (260, "complete_track", {"track": NOTES}),
            (125, "complete_track", {"track": AGILE}),
            (
                62,
                "self_assessment",
                scan(
                    60,
                    {
                        "verslaglegging": 3,
                        "structureren": 4,
                        "planning-en-voortgang": 3,
                        "rapportage": 3,
                        "risicomanagement": 2,
                        "budgetbewaking": 3,
                        "kwaliteitsborging": 3,
                        "stakeholdercommunicatie": 3,
                        "projectmatig-werken": 3,
                        "agile-werken": 3,
                    },
                ),
            ),
        ],
    },
    {
        "email": "naima.elidrissi@zeist.example.org",
        "name": "Naima El Idrissi",
        "team": "Projectenbureau",
        "career": [
            (None, "projectondersteuner", date(2022, 4, 1), "Ondersteunt de projecten in de openbare ruimte."),
            (
                "projectondersteuner",
                "pmo-praktisch",
                25,
                "Na planning en risicomanagement naar het PMO: bereidt nu het portfolio-overleg voor.",
            ),
        ],
        "timeline": [
            # Assigned with a due date she easily made.
            (150, "assign", {"track": PLANNING, "due_in_days": -60}),
            (140, "complete_track", {"track": PLANNING}),
            (100, "complete_track", {"track": RISKS}),
            (
                45,
                "self_assessment",
                scan(
                    44,
                    {
                        "verslaglegging": 3,
                        "structureren": 3,
                        "planning-en-voortgang": 4,
                        "rapportage": 3,
                        "risicomanagement": 3,
                        "budgetbewaking": 2,
                        "kwaliteitsborging": 3,
                        "stakeholdercommunicatie": 2,
                        "projectmatig-werken": 3,
                        "agile-werken": 2,
                    },
                ),
            ),
        ],
    },
    {
        "email": "femke.mulder@zeist.example.org",
        "name": "Femke Mulder",
        "team": "Projectenbureau",
        "career": [
            (
                None,
                "managementondersteuner-schaal-7",
                date(2018, 1, 1),
                "Managementondersteuner van het afdelingshoofd Projecten.",
            ),
        ],
        "timeline": [
            (335, "complete_track", {"track": DIGITAL}),
            # Finished five weeks after the due date: late for a while, done now.
            (70, "assign", {"track": NOTES, "due_in_days": -40}),
            (5, "complete_track", {"track": NOTES}),
            (
                22,
                "self_assessment",
                scan(
                    21,
                    {
                        "verslaglegging": 2,
                        "structureren": 3,
                        "planning-en-voortgang": 2,
                        "rapportage": 2,
                        "risicomanagement": 1,
                        "budgetbewaking": 3,
                        "kwaliteitsborging": 2,
                        "stakeholdercommunicatie": 3,
                        "projectmatig-werken": 1,
                        "agile-werken": 1,
                    },
                ),
            ),
        ],
    },
    {
        "email": "dennis.vos@zeist.example.org",
        "name": "Dennis Vos",
        "team": "Sociaal Domein",
        "career": [
            (None, "projectondersteuner", date(2016, 6, 1), "Ondersteunt de projecten van het sociaal domein."),
        ],
        "timeline": [
            # Almost three years ago: the certificate (valid for 36 months) runs out soon.
            (1030, "complete_track", {"track": NOTES}),
            (12, "enrol", {"track": PLANNING}),
            (
                11,
                "self_assessment",
                scan(
                    10,
                    {
                        "verslaglegging": 4,
                        "structureren": 3,
                        "planning-en-voortgang": 2,
                        "rapportage": 2,
                        "risicomanagement": 2,
                        "budgetbewaking": 2,
                        "kwaliteitsborging": 3,
                        "stakeholdercommunicatie": 3,
                        "projectmatig-werken": 2,
                        "agile-werken": 1,
                    },
                ),
            ),
        ],
    },
    {
        "email": "priya.ramdin@zeist.example.org",
        "name": "Priya Ramdin",
        "team": "Fysiek Domein",
        "career": [
            (None, "programmaondersteuner", date(2020, 3, 1), "Ondersteunt het programma Duurzaam Zeist."),
        ],
        "timeline": [
            (175, "complete_track", {"track": PLANNING}),
            (155, "complete_track", {"track": RISKS}),
            (
                150,
                "revoke_certificate",
                {
                    "track": RISKS,
                    "reason": "Uitgegeven op een verkeerd gespelde naam. Na de correctie krijgt ze een nieuw "
                    "certificaat.",
                },
            ),
            # Not started yet: overdue.
            (40, "assign", {"track": AGILE, "due_in_days": -12}),
        ],
    },
    {
        "email": "martijn.deboer@zeist.example.org",
        "name": "Martijn de Boer",
        "team": "Programmabureau",
        "career": [
            (None, "projectondersteuner", date(2015, 1, 1), "Begonnen bij het projectenbureau."),
            ("projectondersteuner", "pmo-praktisch", date(2023, 10, 1), "Overgestapt naar het PMO."),
        ],
        "timeline": [
            (190, "complete_track", {"track": AGILE}),
            (48, "complete_track", {"track": NOTES}),
            (8, "enrol", {"track": RISKS}),
        ],
    },
    {
        "email": "ilse.kok@zeist.example.org",
        "name": "Ilse Kok",
        "team": "Sociaal Domein",
        "career": [
            (
                None,
                "managementondersteuner-schaal-6",
                date(2021, 11, 1),
                "Managementondersteuner van de directeur Samenleving.",
            ),
        ],
        "timeline": [
            (230, "complete_track", {"track": NOTES}),
            (105, "complete_track", {"track": DIGITAL}),
            (18, "assign", {"path": "managementondersteuner-naar-schaal-8", "due_in_days": 60}),
        ],
    },
]
