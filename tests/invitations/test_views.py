"""HR's invitation pages and the page behind the link, through Django's test client."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from common.jobs import FAILURE_REASON
from invitations import services
from invitations.models import Invitation, InvitationImport
from invitations.tasks import run_invitation_import
from people.models import Membership, User
from tests.common.workers import tasks_fail_as_in_a_worker
from tests.people.factories import PASSWORD, HRAdviserFactory, LearnerFactory, UserFactory

from .conftest import csv_bytes, xlsx_bytes
from .factories import InvitationFactory, InvitationImportFactory, with_link

pytestmark = pytest.mark.django_db

LIST = "/hr/uitnodigingen/"
UPLOAD = "/hr/uitnodigingen/bestand/"
GOOD_FILE = csv_bytes("naam,e-mail,team", "Anne Jansen,anne@example.org,PMO", "Bram de Wit,bram@example.org,")


def field_error(html: str, field_id: str) -> str:
    match = re.search(rf'<div class="utrecht-form-field-error-message" id="{field_id}_error">(.*?)</div>', html, re.S)
    assert match, f"no error message for {field_id}"
    assert re.search(rf'id="{field_id}"[^>]*aria-describedby="[^"]*{field_id}_error', html) or re.search(
        rf'aria-describedby="[^"]*{field_id}_error[^"]*"[^>]*id="{field_id}"', html
    ), f"{field_id} is not tied to its error"
    return match.group(1).strip()


def upload(client, data: bytes, name: str = "mensen.csv", **extra):
    return client.post(UPLOAD, {"bestand-file": SimpleUploadedFile(name, data), **extra})


@pytest.fixture
def hr_client(client, world):
    client.force_login(world["hr"])
    return client


# The list ------------------------------------------------------------------------------


def test_the_hr_dashboard_links_to_the_invitations(hr_client):
    html = hr_client.get("/hr/").content.decode()
    assert f'<a class="utrecht-link" href="{LIST}">Mensen uitnodigen</a>' in html


def test_the_list_is_for_hr_advisers(client, world):
    assert client.get(LIST)["Location"].startswith("/accounts/login/?next=")
    client.force_login(LearnerFactory(organisation=world["zeist"]).user)
    assert client.get(LIST).status_code == 403


def test_the_list_shows_the_own_organisations_invitations_with_their_status(hr_client, world):
    now = timezone.now()
    InvitationFactory(organisation=world["zeist"], full_name="Open Olga")
    InvitationFactory(organisation=world["zeist"], full_name="Aangenomen Ahmed", accepted_at=now)
    InvitationFactory(
        organisation=world["zeist"], full_name="Verlopen Vera", expires_at=now - datetime.timedelta(days=1)
    )
    InvitationFactory(organisation=world["zeist"], full_name="Ingetrokken Ivo", revoked_at=now)
    InvitationFactory(organisation=world["utrecht"], full_name="Utrechtse Ursula")
    html = hr_client.get(LIST).content.decode()
    for name, status in [
        ("Open Olga", "Open"),
        ("Aangenomen Ahmed", "Geaccepteerd"),
        ("Verlopen Vera", "Verlopen"),
        ("Ingetrokken Ivo", "Ingetrokken"),
    ]:
        assert re.search(rf"{name}<br>.*?<span class=\"spil-badge[^\"]*\">{status}</span>", html, re.S), name
    assert "Utrechtse Ursula" not in html
    assert "Alle (4)" in html
    assert "Open (1)" in html
    assert "Verlopen (1)" in html
    verlopen = hr_client.get(LIST + "?status=verlopen").content.decode()
    assert "Verlopen Vera" in verlopen
    assert "Open Olga" not in verlopen
    assert "Vera" in hr_client.get(LIST + "?q=vera").content.decode()
    assert "Olga" not in hr_client.get(LIST + "?q=vera").content.decode()
    assert hr_client.get(LIST + "?status=%00&pagina=abc&q=%00").status_code == 200


@pytest.mark.parametrize("size", [3, 60])
def test_the_list_costs_the_same_queries_for_any_number(hr_client, world, size, django_assert_max_num_queries):
    for _ in range(size):
        InvitationFactory(organisation=world["zeist"], invited_by=world["hr"])
    InvitationImportFactory(organisation=world["zeist"], uploaded_by=world["hr"])
    with django_assert_max_num_queries(14):
        assert hr_client.get(LIST).status_code == 200


def test_invite_one_person(hr_client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post(
            LIST,
            {"uitnodigen-full_name": "Anne Jansen", "uitnodigen-email": "anne@example.org", "uitnodigen-team": "PMO"},
            follow=True,
        )
    assert "De uitnodiging voor Anne Jansen is verstuurd naar anne@example.org." in response.content.decode()
    assert Invitation.objects.get().organisation == world["zeist"]
    assert mail.outbox[0].to == ["anne@example.org"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"uitnodigen-full_name": "x" * 100_000}, "id_uitnodigen-full_name", "niet meer dan 200 tekens"),
        ({"uitnodigen-email": "anne@"}, "id_uitnodigen-email", "Voer een geldig e-mailadres in."),
        ({"uitnodigen-email": "a\x00b"}, "id_uitnodigen-email", "Voer een geldig e-mailadres in."),
        ({"uitnodigen-team": "t" * 121}, "id_uitnodigen-team", "niet meer dan 120 tekens"),
        ({"uitnodigen-full_name": "Zie www.evil.example"}, "id_uitnodigen-full_name", "zonder webadres"),
    ],
)
def test_invite_errors_are_tied_to_their_field_and_keep_the_input(hr_client, data, field, message):
    form = {
        "uitnodigen-full_name": "Anne Jansen",
        "uitnodigen-email": "anne@example.org",
        "uitnodigen-team": "PMO",
        **data,
    }
    response = hr_client.post(LIST, form)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in field_error(html, field)
    assert 'value="PMO"' in html or field == "id_uitnodigen-team"
    assert not Invitation.objects.exists()


def test_an_adviser_of_two_organisations_chooses_and_cannot_choose_another(client, world):
    adviser = HRAdviserFactory(organisation=world["zeist"]).user
    HRAdviserFactory(organisation=world["utrecht"], user=adviser)
    other = HRAdviserFactory().organisation
    client.force_login(adviser)
    html = client.get(LIST).content.decode()
    assert '<select name="uitnodigen-organisation"' in html
    assert '<select name="bestand-organisation"' in html
    response = client.post(
        LIST,
        {"uitnodigen-organisation": other.pk, "uitnodigen-full_name": "Anne", "uitnodigen-email": "anne@example.org"},
    )
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in field_error(response.content.decode(), "id_uitnodigen-organisation")
    response = upload(client, GOOD_FILE, **{"bestand-organisation": other.pk})
    assert response.status_code == 400
    assert not Invitation.objects.exists()
    assert not InvitationImport.objects.exists()
    client.post(
        LIST,
        {
            "uitnodigen-organisation": world["utrecht"].pk,
            "uitnodigen-full_name": "A",
            "uitnodigen-email": "a@example.org",
        },
    )
    assert Invitation.objects.get().organisation == world["utrecht"]


def test_resend_and_revoke_from_the_list(hr_client, world, django_capture_on_commit_callbacks):
    invitation, old = with_link(organisation=world["zeist"], full_name="Anne Jansen", email="anne@example.org")
    resend = f"/hr/uitnodigingen/{invitation.pk}/opnieuw-versturen/"
    revoke = f"/hr/uitnodigingen/{invitation.pk}/intrekken/"
    html = hr_client.get(LIST).content.decode()
    assert f'action="{resend}"' in html
    assert f'action="{revoke}"' in html
    assert hr_client.get(resend).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post(resend, follow=True)
    assert "opnieuw verstuurd naar anne@example.org. De vorige link werkt niet meer." in response.content.decode()
    assert len(mail.outbox) == 1
    assert hr_client.get(f"/uitnodiging/{old}/").status_code == 404
    response = hr_client.post(revoke, follow=True)
    assert "De uitnodiging voor Anne Jansen is ingetrokken." in response.content.decode()
    response = hr_client.post(resend, follow=True)
    assert "al aangenomen of ingetrokken" in response.content.decode()


def test_another_organisations_adviser_sees_resends_and_revokes_nothing(client, world):
    invitation = InvitationFactory(organisation=world["zeist"], full_name="Anne Jansen")
    client.force_login(world["hr_utrecht"])
    assert "Anne Jansen" not in client.get(LIST).content.decode()
    for action in ("opnieuw-versturen", "intrekken"):
        assert client.post(f"/hr/uitnodigingen/{invitation.pk}/{action}/").status_code == 404
    invitation.refresh_from_db()
    assert (invitation.send_count, invitation.revoked_at) == (1, None)
    assert client.post("/hr/uitnodigingen/99999999999999999999/intrekken/").status_code == 404


# The file --------------------------------------------------------------------------------


def test_upload_preview_confirm_and_progress(hr_client, world, django_capture_on_commit_callbacks):
    response = upload(hr_client, GOOD_FILE)
    job = InvitationImport.objects.get()
    assert response["Location"] == f"/hr/uitnodigingen/import/{job.pk}/"
    html = hr_client.get(response["Location"]).content.decode()
    assert "Controleer het bestand" in html
    assert "Het bestand klopt. Bevestig, en 2 mensen krijgen een uitnodiging per e-mail." in html
    assert "Anne Jansen" in html
    assert "bram@example.org" in html
    assert not Invitation.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post(f"/hr/uitnodigingen/import/{job.pk}/bevestigen/")
    assert response["Location"] == f"/hr/uitnodigingen/import/{job.pk}/"
    html = hr_client.get(response["Location"]).content.decode()
    assert "Klaar: 2 mensen zijn uitgenodigd." in html
    assert hr_client.get(f"/hr/uitnodigingen/import/{job.pk}/voortgang/").json() == {
        "status": "done",
        "status_label": "Klaar",
        "processed": 2,
        "total": 2,
        "invited": 2,
        "percent": 100,
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["anne@example.org", "bram@example.org"]


def test_a_preview_with_problems_shows_them_and_cannot_be_confirmed(hr_client, world):
    LearnerFactory(organisation=world["utrecht"], user__email="elders@example.org")
    data = xlsx_bytes(
        [
            ["naam", "email", "team", "rol"],
            ["Anne", "anne@example.org", "PMO", "deelnemer"],
            ["=A2", "carla@example.org", None, None],
            ["Elders", "elders@example.org", None, None],
            ["Anne weer", "anne@example.org", None, None],
        ]
    )
    response = upload(hr_client, data, name="mensen.xlsx")
    job = InvitationImport.objects.get()
    html = hr_client.get(response["Location"]).content.decode()
    assert "3 rijen hebben een probleem." in html
    assert "Spil nodigt iedereen uit of niemand" in html
    assert "In de kolom naam staat een formule." in html
    assert "Deze persoon hoort al bij een andere organisatie." in html
    assert "Dit e-mailadres staat ook in rij 2." in html
    assert "uitnodigingen versturen</button>" not in html
    assert ">Anne<" not in html, "only the rows with a problem, until asked for all"
    assert ">Anne<" in hr_client.get(response["Location"] + "?toon=alle").content.decode()
    response = hr_client.post(f"/hr/uitnodigingen/import/{job.pk}/bevestigen/")
    assert response.status_code == 400
    assert "Er is niemand uitgenodigd: 3 rijen hebben een probleem." in response.content.decode()
    assert not Invitation.objects.exists()
    response = hr_client.post(f"/hr/uitnodigingen/import/{job.pk}/weggooien/", follow=True)
    assert "Het bestand is weggegooid." in response.content.decode()
    assert not InvitationImport.objects.exists()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "leeg.csv", "Het verstuurde bestand is leeg."),
        (b"\n\n", "leeg.csv", "Het bestand is leeg."),
        (b"%PDF-1.4\n\xc3\x28\xa0\xa1", "cv.pdf", "Spil kan dit bestand niet lezen"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "foto.png", "Het bestand bevat NUL-tekens"),
        (b"naam\x00,email\nA,a@example.org\n", "nul.csv", "Het bestand bevat NUL-tekens"),
        (b"voornaam,achternaam\nA,B\n", "fout.csv", "De kopregel klopt niet"),
        (b"PK\x03\x04" + b"\x00" * 100, "kapot.xlsx", "Spil kan dit bestand niet lezen"),
    ],
)
def test_a_bad_file_gets_a_clear_error_on_the_file_field(hr_client, data, name, message):
    response = upload(hr_client, data, name=name)
    assert response.status_code == 400
    assert message in field_error(response.content.decode(), "id_bestand-file")
    assert not InvitationImport.objects.exists()


def test_a_50_mb_file_is_refused_without_reading_it(hr_client, settings, monkeypatch):
    from invitations import files

    def must_not_read(data):
        raise AssertionError("the size is checked first")

    monkeypatch.setattr(files, "read_people_file", must_not_read)
    response = upload(hr_client, b"x" * (50 * 1024 * 1024), name="groot.csv")
    assert response.status_code == 400
    assert "Het bestand is groter dan 10 MB." in field_error(response.content.decode(), "id_bestand-file")


def test_a_failed_import_tells_why_and_can_be_retried(
    hr_client, world, monkeypatch, django_capture_on_commit_callbacks
):
    upload(hr_client, GOOD_FILE)
    job = InvitationImport.objects.get()

    def disk_full(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "run_import", disk_full)
    with tasks_fail_as_in_a_worker(), django_capture_on_commit_callbacks(execute=True):
        hr_client.post(f"/hr/uitnodigingen/import/{job.pk}/bevestigen/")
    monkeypatch.undo()
    job.refresh_from_db()
    assert (job.status, job.error) == ("failed", str(FAILURE_REASON))
    html = hr_client.get(f"/hr/uitnodigingen/import/{job.pk}/").content.decode()
    assert f"Mislukt: {FAILURE_REASON}" in html
    assert "Opnieuw proberen</button>" in html
    with django_capture_on_commit_callbacks(execute=True):
        hr_client.post(f"/hr/uitnodigingen/import/{job.pk}/opnieuw/")
    job.refresh_from_db()
    assert (job.status, job.invited_count) == ("done", 2)
    assert "Opnieuw proberen" not in hr_client.get(f"/hr/uitnodigingen/import/{job.pk}/").content.decode()


def test_another_organisations_adviser_cannot_see_or_touch_an_import(client, world):
    job = services.preview_import(adviser=world["hr"], organisation=world["zeist"], data=GOOD_FILE, file_name="a.csv")
    client.force_login(world["hr_utrecht"])
    base = f"/hr/uitnodigingen/import/{job.pk}/"
    assert client.get(base).status_code == 404
    assert client.get(base + "voortgang/").status_code == 404
    for action in ("bevestigen/", "weggooien/", "opnieuw/"):
        assert client.post(base + action).status_code == 404
    job.refresh_from_db()
    assert job.is_preview
    assert not Invitation.objects.exists()
    assert "a.csv" not in client.get(LIST).content.decode()
    # Utrecht's adviser advises one organisation: naming another in the form changes nothing.
    upload(client, GOOD_FILE, **{"bestand-organisation": world["zeist"].pk})
    client.post(
        LIST,
        {
            "uitnodigen-organisation": world["zeist"].pk,
            "uitnodigen-full_name": "A",
            "uitnodigen-email": "a@example.org",
        },
    )
    assert InvitationImport.objects.exclude(pk=job.pk).get().organisation == world["utrecht"]
    assert Invitation.objects.get().organisation == world["utrecht"]


def test_the_example_file_is_a_file_the_upload_accepts(hr_client):
    response = hr_client.get("/hr/uitnodigingen/voorbeeld.csv")
    assert response["Content-Disposition"] == 'attachment; filename="uitnodigingen-voorbeeld.csv"'
    upload(hr_client, response.content)
    job = InvitationImport.objects.get()
    assert (job.row_count, job.problem_count) == (1, 0)


def test_the_import_page_costs_the_same_queries_for_any_size(hr_client, world, django_assert_max_num_queries):
    rows = [f"Persoon {i},p{i}@example.org,PMO" for i in range(250)]
    upload(hr_client, csv_bytes("naam,email,team", *rows))
    job = InvitationImport.objects.get()
    with django_assert_max_num_queries(12):
        assert hr_client.get(f"/hr/uitnodigingen/import/{job.pk}/?toon=alle&pagina=3").status_code == 200


# The link --------------------------------------------------------------------------------


def test_a_new_person_makes_an_account_and_lands_on_their_dashboard(client, world):
    invitation, token = with_link(organisation=world["zeist"], full_name="Anne Jansen", email="anne@example.org")
    url = f"/uitnodiging/{token}/"
    html = client.get(url).content.decode()
    assert "Gemeente Zeist nodigt je uit voor Spil" in html
    assert 'value="Anne Jansen"' in html
    assert "anne@example.org" in html
    invitation.refresh_from_db()
    assert invitation.status == "open", "opening the link (a mail client's preview) accepts nothing"

    response = client.post(url, {"full_name": "Anne Jansen", "password1": "kort", "password2": "kort"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit wachtwoord is te kort." in field_error(html, "id_password1")
    assert 'value="Anne Jansen"' in html, "the name stays"
    response = client.post(url, {"full_name": "Anne Jansen", "password1": PASSWORD, "password2": PASSWORD + "x"})
    assert "niet gelijk" in field_error(response.content.decode(), "id_password2")

    response = client.post(url, {"full_name": "Anne Jansen", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/mijn/"
    user = User.objects.get(email="anne@example.org")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert EmailAddress.objects.get(user=user).verified
    assert Membership.objects.filter(user=user, organisation=world["zeist"], role="learner").exists()
    assert not mail.outbox, "no verification mail: the link proved the address"

    client.logout()
    response = client.get(url)
    assert response.status_code == 410
    assert "al aangenomen: de link werkt maar één keer" in response.content.decode()
    response = client.post(url, {"full_name": "Iemand Anders", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 410
    assert User.objects.filter(email="anne@example.org").count() == 1


def test_a_person_with_an_account_signs_in_through_allauth_first(client, world):
    anne = UserFactory(email="anne@example.org")
    _invitation, token = with_link(organisation=world["zeist"], email="anne@example.org", team="PMO")
    url = f"/uitnodiging/{token}/"
    response = client.get(url)
    assert response["Location"] == f"/accounts/login/?next={url}"
    response = client.post(url, {"full_name": "X", "password1": PASSWORD, "password2": PASSWORD})
    assert response["Location"] == f"/accounts/login/?next={url}"
    assert "_auth_user_id" not in client.session
    response = client.post("/accounts/login/", {"login": "anne@example.org", "password": PASSWORD, "next": url})
    assert response["Location"] == url
    html = client.get(url).content.decode()
    assert "Uitnodiging aannemen</button>" in html
    assert not Membership.objects.filter(user=anne).exists(), "a GET accepts nothing"
    response = client.post(url)
    assert response["Location"] == "/mijn/"
    assert Membership.objects.get(user=anne).team == "PMO"


def test_a_signed_in_person_with_another_address_is_refused_clearly(client, world):
    _invitation, token = with_link(organisation=world["zeist"], email="anne@example.org")
    client.force_login(UserFactory(email="bram@example.org"))
    for response in (client.get(f"/uitnodiging/{token}/"), client.post(f"/uitnodiging/{token}/")):
        assert response.status_code == 403
        html = response.content.decode()
        assert "Deze uitnodiging is niet voor dit account" in html
        assert "Je bent ingelogd als bram@example.org" in html
        assert "anne@example.org" not in html
    assert not Membership.objects.filter(organisation=world["zeist"], role="learner").exists()


@pytest.mark.parametrize(
    ("fields", "status", "text"),
    [
        ({"expires_at": timezone.now() - datetime.timedelta(minutes=1)}, 410, "Deze uitnodiging is verlopen."),
        ({"revoked_at": timezone.now()}, 410, "Deze uitnodiging is ingetrokken."),
        ({"accepted_at": timezone.now()}, 410, "al aangenomen"),
    ],
    ids=["expired", "revoked", "used"],
)
def test_a_dead_link_is_refused(client, world, fields, status, text):
    _invitation, token = with_link(organisation=world["zeist"], **fields)
    for response in (
        client.get(f"/uitnodiging/{token}/"),
        client.post(f"/uitnodiging/{token}/", {"full_name": "A B", "password1": PASSWORD, "password2": PASSWORD}),
    ):
        assert response.status_code == status
        assert text in response.content.decode()
    assert not User.objects.filter(memberships__role="learner").exists()


@pytest.mark.parametrize("token", ["onbekend", "x" * 10_000, "a%00b"])
def test_an_unknown_link_is_a_404(client, token):
    response = client.get(f"/uitnodiging/{token}/")
    assert response.status_code == 404
    assert "Deze link klopt niet." in response.content.decode()


def test_a_member_of_another_organisation_is_told_so(client, world):
    anne = LearnerFactory(organisation=world["utrecht"], user__email="anne@example.org").user
    _invitation, token = with_link(organisation=world["zeist"], email="anne@example.org")
    client.force_login(anne)
    response = client.post(f"/uitnodiging/{token}/")
    assert response.status_code == 403
    assert "Je hoort al bij een andere organisatie" in response.content.decode()


def test_the_task_is_registered_for_the_worker():
    assert run_invitation_import.name == "invitations.tasks.run_invitation_import"


JUNK = ["a\x00b", "x" * 100_000, "true", "-1", "9" * 30, "javascript:alert(1)", "//evil.example.org/"]


def test_junk_in_every_form_and_address_is_never_a_server_error(client, world):
    """As the site-wide fuzz test does, for the pages it may not reach in its crawl."""
    client.raise_request_exception = True
    invitation, token = with_link(organisation=world["zeist"])
    job = services.preview_import(adviser=world["hr"], organisation=world["zeist"], data=GOOD_FILE, file_name="a.csv")
    posts = {
        LIST: ["uitnodigen-full_name", "uitnodigen-email", "uitnodigen-team", "uitnodigen-organisation"],
        UPLOAD: ["bestand-file", "bestand-organisation"],
        f"/uitnodiging/{token}/": ["full_name", "password1", "password2"],
        f"/hr/uitnodigingen/import/{job.pk}/bevestigen/": [],
        f"/hr/uitnodigingen/{invitation.pk}/opnieuw-versturen/": [],
    }
    gets = [LIST, f"/hr/uitnodigingen/import/{job.pk}/", f"/uitnodiging/{token}/"]
    for who in (None, world["hr"], world["hr_utrecht"]):
        client.logout()
        if who:
            client.force_login(who)
        for url in gets:
            for value in JUNK:
                query = {"q": value, "status": value, "pagina": value, "toon": value}
                assert client.get(url, query).status_code < 500, url
        for url, names in posts.items():
            for value in JUNK:
                assert client.post(url, dict.fromkeys(names, value)).status_code < 500, url
