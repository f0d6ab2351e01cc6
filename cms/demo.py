"""The demo world of `manage.py seed_demo`: each app seeds its own part, in import order."""

from assessments.demo import seed_assessments
from careers.demo import seed_careers
from certificates.demo import seed_certificates
from curriculum.demo import seed_curriculum
from people.demo import seed_people

from .services import ensure_site

INTRODUCTION = "Spil is er voor iedereen die projecten en managers bij de overheid draaiende houdt."
HOME_CARDS = [
    ("leeraanbod", "Leeraanbod", "Leergangen voor je vak: van notuleren tot risicomanagement, met certificaat."),
    ("zelfscans", "Zelfscans", "Zie waar je staat ten opzichte van je functie, en welke leergangen helpen."),
    ("functieprofielen", "Functieprofielen", "Wat projectondersteuning, PMO en managementondersteuning van je vragen."),
    ("loopbaanpaden", "Loopbaanpaden", "Van projectondersteuner naar PMO'er, of van schaal 6 naar schaal 8."),
]


def fill_home(home) -> None:
    """Give the demo home page cards to every part of the site, once; an editor's body stays."""
    if home.body:
        return
    pages = {page.slug: page for page in home.get_children().live()}
    cards = [
        {"title": title, "text": text, "page": pages[slug].pk, "url": ""}
        for slug, title, text in HOME_CARDS
        if slug in pages
    ]
    home.body = [
        {
            "type": "paragraph",
            "value": "<p>Spil is er voor iedereen die projecten en managers bij de overheid draaiende houdt.</p>",
        },
        {"type": "cards", "value": cards},
    ]
    home.save_revision().publish()


def seed_demo(*, log=print) -> None:
    home = ensure_site()
    log("Site: home page and accessibility statement")
    users = seed_people()
    log(f"People: {len(users)} demo logins")
    counts = seed_careers(home=home, users=users)
    log("Careers: " + ", ".join(f"{value} {name}" for name, value in counts.items()))
    counts = seed_curriculum(home=home, users=users)
    log("Curriculum: " + ", ".join(f"{value} {name}" for name, value in counts.items()))
    counts = seed_assessments(home=home, users=users)
    log("Self-assessments: " + ", ".join(f"{value} {name}" for name, value in counts.items()))
    counts = seed_certificates()
    log("Certificates: " + ", ".join(f"{value} {name}" for name, value in counts.items()))
    fill_home(home)
