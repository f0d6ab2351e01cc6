"""Development conversations: a learner asks the HR advisers of their organisation for a
conversation about a next role, an adviser plans it and records the outcome (and, with
"stap gezet", the career step), and the learner's record moves on to the new role."""

import datetime
from unittest import mock

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from careers import selectors, services
from careers.models import CareerStep, CurrentRole, DevelopmentConversation
from people.models import Membership, OutgoingEmail
from tests.careers.factories import CareerPathFactory, RoleProfilePageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

Status, Outcome = DevelopmentConversation.Status, DevelopmentConversation.Outcome
DAY = datetime.date(2025, 3, 1)
ENGLISH = ("enter", "ensure", "this field", "valid", "required")


def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def world(profile_index):
    zeist = OrganisationFactory(name="Gemeente Zeist")
    utrecht = OrganisationFactory(name="Gemeente Utrecht")
    support = RoleProfilePageFactory(parent=profile_index, title="Projectondersteuner", salary_scale=8)
    practical = RoleProfilePageFactory(parent=profile_index, title="PMO praktisch", salary_scale=9)
    tactical = RoleProfilePageFactory(parent=profile_index, title="PMO tactisch", salary_scale=10)
    CareerPathFactory(from_profile=support, to_profile=practical)
    CareerPathFactory(from_profile=practical, to_profile=tactical)
    anna = LearnerFactory(organisation=zeist, user__full_name="Anna de Vries").user
    CurrentRole.objects.create(user=anna, profile=support, since=DAY)
    return {
        "zeist": zeist,
        "utrecht": utrecht,
        "support": support,
        "practical": practical,
        "tactical": tactical,
        "anna": anna,
        "kees": LearnerFactory(organisation=zeist, user__full_name="Kees Jansen").user,
        "bram": LearnerFactory(organisation=utrecht, user__full_name="Bram Smit").user,
        "hr_zeist": HRAdviserFactory(organisation=zeist, user__full_name="Hanna Bakker").user,
        "hr_zeist_2": HRAdviserFactory(organisation=zeist, user__full_name="Henk Bos").user,
        "hr_utrecht": HRAdviserFactory(organisation=utrecht, user__full_name="Ute Visser").user,
    }


def ask(world, who="anna", role="practical", message="Ik wil doorgroeien.") -> DevelopmentConversation:
    conversation, created = services.request_conversation(
        learner=world[who], target_profile=world[role], message=message
    )
    assert created
    return conversation


def mails_to(user) -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(to=user.email).order_by("pk"))


# Asking --------------------------------------------------------------------------------------


def test_a_request_is_recorded_and_mailed_to_every_adviser_of_the_organisation(world):
    with set_actor(world["anna"]):
        conversation = ask(world)
    assert conversation.status == Status.REQUESTED
    assert conversation.organisation == world["zeist"]
    assert conversation.message == "Ik wil doorgroeien."
    for adviser in ("hr_zeist", "hr_zeist_2"):
        [email] = mails_to(world[adviser])
        assert email.subject == "Anna de Vries vraagt een ontwikkelgesprek aan"
        assert f"/hr/gesprekken/{conversation.pk}/" in email.body_text
        assert "PMO praktisch" in email.body_text
        assert "Ik wil doorgroeien." in email.body_text
    assert not mails_to(world["hr_utrecht"])
    assert not mails_to(world["anna"])
    [entry] = LogEntry.objects.get_for_object(conversation)
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == world["anna"]
    assert "message" not in entry.changes


def test_asking_again_shows_the_open_request_instead_of_a_second_one(world):
    first = ask(world)
    mailed = OutgoingEmail.objects.count()
    again, created = services.request_conversation(
        learner=world["anna"], target_profile=world["practical"], message="Nog een keer"
    )
    assert (again, created) == (first, False)
    assert DevelopmentConversation.objects.count() == 1
    assert OutgoingEmail.objects.count() == mailed
    other = ask(world, role="tactical")
    assert other != first, "another role is another request"


def test_after_withdrawing_the_learner_may_ask_again(world):
    first = ask(world)
    services.withdraw_conversation(learner=world["anna"], conversation=first)
    second = ask(world)
    assert second != first
    assert DevelopmentConversation.objects.get(pk=first.pk).status == Status.WITHDRAWN


