import pytest

from careers.models import RoleProfileRequirement
from curriculum.models import TrackCompetency
from tests.assessments.factories import SelfAssessmentIndexPageFactory, SelfAssessmentPageFactory, StatementFactory
from tests.careers.factories import CompetencyFactory, RoleProfileIndexPageFactory, RoleProfilePageFactory
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory


@pytest.fixture
def scan(home_page):
    """A self-scan over three competencies (planning has two statements), a profile that
    asks 3 for each, and a track that develops planning to 3."""
    planning = CompetencyFactory(name="Plannen")
    notes = CompetencyFactory(name="Notuleren")
    risks = CompetencyFactory(name="Risico's beheren")
    index = SelfAssessmentIndexPageFactory(parent=home_page)
    page = SelfAssessmentPageFactory(parent=index)
    statements = [
        StatementFactory(page=page, competency=planning, text="Ik maak planningen", sort_order=0),
        StatementFactory(page=page, competency=notes, text="Ik notuleer overleggen", sort_order=1),
        StatementFactory(page=page, competency=planning, text="Ik bewaak mijlpalen", sort_order=2),
        StatementFactory(page=page, competency=risks, text="Ik houd een risicolog bij", sort_order=3),
    ]
    profile = RoleProfilePageFactory(parent=RoleProfileIndexPageFactory(parent=home_page), title="PMO praktisch")
    for competency in (planning, notes, risks):
        RoleProfileRequirement.objects.create(page=profile, competency=competency, level=3)
    catalog = CatalogPageFactory(parent=home_page)
    track = LearningTrackPageFactory(parent=catalog, title="Projectplanning")
    TrackCompetency.objects.create(page=track, competency=planning, level=3)
    weak = LearningTrackPageFactory(parent=catalog, title="Plannen voor beginners")
    TrackCompetency.objects.create(page=weak, competency=planning, level=1)
    return {
        "page": page,
        "statements": statements,
        "planning": planning,
        "notes": notes,
        "risks": risks,
        "profile": profile,
        "track": track,
        "weak_track": weak,
    }
