"""The platform admin lists and inspects invitations and imports in the Wagtail admin, and
changes nothing there: they are HR's record, made on the HR pages."""

import re

import pytest

from people.models import User

from .factories import InvitationFactory, InvitationImportFactory

pytestmark = pytest.mark.django_db

LISTINGS = {"invitation": "/admin/invitation_admin/", "import": "/admin/invitation_import_admin/"}


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser(email="beheer@example.org", password="x" * 12, full_name="B"))
    return client


def test_the_admin_lists_invitations_in_dutch_without_the_token(admin_client):
    invitation = InvitationFactory(full_name="Anne Jansen")
    html = admin_client.get(LISTINGS["invitation"]).content.decode()
    assert "Anne Jansen" in html
    for header in ["Naam", "E-mailadres", "Organisatie", "Status", "Verstuurd op"]:
        assert re.search(rf">\s*{header}\s*<", html), header
    inspect = admin_client.get(f"{LISTINGS['invitation']}inspect/{invitation.pk}/").content.decode()
    assert "Anne Jansen" in inspect
    assert invitation.token_hash not in inspect


@pytest.mark.parametrize("kind", ["invitation", "import"])
@pytest.mark.parametrize("view", ["new/", "edit/{pk}/", "delete/{pk}/", "copy/{pk}/"])
def test_nothing_is_added_edited_or_deleted_in_the_admin(admin_client, kind, view):
    record = InvitationFactory() if kind == "invitation" else InvitationImportFactory()
    listing = LISTINGS[kind]
    url = listing + view.format(pk=record.pk)
    assert url not in admin_client.get(listing).content.decode()
    for response in [admin_client.get(url), admin_client.post(url, {"full_name": "X", "file_name": "x"})]:
        assert response.status_code in (302, 403, 404), url
    assert type(record).objects.get() == record
    assert admin_client.get(f"{listing}inspect/{record.pk}/").status_code == 200


def test_the_admin_is_not_for_hr(client, world):
    client.force_login(world["hr"])
    response = client.get(LISTINGS["invitation"])
    assert response.status_code in (302, 403)
