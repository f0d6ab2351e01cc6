"""The 'Leerkringen' page and the learning circle of project supporters, with its members, sessions,
feedback and intake poll. `demo.seeders.circles` writes the pages as an editor would and replays what
the organiser and the members did through the services of the circles app.

The circle follows ../shared/domain/leerkring-projectondersteuners.txt: well over a hundred supporters,
mostly of gemeenten, who meet online for an hour and a half every few weeks, hear how two colleagues do
the work, and go on talking in small groups. Every text here is written anew.

Moments count from the week in which the circle's page was first published (the day the demo first
seeded it): a session is (weeks from that week, weekday with Monday 0, start time), Europe/Amsterdam.
The members besides the demo logins are made up: a first name and a surname from the lists below, at
one of the organisations below."""

from datetime import time

from circles.models import IntakeQuestion, LearningCirclePage
from people.models import Organisation

INDEX_PAGE = {
    "title": "Leerkringen",
    "slug": "leerkringen",
    "show_in_menus": True,
    "introduction": (
        "In een leerkring leer je van collega's die hetzelfde werk doen bij een andere overheid. Je komt om de "
        "paar weken online bij elkaar rond een thema, hoort hoe anderen het aanpakken en praat in kleine "
        "groepen verder over je eigen praktijk. Elke bijeenkomst die je bijwoont, telt mee in je leergeschiedenis."
    ),
}

CIRCLE = {
    "title": "Leerkring projectondersteuners",
    "slug": "projectondersteuners",
    "theme": "Het vak van projectondersteuner: je rol, je takenpakket en je ontwikkeling",
    "description": (
        "<p>Werk je als projectondersteuner, projectassistent, projectmedewerker of assistent projectmanager bij "
        "een gemeente, provincie, waterschap of het Rijk? Dan ben je welkom in deze leerkring. Je ontmoet "
        "collega's die projecten draaiende houden in een heel andere organisatie, en ontdekt hoe verschillend "
        "hetzelfde vak kan worden ingevuld.</p>"
        "<h2>Zo gaat een bijeenkomst</h2>"
        "<p>We zien elkaar online, telkens anderhalf uur, en niet volgens een vast ritme: elke bijeenkomst krijgt "
        "een eigen datum. Een of twee deelnemers trappen af met hun eigen praktijk, daarna ga je in kleine groepen "
        "aan de slag met het thema van die keer. Na afloop lees je het verslag hier terug.</p>"
        "<h2>Wat je eraan hebt</h2>"
        "<ul><li>Je legt je eigen takenpakket naast dat van collega's en ziet wat je anders kunt doen.</li>"
        "<li>Je krijgt woorden voor wat wel en niet bij je functie hoort.</li>"
        "<li>Je bouwt een netwerk op van ondersteuners bij andere organisaties.</li>"
        "<li>Zes bijeenkomsten bijgewoond? Dan heb je de leergang Leerkring projectondersteuners afgerond.</li></ul>"
    ),
    "membership": LearningCirclePage.Membership.OPEN,
    "role_profiles": ["projectondersteuner", "project-management-assistent", "programmaondersteuner"],
    "organisers": ["organisator@leerkring.example.org"],
    # The learning track of format 'leerkring' (demo.content.curriculum) that six sessions complete.
    "track": "leerkring-projectondersteuners",
    "sessions_required": 6,
}

# (question, kind, choices one a line); the poll a member fills in on joining.
INTAKE_QUESTIONS = [
    (
        "Hoe lang werk je al als project- of programmaondersteuner?",
        IntakeQuestion.Kind.CHOICE,
        "Korter dan 2 jaar\n2 tot 5 jaar\n5 tot 10 jaar\nLanger dan 10 jaar",
    ),
    ("Hoeveel projecten ondersteun je op dit moment?", IntakeQuestion.Kind.NUMBER, ""),
    (
        "Wat is je functietitel?",
        IntakeQuestion.Kind.CHOICE,
        "Projectondersteuner\nProjectassistent\nProjectmedewerker\nAssistent projectmanager\n"
        "Programmaondersteuner\nEen andere titel",
    ),
]

