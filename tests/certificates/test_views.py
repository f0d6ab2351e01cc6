import datetime
import types

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from certificates import services, statuslist, views
from certificates.models import Certificate, CertificateTemplate, RerenderBatch
from common import throttle
from people.models import User
from tests.people.factories import LearnerFactory

from .conftest import FROZEN_TIME

pytestmark = pytest.mark.django_db


def day(moment) -> str:
    """A date as the pages show it: '1 december 2029'."""
    with translation.override("nl"):
        return date_format(timezone.localtime(moment), "j F Y")


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
    html = client.get(f"/certificates/verify/{certificate.token}/").content.decode()
    assert "Verlopen" in html
    assert "Geldig tot" not in html
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="Onterecht uitgegeven")
    html = client.get(f"/certificates/verify/{certificate.token}/").content.decode()
    assert "Ingetrokken" in html
    assert f"<strong>Ingetrokken</strong> op {day(timezone.now())}" in html
    assert "Geldig tot" not in html
    certificate.refresh_from_db()
    status = client.get(f"/certificates/status-lists/{certificate.status_list_id}/").json()
    bits = statuslist.decode(status["credentialSubject"]["encodedList"])
    assert statuslist.is_set(bits, certificate.status_index)


def test_the_revocation_reason_is_never_public(client, certificate, world, settings):
    """Public: that it is revoked, and when. The reason is for HR, the admin and the holder."""
    reason = "Fraude bij de eindtoets, gemeld door de docent"
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason=reason)
    certificate.refresh_from_db()
    status = client.get(f"/certificates/status-lists/{certificate.status_list_id}/")
    assert status.json()["id"] == f"{settings.SITE_URL}/certificates/status-lists/{certificate.status_list_id}/"
    assert set(status.json()["credentialSubject"]) == {"id", "type", "statusPurpose", "encodedList"}
    public = [
        status,
        client.get(f"/certificates/verify/{certificate.token}/"),
        client.get(f"/certificates/badge/{certificate.token}/"),
        client.get(f"/certificates/badge/{certificate.token}/?download=1"),
        client.get("/certificates/verify/", {"number": certificate.number, "surname": "de Vries"}, follow=True),
    ]
    for response in public:
        assert response.status_code == 200
        assert "Fraude" not in response.content.decode()
    client.force_login(world["other_hr"])
    assert "Fraude" not in client.get("/hr/certificaten/").content.decode()
    client.force_login(world["hr"])
    assert reason in client.get("/hr/certificaten/").content.decode()
    client.force_login(world["anna"])
    assert reason in client.get("/mijn/").content.decode(), "the holder is told why"


def test_the_revoke_form_says_who_sees_what(client, certificate, world):
    client.force_login(world["hr"])
    html = client.get("/hr/certificaten/").content.decode()
    assert f'aria-describedby="reden-{certificate.pk}-uitleg"' in html
    assert "alleen dat het certificaat is ingetrokken en op welke datum" in html
    assert "De reden zien alleen de HR-adviseurs van de organisatie, de beheerders van Spil" in html


def test_lookup_finds_by_number_and_surname(client, certificate, frozen_window):
    response = client.get("/certificates/verify/", {"number": certificate.number, "surname": "de Vries"})
    assert response["Location"] == f"/certificates/verify/{certificate.token}/"
    response = client.get("/certificates/verify/", {"number": certificate.number, "surname": "Jansen"})
    assert response.status_code == 404
    assert 'value="Jansen"' in response.content.decode()
    assert client.get("/certificates/verify/", {"number": "", "surname": ""}).status_code == 400


