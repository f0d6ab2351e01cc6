"""Every way to sign in goes through allauth.

Wagtail and Django bring login and password views of their own (``/_util/login/``,
``/admin/login/``, ``/admin/password_reset/...``, shared page and document passwords).
They skip allauth's email verification, two-step verification and rate limits. These tests
walk every URL pattern of the site, build a URL for it, and prove that none of them reaches
such a view; then they try a password alone at each login address, as an attacker would.
"""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from people.models import User
from tests.people.factories import PASSWORD, HRAdviserFactory, UserFactory

# Views that accept a password (or a reset link) without allauth in between.
SIDE_DOORS = (
    "django.contrib.auth.views.",
    "wagtail.admin.views.account.LoginView",
    "wagtail.admin.views.account.PasswordReset",
    "wagtail.admin.views.account.PasswordChange",
    "wagtail.views.authenticate_with_password",
    "wagtail.documents.views.serve.authenticate_with_password",
)
SAMPLES = {"int": "1", "slug": "x", "str": "x", "path": "x", "uuid": "00000000-0000-0000-0000-000000000001"}


def sample(pattern) -> str:
    """A concrete path that the pattern (one level of the URL tree) matches."""
    text = str(pattern)
    if text.startswith("^") or "(?P<" in text:
        text = re.sub(r"\(\?P<\w+>[^)]*\)", "1", text.lstrip("^").rstrip("$"))
        return text.replace("\\", "")
    return re.sub(r"<(?:(\w+):)?\w+>", lambda match: SAMPLES.get(match.group(1) or "str", "x"), text)


def every_url(patterns=None, prefix=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from every_url(entry.url_patterns, prefix + sample(entry.pattern))
        elif isinstance(entry, URLPattern):
            callback = entry.callback
            view = getattr(callback, "view_class", callback)
            yield "/" + prefix + sample(entry.pattern), f"{view.__module__}.{view.__qualname__}"


def view_name(path: str) -> str:
    callback = resolve(path).func
    view = getattr(callback, "view_class", callback)
    return f"{view.__module__}.{view.__qualname__}"


def test_the_walk_finds_the_doors_wagtail_and_django_define():
    defined = {name for _, name in every_url()}
    assert "django.contrib.auth.views.LoginView" in defined  # wagtail.urls' /_util/login/
    assert "wagtail.admin.views.account.PasswordResetConfirmView" in defined
    assert "allauth.account.views.LoginView" in defined


def test_no_url_reaches_a_login_or_password_view_other_than_allauths():
    open_doors = []
    for path, defined_as in every_url():
        if not defined_as.startswith(SIDE_DOORS):
            continue
        reached = view_name(path)
        if reached.startswith(SIDE_DOORS):
            open_doors.append(f"{path} -> {reached}")
    assert not open_doors, "login or password views that skip allauth:\n" + "\n".join(open_doors)


def with_totp(user: User) -> User:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    return user


LOGIN_ADDRESSES = ["/_util/login/", "/admin/login/", "/accounts/login/", "/admin/password_reset/"]


@pytest.mark.django_db
@pytest.mark.parametrize("address", LOGIN_ADDRESSES)
@pytest.mark.parametrize("who", ["admin with TOTP", "HR adviser with TOTP", "unverified new account"])
def test_a_password_alone_opens_no_session_anywhere(client, home_page, address, who):
    if who == "admin with TOTP":
        user = with_totp(User.objects.create_superuser(email="beheer@example.org", password=PASSWORD, full_name="B"))
    elif who == "HR adviser with TOTP":
        user = with_totp(HRAdviserFactory().user)
    else:
        user = UserFactory(verified=False)
    credentials = {"login": user.email, "username": user.email, "email": user.email, "password": PASSWORD}
    response = client.post(address, credentials, follow=True)
    assert "_auth_user_id" not in client.session, f"{address} signed in {who} with a password alone"
    assert response.status_code in (200, 400, 403, 404, 405, 429)


@pytest.mark.django_db
def test_the_old_front_end_login_sends_people_to_allauth_and_back(client):
    response = client.get("/_util/login/?next=/mijn/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/mijn/"
