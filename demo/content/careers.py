"""Competencies, methods, role profiles and career paths, with the two pages that show them.
`demo.seeders.careers` writes them as an editor would."""

INDEX_PAGE = {
    "title": "Functieprofielen",
    "slug": "functieprofielen",
    "show_in_menus": True,
    "introduction": (
        "Hier vind je de functieprofielen voor projectondersteuning, PMO en managementondersteuning. "
        "Per profiel lees je wat het werk inhoudt, met welke methoden je werkt en welk niveau van elke "
        "competentie wordt verwacht. Zo zie je waar je nu staat en wat je nodig hebt voor een volgende stap."
    ),
}

CAREER_MAP_PAGE = {
    "title": "Loopbaanpaden",
    "slug": "loopbaanpaden",
    "show_in_menus": True,
    "introduction": (
        "Welke kant kun je op vanuit je huidige functie? De loopbaankaart laat zien hoe je binnen je vak "
        "doorgroeit en welke zijstappen er zijn naar verwante functies. Bij elke stap staat wat er voor je "
        "verandert."
    ),
}

# Each competency: name, slug, cluster (a Competency.Cluster value), description, level_1..level_4.
COMPETENCIES = [
    # Organiseren
    {
        "name": "Bijeenkomsten organiseren",
        "slug": "bijeenkomsten-organiseren",
        "cluster": "organiseren",
        "description": (
            "Overleggen, werksessies en evenementen zo voorbereiden en regelen dat de deelnemers zich "
            "helemaal op de inhoud kunnen richten."
        ),
        "level_1": (
            "Je plant een overleg in, reserveert een ruimte of online vergadering en stuurt de uitnodiging "
            "met de juiste stukken op tijd rond."
        ),
        "level_2": (
            "Je regelt terugkerende overleggen en bijeenkomsten van begin tot eind zelf: agenda, catering, "
            "techniek en het nasturen van de afspraken."
        ),
        "level_3": (
            "Je organiseert grote of gevoelige bijeenkomsten met meerdere afdelingen of externe gasten, en "
            "houdt daarbij rekening met belangen, protocol en een strak tijdpad."
        ),
        "level_4": (
            "Je ontwerpt de overlegstructuur van een directie of programma en zorgt dat elk overleg een "
            "duidelijk doel heeft. Collega's vragen jou om raad bij complexe evenementen."
        ),
    },
    {
        "name": "Structureren en ordenen",
        "slug": "structureren",
        "cluster": "organiseren",
        "description": (
            "Overzicht scheppen in informatie, werk en afspraken, zodat anderen snel vinden wat ze nodig hebben."
        ),
        "level_1": "Je houdt je eigen taken, mappen en mailbox op orde volgens de afspraken van het team.",
        "level_2": (
            "Je brengt zelf ordening aan in de stukken en documenten van een manager of project, en zorgt dat "
            "iedereen weet waar wat staat."
        ),
        "level_3": (
            "Je zet voor een project of afdeling een vaste structuur neer met sjablonen, een mappenindeling en "
            "werkafspraken. Uit een berg informatie haal je snel de rode draad."
        ),
        "level_4": (
            "Je richt de informatie- en werkstructuur van meerdere teams of een heel programma in, en zorgt dat "
            "die blijft werken als er mensen wisselen."
        ),
    },
    {
        "name": "Regie en coördinatie",
        "slug": "regie-en-coordinatie",
        "cluster": "organiseren",
        "description": (
            "Niet alles zelf oplossen, maar zorgen dat de juiste mensen en loketten op het goede moment in actie komen."
        ),
        "level_1": "Je weet bij welk loket een vraag hoort en verwijst collega's daar correct naartoe.",
        "level_2": (
            "Je formuleert vragen namens je manager of team helder, zet ze uit bij bijvoorbeeld facilitaire "
            "zaken, ICT of inkoop, en houdt bij of ze worden opgepakt."
        ),
        "level_3": (
            "Je coördineert het werk van meerdere ondersteuners of werkstromen, verdeelt de taken en regelt de "
            "onderlinge vervanging."
        ),
        "level_4": (
            "Je voert de regie over de ondersteuning van een directie of een hele projectenportefeuille, en "
            "spreekt leidinggevenden aan als afspraken niet worden nagekomen."
        ),
    },
    # Communiceren
    {
        "name": "Notuleren en verslagleggen",
        "slug": "verslaglegging",
        "cluster": "communiceren",
        "description": (
            "Besluiten, afspraken en acties van een overleg helder en op tijd vastleggen, in een vorm die past "
            "bij het doel van het overleg."
        ),
        "level_1": "Je maakt met een vast sjabloon een besluiten- en actielijst van een gewoon teamoverleg.",
        "level_2": (
            "Je notuleert zelfstandig uiteenlopende overleggen. Je kiest bewust tussen een kort "
            "afsprakenverslag en een uitgebreid verslag, en stuurt het snel rond."
        ),
        "level_3": (
            "Je legt ook ingewikkelde of politiek gevoelige overleggen nauwkeurig vast, en bewaakt met de "
            "actielijst dat afspraken worden nagekomen."
        ),
        "level_4": (
            "Je bepaalt voor een directie of programma hoe er wordt verslagen en gearchiveerd, en leert "
            "collega's om kort en scherp vast te leggen."
        ),
    },
    {
        "name": "Communiceren met belanghebbenden",
        "slug": "stakeholdercommunicatie",
        "cluster": "communiceren",
        "description": (
            "Iedereen die bij het werk betrokken is, binnen en buiten de organisatie, tijdig en passend "
            "informeren en hun verwachtingen helpen bijstellen."
        ),
        "level_1": (
            "Je beantwoordt vragen van collega's en externen vriendelijk en correct, en weet wanneer je iemand "
            "moet doorverwijzen."
        ),
        "level_2": (
            "Je houdt betrokkenen zelfstandig op de hoogte van planning en voortgang, met herinneringen, korte "
            "updates en verslagen."
        ),
        "level_3": (
            "Je brengt in kaart wie welke belangen en invloed heeft, en stemt boodschap en kanaal daarop af, ook "
            "richting bestuur en externe partijen."
        ),
        "level_4": (
            "Je bepaalt de communicatieaanpak van een programma of verandertraject, en houdt ook bij "
            "tegengestelde belangen het vertrouwen van alle partijen."
        ),
    },
    {
        "name": "Helder formuleren",
        "slug": "helder-formuleren",
        "cluster": "communiceren",
        "description": (
            "In mail, chat en notities precies zeggen wat je bedoelt, zodat de ontvanger niet hoeft te raden. "
            "Voor wie veel op afstand werkt, is dit onmisbaar."
        ),
        "level_1": "Je schrijft correcte, vriendelijke mails en berichten zonder taalfouten.",
        "level_2": (
            "Je vat een lange mailwisseling in een paar zinnen samen en stelt een vraag zo dat die in één keer "
            "goed wordt begrepen."
        ),
        "level_3": (
            "Je schrijft namens je manager of projectleider brieven, memo's en samenvattingen die zonder "
            "correcties de deur uit kunnen."
        ),
        "level_4": (
            "Je stelt gevoelige berichten voor directie of bestuur op en bent voor collega's het aanspreekpunt "
            "voor toon en stijl."
        ),
    },
    # Plannen en control
    {
        "name": "Planning en voortgangsbewaking",
        "slug": "planning-en-voortgang",
        "cluster": "plannen-control",
        "description": (
            "Een planning maken en bijhouden, deadlines bewaken en knelpunten zien aankomen voordat ze een "
            "probleem worden."
        ),
        "level_1": (
            "Je houdt termijnen bij in een planning die een ander heeft opgezet, en meldt het als een deadline "
            "in gevaar komt."
        ),
        "level_2": (
            "Je maakt zelf de planning voor een overzichtelijk project of traject, werkt die bij en spreekt "
            "mensen aan op hun acties."
        ),
        "level_3": (
            "Je beheert de planning van een complex project met veel afhankelijkheden, ziet vroeg waar het gaat "
            "knellen en stelt voor hoe je kunt bijsturen."
        ),
        "level_4": (
            "Je stemt de planningen van meerdere projecten op elkaar af, let daarbij op capaciteit en "
            "prioriteiten, en adviseert de leiding over keuzes."
        ),
    },
    {
        "name": "Risico's en issues beheren",
        "slug": "risicomanagement",
        "cluster": "plannen-control",
        "description": "Risico's en problemen in een project vastleggen, volgen en helpen beperken.",
        "level_1": "Je noteert risico's en issues die in overleggen ter sprake komen in het logboek van het project.",
        "level_2": (
            "Je houdt het risico- en issuelogboek zelfstandig bij en vraagt de eigenaren geregeld hoe het staat "
            "met hun maatregelen."
        ),
        "level_3": (
            "Je leidt samen met de projectleider risicosessies, weegt kans en gevolgen af en stelt blijvende "
            "oplossingen voor als het project afwijkt."
        ),
        "level_4": (
            "Je richt risicomanagement in voor een hele portefeuille en zorgt dat de grootste risico's op tijd "
            "bij de beslissers liggen."
        ),
    },
    {
        "name": "Rapporteren en sturingsinformatie",
        "slug": "rapportage",
        "cluster": "plannen-control",
        "description": (
            "Gegevens over voortgang, geld en resultaten verzamelen en zo presenteren dat leiding en bestuur "
            "erop kunnen sturen."
        ),
        "level_1": "Je verzamelt op verzoek cijfers en stukken en vult ze in een bestaand rapportageformat in.",
        "level_2": (
            "Je stelt zelfstandig de periodieke voortgangsrapportage van een project op en controleert of de "
            "gegevens kloppen."
        ),
        "level_3": (
            "Je bundelt informatie uit verschillende bronnen tot een rapportage voor management of bestuur, met "
            "een duidelijke boodschap en aandachtspunten."
        ),
        "level_4": (
            "Je ontwerpt de rapportagecyclus van een programma of portefeuille, zodat beslissers altijd de "
            "informatie hebben die ze nodig hebben."
        ),
    },
    # Financiën
    {
        "name": "Budget en uren bewaken",
        "slug": "budgetbewaking",
        "cluster": "financien",
        "description": (
            "Uitgaven, verplichtingen en uren van een team of project bijhouden en afwijkingen op tijd melden."
        ),
        "level_1": "Je verwerkt facturen, declaraties en urenregistraties volgens de vaste procedure.",
        "level_2": (
            "Je houdt het budgetoverzicht van een project of afdeling bij en meldt uit jezelf wanneer de "
            "uitgaven afwijken van de begroting."
        ),
        "level_3": (
            "Je maakt prognoses, legt verschillen uit aan de projectleider of manager en denkt mee over bijsturing."
        ),
        "level_4": (
            "Je bewaakt de financiën van meerdere projecten of een directie, adviseert over de verdeling van "
            "budgetten en sluit aan op de planning- en controlcyclus van de organisatie."
        ),
    },
    {
        "name": "Contracten en leveranciers",
        "slug": "contractbeheer",
        "cluster": "financien",
        "description": "Afspraken met leveranciers en opdrachtnemers vastleggen, bewaken en goed benutten.",
        "level_1": "Je weet waar contracten en offertes staan en zoekt gegevens op als daarom wordt gevraagd.",
        "level_2": (
            "Je houdt een overzicht bij van lopende contracten met hun looptijd en opzegtermijn, en waarschuwt "
            "op tijd voor verlengingen."
        ),
        "level_3": (
            "Je bereidt samen met inkoop opdrachten en contracten voor, en controleert of leveranciers leveren "
            "wat is afgesproken."
        ),
        "level_4": (
            "Je adviseert over de inkoop van een programma, ziet waar kosten te besparen zijn en voert het "
            "gesprek met leveranciers als het misgaat."
        ),
    },
    # Procesverbetering
    {
        "name": "Werkprocessen verbeteren",
        "slug": "procesverbetering",
        "cluster": "procesverbetering",
        "description": "Kritisch kijken hoe het werk loopt, en helpen verspilling en omwegen weg te nemen.",
        "level_1": "Je merkt op waar in je eigen werk dingen dubbel of omslachtig gaan, en meldt dat.",
        "level_2": (
            "Je verbetert je eigen werkwijze en die van je team in kleine stappen: plannen, uitvoeren, nagaan "
            "wat het oplevert en bijstellen."
        ),
        "level_3": (
            "Je brengt met collega's een werkproces in kaart, zoekt met Lean-technieken waar tijd verloren gaat "
            "en begeleidt de invoering van een verbetering."
        ),
        "level_4": (
            "Je stuurt verbetertrajecten over afdelingen heen aan, adviseert de leiding over de inrichting van "
            "processen en zorgt dat verbeteringen blijven hangen."
        ),
    },
    {
        "name": "Kwaliteit en documentatie borgen",
        "slug": "kwaliteitsborging",
        "cluster": "procesverbetering",
        "description": (
            "Zorgen dat projectstappen, keuzes en lessen goed zijn vastgelegd, zodat de kwaliteit bewaakt wordt "
            "en de organisatie ervan leert."
        ),
        "level_1": "Je slaat documenten op de afgesproken plek op, met de juiste naam en versie.",
        "level_2": (
            "Je beheert het projectdossier zelfstandig en controleert of documenten voldoen aan de afgesproken "
            "eisen en sjablonen."
        ),
        "level_3": (
            "Je organiseert evaluaties en tussentijdse reviews, en legt de leerpunten zo vast dat volgende "
            "projecten er echt iets aan hebben."
        ),
        "level_4": (
            "Je stelt de kwaliteitseisen voor projectmatig werken in de organisatie op en bewaakt de samenhang "
            "en continuïteit tussen projecten."
        ),
    },
    # Digitale vaardigheden
    {
        "name": "Kantoorsoftware (MS Office)",
        "slug": "kantoorsoftware",
        "cluster": "digitaal",
        "description": (
            "Vlot werken met tekstverwerker, spreadsheet, presentaties, mail en agenda, zoals de programma's van "
            "Microsoft Office."
        ),
        "level_1": "Je maakt en bewerkt documenten, eenvoudige tabellen en agenda-afspraken zonder hulp.",
        "level_2": ("Je werkt met sjablonen, opmaakprofielen en formules, en beheert gedeelde agenda's en mailboxen."),
        "level_3": (
            "Je bouwt overzichten met draaitabellen of koppelingen, automatiseert terugkerend werk en helpt "
            "collega's op weg."
        ),
        "level_4": (
            "Je richt sjablonen en werkwijzen voor de hele afdeling in en bent de vraagbaak als iemand vastloopt."
        ),
    },
    {
        "name": "Digitale systemen en samenwerking",
        "slug": "digitale-systemen",
        "cluster": "digitaal",
        "description": (
            "Goed overweg kunnen met de systemen van de organisatie, zoals documentbeheer, personeelsselfservice "
            "en samenwerkingsplatforms, en helpen die te verbeteren."
        ),
        "level_1": (
            "Je gebruikt de standaardsystemen voor je eigen werk, zoals het documentmanagementsysteem en online "
            "vergaderen."
        ),
        "level_2": (
            "Je handelt taken namens je manager af in selfservicesystemen, zoals declaraties klaarzetten voor "
            "akkoord, en beheert een digitale teamomgeving."
        ),
        "level_3": (
            "Je bent de vaste 'super user' van je team: je helpt collega's op weg en geeft storingen en "
            "verbeterwensen door aan de beheerders."
        ),
        "level_4": (
            "Je denkt mee over de inrichting van digitale werkprocessen en vertegenwoordigt de gebruikers in "
            "overleg met ICT en leveranciers."
        ),
    },
    # Houding en samenwerking
    {
        "name": "Proactief en ondernemend",
        "slug": "proactiviteit",
        "cluster": "houding",
        "description": (
            "Vooruitdenken, werk zien liggen en zelf in beweging komen, zonder te wachten tot iemand erom vraagt."
        ),
        "level_1": "Je pakt je eigen taken zonder aansporing op en vraagt om uitleg als iets niet duidelijk is.",
        "level_2": (
            "Je ziet werk liggen en pakt het op, en je bedenkt vooraf wat je manager of projectleider straks "
            "nodig heeft."
        ),
        "level_3": (
            "Je loopt vooruit op wat er aankomt, helpt je manager prioriteren en bewaakt zijn of haar schaarse tijd."
        ),
        "level_4": (
            "Je neemt initiatieven die verder reiken dan je eigen functie, geeft aan wat er nodig is om het werk "
            "goed te doen en neemt anderen daarin mee."
        ),
    },
    {
        "name": "Samenwerken en verbinden",
        "slug": "samenwerken",
        "cluster": "houding",
        "description": (
            "Goed samenwerken met heel verschillende mensen, en de schakel zijn tussen leiding en werkvloer."
        ),
        "level_1": "Je werkt loyaal mee in het team, houdt je aan afspraken en bent aanspreekbaar op je bijdrage.",
        "level_2": (
            "Je stemt je werk zelf af met collega's van andere afdelingen en vangt met je team de afwezigheid van "
            "collega's op."
        ),
        "level_3": (
            "Je brengt mensen en teams met elkaar in contact en spreekt anderen collegiaal aan als iets niet "
            "loopt: je bent de spin in het web."
        ),
        "level_4": (
            "Je bent een informele leider die samenwerking in een complexe omgeving op gang brengt en bij "
            "spanningen de verbinding herstelt."
        ),
    },
    {
        "name": "Flexibel meebewegen",
        "slug": "flexibiliteit",
        "cluster": "houding",
        "description": (
            "Soepel inspelen op veranderingen in organisatie, werkwijze en werkplek, en zelf blijven leren."
        ),
        "level_1": (
            "Je past je aan als je rooster of takenpakket verandert, en leert nieuwe werkwijzen als ze worden "
            "aangeboden."
        ),
        "level_2": (
            "Je werkt op afstand net zo goed als op kantoor, neemt taken over als een collega afwezig is en houdt "
            "je kennis zelf bij."
        ),
        "level_3": (
            "Je houdt in drukke en veranderende omstandigheden het overzicht, maakt nieuwe taken snel eigen en "
            "helpt collega's aan veranderingen te wennen."
        ),
        "level_4": (
            "Je loopt voorop bij vernieuwingen in het vak, vertaalt ze naar de dagelijkse praktijk en werkt "
            "bewust aan je eigen inzetbaarheid en die van je team."
        ),
    },
    # Methodieken
    {
        "name": "Projectmatig werken",
        "slug": "projectmatig-werken",
        "cluster": "methodieken",
        "description": (
            "De fasen, rollen en producten van een projectmethode zoals Prince2 of IPMA kennen en toepassen."
        ),
        "level_1": (
            "Je kent de begrippen van projectmatig werken, zoals fase, opdrachtgever, projectplan en mijlpaal."
        ),
        "level_2": (
            "Je werkt in een project volgens de afgesproken methode en levert de bijbehorende producten aan, "
            "zoals het projectplan en de voortgangsrapportage."
        ),
        "level_3": (
            "Je bewaakt dat een project de methode goed toepast, wijst op ontbrekende besluiten of documenten en "
            "stemt de aanpak af op de omvang van het project."
        ),
        "level_4": (
            "Je bepaalt de projectaanpak van de organisatie of past die aan, en traint en adviseert "
            "projectleiders en ondersteuners in het gebruik ervan."
        ),
    },
    {
        "name": "Agile werken",
        "slug": "agile-werken",
        "cluster": "methodieken",
        "description": ("Werken in korte cycli met een vast ritme en veel terugkoppeling, zoals bij Scrum en Kanban."),
        "level_1": (
            "Je weet wat een sprint, een stand-up en een Kanban-bord zijn, en doet mee in een team dat zo werkt."
        ),
        "level_2": (
            "Je faciliteert de vaste overleggen van een agile team, houdt bord en backlog bij en helpt "
            "prioriteren, bijvoorbeeld met MoSCoW."
        ),
        "level_3": (
            "Je verbindt agile werken met de eisen die de organisatie stelt aan planning en verantwoording, en "
            "helpt teams hun werkwijze te verbeteren."
        ),
        "level_4": (
            "Je adviseert over agile werken op het niveau van programma's of de hele organisatie, en helpt "
            "leidinggevenden sturen op resultaat in plaats van op detailplanning."
        ),
    },
]

