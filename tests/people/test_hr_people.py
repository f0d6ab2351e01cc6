"""The HR adviser's people pages: /hr/mensen/ lists the people of the adviser's own
organisations; a person's team can be changed and a person removed from the organisation.

Every refusal is tested as one: an adviser of another organisation gets a 404 for the pages
and the posts of this organisation's people (and nothing changes), a learner a 403, someone
signed out the login page. Junk input gets a Dutch error, keeps what was typed, and is never
a server error.
"""

import datetime
import re

import pytest
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from curriculum.models import Enrolment
from people import selectors, services
from people.models import Membership, User
from tests.curriculum.factories import EnrolmentFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

PEOPLE = reverse("people:hr_people")


def team_url(person: User) -> str:
    return reverse("people:hr_person_team", args=[person.pk])


def remove_url(person: User) -> str:
    return reverse("people:hr_person_remove", args=[person.pk])


@pytest.fixture
def world():
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    utrecht = OrganisationFactory(name="Gemeente Utrecht", slug="utrecht")
    hr = HRAdviserFactory(organisation=zeist, user__full_name="Hanna Bakker", user__email="hr@zeist.example.org").user
    anna = LearnerFactory(
        organisation=zeist,
        team="Programmabureau",
        user__full_name="Anna de Vries",
        user__email="anna@zeist.example.org",
    ).user
    # Kees works for both: learner in Zeist and in Utrecht, organiser in Zeist as well.
    kees = LearnerFactory(
        organisation=zeist,
        team="Projectbureau",
        user__full_name="Kees Jansen",
        user__email="kees@voorbeeld.example.org",
    ).user
    MembershipFactory(user=kees, organisation=zeist, role=Membership.Role.ORGANISER, team="Projectbureau")
    LearnerFactory(user=kees, organisation=utrecht, team="Stadsontwikkeling")
    bram = LearnerFactory(
        organisation=utrecht, team="Directie", user__full_name="Bram Smit", user__email="bram@utrecht.example.org"
    ).user
    hr_utrecht = HRAdviserFactory(
        organisation=utrecht, user__full_name="Hamid El Amrani", user__email="hr@utrecht.example.org"
    ).user
    return {
        "zeist": zeist,
        "utrecht": utrecht,
        "hr": hr,
        "anna": anna,
        "kees": kees,
        "bram": bram,
        "hr_utrecht": hr_utrecht,
    }


@pytest.fixture
def as_hr(client, world):
    client.force_login(world["hr"])
    return client


def teams(person: User, organisation) -> list[str]:
    memberships = Membership.objects.filter(user=person, organisation=organisation).order_by("role")
    return list(memberships.values_list("team", flat=True))


# The list


