"""The admin shows sessions, registrations, members and invitations to look up, read-only:
they change on the site, through the services that tell people and update calendars."""

import pytest
from django.urls import reverse

from tests.people.factories import UserFactory

from .factories import CircleInvitationFactory, CircleMemberFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

MODELS = ["session", "registration", "circlemember", "circleinvitation"]


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def rows(session):
    registration = RegistrationFactory(session=session)
    return {
        "session": session,
        "registration": registration,
        "circlemember": CircleMemberFactory(circle=session.circle, user=registration.user),
        "circleinvitation": CircleInvitationFactory(circle=session.circle),
    }


@pytest.mark.parametrize("model", MODELS)
def test_the_admin_lists_and_inspects_but_never_changes(admin_client, rows, model):
    listing = admin_client.get(reverse(f"wagtailsnippets_circles_{model}:list"))
    assert listing.status_code == 200
    assert "Leerkring" in listing.content.decode() or model == "registration"
    pk = rows[model].pk
    assert admin_client.get(reverse(f"wagtailsnippets_circles_{model}:inspect", args=[pk])).status_code == 200
    for view, args in (("add", []), ("edit", [pk]), ("delete", [pk])):
        response = admin_client.get(reverse(f"wagtailsnippets_circles_{model}:{view}", args=args))
        assert response.status_code in (302, 403), view


def test_the_session_page_includes_the_after_session_part_when_it_exists(client, session):
    response = client.get(reverse("circles:session", args=[session.pk]))
    assert response.context["after_session_template"] == "circles/components/after_session.html"
