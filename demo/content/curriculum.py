"""The catalogue page, learning tracks with their modules, and two learning paths.
`demo.seeders.curriculum` writes them as an editor would.

Module bodies are lists of (block_type, value) tuples in the shapes of `curriculum.blocks.ModuleStreamBlock`.
Rich text is HTML with <p>, <ul>/<li> and <strong> only. Every question has exactly one correct choice."""

CATALOG_PAGE = {
    "title": "Leeraanbod",
    "slug": "leeraanbod",
    "show_in_menus": True,
    "introduction": (
        "Alle leergangen voor projectondersteuners, PMO'ers en managementondersteuners op één plek. Je leert "
        "met e-learning, in het klaslokaal, met collega's in een leerkring en vooral ook in je eigen werk. "
        "Filter op functiefamilie, schaal of werkvorm en zie per leergang welke competenties je ermee ontwikkelt."
    ),
}

# Each track: page fields, role profile slugs, competencies (competency slug -> level reached), a short
# body for the track page, and its modules in order. A module's `required` False makes it an elective.
TRACKS = [
    # 1. Notuleren en actielijsten
    {
        "title": "Notuleren en actielijsten",
        "slug": "notuleren-en-actielijsten",
        "summary": (
            "Leg overleggen zo vast dat iedereen na afloop weet wat er is besloten en wie wat doet. Je kiest per "
            "overleg de vorm die past, van een korte besluitenlijst tot een volledig verslag, en houdt met de "
            "actielijst de vaart erin tot het volgende overleg."
        ),
        "learning_goals": [
            "Je kiest per overleg bewust tussen een besluiten- en actielijst, een kort verslag en een uitgebreid "
            "verslag.",
            "Je legt besluiten en afspraken eenduidig vast, zonder het gesprek na te vertellen.",
            "Je formuleert elke actie met een eigenaar, een concreet resultaat en een datum.",
            "Je stuurt het verslag binnen twee werkdagen rond en bewaakt de actielijst tot het volgende overleg.",
        ],
        "format": "e-learning",
        "study_load_hours": 6,
        "scale_min": 6,
        "scale_max": 9,
        "family": "project-support",
        "role_profiles": [
            "projectondersteuner",
            "project-management-assistent",
            "managementondersteuner-schaal-6",
            "managementondersteuner-schaal-7",
        ],
        "competencies": {"verslaglegging": 3, "helder-formuleren": 2, "bijeenkomsten-organiseren": 2},
        "leads_to_certificate": True,
        "certificate_validity_months": 36,
        "requires_approval": False,
        "body": [
            ("heading", {"text": "Zo ziet de leergang eruit", "level": "h2"}),
            (
                "paragraph",
                "<p>Je werkt de drie modules online door, in je eigen tempo. Reken op ongeveer zes uur, inclusief "
                "de opdracht in je eigen werk: je notuleert een echt overleg en bespreekt het resultaat met de "
                "voorzitter. De derde module, over lastige overleggen, is een keuzemodule.</p>",
            ),
        ],
        "modules": [
            {
                "title": "Welk verslag past bij dit overleg?",
                "slug": "welk-verslag-past",
                "introduction": (
                    "Niet elk overleg vraagt om hetzelfde verslag. Je leert drie vormen kennen en kiezen welke "
                    "past bij het doel van het overleg."
                ),
                "required": True,
                "estimated_minutes": 40,
                "body": [
                    (
                        "paragraph",
                        "<p>Bij een wekelijks teamoverleg zit niemand te wachten op een verslag van drie kantjes. "
                        "Daar wil je vooral weten wat er is afgesproken en wie wat oppakt. Een stuurgroep die "
                        "beslist over geld of de richting van een project heeft juist baat bij een verslag waarin "
                        "ook de afwegingen staan, zodat later terug te lezen is waarom een keuze is gemaakt.</p>"
                        "<p>Spreek daarom vooraf met de voorzitter af welke vorm je gebruikt. Dat scheelt je na "
                        "afloop veel herschrijfwerk, en de deelnemers weten wat ze kunnen verwachten.</p>",
                    ),
                    ("heading", {"text": "Drie vormen naast elkaar", "level": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>Besluiten- en actielijst</strong>: alleen wat er is besloten en wie "
                        "wat gaat doen. Snel gemaakt en snel gelezen.</li><li><strong>Kort verslag</strong>: per "
                        "agendapunt een paar zinnen over de kern, gevolgd door de besluiten en acties.</li>"
                        "<li><strong>Uitgebreid verslag</strong>: ook de belangrijkste standpunten en argumenten. "
                        "Bedoeld voor formele overleggen waarin verantwoording telt.</li></ul>",
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Vroeger schreef ik van elk overleg een compleet verslag. Nu leggen we in ons team "
                                "alleen de afspraken vast, en ik ben een uur na de vergadering klaar."
                            ),
                            "attribution": "Projectondersteuner, deelnemer leerkring",
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Zet de vorm in je sjabloon",
                            "text": (
                                "<p>Noteer bovenaan je verslagsjabloon welke vorm het overleg krijgt en wie het "
                                "verslag vaststelt. Dan hoef je het aan nieuwe deelnemers niet steeds opnieuw uit "
                                "te leggen.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: de juiste vorm",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "question": (
                                        "Het wekelijkse overleg van het programmabureau duurt een halfuur. Welke "
                                        "vorm past daar meestal het best bij?"
                                    ),
                                    "choices": [
                                        {"text": "Een uitgebreid verslag met alle standpunten", "correct": False},
                                        {"text": "Een besluiten- en actielijst", "correct": True},
                                        {"text": "Geen verslag, iedereen was er toch bij", "correct": False},
                                    ],
                                    "explanation": (
                                        "Bij een kort, terugkerend werkoverleg gaat het om wat er is afgesproken. "
                                        "Een besluiten- en actielijst is snel gemaakt en wordt ook echt gelezen. "
                                        "Niets vastleggen is riskant: over twee weken weet niemand meer wie wat "
                                        "zou doen."
                                    ),
                                },
                                {
                                    "question": "Wanneer kies je voor een uitgebreid verslag?",
                                    "choices": [
                                        {"text": "Als je er toevallig genoeg tijd voor hebt", "correct": False},
                                        {
                                            "text": "Als later moet kunnen worden nagegaan waarom iets is besloten",
                                            "correct": True,
                                        },
                                        {"text": "Als de voorzitter niet goed kan samenvatten", "correct": False},
                                        {"text": "Altijd, dan ben je in elk geval volledig", "correct": False},
                                    ],
                                    "explanation": (
                                        "Een uitgebreid verslag is bedoeld voor overleggen waarin verantwoording "
                                        "telt, zoals een stuurgroep. Daar zijn de afwegingen even belangrijk als "
                                        "het besluit. In andere gevallen kost het vooral tijd, van jou en van de "
                                        "lezers."
                                    ),
                                },
                                {
                                    "question": "Wie bepaalt welke vorm het verslag krijgt?",
                                    "choices": [
                                        {"text": "De notulist, na afloop van het overleg", "correct": False},
                                        {"text": "De notulist en de voorzitter, vooraf samen", "correct": True},
                                        {"text": "Elke deelnemer kiest zelf wat hij wil lezen", "correct": False},
                                    ],
                                    "explanation": (
                                        "De voorzitter weet waarvoor het verslag dient, jij weet wat het kost om "
                                        "het te maken. Door het vooraf samen af te spreken voorkom je dat je na "
                                        "afloop alles moet omgooien."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Een actielijst die werkt",
                "slug": "actielijst-die-werkt",
                "introduction": (
                    "Een actie zonder eigenaar of datum blijft liggen. Je leert acties scherp formuleren en ze "
                    "bewaken tot ze echt af zijn."
                ),
                "required": True,
                "estimated_minutes": 45,
                "body": [
                    (
                        "paragraph",
                        "<p>Een goede actie beantwoordt drie vragen: <strong>wie</strong> doet het, "
                        "<strong>wat</strong> is het resultaat en <strong>wanneer</strong> is het klaar? 'Planning "
                        "bespreken' is geen actie, het is een onderwerp. 'Sandra levert vóór 14 maart een "
                        "herziene planning aan bij de projectleider' is wel een actie: iedereen kan controleren "
                        "of hij is uitgevoerd.</p><p>Twijfel je tijdens het overleg wie iets oppakt, vraag het dan "
                        "meteen. Een actie die aan 'het team' hangt, pakt in de praktijk niemand op.</p>",
                    ),
                    ("heading", {"text": "Acties bewaken", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>De actielijst is pas waardevol als je hem gebruikt. Een paar vaste gewoonten helpen:</p>"
                        "<ul><li>Open elk overleg met de actielijst van de vorige keer.</li><li>Stuur een paar "
                        "dagen voor het overleg een korte herinnering aan wie nog een open actie heeft.</li><li>"
                        "Verschuif een datum alleen als de eigenaar dat in het overleg heeft afgesproken, en "
                        "noteer de nieuwe datum.</li><li>Haal afgeronde acties na één overleg van de lijst, zodat "
                        "hij overzichtelijk blijft.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Jij bewaakt, de eigenaar voert uit",
                            "text": (
                                "<p>Als notulist houd je de actielijst bij, maar je voert de acties van anderen "
                                "niet uit. Merk je dat acties steeds bij jou terechtkomen, bespreek dat dan met "
                                "de voorzitter.</p>"
                            ),
                        },
                    ),
                    (
                        "assignment",
                        {
                            "title": "Notuleer een overleg uit je eigen werk",
                            "instructions": (
                                "<p>Kies een overleg dat je de komende twee weken bijwoont.</p><ul><li>Spreek "
                                "vooraf met de voorzitter af welke vorm het verslag krijgt.</li><li>Leg elke actie "
                                "vast met een eigenaar, een concreet resultaat en een datum.</li><li>Stuur het "
                                "verslag binnen twee werkdagen rond.</li><li>Open het volgende overleg met de "
                                "actielijst en vraag de voorzitter om feedback.</li></ul>"
                            ),
                            "reflection_prompt": (
                                "Welke actie was het lastigst om concreet te maken, en hoe heb je dat opgelost?"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: acties",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "question": "Welke actie is het best geformuleerd?",
                                    "choices": [
                                        {"text": "Planning bespreken", "correct": False},
                                        {"text": "Sandra kijkt nog even naar de planning", "correct": False},
                                        {
                                            "text": (
                                                "Sandra levert vóór 14 maart een herziene planning aan bij de "
                                                "projectleider"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Het team denkt na over de planning", "correct": False},
                                    ],
                                    "explanation": (
                                        "Alleen deze actie noemt een eigenaar, een resultaat en een datum. Bij de "
                                        "andere kun je achteraf niet vaststellen of de actie is uitgevoerd."
                                    ),
                                },
                                {
                                    "question": (
                                        "Op de afgesproken datum is een actie niet af. Wat doe je als notulist?"
                                    ),
                                    "choices": [
                                        {"text": "Je voert de actie zelf uit", "correct": False},
                                        {"text": "Je haalt de actie van de lijst", "correct": False},
                                        {
                                            "text": (
                                                "Je vraagt de eigenaar naar de stand en noteert een nieuwe datum "
                                                "als die wordt afgesproken"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "explanation": (
                                        "De eigenaar blijft verantwoordelijk. Jij zorgt dat de vertraging "
                                        "zichtbaar wordt en dat er een nieuwe afspraak komt, zodat de actie niet "
                                        "stilletjes verdwijnt."
                                    ),
                                },
                                {
                                    "question": "Wanneer stuur je een verslag bij voorkeur rond?",
                                    "choices": [
                                        {"text": "Binnen twee werkdagen na het overleg", "correct": True},
                                        {"text": "Vlak voor het volgende overleg", "correct": False},
                                        {"text": "Zodra iemand erom vraagt", "correct": False},
                                    ],
                                    "explanation": (
                                        "Hoe sneller het verslag er is, hoe groter de kans dat mensen hun acties "
                                        "oppakken en fouten nog herkennen. Een verslag dat pas vlak voor het "
                                        "volgende overleg komt, is vooral een herinnering aan gemiste kansen."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Lastige overleggen vastleggen",
                "slug": "lastige-overleggen",
                "introduction": (
                    "Keuzemodule. Wat doe je als een besluit onduidelijk blijft, de discussie hoog oploopt of een "
                    "onderwerp vertrouwelijk is?"
                ),
                "required": False,
                "estimated_minutes": 30,
                "body": [
                    (
                        "paragraph",
                        "<p>In gevoelige overleggen luistert elk woord nauw. Schrijf alleen een besluit op als het "
                        "ook echt is genomen. Blijft dat vaag, vraag dan in het overleg zelf: 'Mag ik noteren dat we "
                        "hebben besloten dat ...?' Die ene vraag voorkomt veel discussie over het verslag.</p>"
                        "<p>Loopt een discussie hoog op, beschrijf dan neutraal welke standpunten er waren en wat er "
                        "uiteindelijk is afgesproken. Citeer geen uitspraken en vermijd woorden als 'fel' of "
                        "'boos'. Vertrouwelijke punten leg je vast in een apart verslag met een beperkte "
                        "verzendlijst.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Laat het verslag vaststellen",
                            "text": (
                                "<p>Spreek bij formele overleggen af dat het verslag aan het begin van de volgende "
                                "vergadering wordt vastgesteld. Wijzigingen worden dan daar besproken, en niet "
                                "per mail met één deelnemer.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: lastige overleggen",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "question": (
                                        "Tijdens het overleg blijft onduidelijk of er een besluit is genomen. Wat "
                                        "is het verstandigst?"
                                    ),
                                    "choices": [
                                        {"text": "Zelf een besluit opschrijven dat logisch lijkt", "correct": False},
                                        {"text": "Het agendapunt weglaten uit het verslag", "correct": False},
                                        {
                                            "text": "In het overleg vragen of je het besluit zo mag noteren",
                                            "correct": True,
                                        },
                                    ],
                                    "explanation": (
                                        "Door het besluit hardop te formuleren en bevestiging te vragen, dwing je "
                                        "duidelijkheid af op het moment dat iedereen er nog is. Achteraf invullen "
                                        "of weglaten leidt bijna altijd tot discussie."
                                    ),
                                },
                                {
                                    "question": "Hoe beschrijf je een stevig meningsverschil in het verslag?",
                                    "choices": [
                                        {"text": "Letterlijk, met de uitspraken van de deelnemers", "correct": False},
                                        {
                                            "text": "Neutraal: welke standpunten er waren en wat is afgesproken",
                                            "correct": True,
                                        },
                                        {"text": "Niet, dat is te gevoelig", "correct": False},
                                    ],
                                    "explanation": (
                                        "Een verslag legt vast wat er inhoudelijk speelde en wat de uitkomst is. "
                                        "Letterlijke citaten maken de verhoudingen vaak slechter, en weglaten "
                                        "maakt het verslag onbetrouwbaar."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    # 2. Projectplanning en voortgangsbewaking
    {
        "title": "Projectplanning en voortgangsbewaking",
        "slug": "projectplanning-en-voortgangsbewaking",
        "summary": (
            "Maak een planning die klopt en houd hem bij. Je leert mijlpalen en afhankelijkheden vastleggen, "
            "deadlines bewaken en knelpunten zo vroeg signaleren dat de projectleider nog kan bijsturen. Je sluit "
            "af met een voortgangsrapportage die in één oogopslag laat zien hoe het project ervoor staat."
        ),
        "learning_goals": [
            "Je zet voor een project een planning op met fasen, mijlpalen en afhankelijkheden.",
            "Je houdt de planning actueel en spreekt actiehouders tijdig aan.",
            "Je signaleert knelpunten vroeg en legt de projectleider een voorstel voor om bij te sturen.",
            "Je stelt een voortgangsrapportage op die laat zien waar het project staat en wat er nodig is.",
        ],
        "format": "e-learning",
        "study_load_hours": 12,
        "scale_min": 7,
        "scale_max": 9,
        "family": "project-support",
        "role_profiles": ["projectondersteuner", "project-management-assistent", "pmo-praktisch"],
        "competencies": {"planning-en-voortgang": 3, "rapportage": 2, "projectmatig-werken": 2},
        "leads_to_certificate": True,
        "requires_approval": False,
        "body": [
            ("heading", {"text": "Zo ziet de leergang eruit", "level": "h2"}),
            (
                "paragraph",
                "<p>Drie online modules en een praktijkopdracht van ongeveer een maand, waarin je de planning van "
                "een eigen project bijhoudt. Heb je alle modules afgerond en de kennischecks gehaald, dan krijg je "
                "een certificaat.</p>",
            ),
        ],
        "modules": [
            {
                "title": "Een planning opzetten",
                "slug": "planning-opzetten",
                "introduction": (
                    "Een bruikbare planning begint bij het resultaat en de einddatum. Je leert werken met "
                    "mijlpalen, afhankelijkheden en het kritieke pad."
                ),
                "required": True,
                "estimated_minutes": 50,
                "body": [
                    (
                        "paragraph",
                        "<p>Begin niet met een lijst taken, maar met de vraag wat het project moet opleveren en "
                        "wanneer. Deel het werk dan op in fasen en zet per fase de <strong>mijlpalen</strong> neer: "
                        "momenten waarop een resultaat klaar is of een besluit valt, zoals 'projectplan vastgesteld "
                        "door de stuurgroep'. Mijlpalen zijn de ijkpunten waarop iedereen kan zien of het project "
                        "op koers ligt.</p><p>Leg daarna de <strong>afhankelijkheden</strong> vast: welk werk kan "
                        "pas beginnen als iets anders af is? De langste keten van afhankelijke taken is het "
                        "<strong>kritieke pad</strong>. Loopt een taak op dat pad uit, dan schuift de einddatum "
                        "mee.</p>",
                    ),
                    ("heading", {"text": "Wie moet wat aanleveren?", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Zet bij elke taak wie hem uitvoert en check dat bij die persoon. Een planning waarin "
                        "collega's van andere afdelingen staan zonder dat ze het weten, is een wensenlijst. Let ook "
                        "op vakanties, besluitvormingsrondes en de vergaderdata van bijvoorbeeld het college of het "
                        "MT: die bepalen vaak meer dan het werk zelf.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Plan terug vanaf de deadline",
                            "text": (
                                "<p>Moet een stuk op een vaste datum in het college liggen? Reken dan terug: hoe "
                                "lang duurt de ambtelijke afstemming, wanneer moet het concept klaar zijn, en "
                                "wanneer moet de input binnen zijn? Zo zie je meteen of het haalbaar is.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: plannen",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "question": "Wat is een mijlpaal?",
                                    "choices": [
                                        {"text": "Een taak die lang duurt", "correct": False},
                                        {
                                            "text": "Een moment waarop een resultaat klaar is of een besluit valt",
                                            "correct": True,
                                        },
                                        {"text": "De einddatum van het project", "correct": False},
                                        {"text": "Een vast wekelijks overleg", "correct": False},
                                    ],
                                    "explanation": (
                                        "Een mijlpaal heeft zelf geen duur: het is een ijkpunt. De einddatum kan "
                                        "een mijlpaal zijn, maar een goede planning heeft er onderweg meer."
                                    ),
                                },
                                {
                                    "question": "Wat betekent het als een taak op het kritieke pad een week uitloopt?",
                                    "choices": [
                                        {"text": "Niets, er zit altijd wel ergens ruimte", "correct": False},
                                        {"text": "Alleen die ene taak is later klaar", "correct": False},
                                        {
                                            "text": "De einddatum schuift een week op, tenzij je bijstuurt",
                                            "correct": True,
                                        },
                                    ],
                                    "explanation": (
                                        "Op het kritieke pad zit geen speling. Uitloop daar werkt direct door in de "
                                        "einddatum. Daarom bewaak je juist die taken het scherpst."
                                    ),
                                },
                                {
                                    "question": "Wat doe je voordat je een collega van een andere afdeling inplant?",
                                    "choices": [
                                        {
                                            "text": "Je vraagt of de taak en de periode voor die collega haalbaar zijn",
                                            "correct": True,
                                        },
                                        {"text": "Niets, de projectleider regelt dat later", "correct": False},
                                        {"text": "Je zet het in de planning en stuurt die rond", "correct": False},
                                    ],
                                    "explanation": (
                                        "Een planning werkt alleen als de mensen erin hun deel herkennen en kunnen "
                                        "waarmaken. Even checken voorkomt verrassingen halverwege."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Voortgang bewaken en knelpunten signaleren",
                "slug": "voortgang-bewaken",
                "introduction": (
                    "De planning bijhouden is meer dan vinkjes zetten. Je leert vroege signalen herkennen en ze zo "
                    "melden dat de projectleider er iets mee kan."
                ),
                "required": True,
                "estimated_minutes": 45,
                "body": [
                    (
                        "paragraph",
                        "<p>Kies een vast ritme, bijvoorbeeld elke maandagochtend, om de planning na te lopen. "
                        "Vergelijk wat er gepland stond met wat er werkelijk is gebeurd, en vraag actiehouders naar "
                        "de stand van zaken als je het niet zeker weet. Wacht daarmee niet tot de deadline: een "
                        "vraag een week van tevoren levert meer op dan een herinnering op de dag zelf.</p>",
                    ),
                    ("heading", {"text": "Signalen die je niet moet negeren", "level": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>Input van anderen komt steeds later binnen dan afgesproken.</li><li>Een taak staat "
                        "weken op 'bijna klaar'.</li><li>Er komt een vakantieperiode aan waar niemand rekening mee "
                        "heeft gehouden.</li><li>Het project hangt af van een besluit elders in de organisatie dat "
                        "nog niet is genomen.</li></ul><p>Meld zo'n knelpunt aan de projectleider met een feitelijke "
                        "beschrijving en, als het kan, een voorstel: taken anders verdelen, een mijlpaal verschuiven "
                        "of het besluit versnellen. Zo breng je niet alleen een probleem, maar ook een begin van een "
                        "oplossing.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "title": "Oranje is geen falen",
                            "text": (
                                "<p>Projecten waarin alles altijd op groen staat, zijn zelden echt op koers. Een "
                                "vroeg oranje signaal geeft de projectleider ruimte om bij te sturen; een laat rood "
                                "signaal alleen nog schadebeperking.</p>"
                            ),
                        },
                    ),
                    (
                        "assignment",
                        {
                            "title": "Houd een maand de planning van je project bij",
                            "instructions": (
                                "<p>Kies een project dat je nu ondersteunt.</p><ul><li>Loop de planning vier "
                                "weken lang op een vast moment in de week na.</li><li>Noteer elke afwijking: wat "
                                "was gepland, wat is er gebeurd en waarom.</li><li>Kies één knelpunt en bespreek "
                                "het met je projectleider, samen met een voorstel om bij te sturen.</li></ul>"
                            ),
                            "reflection_prompt": (
                                "Welk knelpunt zag je eerder aankomen dan je anders zou hebben gedaan, en wat deed "
                                "de projectleider met je signaal?"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: voortgang",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "question": "Wanneer vraag je een actiehouder het best naar de stand van zaken?",
                                    "choices": [
                                        {"text": "Op de dag van de deadline", "correct": False},
                                        {
                                            "text": "Ruim voor de deadline, als er nog tijd is om bij te sturen",
                                            "correct": True,
                                        },
                                        {"text": "Pas als de deadline is verstreken", "correct": False},
                                    ],
                                    "explanation": (
                                        "Een vraag ruim van tevoren geeft iedereen nog ruimte om te handelen. Op of "
                                        "na de deadline kun je alleen nog vaststellen dat het te laat is."
                                    ),
                                },
                                {
                                    "question": (
                                        "Je ziet dat een mijlpaal waarschijnlijk niet wordt gehaald. Wat doe je?"
                                    ),
                                    "choices": [
                                        {"text": "Afwachten, misschien komt het nog goed", "correct": False},
                                        {"text": "De mijlpaal zelf een maand opschuiven", "correct": False},
                                        {
                                            "text": "Het knelpunt melden aan de projectleider, met een voorstel",
                                            "correct": True,
                                        },
                                        {"text": "Het team vragen om overuren te maken", "correct": False},
                                    ],
                                    "explanation": (
                                        "Het besluit om bij te sturen ligt bij de projectleider. Jouw rol is om het "
                                        "signaal vroeg en feitelijk te geven, en waar mogelijk een oplossing aan te "
                                        "dragen."
                                    ),
                                },
                                {
                                    "question": "Welke van deze signalen wijst het sterkst op een komend knelpunt?",
                                    "choices": [
                                        {"text": "Een taak staat al weken op 'bijna klaar'", "correct": True},
                                        {"text": "Een taak is eerder af dan gepland", "correct": False},
                                        {"text": "Het overleg begint vijf minuten later", "correct": False},
                                    ],
                                    "explanation": (
                                        "'Bijna klaar' dat weken blijft hangen betekent vaak dat er iets vastzit: "
                                        "een ontbrekend besluit, te weinig tijd of onduidelijkheid over het "
                                        "resultaat. Vraag door."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Rapporteren over voortgang",
                "slug": "rapporteren-over-voortgang",
                "introduction": (
                    "Een voortgangsrapportage is geen logboek. Je leert rapporteren met een duidelijke boodschap, "
                    "zodat lezers weten wat er van hen wordt verwacht."
                ),
                "required": True,
                "estimated_minutes": 40,
                "body": [
                    (
                        "paragraph",
                        "<p>Vraag je eerst af voor wie de rapportage is. Een stuurgroep wil weten of het project "
                        "binnen tijd, geld en kwaliteit blijft en of er een besluit nodig is. Het projectteam wil "
                        "vooral weten wat er de komende weken op de planning staat. Begin daarom met de "
                        "<strong>kernboodschap</strong> in twee of drie zinnen, en geef daarna de details.</p>"
                        "<p>Noem bij elke afwijking ook de maatregel: wat doen we eraan en wat vragen we van de "
                        "lezer? Controleer de cijfers voordat je verstuurt. Eén foutief getal kost je meer "
                        "vertrouwen dan tien goede opleveren.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "title": "De stoplichtrapportage",
                            "text": (
                                "<p>Veel organisaties geven per onderdeel een kleur: <strong>groen</strong> op "
                                "koers, <strong>oranje</strong> aandacht nodig, <strong>rood</strong> ingrijpen "
                                "nodig. Spreek vooraf af wat elke kleur betekent, anders kleurt iedereen naar eigen "
                                "gevoel.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: rapporteren",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "question": "Waarmee begint een goede voortgangsrapportage voor een stuurgroep?",
                                    "choices": [
                                        {
                                            "text": "Een overzicht van alle taken van de afgelopen periode",
                                            "correct": False,
                                        },
                                        {
                                            "text": "De kernboodschap en eventuele besluiten die nodig zijn",
                                            "correct": True,
                                        },
                                        {"text": "De historie van het project", "correct": False},
                                    ],
                                    "explanation": (
                                        "Stuurgroepleden hebben weinig tijd. Zet wat zij moeten weten en beslissen "
                                        "bovenaan; de details zijn er voor wie verder wil lezen."
                                    ),
                                },
                                {
                                    "question": "Een onderdeel staat op oranje. Wat hoort er in de rapportage bij?",
                                    "choices": [
                                        {"text": "Alleen de kleur, de rest bespreken we mondeling", "correct": False},
                                        {"text": "Een verontschuldiging van het team", "correct": False},
                                        {
                                            "text": "Wat er afwijkt, waarom, en welke maatregel wordt genomen",
                                            "correct": True,
                                        },
                                    ],
                                    "explanation": (
                                        "Een kleur zonder uitleg roept alleen vragen op. Met oorzaak en maatregel "
                                        "kan de lezer beoordelen of de aanpak volstaat."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    # 3. Risicomanagement voor de PMO
    {
        "title": "Risicomanagement voor de PMO",
        "slug": "risicomanagement-voor-de-pmo",
        "summary": (
            "Voor PMO'ers en project management assistenten die risico's niet alleen willen noteren, maar ook "
            "actief willen beheren. In twee lesdagen en een praktijkopdracht leer je risico's wegen, een logboek "
            "bijhouden dat ook echt wordt gebruikt, en bij afwijkingen komen met een oplossing die blijft."
        ),
        "learning_goals": [
            "Je legt het verschil uit tussen een risico en een issue en behandelt beide op de juiste manier.",
            "Je weegt risico's op kans en gevolg en bepaalt samen met de projectleider de aanpak.",
            "Je houdt een risico- en issuelogboek bij met eigenaren en maatregelen, en volgt die actief op.",
            "Je stelt bij een afwijking een oplossing voor die de oorzaak wegneemt en niet alleen het symptoom.",
        ],
        "format": "klassikaal",
        "study_load_hours": 16,
        "scale_min": 8,
        "scale_max": 10,
        "family": "pmo",
        "role_profiles": ["project-management-assistent", "pmo-praktisch", "pmo-tactisch"],
        "competencies": {"risicomanagement": 3, "rapportage": 2, "kwaliteitsborging": 2},
        "leads_to_certificate": True,
        "requires_approval": False,
        "body": [
            ("heading", {"text": "Zo ziet de leergang eruit", "level": "h2"}),
            (
                "paragraph",
                "<p>Twee lesdagen met een ervaren PMO'er als trainer, met daartussen een praktijkopdracht in je "
                "eigen project. De modules hieronder bereiden je voor op de lesdagen en helpen je de stof daarna "
                "vast te houden. Na afronding ontvang je een certificaat.</p>",
            ),
        ],
        "modules": [
            {
                "title": "Risico of issue?",
                "slug": "risico-of-issue",
                "introduction": (
                    "Een risico kan gebeuren, een issue is al gebeurd. Dat verschil bepaalt hoe je ermee omgaat."
                ),
                "required": True,
                "estimated_minutes": 35,
                "body": [
                    (
                        "paragraph",
                        "<p>Een <strong>risico</strong> is een onzekere gebeurtenis die, als ze zich voordoet, "
                        "invloed heeft op de doelen van het project. Bijvoorbeeld: 'de leverancier kan in de zomer "
                        "mogelijk niet leveren'. Een <strong>issue</strong> is iets dat nu speelt en om actie vraagt: "
                        "'de leverancier heeft laten weten dat de levering drie weken later komt'.</p><p>Bij een "
                        "risico werk je vooruit: je verkleint de kans of beperkt de gevolgen. Bij een issue moet er "
                        "nu iets gebeuren, en vaak moet iemand een besluit nemen. Een risico dat optreedt, wordt een "
                        "issue.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Beschrijf een risico in drie delen: <strong>oorzaak</strong>, <strong>gebeurtenis</strong> "
                        "en <strong>gevolg</strong>. 'Doordat twee projectleden tegelijk met verlof gaan (oorzaak), "
                        "kan de inspraakavond niet goed worden voorbereid (gebeurtenis), waardoor het raadsvoorstel "
                        "een maand later komt (gevolg).' Zo'n beschrijving maakt meteen duidelijk waar je een "
                        "maatregel kunt nemen.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Schrijf risico's op als zinnen",
                            "text": (
                                "<p>'Capaciteit' is geen risico, het is een onderwerp. Dwing jezelf om de "
                                "oorzaak-gebeurtenis-gevolgzin af te maken. Lukt dat niet, dan is het risico nog "
                                "niet scherp genoeg.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: risico's en issues",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "question": "Welke van deze situaties is een issue?",
                                    "choices": [
                                        {"text": "De wethouder kan na de verkiezingen vertrekken", "correct": False},
                                        {
                                            "text": "De zaal voor de inspraakavond blijkt dubbel geboekt",
                                            "correct": True,
                                        },
                                        {"text": "Er kan in de zomer te weinig bezetting zijn", "correct": False},
                                        {"text": "De subsidie wordt mogelijk later toegekend", "correct": False},
                                    ],
                                    "explanation": (
                                        "De dubbele boeking is al een feit en vraagt nu om actie. De andere "
                                        "situaties kunnen gebeuren, maar zijn nog niet gebeurd: dat zijn risico's."
                                    ),
                                },
                                {
                                    "question": "Wat hoort er in een goede risicobeschrijving?",
                                    "choices": [
                                        {"text": "Alleen een trefwoord, zoals 'budget'", "correct": False},
                                        {"text": "Oorzaak, gebeurtenis en gevolg", "correct": True},
                                        {"text": "De naam van wie het risico heeft veroorzaakt", "correct": False},
                                    ],
                                    "explanation": (
                                        "Met oorzaak, gebeurtenis en gevolg zie je waar je kunt ingrijpen: bij de "
                                        "oorzaak om de kans te verkleinen, of bij het gevolg om de schade te "
                                        "beperken."
                                    ),
                                },
                                {
                                    "question": "Wat gebeurt er met een risico dat zich voordoet?",
                                    "choices": [
                                        {"text": "Het wordt een issue en vraagt om directe actie", "correct": True},
                                        {"text": "Het wordt uit het logboek verwijderd", "correct": False},
                                        {"text": "Er verandert niets, het blijft een risico", "correct": False},
                                    ],
                                    "explanation": (
                                        "Zodra de onzekerheid weg is, moet er gehandeld worden. Verplaats het naar "
                                        "de issuelijst, met een eigenaar en een termijn, en noteer in het "
                                        "risicologboek dat het is opgetreden."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Het risicologboek dat leeft",
                "slug": "risicologboek",
                "introduction": (
                    "Een logboek dat alleen bij de start wordt ingevuld, beschermt niemand. Je leert risico's "
                    "wegen, eigenaren vinden en maatregelen opvolgen."
                ),
                "required": True,
                "estimated_minutes": 45,
                "body": [
                    (
                        "paragraph",
                        "<p>Een bruikbaar logboek heeft per risico in elk geval: de beschrijving, de kans, de "
                        "impact, een eigenaar, de maatregel en de status. Kans en impact scoor je bijvoorbeeld van "
                        "1 tot 5; vermenigvuldigd geven ze een prioriteit. Zo zie je in één oogopslag welke risico's "
                        "aandacht vragen.</p><p>Voor elk risico kies je samen met de projectleider een aanpak:</p>"
                        "<ul><li><strong>Vermijden</strong>: het werk zo inrichten dat het risico niet meer kan "
                        "optreden.</li><li><strong>Verkleinen</strong>: de kans of het gevolg beperken.</li><li>"
                        "<strong>Overdragen</strong>: het risico beleggen bij een partij die het beter kan dragen, "
                        "bijvoorbeeld via een contract.</li><li><strong>Accepteren</strong>: bewust niets doen, omdat "
                        "de maatregel meer kost dan het risico.</li></ul>",
                    ),
                    ("heading", {"text": "Het logboek levend houden", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Zet het logboek vast op de agenda van het projectoverleg, al is het maar tien minuten. "
                        "Bespreek alleen de risico's met de hoogste prioriteit en de maatregelen die over datum "
                        "zijn. Vraag eigenaren tussendoor hoe het staat: als PMO'er ben jij degene die het overzicht "
                        "bewaakt.</p>",
                    ),
                    (
                        "assignment",
                        {
                            "title": "Organiseer een korte risicosessie",
                            "instructions": (
                                "<p>Plan met je projectleider een risicosessie van een uur met het projectteam."
                                "</p><ul><li>Laat iedereen vooraf drie risico's bedenken, in de vorm "
                                "oorzaak-gebeurtenis-gevolg.</li><li>Scoor de risico's samen op kans en impact."
                                "</li><li>Zoek voor de vijf belangrijkste een eigenaar en een maatregel.</li><li>"
                                "Verwerk de uitkomst in het logboek en stuur het rond.</li></ul>"
                            ),
                            "reflection_prompt": (
                                "Welk risico kwam in de sessie boven dat nog in niemands hoofd zat, en wat is er "
                                "nu mee afgesproken?"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: het logboek",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "question": (
                                        "Een risico heeft kans 2 en impact 5, een ander kans 4 en impact 4. Welk "
                                        "risico krijgt de hoogste prioriteit?"
                                    ),
                                    "choices": [
                                        {"text": "Het eerste, want de impact is het hoogst", "correct": False},
                                        {"text": "Het tweede, want 16 is meer dan 10", "correct": True},
                                        {"text": "Ze zijn even belangrijk", "correct": False},
                                    ],
                                    "explanation": (
                                        "Met kans maal impact scoort het tweede risico 16 en het eerste 10. Houd "
                                        "wel oog voor risico's met een zeer hoge impact: soms wil de "
                                        "projectleider die toch apart bespreken."
                                    ),
                                },
                                {
                                    "question": "Wat betekent het om een risico te 'accepteren'?",
                                    "choices": [
                                        {"text": "Het risico uit het logboek halen", "correct": False},
                                        {"text": "Hopen dat het niet gebeurt", "correct": False},
                                        {
                                            "text": "Bewust geen maatregel nemen, omdat die meer kost dan het risico",
                                            "correct": True,
                                        },
                                        {"text": "Het risico doorschuiven naar de opdrachtgever", "correct": False},
                                    ],
                                    "explanation": (
                                        "Accepteren is een bewuste keuze die je vastlegt, en het risico blijft in "
                                        "het logboek staan. Zo kun je het opnieuw bekijken als de situatie "
                                        "verandert."
                                    ),
                                },
                                {
                                    "question": "Wie is eigenaar van een risico?",
                                    "choices": [
                                        {"text": "Altijd de PMO'er, die houdt het logboek bij", "correct": False},
                                        {
                                            "text": "Degene die het best in staat is de maatregel uit te voeren",
                                            "correct": True,
                                        },
                                        {"text": "Degene die het risico heeft ingebracht", "correct": False},
                                    ],
                                    "explanation": (
                                        "Jij bewaakt het overzicht, maar de eigenaar moet de maatregel ook echt "
                                        "kunnen nemen. Anders blijft het risico op papier beheerst."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Van afwijking naar blijvende oplossing",
                "slug": "blijvende-oplossing",
                "introduction": (
                    "Brandjes blussen lost niets op als het steeds op dezelfde plek gaat branden. Je leert "
                    "doorvragen naar de oorzaak en leerpunten vastleggen."
                ),
                "required": True,
                "estimated_minutes": 40,
                "body": [
                    (
                        "paragraph",
                        "<p>Als een project afwijkt van de planning of het budget, is de eerste reactie vaak een "
                        "snelle reparatie: een extra avond werken, een deadline verschuiven. Dat is soms nodig, maar "
                        "als hetzelfde probleem terugkomt, zit de oorzaak dieper. Vraag daarom door: waarom liep het "
                        "uit? En waarom gebeurde dat? Na vier of vijf keer 'waarom' kom je meestal bij iets wat je "
                        "structureel kunt veranderen, zoals een onduidelijke taakverdeling of een besluit dat steeds "
                        "te laat valt.</p><p>Leg wat je leert vast in het projectdossier en neem het mee in de "
                        "evaluatie. Zo profiteren volgende projecten ervan.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Een projectondersteuner die bij afwijkingen alleen signaleert, doet de helft van "
                                "het werk. Het verschil zit in het voorstel voor een oplossing die blijft."
                            ),
                            "attribution": "Projectleider organisatieontwikkeling",
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Weet wanneer je moet escaleren",
                            "text": (
                                "<p>Spreek bij de start af hoeveel een project mag afwijken in tijd en geld "
                                "voordat de opdrachtgever moet worden ingelicht. Dan hoeft niemand te twijfelen "
                                "als het zover is.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: blijvende oplossingen",
                            "pass_mark": 80,
                            "questions": [
                                {
                                    "question": (
                                        "Voor de derde keer komt de input van een afdeling te laat. Wat is de beste "
                                        "eerste stap?"
                                    ),
                                    "choices": [
                                        {"text": "De deadline voortaan een week eerder zetten", "correct": False},
                                        {"text": "Doorvragen waarom de input steeds te laat komt", "correct": True},
                                        {"text": "De input voortaan zelf schrijven", "correct": False},
                                    ],
                                    "explanation": (
                                        "Een eerdere deadline of het werk overnemen verhelpt het symptoom. Pas als "
                                        "je de oorzaak kent, bijvoorbeeld dat de afdeling het verzoek te laat "
                                        "krijgt, kun je het blijvend oplossen."
                                    ),
                                },
                                {
                                    "question": "Waarom leg je leerpunten vast in het projectdossier?",
                                    "choices": [
                                        {"text": "Omdat de accountant daarom vraagt", "correct": False},
                                        {
                                            "text": "Zodat volgende projecten dezelfde fout kunnen voorkomen",
                                            "correct": True,
                                        },
                                        {"text": "Om vast te leggen wie de fout heeft gemaakt", "correct": False},
                                    ],
                                    "explanation": (
                                        "Leerpunten helpen de organisatie alleen als ze vindbaar zijn. Het gaat om "
                                        "verbeteren, niet om schuld."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    # 4. Digitale vaardigheden voor de managementondersteuner
    {
        "title": "Digitale vaardigheden voor de managementondersteuner",
        "slug": "digitale-vaardigheden-managementondersteuner",
        "summary": (
            "Managers doen steeds meer zelf in digitale systemen en werken vaak op afstand. Deze leergang helpt "
            "je uitgroeien tot de digitaal vaardige generalist die het werkproces van de manager digitaal "
            "ondersteunt, collega's wegwijs maakt en ook op afstand glashelder communiceert."
        ),
        "learning_goals": [
            "Je ondersteunt het digitale werkproces van je manager, met een heldere verdeling van taken.",
            "Je handelt taken in selfservicesystemen af namens je manager en gaat zorgvuldig om met "
            "vertrouwelijke gegevens.",
            "Je bent de super user van je team en geeft verbeterpunten door aan de beheerders.",
            "Je schrijft mails en berichten die in één keer goed worden begrepen.",
        ],
        "format": "e-learning",
        "study_load_hours": 10,
        "scale_min": 6,
        "scale_max": 8,
        "family": "management-support",
        "role_profiles": [
            "managementondersteuner-schaal-6",
            "managementondersteuner-schaal-7",
            "managementondersteuner-schaal-8",
        ],
        "competencies": {
            "digitale-systemen": 3,
            "kantoorsoftware": 3,
            "helder-formuleren": 3,
            "flexibiliteit": 2,
        },
        "leads_to_certificate": False,
        "requires_approval": False,
        "body": [
            ("heading", {"text": "Zo ziet de leergang eruit", "level": "h2"}),
            (
                "paragraph",
                "<p>Drie online modules die je in je eigen tempo doorloopt, met een opdracht waarin je met je "
                "manager afspraken maakt over jullie digitale taken. Je hebt geen voorkennis nodig, wel toegang "
                "tot de systemen die je dagelijks gebruikt.</p>",
            ),
        ],
        "modules": [
            {
                "title": "De spin in het digitale web",
                "slug": "spin-in-het-digitale-web",
                "introduction": (
                    "Je rol verschuift van agenda en telefoon naar het digitaal ondersteunen van de manager. Wat "
                    "betekent dat voor je werk?"
                ),
                "required": True,
                "estimated_minutes": 35,
                "body": [
                    (
                        "paragraph",
                        "<p>Klassieke taken als agendabeheer, telefoon aannemen en de stukkenstroom begeleiden "
                        "nemen af. Managers plannen zelf, lezen op hun tablet en werken vaak niet op kantoor. Daar "
                        "komt iets anders voor in de plaats: jij helpt de manager prioriteren, brengt structuur in "
                        "de stroom van informatie en bereidt vragen inhoudelijk voor.</p><p>Daarvoor moet je de "
                        "systemen van je organisatie beter kennen dan de gemiddelde gebruiker. Veel "
                        "managementondersteuners worden de vaste <strong>super user</strong> van hun team: degene "
                        "die collega's op weg helpt en die weet hoe je iets gedaan krijgt.</p>",
                    ),
                    ("heading", {"text": "Meedenken over systemen", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Omdat je dagelijks met de systemen werkt, zie je ook wat er niet goed gaat. Geef dat "
                        "door aan de beheerders, liefst concreet: wat probeerde je, wat ging er mis en hoe vaak "
                        "komt het voor? Zo help je de procedures en systemen te verbeteren voor iedereen.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Houd een lijstje bij",
                            "text": (
                                "<p>Noteer een maand lang elke vraag die collega's je over systemen stellen. Komt "
                                "dezelfde vraag vaak terug, maak er dan een korte instructie van voor op het "
                                "intranet.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: je digitale rol",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "question": "Welke taak wordt voor managementondersteuners juist belangrijker?",
                                    "choices": [
                                        {"text": "De telefoon van de manager aannemen", "correct": False},
                                        {
                                            "text": "De manager helpen prioriteren en informatie ordenen",
                                            "correct": True,
                                        },
                                        {"text": "Stukken kopiëren voor het MT-overleg", "correct": False},
                                    ],
                                    "explanation": (
                                        "Eenvoudige taken worden door digitalisering en selfservice minder. Wat "
                                        "blijft en groeit, is het ontzorgen van de manager: prioriteren, "
                                        "structureren en inhoudelijk voorbereiden."
                                    ),
                                },
                                {
                                    "question": "Je merkt dat een systeem steeds vastloopt. Wat doe je?",
                                    "choices": [
                                        {"text": "Er een omweg voor zoeken en verder niets", "correct": False},
                                        {"text": "Collega's adviseren het systeem niet te gebruiken", "correct": False},
                                        {
                                            "text": "Het concreet melden bij de beheerders: wat, wanneer en hoe vaak",
                                            "correct": True,
                                        },
                                    ],
                                    "explanation": (
                                        "Als super user ben je de ogen en oren van de beheerders. Een concrete "
                                        "melding helpt hen het probleem te vinden en op te lossen."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Selfservice namens je manager",
                "slug": "selfservice-namens-je-manager",
                "introduction": (
                    "Declaraties, verlof, stukken in het documentsysteem: veel kun je klaarzetten zodat je manager "
                    "alleen nog akkoord hoeft te geven."
                ),
                "required": True,
                "estimated_minutes": 40,
                "body": [
                    (
                        "paragraph",
                        "<p>In selfservicesystemen voor personeelszaken doet de manager veel zelf. Dat kost hem of "
                        "haar tijd die beter aan het team kan worden besteed. Vaak kun jij een groot deel "
                        "voorbereiden, zoals declaraties klaarzetten, waarna de manager alleen nog akkoord geeft. "
                        "De verantwoordelijkheid voor het akkoord blijft bij de manager.</p><p>Ook in het "
                        "documentmanagementsysteem heeft iedereen een eigen rol. De auteur van een nota is "
                        "verantwoordelijk voor de voortgang ervan; jij bent vaak de vraagbaak voor beleidsmedewerkers "
                        "die niet weten hoe een stuk door de lijn moet.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Vertrouwelijke gegevens",
                            "text": (
                                "<p>Werk je namens je manager in een personeelssysteem, dan kun je soms gegevens "
                                "van medewerkers zien. Kijk alleen naar wat je voor de taak nodig hebt en deel "
                                "niets verder. Is de toegang ruimer dan nodig, meld dat dan.</p>"
                            ),
                        },
                    ),
                    (
                        "assignment",
                        {
                            "title": "Maak werkafspraken over digitale taken",
                            "instructions": (
                                "<p>Plan een gesprek van een halfuur met je manager.</p><ul><li>Maak vooraf een "
                                "lijst van de digitale taken die je manager nu zelf doet.</li><li>Bespreek welke "
                                "taken jij kunt voorbereiden en waar hij of zij alleen akkoord op geeft.</li><li>"
                                "Spreek af hoe je omgaat met vertrouwelijke informatie.</li><li>Leg de afspraken "
                                "kort vast en evalueer ze na een maand.</li></ul>"
                            ),
                            "reflection_prompt": (
                                "Welke taak heb je overgenomen, en hoeveel tijd levert dat je manager per week op?"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: selfservice",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "question": (
                                        "Je zet een declaratie klaar in het selfservicesysteem. Wie geeft akkoord?"
                                    ),
                                    "choices": [
                                        {"text": "Jij, want jij hebt hem ingevoerd", "correct": False},
                                        {"text": "De manager", "correct": True},
                                        {"text": "De salarisadministratie", "correct": False},
                                    ],
                                    "explanation": (
                                        "Jij neemt het werk uit handen, maar de verantwoordelijkheid voor het "
                                        "akkoord blijft bij de manager, tenzij daar andere afspraken over zijn "
                                        "gemaakt."
                                    ),
                                },
                                {
                                    "question": (
                                        "Wie is verantwoordelijk voor de voortgang van een nota in het documentsysteem?"
                                    ),
                                    "choices": [
                                        {"text": "De managementondersteuner", "correct": False},
                                        {"text": "De auteur van de nota", "correct": True},
                                        {"text": "De directeur", "correct": False},
                                        {"text": "De beheerder van het systeem", "correct": False},
                                    ],
                                    "explanation": (
                                        "De auteur is eigenaar van de nota en bewaakt de voortgang. Jij kunt daarbij "
                                        "helpen en uitleggen hoe het werkt, maar je neemt de verantwoordelijkheid "
                                        "niet over."
                                    ),
                                },
                                {
                                    "question": (
                                        "Je ziet in het systeem per ongeluk gegevens die je niet nodig hebt. Wat doe "
                                        "je?"
                                    ),
                                    "choices": [
                                        {"text": "Je kijkt even, het is toch zichtbaar", "correct": False},
                                        {"text": "Je meldt dat je toegang ruimer is dan nodig", "correct": True},
                                        {"text": "Niets, het is niet jouw probleem", "correct": False},
                                    ],
                                    "explanation": (
                                        "Vertrouwelijke informatie moet zijn afgeschermd voor wie haar niet nodig "
                                        "heeft. Door het te melden, help je het systeem goed in te richten en "
                                        "bescherm je ook jezelf."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Helder communiceren op afstand",
                "slug": "helder-communiceren-op-afstand",
                "introduction": (
                    "Als je manager en collega's niet naast je zitten, moet elk bericht in één keer goed "
                    "overkomen. Je leert kort en helder schrijven en het juiste kanaal kiezen."
                ),
                "required": True,
                "estimated_minutes": 30,
                "body": [
                    (
                        "paragraph",
                        "<p>Werken op afstand betekent niet automatisch thuiswerken, maar wel dat je vaker via "
                        "mail, chat en telefoon contact hebt dan aan het bureau. Dan wordt je schrijfvaardigheid "
                        "belangrijker dan ooit. Een onduidelijke mail levert drie vragen terug; een heldere mail "
                        "levert een antwoord op.</p>",
                    ),
                    ("heading", {"text": "Zo schrijf je een heldere mail", "level": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>Maak de onderwerpregel concreet: 'Graag akkoord vóór vrijdag: offerte zaalhuur' in "
                        "plaats van 'Vraagje'.</li><li>Zet je vraag of het besluit dat je nodig hebt in de eerste "
                        "zin.</li><li>Vat een lange mailwisseling samen in een paar zinnen, in plaats van alles door "
                        "te sturen.</li><li>Eén mail, één onderwerp.</li></ul><p>Kies daarnaast bewust je kanaal. "
                        "Chat is handig voor korte, snelle vragen. Voor iets gevoeligs of ingewikkelds kun je beter "
                        "even bellen.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Lees je bericht als de ontvanger",
                            "text": (
                                "<p>Lees je mail voor verzenden nog één keer alsof je de ontvanger bent en net uit "
                                "een vergadering komt. Weet je dan binnen tien seconden wat er van je wordt "
                                "gevraagd?</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: communiceren op afstand",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "question": "Welke onderwerpregel werkt het best?",
                                    "choices": [
                                        {"text": "Vraagje", "correct": False},
                                        {"text": "Graag akkoord vóór vrijdag: offerte zaalhuur", "correct": True},
                                        {"text": "Re: Re: Fw: overleg", "correct": False},
                                    ],
                                    "explanation": (
                                        "Een concrete onderwerpregel laat meteen zien waar het over gaat en wat er "
                                        "wanneer van de ontvanger wordt verwacht."
                                    ),
                                },
                                {
                                    "question": "Waar zet je in een mail je vraag?",
                                    "choices": [
                                        {"text": "In de eerste zin", "correct": True},
                                        {"text": "Aan het eind, na de uitleg", "correct": False},
                                        {"text": "In een bijlage", "correct": False},
                                    ],
                                    "explanation": (
                                        "Wie weinig tijd heeft, leest vaak alleen het begin. Met de vraag bovenaan "
                                        "weet de ontvanger meteen wat je nodig hebt; de uitleg volgt daarna."
                                    ),
                                },
                                {
                                    "question": (
                                        "Je moet een gevoelig punt met een collega bespreken. Welk kanaal kies je?"
                                    ),
                                    "choices": [
                                        {"text": "Een chatbericht", "correct": False},
                                        {"text": "Een mail met de manager in de cc", "correct": False},
                                        {"text": "Even bellen of een kort videogesprek", "correct": True},
                                    ],
                                    "explanation": (
                                        "Bij gevoelige onderwerpen helpt het om elkaars stem te horen en meteen te "
                                        "kunnen reageren. Leg de afspraak daarna eventueel kort vast per mail."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    # 5. Stakeholdermanagement
    {
        "title": "Stakeholdermanagement",
        "slug": "stakeholdermanagement",
        "summary": (
            "Projecten slagen of stranden op de mensen eromheen. In drie lesdagen leer je alle betrokkenen in kaart "
            "brengen, je communicatie op hen afstemmen en verwachtingen bijsturen voordat ze tot teleurstelling "
            "leiden. Je werkt aan een echte casus uit je eigen organisatie."
        ),
        "learning_goals": [
            "Je maakt een stakeholdermap van je project met belangen, invloed en houding.",
            "Je stemt boodschap, moment en kanaal af op interne en externe betrokkenen.",
            "Je herkent de verschillende rollen in een projectteam en werkt er effectief mee samen.",
            "Je bespreekt verwachtingen open en stuurt ze bij voordat ze tot problemen leiden.",
        ],
        "format": "klassikaal",
        "study_load_hours": 20,
        "scale_min": 7,
        "scale_max": 10,
        "family": "pmo",
        "role_profiles": [
            "projectondersteuner",
            "pmo-praktisch",
            "pmo-tactisch",
            "managementondersteuner-schaal-8",
        ],
        "competencies": {"stakeholdercommunicatie": 3, "samenwerken": 3, "helder-formuleren": 2},
        "leads_to_certificate": True,
        "requires_approval": True,
        "body": [
            ("heading", {"text": "Zo ziet de leergang eruit", "level": "h2"}),
            (
                "paragraph",
                "<p>Drie lesdagen, verspreid over zes weken, met een externe trainer en deelnemers uit "
                "verschillende organisaties. Tussen de lesdagen werk je aan je eigen stakeholdermap. Je organisatie "
                "betaalt een bijdrage per deelnemer; daarom keurt je HR-adviseur je inschrijving goed. Na afronding "
                "ontvang je een certificaat.</p>",
            ),
        ],
        "modules": [
            {
                "title": "Stakeholders in kaart brengen",
                "slug": "stakeholders-in-kaart",
                "introduction": (
                    "Wie heeft er belang bij je project, en wie heeft er invloed op? Met een stakeholdermap zie je "
                    "het in één oogopslag."
                ),
                "required": True,
                "estimated_minutes": 45,
                "body": [
                    (
                        "paragraph",
                        "<p>Begin met een brede lijst. <strong>Interne stakeholders</strong> zijn bijvoorbeeld de "
                        "projectleider, de vakexperts die kritisch meedenken, de collega's die het werk uitvoeren "
                        "en andere ondersteuners. <strong>Externe stakeholders</strong> zijn onder meer inwoners, "
                        "ondernemers, samenwerkingspartners, leveranciers en het bestuur.</p><p>Zet ze daarna in "
                        "een matrix met twee assen: hoeveel <strong>invloed</strong> hebben ze op het project, en "
                        "hoeveel <strong>belang</strong> hebben ze bij de uitkomst?</p>",
                    ),
                    (
                        "paragraph",
                        "<ul><li><strong>Veel invloed, veel belang</strong>: nauw betrekken en vaak persoonlijk "
                        "spreken.</li><li><strong>Veel invloed, weinig belang</strong>: tevreden houden, kort en "
                        "gericht informeren.</li><li><strong>Weinig invloed, veel belang</strong>: goed informeren "
                        "en laten meedenken.</li><li><strong>Weinig invloed, weinig belang</strong>: in de gaten "
                        "houden.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Een map is nooit af",
                            "text": (
                                "<p>Stakeholders verschuiven. Een wethouder wisselt, een bewonersgroep wordt "
                                "actiever. Bekijk je map bij elke nieuwe projectfase opnieuw.</p>"
                            ),
                        },
                    ),
                    (
                        "assignment",
                        {
                            "title": "Maak een stakeholdermap van je project",
                            "instructions": (
                                "<p>Kies een project dat je nu ondersteunt.</p><ul><li>Maak een lijst van alle "
                                "interne en externe betrokkenen.</li><li>Zet ze in de matrix van invloed en "
                                "belang.</li><li>Bespreek de map met je projectleider: herkent hij of zij het "
                                "beeld?</li><li>Neem de map mee naar de tweede lesdag.</li></ul>"
                            ),
                            "reflection_prompt": (
                                "Welke stakeholder had je onderschat, en wat ga je daarom anders doen?"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: de stakeholdermap",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "question": "Welke van deze betrokkenen is een externe stakeholder?",
                                    "choices": [
                                        {"text": "De projectleider", "correct": False},
                                        {"text": "Een vakexpert van de afdeling Wonen", "correct": False},
                                        {"text": "De leverancier van de nieuwe software", "correct": True},
                                    ],
                                    "explanation": (
                                        "Leveranciers, inwoners, partners en klanten staan buiten de eigen "
                                        "organisatie. De projectleider en vakexperts zijn interne stakeholders."
                                    ),
                                },
                                {
                                    "question": (
                                        "Een stakeholder heeft veel invloed maar weinig belang bij de uitkomst. Hoe "
                                        "ga je met hem om?"
                                    ),
                                    "choices": [
                                        {"text": "Nauw betrekken bij elk besluit", "correct": False},
                                        {"text": "Tevreden houden met korte, gerichte informatie", "correct": True},
                                        {"text": "Negeren, want hij heeft er geen belang bij", "correct": False},
                                        {"text": "Uitnodigen voor het wekelijkse projectoverleg", "correct": False},
                                    ],
                                    "explanation": (
                                        "Wie veel invloed heeft, kan het project hinderen als hij zich gepasseerd "
                                        "voelt. Omdat het belang klein is, houd je hem tevreden zonder hem te "
                                        "overladen."
                                    ),
                                },
                                {
                                    "question": "Wanneer werk je de stakeholdermap bij?",
                                    "choices": [
                                        {"text": "Alleen bij de start van het project", "correct": False},
                                        {"text": "Bij elke nieuwe fase en als er iets verandert", "correct": True},
                                        {"text": "Aan het eind, voor de evaluatie", "correct": False},
                                    ],
                                    "explanation": (
                                        "Belangen en invloed veranderen tijdens een project. Een verouderde map "
                                        "geeft een vals gevoel van overzicht."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Communiceren op maat",
                "slug": "communiceren-op-maat",
                "introduction": (
                    "Iedere stakeholder vraagt een andere boodschap op een ander moment. Je leert een eenvoudig "
                    "communicatieplan maken en bijhouden."
                ),
                "required": True,
                "estimated_minutes": 40,
                "body": [
                    (
                        "paragraph",
                        "<p>Een communicatieplan hoeft niet dik te zijn. Een tabel met vier kolommen volstaat: "
                        "<strong>wie</strong>, <strong>wat</strong> moet die weten, <strong>wanneer</strong> en "
                        "<strong>via welk kanaal</strong>. Het stuurgroeplid krijgt een maandelijkse rapportage, het "
                        "projectteam een wekelijkse update, de bewonersgroep een nieuwsbrief na elke mijlpaal.</p>"
                        "<p>Als ondersteuner verzorg je vaak de uitvoering: herinneringen aan deadlines, updates "
                        "over de planning, verslagen van bijeenkomsten. Door dat consequent te doen, ontstaat "
                        "vertrouwen. Mensen weten wat ze kunnen verwachten en hoeven niet zelf te gaan vragen.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Sinds we elke vrijdag een korte update sturen, krijg ik veel minder losse vragen "
                                "over waar het project staat."
                            ),
                            "attribution": "Projectondersteuner, gemeente",
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "title": "Transparant, ook als het tegenzit",
                            "text": (
                                "<p>Slecht nieuws wordt niet beter door het uit te stellen. Vertel het vroeg, "
                                "eerlijk en met wat eraan wordt gedaan. Wie zich laat verrassen, verliest "
                                "vertrouwen.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: communicatieplan",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "question": "Wat hoort zeker in een eenvoudig communicatieplan?",
                                    "choices": [
                                        {"text": "Wie, wat, wanneer en via welk kanaal", "correct": True},
                                        {"text": "Het volledige projectplan", "correct": False},
                                        {"text": "De persoonlijke voorkeuren van de projectleider", "correct": False},
                                    ],
                                    "explanation": (
                                        "Met deze vier vragen weet je voor elke stakeholder wat je moet doen. Meer "
                                        "is zelden nodig."
                                    ),
                                },
                                {
                                    "question": (
                                        "Het project loopt vertraging op. Wanneer informeer je de stakeholders?"
                                    ),
                                    "choices": [
                                        {"text": "Pas als de nieuwe datum zeker is", "correct": False},
                                        {"text": "Zo vroeg mogelijk, met wat eraan wordt gedaan", "correct": True},
                                        {"text": "Niet, om onrust te voorkomen", "correct": False},
                                    ],
                                    "explanation": (
                                        "Vroeg en eerlijk informeren houdt het vertrouwen overeind. Wachten tot "
                                        "alles zeker is, maakt de verrassing achteraf alleen groter."
                                    ),
                                },
                                {
                                    "question": "Waarom werkt een vast ritme van updates goed?",
                                    "choices": [
                                        {"text": "Het dwingt het team om harder te werken", "correct": False},
                                        {
                                            "text": (
                                                "Mensen weten wanneer ze informatie krijgen en hoeven minder te vragen"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Het is verplicht in elke projectmethode", "correct": False},
                                    ],
                                    "explanation": (
                                        "Voorspelbaarheid geeft rust. Als iedereen weet dat er vrijdag een update "
                                        "komt, komen er minder losse vragen tussendoor."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Verwachtingen bijsturen",
                "slug": "verwachtingen-bijsturen",
                "introduction": (
                    "Teleurstelling ontstaat waar verwachting en werkelijkheid uit elkaar lopen. Je leert dat "
                    "vroeg zien en bespreekbaar maken."
                ),
                "required": True,
                "estimated_minutes": 35,
                "body": [
                    (
                        "paragraph",
                        "<p>Verwachtingen ontstaan vaak ongemerkt: in een terloopse opmerking van de projectleider, "
                        "een oude planning die nog rondgaat of een enthousiast verhaal op een bijeenkomst. Vraag "
                        "stakeholders daarom geregeld wat zij van het project verwachten, en vergelijk dat met wat "
                        "er werkelijk is afgesproken.</p><p>Zie je een verschil, benoem het dan feitelijk en stel "
                        "een gesprek voor. Je hoeft het niet zelf op te lossen: vaak is het genoeg om de "
                        "projectleider te wijzen op een verwachting die niet meer klopt.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Herhaal wat is afgesproken",
                            "text": (
                                "<p>Zet in elke update ook kort wat het project wel en niet oplevert. Wat vaak "
                                "genoeg wordt herhaald, wordt vanzelf de verwachting.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: verwachtingen",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "question": (
                                        "Een afdelingshoofd denkt dat het project ook zijn archief digitaliseert, "
                                        "maar dat is nooit afgesproken. Wat doe je?"
                                    ),
                                    "choices": [
                                        {"text": "Niets, hij merkt het vanzelf", "correct": False},
                                        {"text": "Het archief er stilletjes bij nemen", "correct": False},
                                        {
                                            "text": (
                                                "De projectleider wijzen op het verschil en een gesprek voorstellen"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "explanation": (
                                        "Hoe eerder het verschil op tafel ligt, hoe kleiner de teleurstelling. De "
                                        "projectleider beslist wat er gebeurt; jij zorgt dat het gezien wordt."
                                    ),
                                },
                                {
                                    "question": "Hoe voorkom je dat verwachtingen uit de pas gaan lopen?",
                                    "choices": [
                                        {"text": "Zo min mogelijk over het project vertellen", "correct": False},
                                        {
                                            "text": "In updates steeds herhalen wat wel en niet wordt opgeleverd",
                                            "correct": True,
                                        },
                                        {"text": "Alleen met de opdrachtgever communiceren", "correct": False},
                                    ],
                                    "explanation": (
                                        "Door de afspraken consequent te herhalen, blijft iedereen uitgaan van "
                                        "hetzelfde beeld. Zwijgen laat juist ruimte voor eigen invullingen."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    # 6. Agile werken in projecten
    {
        "title": "Agile werken in projecten",
        "slug": "agile-werken-in-projecten",
        "summary": (
            "Steeds meer projectteams werken in korte cycli met veel terugkoppeling. Je leert wat Scrum, Kanban, "
            "Lean en de PDCA-cyclus inhouden, hoe je als ondersteuner een agile team helpt, en hoe je dat verbindt "
            "met de planning en verantwoording die je organisatie vraagt."
        ),
        "learning_goals": [
            "Je legt de kern van agile werken uit en kent de rollen en vaste overleggen van Scrum.",
            "Je richt met het team een Kanban-bord in en houdt het bij.",
            "Je past de PDCA-cyclus toe om je eigen werk stap voor stap te verbeteren.",
            "Je helpt het team prioriteren met de MoSCoW-methode.",
        ],
        "format": "e-learning",
        "study_load_hours": 8,
        "scale_min": 7,
        "scale_max": 10,
        "family": "pmo",
        "role_profiles": ["projectondersteuner", "pmo-praktisch", "pmo-tactisch"],
        "competencies": {"agile-werken": 2, "procesverbetering": 2, "flexibiliteit": 2},
        "leads_to_certificate": True,
        "requires_approval": False,
        "body": [
            ("heading", {"text": "Zo ziet de leergang eruit", "level": "h2"}),
            (
                "paragraph",
                "<p>Twee verplichte online modules en een keuzemodule over prioriteren. In de opdracht verbeter je "
                "één werkproces in vier stappen. Rond je de verplichte modules af, dan ontvang je een "
                "certificaat.</p>",
            ),
        ],
        "modules": [
            {
                "title": "Wat is agile werken?",
                "slug": "wat-is-agile-werken",
                "introduction": (
                    "Niet alles vooraf uitdenken, maar in kleine stappen werken en steeds bijsturen. Je leert de "
                    "kern van agile werken en de bouwstenen van Scrum."
                ),
                "required": True,
                "estimated_minutes": 40,
                "body": [
                    (
                        "paragraph",
                        "<p>In een klassieke projectaanpak, zoals Prince2, wordt een project vooraf zo volledig "
                        "mogelijk doordacht en in fasen uitgevoerd. Agile werken gaat ervan uit dat je niet alles "
                        "van tevoren kunt weten. Je levert daarom in korte cycli steeds een bruikbaar stuk op, "
                        "haalt feedback op en past je plannen aan.</p><p>Beide aanpakken bestaan naast elkaar, vaak "
                        "zelfs in één organisatie. Als ondersteuner is het de kunst om ze te verbinden: het team "
                        "werkt in sprints, maar de stuurgroep wil nog steeds weten waar het project staat.</p>",
                    ),
                    ("heading", {"text": "Scrum in het kort", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Scrum is de bekendste vorm van agile werken. Het team werkt in <strong>sprints</strong> "
                        "van twee tot vier weken. De <strong>product owner</strong> bepaalt wat het belangrijkst is, "
                        "de <strong>scrum master</strong> bewaakt de werkwijze en het <strong>team</strong> doet het "
                        "werk. Vaste overleggen geven het ritme:</p><ul><li>de sprintplanning aan het begin;</li>"
                        "<li>een dagelijkse stand-up van een kwartier;</li><li>de review, waarin het team laat zien "
                        "wat het heeft opgeleverd;</li><li>de retrospective, waarin het team zijn eigen werkwijze "
                        "bespreekt.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "title": "Jouw rol als ondersteuner",
                            "text": (
                                "<p>In een agile team faciliteer je vaak de vaste overleggen, houd je het bord en "
                                "de backlog bij en vertaal je de voortgang naar de rapportages die de organisatie "
                                "vraagt.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: agile en Scrum",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "question": "Wat is de kern van agile werken?",
                                    "choices": [
                                        {"text": "Alles vooraf tot in detail plannen", "correct": False},
                                        {
                                            "text": "In korte cycli opleveren, feedback ophalen en bijsturen",
                                            "correct": True,
                                        },
                                        {"text": "Zonder planning en afspraken werken", "correct": False},
                                    ],
                                    "explanation": (
                                        "Agile werken heeft juist een strak ritme en duidelijke afspraken. Het "
                                        "verschil met een klassieke aanpak is dat je in kleine stappen oplevert "
                                        "en onderweg bijstuurt."
                                    ),
                                },
                                {
                                    "question": "Wie bepaalt in Scrum welk werk het belangrijkst is?",
                                    "choices": [
                                        {"text": "De scrum master", "correct": False},
                                        {"text": "De product owner", "correct": True},
                                        {"text": "De projectondersteuner", "correct": False},
                                        {"text": "Het hele team bij meerderheid", "correct": False},
                                    ],
                                    "explanation": (
                                        "De product owner beheert de prioriteiten. De scrum master bewaakt de "
                                        "werkwijze en helpt het team, maar kiest niet wat er gemaakt wordt."
                                    ),
                                },
                                {
                                    "question": "Waarvoor dient de retrospective?",
                                    "choices": [
                                        {
                                            "text": "Het opgeleverde werk laten zien aan de opdrachtgever",
                                            "correct": False,
                                        },
                                        {"text": "De werkwijze van het team bespreken en verbeteren", "correct": True},
                                        {"text": "De taken voor de volgende dag verdelen", "correct": False},
                                    ],
                                    "explanation": (
                                        "In de review laat het team zien wat het heeft gemaakt; in de "
                                        "retrospective kijkt het naar hoe het heeft gewerkt en wat er beter kan."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Lean, Kanban en PDCA in je eigen werk",
                "slug": "lean-kanban-pdca",
                "introduction": (
                    "Je hoeft niet in een Scrum-team te zitten om agile te werken. Met Lean, een Kanban-bord en de "
                    "PDCA-cyclus verbeter je ook je eigen werk."
                ),
                "required": True,
                "estimated_minutes": 45,
                "body": [
                    (
                        "paragraph",
                        "<p><strong>Lean</strong> draait om zo veel mogelijk waarde leveren met zo min mogelijk "
                        "verspilling. Denk aan wachten op een handtekening, dubbel invoeren in twee systemen of een "
                        "verslag dat niemand leest. Kijk met die bril naar je eigen werk, en je ziet al snel wat er "
                        "weg kan.</p><p>Een <strong>Kanban-bord</strong> maakt werk zichtbaar. In de eenvoudigste "
                        "vorm heeft het drie kolommen: te doen, bezig en klaar. Spreek af hoeveel taken er "
                        "tegelijk in 'bezig' mogen staan. Loopt die kolom vol, dan zie je meteen waar het werk "
                        "vastzit.</p>",
                    ),
                    ("heading", {"text": "De PDCA-cyclus", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Verbeteren doe je in vier stappen die steeds terugkomen: <strong>Plan</strong> (wat wil "
                        "je veranderen en wat verwacht je dat het oplevert), <strong>Do</strong> (probeer het uit, "
                        "liefst klein), <strong>Check</strong> (heeft het gewerkt?) en <strong>Act</strong> (voer "
                        "het in, stel het bij of stop ermee). Daarna begint de cyclus opnieuw.</p>",
                    ),
                    (
                        "assignment",
                        {
                            "title": "Eén verbetering in vier stappen",
                            "instructions": (
                                "<p>Kies een klein werkproces waar je je weleens aan ergert, zoals het plannen "
                                "van een terugkerend overleg of het verzamelen van input voor een rapportage.</p>"
                                "<ul><li><strong>Plan</strong>: beschrijf wat je wilt veranderen en wat je "
                                "verwacht.</li><li><strong>Do</strong>: probeer het twee weken uit.</li><li>"
                                "<strong>Check</strong>: vergelijk het resultaat met je verwachting.</li><li>"
                                "<strong>Act</strong>: besluit of je het houdt, aanpast of terugdraait.</li></ul>"
                            ),
                            "reflection_prompt": (
                                "Wat leverde je verbetering op, en wat zou je in een volgende ronde anders doen?"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: Lean, Kanban en PDCA",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "question": "Welke van deze situaties is een vorm van verspilling volgens Lean?",
                                    "choices": [
                                        {"text": "Een overleg met een duidelijke agenda", "correct": False},
                                        {"text": "Dezelfde gegevens in twee systemen invoeren", "correct": True},
                                        {"text": "Een kort verslag met acties", "correct": False},
                                    ],
                                    "explanation": (
                                        "Dubbel werk levert niemand extra waarde op. Lean helpt zulke stappen te "
                                        "zien en weg te nemen."
                                    ),
                                },
                                {
                                    "question": "Waarom beperk je het aantal taken in de kolom 'bezig'?",
                                    "choices": [
                                        {"text": "Zodat het bord er netjes uitziet", "correct": False},
                                        {"text": "Zodat niemand te veel werk krijgt toegewezen", "correct": False},
                                        {
                                            "text": "Zodat werk eerst wordt afgemaakt en je ziet waar het vastloopt",
                                            "correct": True,
                                        },
                                    ],
                                    "explanation": (
                                        "Met een limiet begin je pas aan iets nieuws als er iets af is. Loopt de "
                                        "kolom vol, dan weet je waar je moet kijken."
                                    ),
                                },
                                {
                                    "question": "Wat doe je in de stap 'Check' van de PDCA-cyclus?",
                                    "choices": [
                                        {
                                            "text": "Nagaan of de verandering heeft opgeleverd wat je verwachtte",
                                            "correct": True,
                                        },
                                        {"text": "De verandering definitief invoeren", "correct": False},
                                        {"text": "Een nieuw probleem zoeken", "correct": False},
                                        {"text": "Toestemming vragen aan je manager", "correct": False},
                                    ],
                                    "explanation": (
                                        "In Check vergelijk je het resultaat met je verwachting uit de stap Plan. "
                                        "Pas daarna, in Act, besluit je wat je ermee doet."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Prioriteren met MoSCoW",
                "slug": "prioriteren-met-moscow",
                "introduction": (
                    "Keuzemodule. Niet alles kan tegelijk. Met MoSCoW help je het team en de opdrachtgever kiezen "
                    "wat echt moet."
                ),
                "required": False,
                "estimated_minutes": 25,
                "body": [
                    (
                        "paragraph",
                        "<p>MoSCoW deelt wensen in vier groepen in:</p><ul><li><strong>Must have</strong>: zonder "
                        "dit heeft het resultaat geen zin.</li><li><strong>Should have</strong>: belangrijk, maar "
                        "het kan desnoods later.</li><li><strong>Could have</strong>: mooi meegenomen als er tijd "
                        "over is.</li><li><strong>Won't have (voorlopig niet)</strong>: bewust niet in deze ronde."
                        "</li></ul><p>De laatste groep is misschien de belangrijkste: door hardop te zeggen wat er "
                        "niet komt, voorkom je teleurstelling achteraf.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Niet alles is een must",
                            "text": (
                                "<p>Staat meer dan de helft van de wensen op 'must have', dan is er eigenlijk "
                                "niet geprioriteerd. Vraag bij elke must door: wat gebeurt er als dit er in de "
                                "eerste versie niet in zit?</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: MoSCoW",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "question": "Wat betekent 'won't have' in MoSCoW?",
                                    "choices": [
                                        {"text": "Dit komt er nooit", "correct": False},
                                        {"text": "Dit komt er in deze ronde bewust niet in", "correct": True},
                                        {"text": "Dit is vergeten", "correct": False},
                                    ],
                                    "explanation": (
                                        "'Won't have' betekent: voorlopig niet. Het kan in een latere ronde "
                                        "alsnog aan bod komen, maar iedereen weet dat het nu niet wordt geleverd."
                                    ),
                                },
                                {
                                    "question": "Bijna alle wensen staan op 'must have'. Wat doe je?",
                                    "choices": [
                                        {"text": "Meer tijd en geld aanvragen", "correct": False},
                                        {"text": "Zelf een aantal wensen schrappen", "correct": False},
                                        {
                                            "text": "Per wens doorvragen wat er gebeurt als die ontbreekt",
                                            "correct": True,
                                        },
                                    ],
                                    "explanation": (
                                        "Met die vraag help je de opdrachtgever onderscheid maken tussen wat "
                                        "onmisbaar is en wat later kan. De keuze blijft bij de opdrachtgever."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    # 7. Leerkring projectondersteuners
    {
        "title": "Leerkring projectondersteuners",
        "slug": "leerkring-projectondersteuners",
        "summary": (
            "Leer van en met collega-projectondersteuners van gemeenten en provincies. In zes online bijeenkomsten "
            "van anderhalf uur bespreek je in kleine groepen je takenpakket, je rol in projecten en de vragen waar "
            "je in je werk tegenaan loopt."
        ),
        "learning_goals": [
            "Je beschrijft je eigen rol en takenpakket en vergelijkt die met die van collega's elders.",
            "Je herkent taken die niet bij je functie horen en bespreekt dat met je leidinggevende.",
            "Je brengt een vraag uit je eigen werk in en helpt anderen met die van hen.",
        ],
        "format": "leerkring",
        "study_load_hours": 9,
        "scale_min": 7,
        "scale_max": 9,
        "family": "project-support",
        "role_profiles": ["projectondersteuner", "project-management-assistent", "programmaondersteuner"],
        "competencies": {"samenwerken": 2, "proactiviteit": 2, "flexibiliteit": 2},
        "leads_to_certificate": False,
        "requires_approval": False,
        "body": [
            ("heading", {"text": "Zo ziet de leergang eruit", "level": "h2"}),
            (
                "paragraph",
                "<p>De leerkring komt zes keer online bij elkaar, telkens van 10.00 tot 11.30 uur, met een centraal "
                "thema zoals de functie- en taakbeschrijving van projectondersteuning. De twee modules hieronder "
                "bereiden je voor op de eerste bijeenkomsten.</p>",
            ),
        ],
        "modules": [
            {
                "title": "Je rol in beeld",
                "slug": "je-rol-in-beeld",
                "introduction": (
                    "Projectondersteuners hebben veel verschillende functietitels en takenpakketten. Hoe ziet jouw "
                    "rol eruit?"
                ),
                "required": True,
                "estimated_minutes": 30,
                "body": [
                    (
                        "paragraph",
                        "<p>Projectassistent, projectmedewerker, assistent projectmanager: de titels verschillen, "
                        "het werk ook. De een ondersteunt drie projecten en draait inhoudelijk mee, de ander "
                        "verzorgt de basistaken voor twintig projecten of meer. Programmaondersteuners blijven door "
                        "de omvang van hun programma vaak meer op hoofdlijnen; projectondersteuners willen juist "
                        "vaker de diepte in.</p><p>Wat de meesten delen, is het gevoel de spin in het web te zijn. "
                        "Waar een secretaresse vroeger vooral afspraken maakte voor een ander, maak je als "
                        "ondersteuner ook afspraken voor jezelf.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Met vijfentwintig projecten kom je niet verder dan de standaardtaken. Met drie "
                                "projecten kun je echt meedenken over de inhoud."
                            ),
                            "attribution": "Deelnemer leerkring projectondersteuners",
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "title": "Je bent niet de enige",
                            "text": (
                                "<p>Veel deelnemers aan de leerkring werken nog maar een paar jaar als "
                                "projectondersteuner. Juist dan helpt het om te horen hoe collega's elders hun "
                                "werk hebben ingericht.</p>"
                            ),
                        },
                    ),
                    (
                        "assignment",
                        {
                            "title": "Breng je takenpakket in kaart",
                            "instructions": (
                                "<p>Neem een gewone werkweek in gedachten.</p><ul><li>Schrijf op aan welke "
                                "projecten je werkt en wat je rol daarin is.</li><li>Markeer welke taken je graag "
                                "meer zou doen en welke liever minder.</li><li>Neem het overzicht mee naar de "
                                "eerste bijeenkomst van de leerkring.</li></ul>"
                            ),
                            "reflection_prompt": (
                                "Wat viel je op toen je je takenpakket naast dat van een collega uit een andere "
                                "organisatie legde?"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Grenzen aan je takenpakket",
                "slug": "grenzen-aan-je-takenpakket",
                "introduction": (
                    "Soms krijg je werk dat eigenlijk bij de projectleider hoort. Leerzaam, maar niet als het je "
                    "eigen werk verdringt."
                ),
                "required": True,
                "estimated_minutes": 30,
                "body": [
                    (
                        "paragraph",
                        "<p>Waar de capaciteit krap is, schuiven taken van projectleiders door naar ondersteuners. "
                        "Af en toe is dat een mooie kans om je te ontwikkelen. Gebeurt het steeds, dan lijdt je "
                        "eigenlijke werk eronder en word je de vaste opvang voor alles wat blijft liggen.</p><p>"
                        "Bespreek het daarom met je leidinggevende, en maak het concreet: welke taken zijn erbij "
                        "gekomen, hoeveel tijd kosten ze en wat blijft er daardoor liggen? Spreek daarna af welke "
                        "taken je houdt, welke tijdelijk zijn en welke terug moeten. Een actuele functie- en "
                        "taakbeschrijving helpt daarbij.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Ontwikkelen mag, maar met afspraken",
                            "text": (
                                "<p>Wil je een taak van de projectleider juist graag houden? Maak er dan een "
                                "ontwikkelafspraak van, met tijd en begeleiding, zodat het niet ten koste gaat "
                                "van je andere werk.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Kennischeck: grenzen",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "question": (
                                        "Je krijgt al maanden werk van projectleiders dat niet in je functie past. "
                                        "Wat is de beste stap?"
                                    ),
                                    "choices": [
                                        {"text": "Gewoon doorgaan, het hoort erbij", "correct": False},
                                        {"text": "De taken voortaan weigeren", "correct": False},
                                        {
                                            "text": "Met je leidinggevende bespreken welke taken erbij zijn gekomen "
                                            "en wat er blijft liggen",
                                            "correct": True,
                                        },
                                    ],
                                    "explanation": (
                                        "Door het concreet te maken, kan je leidinggevende een goede afweging "
                                        "maken. Weigeren of zwijgend doorgaan lost het onderliggende "
                                        "capaciteitsprobleem niet op."
                                    ),
                                },
                                {
                                    "question": "Wanneer is een extra taak een goede ontwikkelkans?",
                                    "choices": [
                                        {
                                            "text": "Als er afspraken zijn over tijd en begeleiding",
                                            "correct": True,
                                        },
                                        {"text": "Altijd, elke extra taak is leerzaam", "correct": False},
                                        {"text": "Als niemand anders hem wil doen", "correct": False},
                                    ],
                                    "explanation": (
                                        "Met afspraken wordt de taak een bewuste stap in je ontwikkeling in plaats "
                                        "van extra werk bovenop je gewone takenpakket."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]

# Learning paths: ordered items (track slug, required); a learner also finishes at least `min_electives`
# of the elective tracks.
PATHS = [
    {
        "title": "Van projectondersteuner naar PMO'er",
        "slug": "van-projectondersteuner-naar-pmo",
        "description": (
            "Voor projectondersteuners die de stap willen zetten naar het project management office. Je versterkt "
            "de basis van verslaglegging en planning, leert risico's beheren en kiest daarna zelf een verdieping: "
            "stakeholdermanagement of agile werken."
        ),
        "target_profile": "pmo-praktisch",
        "min_electives": 1,
        "items": [
            ("notuleren-en-actielijsten", True),
            ("projectplanning-en-voortgangsbewaking", True),
            ("risicomanagement-voor-de-pmo", True),
            ("stakeholdermanagement", False),
            ("agile-werken-in-projecten", False),
        ],
    },
    {
        "title": "Managementondersteuner: doorgroeien naar schaal 8",
        "slug": "managementondersteuner-naar-schaal-8",
        "description": (
            "Je takenpakket wordt breder en inhoudelijker. Dit pad maakt je digitaal sterk, scherpt je "
            "verslaglegging aan en leert je omgaan met de belangen rond je manager. Met een keuzeleergang maak je "
            "kennis met projectwerk, dat steeds vaker bij de functie hoort."
        ),
        "target_profile": "managementondersteuner-schaal-8",
        "min_electives": 1,
        "items": [
            ("digitale-vaardigheden-managementondersteuner", True),
            ("notuleren-en-actielijsten", True),
            ("stakeholdermanagement", True),
            ("projectplanning-en-voortgangsbewaking", False),
            ("agile-werken-in-projecten", False),
        ],
    },
]
