"""Demo content for the assessments app: the 'Zelfscans' page, two self-assessments, the submitted
attempts of the demo learners and Anna's development plan. Plain data; `assessments.demo.seed_assessments`
writes it to the database.

Facts come from the domain sources in ../shared/domain/ (the leerkring projectondersteuners, the
Zoetermeer assignment, 'PMO versus de secretaresse', the article on project management support and the
Rijk's future view of the management supporter); every text is our own.

A learner answers each statement by picking one of the four level descriptors of its competency
(careers.demo_content.COMPETENCIES), so every statement is a question or topic to which "which of these
four descriptions fits my work" is a sensible answer. Statements about the same competency form one step;
keep them next to each other."""

INDEX_PAGE = {
    "title": "Zelfscans",
    "slug": "zelfscans",
    "show_in_menus": True,
    "introduction": (
        "Met een zelfscan sta je even stil bij je eigen werk. Per competentie kies je de beschrijving die het "
        "beste past bij wat je nu doet, en je ziet meteen hoe dat zich verhoudt tot het functieprofiel dat je "
        "kiest. De uitkomst is van jou: jij bepaalt of je die deelt met je organisatie, en je kunt er direct "
        "een ontwikkelplan mee maken."
    ),
}

# Each self-assessment: page fields, role profile slugs (careers.demo_content.PROFILES) and its statements
# as (competency slug, text) in order.
ASSESSMENTS = [
    {
        "title": "Zelfscan projectondersteuning en PMO",
        "slug": "zelfscan-projectondersteuning-pmo",
        "introduction": (
            "Deze zelfscan is voor projectondersteuners, project management assistenten en PMO'ers. Bij elke "
            "stap lees je vier beschrijvingen van het werk en kies je de beschrijving die past bij wat je nu "
            "echt doet, niet bij wat je graag zou doen. Vergelijk de uitkomst met je huidige functie of met de "
            "stap die je wilt zetten."
        ),
        "minutes": 15,
        "role_profiles": [
            "projectondersteuner",
            "project-management-assistent",
            "pmo-praktisch",
            "pmo-tactisch",
            "pmo-strategisch",
        ],
        "statements": [
            ("verslaglegging", "Hoe leg je vast wat er in een projectoverleg is besproken en afgesproken?"),
            ("structureren", "Hoe houd je de documenten en informatie van de projecten waarvoor je werkt op orde?"),
            ("planning-en-voortgang", "Welke rol heb jij bij het maken en bijhouden van de projectplanning?"),
            ("planning-en-voortgang", "Wat doe je als je ziet dat een deadline of mijlpaal in gevaar komt?"),
            ("rapportage", "Hoe komt een voortgangsrapportage tot stand, en wat is jouw aandeel daarin?"),
            (
                "rapportage",
                "Wat doe je met gegevens over voortgang en geld voordat ze bij de projectleider, het management of "
                "het bestuur terechtkomen?",
            ),
            ("risicomanagement", "Hoe ga je om met risico's en issues die in een project naar boven komen?"),
            (
                "risicomanagement",
                "Wat doe je als een project afwijkt van wat er is afgesproken over tijd, geld of kwaliteit?",
            ),
            ("budgetbewaking", "Hoe houd je zicht op het budget, de uren en de uitgaven van een project?"),
            (
                "kwaliteitsborging",
                "Hoe zorg je dat het projectdossier, de gemaakte keuzes en de leerpunten goed worden vastgelegd?",
            ),
            (
                "stakeholdercommunicatie",
                "Hoe houd je iedereen die bij een project betrokken is, binnen en buiten de organisatie, op de hoogte?",
            ),
            (
                "projectmatig-werken",
                "Hoe goed ken en gebruik je de projectmethode van je organisatie, zoals Prince2 of een eigen "
                "werkwijze?",
            ),
            (
                "projectmatig-werken",
                "Welke rol speel je in de fasen en beslismomenten van een project, van projectplan tot afsluiting?",
            ),
            ("agile-werken", "Hoe werk je mee in een team dat agile werkt, bijvoorbeeld met Scrum of Kanban?"),
        ],
    },
    {
        "title": "Zelfscan managementondersteuning",
        "slug": "zelfscan-managementondersteuning",
        "introduction": (
            "Het vak van managementondersteuner verandert: minder agendabeheer en stukkenstroom, meer ontzorgen, "
            "coördineren en digitaal regelen. Met deze zelfscan zie je hoe jouw werk zich verhoudt tot de "
            "profielen van schaal 5 tot en met 9 en van de directiesecretaris. Kies bij elke vraag de "
            "beschrijving die nu het beste bij je past."
        ),
        "minutes": 15,
        "role_profiles": [
            "managementondersteuner-schaal-5",
            "managementondersteuner-schaal-6",
            "managementondersteuner-schaal-7",
            "managementondersteuner-schaal-8",
            "managementondersteuner-schaal-9",
            "directiesecretaris",
        ],
        "statements": [
            (
                "bijeenkomsten-organiseren",
                "Hoe organiseer je overleggen, werkbezoeken en bijeenkomsten voor je manager of team?",
            ),
            (
                "structureren",
                "Hoe houd je de informatie en stukken die bij je manager binnenkomen overzichtelijk?",
            ),
            (
                "structureren",
                "Hoe zijn de mappen, sjablonen en werkafspraken van je team of secretariaat ingericht, en wie "
                "heeft dat gedaan?",
            ),
            (
                "regie-en-coordinatie",
                "Hoe regel je zaken die bij andere afdelingen liggen, zoals facilitaire zaken, ICT of inkoop?",
            ),
            ("verslaglegging", "Hoe leg je vast wat er in een MT- of teamoverleg is besproken en besloten?"),
            (
                "helder-formuleren",
                "Hoe schrijf je je mails en berichten, zeker als je collega's vooral op afstand spreekt?",
            ),
            ("helder-formuleren", "Welke teksten stel je op namens je manager, en hoeveel wordt daarin nog veranderd?"),
            ("budgetbewaking", "Wat doe je met facturen, declaraties en het budget van je afdeling of manager?"),
            (
                "digitale-systemen",
                "Hoe werk je met de selfservicesystemen van je organisatie, bijvoorbeeld voor declaraties of "
                "verlof van je manager?",
            ),
            (
                "digitale-systemen",
                "Wat doe je als collega's vastlopen in een systeem, of als een digitaal werkproces niet goed loopt?",
            ),
            ("proactiviteit", "Hoe bereid je je voor op wat je manager de komende dagen nodig heeft?"),
            ("proactiviteit", "Hoe help je je manager om prioriteiten te stellen en zijn of haar tijd te bewaken?"),
            ("samenwerken", "Hoe werk je samen met collega's binnen en buiten je eigen team?"),
            (
                "flexibiliteit",
                "Hoe ga je om met veranderingen in je werk, zoals nieuwe systemen, een ander rooster of werken op "
                "afstand?",
            ),
        ],
    },
]

