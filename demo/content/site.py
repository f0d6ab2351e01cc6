"""The home page's cards and the English versions of the home, index and content pages."""

from cms.services import ACCESSIBILITY_SLUG

# The opening paragraph of the home page's body, above the cards.
HOME_LEAD = "Spil is er voor iedereen die projecten en managers bij de overheid draaiende houdt."
HOME_CARDS = [
    ("leeraanbod", "Leeraanbod", "Leergangen voor je vak: van notuleren tot risicomanagement, met certificaat."),
    ("zelfscans", "Zelfscans", "Zie waar je staat ten opzichte van je functie, en welke leergangen helpen."),
    ("functieprofielen", "Functieprofielen", "Wat projectondersteuning, PMO en managementondersteuning van je vragen."),
    ("loopbaanpaden", "Loopbaanpaden", "Van projectondersteuner naar PMO'er, of van schaal 6 naar schaal 8."),
    ("leerkringen", "Leerkringen", "Leer online van collega's bij andere overheden, telkens anderhalf uur."),
]

HOME_LEAD_EN = "Spil is for everyone who keeps projects and managers in government running."

HOME_CARDS_EN = {
    "leeraanbod": (
        "Learning offer",
        "Tracks for your profession, from taking minutes to risk management, with a certificate.",
    ),
    "zelfscans": ("Self-scans", "See where you stand against your role, and which tracks will help."),
    "functieprofielen": ("Role profiles", "What project support, PMO and management support ask of you."),
    "loopbaanpaden": ("Career paths", "From project supporter to PMO officer, or from scale 6 to scale 8."),
    "leerkringen": (
        "Learning circles",
        "Learn online from colleagues at other public bodies, an hour and a half at a time.",
    ),
}

# The English versions of the home, index and content pages; tracks, modules, profiles and
# self-scans stay Dutch (see common/i18n.py).
TRANSLATIONS_EN = {
    "": {
        "title": "Spil",
        "introduction": (
            "Learn and grow as a project supporter, PMO officer or management supporter: the hub "
            "that keeps your organisation running."
        ),
    },
    "leeraanbod": {
        "title": "Learning offer",
        "introduction": "Every learning track on Spil. Filter by role, level and form, or search by word.",
    },
    "zelfscans": {
        "title": "Self-scans",
        "introduction": (
            "A self-scan shows where you stand against the competencies of a role, and which tracks "
            "help you grow. The questions are in Dutch."
        ),
    },
    "functieprofielen": {
        "title": "Role profiles",
        "introduction": "What each role in project support, PMO and management support asks of you.",
    },
    "loopbaanpaden": {
        "title": "Career paths",
        "introduction": "Every role profile, and the steps people take from one to the next.",
    },
    "leerkringen": {
        "title": "Learning circles",
        "introduction": (
            "In a learning circle you learn from colleagues who do the same work at another public body. You "
            "meet online every few weeks around a theme, hear how others go about it and talk about your own "
            "work in small groups. Every session you attend counts in your learning history. The circles "
            "themselves are in Dutch."
        ),
    },
    ACCESSIBILITY_SLUG: {
        "title": "Accessibility statement",
        "introduction": "How Spil works on accessibility, and what you can do if something does not work.",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Spil should work for everyone, including people who use a screen reader, "
                    "magnification or only a keyboard. Dutch public bodies are required by law to meet "
                    "the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, and we hold "
                    "ourselves to the same standard.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "How we keep to it", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Every page is checked automatically with axe-core against WCAG 2.1 A and AA "
                    "on every change.</li><li>We build on the components of the NL Design System, made "
                    "with accessibility in mind.</li><li>Everything works with a keyboard and shows a "
                    "visible focus.</li></ul>"
                ),
            },
            {"type": "heading", "value": {"text": "Found something that does not work?", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Tell your organisation's helpdesk or write to toegankelijkheid@spil.example.org. "
                    "We answer within five working days and tell you when it is fixed.</p>"
                ),
            },
        ],
    },
}
