"""The audit log: every change to a membership and to a person's account status, name or
email address is recorded with who made it, from the HR pages, the Wagtail admin or
anywhere else; passwords, tokens and login times never are. The platform admin reads the
log in the Wagtail admin, read-only, in Dutch, filtered by kind, action, who and date."""

import re

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from people import audit, services
from people.models import Membership, User
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/audit_log/"
# Common English words of auditlog's own labels and of admin listings: none may show.
ENGLISH = {
    "log",
    "entry",
    "entries",
    "actor",
    "action",
    "create",
    "created",
    "update",
    "updated",
    "delete",
    "deleted",
    "changes",
    "timestamp",
    "content",
    "type",
    "object",
    "membership",
    "user",
    "none",
    "true",
    "false",
}


def entries_for(instance) -> list[LogEntry]:
    return list(LogEntry.objects.get_for_object(instance).order_by("timestamp", "pk"))


@pytest.fixture
def platform_admin(db):
    admin = User.objects.create_superuser(
        email="beheer@example.org", password="x" * 12, full_name="Beheerder Spil", preferred_language="nl"
    )
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "nl"
    profile.save()
    return admin


@pytest.fixture
def zeist():
    return OrganisationFactory(name="Gemeente Zeist", slug="zeist")


# What is recorded


def test_a_membership_change_anywhere_is_logged_with_its_actor(zeist, platform_admin):
    membership = LearnerFactory(organisation=zeist, team="Programmabureau")
    (created,) = entries_for(membership)
    assert created.action == LogEntry.Action.CREATE
    assert created.actor is None  # no request, nobody signed in
    assert created.changes["team"] == ["None", "Programmabureau"]
    assert created.changes["organisation"] == ["None", "Gemeente Zeist"]
    assert set(created.changes) == set(audit.MEMBERSHIP_FIELDS)
    assert created.serialized_data["fields"]["organisation"] == zeist.pk
    assert created.serialized_data["fields"]["user"] == membership.user.pk

    with set_actor(platform_admin):
        membership.role = Membership.Role.ORGANISER
        membership.save()
    changed = entries_for(membership)[-1]
    assert (changed.action, changed.changes, changed.actor) == (
        LogEntry.Action.UPDATE,
        {"role": ["learner", "organiser"]},
        platform_admin,
    )
    assert changed.actor_email == "beheer@example.org"

    pk = membership.pk
    membership.delete()
    deleted = LogEntry.objects.filter(content_type__model="membership", object_id=pk).latest("timestamp")
    assert deleted.action == LogEntry.Action.DELETE
    assert deleted.serialized_data["fields"]["role"] == "organiser"