def test_the_list_shows_the_people_of_the_own_organisation_only(as_hr, world):
    world["anna"].last_login = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 15))
    world["anna"].save(update_fields=["last_login"])
    response = as_hr.get(PEOPLE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mensen in je organisatie" in html
    for text in ["Anna de Vries", "anna@zeist.example.org", "Programmabureau", "Deelnemer", "2 maart 2026 09:15"]:
        assert text in html
    assert "Kees Jansen" in html
    assert "Deelnemer, Leerkringorganisator" in html or "Leerkringorganisator, Deelnemer" in html
    assert "nog nooit" in html
    # Links to the existing career page, and to the own career for the adviser herself.
    assert reverse("careers:person", args=[world["anna"].pk]) in html
    assert reverse("careers:mine") in html
    assert reverse("careers:person", args=[world["hr"].pk]) not in html
    # Nothing of Utrecht: not its people, not Kees's Utrecht team.
    for text in ["Bram Smit", "bram@utrecht.example.org", "Hamid El Amrani", "Stadsontwikkeling", "Directie"]:
        assert text not in html
    # Roles are read-only here, and the page says who grants them.
    assert "beheerder van Spil" in html


def test_the_list_searches_by_name_and_email_and_filters_by_team(as_hr, world):
    html = as_hr.get(PEOPLE, {"q": "anna de"}).content.decode()
    assert "Anna de Vries" in html
    assert "Kees Jansen" not in html
    html = as_hr.get(PEOPLE, {"q": "VOORBEELD.example"}).content.decode()
    assert "Kees Jansen" in html
    assert "Anna de Vries" not in html
    html = as_hr.get(PEOPLE, {"team": "Projectbureau"}).content.decode()
    assert "Kees Jansen" in html
    assert "Anna de Vries" not in html
    # A team of another organisation is no choice here, and finds nobody of it.
    response = as_hr.get(PEOPLE, {"team": "Directie"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies een team uit de lijst." in html
    assert "Bram Smit" not in html
    assert "1 persoon gevonden" in as_hr.get(PEOPLE, {"q": "Kees", "team": "Projectbureau"}).content.decode()


@pytest.mark.parametrize("junk", ["x" * 100_000, "a\x00b", "\x01\x02", "' OR 1=1 --", "%", "_"])
def test_junk_in_the_search_is_an_error_or_no_match_never_a_server_error(as_hr, world, junk):
    response = as_hr.get(PEOPLE, {"q": junk, "pagina": "abc", "team": ["", "Programmabureau"]})
    assert response.status_code in (200, 400)
    if len(junk) > 100:
        assert response.status_code == 400
        assert "Zoek met hoogstens 100 tekens." in response.content.decode()


def test_an_over_long_search_keeps_what_was_typed(as_hr, world):
    typed = "Anna" * 30
    response = as_hr.get(PEOPLE, {"q": typed})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'value="{typed}"' in html
    assert 'aria-invalid="true"' in html
    assert re.search(r'aria-describedby="[^"]*\bid_q_error\b', html)


@pytest.mark.parametrize("extra", [10, 200])
def test_the_list_costs_the_same_queries_with_10_or_200_people(client, world, extra, django_assert_max_num_queries):
    for n in range(extra):
        membership = LearnerFactory(organisation=world["zeist"], team=f"Team {n % 7}")
        MembershipFactory(user=membership.user, organisation=world["zeist"], role=Membership.Role.ORGANISER)
    client.force_login(world["hr"])
    # 5 of these are the site's layout (session, user, roles for the menu, permissions, site).
    with django_assert_max_num_queries(14):
        response = client.get(PEOPLE, {"team": "Team 1"} if extra == 200 else {})
    assert response.status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(PEOPLE, {"pagina": "2"}).status_code == 200


def test_pages_keep_the_search_and_team_filter(as_hr, world):
    for n in range(60):
        LearnerFactory(organisation=world["zeist"], team="Groot team", user__full_name=f"Lid {n:03d} van het team")
    html = as_hr.get(PEOPLE, {"q": "van het team", "team": "Groot team"}).content.decode()
    assert "60 mensen gevonden" in html
    assert "Pagina 1 van 2" in html
    assert "?q=van+het+team&amp;team=Groot+team&amp;pagina=2" in html
    html = as_hr.get(PEOPLE, {"q": "van het team", "team": "Groot team", "pagina": "2"}).content.decode()
    assert "Lid 059 van het team" in html
    assert "Lid 000 van het team" not in html


# Changing a team


def test_the_adviser_changes_a_team(as_hr, world):
    kees, zeist = world["kees"], world["zeist"]
    page = as_hr.get(team_url(kees))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Team en rollen van Kees Jansen" in html
    assert 'value="Projectbureau"' in html
    assert "Stadsontwikkeling" not in html  # his Utrecht team is not Zeist's business

    response = as_hr.post(team_url(kees), {"organisatie": zeist.pk, "team": "  Programma  bureau "}, follow=True)
    assert response.redirect_chain == [(team_url(kees), 302)]
    assert "Kees Jansen zit nu in team &#x27;Programma bureau&#x27; van Gemeente Zeist." in response.content.decode()
    # Both his Zeist memberships, not his Utrecht one.
    assert teams(kees, zeist) == ["Programma bureau", "Programma bureau"]
    assert teams(kees, world["utrecht"]) == ["Stadsontwikkeling"]
    html = response.content.decode()
    assert "Team van &#x27;Projectbureau&#x27; naar &#x27;Programma bureau&#x27;" in html
    assert "Hanna Bakker" in html


def test_an_empty_team_means_no_team(as_hr, world):
    response = as_hr.post(team_url(world["anna"]), {"organisatie": world["zeist"].pk, "team": ""})
    assert response.status_code == 302
    assert teams(world["anna"], world["zeist"]) == [""]


@pytest.mark.parametrize(
    ("team", "error"),
    [
        ("x" * 100_000, "Een teamnaam is hoogstens 120 tekens lang."),
        ("x" * 121, "Een teamnaam is hoogstens 120 tekens lang."),
        ("Team\x07", "Een teamnaam kan geen onzichtbare tekens bevatten."),
    ],
)
def test_a_bad_team_is_a_dutch_error_and_keeps_what_was_typed(as_hr, world, team, error):
    anna = world["anna"]
    response = as_hr.post(team_url(anna), {"organisatie": world["zeist"].pk, "team": team})
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert f'value="{team[:200]}' in html
    assert f'id="org{world["zeist"].pk}-team_error"' in html
    assert teams(anna, world["zeist"]) == ["Programmabureau"]


def test_nul_bytes_are_dropped_before_the_form_sees_them(as_hr, world):
    response = as_hr.post(team_url(world["anna"]), {"organisatie": world["zeist"].pk, "team": "Pro\x00jectbureau"})
    assert response.status_code == 302
    assert teams(world["anna"], world["zeist"]) == ["Projectbureau"]


@pytest.mark.parametrize("organisation", ["", "abc", "9" * 30, "-1", "1.5", None])
def test_a_wrong_organisation_is_a_dutch_error(as_hr, world, organisation):
    data = {"team": "Nieuw team"}
    if organisation is not None:
        data["organisatie"] = organisation
    response = as_hr.post(team_url(world["anna"]), data)
    assert response.status_code == 400
    assert "Kies de organisatie op deze pagina opnieuw" in response.content.decode()
    assert teams(world["anna"], world["zeist"]) == ["Programmabureau"]


def test_the_organisation_of_another_adviser_cannot_be_named_in_the_form(as_hr, world):
    kees, utrecht = world["kees"], world["utrecht"]
    response = as_hr.post(team_url(kees), {"organisatie": utrecht.pk, "team": "Overgenomen"})
    assert response.status_code == 400
    assert teams(kees, utrecht) == ["Stadsontwikkeling"]
    response = as_hr.post(remove_url(kees), {"organisatie": utrecht.pk})
    assert response.status_code == 400
    assert Membership.objects.filter(user=kees, organisation=utrecht).exists()


# Removing a person


def test_the_adviser_removes_a_person_from_the_organisation_only(as_hr, world, home_page):
    kees, zeist, utrecht = world["kees"], world["zeist"], world["utrecht"]
    enrolment = EnrolmentFactory(user=kees)
    page = as_hr.get(remove_url(kees))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kees Jansen uit de organisatie verwijderen" in html
    assert "Verwijder Kees Jansen uit Gemeente Zeist" in html
    assert "Het account blijft bestaan" in html
    assert "Gemeente Utrecht" not in html

    response = as_hr.post(remove_url(kees), {"organisatie": zeist.pk}, follow=True)
    assert response.redirect_chain == [(PEOPLE, 302)]
    html = response.content.decode()
    assert "Kees Jansen is uit Gemeente Zeist verwijderd." in html
    assert "kees@voorbeeld.example.org" not in html
    # Only the Zeist memberships went; the account, the Utrecht membership and the learning stay.
    assert not Membership.objects.filter(user=kees, organisation=zeist).exists()
    assert Membership.objects.filter(user=kees, organisation=utrecht).count() == 1
    assert User.objects.filter(pk=kees.pk, is_active=True).exists()
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()
    # And he is no longer Zeist's to see.
    assert as_hr.get(team_url(kees)).status_code == 404
    assert as_hr.get(remove_url(kees)).status_code == 404


def test_the_removal_page_removes_nothing_on_get(as_hr, world):
    as_hr.get(remove_url(world["anna"]), {"organisatie": world["zeist"].pk})
    assert Membership.objects.filter(user=world["anna"]).exists()


def test_an_adviser_cannot_remove_herself(as_hr, world):
    hr = world["hr"]
    assert remove_url(hr) not in as_hr.get(PEOPLE).content.decode()
    page = as_hr.get(remove_url(hr)).content.decode()
    assert "Je kunt jezelf niet uit de organisatie verwijderen." in page
    assert 'name="organisatie"' not in page
    response = as_hr.post(remove_url(hr), {"organisatie": world["zeist"].pk})
    assert response.status_code == 400
    assert "Je kunt jezelf niet uit de organisatie verwijderen." in response.content.decode()
    assert Membership.objects.filter(user=hr, organisation=world["zeist"], role=Membership.Role.HR).exists()


def test_an_adviser_removes_another_adviser_and_then_stays_the_last(client, world):
    zeist = world["zeist"]
    second = HRAdviserFactory(organisation=zeist, user__full_name="Tweede Adviseur").user
    client.force_login(world["hr"])
    assert client.post(remove_url(second), {"organisatie": zeist.pk}).status_code == 302
    assert not Membership.objects.filter(user=second, organisation=zeist).exists()
    # The second adviser, signed in elsewhere, can no longer remove the first.
    client.force_login(second)
    assert client.post(remove_url(world["hr"]), {"organisatie": zeist.pk}).status_code == 403
    assert Membership.objects.filter(user=world["hr"], organisation=zeist, role=Membership.Role.HR).exists()


def test_two_advisers_removing_each_other_leave_one(world):
    zeist = world["zeist"]
    second = HRAdviserFactory(organisation=zeist).user
    services.remove_from_organisation(adviser=world["hr"], person=second, organisation=zeist)
    with pytest.raises(PermissionDenied):
        services.remove_from_organisation(adviser=second, person=world["hr"], organisation=zeist)
    assert Membership.objects.filter(organisation=zeist, role=Membership.Role.HR).count() == 1


def test_the_last_adviser_of_an_organisation_stays(world):
    """The rule behind the others: an organisation keeps an active HR adviser. An adviser
    whose own account was switched off meanwhile counts no longer."""
    zeist, hr = world["zeist"], world["hr"]
    second = HRAdviserFactory(organisation=zeist, user__full_name="Tweede Adviseur").user
    User.objects.filter(pk=hr.pk).update(is_active=False)
    hr.refresh_from_db()
    refusal = selectors.removal_refusal(adviser=hr, person=second, organisation=zeist)
    assert refusal == (
        "Tweede Adviseur is de enige HR-adviseur van Gemeente Zeist. Een organisatie houdt altijd een HR-adviseur."
    )
    with pytest.raises(PermissionDenied):
        services.remove_from_organisation(adviser=hr, person=second, organisation=zeist)


def test_an_adviser_of_two_organisations_chooses_which_one(client, world):
    zeist, utrecht, kees = world["zeist"], world["utrecht"], world["kees"]
    both = HRAdviserFactory(organisation=zeist, user__full_name="Adviseur Beide").user
    HRAdviserFactory(user=both, organisation=utrecht)
    client.force_login(both)
    html = client.get(PEOPLE).content.decode()
    assert "Gemeente Utrecht: Stadsontwikkeling" in html
    assert "Gemeente Zeist: Projectbureau" in html
    html = client.get(remove_url(kees)).content.decode()
    assert "Verwijder Kees Jansen uit Gemeente Utrecht" in html
    assert "Verwijder Kees Jansen uit Gemeente Zeist" in html
    assert client.post(remove_url(kees), {"organisatie": utrecht.pk}).status_code == 302
    assert set(Membership.objects.filter(user=kees).values_list("organisation", flat=True)) == {zeist.pk}
    html = client.get(team_url(kees)).content.decode()
    assert "Team opslaan</button>" in html
    assert "Team opslaan voor" not in html


# Refusals


def test_an_adviser_of_another_organisation_gets_404_for_everything(client, world):
    anna, zeist = world["anna"], world["zeist"]
    client.force_login(world["hr_utrecht"])
    html = client.get(PEOPLE).content.decode()
    assert "Bram Smit" in html
    assert "Anna de Vries" not in html
    assert "Kees Jansen" in html  # he works for Utrecht as well
    assert "Projectbureau" not in html  # but his Zeist team is not shown
    assert client.get(PEOPLE, {"q": "anna"}).content.decode().count("anna@zeist") == 0
    assert client.get(team_url(anna)).status_code == 404
    assert client.get(remove_url(anna)).status_code == 404
    assert client.post(team_url(anna), {"organisatie": zeist.pk, "team": "Overgenomen"}).status_code == 404
    assert client.post(remove_url(anna), {"organisatie": zeist.pk}).status_code == 404
    assert teams(anna, zeist) == ["Programmabureau"]
    # A person in both organisations: only the Utrecht side is Utrecht's to change.
    kees = world["kees"]
    assert client.post(team_url(kees), {"organisatie": zeist.pk, "team": "Overgenomen"}).status_code == 400
    assert client.post(remove_url(kees), {"organisatie": zeist.pk}).status_code == 400
    assert teams(kees, zeist) == ["Projectbureau", "Projectbureau"]


def test_a_learner_is_refused(client, world):
    anna, zeist = world["anna"], world["zeist"]
    client.force_login(anna)
    assert client.get(PEOPLE).status_code == 403
    assert client.get(team_url(anna)).status_code == 403
    assert client.post(team_url(anna), {"organisatie": zeist.pk, "team": "Zelf gekozen"}).status_code == 403
    assert client.post(remove_url(world["kees"]), {"organisatie": zeist.pk}).status_code == 403
    assert teams(anna, zeist) == ["Programmabureau"]
    assert Membership.objects.filter(user=world["kees"], organisation=zeist).count() == 2


def test_someone_signed_out_is_sent_to_the_login(client, world):
    anna, zeist = world["anna"], world["zeist"]
    for url in [PEOPLE, team_url(anna), remove_url(anna)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert client.post(team_url(anna), {"organisatie": zeist.pk, "team": "Anoniem"}).status_code == 302
    assert client.post(remove_url(anna), {"organisatie": zeist.pk}).status_code == 302
    assert teams(anna, zeist) == ["Programmabureau"]


def test_a_switched_off_account_is_not_found(as_hr, world):
    User.objects.filter(pk=world["anna"].pk).update(is_active=False)
    assert "Anna de Vries" not in as_hr.get(PEOPLE).content.decode()
    assert as_hr.get(team_url(world["anna"])).status_code == 404
    assert as_hr.get(remove_url(world["anna"])).status_code == 404


def test_other_methods_are_refused(as_hr, world):
    assert as_hr.post(PEOPLE).status_code == 405
    assert as_hr.delete(remove_url(world["anna"])).status_code == 405


# History


def test_the_history_shows_changes_of_the_own_organisation_with_who_made_them(client, world):
    kees, zeist, utrecht = world["kees"], world["zeist"], world["utrecht"]
    other = Client()
    other.force_login(world["hr_utrecht"])
    other.post(team_url(kees), {"organisatie": utrecht.pk, "team": "Geheim Utrechts team"})
    client.force_login(world["hr"])
    client.post(team_url(kees), {"organisatie": zeist.pk, "team": "PMO"})
    with set_actor(world["hr"]):
        services.add_membership(user=kees, organisation=zeist, role=Membership.Role.HR, team="PMO")
    services.add_membership(user=kees, organisation=utrecht, role=Membership.Role.HR)

    html = client.get(team_url(kees)).content.decode()
    assert "Team van &#x27;Projectbureau&#x27; naar &#x27;PMO&#x27; (deelnemer)." in html
    assert "Team van &#x27;Projectbureau&#x27; naar &#x27;PMO&#x27; (leerkringorganisator)." in html
    assert "Toegevoegd als HR-adviseur, team &#x27;PMO&#x27;." in html
    assert "Toegevoegd als deelnemer, team &#x27;Projectbureau&#x27;." in html
    assert "Hanna Bakker" in html
    assert "Spil (automatisch)" in html  # the factories wrote outside a request
    # Nothing of Utrecht.
    assert "Geheim Utrechts team" not in html
    assert "Hamid El Amrani" not in html
    assert "Stadsontwikkeling" not in html
    history = selectors.membership_history(adviser=world["hr"], person=kees)
    assert {entry.organisation for entry in history} == {"Gemeente Zeist"}
    assert history[0].description == "Toegevoegd als HR-adviseur, team 'PMO'."


def test_the_history_keeps_a_removal(as_hr, world):
    kees, zeist = world["kees"], world["zeist"]
    as_hr.post(remove_url(kees), {"organisatie": zeist.pk})
    history = selectors.membership_history(adviser=world["hr"], person=kees)
    assert {entry.description for entry in history[:2]} == {
        "Verwijderd als deelnemer.",
        "Verwijderd als leerkringorganisator.",
    }
    assert {entry.actor for entry in history[:2]} == {"Hanna Bakker"}
    assert {entry.organisation for entry in history} == {"Gemeente Zeist"}


@pytest.mark.parametrize("user_id", ["0", "9" * 30, str(2**63)])
def test_an_id_that_cannot_exist_is_not_found(as_hr, world, user_id):
    assert as_hr.get(f"/hr/mensen/{user_id}/team/").status_code == 404
    assert as_hr.post(f"/hr/mensen/{user_id}/verwijderen/", {"organisatie": world["zeist"].pk}).status_code == 404
