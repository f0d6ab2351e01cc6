"""`seed_demo`: the demo world, written part by part in the order the apps depend on each other."""

from cms.services import ensure_site

from .assessments import seed_assessments
from .careers import seed_careers
from .certificates import seed_certificate_templates
from .circles import seed_circles
from .curriculum import seed_curriculum
from .histories import seed_histories
from .insights import seed_insights
from .people import seed_people
from .site import fill_home, translate_pages


def seed_demo(*, log=print) -> None:
    """Pages and snippets as an editor makes them, then the learners' histories through the services.
    Safe to run again: it writes only what is missing or differs."""
    home = ensure_site()
    log("Site: home page and accessibility statement")
    users = seed_people()
    log(f"People: {len(users)} demo logins")
    for label, counts in [
        ("Careers", seed_careers(home=home)),
        ("Curriculum", seed_curriculum(home=home)),
        ("Self-assessments", seed_assessments(home=home)),
        ("Certificates", seed_certificate_templates()),
        ("Histories (new events)", seed_histories(users=users)),
        ("Learning circles (new history)", seed_circles(home=home, users=users)),
        ("Colleagues at Gemeente Zeist (new events)", seed_insights(users=users)),
    ]:
        log(f"{label}: " + (", ".join(f"{value} {name}" for name, value in counts.items()) or "none"))
    fill_home(home)
    log(f"English versions: {translate_pages(home)} pages")