# (name, one-line description)
METHODS = [
    (
        "Agile/Scrum",
        "Werken in korte sprints met een vast ritme van overleggen, zodat het team snel resultaat laat zien en "
        "kan bijsturen.",
    ),
    ("Prince2", "Gestructureerde projectmethode met vaste fasen, rollen en beslismomenten, van start tot afsluiting."),
    ("IPMA", "Internationaal kader voor de competenties van projectprofessionals, met bijbehorende certificering."),
    ("Lean", "Denkwijze die verspilling zoveel mogelijk wegneemt en zoveel mogelijk waarde levert voor de klant."),
    ("PDCA-cyclus", "Verbetercyclus van plannen, uitvoeren, controleren en bijstellen, die steeds opnieuw rondgaat."),
    ("Kanban", "Visueel bord waarop werk stap voor stap doorschuift, zodat opstoppingen direct opvallen."),
    ("MoSCoW", "Eisen en wensen rangschikken in must have, should have, could have en won't have (voorlopig niet)."),
    ("P3O", "Raamwerk voor het inrichten van een project-, programma- of portfoliokantoor."),
    (
        "Stakeholderanalyse",
        "In kaart brengen wie bij een project betrokken is, met welke belangen en invloed, en hoe je ieder meeneemt.",
    ),
]

