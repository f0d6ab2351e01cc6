"""The 'Zelfscans' page and two self-assessments. `demo.seeders.assessments` writes them as an editor
would.

A learner answers each statement by picking one of the four level descriptors of its competency
(demo.content.careers.COMPETENCIES), so every statement is a question or topic to which "which of these
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

# Each self-assessment: page fields, role profile slugs (demo.content.careers.PROFILES) and its statements
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
