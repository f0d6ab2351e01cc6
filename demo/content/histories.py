"""What the two learners did before today: their career steps, recorded by their HR adviser, and a
timeline of their learning. `demo.seeders.histories` replays each timeline oldest event first, through
the services of the apps, so every rule (approval of a track, grading of a module, the certificate of a
completed track) applies as it would have on that day.

Timeline events are (days ago, event, details). Days are counted back from the day the demo world was
first seeded; due dates count forward from that day ("due_in_days"; negative means overdue).

- "self_assessment": a submitted self-assessment with a level per competency slug (for every statement
  about it), compared with a target role profile, shared with the organisation some days ago or not.
- "enrol": enrolling in a track; one that needs approval and was not assigned becomes a request.
- "complete_module": the module's knowledge checks answered, the question numbers in "wrong" (counted
  over the module's checks, from 1) with a wrong choice, and a reflection per on-the-job assignment.
- "assign": the HR adviser assigns a path or a track to this person.
- "add_to_plan": tracks added to the development plan, each for the competency it is to develop, on
  the basis of the self-assessment submitted that many days ago."""

from datetime import date

HISTORIES = [
    {
        "email": "anna@zeist.example.org",
        "organisation": "zeist",
        "adviser": "hr@zeist.example.org",
        # (from profile, to profile, date, note); the last step is her current role.
        "career": [
            (
                None,
                "managementondersteuner-schaal-6",
                date(2017, 9, 1),
                "Begonnen als managementondersteuner bij de afdeling Ruimtelijke Ontwikkeling.",
            ),
            (
                "managementondersteuner-schaal-6",
                "managementondersteuner-schaal-7",
                date(2020, 5, 1),
                "Doorgegroeid: bereidt nu ook de MT-overleggen voor en houdt het budget van haar manager bij.",
            ),
            (
                "managementondersteuner-schaal-7",
                "projectondersteuner",
                date(2024, 3, 1),
                "Overgestapt naar het programmabureau na een cursus projectmatig werken. Ondersteunt drie projecten.",
            ),
        ],
        "timeline": [
            # Her first scan, before the tracks on minutes and planning: behind on reporting, risks,
            # project method and agile work, but strong on budgets from her years as a management supporter.
            (
                243,
                "self_assessment",
                {
                    "assessment": "zelfscan-projectondersteuning-pmo",
                    "target_profile": "pmo-praktisch",
                    "shared_days_ago": None,
                    "levels": {
                        "verslaglegging": 2,
                        "structureren": 3,
                        "planning-en-voortgang": 2,
                        "rapportage": 2,
                        "risicomanagement": 1,
                        "budgetbewaking": 3,
                        "kwaliteitsborging": 2,
                        "stakeholdercommunicatie": 2,
                        "projectmatig-werken": 2,
                        "agile-werken": 1,
                    },
                },
            ),
            (150, "enrol", {"track": "notuleren-en-actielijsten"}),
            (148, "complete_module", {"track": "notuleren-en-actielijsten", "module": "welk-verslag-past"}),
            (
                134,
                "complete_module",
                {
                    "track": "notuleren-en-actielijsten",
                    "module": "actielijst-die-werkt",
                    "wrong": [2],
                    "reflections": [
                        "Het lastigst was 'communicatie over de verbouwing verbeteren' in het projectoverleg. "
                        "Niemand voelde zich eigenaar. Ik heb de voorzitter gevraagd wie het oppakte en wat er "
                        "vóór de volgende keer klaar moest zijn: nu staat er dat Ruud vóór het volgende overleg "
                        "een bewonersbrief aan de projectleider voorlegt."
                    ],
                },
            ),
            # Assigned when she joined the programme office; started, and now overdue.
            (60, "assign", {"track": "projectplanning-en-voortgangsbewaking", "due_in_days": -9}),
            (52, "enrol", {"track": "projectplanning-en-voortgangsbewaking"}),
            (
                50,
                "complete_module",
                {"track": "projectplanning-en-voortgangsbewaking", "module": "planning-opzetten"},
            ),
            # Minutes and planning caught up, risks and agile work still clearly behind. She shares this
            # one with her organisation; her HR adviser then assigns the path to the PMO.
            (
                14,
                "self_assessment",
                {
                    "assessment": "zelfscan-projectondersteuning-pmo",
                    "target_profile": "pmo-praktisch",
                    "shared_days_ago": 13,
                    "levels": {
                        "verslaglegging": 3,
                        "structureren": 3,
                        "planning-en-voortgang": 3,
                        "rapportage": 2,
                        "risicomanagement": 1,
                        "budgetbewaking": 3,
                        "kwaliteitsborging": 2,
                        "stakeholdercommunicatie": 3,
                        "projectmatig-werken": 2,
                        "agile-werken": 1,
                    },
                },
            ),
            (
                13,
                "add_to_plan",
                {
                    "self_assessment_days_ago": 14,
                    "items": [
                        ("risicomanagement-voor-de-pmo", "risicomanagement"),
                        ("agile-werken-in-projecten", "agile-werken"),
                    ],
                },
            ),
            (4, "assign", {"path": "van-projectondersteuner-naar-pmo", "due_in_days": 35}),
        ],
    },
    {
        "email": "bram@utrecht.example.org",
        "organisation": "utrecht",
        "adviser": "hr@utrecht.example.org",
        "career": [
            (
                None,
                "managementondersteuner-schaal-5",
                date(2016, 4, 1),
                "Begonnen op het secretariaat van de directie Stedelijke Ontwikkeling.",
            ),
            (
                "managementondersteuner-schaal-5",
                "managementondersteuner-schaal-6",
                date(2019, 6, 1),
                "Omdat het werk op schaal 5 verdwijnt, doorgegroeid naar de ondersteuning van een afdelingshoofd.",
            ),
            (
                "managementondersteuner-schaal-6",
                "managementondersteuner-schaal-7",
                date(2023, 9, 1),
                "Doorgegroeid: ontzorgt nu twee afdelingshoofden en regelt hun declaraties en vragen over de "
                "bedrijfsvoering.",
            ),
        ],
        "timeline": [
            # He compares himself with scale 8 and keeps the result to himself. Gaps on coordination,
            # minutes, writing and digital systems; ahead on budget work.
            (
                33,
                "self_assessment",
                {
                    "assessment": "zelfscan-managementondersteuning",
                    "target_profile": "managementondersteuner-schaal-8",
                    "shared_days_ago": None,
                    "levels": {
                        "bijeenkomsten-organiseren": 3,
                        "structureren": 3,
                        "regie-en-coordinatie": 2,
                        "verslaglegging": 2,
                        "helder-formuleren": 2,
                        "budgetbewaking": 3,
                        "digitale-systemen": 2,
                        "proactiviteit": 3,
                        "samenwerken": 3,
                        "flexibiliteit": 3,
                    },
                },
            ),
            # Stakeholdermanagement needs the HR adviser's approval. He asks the day before his adviser
            # assigns him the path that holds it (a track HR assigned needs no approval), so his request
            # is still waiting for a decision.
            (12, "enrol", {"track": "stakeholdermanagement"}),
            (11, "assign", {"path": "managementondersteuner-naar-schaal-8", "due_in_days": 21}),
            (3, "enrol", {"track": "digitale-vaardigheden-managementondersteuner"}),
        ],
    },
]