# Salary scales: management support 5-9 (scale 5 is phased out), director's secretary 10;
# project supporter and project management assistant 8, programme supporter 9;
# PMO practical 9, tactical 10 (the process mentor too), strategic 11.
PROFILES = [
    # Projectondersteuning
    {
        "title": "Projectondersteuner",
        "slug": "projectondersteuner",
        "family": "project-support",
        "pmo_level": "",
        "salary_scale": 8,
        "phasing_out": False,
        "summary": (
            "De projectondersteuner zorgt dat de randvoorwaarden van een project op orde zijn: planning, "
            "overleggen, documenten en communicatie. Zo kunnen projectleider en adviseurs zich op de inhoud "
            "richten. Het werk verschilt sterk per organisatie: de een draait intensief mee in drie projecten, "
            "de ander verzorgt de basistaken voor twintig of meer."
        ),
        "core_tasks": [
            "Een projectstructuur opzetten volgens de werkwijze van de organisatie en die bijhouden",
            "Planning en deadlines bewaken en knelpunten vroeg melden aan de projectleider",
            "Overleggen voorbereiden en vastleggen: agenda, verslag en actielijst",
            "Bijeenkomsten en activiteiten praktisch en logistiek regelen",
            "Betrokkenen op de hoogte houden met updates en verslagen",
            "Projectdossier, rapportages en leerpunten beheren",
            "Gegevens over de voortgang verzamelen voor rapportages aan management of bestuur",
        ],
        "job_titles": "Projectondersteuner, Projectassistent, Projectmedewerker, Assistent projectleider",
        "methods": ["Prince2", "Agile/Scrum", "PDCA-cyclus"],
        "requirements": {
            "bijeenkomsten-organiseren": 3,
            "structureren": 3,
            "verslaglegging": 3,
            "stakeholdercommunicatie": 2,
            "planning-en-voortgang": 3,
            "rapportage": 2,
            "risicomanagement": 1,
            "budgetbewaking": 2,
            "kwaliteitsborging": 2,
            "kantoorsoftware": 3,
            "samenwerken": 3,
            "proactiviteit": 2,
            "projectmatig-werken": 2,
            "agile-werken": 1,
        },
    },
    {
        "title": "Project management assistent",
        "slug": "project-management-assistent",
        "family": "project-support",
        "pmo_level": "",
        "salary_scale": 8,
        "phasing_out": False,
        "summary": (
            "De project management assistent werkt nauw samen met de projectmanager en is verantwoordelijk voor "
            "de planning, de voortgang en de rapportage daarover. Naast organisatorisch en communicatief sterk "
            "moet je ook financieel en procesmatig vaardig zijn; daarmee is dit meer dan een secretariële functie. "
            "Binnen een PMO hoort de rol bij het niveau projectmanagement."
        ),
        "core_tasks": [
            "De projectplanning opstellen en de voortgang bewaken",
            "Voortgangsrapportages maken voor de projectmanager",
            "Overleggen plannen, notuleren en acties nabellen",
            "Teamleden en andere betrokkenen informeren over de stand van zaken en deadlines",
            "Projectbudget, uren en verplichtingen bijhouden",
            "Risico's en issues registreren en opvolgen",
        ],
        "job_titles": "Project management assistent, Projectassistent, Project support officer, Projectsecretaris",
        "methods": ["Prince2", "Agile/Scrum", "Kanban", "MoSCoW"],
        "requirements": {
            "bijeenkomsten-organiseren": 3,
            "structureren": 3,
            "verslaglegging": 3,
            "stakeholdercommunicatie": 2,
            "planning-en-voortgang": 3,
            "rapportage": 3,
            "risicomanagement": 2,
            "budgetbewaking": 2,
            "procesverbetering": 2,
            "kantoorsoftware": 3,
            "samenwerken": 3,
            "proactiviteit": 2,
            "projectmatig-werken": 2,
            "agile-werken": 1,
        },
    },
    {
        "title": "Programmaondersteuner",
        "slug": "programmaondersteuner",
        "family": "project-support",
        "pmo_level": "",
        "salary_scale": 9,
        "phasing_out": False,
        "summary": (
            "De programmaondersteuner ondersteunt een programma: een samenhangend geheel van projecten met een "
            "gezamenlijk doel. Omdat een programma complex en omvangrijk is, werk je breder dan een "
            "projectondersteuner en duik je minder diep in de inhoud van de afzonderlijke projecten. Je bewaakt "
            "de samenhang in planning, overleg en informatie."
        ),
        "core_tasks": [
            "De overlegstructuur van het programma organiseren en bewaken",
            "De planningen van de projecten binnen het programma op elkaar afstemmen",
            "Programmarapportages samenstellen uit de voortgang van de projecten",
            "Projectondersteuners binnen het programma coördineren en ondersteunen",
            "De communicatie over het programma naar betrokkenen en bestuur verzorgen",
            "Het programmadossier en de leerpunten bijhouden",
        ],
        "job_titles": "Programmaondersteuner, Programmasecretaris, Programma-assistent",
        "methods": ["Prince2", "Agile/Scrum", "Stakeholderanalyse", "PDCA-cyclus"],
        "requirements": {
            "bijeenkomsten-organiseren": 3,
            "structureren": 3,
            "regie-en-coordinatie": 2,
            "verslaglegging": 3,
            "stakeholdercommunicatie": 3,
            "planning-en-voortgang": 3,
            "rapportage": 3,
            "risicomanagement": 2,
            "budgetbewaking": 2,
            "kwaliteitsborging": 3,
            "digitale-systemen": 3,
            "samenwerken": 3,
            "projectmatig-werken": 3,
            "agile-werken": 2,
        },
    },
    # PMO
    {
        "title": "Praktische PMO'er",
        "slug": "pmo-praktisch",
        "family": "pmo",
        "pmo_level": "practical",
        "salary_scale": 9,
        "phasing_out": False,
        "summary": (
            "De praktische PMO'er werkt op het eerste niveau van een project management office. Je ondersteunt "
            "projectmanagers met de administratieve en organisatorische kant van hun projecten: verslagen, "
            "bijeenkomsten, urenregistratie, planningen en dossiers. Anders dan een projectondersteuner werk je "
            "voor meerdere projecten tegelijk en volgens de standaarden van het PMO."
        ),
        "core_tasks": [
            "Overleggen en bijeenkomsten organiseren en notuleren",
            "Urenregistratie en projectadministratie bijhouden",
            "Planningen en actielijsten van meerdere projecten actueel houden",
            "Voortgangsgegevens aanleveren voor de rapportages van het PMO",
            "Projectdossiers beheren volgens de sjablonen en standaarden van het PMO",
            "Eerste aanspreekpunt zijn voor praktische vragen van projectteams",
        ],
        "job_titles": "PMO-medewerker, Project management officer, Project support officer, PMO-ondersteuner",
        "methods": ["Prince2", "Agile/Scrum", "Kanban", "PDCA-cyclus"],
        "requirements": {
            "bijeenkomsten-organiseren": 3,
            "verslaglegging": 3,
            "structureren": 3,
            "planning-en-voortgang": 3,
            "rapportage": 3,
            "budgetbewaking": 2,
            "risicomanagement": 2,
            "kwaliteitsborging": 2,
            "procesverbetering": 2,
            "stakeholdercommunicatie": 2,
            "digitale-systemen": 2,
            "samenwerken": 3,
            "projectmatig-werken": 3,
            "agile-werken": 2,
        },
    },
    {
        "title": "Tactische PMO'er",
        "slug": "pmo-tactisch",
        "family": "pmo",
        "pmo_level": "tactical",
        "salary_scale": 10,
        "phasing_out": False,
        "summary": (
            "De tactische PMO'er bewaakt planning, financiën en risico's van projecten en adviseert "
            "projectmanagers over verbeteringen in de aanpak. Je signaleert afwijkingen, ziet verbanden tussen "
            "projecten en zorgt dat rapportages een betrouwbaar beeld geven."
        ),
        "core_tasks": [
            "Planningen en budgetten van projecten bewaken en afwijkingen analyseren",
            "Risicomanagement uitvoeren en de opvolging van maatregelen volgen",
            "Voortgangsrapportages samenstellen voor management en opdrachtgevers",
            "Projectmanagers adviseren over hun aanpak en over procesverbetering",
            "Contracten en afspraken met leveranciers in de gaten houden",
            "De kwaliteit van projectdocumentatie en evaluaties bewaken",
        ],
        "job_titles": "PMO'er, Project control officer, Projectcontroller, Planner",
        "methods": ["Prince2", "IPMA", "Agile/Scrum", "Lean", "PDCA-cyclus", "Stakeholderanalyse"],
        "requirements": {
            "structureren": 3,
            "regie-en-coordinatie": 2,
            "planning-en-voortgang": 4,
            "rapportage": 3,
            "budgetbewaking": 3,
            "risicomanagement": 3,
            "contractbeheer": 2,
            "kwaliteitsborging": 3,
            "procesverbetering": 3,
            "stakeholdercommunicatie": 3,
            "digitale-systemen": 3,
            "samenwerken": 3,
            "projectmatig-werken": 3,
            "agile-werken": 3,
        },
    },
    {
        "title": "Procesmentor",
        "slug": "procesmentor",
        "family": "pmo",
        "pmo_level": "tactical",
        "salary_scale": 10,
        "phasing_out": False,
        "summary": (
            "De procesmentor is binnen het PMO verantwoordelijk voor het verbeteren van het projectmatig werken. "
            "Je ziet waar processen haperen, bedenkt samen met de teams een betere aanpak en zorgt dat die ook "
            "echt wordt ingevoerd. Je begeleidt projectmanagers en ondersteuners bij het werken volgens de "
            "afgesproken werkwijze."
        ),
        "core_tasks": [
            "Knelpunten in het projectmatig werken opsporen en analyseren",
            "Verbeteringen ontwerpen en de invoering ervan begeleiden",
            "Projectteams coachen in de afgesproken methoden en sjablonen",
            "Evaluaties van projecten organiseren en de lessen verspreiden",
            "Het PMO adviseren over standaarden en werkwijzen",
        ],
        "job_titles": "Procesmentor, Procesbegeleider, Procesverbeteraar, Lean-coach",
        "methods": ["Lean", "PDCA-cyclus", "Prince2", "Agile/Scrum", "Kanban"],
        "requirements": {
            "structureren": 3,
            "regie-en-coordinatie": 2,
            "stakeholdercommunicatie": 3,
            "helder-formuleren": 3,
            "planning-en-voortgang": 3,
            "rapportage": 3,
            "risicomanagement": 2,
            "procesverbetering": 4,
            "kwaliteitsborging": 3,
            "digitale-systemen": 3,
            "proactiviteit": 3,
            "samenwerken": 3,
            "projectmatig-werken": 3,
            "agile-werken": 3,
        },
    },
    {
        "title": "Strategische PMO'er",
        "slug": "pmo-strategisch",
        "family": "pmo",
        "pmo_level": "strategic",
        "salary_scale": 11,
        "phasing_out": False,
        "summary": (
            "De strategische PMO'er geeft zelfstandig leiding aan het project management office. Je zorgt dat "
            "de organisatie de juiste projecten kiest en die op de juiste manier uitvoert, en dat beslissers de "
            "informatie krijgen die ze daarvoor nodig hebben. Je denkt mee op het niveau van portfolio, "
            "programma's en governance."
        ),
        "core_tasks": [
            "Het project management office inrichten en aansturen",
            "Het portfolio overzien en de leiding adviseren over prioriteiten en capaciteit",
            "De governance en besluitvorming rond projecten en programma's inrichten",
            "Standaarden voor projectmatig werken en rapporteren vaststellen en vernieuwen",
            "Verbetertrajecten in het projectmatig werken aansturen",
            "PMO-medewerkers coachen en hun ontwikkeling stimuleren",
        ],
        "job_titles": "PMO-manager, Hoofd PMO, Portfoliomanager, Governancemanager",
        "methods": ["Prince2", "IPMA", "P3O", "Agile/Scrum", "Lean"],
        "requirements": {
            "structureren": 4,
            "regie-en-coordinatie": 4,
            "planning-en-voortgang": 4,
            "rapportage": 4,
            "budgetbewaking": 4,
            "risicomanagement": 4,
            "contractbeheer": 3,
            "kwaliteitsborging": 4,
            "procesverbetering": 4,
            "stakeholdercommunicatie": 4,
            "digitale-systemen": 3,
            "samenwerken": 4,
            "projectmatig-werken": 4,
            "agile-werken": 3,
        },
    },
    # Managementondersteuning
    {
        "title": "Managementondersteuner schaal 5",
        "slug": "managementondersteuner-schaal-5",
        "family": "management-support",
        "pmo_level": "",
        "salary_scale": 5,
        "phasing_out": True,
        "summary": (
            "Op schaal 5 bestaat het werk vooral uit eenvoudige secretariële taken, zoals kopiëren, post "
            "afhandelen en kleine overleggen inplannen. Door digitalisering en selfservice vallen die taken "
            "grotendeels weg, en daarmee verdwijnt ook de vraag naar dit niveau. Omdat je op deze schaal ook geen "
            "vaste vervanger voor MT-leden kunt zijn, ligt doorgroeien naar schaal 6 voor de hand."
        ),
        "core_tasks": [
            "Post, telefoon en eenvoudige correspondentie afhandelen",
            "Kleine overleggen inplannen en ruimtes reserveren",
            "Documenten opmaken, kopiëren en archiveren",
            "Bezoekers ontvangen en de weg wijzen",
            "Eenvoudige administratieve handelingen in systemen verwerken",
        ],
        "job_titles": "Secretarieel medewerker, Medewerker secretariaat, Administratief ondersteuner",
        "methods": [],
        "requirements": {
            "bijeenkomsten-organiseren": 1,
            "structureren": 1,
            "verslaglegging": 1,
            "helder-formuleren": 1,
            "planning-en-voortgang": 1,
            "kantoorsoftware": 2,
            "digitale-systemen": 1,
            "proactiviteit": 1,
            "samenwerken": 1,
            "flexibiliteit": 1,
        },
    },
    {
        "title": "Managementondersteuner schaal 6",
        "slug": "managementondersteuner-schaal-6",
        "family": "management-support",
        "pmo_level": "",
        "salary_scale": 6,
        "phasing_out": False,
        "summary": (
            "Vanaf schaal 6 ondersteun je in de eerste plaats een manager, en daarnaast de beleidsmedewerkers "
            "van het team. Je beheert agenda en stukkenstroom, bereidt overleggen voor en bent het eerste "
            "aanspreekpunt voor het team. Samen met je collega's zorg je dat de ondersteuning ook bij afwezigheid "
            "doorloopt."
        ),
        "core_tasks": [
            "Agenda en mailbox van de manager beheren",
            "Overleggen voorbereiden en de stukken compleet aanleveren",
            "Besluiten- en actielijsten bijhouden",
            "Vragen van medewerkers naar het juiste loket leiden",
            "Stukken volgen in het documentmanagementsysteem",
            "Afspraken over vervanging binnen het team nakomen",
        ],
        "job_titles": "Managementondersteuner, Secretaresse, Managementassistent",
        "methods": [],
        "requirements": {
            "bijeenkomsten-organiseren": 2,
            "structureren": 2,
            "regie-en-coordinatie": 1,
            "verslaglegging": 2,
            "stakeholdercommunicatie": 1,
            "helder-formuleren": 2,
            "planning-en-voortgang": 1,
            "kantoorsoftware": 2,
            "digitale-systemen": 2,
            "proactiviteit": 2,
            "samenwerken": 2,
            "flexibiliteit": 2,
        },
    },
    {
        "title": "Managementondersteuner schaal 7",
        "slug": "managementondersteuner-schaal-7",
        "family": "management-support",
        "pmo_level": "",
        "salary_scale": 7,
        "phasing_out": False,
        "summary": (
            "Op schaal 7 ben je eerder een persoonlijk assistent dan een klassieke secretaresse. Je ontzorgt de "
            "manager door te helpen prioriteren, binnenkomende informatie te ordenen en vragen inhoudelijk voor "
            "te bereiden. Je regelt de bedrijfsvoering rond het team en neemt administratief werk in de "
            "selfservicesystemen over."
        ),
        "core_tasks": [
            "De manager helpen prioriteren en zijn of haar tijd bewaken",
            "Binnenkomende informatie schiften en vragen inhoudelijk voorbereiden",
            "Vragen over huisvesting, ICT en inkoop uitzetten en opvolgen",
            "Declaraties en andere selfservicetaken klaarzetten voor akkoord",
            "Beleidsmedewerkers helpen de voortgang van nota's te bewaken",
            "Bijeenkomsten en werkbezoeken organiseren",
        ],
        "job_titles": "Managementondersteuner, Managementassistent, Personal assistant, Secretaresse",
        "methods": ["PDCA-cyclus"],
        "requirements": {
            "bijeenkomsten-organiseren": 2,
            "structureren": 3,
            "regie-en-coordinatie": 2,
            "verslaglegging": 2,
            "stakeholdercommunicatie": 2,
            "helder-formuleren": 2,
            "planning-en-voortgang": 2,
            "budgetbewaking": 1,
            "procesverbetering": 1,
            "kantoorsoftware": 3,
            "digitale-systemen": 3,
            "proactiviteit": 2,
            "samenwerken": 2,
            "flexibiliteit": 2,
        },
    },
    {
        "title": "Managementondersteuner schaal 8",
        "slug": "managementondersteuner-schaal-8",
        "family": "management-support",
        "pmo_level": "",
        "salary_scale": 8,
        "phasing_out": False,
        "summary": (
            "Op schaal 8 ondersteun je meerdere MT-leden of een complexe afdeling, en krijg je er inhoudelijke "
            "taken bij, zoals financieel beheer, webbeheer, onderzoek of projectwerk. Je weet globaal wat er "
            "speelt op het beleidsterrein en kent de belangrijkste spelers. Soms mag je namens je manager "
            "beslissingen nemen of acties goedkeuren."
        ),
        "core_tasks": [
            "Meerdere MT-leden ondersteunen en hun agenda's op elkaar afstemmen",
            "Het afdelingsbudget bijhouden en afwijkingen melden",
            "Deelprojecten of evenementen zelfstandig trekken",
            "Binnen gemaakte afspraken namens de manager beslissen",
            "Als super user collega's helpen met de digitale systemen",
            "Meedenken over betere procedures en werkwijzen",
        ],
        "job_titles": "Managementondersteuner, Senior managementassistent, MT-secretaresse, Officemanager",
        "methods": ["PDCA-cyclus", "Lean", "Kanban"],
        "requirements": {
            "bijeenkomsten-organiseren": 3,
            "structureren": 3,
            "regie-en-coordinatie": 3,
            "verslaglegging": 3,
            "stakeholdercommunicatie": 3,
            "helder-formuleren": 3,
            "planning-en-voortgang": 2,
            "budgetbewaking": 2,
            "procesverbetering": 2,
            "kantoorsoftware": 3,
            "digitale-systemen": 3,
            "proactiviteit": 3,
            "samenwerken": 3,
            "flexibiliteit": 3,
        },
    },
    {
        "title": "Managementondersteuner schaal 9",
        "slug": "managementondersteuner-schaal-9",
        "family": "management-support",
        "pmo_level": "",
        "salary_scale": 9,
        "phasing_out": False,
        "summary": (
            "Op schaal 9 ben je de verbindende schakel tussen management en werkvloer. Je coördineert de "
            "ondersteuning binnen een directie of groot team, brengt de werkwijzen van de secretariaten op één "
            "lijn en neemt zelf initiatief tot verbeteringen. Collega-ondersteuners kunnen bij jou terecht met "
            "hun vragen."
        ),
        "core_tasks": [
            "De managementondersteuning in een directie coördineren en de bezetting regelen",
            "Eén werkwijze en handboek voor de secretariaten opstellen en bijhouden",
            "Complexe dossiers en MT-overleggen voorbereiden",
            "Financiële en projectmatige taken voor de directie uitvoeren",
            "Verbeteringen in procedures en systemen aandragen en invoeren",
            "Nieuwe collega's inwerken en begeleiden",
        ],
        "job_titles": "Coördinerend managementondersteuner, Senior managementondersteuner, Teamleider secretariaat",
        "methods": ["PDCA-cyclus", "Lean", "Kanban", "Prince2"],
        "requirements": {
            "bijeenkomsten-organiseren": 3,
            "structureren": 4,
            "regie-en-coordinatie": 3,
            "verslaglegging": 3,
            "stakeholdercommunicatie": 3,
            "helder-formuleren": 3,
            "planning-en-voortgang": 3,
            "budgetbewaking": 2,
            "procesverbetering": 2,
            "kantoorsoftware": 3,
            "digitale-systemen": 4,
            "proactiviteit": 3,
            "samenwerken": 3,
            "flexibiliteit": 3,
        },
    },
    {
        "title": "Directiesecretaris",
        "slug": "directiesecretaris",
        "family": "management-support",
        "pmo_level": "",
        "salary_scale": 10,
        "phasing_out": False,
        "summary": (
            "De directiesecretaris ondersteunt een directeur of de top van de organisatie. Hier blijft je "
            "aanwezigheid op kantoor vaak nodig: je bent direct bereikbaar voor de directeur, ontvangt externe "
            "gasten en stuurt de MT-secretaresses aan. Je overziet het hele beleidsterrein en handelt gevoelige "
            "zaken discreet af."
        ),
        "core_tasks": [
            "Agenda en prioriteiten van de directeur bewaken",
            "Directie- en bestuursoverleggen voorbereiden en de opvolging bewaken",
            "De MT-secretaresses coördineren en de ondersteuning van de directie organiseren",
            "Externe gasten ontvangen en hun bezoek regelen",
            "Gevoelige correspondentie opstellen en afhandelen",
            "Budget en bedrijfsvoering van het directiebureau volgen",
        ],
        "job_titles": "Directiesecretaris, Directiesecretaresse, Executive assistant, Bestuurssecretaresse",
        "methods": ["PDCA-cyclus", "Lean", "Stakeholderanalyse"],
        "requirements": {
            "bijeenkomsten-organiseren": 4,
            "structureren": 4,
            "regie-en-coordinatie": 4,
            "verslaglegging": 3,
            "stakeholdercommunicatie": 4,
            "helder-formuleren": 4,
            "planning-en-voortgang": 3,
            "budgetbewaking": 3,
            "procesverbetering": 3,
            "kantoorsoftware": 3,
            "digitale-systemen": 4,
            "proactiviteit": 4,
            "samenwerken": 4,
            "flexibiliteit": 3,
        },
    },
]

