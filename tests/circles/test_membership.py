"""Joining and leaving circles, and invitations to invitation-only circles."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from circles import services
from circles.models import CircleInvitation, CircleMember, LearningCirclePage, Registration

from .factories import CircleInvitationFactory, CircleMemberFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_circle(circle):
    circle.membership = LearningCirclePage.Membership.INVITATION
    circle.save()
    return circle


def test_join_and_leave_an_open_circle(client, circle, learner):
    client.force_login(learner)
    response = client.post(reverse("circles:join", args=[circle.pk]), follow=True)
    assert "Je bent lid van deze leerkring" in response.content.decode()
    assert CircleMember.objects.get(circle=circle, user=learner).left_at is None
    client.post(reverse("circles:leave", args=[circle.pk]))
    assert CircleMember.objects.get(circle=circle, user=learner).left_at is not None
    client.post(reverse("circles:join", args=[circle.pk]))
    assert CircleMember.objects.filter(circle=circle, user=learner, left_at=None).count() == 1


def test_joining_and_leaving_need_a_login_and_a_post(client, circle, learner):
    for name in ("circles:join", "circles:leave"):
        response = client.post(reverse(name, args=[circle.pk]))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    client.force_login(learner)
    assert client.get(reverse("circles:join", args=[circle.pk])).status_code == 405
    assert client.post(reverse("circles:join", args=[10**30])).status_code == 404


def test_leaving_gives_up_upcoming_places_to_the_waitlist(session, make_learner):
    anna, bram, cees = (make_learner() for _ in range(3))
    for person in (anna, bram, cees):
        services.register(session=session, user=person)
    services.leave_circle(circle=session.circle, user=anna)
    assert Registration.objects.get(session=session, user=anna).status == "cancelled"
    assert Registration.objects.get(session=session, user=cees).status == "registered"


def test_an_invitation_only_circle_refuses_the_uninvited(client, closed_circle, learner):
    client.force_login(learner)
    response = client.post(reverse("circles:join", args=[closed_circle.pk]), follow=True)
    assert "Deze leerkring is op uitnodiging" in response.content.decode()
    assert not CircleMember.objects.exists()


def test_the_invited_join_with_their_verified_address_only(client, closed_circle, make_learner):
    person = make_learner(email="anna@zeist.example.org")
    EmailAddress.objects.create(user=person, email="anna.werk@zeist.example.org", verified=False)
    CircleInvitationFactory(circle=closed_circle, email="anna.werk@zeist.example.org")
    client.force_login(person)
    client.post(reverse("circles:join", args=[closed_circle.pk]))
    assert not CircleMember.objects.exists()
    EmailAddress.objects.filter(email="anna.werk@zeist.example.org").update(verified=True)
    client.post(reverse("circles:join", args=[closed_circle.pk]))
    assert CircleMember.objects.filter(circle=closed_circle, user=person).exists()
    assert CircleInvitation.objects.get().accepted_at is not None


def test_an_organiser_invites_by_email_and_the_invitee_joins(client, closed_circle, organiser, make_learner, mails):
    existing = make_learner(email="bram@utrecht.example.org", full_name="Bram Bakker")
    member = make_learner()
    CircleMemberFactory(circle=closed_circle, user=member)
    client.force_login(organiser)
    url = reverse("circles:invitations", args=[closed_circle.pk])
    assert client.get(url).status_code == 200
    with mails() as outbox:
        response = client.post(
            url, {"emails": f"Bram@Utrecht.example.org, nieuw@gemeente.example.org\n{member.email}"}, follow=True
        )
    html = response.content.decode()
    assert "Uitnodigingen verstuurd: 2." in html
    assert "Al lid, dus niet uitgenodigd: 1." in html
    assert sorted(message.to[0] for message in outbox) == ["bram@utrecht.example.org", "nieuw@gemeente.example.org"]
    to_bram = next(message for message in outbox if message.to == ["bram@utrecht.example.org"])
    assert "Beste Bram" in to_bram.body
    assert closed_circle.url in to_bram.body
    to_new = next(message for message in outbox if message.to == ["nieuw@gemeente.example.org"])
    assert "/accounts/signup/" in to_new.body
    client.force_login(existing)
    assert "Je bent uitgenodigd" in client.get(closed_circle.url).content.decode()
    client.post(reverse("circles:join", args=[closed_circle.pk]))
    assert CircleMember.objects.filter(circle=closed_circle, user=existing).exists()


def test_an_invitation_can_be_withdrawn_until_accepted(client, closed_circle, organiser):
    open_one = CircleInvitationFactory(circle=closed_circle, email="a@example.org")
    accepted = CircleInvitationFactory(circle=closed_circle, email="b@example.org", accepted_at=timezone.now())
    client.force_login(organiser)
    for invitation in (open_one, accepted):
        client.post(reverse("circles:invitation_withdraw", args=[closed_circle.pk, invitation.pk]))
    assert list(CircleInvitation.objects.all()) == [accepted]


@pytest.mark.parametrize(
    ("emails", "message"),
    [
        ("", "Dit is een verplicht veld."),
        ("geen-adres", "Dit is geen geldig e-mailadres: geen-adres."),
        ("a@example.org\x00", None),
        (", ".join(f"p{n}@example.org" for n in range(201)), "Nodig hoogstens 200 mensen tegelijk uit."),
        ("x" * 100_000, None),
    ],
)
def test_bad_invitation_input_is_a_message(client, closed_circle, organiser, emails, message):
    client.force_login(organiser)
    response = client.post(reverse("circles:invitations", args=[closed_circle.pk]), {"emails": emails})
    assert response.status_code in (302, 400)
    if message:
        assert response.status_code == 400
        assert message in response.content.decode()


def test_an_organiser_may_join_their_own_invitation_only_circle(closed_circle, organiser):
    services.join_circle(circle=closed_circle, user=organiser)
    assert CircleMember.objects.filter(circle=closed_circle, user=organiser).exists()


def test_a_former_member_may_come_back_without_a_new_invitation(closed_circle, learner):
    CircleMemberFactory(circle=closed_circle, user=learner, left_at=timezone.now())
    SessionFactory(circle=closed_circle)
    services.join_circle(circle=closed_circle, user=learner)
    assert CircleMember.objects.get(circle=closed_circle, user=learner).left_at is None
