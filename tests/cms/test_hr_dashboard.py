"""The HR dashboard links only to what the adviser may open.

An adviser may not open her own record as HR (``/hr/mensen/<her id>/loopbaan/`` answers
404 by design); her own career is at ``/mijn/loopbaan/``. The crawl tests render the
dashboard and the curriculum HR pages as the adviser, collect every link, and open each as
the same adviser.
"""

import datetime
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from curriculum import services
from curriculum.models import AssignmentBatch
from people.models import Membership
from tests.curriculum.factories import AssignmentFactory, LearningTrackPageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

# Pages of the curriculum's HR side, whose links the second crawl follows one step further.
CURRICULUM_HR_PAGES = ("/hr/toewijzen/", "/hr/toewijzingen/", "/hr/opdrachten/", "/hr/aanvragen/")


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href is not None:
                self.hrefs.append(href)


def links_on(html: str, base: str) -> list[str]:
    """Every same-site link of a page, absolute paths with their query, without anchors,
    other hosts, mail and phone links. (Forms, such as the logout button, are no links.)"""
    collector = LinkCollector()
    collector.feed(html)
    links = []
    for href in collector.hrefs:
        if not href or href.startswith("#"):
            continue
        parts = urlsplit(urljoin(base, href))
        if parts.scheme not in ("http", "https", "") or parts.netloc not in ("", "testserver"):
            continue
        link = parts.path + (f"?{parts.query}" if parts.query else "")
        if link not in links:
            links.append(link)
    return links


def broken(client, links: list[str]) -> list[tuple[str, int]]:
    failures = []
    for link in links:
        response = client.get(link, follow=True)
        if response.status_code >= 400:
            failures.append((link, response.status_code))
    return failures


@pytest.fixture
def world(home_page, monkeypatch):
    """An adviser's organisation with everything the dashboard can link to: people over
    two pages, assignments of a track, a finished job, and requests, one of them her own."""
    monkeypatch.setattr("cms.selectors.HR_PAGE_SIZE", 3)
    from tests.curriculum.factories import CatalogPageFactory

    catalog = CatalogPageFactory(parent=home_page)
    track = LearningTrackPageFactory(parent=catalog, title="Notuleren", requires_approval=True)
    zeist = OrganisationFactory(slug="zeist")
    adviser = HRAdviserFactory(organisation=zeist, user__full_name="Aafke Adviseur").user
    colleague = HRAdviserFactory(organisation=zeist, user__full_name="Bert Adviseur").user
    learners = [LearnerFactory(organisation=zeist).user for _ in range(4)]
    MembershipFactory(user=learners[0], organisation=zeist, role=Membership.Role.ORGANISER)
    other = OrganisationFactory(slug="utrecht")
    stranger = LearnerFactory(organisation=other).user
    for learner in learners[:2]:
        AssignmentFactory(user=learner, organisation=zeist, track=track)
    AssignmentBatch.objects.create(
        organisation=zeist,
        assigned_by=adviser,
        track=track,
        due_date=datetime.date.today() + datetime.timedelta(days=30),
        audience=AssignmentBatch.Audience.ALL,
        status=AssignmentBatch.Status.DONE,
        total=2,
        processed=2,
        created_count=2,
    )
    # A job for which nobody matched: its status table is empty (404), so it is not linked.
    AssignmentBatch.objects.create(
        organisation=zeist,
        assigned_by=adviser,
        track=LearningTrackPageFactory(parent=catalog, title="Agile werken"),
        due_date=datetime.date.today() + datetime.timedelta(days=30),
        audience=AssignmentBatch.Audience.TEAM,
        team="Niemand",
        status=AssignmentBatch.Status.DONE,
    )
    services.enrol(user=learners[2], track=track)  # not assigned, so a request
    own = services.enrol(user=adviser, track=track)
    services.enrol(user=stranger, track=track)
    return {
        "adviser": adviser,
        "colleague": colleague,
        "learners": learners,
        "stranger": stranger,
        "own": own,
        "track": track,
    }


def test_the_adviser_sees_her_own_row_without_the_hr_link_to_her_record(client, world):
    adviser = world["adviser"]
    client.force_login(adviser)
    html = client.get("/hr/").content.decode()
    assert "Aafke Adviseur" in html
    assert f"/hr/mensen/{adviser.pk}/loopbaan/" not in html
    assert 'href="/mijn/loopbaan/"' in html
    assert "Naar je eigen loopbaan" in html
    assert f"/hr/mensen/{world['colleague'].pk}/loopbaan/" in html, "her colleague is an ordinary row"
    assert client.get(f"/hr/mensen/{adviser.pk}/loopbaan/").status_code == 404, "why it is not linked"


def test_her_own_request_is_not_counted_on_her_dashboard(client, world):
    client.force_login(world["adviser"])
    assert "1 inschrijving wacht op je goedkeuring." in client.get("/hr/").content.decode()
    client.force_login(world["colleague"])
    assert "2 inschrijvingen wachten op je goedkeuring." in client.get("/hr/").content.decode()


def test_every_link_on_the_hr_dashboard_opens_for_the_adviser(client, world):
    client.force_login(world["adviser"])
    response = client.get("/hr/")
    assert response.status_code == 200
    links = links_on(response.content.decode(), "/hr/")
    assert broken(client, links) == []
    # The crawl covers what the dashboard links to.
    for expected in (
        "/hr/toewijzen/",
        "/hr/aanvragen/",
        f"/hr/opdrachten/zeist/leergang/{world['track'].pk}/",
        "/hr/?pagina=2",
        "/mijn/loopbaan/",
    ):
        assert expected in links, f"{expected} not linked; links: {links}"
    assert any(link.startswith("/hr/toewijzingen/") for link in links)


def test_every_link_on_the_curriculum_hr_pages_opens_for_the_adviser(client, world):
    client.force_login(world["adviser"])
    pages = [
        link for link in links_on(client.get("/hr/").content.decode(), "/hr/") if link.startswith(CURRICULUM_HR_PAGES)
    ]
    assert len(pages) >= 4
    failures = []
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        failures += [(page, *failure) for failure in broken(client, links_on(response.content.decode(), page))]
    assert failures == []


def test_the_dashboard_refuses_others(client, world):
    client.force_login(world["learners"][3])
    assert client.get("/hr/").status_code == 403
    client.force_login(world["stranger"])
    assert client.get("/hr/").status_code == 403
    client.logout()
    assert client.get("/hr/")["Location"].startswith("/accounts/login/")


def test_an_adviser_of_another_organisation_sees_none_of_it(client, world):
    utrecht_hr = HRAdviserFactory(organisation=world["stranger"].memberships.get().organisation).user
    client.force_login(utrecht_hr)
    html = client.get("/hr/").content.decode()
    assert "Aafke Adviseur" not in html
    assert world["learners"][2].full_name not in html
    assert "1 inschrijving wacht op je goedkeuring." in html, "the request of her own organisation only"