GROWTH, LATERAL = "growth", "lateral"

# (from slug, to slug, kind, what changes)
PATHS = [
    # Project support and PMO
    (
        "projectondersteuner",
        "pmo-praktisch",
        GROWTH,
        "Je werkt niet langer voor één projectleider, maar voor het project management office: voor meerdere "
        "projecten tegelijk en volgens vaste standaarden. Kennis van projectmethoden en agile werken weegt zwaarder.",
    ),
    (
        "projectondersteuner",
        "project-management-assistent",
        LATERAL,
        "Je gaat nauwer samenwerken met één projectmanager en wordt verantwoordelijk voor de planning, de voortgang "
        "en de rapportage daarover.",
    ),
    (
        "project-management-assistent",
        "projectondersteuner",
        LATERAL,
        "Je werkt minder dicht op één projectmanager en meer voor het hele projectteam. De nadruk verschuift van "
        "rapporteren naar structuur, communicatie en documentatie.",
    ),
    (
        "project-management-assistent",
        "pmo-praktisch",
        GROWTH,
        "Je brengt je ervaring met planning en voortgang in bij het PMO en werkt voortaan voor meerdere projecten "
        "volgens de standaarden van de organisatie.",
    ),
    (
        "pmo-praktisch",
        "pmo-tactisch",
        GROWTH,
        "Van uitvoeren naar bewaken en adviseren: je neemt planning, financiën en risico's onder je hoede en doet "
        "projectmanagers voorstellen om processen te verbeteren.",
    ),
    (
        "pmo-tactisch",
        "pmo-strategisch",
        GROWTH,
        "Je gaat het project management office zelf aansturen en kijkt naar de hele portefeuille. Governance, "
        "prioriteren en het adviseren van de leiding staan centraal.",
    ),
    (
        "projectondersteuner",
        "programmaondersteuner",
        GROWTH,
        "Je ondersteunt een programma met meerdere samenhangende projecten. Je werkt breder en bewaakt het "
        "overzicht, maar duikt minder diep in de inhoud van de afzonderlijke projecten.",
    ),
    (
        "programmaondersteuner",
        "pmo-tactisch",
        GROWTH,
        "Je overzicht over een heel programma is een goede basis voor het PMO. Je gaat planning, financiën en "
        "risico's actief bewaken en projectmanagers adviseren.",
    ),
    (
        "pmo-praktisch",
        "procesmentor",
        GROWTH,
        "Van ondersteunen naar verbeteren: je zorgt dat verbeteringen in het projectmatig werken ook echt worden "
        "ingevoerd, en begeleidt teams daarbij.",
    ),
    (
        "pmo-tactisch",
        "procesmentor",
        LATERAL,
        "Je ruilt het bewaken van planning en geld in voor het verbeteren van processen. Het niveau blijft gelijk, "
        "maar je werk draait voortaan om verandering en het begeleiden van teams.",
    ),
    (
        "procesmentor",
        "pmo-strategisch",
        GROWTH,
        "Je kennis van processen en verbeteren breng je in bij de leiding van het PMO. Nieuw zijn het aansturen "
        "van het office en het adviseren over de hele portefeuille.",
    ),
    # Management support ladder
    (
        "managementondersteuner-schaal-5",
        "managementondersteuner-schaal-6",
        GROWTH,
        "Je ondersteunt voortaan een manager in plaats van losse secretariële taken te doen. Omdat schaal 5 "
        "verdwijnt, is dit de belangrijkste stap om je werk toekomstbestendig te maken.",
    ),
    (
        "managementondersteuner-schaal-6",
        "managementondersteuner-schaal-7",
        GROWTH,
        "Van agenda en stukken beheren naar ontzorgen: je helpt de manager prioriteren, ordent informatie en "
        "bereidt vragen inhoudelijk voor.",
    ),
    (
        "managementondersteuner-schaal-7",
        "managementondersteuner-schaal-8",
        GROWTH,
        "Je takenpakket wordt breder en inhoudelijker, bijvoorbeeld met financieel beheer of projectwerk. Soms "
        "krijg je de bevoegdheid om namens de manager te beslissen.",
    ),
    (
        "managementondersteuner-schaal-8",
        "managementondersteuner-schaal-9",
        GROWTH,
        "Je gaat coördineren: je regelt de ondersteuning voor een hele directie, stemt werkwijzen af en neemt het "
        "voortouw bij verbeteringen.",
    ),
    (
        "managementondersteuner-schaal-9",
        "directiesecretaris",
        GROWTH,
        "Je ondersteunt de top van de organisatie en stuurt de MT-secretaresses aan. Discretie, overzicht over het "
        "beleidsterrein en gastvrouwschap voor externe bezoekers worden belangrijker.",
    ),
    # Side steps from management support into projects
    (
        "managementondersteuner-schaal-7",
        "project-management-assistent",
        LATERAL,
        "Je organisatorische en communicatieve ervaring neem je mee naar een project. Nieuw is de "
        "verantwoordelijkheid voor planning, voortgang en budget; een cursus projectmanagement of Scrum helpt bij "
        "de overstap.",
    ),
    (
        "managementondersteuner-schaal-8",
        "project-management-assistent",
        LATERAL,
        "Je ondersteunt een projectmanager in plaats van een lijnmanager. Je ervaring met budgetbeheer en "
        "projectwerk komt direct van pas; de projectmethode leer je erbij.",
    ),
    (
        "managementondersteuner-schaal-7",
        "projectondersteuner",
        LATERAL,
        "Je zet je organisatietalent in voor projectteams in plaats van voor één manager. Je maakt vaker afspraken "
        "voor jezelf dan voor een ander, en projectmatig werken leer je in de praktijk en met een cursus.",
    ),
    (
        "managementondersteuner-schaal-8",
        "projectondersteuner",
        LATERAL,
        "Een logische overstap als je al projectwerk doet. Je werkt voortaan in projectteams en bent "
        "verantwoordelijk voor alle randvoorwaarden van het project.",
    ),
    (
        "managementondersteuner-schaal-9",
        "pmo-praktisch",
        LATERAL,
        "Je ervaring met coördineren en procesverbetering past goed bij een PMO. Je leert werken met "
        "projectmethoden en met wat projectmanagers aan informatie nodig hebben.",
    ),
]