# The demo learners' submitted attempts. Days are counted back from the day the self-assessment was first
# published by the seeding, so the dates stay the same on every later run. Levels are per competency slug
# and apply to every statement about that competency.
DEMO_ATTEMPTS = [
    # Anna, projectondersteuner since 2024, wants to grow into the PMO. Her first scan, before the
    # tracks on minutes and planning: behind on reporting, risks, project method and agile work, but
    # strong on budgets from her years as a management supporter.
    {
        "email": "anna@zeist.example.org",
        "assessment": "zelfscan-projectondersteuning-pmo",
        "target_profile": "pmo-praktisch",
        "submitted_days_ago": 243,
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
    # Two weeks ago: minutes and planning caught up, risks and agile work still clearly behind. She
    # shared this one with her organisation; her HR adviser then assigned the path to the PMO.
    {
        "email": "anna@zeist.example.org",
        "assessment": "zelfscan-projectondersteuning-pmo",
        "target_profile": "pmo-praktisch",
        "submitted_days_ago": 14,
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
    # Bram, managementondersteuner schaal 7, compares himself with schaal 8 and keeps the result to himself.
    # Gaps on coordination, minutes, writing and digital systems; ahead on budget work.
    {
        "email": "bram@utrecht.example.org",
        "assessment": "zelfscan-managementondersteuning",
        "target_profile": "managementondersteuner-schaal-8",
        "submitted_days_ago": 33,
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
]

# Anna's development plan, made the day after her latest attempt: two tracks (curriculum.demo_content.TRACKS),
# each for the competency gap it addresses, as (track slug, competency slug).
DEMO_PLAN = {
    "email": "anna@zeist.example.org",
    "target_profile": "pmo-praktisch",
    "attempt": {"assessment": "zelfscan-projectondersteuning-pmo", "submitted_days_ago": 14},
    "created_days_ago": 13,
    "items": [
        ("risicomanagement-voor-de-pmo", "risicomanagement"),
        ("agile-werken-in-projecten", "agile-werken"),
    ],
}
