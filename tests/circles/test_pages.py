"""The Leerkringen index and a circle's page: what they show, to whom, and at what cost."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import get_edit_handler
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from circles.models import RESERVED_SLUGS, CircleIndexPage, LearningCirclePage, Registration
from cms.models import HomePage
from people.models import Membership, Organisation
from tests.people.factories import LearnerFactory, OrganisationFactory, UserFactory

from .factories import (
    CircleInvitationFactory,
    CircleMemberFactory,
    LearningCirclePageFactory,
    OrganiserFactory,
    RegistrationFactory,
    SessionFactory,
    in_days,
)

pytestmark = pytest.mark.django_db


def add_members(circle, count, *, kind=Organisation.Kind.GEMEENTE):
    organisation = OrganisationFactory(kind=kind)
    for _ in range(count):
        CircleMemberFactory(circle=circle, user=LearnerFactory(organisation=organisation).user)


def test_the_index_lives_under_the_home_page_and_holds_circles():
    assert CircleIndexPage.allowed_parent_page_models() == [HomePage]
    assert CircleIndexPage.allowed_subpage_models() == [LearningCirclePage]
    assert LearningCirclePage.allowed_subpage_models() == []
    assert LearningCirclePage.allowed_parent_page_models() == [CircleIndexPage]


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_a_circle_may_not_take_an_address_of_the_site(circle, slug):
    circle.slug = slug
    with pytest.raises(ValidationError) as error:
        circle.full_clean()
    assert "slug" in error.value.message_dict


def test_leerkringen_is_in_the_main_navigation(client, circle):
    response = client.get("/")
    assert 'href="/leerkringen/"' in response.content.decode()


def test_the_index_lists_circles_with_members_and_next_session(client, circle_index, circle):
    add_members(circle, 3)
    SessionFactory(circle=circle, theme="Later", starts_at=in_days(30))
    SessionFactory(circle=circle, theme="Eerst de functiebeschrijving", starts_at=in_days(7))
    SessionFactory(circle=circle, theme="Afgelast", starts_at=in_days(2), status="cancelled")
    response = client.get(circle_index.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Leerkring projectondersteuners" in html
    assert "Eerst de functiebeschrijving" in html
    assert "Later" not in html
    assert "Afgelast" not in html
    assert "<dd>3</dd>" in html


def test_the_circle_page_counts_members_by_kind_of_organisation_and_names_none(client, circle):
    add_members(circle, 3, kind=Organisation.Kind.GEMEENTE)
    add_members(circle, 2, kind=Organisation.Kind.PROVINCIE)
    left = CircleMemberFactory(circle=circle, left_at=timezone.now(), user__full_name="Vertrokken Lid")
    LearnerFactory(user=left.user, organisation=OrganisationFactory(kind=Organisation.Kind.WATERSCHAP))
    html = client.get(circle.url).content.decode()
    assert "<dd>5</dd>" in html
    assert "gemeente: 3 leden" in html
    assert "provincie: 2 leden" in html
    assert "waterschap" not in html
    assert "Persoon" not in html
    assert "Vertrokken" not in html


def test_the_circle_page_shows_upcoming_and_past_sessions_with_places(client, circle, learner):
    upcoming = SessionFactory(circle=circle, theme="Functie- en taakbeschrijving", capacity=2)
    RegistrationFactory(session=upcoming, user=learner)
    RegistrationFactory(session=upcoming)
    RegistrationFactory(session=upcoming, status=Registration.Status.WAITLISTED)
    SessionFactory(
        circle=circle,
        theme="Het takenpakket",
        starts_at=timezone.now() - datetime.timedelta(days=30),
        ends_at=timezone.now() - datetime.timedelta(days=30) + datetime.timedelta(hours=1),
    )
    client.force_login(learner)
    html = client.get(circle.url).content.decode()
    assert "Komende bijeenkomsten" in html
    assert "Functie- en taakbeschrijving" in html
    assert "vol, 1 op de wachtlijst" in html
    assert "Je bent aangemeld" in html
    assert "Eerdere bijeenkomsten" in html
    assert "Het takenpakket" in html
    assert "https://meet.example.org" not in html


def test_join_and_leave_buttons_follow_membership(client, circle, learner):
    client.force_login(learner)
    assert "Lid worden" in client.get(circle.url).content.decode()
    CircleMemberFactory(circle=circle, user=learner)
    html = client.get(circle.url).content.decode()
    assert "Lidmaatschap opzeggen" in html
    assert "Lid worden" not in html


def test_an_invitation_only_circle_tells_outsiders_how_to_get_in(client, circle, learner):
    circle.membership = LearningCirclePage.Membership.INVITATION
    circle.save()
    client.force_login(learner)
    html = client.get(circle.url).content.decode()
    assert "Vraag een organisator" in html
    assert "Lid worden" not in html
    CircleInvitationFactory(circle=circle, email=learner.email)
    html = client.get(circle.url).content.decode()
    assert "Je bent uitgenodigd" in html
    assert "Lid worden" in html


def test_anonymous_visitors_are_asked_to_log_in(client, circle):
    html = client.get(circle.url).content.decode()
    assert "Log in om lid te worden" in html


def test_organisers_see_their_tools_and_others_do_not(client, circle, organiser, learner):
    SessionFactory(circle=circle, theme="Vorige keer")
    client.force_login(organiser)
    html = client.get(circle.url).content.decode()
    assert "Nieuwe bijeenkomst" in html
    assert "Kopieer de laatste bijeenkomst (Vorige keer)" in html
    other = OrganiserFactory().user
    LearningCirclePageFactory(organisers=[other])
    for person in (learner, other):
        client.force_login(person)
        assert "Nieuwe bijeenkomst" not in client.get(circle.url).content.decode()


def test_the_circle_page_costs_the_same_with_many_members_and_sessions(
    client, circle, learner, django_assert_num_queries
):
    """Counted exactly for a member with a handful of members and sessions, and again with many
    more: the same number."""
    CircleMemberFactory(circle=circle, user=learner)
    add_members(circle, 2)
    RegistrationFactory(session=SessionFactory(circle=circle), user=learner)
    past_session(circle, days=3)
    client.force_login(learner)
    client.get(circle.url)  # warm the site and locale caches
    with CaptureQueriesContext(connection) as few:
        client.get(circle.url)
    # Counted now: the connection keeps the last 9,000 queries only, and the rows below are many.
    expected = len(few.captured_queries)
    add_members(circle, 25, kind=Organisation.Kind.PROVINCIE)
    add_members(circle, 25, kind=Organisation.Kind.MINISTERIE)
    for days in range(1, 15):
        session = SessionFactory(circle=circle, starts_at=in_days(days))
        RegistrationFactory(session=session, user=learner)
        RegistrationFactory(session=session)
        past_session(circle, days=days * 7)
    client.get(circle.url)  # the content changed: warm the kept route and fragments again
    with django_assert_num_queries(expected):
        response = client.get(circle.url)
    assert response.status_code == 200
    assert expected <= 30


@pytest.mark.parametrize("who", ["anonymous", "organiser"])
def test_the_circle_page_costs_the_same_for_visitors_and_organisers(client, circle, organiser, who):
    if who == "organiser":
        client.force_login(organiser)
    SessionFactory(circle=circle)
    past_session(circle, days=3)
    client.get(circle.url)
    with CaptureQueriesContext(connection) as few:
        client.get(circle.url)
    add_members(circle, 30)
    for days in range(1, 10):
        SessionFactory(circle=circle, starts_at=in_days(days))
    client.get(circle.url)  # the content changed: warm the kept route and fragments again
    with CaptureQueriesContext(connection) as many:
        client.get(circle.url)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_index_costs_the_same_with_many_circles(client, circle_index, learner):
    LearningCirclePageFactory(parent=circle_index)
    client.force_login(learner)
    client.get(circle_index.url)
    with CaptureQueriesContext(connection) as few:
        client.get(circle_index.url)
    for _ in range(6):
        circle = LearningCirclePageFactory(parent=circle_index)
        add_members(circle, 3)
        SessionFactory(circle=circle)
    client.get(circle_index.url)  # the content changed: warm the kept route and fragments again
    with CaptureQueriesContext(connection) as many:
        client.get(circle_index.url)
    assert len(many.captured_queries) == len(few.captured_queries)


def past_session(circle, *, days):
    starts = timezone.now() - datetime.timedelta(days=days)
    return SessionFactory(circle=circle, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1))


class TestOrganisersInTheAdmin:
    """Only people with the organiser role can be chosen as a circle's organisers."""

    def post(self, client, circle, organisers):
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
        data = nested_form_data(
            {
                "title": circle.title,
                "slug": circle.slug,
                "theme": circle.theme,
                "description": rich_text("<p>Tekst</p>"),
                "membership": "open",
                "sessions_required": "0",
                "intake_questions": inline_formset([]),
                "action-publish": "publish",
            }
        )
        data["organisers"] = [user.pk for user in organisers]
        return client.post(reverse("wagtailadmin_pages:edit", args=[circle.pk]), data)

    def test_an_organiser_is_accepted(self, client, circle, organiser):
        other = OrganiserFactory().user
        response = self.post(client, circle, [organiser, other])
        assert response.status_code == 302
        assert set(LearningCirclePage.objects.get(pk=circle.pk).organisers.all()) == {organiser, other}

    def test_a_learner_is_not_offered_and_not_accepted(self, client, circle, organiser, learner):
        form_class = get_edit_handler(LearningCirclePage).get_form_class()
        assert learner not in form_class(instance=circle, for_user=organiser).fields["organisers"].queryset
        response = self.post(client, circle, [organiser, learner])
        assert response.status_code == 200
        assert list(LearningCirclePage.objects.get(pk=circle.pk).organisers.all()) == [organiser]

    def test_a_current_organiser_who_lost_the_role_is_shown_and_refused(self, client, circle, organiser):
        Membership.objects.filter(user=organiser, role=Membership.Role.ORGANISER).delete()
        form_class = get_edit_handler(LearningCirclePage).get_form_class()
        assert organiser in form_class(instance=circle, for_user=organiser).fields["organisers"].queryset
        response = self.post(client, circle, [organiser])
        assert response.status_code == 200
        assert "Geen organisator: Olga Organisator" in response.content.decode()
