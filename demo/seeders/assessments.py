"""The 'Zelfscans' page and the self-assessments, written as an editor would. Runs after
`seed_careers`: statements and role profiles are its competencies and profiles."""

from django.db import transaction

from assessments.models import SelfAssessmentIndexPage, SelfAssessmentPage, Statement
from careers.models import Competency, RoleProfilePage

from ..content import assessments as content
from .pages import by_slug, ensure_child_page, is_published_as, publish

ASSESSMENT_FIELDS = ["title", "introduction", "minutes"]


@transaction.atomic
def seed_assessments(*, home) -> dict:
    """Write the content; safe to run again, it only changes what differs."""
    competencies = by_slug(
        Competency.objects.all(),
        {slug for data in content.ASSESSMENTS for slug, _ in data["statements"]},
        "competency",
    )
    profiles = by_slug(
        RoleProfilePage.objects.all(),
        {slug for data in content.ASSESSMENTS for slug in data["role_profiles"]},
        "role profile",
    )
    index = ensure_child_page(home, SelfAssessmentIndexPage, content.INDEX_PAGE)
    for data in content.ASSESSMENTS:
        _save_assessment(index, data, competencies=competencies, profiles=profiles)
    return {
        "index_pages": 1,
        "assessments": len(content.ASSESSMENTS),
        "statements": sum(len(data["statements"]) for data in content.ASSESSMENTS),
    }


def _save_assessment(index, data, *, competencies, profiles) -> SelfAssessmentPage:
    """Create or update one self-assessment and publish it, unless it already matches data. Replacing the
    statements deletes the answers to statements that go away, so an unchanged page is left alone, and a
    statement whose competency and text stay the same keeps its row (and its answers)."""
    fields = {name: data[name] for name in ASSESSMENT_FIELDS}
    role_profiles = [profiles[slug] for slug in data["role_profiles"]]
    statements = [(competencies[slug].pk, text) for slug, text in data["statements"]]

    page = SelfAssessmentPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is None:
        page = index.add_child(instance=SelfAssessmentPage(slug=data["slug"], **fields))
    elif (
        is_published_as(page, fields)
        and set(page.role_profiles.all()) == set(role_profiles)
        and [(statement.competency_id, statement.text) for statement in page.statements.all()] == statements
    ):
        return page

    existing = {}
    for statement in page.statements.all():
        existing.setdefault((statement.competency_id, statement.text), statement)
    page.role_profiles.set(role_profiles)
    page.statements = [
        _statement(existing.pop(key, None), competency_id=key[0], text=key[1], sort_order=position)
        for position, key in enumerate(statements)
    ]
    publish(page, fields)
    # A fresh instance: this one still holds the statements as they were before publishing saved them.
    return SelfAssessmentPage.objects.get(pk=page.pk)


def _statement(statement, *, competency_id, text, sort_order) -> Statement:
    if statement is None:
        return Statement(competency_id=competency_id, text=text, sort_order=sort_order)
    statement.sort_order = sort_order
    return statement
