"""The certificate templates, one per language, both the default of their language."""

TEMPLATES = [
    {
        "name": "Spil (Nederlands)",
        "language": "nl",
        "title": "Certificaat",
        "body": (
            "{naam} heeft op {datum} de leergang {prestatie} met goed gevolg afgerond.\n\n"
            "Studiebelasting: {studiebelasting} uur. Ontwikkelde competenties: {competenties}."
        ),
        "organisation_name": "Spil, leren en loopbaan voor ondersteuners bij de overheid",
        "signatory_name": "Marieke Dekker",
        "signatory_role": "Programmamanager opleidingen",
        "accent_colour": "#24578f",
    },
    {
        "name": "Spil (English)",
        "language": "en",
        "title": "Certificate",
        "body": (
            "{naam} successfully completed the track {prestatie} on {datum}.\n\n"
            "Study load: {studiebelasting} hours. Competencies developed: {competenties}."
        ),
        "organisation_name": "Spil, learning and careers for government support staff",
        "signatory_name": "Marieke Dekker",
        "signatory_role": "Programme manager, learning",
        "accent_colour": "#24578f",
    },
]