# How the answers of the made-up members fall, per question in the order above: (answer, weight).
# Most have worked as a supporter for five years or less; a few support twenty projects or more.
INTAKE_ANSWER_WEIGHTS = [
    [("Korter dan 2 jaar", 27), ("2 tot 5 jaar", 37), ("5 tot 10 jaar", 24), ("Langer dan 10 jaar", 12)],
    [
        ("1", 4),
        ("2", 9),
        ("3", 13),
        ("4", 11),
        ("5", 9),
        ("6", 7),
        ("8", 6),
        ("10", 5),
        ("12", 3),
        ("15", 3),
        ("20", 2),
        ("25", 2),
    ],
    [
        ("Projectondersteuner", 38),
        ("Projectassistent", 18),
        ("Projectmedewerker", 16),
        ("Assistent projectmanager", 11),
        ("Programmaondersteuner", 10),
        ("Een andere titel", 7),
    ],
]
# The share of the made-up members who answered the poll.
INTAKE_SHARE = 0.6

# The demo logins in the circle: when they joined (days before the first session) and their answers to
# the intake poll, in the order of the questions (None: not answered).
LOGIN_MEMBERS = {
    "anna@zeist.example.org": {"joined_days_before": 44, "intake": ["Korter dan 2 jaar", "3", "Projectondersteuner"]},
    "bram@utrecht.example.org": {"joined_days_before": 36, "intake": None},
}

