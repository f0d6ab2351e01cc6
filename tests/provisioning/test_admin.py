"""SCIM tokens in the Wagtail admin: the platform admin makes one, sees its secret once,
and revokes it; nobody else gets near them."""

import pytest
from django.contrib.auth.models import Group, Permission

from common.tokens import hash_token
from people.models import User
from provisioning.models import ScimToken

from .factories import ScimTokenFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/scim_tokens/"
REVOKED = "scim_to-be-revoked-0123456789abcdefghijk"


@pytest.fixture
def admin(client):
    admin = User.objects.create_superuser(email="beheer@example.org", password="x" * 12, full_name="Beheer")
    client.force_login(admin)
    return admin


def test_the_platform_admin_makes_a_token_and_sees_its_secret_once(client, admin, zeist, settings):
    response = client.post(f"{ADMIN}new/", {"organisation": zeist.pk, "description": "Microsoft Entra ID"})

    assert response.status_code == 200
    html = response.content.decode()
    token = ScimToken.objects.get()
    secret = html.split('aria-labelledby="scim-secret-label"')[0].rsplit('value="', 1)[1].split('"')[0]
    assert token.token_hash == hash_token(secret)
    assert token.prefix == secret[:11]
    assert (token.organisation, token.description, token.created_by) == (zeist, "Microsoft Entra ID", admin)
    assert f"{settings.SITE_URL}/scim/v2/zeist" in html
    assert "Kopieer de sleutel nu" in html
    assert "no-store" in response["Cache-Control"]

    for page in (ADMIN, f"{ADMIN}inspect/{token.pk}/"):
        shown = client.get(page).content.decode()
        assert token.prefix in shown
        assert secret not in shown
    listing = client.get(ADMIN).content.decode()
    assert "Microsoft Entra ID" in listing
    assert "Actief" in listing
    assert client.get("/scim/v2/zeist/Users", headers={"authorization": f"Bearer {secret}"}).status_code == 200


def test_the_platform_admin_revokes_a_token(client, admin, zeist):
    token = ScimTokenFactory(organisation=zeist, secret=REVOKED)
    inspect = client.get(f"{ADMIN}inspect/{token.pk}/").content.decode()
    assert f'action="{ADMIN}revoke/{token.pk}/"' in inspect
    assert "Intrekken" in inspect

    response = client.post(f"{ADMIN}revoke/{token.pk}/", follow=True)

    token.refresh_from_db()
    assert token.revoked_at is not None
    html = response.content.decode()
    assert "De sleutel is ingetrokken" in html
    assert f'action="{ADMIN}revoke/{token.pk}/"' not in html
    assert "Ingetrokken" in client.get(ADMIN).content.decode()
    refused = client.get(
        "/scim/v2/zeist/Users", headers={"authorization": "Bearer scim_to-be-revoked-0123456789abcdefghijk"}
    )
    assert refused.status_code == 401


def test_a_token_is_never_edited_or_deleted(client, admin, zeist):
    token = ScimTokenFactory(organisation=zeist)

    assert client.get(f"{ADMIN}edit/{token.pk}/").status_code in (302, 403, 404)
    assert client.post(f"{ADMIN}delete/{token.pk}/").status_code in (302, 403, 404)
    assert ScimToken.objects.filter(pk=token.pk, description=token.description).exists()


def test_an_editor_with_admin_access_gets_nowhere_near_tokens(client, zeist):
    editors = Group.objects.create(name="Redacteuren")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = User.objects.create_user(email="redacteur@example.org", password="x" * 12, full_name="Redacteur")
    editor.groups.add(editors)
    client.force_login(editor)
    token = ScimTokenFactory(organisation=zeist)

    for page in (ADMIN, f"{ADMIN}new/", f"{ADMIN}inspect/{token.pk}/"):
        response = client.get(page)
        assert response.status_code in (302, 403), page
    assert client.post(f"{ADMIN}new/", {"organisation": zeist.pk, "description": "x"}).status_code in (302, 403)
    assert client.post(f"{ADMIN}revoke/{token.pk}/").status_code in (302, 403)
    assert ScimToken.objects.count() == 1
    assert ScimToken.objects.get().revoked_at is None
