import datetime

import pytest
from django.utils import timezone

from certificates import services
from certificates.models import Certificate, CertificateTemplate, RerenderBatch
from people.models import User
from tests.people.factories import LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(world):
    return services.render(certificate_id=services.issue(user=world["anna"], track=world["track"], source_key="v1").pk)


def test_the_verification_page_shows_only_what_it_should(client, certificate, world):
    response = client.get(f"/certificates/verify/{certificate.token}/")
    html = response.content.decode()
    assert response.status_code == 200
    for shown in ["Anna de Vries", "Risicomanagement voor de PMO", certificate.number, "Geldig"]:
        assert shown in html
    assert world["anna"].email not in html
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("token", ["onbekend-maar-lang-genoeg-123", "kort", "<script>alert(1)</script>", "a" * 80])
def test_unknown_or_malformed_tokens_are_404(client, certificate, token):
    assert client.get(f"/certificates/verify/{token}/").status_code == 404
    assert client.get(f"/certificates/badge/{token}/").status_code == 404


def test_revoked_and_expired_show_their_status_at_once(client, certificate, world):
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=timezone.now() - datetime.timedelta(days=1))
    assert "Verlopen" in client.get(f"/certificates/verify/{certificate.token}/").content.decode()
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="Onterecht uitgegeven")
    html = client.get(f"/certificates/verify/{certificate.token}/").content.decode()
    assert "Ingetrokken" in html
    assert timezone.localdate().strftime("%Y") in html
    status = client.get(f"/certificates/status/{certificate.token}/").json()
    assert status["revokedCredentials"][0]["revocationReason"] == "Onterecht uitgegeven"


def test_lookup_by_number_and_surname_is_rate_limited(client, certificate):
    response = client.get("/certificates/verify/", {"number": certificate.number, "surname": "de Vries"})
    assert response["Location"] == f"/certificates/verify/{certificate.token}/"
    response = client.get("/certificates/verify/", {"number": certificate.number, "surname": "Jansen"})
    assert response.status_code == 404
    assert 'value="Jansen"' in response.content.decode()
    statuses = [
        client.get("/certificates/verify/", {"number": certificate.number, "surname": "Jansen"}).status_code
        for _ in range(10)
    ]
    assert statuses[-1] == 429
    response = client.get("/certificates/verify/", {"number": certificate.number, "surname": "de Vries"})
    assert response.status_code == 429, "the limit holds for right answers too"
    assert client.get("/certificates/verify/", {"number": "", "surname": ""}).status_code == 400


def test_behind_a_proxy_the_limit_counts_per_client(client, certificate, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    lookup = {"number": certificate.number, "surname": "Jansen"}
    for _ in range(10):
        client.get("/certificates/verify/", lookup, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client.get("/certificates/verify/", lookup, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert client.get("/certificates/verify/", lookup, HTTP_X_FORWARDED_FOR="198.51.100.4").status_code == 404


def test_the_holder_downloads_pdf_and_badge(client, certificate, world):
    client.force_login(world["anna"])
    response = client.get(f"/mijn/certificaten/{certificate.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert certificate.number in client.get("/mijn/").content.decode()
    badge = client.get(f"/certificates/badge/{certificate.token}/?download=1")
    assert badge["Content-Type"] == "application/ld+json"
    assert "attachment" in badge["Content-Disposition"]
    assert badge.json()["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert client.get("/certificates/issuer/").json()["verificationMethod"][0]["type"] == "Multikey"


def test_another_learner_cannot_download(client, certificate):
    client.force_login(LearnerFactory().user)
    assert client.get(f"/mijn/certificaten/{certificate.pk}/pdf/").status_code == 404


def test_hr_of_another_organisation_cannot_revoke_or_download(client, certificate, world):
    client.force_login(world["other_hr"])
    assert client.get(f"/hr/certificaten/{certificate.pk}/pdf/").status_code == 404
    assert client.post(f"/hr/certificaten/{certificate.pk}/intrekken/", {"reason": "x"}).status_code == 404
    assert certificate.number not in client.get("/hr/certificaten/").content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    client.force_login(world["anna"])
    assert client.get("/hr/certificaten/").status_code == 403


def test_own_hr_lists_downloads_and_revokes(client, certificate, world):
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=timezone.now() + datetime.timedelta(days=30))
    client.force_login(world["hr"])
    html = client.get("/hr/certificaten/").content.decode()
    assert html.count(f"/certificates/verify/{certificate.token}/") == 2, "issued, and expiring within 90 days"
    assert client.get(f"/hr/certificaten/{certificate.pk}/pdf/").status_code == 200
    response = client.post(f"/hr/certificaten/{certificate.pk}/intrekken/", {"reason": ""})
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is None
    response = client.post(f"/hr/certificaten/{certificate.pk}/intrekken/", {"reason": "Fraude"})
    assert response.status_code == 302
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is not None


@pytest.mark.parametrize("size", [2, 12])
def test_hr_list_queries_are_constant(client, world, size, django_assert_max_num_queries):
    for n in range(size):
        person = LearnerFactory(organisation=world["zeist"]).user
        services.issue(user=person, track=world["track"], source_key=f"q{n}")
    client.force_login(world["hr"])
    client.get("/hr/certificaten/")
    with django_assert_max_num_queries(12):
        assert client.get("/hr/certificaten/").status_code == 200


def test_template_preview_and_batch_rerender(client, certificate, django_capture_on_commit_callbacks):
    admin = User.objects.create_superuser(email="redactie@example.org", password="x" * 12, full_name="Redactie")
    client.force_login(admin)
    template = CertificateTemplate.objects.get()
    url = f"/admin/snippets/certificates/certificatetemplate/preview/{template.pk}/"
    form = {
        field: getattr(template, field)
        for field in [
            "name",
            "title",
            "body",
            "organisation_name",
            "signatory_name",
            "signatory_role",
            "accent_colour",
            "language",
        ]
    }
    assert client.post(url, form).json()["is_valid"]
    preview = client.get(url)
    assert preview.status_code == 200
    assert preview["Content-Type"] == "application/pdf"
    assert preview.content.startswith(b"%PDF")
    before = Certificate.objects.get(pk=certificate.pk).rendered_at
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/certificaten/sjablonen/{template.pk}/opnieuw-maken/")
    batch = RerenderBatch.objects.get()
    assert response["Location"] == f"/certificaten/opnieuw-maken/{batch.pk}/"
    progress = client.get(response["Location"], HTTP_ACCEPT="application/json").json()
    assert progress == {"status": "done", "status_label": "Klaar", "processed": 1, "total": 1, "percent": 100}
    assert Certificate.objects.get(pk=certificate.pk).rendered_at > before


def test_learners_cannot_rerender(client, certificate, world):
    client.force_login(world["anna"])
    template = CertificateTemplate.objects.get()
    assert client.post(f"/certificaten/sjablonen/{template.pk}/opnieuw-maken/").status_code == 403
    assert not RerenderBatch.objects.exists()
