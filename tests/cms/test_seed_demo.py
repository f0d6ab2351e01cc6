import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command

from people.models import Membership, Organisation, User
from people.selectors import users_visible_to_hr

pytestmark = pytest.mark.django_db

DEMO_LOGINS = [
    "admin@example.org",
    "anna@zeist.example.org",
    "bram@utrecht.example.org",
    "hr@zeist.example.org",
    "hr@utrecht.example.org",
    "organisator@leerkring.example.org",
]


def counts():
    return (User.objects.count(), Organisation.objects.count(), Membership.objects.count())


def test_seed_demo_creates_the_demo_logins_and_is_idempotent(client):
    call_command("seed_demo", verbosity=0)
    first = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == first
    for email in DEMO_LOGINS:
        assert EmailAddress.objects.get(email=email).verified
        response = client.post("/accounts/login/", {"login": email, "password": "oefenen-2026"})
        assert response.status_code == 302, email
        client.logout()


def test_demo_hr_advisers_see_only_their_own_organisation():
    call_command("seed_demo", verbosity=0)
    zeist_hr = User.objects.get(email="hr@zeist.example.org")
    visible = set(users_visible_to_hr(adviser=zeist_hr).values_list("email", flat=True))
    assert "anna@zeist.example.org" in visible
    assert "bram@utrecht.example.org" not in visible


def test_only_the_admin_reaches_the_wagtail_admin(client):
    call_command("seed_demo", verbosity=0)
    for email in DEMO_LOGINS:
        client.force_login(User.objects.get(email=email))
        status = client.get("/admin/").status_code
        assert (status == 200) == (email == "admin@example.org"), email


def test_seed_demo_is_refused_when_settings_forbid_it(settings):
    settings.SEED_DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="refused"):
        call_command("seed_demo", verbosity=0)
    assert not User.objects.filter(email="admin@example.org").exists()
