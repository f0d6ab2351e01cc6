"""With SPIL_REQUIRE_MFA on, the people who see or manage others' data set up two-step
verification before anything else."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from people.models import Membership, User
from sso.adapters import SSO_MFA_SESSION_KEY
from tests.people.factories import PASSWORD, HRAdviserFactory, LearnerFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def require_mfa(settings):
    settings.SPIL_REQUIRE_MFA = True


def editor() -> User:
    user = UserFactory()
    group = Group.objects.create(name="Redactie")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    user.groups.add(group)
    return user


def with_totp(user: User) -> User:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user


PEOPLE = {
    "HR-adviseur": lambda: HRAdviserFactory().user,
    "leerkringorganisator": lambda: MembershipFactory(role=Membership.Role.ORGANISER).user,
    "redacteur": editor,
    "beheerder": lambda: User.objects.create_superuser(email="beheer@example.org", password=PASSWORD, full_name="B"),
}


@pytest.mark.parametrize("who", list(PEOPLE))
def test_they_are_sent_to_the_set_up_first(client, home_page, require_mfa, who):
    client.force_login(PEOPLE[who]())
    for path in ["/mijn/", "/hr/", "/admin/", "/leeraanbod/", "/accounts/email/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == reverse("mfa_index"), path
    assert client.post("/mijn/").status_code == 302


@pytest.mark.parametrize("who", list(PEOPLE))
def test_with_an_authenticator_app_they_go_anywhere(client, home_page, require_mfa, who):
    client.force_login(with_totp(PEOPLE[who]()))
    assert client.get("/mijn/").status_code == 200


def test_the_set_up_pages_sign_out_and_the_health_check_stay_open(client, home_page, require_mfa):
    client.force_login(HRAdviserFactory().user)
    response = client.get(reverse("mfa_index"))
    assert response.status_code == 200
    assert "Stel eerst tweestapsverificatie in" in response.content.decode()
    assert client.get(reverse("mfa_activate_totp")).status_code in (200, 302)
    assert client.get(reverse("mfa_add_webauthn")).status_code in (200, 302)
    assert client.get("/health/").status_code in (200, 503)
    assert client.get(reverse("account_logout")).status_code == 200
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_learners_and_visitors_are_not_asked(client, home_page, require_mfa):
    client.force_login(LearnerFactory().user)
    assert client.get("/mijn/").status_code == 200
    response = client.get(reverse("mfa_index"))
    assert "Stel eerst tweestapsverificatie in" not in response.content.decode()


def test_recovery_codes_alone_are_no_second_step(client, home_page, require_mfa):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    user = HRAdviserFactory().user
    RecoveryCodes.activate(user)
    client.force_login(user)
    assert client.get("/mijn/").status_code == 302


def test_a_second_factor_asserted_by_the_identity_provider_counts_for_the_session(client, home_page, require_mfa):
    client.force_login(HRAdviserFactory().user)
    session = client.session
    session[SSO_MFA_SESSION_KEY] = True
    session.save()
    assert client.get("/mijn/").status_code == 200


def test_a_password_login_clears_what_a_provider_asserted(client, home_page, require_mfa):
    user = HRAdviserFactory().user
    session = client.session
    session[SSO_MFA_SESSION_KEY] = True
    session.save()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert client.session[SSO_MFA_SESSION_KEY] is False
    assert client.get("/mijn/").status_code == 302


def test_off_by_default_in_tests_and_dev(client, home_page, settings):
    assert settings.SPIL_REQUIRE_MFA is False
    client.force_login(HRAdviserFactory().user)
    assert client.get("/mijn/").status_code == 200


def test_it_costs_one_query_per_request(client, home_page, require_mfa, django_assert_num_queries):
    from sso.middleware import RequireMFAMiddleware

    user = with_totp(HRAdviserFactory().user)
    client.force_login(user)
    request = client.get("/mijn/").wsgi_request
    middleware = RequireMFAMiddleware(lambda request: None)
    with django_assert_num_queries(1):
        assert middleware.check(request) is None


def test_the_last_second_step_cannot_be_removed_by_who_must_have_one(home_page, require_mfa):
    from allauth.mfa.adapter import get_adapter

    user = with_totp(HRAdviserFactory().user)
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    assert get_adapter().can_delete_authenticator(totp) is False
    learner = with_totp(LearnerFactory().user)
    assert get_adapter().can_delete_authenticator(Authenticator.objects.get(user=learner, type="totp")) is True


@pytest.mark.parametrize(("module", "expected"), [("production", "True"), ("dev", "False")])
def test_production_switches_it_on_and_make_run_off(module, expected):
    from tests.cms.test_settings import PRODUCTION_ENV, manage

    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": f"cms.settings.{module}"}
    result = manage("shell", "-c", "from django.conf import settings; print(settings.SPIL_REQUIRE_MFA)", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


def test_the_same_query_tells_the_menu_the_persons_roles(client, home_page, require_mfa, django_assert_num_queries):
    """The account menu shows what a person's roles open (``user_roles``): the two-step check
    has read them already, also for someone with several memberships or none."""
    from sso import selectors
    from sso.middleware import RequireMFAMiddleware

    adviser = with_totp(HRAdviserFactory().user)
    MembershipFactory(user=adviser, role=Membership.Role.ORGANISER)
    for user, roles in [(adviser, {"hr", "organiser"}), (LearnerFactory().user, {"learner"}), (UserFactory(), set())]:
        client.force_login(user)
        request = client.get("/mijn/").wsgi_request
        del request._spil_roles
        with django_assert_num_queries(1):
            assert RequireMFAMiddleware(lambda request: None).check(request) is None
        assert getattr(request, selectors.ROLES_ATTRIBUTE) == roles
        html = client.get("/mijn/").content.decode()
        assert ('href="/hr/"' in html) == ("hr" in roles)