def test_the_database_allows_one_open_request_per_learner_and_role(world):
    first = ask(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        DevelopmentConversation.objects.create(
            learner=first.learner, organisation=first.organisation, target_profile=first.target_profile
        )
    DevelopmentConversation.objects.create(
        learner=first.learner,
        organisation=first.organisation,
        target_profile=first.target_profile,
        status=Status.HELD,
        outcome=Outcome.NOT_NOW,
    )


def test_two_requests_at_the_same_moment_give_one(world):
    first = ask(world)
    # The second request looked before the first was saved: it finds nothing, then the
    # constraint stops its insert, and it answers with the first.
    with mock.patch.object(selectors, "open_conversation", side_effect=[None, first]):
        again, created = services.request_conversation(
            learner=world["anna"], target_profile=world["practical"], message=""
        )
    assert (again, created) == (first, False)
    assert DevelopmentConversation.objects.count() == 1


def test_without_an_organisation_the_learner_is_told_whom_to_ask(world):
    loner = MembershipFactory().user
    loner.memberships.all().delete()
    with pytest.raises(ValidationError) as error:
        services.request_conversation(learner=loner, target_profile=world["practical"], message="")
    assert "beheerder van Spil" in error.value.messages[0]
    assert "organisatie" in error.value.messages[0]


def test_without_an_hr_adviser_the_learner_is_told_whom_to_ask(world):
    learner = LearnerFactory(organisation=OrganisationFactory(name="Gemeente Bunnik")).user
    with pytest.raises(ValidationError) as error:
        services.request_conversation(learner=learner, target_profile=world["practical"], message="")
    assert error.value.messages[0].startswith("Gemeente Bunnik heeft nog geen HR-adviseur in Spil")
    assert not DevelopmentConversation.objects.exists()


def test_an_adviser_asking_for_themself_needs_another_adviser(world):
    lone = OrganisationFactory(name="Gemeente Bunnik")
    adviser = HRAdviserFactory(organisation=lone).user
    MembershipFactory(user=adviser, organisation=lone, role=Membership.Role.LEARNER)
    with pytest.raises(ValidationError):
        services.request_conversation(learner=adviser, target_profile=world["practical"], message="")
    # In Zeist there is a second adviser: they are asked, the asker is not.
    conversation, _created = services.request_conversation(
        learner=world["hr_zeist"], target_profile=world["practical"], message=""
    )
    assert mails_to(world["hr_zeist_2"])
    assert not mails_to(world["hr_zeist"])
    assert conversation not in selectors.open_conversations_for(adviser=world["hr_zeist"])


def test_the_organisation_with_an_adviser_handles_the_request(world):
    learner = LearnerFactory(organisation=OrganisationFactory(name="Aa Gemeente zonder HR")).user
    LearnerFactory(user=learner, organisation=world["utrecht"])
    conversation = ask({**world, "x": learner}, who="x")
    assert conversation.organisation == world["utrecht"]


@pytest.mark.parametrize(
    ("message", "error"),
    [("x" * 2001, "Hoogstens 2000 tekens"), ("a\x00b", "niet is toegestaan")],
    ids=["too long", "nul"],
)
def test_a_message_that_cannot_be_kept_is_refused(world, message, error):
    with pytest.raises(ValidationError) as caught:
        services.request_conversation(learner=world["anna"], target_profile=world["practical"], message=message)
    assert error in caught.value.message_dict["message"][0]
    assert not DevelopmentConversation.objects.exists()


def test_a_role_that_is_no_longer_published_cannot_be_asked_for(world):
    world["practical"].unpublish()
    with pytest.raises(ValidationError):
        ask(world)


# Planning, recording, withdrawing ------------------------------------------------------------


def test_recording_a_step_moves_the_learner_on_to_the_next_role(world):
    conversation = ask(world)
    mail.outbox.clear()
    recorded = services.record_outcome(
        adviser=world["hr_zeist"],
        conversation=conversation,
        outcome=Outcome.STEP,
        notes="Gefeliciteerd met je nieuwe rol.",
        held_on=today(),
        step_to_profile=world["practical"],
    )
    assert recorded.status == Status.HELD
    assert recorded.adviser == world["hr_zeist"]
    assert recorded.closed_at is not None
    step = recorded.career_step
    assert (step.from_profile, step.to_profile, step.date) == (world["support"], world["practical"], today())
    assert step.recorded_by == world["hr_zeist"]
    role = CurrentRole.objects.get(user=world["anna"])
    assert role.profile == world["practical"]
    assert role.confirmed_by == world["hr_zeist"]
    assert [path.to_profile for path in selectors.next_steps_for(profile=role.profile)] == [world["tactical"]]
    [email] = mails_to(world["anna"])
    assert email.subject == "De uitkomst van je ontwikkelgesprek is vastgelegd"
    assert "Stap gezet" in email.body_text
    assert "PMO praktisch" in email.body_text
    assert "Gefeliciteerd met je nieuwe rol." in email.body_text
    assert conversation not in selectors.open_conversations_for(adviser=world["hr_zeist"])


def test_an_earlier_step_date_goes_into_the_history(world):
    conversation = ask(world)
    services.record_outcome(
        adviser=world["hr_zeist"],
        conversation=conversation,
        outcome=Outcome.STEP,
        notes="",
        held_on=today(),
        step_to_profile=world["tactical"],
        step_date=DAY + datetime.timedelta(days=10),
    )
    assert CareerStep.objects.get().date == DAY + datetime.timedelta(days=10)
    assert CurrentRole.objects.get(user=world["anna"]).profile == world["tactical"]


@pytest.mark.parametrize("outcome", [Outcome.AGREEMENTS, Outcome.NOT_NOW])
def test_an_outcome_without_a_step_leaves_the_role_as_it_is(world, outcome):
    conversation = ask(world)
    recorded = services.record_outcome(
        adviser=world["hr_zeist_2"],
        conversation=conversation,
        outcome=outcome,
        notes="Leergang plannen",
        held_on=today(),
    )
    assert recorded.outcome == outcome
    assert recorded.career_step is None
    assert not CareerStep.objects.exists()
    assert CurrentRole.objects.get(user=world["anna"]).profile == world["support"]
    assert mails_to(world["anna"])


@pytest.mark.parametrize("who", ["hr_utrecht", "kees", "anna"])
def test_only_an_adviser_of_the_learner_records_or_plans(world, who):
    conversation = ask(world)
    with pytest.raises(PermissionDenied):
        services.record_outcome(
            adviser=world[who],
            conversation=conversation,
            outcome=Outcome.STEP,
            notes="",
            held_on=today(),
            step_to_profile=world["practical"],
        )
    with pytest.raises(PermissionDenied):
        services.plan_conversation(adviser=world[who], conversation=conversation, planned_on=today())
    conversation.refresh_from_db()
    assert conversation.status == Status.REQUESTED
    assert not CareerStep.objects.exists()


def test_an_adviser_cannot_record_the_outcome_of_their_own_request(world):
    conversation, _created = services.request_conversation(
        learner=world["hr_zeist"], target_profile=world["practical"], message=""
    )
    with pytest.raises(PermissionDenied):
        services.record_outcome(
            adviser=world["hr_zeist"], conversation=conversation, outcome=Outcome.NOT_NOW, notes="", held_on=today()
        )


BAD_OUTCOMES = {
    "unknown outcome": ({"outcome": "promotie"}, "outcome"),
    "future date": ({"held_on": datetime.date(2999, 1, 1)}, "held_on"),
    "before the request": ({"held_on": datetime.date(2001, 1, 1)}, "held_on"),
    "step without a role": ({"outcome": Outcome.STEP, "step_to_profile": None}, "step_to_profile"),
    "step in the future": (
        {"outcome": Outcome.STEP, "step_date": datetime.date(2999, 1, 1)},
        "step_date",
    ),
    "notes too long": ({"notes": "n" * 2001}, "notes"),
    "a step with another outcome": ({"outcome": Outcome.NOT_NOW}, "__all__"),
}


@pytest.mark.parametrize(("changes", "field"), BAD_OUTCOMES.values(), ids=BAD_OUTCOMES.keys())
def test_a_bad_outcome_is_refused_in_dutch(world, changes, field):
    conversation = ask(world)
    arguments = {
        "outcome": Outcome.STEP,
        "notes": "",
        "held_on": today(),
        "step_to_profile": world["practical"],
        **changes,
    }
    with pytest.raises(ValidationError) as error:
        services.record_outcome(adviser=world["hr_zeist"], conversation=conversation, **arguments)
    assert field in error.value.update_error_dict({})
    conversation.refresh_from_db()
    assert conversation.status == Status.REQUESTED
    assert not CareerStep.objects.exists()


def test_a_closed_conversation_takes_no_second_outcome(world):
    conversation = ask(world)
    services.record_outcome(
        adviser=world["hr_zeist"], conversation=conversation, outcome=Outcome.NOT_NOW, notes="", held_on=today()
    )
    with pytest.raises(ValidationError, match="al vastgelegd"):
        services.record_outcome(
            adviser=world["hr_zeist_2"],
            conversation=conversation,
            outcome=Outcome.STEP,
            notes="",
            held_on=today(),
            step_to_profile=world["practical"],
        )
    with pytest.raises(ValidationError):
        services.withdraw_conversation(learner=world["anna"], conversation=conversation)
    assert not CareerStep.objects.exists()


def test_planning_mails_the_learner_and_withdrawing_then_mails_the_adviser(world):
    conversation = ask(world)
    with pytest.raises(ValidationError):
        services.plan_conversation(
            adviser=world["hr_zeist"], conversation=conversation, planned_on=today() - datetime.timedelta(days=1)
        )
    planned_on = today() + datetime.timedelta(days=7)
    services.plan_conversation(adviser=world["hr_zeist"], conversation=conversation, planned_on=planned_on)
    conversation.refresh_from_db()
    assert (conversation.status, conversation.planned_on, conversation.adviser) == (
        Status.PLANNED,
        planned_on,
        world["hr_zeist"],
    )
    [email] = mails_to(world["anna"])
    assert email.subject.startswith("Je ontwikkelgesprek is gepland op")
    assert conversation in selectors.open_conversations_for(adviser=world["hr_zeist"])
    with pytest.raises(PermissionDenied):
        services.withdraw_conversation(learner=world["kees"], conversation=conversation)
    before = len(mails_to(world["hr_zeist"]))
    services.withdraw_conversation(learner=world["anna"], conversation=conversation)
    conversation.refresh_from_db()
    assert conversation.status == Status.WITHDRAWN
    assert conversation.closed_at is not None
    assert len(mails_to(world["hr_zeist"])) == before + 1
    with pytest.raises(ValidationError, match="ingetrokken"):
        services.record_outcome(
            adviser=world["hr_zeist"], conversation=conversation, outcome=Outcome.NOT_NOW, notes="", held_on=today()
        )


# Reading ------------------------------------------------------------------------------------


def test_open_conversations_are_those_of_the_advisers_own_organisations_oldest_first(world):
    newer = ask(world, who="kees")
    older = ask(world, who="anna")
    DevelopmentConversation.objects.filter(pk=older.pk).update(requested_at=timezone.now() - datetime.timedelta(days=3))
    utrecht = ask(world, who="bram")
    closed = ask(world, who="anna", role="tactical")
    services.record_outcome(
        adviser=world["hr_zeist"], conversation=closed, outcome=Outcome.NOT_NOW, notes="", held_on=today()
    )
    assert selectors.open_conversations_for(adviser=world["hr_zeist"]) == [older, newer]
    assert selectors.open_conversations_for(adviser=world["hr_utrecht"]) == [utrecht]
    assert selectors.open_conversations_for(adviser=world["anna"]) == []
    assert selectors.closed_conversations_for(adviser=world["hr_zeist"]) == [closed]
    assert selectors.closed_conversations_for(adviser=world["hr_utrecht"]) == []
    assert selectors.conversation_for_adviser(adviser=world["hr_utrecht"], conversation_id=older.pk) is None
    assert selectors.conversation_for_adviser(adviser=world["hr_zeist"], conversation_id=older.pk) == older


def test_a_learner_who_left_drops_off_the_advisers_list(world):
    conversation = ask(world)
    world["anna"].memberships.all().delete()
    assert conversation not in selectors.open_conversations_for(adviser=world["hr_zeist"])


@pytest.mark.parametrize("size", [2, 20])
def test_open_conversations_cost_one_query(world, size, django_assert_num_queries):
    for _ in range(size):
        learner = LearnerFactory(organisation=world["zeist"]).user
        services.request_conversation(learner=learner, target_profile=world["practical"], message="")
    ask(world, who="bram")
    with django_assert_num_queries(1):
        conversations = selectors.open_conversations_for(adviser=world["hr_zeist"])
        rows = [(c.learner.get_full_name(), c.target_title, c.age_in_days) for c in conversations]
    assert len(rows) == size


def test_conversations_of_and_open_conversation(world):
    first = ask(world)
    services.withdraw_conversation(learner=world["anna"], conversation=first)
    second = ask(world)
    ask(world, who="kees")
    assert selectors.conversations_of(learner=world["anna"]) == [second, first]
    assert selectors.open_conversation(learner=world["anna"], profile=world["practical"]) == second
    assert selectors.open_conversation(learner=world["anna"], profile=world["tactical"]) is None
    assert selectors.open_conversation(learner=world["anna"], profile=None) is None


def test_age_in_days_counts_calendar_days(world):
    conversation = ask(world)
    assert conversation.age_in_days == 0
    conversation.requested_at = timezone.now() - datetime.timedelta(days=9, hours=1)
    assert conversation.age_in_days in (9, 10)


# The learner's pages -----------------------------------------------------------------------


REQUEST = "/mijn/gesprekken/aanvragen/"


def test_the_learner_asks_from_a_page_and_gets_it_back(client, world):
    client.force_login(world["anna"])
    data = {"target_profile": world["practical"].pk, "message": "Graag!", "next": "/mijn/loopbaan/"}
    response = client.post(REQUEST, data, follow=True)
    assert response.redirect_chain == [("/mijn/loopbaan/", 302)]
    html = response.content.decode()
    assert "Je aanvraag voor een ontwikkelgesprek over PMO praktisch is naar je HR-adviseur gestuurd." in html
    assert DevelopmentConversation.objects.get().message == "Graag!"
    # Once more: the open request is shown, not made twice.
    response = client.post(REQUEST, data, follow=True)
    assert (
        "Je hebt al een aanvraag voor een ontwikkelgesprek over PMO praktisch open staan." in response.content.decode()
    )
    assert DevelopmentConversation.objects.count() == 1


@pytest.mark.parametrize(
    "next_url", ["https://elders.example.org/", "//elders.example.org/", "javascript:alert(1)", ""]
)
def test_the_way_back_is_a_page_of_this_site(client, world, next_url):
    client.force_login(world["anna"])
    response = client.post(REQUEST, {"target_profile": world["practical"].pk, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/mijn/gesprekken/"


def test_the_request_page_shows_the_form(client, world):
    client.force_login(world["anna"])
    response = client.get(REQUEST, {"functie": world["practical"].pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Over welke functie wil je praten?" in html
    assert f'<option value="{world["practical"].pk}" selected>' in html
    assert client.get(REQUEST, {"functie": "x" * 500}).status_code == 200


BAD_REQUESTS = {
    "100k characters": ({"message": "m" * 100_000}, "message"),
    "no role": ({"target_profile": ""}, "target_profile"),
    "unknown role": ({"target_profile": "999999"}, "target_profile"),
    "huge role id": ({"target_profile": "9" * 30}, "target_profile"),
    "role id is text": ({"target_profile": "PMO"}, "target_profile"),
}


@pytest.mark.parametrize(("changes", "field"), BAD_REQUESTS.values(), ids=BAD_REQUESTS.keys())
def test_a_bad_request_is_explained_in_dutch_and_keeps_the_text(client, world, changes, field):
    client.force_login(world["anna"])
    data = {"target_profile": world["practical"].pk, "message": "Mijn eigen woorden", "next": "/mijn/", **changes}
    response = client.post(REQUEST, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    for message in form.errors[field]:
        assert not any(word in message.lower() for word in ENGLISH), message
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert data["message"][:50] in html
    assert not DevelopmentConversation.objects.exists()


def test_a_nul_character_is_dropped_before_the_form_sees_it(client, world):
    client.force_login(world["anna"])
    response = client.post(REQUEST, {"target_profile": world["practical"].pk, "message": "Graag\x00 praten"})
    assert response.status_code == 302
    assert DevelopmentConversation.objects.get().message == "Graag praten"


def test_without_an_adviser_the_form_says_whom_to_ask_and_keeps_the_text(client, world):
    learner = LearnerFactory(organisation=OrganisationFactory(name="Gemeente Bunnik")).user
    client.force_login(learner)
    response = client.post(REQUEST, {"target_profile": world["practical"].pk, "message": "Mijn eigen woorden"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Gemeente Bunnik heeft nog geen HR-adviseur in Spil" in html
    assert "Mijn eigen woorden" in html
    assert not DevelopmentConversation.objects.exists()


def test_the_learner_sees_and_withdraws_only_their_own(client, world):
    mine, theirs = ask(world), ask(world, who="kees", role="tactical")
    client.force_login(world["anna"])
    html = client.get("/mijn/gesprekken/").content.decode()
    assert "PMO praktisch" in html
    assert "PMO tactisch" not in html
    assert "Aanvraag intrekken" in html
    assert client.post(f"/mijn/gesprekken/{theirs.pk}/intrekken/").status_code == 404
    assert client.get(f"/mijn/gesprekken/{mine.pk}/intrekken/").status_code == 405
    response = client.post(f"/mijn/gesprekken/{mine.pk}/intrekken/", follow=True)
    assert "Je aanvraag is ingetrokken." in response.content.decode()
    response = client.post(f"/mijn/gesprekken/{mine.pk}/intrekken/", follow=True)
    assert "Deze aanvraag was al afgesloten." in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.status == Status.REQUESTED
    assert client.post(f"/mijn/gesprekken/{'9' * 25}/intrekken/").status_code == 404


def test_my_career_shows_the_outcome_the_new_role_and_the_next_steps(client, world):
    conversation = ask(world)
    services.record_outcome(
        adviser=world["hr_zeist"],
        conversation=conversation,
        outcome=Outcome.STEP,
        notes="Goed gedaan",
        held_on=today(),
        step_to_profile=world["practical"],
    )
    client.force_login(world["anna"])
    response = client.get("/mijn/loopbaan/")
    html = response.content.decode()
    assert response.context["current"].profile == world["practical"]
    assert [path.to_profile for path in response.context["next_steps"]] == [world["tactical"]]
    assert "Stap gezet" in html
    assert "Goed gedaan" in html
    assert "Vraag een ontwikkelgesprek aan" in html
    assert f'<option value="{world["tactical"].pk}" selected>' in html


def test_my_career_tells_a_learner_without_an_adviser_whom_to_ask(client, world):
    learner = LearnerFactory(organisation=OrganisationFactory(name="Gemeente Bunnik")).user
    client.force_login(learner)
    html = client.get("/mijn/loopbaan/").content.decode()
    assert "Gemeente Bunnik heeft nog geen HR-adviseur in Spil" in html
    assert "Vraag een ontwikkelgesprek aan" not in html


# The partials the readiness page and the HR dashboard include -------------------------------


def render_request_partial(user, profile) -> str:
    request = RequestFactory().get("/mijn/klaar/?rol=1")
    request.user = user
    return render_to_string("careers/_conversation_request.html", {"profile": profile}, request=request)


def test_the_request_partial_offers_the_form_then_shows_the_open_request(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        html = render_request_partial(world["anna"], world["practical"])
    assert "Vraag een ontwikkelgesprek aan" in html
    assert f'id="gesprek-{world["practical"].pk}-message"' in html
    assert f'name="target_profile" value="{world["practical"].pk}"' in html
    assert 'value="/mijn/klaar/?rol=1"' in html
    ask(world)
    with django_assert_max_num_queries(1):
        html = render_request_partial(world["anna"], world["practical"])
    assert "Vraag een ontwikkelgesprek aan" not in html
    assert "Aangevraagd" in html
    assert "Je HR-adviseur neemt contact met je op." in html


def test_the_request_partial_says_whom_to_ask_without_an_adviser(world):
    learner = LearnerFactory(organisation=OrganisationFactory(name="Gemeente Bunnik")).user
    html = render_request_partial(learner, world["practical"])
    assert "Gemeente Bunnik heeft nog geen HR-adviseur in Spil" in html
    assert "<form" not in html


def test_the_request_partial_shows_nothing_to_a_visitor(world):
    from django.contrib.auth.models import AnonymousUser

    assert render_request_partial(AnonymousUser(), world["practical"]).strip() == ""


def test_the_dashboard_partial_lists_the_open_requests(world):
    conversation = ask(world)
    DevelopmentConversation.objects.filter(pk=conversation.pk).update(
        requested_at=timezone.now() - datetime.timedelta(days=5)
    )
    conversations = selectors.open_conversations_for(adviser=world["hr_zeist"])
    html = render_to_string("careers/_hr_conversations.html", {"conversations": conversations})
    assert "Gesprekaanvragen" in html
    assert "Anna de Vries" in html
    assert "PMO praktisch" in html
    assert "5 dagen geleden" in html
    assert f'href="/hr/gesprekken/{conversation.pk}/"' in html
    for context in ({"conversations": []}, {}):
        html = render_to_string("careers/_hr_conversations.html", context)
        assert "Geen openstaande aanvragen." in html


# The adviser's pages ----------------------------------------------------------------------


def outcome_data(world, **changes) -> dict:
    return {
        "outcome": "step",
        "notes": "Mooie stap",
        "held_on": today().isoformat(),
        "step_to_profile": world["practical"].pk,
        "step_date": "",
        **changes,
    }


def test_the_adviser_plans_and_records_the_outcome_with_a_step(client, world):
    conversation = ask(world)
    client.force_login(world["hr_zeist"])
    html = client.get("/hr/gesprekken/").content.decode()
    assert "Anna de Vries" in html
    detail = f"/hr/gesprekken/{conversation.pk}/"
    response = client.get(detail)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ik wil doorgroeien." in html
    assert f'<option value="{world["practical"].pk}" selected>' in html
    planned_on = (today() + datetime.timedelta(days=3)).isoformat()
    response = client.post(detail + "plannen/", {"planned_on": planned_on})
    assert response.status_code == 302
    response = client.post(detail, outcome_data(world), follow=True)
    assert response.redirect_chain == [(detail, 302)]
    html = response.content.decode()
    assert "De uitkomst is vastgelegd." in html
    assert "Uitkomst vastleggen" not in html
    assert CurrentRole.objects.get(user=world["anna"]).profile == world["practical"]
    # A second post changes nothing and says why.
    response = client.post(detail, outcome_data(world, outcome="not-now"), follow=True)
    assert "Dit gesprek is al afgesloten" in response.content.decode()
    assert DevelopmentConversation.objects.get().outcome == Outcome.STEP
    assert CareerStep.objects.count() == 1
    assert "Afgesloten" in client.get("/hr/gesprekken/").content.decode()


def test_without_a_step_the_step_fields_do_not_count(client, world):
    conversation = ask(world)
    client.force_login(world["hr_zeist"])
    data = outcome_data(world, outcome="agreements", step_date="gisteren")
    assert client.post(f"/hr/gesprekken/{conversation.pk}/", data).status_code == 302
    conversation.refresh_from_db()
    assert conversation.outcome == Outcome.AGREEMENTS
    assert not CareerStep.objects.exists()


BAD_OUTCOME_POSTS = {
    "unknown outcome": ({"outcome": "promotie"}, "outcome"),
    "no outcome": ({"outcome": ""}, "outcome"),
    "future date": ({"held_on": "2999-01-01"}, "held_on"),
    "nonsense date": ({"held_on": "31-31-2031"}, "held_on"),
    "impossible date": ({"held_on": "2025-02-30"}, "held_on"),
    "no date": ({"held_on": ""}, "held_on"),
    "before the request": ({"held_on": "2001-01-01"}, "held_on"),
    "step without a role": ({"step_to_profile": ""}, "step_to_profile"),
    "step to an unknown role": ({"step_to_profile": "9" * 30}, "step_to_profile"),
    "step in the future": ({"step_date": "2999-01-01"}, "step_date"),
    "100k notes": ({"notes": "n" * 100_000}, "notes"),
}


@pytest.mark.parametrize(("changes", "field"), BAD_OUTCOME_POSTS.values(), ids=BAD_OUTCOME_POSTS.keys())
def test_a_bad_outcome_form_is_explained_in_dutch_and_keeps_the_text(client, world, changes, field):
    conversation = ask(world)
    client.force_login(world["hr_zeist"])
    data = outcome_data(world, **changes)
    if field != "notes":
        data["notes"] = "Wat ik opschreef"
    response = client.post(f"/hr/gesprekken/{conversation.pk}/", data)
    assert response.status_code == 400
    form = response.context["outcome_form"]
    assert field in form.errors
    for message in form.errors[field]:
        assert not any(word in message.lower() for word in ENGLISH), message
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert data["notes"][:50] in html
    conversation.refresh_from_db()
    assert conversation.status == Status.REQUESTED
    assert not CareerStep.objects.exists()


@pytest.mark.parametrize("planned_on", ["2001-01-01", "morgen", "", "2025-13-01"])
def test_a_bad_planned_date_is_explained_in_dutch(client, world, planned_on):
    conversation = ask(world)
    client.force_login(world["hr_zeist"])
    response = client.post(f"/hr/gesprekken/{conversation.pk}/plannen/", {"planned_on": planned_on})
    assert response.status_code == 400
    errors = response.context["plan_form"].errors["planned_on"]
    assert not any(word in message.lower() for message in errors for word in ENGLISH)
    conversation.refresh_from_db()
    assert conversation.status == Status.REQUESTED


HR_URLS = ["/hr/gesprekken/", "/hr/gesprekken/{pk}/", "/hr/gesprekken/{pk}/plannen/"]


@pytest.mark.parametrize("url", HR_URLS)
def test_a_visitor_is_sent_to_log_in(client, world, url):
    conversation = ask(world)
    for method in (client.get, client.post):
        response = method(url.format(pk=conversation.pk))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", ["/mijn/gesprekken/", REQUEST, "/mijn/gesprekken/{pk}/intrekken/"])
def test_a_visitor_is_sent_to_log_in_from_the_learner_pages(client, world, url):
    conversation = ask(world)
    response = client.post(url.format(pk=conversation.pk), {"target_profile": world["practical"].pk})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert DevelopmentConversation.objects.get() == conversation


@pytest.mark.parametrize("url", HR_URLS)
def test_a_learner_may_not_open_the_hr_pages(client, world, url):
    conversation = ask(world)
    client.force_login(world["anna"])
    assert client.get(url.format(pk=conversation.pk)).status_code == 403
    assert client.post(url.format(pk=conversation.pk), outcome_data(world)).status_code == 403
    conversation.refresh_from_db()
    assert conversation.status == Status.REQUESTED


def test_an_adviser_of_another_organisation_gets_a_404(client, world):
    conversation = ask(world)
    client.force_login(world["hr_utrecht"])
    detail = f"/hr/gesprekken/{conversation.pk}/"
    assert client.get(detail).status_code == 404
    assert client.post(detail, outcome_data(world)).status_code == 404
    assert client.post(detail + "plannen/", {"planned_on": today().isoformat()}).status_code == 404
    assert "Anna de Vries" not in client.get("/hr/gesprekken/").content.decode()
    assert client.get(f"/hr/gesprekken/{'9' * 25}/").status_code == 404
    conversation.refresh_from_db()
    assert conversation.status == Status.REQUESTED
    assert not CareerStep.objects.exists()


@pytest.mark.parametrize("size", [2, 15])
def test_the_hr_list_costs_the_same_for_any_number(client, world, size, django_assert_max_num_queries):
    for _ in range(size):
        learner = LearnerFactory(organisation=world["zeist"]).user
        conversation, _created = services.request_conversation(
            learner=learner, target_profile=world["practical"], message=""
        )
        services.record_outcome(
            adviser=world["hr_zeist"], conversation=conversation, outcome=Outcome.NOT_NOW, notes="", held_on=today()
        )
        services.request_conversation(learner=learner, target_profile=world["tactical"], message="")
    client.force_login(world["hr_zeist"])
    client.get("/hr/gesprekken/")
    # Session, account, the HR check, the open and the closed conversations; the rest is the
    # site's header and menu.
    with django_assert_max_num_queries(10):
        response = client.get("/hr/gesprekken/")
    assert response.content.decode().count("PMO tactisch") == size


def test_the_admin_lists_and_inspects_but_never_edits(client, world):
    from people.models import User

    conversation = ask(world)
    admin = User.objects.create_superuser(email="beheer@example.org", password="x" * 12, full_name="Beheer")
    client.force_login(admin)
    base = "/admin/snippets/careers/developmentconversation/"
    assert client.get(base).status_code == 200
    assert client.get(f"{base}inspect/{conversation.pk}/").status_code == 200
    assert client.get(f"{base}add/").status_code in (302, 403)
    assert client.get(f"{base}edit/{conversation.pk}/").status_code in (302, 403)
    assert client.post(f"{base}delete/{conversation.pk}/").status_code in (302, 403)
    assert DevelopmentConversation.objects.filter(pk=conversation.pk).exists()
