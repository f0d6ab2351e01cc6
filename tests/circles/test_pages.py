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

from circles import services
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


class TestKeptFragmentsStayCorrect:
    """The circle page and the index keep their published content in fragments (the cache is
    on in the tests); what changes without an editor must still show at once."""

    def test_registering_and_cancelling_show_at_once_to_the_signed_in_reader(self, client, circle, learner):
        session = SessionFactory(circle=circle, theme="Werkdruk", capacity=3)
        CircleMemberFactory(circle=circle, user=learner)
        client.force_login(learner)
        html = client.get(circle.url).content.decode()
        assert "nog 3 plaatsen vrij" in html
        assert "Je bent aangemeld" not in html
        services.register(session=session, user=learner)
        html = client.get(circle.url).content.decode()
        assert "nog 2 plaatsen vrij" in html
        assert "Je bent aangemeld" in html
        services.cancel_registration(session=session, user=learner)
        html = client.get(circle.url).content.decode()
        assert "nog 3 plaatsen vrij" in html
        assert "Je bent aangemeld" not in html

    def test_a_reader_never_sees_anothers_registration(self, client, circle, learner):
        session = SessionFactory(circle=circle, capacity=3)
        RegistrationFactory(session=session, user=learner)
        client.force_login(learner)
        assert "Je bent aangemeld" in client.get(circle.url).content.decode()
        client.force_login(LearnerFactory().user)
        html = client.get(circle.url).content.decode()
        assert "nog 2 plaatsen vrij" in html
        assert "Je bent aangemeld" not in html
        client.logout()
        assert "Je bent aangemeld" not in client.get(circle.url).content.decode()

    def test_a_session_that_ended_moves_to_the_past(self, client, circle, monkeypatch):
        session = SessionFactory(circle=circle, theme="Vandaag")
        client.get(circle.url)  # keeps the list of sessions and the fragments
        # Time passing: no save, so no new content version.
        later = session.ends_at + datetime.timedelta(minutes=1)
        monkeypatch.setattr(timezone, "now", lambda: later)
        html = client.get(circle.url).content.decode()
        assert "Er is nog geen nieuwe bijeenkomst gepland." in html
        assert "Eerdere bijeenkomsten" in html

    def test_the_next_session_on_the_index_follows_the_clock(self, client, circle_index, circle, monkeypatch):
        first = SessionFactory(circle=circle, theme="Eerste", starts_at=in_days(1))
        SessionFactory(circle=circle, theme="Tweede", starts_at=in_days(2))
        assert "Eerste" in client.get(circle_index.url).content.decode()  # keeps the list of circles
        later = first.starts_at + datetime.timedelta(minutes=1)
        monkeypatch.setattr(timezone, "now", lambda: later)
        html = client.get(circle_index.url).content.decode()
        assert "Tweede" in html
        assert "Eerste" not in html

    def test_an_edited_session_shows_at_once(self, client, circle):
        session = SessionFactory(circle=circle, theme="Oude titel")
        assert "Oude titel" in client.get(circle.url).content.decode()
        session.theme = "Nieuwe titel"
        session.save()
        html = client.get(circle.url).content.decode()
        assert "Nieuwe titel" in html
        assert "Oude titel" not in html

    def test_members_by_kind_follow_joining_and_leaving_at_once(self, client, circle, learner):
        add_members(circle, 2, kind=Organisation.Kind.PROVINCIE)
        assert "provincie: 2 leden" in client.get(circle.url).content.decode()
        services.join_circle(circle=circle, user=learner)
        html = client.get(circle.url).content.decode()
        assert "<dd>3</dd>" in html
        assert "gemeente: 1 lid" in html
        services.leave_circle(circle=circle, user=learner)
        html = client.get(circle.url).content.decode()
        assert "<dd>2</dd>" in html
        assert "gemeente: " not in html
        services.join_circle(circle=circle, user=learner)
        assert "gemeente: 1 lid" in client.get(circle.url).content.decode()

    def test_the_index_follows_members_and_next_sessions_at_once(self, client, circle_index, circle, learner):
        SessionFactory(circle=circle, theme="Eerstvolgende", starts_at=in_days(3))
        client.force_login(learner)
        html = client.get(circle_index.url).content.decode()
        assert "<dd>0</dd>" in html
        assert "Je bent lid" not in html
        services.join_circle(circle=circle, user=learner)
        html = client.get(circle_index.url).content.decode()
        assert "<dd>1</dd>" in html
        assert "Je bent lid" in html
        client.logout()
        html = client.get(circle_index.url).content.decode()
        assert "Je bent lid" not in html
        assert "Eerstvolgende" in html


def test_a_warm_circle_page_reads_no_published_content_again(client, circle, django_assert_max_num_queries):
    """Once its lists and fragments are kept, an anonymous reader's circle page asks for the
    sessions' registration counts and the stored member count: no more, however many sessions,
    profiles and members the circle has (issue 17)."""
    add_members(circle, 3)
    for days in range(1, 25):
        SessionFactory(circle=circle, starts_at=in_days(days))
        past_session(circle, days=days * 7)
    client.get(circle.url)  # keeps the fragments
    client.get(circle.url)  # keeps the route (cms/routing.py)
    with django_assert_max_num_queries(2) as captured:
        response = client.get(circle.url)
    assert response.status_code == 200
    assert "<dd>3</dd>" in response.content.decode()
    sql = " ".join(query["sql"] for query in captured.captured_queries)
    for table in ("careers_roleprofilepage", "circles_circlemember", "circles_session", "people_user"):
        assert table not in sql


def test_a_warm_index_asks_for_the_member_counts_only(client, circle_index, circle, django_assert_max_num_queries):
    """An anonymous reader's index: one query for the stored member counts of all circles."""
    add_members(circle, 3)
    LearningCirclePageFactory(parent=circle_index)
    SessionFactory(circle=circle, starts_at=in_days(2))
    client.get(circle_index.url)
    client.get(circle_index.url)
    with django_assert_max_num_queries(1) as captured:
        response = client.get(circle_index.url)
    assert response.status_code == 200
    assert "<dd>3</dd>" in response.content.decode()
    assert "circles_circlestats" in captured.captured_queries[0]["sql"]


def test_a_preview_shows_the_unsaved_content_not_the_kept_fragments(client, circle):
    SessionFactory(circle=circle, theme="Een bijeenkomst")
    assert "Voor wie de kring is" not in client.get(circle.url).content.decode()  # keeps the fragments
    circle.description = "<p>Voor wie de kring is, in het concept</p>"
    html = circle.make_preview_request().content.decode()
    assert "Voor wie de kring is, in het concept" in html
    assert "Een bijeenkomst" in html
