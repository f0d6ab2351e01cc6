"""The demo world of `manage.py seed_demo`: each app seeds its own part, in import order."""

from assessments.demo import seed_assessments
from careers.demo import seed_careers
from certificates.demo import seed_certificates
from curriculum.demo import seed_curriculum
from people.demo import seed_people

from .services import ensure_site


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