def test_one_number_cannot_be_tried_with_many_surnames(client, certificate, frozen_window):
    """Per certificate number: 10 lookups per 10 minutes, from any number of addresses."""
    for n in range(views.LOOKUP_LIMIT_PER_NUMBER):
        response = client.get(
            "/certificates/verify/", {"number": certificate.number, "surname": f"Naam{n}"}, REMOTE_ADDR=f"10.0.0.{n}"
        )
        assert response.status_code == 404
    response = client.get(
        "/certificates/verify/", {"number": certificate.number, "surname": "de Vries"}, REMOTE_ADDR="10.0.1.1"
    )
    assert response.status_code == 429, "the limit holds for right answers too"
    html = response.content.decode()
    assert "Dit certificaatnummer is de afgelopen tijd te vaak opgezocht." in html
    assert "Probeer het over 10 minuten opnieuw, na " in html
    assert response["Retry-After"] == "590"
    other = {"number": "SPIL-2026-9999-ABCD", "surname": "Jansen"}
    assert client.get("/certificates/verify/", other, REMOTE_ADDR="10.0.1.1").status_code == 404


def lookups(client, count, **extra):
    """``count`` lookups of different numbers, none tried often enough to hit its own limit."""
    return [
        client.get("/certificates/verify/", {"number": f"SPIL-2026-{n:04d}-ABCD", "surname": "Jansen"}, **extra)
        for n in range(count)
    ]


