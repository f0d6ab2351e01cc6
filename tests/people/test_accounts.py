"""Sign-up, verification, login, admin access and rate limits through django-allauth."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from people.models import User
from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "full_name": "Sanne Smit",
    "email": "sanne@gouda.example.org",
    "password1": "een-lang-wachtwoord-2026",
    "password2": "een-lang-wachtwoord-2026",
}


def test_sign_up_stores_the_full_name_and_mails_a_verification_link(
    client, home_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="sanne@gouda.example.org")
    assert user.full_name == "Sanne Smit"
    assert user.preferred_language == "nl"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert re.search(r"/accounts/confirm-email/\S+/", mail.outbox[0].body)


def test_login_is_refused_until_the_email_is_verified(client, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/signup/", SIGNUP)
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    link = re.search(r"(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    response = client.post("/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_sign_up_errors_are_shown_and_keep_the_input(client, home_page):
    response = client.post("/accounts/signup/", {**SIGNUP, "full_name": " ", "password2": "iets-anders-2026"})
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["form"].errors.keys() == {"full_name", "password2"}, response.context["form"].errors
    assert 'value="sanne@gouda.example.org"' in html
    assert 'aria-invalid="true"' in html
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


def test_a_duplicate_email_creates_nothing_and_reveals_nothing(client, home_page, django_capture_on_commit_callbacks):
    """allauth prevents account enumeration: the page looks the same, the owner gets a mail."""
    UserFactory(email=SIGNUP["email"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    assert User.objects.filter(email=SIGNUP["email"]).count() == 1
    assert len(mail.outbox) == 1


def test_password_reset_sends_a_mail_through_the_queue(client, home_page, django_capture_on_commit_callbacks):
    UserFactory(email="anna@zeist.example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "anna@zeist.example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_repeated_failed_logins_are_rate_limited(client, home_page):
    UserFactory(email="anna@zeist.example.org")
    pages = [
        client.post("/accounts/login/", {"login": "anna@zeist.example.org", "password": "fout"}).content.decode()
        for _ in range(6)
    ]
    assert "Te veel inlogpogingen" not in pages[0]
    assert "Te veel inlogpogingen" in pages[-1]
    response = client.post("/accounts/login/", {"login": "anna@zeist.example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session, "the right password must not get through while locked"
    assert response.status_code == 200


def totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal import auth

    counter = next(auth.yield_hotp_counters_from_time())
    return auth.format_hotp_value(auth.hotp_value(secret, counter))


def test_totp_two_factor_with_recovery_codes(client, home_page):
    from allauth.mfa.models import Authenticator

    user = UserFactory(email="anna@zeist.example.org")
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" in client.session
    response = client.get("/accounts/2fa/totp/activate/")
    if response.status_code == 302:  # allauth asks for the password again before a security change
        client.post(response["Location"], {"password": PASSWORD})
        response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    secret = response.context["form"].secret
    response = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert response.status_code == 200, "a wrong code is refused"
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    types = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}

    client.logout()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    recovery = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    code = recovery.wrap().get_unused_codes()[0]
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_the_wagtail_admin_login_is_allauths(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/?next=/admin/"


def test_the_admin_is_for_the_platform_admin_only(client, home_page):
    admin = User.objects.create_superuser(email="admin@example.org", password=PASSWORD, full_name="Beheer")
    learner = UserFactory()
    client.force_login(learner)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403, "a clear refusal, not a loop between the admin and the login"
    assert len(response.redirect_chain) == 1
    assert "Je account heeft daar geen toegang toe." in response.content.decode()
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200


def test_admin_manages_people_with_our_forms(client, home_page):
    admin = User.objects.create_superuser(email="admin@example.org", password=PASSWORD, full_name="Beheer")
    client.force_login(admin)
    for url in ["/admin/users/", "/admin/users/new/", "/admin/organisations/", "/admin/memberships/"]:
        assert client.get(url).status_code == 200, url
    response = client.post(
        "/admin/users/new/",
        {"email": "nieuw@example.org", "full_name": "Nieuwe Collega", "preferred_language": "nl"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(email="nieuw@example.org").full_name == "Nieuwe Collega"
    response = client.post(
        "/admin/organisations/new/",
        {
            "name": "Gemeente Gouda",
            "slug": "gouda",
            "kind": "gemeente",
            "request_decision_days": "14",
            "leaver_retention_days": "730",
            "audit_retention_days": "730",
            "erasure_certificates": "keep",
        },
    )
    assert response.status_code == 302