def test_a_team_change_on_the_hr_page_names_the_adviser(client, zeist):
    hr = HRAdviserFactory(organisation=zeist).user
    membership = LearnerFactory(organisation=zeist, team="Oud")
    client.force_login(hr)
    client.post(
        reverse("people:hr_person_team", args=[membership.user.pk]),
        {"organisatie": zeist.pk, "team": "Nieuw"},
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    entry = entries_for(membership)[-1]
    assert (entry.changes, entry.actor) == ({"team": ["Oud", "Nieuw"]}, hr)
    # No client address: the one in X-Forwarded-For is whatever the client wrote.
    assert entry.remote_addr is None


def test_a_change_in_the_wagtail_admin_names_the_platform_admin(client, zeist, platform_admin):
    membership = LearnerFactory(organisation=zeist, team="Oud")
    client.force_login(platform_admin)
    response = client.post(
        f"/admin/memberships/edit/{membership.pk}/",
        {"user": membership.user.pk, "organisation": zeist.pk, "role": Membership.Role.HR, "team": "Oud"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = entries_for(membership)[-1]
    assert (entry.changes, entry.actor) == ({"role": ["learner", "hr"]}, platform_admin)

    response = client.post(
        reverse("wagtailusers_users:edit", args=[membership.user.pk]),
        {"email": membership.user.email, "full_name": "Nieuwe Naam", "preferred_language": "nl"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = entries_for(membership.user)[-1]
    assert entry.actor == platform_admin
    assert entry.changes["full_name"][1] == "Nieuwe Naam"
    assert entry.changes["is_active"] == ["True", "False"]  # an unticked box switches the account off


def test_an_account_logs_status_name_and_email_never_secrets(client):
    person = UserFactory(full_name="Anna de Vries", email="anna@example.org")
    (created,) = entries_for(person)
    assert created.changes == {
        "email": ["None", "anna@example.org"],
        "full_name": ["None", "Anna de Vries"],
        "is_active": ["None", "True"],
    }
    person.set_password("een-ander-wachtwoord-2026")
    person.save()
    person.last_login = timezone.now()
    person.save(update_fields=["last_login"])
    person.preferred_language = "en"
    person.is_staff = True
    person.save()
    assert len(entries_for(person)) == 1
    client.force_login(person)  # a login writes last_login
    person.is_active = False
    person.email = "anna.devries@example.org"
    person.save()
    entries = entries_for(person)
    assert len(entries) == 2
    assert entries[-1].changes == {
        "is_active": ["True", "False"],
        "email": ["anna@example.org", "anna.devries@example.org"],
    }
    for entry in LogEntry.objects.all():
        text = str(entry.changes) + str(entry.serialized_data)
        assert "password" not in text
        assert "last_login" not in text
        assert "md5$" not in text


def test_removing_an_account_logs_its_memberships(zeist):
    membership = LearnerFactory(organisation=zeist)
    person, pk, person_pk = membership.user, membership.pk, membership.user.pk
    person.delete()
    deleted = LogEntry.objects.filter(content_type__model="membership", object_id=pk, action=LogEntry.Action.DELETE)
    assert deleted.get().serialized_data["fields"]["user"] == person_pk
    actions = LogEntry.objects.filter(content_type__model="user", object_id=person_pk).values_list("action", flat=True)
    assert sorted(actions) == [LogEntry.Action.CREATE, LogEntry.Action.DELETE]


def test_a_removal_by_an_adviser_is_logged_per_membership(client, zeist):
    hr = HRAdviserFactory(organisation=zeist).user
    learner = LearnerFactory(organisation=zeist)
    organiser = services.add_membership(user=learner.user, organisation=zeist, role=Membership.Role.ORGANISER)
    client.force_login(hr)
    client.post(reverse("people:hr_person_remove", args=[learner.user.pk]), {"organisatie": zeist.pk})
    ct = ContentType.objects.get_for_model(Membership)
    removed = LogEntry.objects.filter(content_type=ct, action=LogEntry.Action.DELETE)
    assert set(removed.values_list("object_id", flat=True)) == {learner.pk, organiser.pk}
    assert {entry.actor for entry in removed} == {hr}


# The log in the Wagtail admin


@pytest.fixture
def logged(zeist, platform_admin):
    hr = HRAdviserFactory(organisation=zeist, user__full_name="Hanna Bakker").user
    with set_actor(hr):
        membership = LearnerFactory(organisation=zeist, team="Programmabureau", user__full_name="Anna de Vries")
        membership.team = "Projectbureau"
        membership.save()
    with set_actor(platform_admin):
        person = UserFactory(full_name="Bram Smit")
        person.is_active = False
        person.save()
    return {"hr": hr, "membership": membership, "person": person}


def admin_texts(html: str) -> list[str]:
    """What our viewset puts on the screen: the title, the table and the filters."""
    soup = BeautifulSoup(html, "html.parser")
    texts = [element.get_text(" ", strip=True) for element in soup.select("main h1, main h2, main table th")]
    texts += [element.get_text(" ", strip=True) for element in soup.select("main table td")]
    texts += [element.get_text(" ", strip=True) for element in soup.select("[data-w-filters-target] label, legend")]
    return [text for text in texts if text]


def test_the_platform_admin_reads_the_log_in_dutch(client, platform_admin, logged):
    client.force_login(platform_admin)
    response = client.get(ADMIN)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Wijzigingen in gegevens",
        "Wanneer",
        "Actie",
        "Soort",
        "Wie of wat",
        "Wijzigingen",
        "Door",
        "Team of afdeling: Programmabureau → Projectbureau",
        "Actief: Ja → Nee",
        "Rol: Deelnemer",
        "Hanna Bakker (",
        "Beheerder Spil (beheer@example.org)",
        "Lidmaatschap",
        "Gebruiker",
        "Toegevoegd",
        "Gewijzigd",
    ]:
        assert text in html, text
    english = sorted(
        {text for text in admin_texts(html) if {word.lower() for word in re.findall(r"[A-Za-z]+", text)} & ENGLISH}
    )
    assert not english, english


def test_the_log_filters_by_kind_action_actor_and_date(client, platform_admin, logged):
    client.force_login(platform_admin)
    membership_type = ContentType.objects.get_for_model(Membership)
    html = client.get(ADMIN, {"content_type": membership_type.pk}).content.decode()
    assert "Programmabureau → Projectbureau" in html
    assert "Actief: Ja → Nee" not in html
    html = client.get(ADMIN, {"actor": platform_admin.pk}).content.decode()
    assert "Actief: Ja → Nee" in html
    assert "Programmabureau → Projectbureau" not in html
    html = client.get(ADMIN, {"action": LogEntry.Action.UPDATE, "content_type": membership_type.pk}).content.decode()
    assert "Programmabureau → Projectbureau" in html
    assert "Team of afdeling: Programmabureau</td>" not in html
    today = timezone.localdate().isoformat()
    html = client.get(ADMIN, {"timestamp_from": today, "timestamp_to": today}).content.decode()
    assert "Programmabureau → Projectbureau" in html
    html = client.get(ADMIN, {"timestamp_from": "2001-01-01", "timestamp_to": "2001-01-02"}).content.decode()
    assert "Programmabureau → Projectbureau" not in html
    html = client.get(ADMIN, {"q": "Bram"}).content.decode()
    assert "Actief: Ja → Nee" in html
    assert "Programmabureau → Projectbureau" not in html
    for junk in [{"actor": "abc"}, {"timestamp_from": "gisteren"}, {"content_type": "9" * 30}, {"action": "x"}]:
        assert client.get(ADMIN, junk).status_code == 200


def test_the_listing_costs_the_same_with_more_entries(client, platform_admin, logged, django_assert_max_num_queries):
    client.force_login(platform_admin)
    with django_assert_max_num_queries(40) as few:
        client.get(ADMIN)
    for n in range(30):
        LearnerFactory(team=f"Team {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(ADMIN)


@pytest.mark.parametrize("view", ["add/", "edit/{pk}/", "delete/{pk}/", "copy/{pk}/"])
def test_nobody_adds_edits_or_deletes_an_entry(client, platform_admin, logged, view):
    entry = LogEntry.objects.first()
    url = ADMIN + view.format(pk=entry.pk)
    client.force_login(platform_admin)
    assert url not in client.get(ADMIN).content.decode()
    for response in [client.get(url), client.post(url, {"object_repr": "weg"})]:
        assert response.status_code in (302, 403, 404), url
    assert LogEntry.objects.filter(pk=entry.pk, object_repr=entry.object_repr).exists()


def test_only_the_platform_admin_reads_the_log(client, logged):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(ADMIN)
    assert (response.status_code, response["Location"]) == (302, "/admin/"), "Wagtail's 'no permission' redirect"
    assert ADMIN not in client.get("/admin/").content.decode()
    client.force_login(logged["hr"])
    assert client.get(ADMIN, follow=True).status_code == 403
    client.logout()
    assert client.get(ADMIN).status_code == 302
