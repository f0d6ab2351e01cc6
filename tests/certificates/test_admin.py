"""Issued certificates in the Wagtail admin: to look up and inspect, never to add, edit or
delete. The one change a certificate allows is revoking it."""

import pytest
from wagtail.permissions import policy_registry

from certificates import services
from certificates.models import Certificate
from people.models import User

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/certificates/certificate/"


@pytest.fixture
def certificate(world):
    return services.issue(user=world["anna"], track=world["track"], source_key="a1")


@pytest.fixture
def admin(client):
    admin = User.objects.create_superuser(email="beheer@example.org", password="x" * 12, full_name="Beheer")
    client.force_login(admin)
    return admin


def test_nobody_may_add_edit_or_delete_a_certificate_not_even_the_platform_admin(admin):
    policy = policy_registry.get_by_type(Certificate)
    for action in ("add", "change", "delete"):
        assert not policy.user_has_permission(admin, action), action
    assert policy.user_has_permission(admin, "view")
    assert not policy.users_with_any_permission(["change", "delete"]).exists()


def test_the_listing_links_to_inspect_only(client, certificate, admin):
    html = client.get(ADMIN).content.decode()
    assert f"{ADMIN}inspect/{certificate.pk}/" in html
    for refused in ["add/", f"edit/{certificate.pk}/", f"delete/{certificate.pk}/", f"copy/{certificate.pk}/"]:
        assert f"{ADMIN}{refused}" not in html


@pytest.mark.parametrize("view", ["add/", "edit/{pk}/", "delete/{pk}/", "copy/{pk}/"])
def test_add_edit_delete_and_copy_are_refused(client, certificate, admin, view):
    url = ADMIN + view.format(pk=certificate.pk)
    for response in [client.get(url), client.post(url, {"holder_name": "Iemand Anders"})]:
        assert response.status_code in (302, 403, 404), url
        if response.status_code == 302:
            assert response["Location"] == "/admin/", "Wagtail's 'no permission' redirect"
    certificate.refresh_from_db()
    assert certificate.holder_name == "Anna de Vries"
    assert Certificate.objects.count() == 1


def test_inspect_shows_the_certificate_and_revokes_it(client, certificate, admin):
    url = f"{ADMIN}inspect/{certificate.pk}/"
    html = client.get(url).content.decode()
    assert certificate.number in html
    assert "Anna de Vries" in html
    assert f'action="/hr/certificaten/{certificate.pk}/intrekken/"' in html
    assert "Reden van intrekking" in html
    assert f"{ADMIN}edit/{certificate.pk}/" not in html
    assert f"{ADMIN}delete/{certificate.pk}/" not in html

    response = client.post(
        f"/hr/certificaten/{certificate.pk}/intrekken/", {"reason": "Dubbel uitgegeven", "next": url}
    )
    assert response["Location"] == url, "back to the certificate in the admin"
    certificate.refresh_from_db()
    assert certificate.revoked_by == admin
    assert certificate.revocation_reason == "Dubbel uitgegeven"
    html = client.get(url).content.decode()
    assert f"Certificaat {certificate.number} is ingetrokken." in html
    assert "Reden van intrekking" in html, "the inspect list shows the reason"
    assert f'action="/hr/certificaten/{certificate.pk}/intrekken/"' not in html, "revoked once"


def test_revoking_goes_back_only_to_this_site(client, certificate, admin):
    response = client.post(
        f"/hr/certificaten/{certificate.pk}/intrekken/", {"reason": "x", "next": "https://elders.example.com/"}
    )
    assert response["Location"] == "/hr/certificaten/"
