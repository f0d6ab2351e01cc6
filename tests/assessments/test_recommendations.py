"""What the result page recommends for each gap: tracks that reach the level, and tracks
that bring it part of the way, said so."""

import pytest

from assessments import services
from curriculum.models import TrackCompetency
from tests.curriculum.factories import LearningTrackPageFactory
from tests.people.factories import LearnerFactory

pytestmark = pytest.mark.django_db


def test_the_result_page_says_which_tracks_bring_you_a_step_further(client, scan):
    halfway = LearningTrackPageFactory(parent=scan["track"].get_parent(), title="Plannen in de praktijk")
    TrackCompetency.objects.create(page=halfway, competency=scan["planning"], level=2)
    anna = LearnerFactory().user
    attempt = services.start_attempt(user=anna, assessment=scan["page"])
    by_competency = {scan["planning"].pk: 1, scan["notes"].pk: 3, scan["risks"].pk: 2}
    levels = {s.pk: by_competency[s.competency_id] for s in scan["statements"]}
    services.save_answers(user=anna, attempt=attempt, levels=levels)
    services.submit(user=anna, attempt=attempt)
    services.set_target(user=anna, attempt=attempt, profile=scan["profile"])
    client.force_login(anna)

    html = client.get(f"/zelfscan/poging/{attempt.pk}/resultaat/").content.decode()

    reaching = html.index("Projectplanning</a>")
    partway = html.index("Plannen in de praktijk</a>")
    assert reaching < partway
    assert "(tot niveau 3)" in html[reaching:partway]
    assert "(brengt je een stap verder, tot niveau 2)" in html[partway:]
    assert "Plannen voor beginners" not in html  # it brings planning no higher than 1
    # Risks (2, asked 3) has no track at all: the page says so.
    assert "Er is nog geen leergang die dit niveau haalt." in html
    assert f'href="/mijn/loopbaan/volgende-stap/{scan["profile"].pk}/"' in html