def test_an_address_may_look_up_thirty_certificates_in_ten_minutes(client, certificate, frozen_window):
    statuses = [response.status_code for response in lookups(client, views.LOOKUP_LIMIT_PER_ADDRESS)]
    assert statuses == [404] * 30, "a whole HR office behind one address gets well past ten"
    response = client.get("/certificates/verify/", {"number": certificate.number, "surname": "de Vries"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Vanaf jouw internetadres zijn de afgelopen tijd te veel certificaten opgezocht." in html
    assert "Probeer het over 10 minuten opnieuw" in html
    assert 'role="alert"' in html


def test_a_signed_in_hr_adviser_may_look_up_more(client, certificate, world, frozen_window):
    lookups(client, views.LOOKUP_LIMIT_PER_ADDRESS)
    found = {"number": certificate.number, "surname": "de Vries"}
    assert client.get("/certificates/verify/", found).status_code == 429
    client.force_login(world["anna"])
    assert client.get("/certificates/verify/", found).status_code == 429, "a learner counts per address"
    client.force_login(world["hr"])
    assert client.get("/certificates/verify/", found).status_code == 302, "an HR adviser counts per person"
    assert {response.status_code for response in lookups(client, 60)} == {404}


def test_the_hr_adviser_limit_is_per_person(client, world, frozen_window, monkeypatch):
    monkeypatch.setattr(views, "LOOKUP_LIMIT_PER_HR_ADVISER", 3)
    client.force_login(world["hr"])
    assert [r.status_code for r in lookups(client, 4)] == [404, 404, 404, 429]
    assert "Je hebt de afgelopen tijd te veel certificaten opgezocht." in lookups(client, 1)[0].content.decode()
    client.force_login(world["other_hr"])
    assert lookups(client, 1)[0].status_code == 404


def test_behind_a_proxy_the_limit_counts_per_client(client, certificate, settings, frozen_window):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    lookups(client, views.LOOKUP_LIMIT_PER_ADDRESS, HTTP_X_FORWARDED_FOR="203.0.113.7")
    lookup = {"number": certificate.number, "surname": "Jansen"}
    assert client.get("/certificates/verify/", lookup, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert client.get("/certificates/verify/", lookup, HTTP_X_FORWARDED_FOR="198.51.100.4").status_code == 404


def test_the_next_window_starts_afresh(client, certificate, monkeypatch):
    clock = types.SimpleNamespace(time=lambda: FROZEN_TIME)
    monkeypatch.setattr(throttle, "time", clock)
    lookups(client, views.LOOKUP_LIMIT_PER_ADDRESS)
    assert lookups(client, 1)[0].status_code == 429
    clock.time = lambda: FROZEN_TIME + views.LOOKUP_WINDOW
    assert lookups(client, 1)[0].status_code == 404


def test_the_holder_downloads_pdf_and_badge(client, certificate, world):
    client.force_login(world["anna"])
    response = client.get(f"/mijn/certificaten/{certificate.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert certificate.number in client.get("/mijn/").content.decode()
    badge = client.get(f"/certificates/badge/{certificate.token}/?download=1")
    assert badge["Content-Type"] == "application/ld+json"
    assert "attachment" in badge["Content-Disposition"]
    assert badge.json()["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"
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


# Revoked, expired and superseded certificates never read as valid, and are not for sharing.


def mine(client, world) -> str:
    client.force_login(world["anna"])
    return client.get("/mijn/").content.decode()


def test_a_valid_certificate_is_offered_for_sharing(client, certificate, world):
    html = mine(client, world)
    assert f"geldig tot {day(certificate.expires_at)}" in html
    assert f"/certificates/verify/{certificate.token}/" in html
    assert f"/certificates/badge/{certificate.token}/?download=1" in html
    assert f"/mijn/certificaten/{certificate.pk}/pdf/" in html


def test_a_revoked_certificate_says_revoked_everywhere(client, certificate, world):
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="Onterecht uitgegeven")
    certificate.refresh_from_db()
    revoked_on, valid_until = day(certificate.revoked_at), day(certificate.expires_at)

    html = mine(client, world)
    assert f"ingetrokken op {revoked_on}" in html
    assert "geldig tot" not in html
    assert valid_until not in html
    assert f"/certificates/verify/{certificate.token}/" not in html, "no share link"
    assert f"/certificates/badge/{certificate.token}/" not in html, "no Open Badge download"
    assert "PDF voor je eigen administratie" in html
    assert "Reden van intrekking: Onterecht uitgegeven" in html

    client.force_login(world["hr"])
    html = client.get("/hr/certificaten/").content.decode()
    assert f"op {revoked_on}" in html
    assert f"tot {valid_until}" not in html

    html = client.get(f"/certificates/verify/{certificate.token}/").content.decode()
    assert f"<strong>Ingetrokken</strong> op {revoked_on}. Dit certificaat geldt niet meer." in html
    assert f"Ingetrokken op</dt><dd>{revoked_on}" in html
    assert "Geldig tot" not in html
    assert valid_until not in html


def test_an_expired_certificate_says_expired(client, certificate, world):
    expired = timezone.now() - datetime.timedelta(days=3)
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=expired)
    html = mine(client, world)
    assert f"verlopen op {day(expired)}" in html
    assert "geldig tot" not in html
    assert f"/certificates/verify/{certificate.token}/" not in html
    client.force_login(world["hr"])
    html = client.get("/hr/certificaten/").content.decode()
    assert "Verlopen" in html
    assert f"tot {day(expired)}" not in html
    html = client.get(f"/certificates/verify/{certificate.token}/").content.decode()
    assert "Geldig tot" not in html
    assert f"Verlopen op</dt><dd>{day(expired)}" in html


def test_a_superseded_certificate_points_to_the_new_one(client, certificate, world):
    newer = services.issue(user=world["anna"], track=world["track"], source_key="v2")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.SUPERSEDED
    html = mine(client, world)
    assert f"vervangen door een nieuwer certificaat op {day(certificate.superseded_at)}" in html
    assert html.count("geldig tot") == 1, "only the new one"
    assert f"/certificates/verify/{certificate.token}/" not in html
    assert f"/certificates/verify/{newer.token}/" in html
    html = client.get(f"/certificates/verify/{certificate.token}/").content.decode()
    assert f"door een nieuwer certificaat op {day(certificate.superseded_at)}" in html
    assert "Geldig tot" not in html
    client.force_login(world["hr"])
    assert "Vervangen door een nieuwer certificaat" in client.get("/hr/certificaten/").content.decode()


# The PDFs are private files: only through the permission-checked views.


def test_pdf_downloads_are_private_and_never_cached(client, certificate, world):
    for user, url in [(world["anna"], "/mijn/certificaten/{}/pdf/"), (world["hr"], "/hr/certificaten/{}/pdf/")]:
        client.force_login(user)
        response = client.get(url.format(certificate.pk))
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control, response["Cache-Control"]
        assert response["Content-Disposition"] == f'attachment; filename="{certificate.number}.pdf"'


def test_the_pdf_views_themselves_forbid_caching(rf, certificate, world):
    """Not only thanks to a site-wide middleware: the views say so themselves."""
    for view, user in [(views.my_pdf, world["anna"]), (views.hr_pdf, world["hr"])]:
        request = rf.get("/")
        request.user = user
        response = view(request, certificate_id=certificate.pk)
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control, response["Cache-Control"]
        assert response["Content-Disposition"].startswith("attachment;")


def test_a_revoked_pdf_is_named_so(client, certificate, world):
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="x")
    client.force_login(world["anna"])
    response = client.get(f"/mijn/certificaten/{certificate.pk}/pdf/")
    assert response["Content-Disposition"] == f'attachment; filename="{certificate.number}-ingetrokken.pdf"'


def test_no_page_or_json_links_the_stored_file(client, certificate, world):
    stored = [certificate.pdf.name, f"/media/{certificate.pdf.name}"]
    admin = User.objects.create_superuser(email="beheer@example.org", password="x" * 12, full_name="Beheer")
    pages = [
        (None, f"/certificates/verify/{certificate.token}/"),
        (None, f"/certificates/badge/{certificate.token}/"),
        (None, f"/certificates/status-lists/{certificate.status_list_id}/"),
        (world["anna"], "/mijn/"),
        (world["hr"], "/hr/certificaten/"),
        (admin, "/admin/snippets/certificates/certificate/"),
        (admin, f"/admin/snippets/certificates/certificate/inspect/{certificate.pk}/"),
    ]
    html = {}
    for user, url in pages:
        client.logout()
        if user:
            client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, url
        html[url] = response.content.decode()
        assert not any(text in html[url] for text in stored), url
    inspect = html[f"/admin/snippets/certificates/certificate/inspect/{certificate.pk}/"]
    assert f"/hr/certificaten/{certificate.pk}/pdf/" in inspect, "the admin downloads through the checked view"


def test_anonymous_visitors_get_no_pdf_and_cannot_revoke(client, certificate):
    pdfs = [f"/mijn/certificaten/{certificate.pk}/pdf/", f"/hr/certificaten/{certificate.pk}/pdf/"]
    for url in [*pdfs, "/hr/certificaten/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    response = client.post(f"/hr/certificaten/{certificate.pk}/intrekken/", {"reason": "x"})
    assert response["Location"].startswith("/accounts/login/")
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_the_holder_cannot_revoke_or_use_the_hr_download(client, certificate, world):
    client.force_login(world["anna"])
    assert client.get(f"/hr/certificaten/{certificate.pk}/pdf/").status_code == 404
    assert client.post(f"/hr/certificaten/{certificate.pk}/intrekken/", {"reason": "x"}).status_code == 404
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_hr_of_another_organisation_cannot_use_the_holders_download(client, certificate, world):
    client.force_login(world["other_hr"])
    assert client.get(f"/mijn/certificaten/{certificate.pk}/pdf/").status_code == 404


def test_a_pdf_has_no_url_and_lies_outside_the_public_media(certificate, settings):
    from django.core.files.storage import storages

    assert certificate.pdf.storage is storages["private"]
    with pytest.raises(ValueError, match="private file"):
        certificate.pdf.url  # noqa: B018 - the access is the test
    assert not storages["default"].exists(certificate.pdf.name)
    private_root = settings.STORAGES["private"]
    assert private_root["BACKEND"].startswith("common.storage.Private")
