"""The public verification page keeps its certificate part as a fragment (issue 17): what it
shows must still change on the very next request, and never come from another certificate."""

import datetime

import pytest
from django.utils import timezone

from certificates import selectors, services
from certificates.models import Certificate
from tests.people.factories import LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings):
    """Kept fragments, as in production, whatever the test settings say."""
    settings.SPIL_FRAGMENT_CACHE_SECONDS = 3600


@pytest.fixture
def certificate(world):
    return services.issue(user=world["anna"], track=world["track"], source_key="verify-page")


def page(client, certificate) -> str:
    response = client.get(f"/certificates/verify/{certificate.token}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_revocation_shows_on_the_next_request_after_the_page_was_seen(client, certificate, world):
    assert "<strong>Geldig</strong>" in page(client, certificate)
    assert "<strong>Geldig</strong>" in page(client, certificate), "the second request reads the kept fragment"
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="Onterecht uitgegeven")
    html = page(client, certificate)
    assert "<strong>Ingetrokken</strong>" in html
    assert "<strong>Geldig</strong>" not in html
    assert "Badge-afbeelding" not in html


def test_an_expiry_shows_as_soon_as_the_moment_passes(client, certificate, monkeypatch):
    now = timezone.now()
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=now + datetime.timedelta(hours=1))
    assert "<strong>Geldig</strong>" in page(client, certificate)
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=2))
    html = page(client, certificate)
    assert "<strong>Verlopen</strong>" in html
    assert "<strong>Geldig</strong>" not in html


def test_superseding_and_a_changed_value_show_at_once(client, certificate):
    page(client, certificate)
    Certificate.objects.filter(pk=certificate.pk).update(
        superseded_at=timezone.now(), holder_name="", organisation_name="Gemeente Houten"
    )
    html = page(client, certificate)
    assert "<strong>Vervangen</strong>" in html
    assert "Anna de Vries" not in html
    assert "de gegevens van de houder zijn gewist" in html
    assert "Gemeente Houten" in html


def test_one_certificate_never_shows_anothers_details(client, certificate, world):
    bram = LearnerFactory(organisation=world["zeist"], user__full_name="Bram Jansen").user
    other = services.issue(user=bram, track=world["track"], source_key="verify-page-bram")
    for _ in range(2):
        mine, theirs = page(client, certificate), page(client, other)
        for shown in (certificate.number, "Anna de Vries"):
            assert shown in mine
            assert shown not in theirs
        for shown in (other.number, "Bram Jansen"):
            assert shown in theirs
            assert shown not in mine
        assert f"/certificates/badge/{other.token}/" in theirs
        assert f"/certificates/badge/{certificate.token}/" not in theirs


def test_the_page_reads_one_query_and_nothing_but_what_it_shows(client, certificate, django_assert_num_queries):
    page(client, certificate)
    with django_assert_num_queries(1) as captured:
        page(client, certificate)
    sql = captured.captured_queries[0]["sql"]
    for column in ("credential", "competencies", "revocation_reason", "achievement_description", "pdf"):
        assert f'"{column}"' not in sql


def test_the_page_is_never_kept_whole(client, certificate, settings):
    settings.SPIL_PAGE_CACHE_SECONDS = 300
    response = client.get(f"/certificates/verify/{certificate.token}/")
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_the_verification_query_takes_only_the_token():
    assert selectors.for_verification("onbekend-maar-lang-genoeg-123") is None
    assert selectors.for_verification("kort") is None