# Organisations that come with the made-up members: (name, slug, kind, members). Gemeenten from every
# province but Groningen and Zeeland, as in the circle of the domain text, and a few of each other kind.
ORGANISATIONS = [
    ("Gemeente Amersfoort", "amersfoort", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Nieuwegein", "nieuwegein", Organisation.Kind.GEMEENTE, 2),
    ("Gemeente Houten", "houten", Organisation.Kind.GEMEENTE, 1),
    ("Gemeente Amsterdam", "amsterdam", Organisation.Kind.GEMEENTE, 4),
    ("Gemeente Haarlem", "haarlem", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Zaanstad", "zaanstad", Organisation.Kind.GEMEENTE, 1),
    ("Gemeente Hilversum", "hilversum", Organisation.Kind.GEMEENTE, 1),
    ("Gemeente Rotterdam", "rotterdam", Organisation.Kind.GEMEENTE, 4),
    ("Gemeente Den Haag", "den-haag", Organisation.Kind.GEMEENTE, 4),
    ("Gemeente Leiden", "leiden", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Dordrecht", "dordrecht", Organisation.Kind.GEMEENTE, 2),
    ("Gemeente Arnhem", "arnhem", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Nijmegen", "nijmegen", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Apeldoorn", "apeldoorn", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Ede", "ede", Organisation.Kind.GEMEENTE, 1),
    ("Gemeente Eindhoven", "eindhoven", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Tilburg", "tilburg", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Breda", "breda", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente 's-Hertogenbosch", "s-hertogenbosch", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Maastricht", "maastricht", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Venlo", "venlo", Organisation.Kind.GEMEENTE, 1),
    ("Gemeente Zwolle", "zwolle", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Enschede", "enschede", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Deventer", "deventer", Organisation.Kind.GEMEENTE, 1),
    ("Gemeente Almere", "almere", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Lelystad", "lelystad", Organisation.Kind.GEMEENTE, 2),
    ("Gemeente Leeuwarden", "leeuwarden", Organisation.Kind.GEMEENTE, 3),
    ("Gemeente Heerenveen", "heerenveen", Organisation.Kind.GEMEENTE, 1),
    ("Gemeente Assen", "assen", Organisation.Kind.GEMEENTE, 2),
    ("Gemeente Emmen", "emmen", Organisation.Kind.GEMEENTE, 2),
    ("Provincie Gelderland", "provincie-gelderland", Organisation.Kind.PROVINCIE, 3),
    ("Provincie Noord-Brabant", "provincie-noord-brabant", Organisation.Kind.PROVINCIE, 3),
    ("Provincie Zuid-Holland", "provincie-zuid-holland", Organisation.Kind.PROVINCIE, 3),
    ("Provincie Overijssel", "provincie-overijssel", Organisation.Kind.PROVINCIE, 2),
    ("Provincie Limburg", "provincie-limburg", Organisation.Kind.PROVINCIE, 2),
    ("Provincie Flevoland", "provincie-flevoland", Organisation.Kind.PROVINCIE, 2),
    ("Provincie Fryslân", "provincie-fryslan", Organisation.Kind.PROVINCIE, 2),
    ("Hoogheemraadschap De Stichtse Rijnlanden", "hdsr", Organisation.Kind.WATERSCHAP, 2),
    ("Hoogheemraadschap van Rijnland", "rijnland", Organisation.Kind.WATERSCHAP, 2),
    ("Waterschap Rivierenland", "waterschap-rivierenland", Organisation.Kind.WATERSCHAP, 2),
    ("Waterschap Aa en Maas", "aa-en-maas", Organisation.Kind.WATERSCHAP, 2),
    ("Ministerie van Infrastructuur en Waterstaat", "ienw", Organisation.Kind.MINISTERIE, 2),
    ("Ministerie van Justitie en Veiligheid", "jenv", Organisation.Kind.MINISTERIE, 2),
    ("Ministerie van Onderwijs, Cultuur en Wetenschap", "ocw", Organisation.Kind.MINISTERIE, 1),
    ("Rijkswaterstaat", "rijkswaterstaat", Organisation.Kind.UITVOERINGSORGANISATIE, 3),
    ("Rijksdienst voor Ondernemend Nederland", "rvo", Organisation.Kind.UITVOERINGSORGANISATIE, 2),
    ("Dienst Uitvoering Onderwijs", "duo", Organisation.Kind.UITVOERINGSORGANISATIE, 1),
]
# Made-up members at the organisations of demo.content.people, by slug.
MEMBERS_AT_DEMO_ORGANISATIONS = {"zeist": 2, "utrecht": 4, "provincie-utrecht": 3, "bzk": 2}

# The team a made-up member works in, by kind of organisation; taken in turn.
TEAMS = {
    Organisation.Kind.GEMEENTE: ["Programmabureau", "Projectenbureau", "Fysiek Domein", "Sociaal Domein"],
    Organisation.Kind.PROVINCIE: ["Programmabureau Mobiliteit", "Projectbureau Infra", "Team Energie"],
    Organisation.Kind.WATERSCHAP: ["Projectbureau Waterveiligheid", "Afdeling Projecten"],
    Organisation.Kind.MINISTERIE: ["Programmadirectie", "Directie Bedrijfsvoering"],
    Organisation.Kind.UITVOERINGSORGANISATIE: ["Projectenportfolio", "Programmabureau"],
}

FIRST_NAMES = [
    "Sanne", "Lotte", "Jeroen", "Marieke", "Naima", "Esther", "Dennis", "Femke", "Priya", "Karin",
    "Martijn", "Ilse", "Yasmina", "Petra", "Wouter", "Anouk", "Mehmet", "Judith", "Linda", "Sander",
    "Marloes", "Elif", "Hanneke", "Ruud", "Joyce", "Samira", "Bas", "Monique", "Shanti", "Iris",
    "Erik", "Chantal", "Wendy", "Youssef", "Mirjam", "Niels", "Astrid", "Fatma", "Renate", "Joost",
    "Sabine", "Kevin", "Manon", "Rianne", "Stefan", "Tineke", "Demi", "Pieter", "Nathalie", "Sevda",
    "Thomas", "Jolanda", "Ingrid", "Rick", "Els", "Melissa", "Ahmed", "Saskia", "Yvonne", "Tim",
]  # fmt: skip
SURNAMES = [
    "de Jong", "van den Berg", "Bakker", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
    "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Yilmaz", "de Graaf",
    "van der Meer", "El Idrissi", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "Ramdin",
    "van der Veen", "van den Broek", "de Bruijn", "van Dijk", "Schouten", "Kaya", "van Beek", "Willems",
    "van Wijk", "Hoekstra", "Postma", "Bouzid", "Kuipers", "Verhoeven", "Koster", "Prins", "Nguyen",
    "Huisman", "Kramer", "van Vliet", "Timmermans", "Sewdien", "Groen", "Pinas", "Bulut", "Veenstra",
]  # fmt: skip

# Joining: the made-up members join between 60 and 31 days before the first session (before the
# organiser published it), except every LATE_JOINER_EVERY-th, who joins in the five weeks after it.
# LEAVERS of them leave the circle again, LEAVING_WEEKS_AGO weeks before today.
EARLY_JOINING_DAYS_BEFORE_FIRST_SESSION = (60, 31)
LATE_JOINER_EVERY = 8
LATE_JOINING_DAYS_AFTER_FIRST_SESSION = 35
LEAVERS = 2
LEAVING_WEEKS_AGO = 4

ONLINE_URL = "https://meet.example.org/leerkring-projectondersteuners"

# Each session: when (weeks, weekday, start; every session lasts an hour and a half), how many days
# before the start the organiser published it, its theme, agenda, capacity and registration deadline
# (days before, at 17.00; None: until the start), and who took part: "registrations" made-up members
# register, "cancel" of them cancel shortly before the start. A past session also has its attendance
# (of the made-up members who kept their place, "present" were there, "check_ins" of them checked in
# with the code, the organiser marked the rest), a walk-in without an account (name, email) or None,
# feedback from "feedback" made-up members who were there (the "comments" as (rating, text), the rest
# a rating drawn from "ratings" as (rating, weight)), and a report, published or kept as a draft.
# "logins": what the demo logins did ("present", "absent", "registered" or "waitlisted"), with their
# own feedback as (rating, comment) or None.
SESSIONS = [
    {
        "weeks": -17,
        "weekday": 1,
        "start": time(10, 0),
        "published_days_before": 30,
        "theme": "Het takenpakket van een ondersteuner",
        "agenda": (
            "<ul><li>10.00 uur: welkom, en wat de intakevragen zeggen over wie er in deze kring zitten</li>"
            "<li>10.15 uur: twee ondersteuners, van de gemeenten Zeist en Utrecht, vertellen hoe hun werkweek "
            "eruitziet</li><li>10.40 uur: in kleine groepen: aan welke projecten werk je, wat is je rol, wat "
            "zou je meer en wat minder willen doen?</li><li>11.15 uur: wat de groepen opviel</li>"
            "<li>11.30 uur: einde</li></ul>"
        ),
        "capacity": 150,
        "deadline_days_before": None,
        "registrations": 78,
        "cancel": 3,
        "present": 66,
        "check_ins": 15,
        "walk_in": None,
        "feedback": 26,
        "ratings": [(5, 12), (4, 15), (3, 5), (2, 1)],
        "comments": [
            (
                5,
                "Heel herkenbaar dat zoveel collega's zich de spin in het web voelen. Ik dacht dat dat alleen bij ons "
                "zo was.",
            ),
            (
                4,
                "Het verschil tussen drie en vijfentwintig projecten had ik niet verwacht. Mooi om dat eens naast "
                "elkaar te zien.",
            ),
            (3, "De groepjes waren te kort, net als het gesprek op gang kwam moesten we terug."),
            (4, "Met zoveel mensen online was het in het begin wat zoeken, maar daarna liep het prima."),
            (5, "Goed idee om de intakevragen vooraf te stellen, dan hoeft niet iedereen zich voor te stellen."),
            (3, "Ik had graag meer gehoord over hoe de twee sprekers hun werk afbakenen."),
        ],
        "report": (
            "<p>Bij de eerste bijeenkomst waren bijna zeventig ondersteuners online. Een voorstelronde met zoveel "
            "mensen kost een hele ochtend, dus hadden de deelnemers vooraf de intakevragen beantwoord. Daaruit "
            "bleek dat ongeveer twee op de drie hooguit vijf jaar als ondersteuner werken, en maar een klein deel "
            "langer dan tien jaar. De titels lopen uiteen: projectassistent, projectmedewerker, assistent "
            "projectmanager en nog een paar, maar iedereen ondersteunt projecten.</p>"
            "<h2>Twee voorbeelden uit de praktijk</h2>"
            "<p>Een ondersteuner van de gemeente Zeist en een van de gemeente Utrecht vertelden over hun "
            "takenpakket. Hetzelfde vak, en toch twee heel verschillende werkweken: de een draait inhoudelijk mee "
            "in een paar grote projecten, de ander houdt de basis op orde voor een hele reeks projecten.</p>"
            "<h2>Wat de groepen opleverden</h2>"
            "<ul><li>Veel deelnemers zien zichzelf als de spin in het web. Waar een secretaresse vroeger vooral "
            "afspraken voor een ander maakte, plan je als ondersteuner ook je eigen werk.</li>"
            "<li>Voor sommigen bestaat de week vooral uit vergaderingen bijwonen en verslagen maken. Tip uit de "
            "groep: spreek af hoe een verslag eruitziet. Alleen de afspraken vastleggen kan vaak ook, en dan ben "
            "je snel weer door.</li>"
            "<li>Programmaondersteuners blijven door de omvang van hun programma meestal op hoofdlijnen. "
            "Projectondersteuners willen vaker de inhoud in, maar krijgen daar lang niet altijd de tijd voor.</li>"
            "<li>Waar de bezetting krap is, komen taken van projectleiders bij ondersteuners terecht. Af en toe "
            "is dat leerzaam; gebeurt het steeds, dan blijft je eigen werk liggen.</li>"
            "<li>Het aantal projecten per ondersteuner loopt uiteen van drie tot vijfentwintig. Wie er "
            "vijfentwintig heeft, komt niet verder dan de vaste taken.</li></ul>"
            "<h2>Volgende keer</h2>"
            "<p>De volgende bijeenkomst gaat over de functie- en taakbeschrijving van projectondersteuning. "
            "Neem je eigen functiebeschrijving mee, als je die kunt vinden.</p>"
        ),
        "publish_report": True,
        "logins": {
            "anna@zeist.example.org": {
                "status": "present",
                "feedback": (5, "Fijn om te merken dat ik met drie projecten eigenlijk een luxe positie heb."),
            },
            "bram@utrecht.example.org": {"status": "present", "feedback": (4, "")},
        },
    },
    {
        "weeks": -10,
        "weekday": 3,
        "start": time(10, 0),
        "published_days_before": 34,
        "theme": "De functie- en taakbeschrijving van projectondersteuning",
        "agenda": (
            "<ul><li>10.00 uur: welkom en terugblik op de eerste bijeenkomst</li>"
            "<li>10.10 uur: wat staat er in jouw functiebeschrijving, en klopt dat nog?</li>"
            "<li>10.30 uur: in kleine groepen: maak een lijst van je taken en schat hoeveel tijd elke taak kost</li>"
            "<li>11.05 uur: hoe bespreek je een verouderde beschrijving met je leidinggevende?</li>"
            "<li>11.30 uur: einde</li></ul>"
        ),
        "capacity": 150,
        "deadline_days_before": None,
        "registrations": 58,
        "cancel": 3,
        "present": 45,
        "check_ins": 12,
        "walk_in": ("Jasmijn Verbeek", "j.verbeek@gemeente-woerden.example.org"),
        "feedback": 18,
        "ratings": [(5, 9), (4, 14), (3, 6), (2, 1)],
        "comments": [
            (4, "Eindelijk een zetje om mijn functiebeschrijving weer eens op te zoeken. Die is van 2015."),
            (5, "De tip om per taak te schatten hoeveel tijd het kost, neem ik mee naar mijn jaargesprek."),
            (3, "Iets minder praten in de grote groep en meer in de groepjes, graag."),
            (5, "Goed voorbereid en fijn dat het verslag van de vorige keer er al stond."),
        ],
        "report": (
            "<p>Deze keer lag de functiebeschrijving op tafel. Een rondvraag in de chat leverde een duidelijk "
            "beeld op: bij de meeste deelnemers is de beschrijving een paar jaar oud, en bij een flink aantal "
            "past die niet meer bij het werk dat ze nu doen.</p>"
            "<h2>Taken en tijd</h2>"
            "<p>In kleine groepen maakten de deelnemers een lijst van hun taken, met bij elke taak een schatting "
            "van de tijd die het in een gewone week kost. Vaste taken als planning, verslaglegging en het "
            "projectdossier bijhouden staan bijna overal in de beschrijving. Wat vaak ontbreekt, is het werk dat "
            "er in de loop der jaren bij is gekomen: rapportages voor het bestuur, het budget van een project "
            "bijhouden of het aansturen van een collega.</p>"
            "<h2>Het gesprek met je leidinggevende</h2>"
            "<ul><li>Maak het concreet: welke taken doe je, hoeveel tijd kosten ze en wat staat er niet in je "
            "beschrijving?</li><li>Leg je takenlijst naast een functieprofiel op Spil, zodat je een gemeenschappelijk "
            "beeld hebt van wat er bij projectondersteuning hoort.</li><li>Spreek af welke taken blijven, welke "
            "tijdelijk zijn en welke terug moeten naar de projectleider.</li></ul>"
        ),
        "publish_report": True,
        "logins": {
            "anna@zeist.example.org": {
                "status": "present",
                "feedback": (4, "Nuttig. Mijn beschrijving noemt het budget niet, terwijl ik dat elke week doe."),
            },
            "bram@utrecht.example.org": {"status": "absent", "feedback": None},
        },
    },
    {
        "weeks": -7,
        "weekday": 1,
        "start": time(13, 30),
        "published_days_before": 21,
        "theme": "Verslagen en vergaderingen: minder schrijven, beter vastleggen",
        "agenda": (
            "<ul><li>13.30 uur: welkom</li><li>13.35 uur: drie vormen van vastleggen, van actielijst tot "
            "uitgebreid verslag</li><li>13.55 uur: in kleine groepen: neem een verslag van de afgelopen week en "
            "maak het de helft korter</li><li>14.40 uur: afspraken over verslaglegging maken met je "
            "projectleider</li><li>15.00 uur: einde</li></ul>"
        ),
        "capacity": 150,
        "deadline_days_before": None,
        "registrations": 47,
        "cancel": 2,
        "present": 37,
        "check_ins": 10,
        "walk_in": None,
        "feedback": 14,
        "ratings": [(5, 11), (4, 10), (3, 3)],
        "comments": [
            (5, "Praktisch en direct toepasbaar. Mijn volgende verslag wordt een actielijst."),
            (4, "De oefening met een eigen verslag werkte goed, al was een kwartier te kort."),
            (4, "Een middag komt mij beter uit dan een ochtend, graag vaker."),
        ],
        "report": (
            "<p>Vergaderen en verslaan kost veel ondersteuners een groot deel van hun week. In deze bijeenkomst "
            "ging het over de vraag hoe dat korter kan, zonder dat er iets verloren gaat.</p>"
            "<h2>Drie vormen</h2>"
            "<p>Niet elk overleg vraagt om een volledig verslag. Voor een kort werkoverleg volstaat vaak een lijst "
            "met besluiten en acties; een stuurgroep die over geld beslist, wil de afwegingen juist terug kunnen "
            "lezen. Wie vooraf met de voorzitter afspreekt welke vorm past, hoeft achteraf minder te "
            "herschrijven.</p>"
            "<h2>Uit de groepen</h2>"
            "<ul><li>De meeste verslagen werden bij de oefening met minstens een derde korter, vooral door het "
            "gesprek niet na te vertellen.</li><li>Een vast sjabloon met bovenaan de vorm van het verslag scheelt "
            "discussie met nieuwe deelnemers van een overleg.</li><li>Stuur het verslag binnen twee werkdagen "
            "rond; daarna leest niemand het meer.</li></ul>"
            "<p>Wie verder wil, kan de leergang Notuleren en actielijsten volgen.</p>"
        ),
        "publish_report": True,
        "logins": {"anna@zeist.example.org": {"status": "absent", "feedback": None}},
    },
    {
        "weeks": -2,
        "weekday": 2,
        "start": time(10, 0),
        "published_days_before": 23,
        "theme": "Taken die niet bij je functie horen",
        "agenda": (
            "<ul><li>10.00 uur: welkom</li><li>10.10 uur: een deelnemer vertelt hoe ze de helft van het werk "
            "van een vertrokken projectleider overnam, en wat dat haar bracht en kostte</li><li>10.30 uur: in "
            "kleine groepen: welk werk is er bij jou bijgekomen, en wil je dat houden?</li><li>11.10 uur: van "
            "extra taak naar ontwikkelafspraak</li><li>11.30 uur: einde</li></ul>"
        ),
        "capacity": 150,
        "deadline_days_before": None,
        "registrations": 43,
        "cancel": 2,
        "present": 33,
        "check_ins": 10,
        "walk_in": None,
        "feedback": 10,
        "ratings": [(5, 8), (4, 9), (3, 3), (2, 1)],
        "comments": [
            (5, "Het voorbeeld van de spreker was heel eerlijk. Daar heb ik veel aan gehad."),
            (4, "Ik ga met mijn leidinggevende in gesprek over de taken die er stilletjes bij zijn gekomen."),
        ],
        "report": (
            "<p>Waar de bezetting krap is, schuift werk van projectleiders door naar ondersteuners. Deze keer "
            "bespraken we wanneer dat een kans is en wanneer een probleem.</p>"
            "<p>Het verslag volgt nog; de organisator vult het aan met de opbrengst van de groepen.</p>"
        ),
        "publish_report": False,
        "logins": {
            "anna@zeist.example.org": {"status": "present", "feedback": None},
            "bram@utrecht.example.org": {"status": "present", "feedback": None},
        },
    },
    {
        "weeks": 2,
        "weekday": 3,
        "start": time(10, 0),
        "published_days_before": 24,
        "theme": "Intervisie in kleine groepen: de spin in het web",
        "agenda": (
            "<p>Deze keer werken we met maximaal dertig deelnemers, in vijf groepen van zes, zodat iedereen aan "
            "het woord komt. Elke groep bespreekt een situatie die een van de deelnemers inbrengt, volgens een "
            "vaste methode van vragen stellen, adviseren en terugblikken.</p>"
            "<ul><li>10.00 uur: uitleg van de methode</li><li>10.15 uur: intervisie in groepen</li><li>11.15 uur: "
            "wat neem je mee?</li><li>11.30 uur: einde</li></ul>"
        ),
        "capacity": 30,
        "deadline_days_before": 1,
        "registrations": 34,
        "cancel": 1,
        "logins": {
            "anna@zeist.example.org": {"status": "registered"},
            "bram@utrecht.example.org": {"status": "waitlisted"},
        },
    },
    {
        "weeks": 6,
        "weekday": 1,
        "start": time(10, 0),
        "published_days_before": 44,
        "theme": "Project- of programmaondersteuning: de diepte in of op hoofdlijnen?",
        "agenda": (
            "<ul><li>10.00 uur: welkom</li><li>10.10 uur: een programmaondersteuner en een projectondersteuner "
            "vergelijken hun werk</li><li>10.35 uur: in kleine groepen: hoeveel inhoud heb je nodig om goed te "
            "ondersteunen?</li><li>11.15 uur: opbrengst en vooruitblik</li><li>11.30 uur: einde</li></ul>"
        ),
        "capacity": 150,
        "deadline_days_before": None,
        "registrations": 23,
        "cancel": 0,
        "logins": {"anna@zeist.example.org": {"status": "registered"}},
    },
]
