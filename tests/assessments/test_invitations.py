"""Second-opinion invitations send mail from Spil to an address the person picks: they are
capped, say who asks by the account, and carry no text of the sender's choosing in the subject."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments import services
from assessments.models import Invitation
from people.models import OutgoingEmail
from tests.people.factories import LearnerFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

SUBJECT = "Verzoek om je mening over een zelfscan op Spil"


def submitted(scan, user):
    attempt = services.start_attempt(user=user, assessment=scan["page"])
    services.save_answers(user=user, attempt=attempt, levels={s.pk: 2 for s in scan["statements"]})
    return services.submit(user=user, attempt=attempt)


def invite(user, attempt, n=0, **kwargs):
    data = {"email": f"collega{n}@example.org", "name": f"Collega {n}", "relation": "colleague", **kwargs}
    return services.invite(user=user, attempt=attempt, **data)


@pytest.fixture
def anna():
    zeist = OrganisationFactory(name="Gemeente Zeist")
    return LearnerFactory(
        organisation=zeist, user__email="anna@zeist.example.org", user__full_name="Anna de Vries"
    ).user


def test_at_most_five_invitations_per_attempt(scan, anna):
    attempt = submitted(scan, anna)
    for n in range(services.INVITATIONS_PER_ATTEMPT):
        invite(anna, attempt, n)
    with pytest.raises(ValidationError, match="al 5 mensen uitgenodigd"):
        invite(anna, attempt, 99)
    assert Invitation.objects.count() == 5
    assert OutgoingEmail.objects.count() == 5


def test_at_most_ten_invitations_per_person_per_day_counted_in_the_database(scan, anna):
    attempts = [submitted(scan, anna) for _ in range(3)]
    assert len({a.pk for a in attempts}) == 3, "each retake is an attempt of its own"
    for n in range(services.INVITATIONS_PER_DAY):
        invite(anna, attempts[n // 4], n)
    cache.clear()  # the count lives in the database: clearing a cache does not reset it
    with pytest.raises(ValidationError, match="afgelopen 24 uur al 10 uitnodigingen"):
        invite(anna, attempts[2], 99)
    assert OutgoingEmail.objects.count() == 10
    # Another person is not affected, and after 24 hours Anna may invite again.
    bram = LearnerFactory().user
    invite(bram, submitted(scan, bram), 100)
    Invitation.objects.filter(attempt__user=anna).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    invite(anna, attempts[2], 101)


def test_the_limits_are_settings(scan, anna, settings):
    settings.ASSESSMENT_INVITATIONS_PER_DAY = 2
    attempt = submitted(scan, anna)
    invite(anna, attempt, 1)
    invite(anna, attempt, 2)
    with pytest.raises(ValidationError, match="al 2 uitnodigingen"):
        invite(anna, attempt, 3)


def test_an_unverified_account_cannot_invite(scan):
    user = UserFactory(verified=False)
    attempt = submitted(scan, user)
    with pytest.raises(ValidationError, match="Bevestig eerst je e-mailadres"):
        invite(user, attempt)
    assert not OutgoingEmail.objects.exists()


def test_the_mail_says_who_asks_and_has_a_fixed_subject(scan, anna):
    attempt = submitted(scan, anna)
    invite(anna, attempt, email="chef@example.org", name="Chef <b>O'Brien</b>", relation="manager")
    mail = OutgoingEmail.objects.get()
    assert mail.subject == SUBJECT
    assert "Anna" not in mail.subject
    assert "Chef" not in mail.subject
    body = mail.body_text
    assert "Beste Chef <b>O'Brien</b>," in body, "plain text: the name as typed, not HTML-escaped"
    assert "&lt;" not in body
    assert "&#x27;" not in body
    assert "Naam: Anna de Vries" in body
    assert "E-mailadres: anna@zeist.example.org" in body
    assert "Organisatie: Gemeente Zeist" in body
    assert f"Zelfscan: {scan['page'].title}" in body
    assert "Spil heeft deze e-mail namens deze persoon verstuurd." in body
    assert "Verwachtte je dit verzoek niet" in body
    assert mail.body_html == "", "no HTML part in which a name could become markup"


def test_the_mail_leaves_out_the_organisation_line_without_one(scan):
    user = UserFactory(full_name="Zonder Organisatie")
    invite(user, submitted(scan, user))
    body = OutgoingEmail.objects.get().body_text
    assert "Organisatie:" not in body
    assert "Naam: Zonder Organisatie" in body


@pytest.mark.parametrize(
    "name",
    [
        "Chef\nKlik hier: evil",
        "Chef\r\nBcc: x@example.org",
        "Ga naar https://evil.example",
        "www.evil.example",
        "evil.example.com",
        "Chef (chef@example.org)",
        "Chef\x00",
        "Chef\u2028nieuwe regel",
    ],
)
def test_the_invitee_name_must_be_a_plain_name(scan, anna, name):
    attempt = submitted(scan, anna)
    with pytest.raises(ValidationError, match="Vul alleen een naam in"):
        invite(anna, attempt, name=name)
    assert not OutgoingEmail.objects.exists()


@pytest.mark.parametrize("name", ["J.P. de Vries", "Anne-Marie van 't Hof", "Ömer Çelik", "Dr. Jansen"])
def test_ordinary_names_are_accepted(scan, anna, name):
    invite(anna, submitted(scan, anna), name=name)
    assert f"Beste {name}," in OutgoingEmail.objects.get().body_text


# The form


def test_the_form_says_when_the_limit_is_reached_and_keeps_the_input(client, scan, anna, settings):
    settings.ASSESSMENT_INVITATIONS_PER_ATTEMPT = 2
    attempt = submitted(scan, anna)
    client.force_login(anna)
    url = f"/zelfscan/poging/{attempt.pk}/tweede-blik/"
    for name in ("Chef", "Collega Jan"):
        data = {"name": name, "email": "chef@example.org", "relation": "manager"}
        assert client.post(url, data).status_code == 302
    response = client.post(url, {"name": "Collega Piet", "email": "piet@example.org", "relation": "colleague"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Je hebt voor deze zelfscan al 2 mensen uitgenodigd." in html
    assert 'value="Collega Piet"' in html
    assert 'value="piet@example.org"' in html
    assert OutgoingEmail.objects.count() == 2


def test_the_form_refuses_a_link_in_the_name(client, scan, anna):
    attempt = submitted(scan, anna)
    client.force_login(anna)
    response = client.post(
        f"/zelfscan/poging/{attempt.pk}/tweede-blik/",
        {"name": "Klik op www.evil.example", "email": "chef@example.org", "relation": "manager"},
    )
    assert response.status_code == 400
    assert "Vul alleen een naam in" in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_form_tells_the_limits(client, scan, anna):
    attempt = submitted(scan, anna)
    client.force_login(anna)
    html = client.get(f"/zelfscan/poging/{attempt.pk}/tweede-blik/").content.decode()
    assert "hoogstens 5 mensen uitnodigen, en hoogstens 10 per dag" in html


def test_another_learner_cannot_see_or_send_invitations_for_a_result(client, scan, anna):
    attempt = submitted(scan, anna)
    invite(anna, attempt, name="Geheime Chef")
    bram = LearnerFactory().user
    client.force_login(bram)
    url = f"/zelfscan/poging/{attempt.pk}/tweede-blik/"
    response = client.get(url)
    assert response.status_code == 404
    assert "Geheime Chef" not in response.content.decode()
    assert client.post(url, {"name": "X", "email": "x@example.org", "relation": "other"}).status_code == 404
    assert Invitation.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client, scan, anna):
    attempt = submitted(scan, anna)
    url = f"/zelfscan/poging/{attempt.pk}/tweede-blik/"
    for response in (
        client.get(url),
        client.post(url, {"name": "X", "email": "x@example.org", "relation": "other"}),
        client.get(f"/zelfscan/poging/{attempt.pk}/resultaat/"),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert not Invitation.objects.exists()
