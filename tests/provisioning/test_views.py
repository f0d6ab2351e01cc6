"""The SCIM endpoint over HTTP, as an identity provider such as Microsoft Entra ID uses it."""

import logging

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session

from curriculum.models import Enrolment
from people.models import Membership, User
from provisioning.models import ProvisionedAccount
from tests.curriculum.factories import EnrolmentFactory
from tests.people.factories import PASSWORD, LearnerFactory, MembershipFactory, UserFactory

from .conftest import ENTERPRISE, USER_SCHEMA
from .factories import ProvisionedAccountFactory, ScimTokenFactory

pytestmark = pytest.mark.django_db

ANNA = {
    "displayName": "Anna de Vries",
    "name": {"givenName": "Anna", "familyName": "de Vries", "formatted": "Anna de Vries"},
    "emails": [{"value": "anna@zeist.nl", "type": "work", "primary": True}],
    "active": True,
    "externalId": "anna.devries",
    ENTERPRISE: {"department": "Programmabureau", "employeeNumber": "701"},
}


def signed_in_user(client):
    """Who the client's next request is signed in as (None: anonymous)."""
    user = client.get("/accounts/login/").wsgi_request.user
    return user if user.is_authenticated else None


# -- Create ---------------------------------------------------------------------------------


def test_create_makes_the_account_and_the_learner_membership(scim, zeist):
    created = scim.create("Anna@Zeist.nl", **ANNA)

    user = User.objects.get()
    assert (user.email, user.full_name, user.is_active) == ("anna@zeist.nl", "Anna de Vries", True)
    assert not user.has_usable_password()
    assert EmailAddress.objects.filter(user=user, email="anna@zeist.nl", verified=True, primary=True).exists()
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.role, membership.team) == (zeist, "learner", "Programmabureau")
    assert created["userName"] == "anna@zeist.nl"
    assert created["displayName"] == created["name"]["formatted"] == "Anna de Vries"
    assert created["active"] is True
    assert created["externalId"] == "anna.devries"
    assert created[ENTERPRISE] == {"department": "Programmabureau"}  # what Spil keeps, nothing more
    assert created["meta"]["location"] == f"http://testserver/scim/v2/zeist/Users/{created['id']}"
    assert scim.get(f"/Users/{created['id']}").json() == created


def test_create_links_an_account_of_no_organisation_instead_of_duplicating_it(scim, zeist):
    user = UserFactory(email="anna@zeist.nl", full_name="A. de Vries")

    created = scim.create("anna@zeist.nl", **ANNA)

    assert User.objects.count() == 1
    user.refresh_from_db()
    assert user.full_name == "Anna de Vries"  # the organisation governs the account now
    assert user.has_usable_password()  # a password the person had stays theirs
    assert Membership.objects.get(user=user).organisation == zeist
    assert ProvisionedAccount.objects.get(user=user).scim_id.hex == created["id"].replace("-", "")


def test_create_links_a_member_of_this_organisation(scim, zeist):
    hr_adviser = MembershipFactory(organisation=zeist, role=Membership.Role.HR, user__email="hr@zeist.nl").user

    scim.create("hr@zeist.nl", displayName="Hanna Roos")

    assert User.objects.count() == 1
    assert set(Membership.objects.filter(user=hr_adviser).values_list("role", flat=True)) == {"hr", "learner"}


def test_create_refuses_an_account_of_another_organisation_only(scim, utrecht):
    bram = LearnerFactory(organisation=utrecht, user__email="bram@utrecht.nl", user__full_name="Bram").user

    response = scim.post("/Users", {"schemas": [USER_SCHEMA], "userName": "BRAM@utrecht.nl", "displayName": "X"})

    assert response.status_code == 409
    assert response.json()["scimType"] == "uniqueness"
    bram.refresh_from_db()
    assert bram.full_name == "Bram"
    assert not Membership.objects.filter(user=bram).exclude(organisation=utrecht).exists()
    assert not ProvisionedAccount.objects.exists()


def test_creating_a_provisioned_person_twice_is_a_conflict(scim):
    scim.create("anna@zeist.nl", **ANNA)

    response = scim.post("/Users", {"schemas": [USER_SCHEMA], "userName": "anna@zeist.nl"})

    assert response.status_code == 409
    assert User.objects.count() == ProvisionedAccount.objects.count() == 1


# -- Read: filter, pages, the organisation boundary --------------------------------------------


def test_filter_on_username_finds_the_person_entra_looks_for(scim):
    anna = scim.create("anna@zeist.nl", **ANNA)
    scim.create("bert@zeist.nl", displayName="Bert")

    found = scim.get('/Users?filter=userName eq "ANNA@zeist.nl"').json()

    assert found["totalResults"] == 1
    assert found["Resources"][0]["id"] == anna["id"]
    assert scim.get('/Users?filter=userName eq "nobody@zeist.nl"').json()["totalResults"] == 0


@pytest.mark.parametrize(
    ("scim_filter", "expected"),
    [
        ('externalId eq "anna.devries"', ["anna@zeist.nl"]),
        ('displayName co "vries"', ["anna@zeist.nl"]),
        ('userName sw "b" or userName ew "zeist.nl"', ["anna@zeist.nl", "bert@zeist.nl"]),
        (f'{ENTERPRISE}:department eq "programmabureau"', ["anna@zeist.nl"]),
        ("active eq false", ["bert@zeist.nl"]),
        ("not (active eq false) and name.formatted pr", ["anna@zeist.nl"]),
        ('displayName gt "b"', ["bert@zeist.nl"]),
        ('meta.created gt "2000-01-01T00:00:00Z"', ["anna@zeist.nl", "bert@zeist.nl"]),
    ],
)
def test_filters_run_in_the_database(scim, scim_filter, expected):
    scim.create("anna@zeist.nl", **ANNA)
    scim.create("bert@zeist.nl", displayName="Bert", active=False)

    response = scim.get(f"/Users?filter={scim_filter}")

    assert response.status_code == 200, response.content
    assert [person["userName"] for person in response.json()["Resources"]] == expected


def test_pages_with_start_index_and_count_in_constant_queries(scim, zeist, django_assert_max_num_queries):
    ProvisionedAccountFactory.create_batch(7, organisation=zeist, membership__team="Team")

    # The token, when it was last used, a savepoint, the count, the page, the savepoint's end.
    with django_assert_max_num_queries(6):
        first = scim.get("/Users?startIndex=1&count=3").json()
    ProvisionedAccountFactory.create_batch(20, organisation=zeist)
    with django_assert_max_num_queries(6):
        last = scim.get("/Users?startIndex=7&count=3").json()

    assert (first["totalResults"], first["itemsPerPage"], first["startIndex"]) == (7, 3, 1)
    assert (last["totalResults"], last["itemsPerPage"], last["startIndex"]) == (27, 3, 7)
    assert all(person[ENTERPRISE] == {"department": "Team"} for person in first["Resources"])
    everyone = [person["id"] for person in scim.get("/Users").json()["Resources"]]
    assert len(everyone) == 27
    assert everyone[:3] == [person["id"] for person in first["Resources"]]
    assert everyone[6:9] == [person["id"] for person in last["Resources"]]
    assert scim.get("/Users?startIndex=27&count=3").json()["itemsPerPage"] == 1


def test_an_organisation_sees_and_changes_only_its_own_people(scim, scim_utrecht, utrecht):
    bram = scim_utrecht.create("bram@utrecht.nl", displayName="Bram")
    scim.create("anna@zeist.nl", **ANNA)
    unlinked = LearnerFactory(organisation=utrecht).user

    listed = scim.get("/Users").json()
    assert [person["userName"] for person in listed["Resources"]] == ["anna@zeist.nl"]
    assert scim.get(f'/Users?filter=userName eq "{unlinked.email}"').json()["totalResults"] == 0
    assert scim.get(f"/Users/{bram['id']}").status_code == 404
    assert scim.patch(f"/Users/{bram['id']}", {"op": "replace", "path": "active", "value": False}).status_code == 404
    assert scim.put(f"/Users/{bram['id']}", {"schemas": [USER_SCHEMA], "userName": "x@y.nl"}).status_code == 404
    assert scim.delete(f"/Users/{bram['id']}").status_code == 404
    assert User.objects.get(email="bram@utrecht.nl").is_active


def test_a_person_whose_membership_was_taken_away_leaves_the_endpoint(scim):
    anna = scim.create("anna@zeist.nl", **ANNA)
    Membership.objects.filter(user__email="anna@zeist.nl").delete()

    assert scim.get(f"/Users/{anna['id']}").status_code == 404
    assert scim.get("/Users").json()["totalResults"] == 0


# -- Tokens -------------------------------------------------------------------------------------


def test_a_token_of_one_organisation_is_refused_for_another(scim, scim_utrecht, zeist):
    scim.create("anna@zeist.nl", **ANNA)

    for path in ("/Users", "/Schemas", "/ResourceTypes"):
        response = scim.get(path, secret=scim_utrecht.secret)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == 'Bearer realm="SCIM"'
        assert response.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    refused = scim.post("/Users", {"schemas": [USER_SCHEMA], "userName": "x@zeist.nl"}, secret=scim_utrecht.secret)
    assert refused.status_code == 401
    assert not User.objects.filter(email="x@zeist.nl").exists()
    assert scim.get("/Users").status_code == 200


@pytest.mark.parametrize(
    "authorization",
    ["", "Bearer", "Bearer nonsense", "Basic c2NpbTpzZWNyZXQ=", "bearer scim_revoked-secret-0123456789abcdefghij"],
)
def test_no_valid_token_no_access(client, scim, zeist, authorization):
    ScimTokenFactory(
        organisation=zeist, secret="scim_revoked-secret-0123456789abcdefghij", revoked_at="2026-01-01T00:00Z"
    )

    response = client.get("/scim/v2/zeist/Users", headers={"authorization": authorization})

    assert response.status_code == 401
    assert response.json()["status"] == "401"


def test_service_provider_config_needs_no_token_and_says_what_is_unsupported(client, zeist):
    config = client.get("/scim/v2/zeist/ServiceProviderConfig").json()

    assert config["patch"]["supported"] is True
    assert config["filter"] == {"supported": True, "maxResults": 200}
    assert config["bulk"]["supported"] is False
    assert config["sort"]["supported"] is False
    assert config["changePassword"]["supported"] is False
    assert config["authenticationSchemes"][0]["type"] == "oauthbearertoken"


def test_schemas_publish_only_what_spil_keeps(scim):
    schemas = {schema["id"]: schema for schema in scim.get("/Schemas").json()["Resources"]}

    assert {attribute["name"] for attribute in schemas[USER_SCHEMA]["attributes"]} == {
        "userName",
        "name",
        "displayName",
        "active",
    }
    assert [attribute["name"] for attribute in schemas[ENTERPRISE]["attributes"]] == ["department"]
    resource_types = scim.get("/ResourceTypes").json()["Resources"]
    assert [(rt["name"], rt["endpoint"]) for rt in resource_types] == [("User", "/Users")]
    assert scim.post("/Bulk", {}).status_code == 501
    assert scim.get("/Users?sortBy=userName").status_code == 501


def test_the_endpoint_signs_nobody_in(scim):
    response = scim.post("/Users", {"schemas": [USER_SCHEMA], "userName": "anna@zeist.nl", "displayName": "Anna"})

    assert response.status_code == 201
    assert not response.wsgi_request.user.is_authenticated
    assert "sessionid" not in response.cookies
    assert not Session.objects.exists()
    assert response["Cache-Control"] == "no-store"


# -- Update: PUT and PATCH, as Entra sends them --------------------------------------------------


def test_put_replaces_name_email_team_and_external_id(scim):
    anna = scim.create("anna@zeist.nl", **ANNA)

    response = scim.put(
        f"/Users/{anna['id']}",
        {
            "schemas": [USER_SCHEMA, ENTERPRISE],
            "userName": "anna.jansen@zeist.nl",
            "displayName": "Anna Jansen",
            "active": True,
            "externalId": "anna.jansen",
            ENTERPRISE: {"department": "PMO"},
        },
    )

    assert response.status_code == 200, response.content
    user = User.objects.get()
    assert (user.email, user.full_name) == ("anna.jansen@zeist.nl", "Anna Jansen")
    assert list(EmailAddress.objects.filter(user=user).values_list("email", "primary")) == [
        ("anna.jansen@zeist.nl", True)
    ]
    assert Membership.objects.get(user=user).team == "PMO"
    assert response.json()["externalId"] == "anna.jansen"


def test_patch_in_the_forms_entra_sends(scim):
    anna = scim.create("anna@zeist.nl", **ANNA)

    response = scim.patch(
        f"/Users/{anna['id']}",
        {"op": "Replace", "path": "displayName", "value": "Anna Jansen"},
        {"op": "replace", "path": 'emails[type eq "work"].value', "value": "anna.jansen@zeist.nl"},
        {"op": "replace", "path": "name.givenName", "value": "Anna"},
        {"op": "Add", "path": f"{ENTERPRISE}:department", "value": "PMO"},
        {"op": "replace", "value": {"externalId": "a.jansen"}},
    )

    assert response.status_code in (200, 204), response.content
    person = scim.get(f"/Users/{anna['id']}").json()
    assert person["displayName"] == "Anna Jansen"
    assert person["userName"] == "anna@zeist.nl"  # emails are not Spil's login: userName is
    assert person[ENTERPRISE] == {"department": "PMO"}
    assert person["externalId"] == "a.jansen"


@pytest.mark.parametrize(
    "operation",
    [
        {"op": "Replace", "path": "active", "value": "False"},
        {"op": "replace", "path": "active", "value": False},
        {"op": "replace", "value": {"active": False}},
        {"op": "replace", "value": {"active": "false"}},
    ],
)
def test_patch_active_false_deactivates_in_every_form(scim, operation):
    anna = scim.create("anna@zeist.nl", **ANNA)

    assert scim.patch(f"/Users/{anna['id']}", operation).status_code in (200, 204)

    assert User.objects.get().is_active is False
    assert scim.get(f"/Users/{anna['id']}").json()["active"] is False
    assert scim.get("/Users?filter=active eq false").json()["totalResults"] == 1


def test_a_changed_email_address_of_another_account_is_a_conflict(scim, utrecht):
    LearnerFactory(organisation=utrecht, user__email="bram@utrecht.nl")
    anna = scim.create("anna@zeist.nl", **ANNA)

    response = scim.patch(f"/Users/{anna['id']}", {"op": "replace", "path": "userName", "value": "bram@utrecht.nl"})

    assert response.status_code == 409
    assert User.objects.get(provisioned_accounts__isnull=False).email == "anna@zeist.nl"


# -- Deactivate: signed out at once --------------------------------------------------------------


@pytest.fixture
def anna_signed_in(client, scim, home_page):
    """Anna, provisioned, with a password too, signed in through allauth (which tracks the
    session) on a browser of her own."""
    from django.test import Client

    anna = scim.create("anna@zeist.nl", **ANNA)
    user = User.objects.get(email="anna@zeist.nl")
    user.set_password(PASSWORD)
    user.save()
    browser = Client()
    response = browser.post("/accounts/login/", {"login": "anna@zeist.nl", "password": PASSWORD})
    assert response.status_code == 302
    assert signed_in_user(browser) == user
    assert UserSession.objects.filter(user=user).count() == 1
    return anna, user, browser


def test_deactivating_signs_the_person_out_at_once(scim, anna_signed_in):
    anna, user, browser = anna_signed_in
    session_key = browser.session.session_key

    scim.patch(f"/Users/{anna['id']}", {"op": "Replace", "path": "active", "value": "False"})

    assert not UserSession.objects.filter(user=user).exists()
    assert not Session.objects.filter(session_key=session_key).exists()
    assert signed_in_user(browser) is None
    refused = browser.post("/accounts/login/", {"login": "anna@zeist.nl", "password": PASSWORD})
    assert signed_in_user(browser) is None, refused.content


def test_a_session_allauth_did_not_track_is_refused_by_djangos_authentication(client, scim, home_page):
    anna = scim.create("anna@zeist.nl", **ANNA)
    user = User.objects.get()
    client.force_login(user)  # Django's login: no allauth user session to end
    session_key = client.session.session_key
    assert signed_in_user(client) == user

    scim.patch(f"/Users/{anna['id']}", {"op": "replace", "path": "active", "value": False})

    assert Session.objects.filter(session_key=session_key).exists()
    assert signed_in_user(client) is None


def test_delete_deactivates_and_keeps_the_person_and_their_records(scim, anna_signed_in, zeist):
    anna, user, browser = anna_signed_in
    enrolment = EnrolmentFactory(user=user)

    assert scim.delete(f"/Users/{anna['id']}").status_code == 204

    assert scim.get(f"/Users/{anna['id']}").status_code == 404
    assert scim.delete(f"/Users/{anna['id']}").status_code == 404
    user.refresh_from_db()
    assert user.is_active is False
    assert Membership.objects.filter(user=user, organisation=zeist, team="Programmabureau").exists()
    assert Enrolment.objects.filter(pk=enrolment.pk, user=user).exists()
    assert signed_in_user(browser) is None


def test_provisioned_again_after_delete_the_person_is_back_with_a_new_id(scim):
    anna = scim.create("anna@zeist.nl", **ANNA)
    scim.delete(f"/Users/{anna['id']}")

    again = scim.create("anna@zeist.nl", **ANNA)

    assert again["id"] != anna["id"]
    assert User.objects.get().is_active is True
    assert scim.get("/Users").json()["totalResults"] == 1


def test_reactivating_lets_the_person_sign_in_again(scim):
    anna = scim.create("anna@zeist.nl", **ANNA)
    scim.patch(f"/Users/{anna['id']}", {"op": "replace", "path": "active", "value": False})

    scim.patch(f"/Users/{anna['id']}", {"op": "replace", "path": "active", "value": True})

    assert User.objects.get().is_active is True


# -- Bad input: a SCIM error, never a server error ---------------------------------------------


@pytest.mark.parametrize(
    ("body", "scim_type"),
    [
        (b'{"userName": ', "invalidSyntax"),
        (b"\xff\xfe\x00", "invalidSyntax"),
        (b"[]", None),
        ({"schemas": [USER_SCHEMA], "userName": 42}, "invalidValue"),
        ({"schemas": [USER_SCHEMA], "userName": ["a@b.nl"]}, "invalidValue"),
        ({"schemas": [USER_SCHEMA], "userName": "anna@zeist.nl", "active": "maybe"}, "invalidValue"),
        ({"schemas": [USER_SCHEMA], "userName": "not an address"}, "invalidValue"),
        ({"schemas": [USER_SCHEMA]}, "invalidValue"),
        ({"schemas": [USER_SCHEMA], "userName": "a" * 100_000 + "@zeist.nl"}, "invalidValue"),
        ({"schemas": [USER_SCHEMA], "userName": "anna@zeist.nl", "displayName": "x" * 100_000}, "invalidValue"),
        ({"schemas": [USER_SCHEMA], "userName": "anna@zeist.nl", "externalId": "x" * 100_000}, "invalidValue"),
        (
            {"schemas": [USER_SCHEMA, ENTERPRISE], "userName": "a@zeist.nl", ENTERPRISE: {"department": "x" * 100_000}},
            None,
        ),
        ({"schemas": [USER_SCHEMA], "userName": "anna\x00@zeist.nl"}, "invalidValue"),
        ({"schemas": [USER_SCHEMA], "userName": "anna@zeist.nl", "displayName": "An\x00na"}, "invalidValue"),
        ({"schemas": [USER_SCHEMA], "userName": "anna@zeist.nl", "externalId": "\x00"}, "invalidValue"),
        ({"schemas": [USER_SCHEMA, ENTERPRISE], "userName": "a@zeist.nl", ENTERPRISE: {"department": "\x00"}}, None),
    ],
)
def test_bad_input_to_create_is_a_scim_error(scim, body, scim_type):
    response = scim.post("/Users", body)

    assert response.status_code == 400, response.content
    error = response.json()
    assert error["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert error["status"] == "400"
    assert scim_type is None or error["scimType"] == scim_type
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "operation",
    [
        {"op": "replace", "path": "active", "value": "perhaps"},
        {"op": "replace", "path": "displayName", "value": 12},
        {"op": "replace", "path": "displayName", "value": "x" * 100_000},
        {"op": "replace", "path": "displayName", "value": "\x00"},
        {"op": "replace", "path": "userName", "value": None},
        {"op": "explode", "path": "active", "value": False},
        {"op": "replace", "path": "emails[type eq", "value": "x"},
        {"op": "replace", "path": "userName", "value": "\x00" * 10},
        "not an operation",
    ],
)
def test_bad_patches_are_scim_errors_and_change_nothing(scim, operation):
    anna = scim.create("anna@zeist.nl", **ANNA)

    response = scim.patch(f"/Users/{anna['id']}", operation)

    assert 400 <= response.status_code < 500, response.content
    assert response.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert scim.get(f"/Users/{anna['id']}").json() == anna


@pytest.mark.parametrize(
    "query",
    [
        "filter=userName eq",
        'filter=userName eq "anna\\u0000@zeist.nl"',
        "filter=userName eq %00",
        'filter=nickName eq "x"',
        "filter=" + "a" * 100_000,
        'filter=userName eq "' + "a" * 100_000 + '"',
        "startIndex=abc",
        "startIndex=99999999999999999999999999",
        "count=-5",
        "count=99999999999999999999999999",
        'filter=emails[type eq "work"]',
        "attributes=%00",
    ],
)
def test_bad_queries_are_scim_errors_or_empty_answers(scim, query):
    scim.create("anna@zeist.nl", **ANNA)

    response = scim.get(f"/Users?{query}")

    assert response.status_code in (200, 400), response.content
    assert response.json()["schemas"][0].startswith("urn:ietf:params:scim:api:messages:2.0:")


@pytest.mark.parametrize("path", ["/Users/not-a-uuid", "/Users/%00", "/Users/" + "9" * 10_000, "/Groups", "/Me"])
def test_unknown_resources_are_scim_errors(scim, path):
    response = scim.get(path)

    assert response.status_code in (404, 501), response.content
    assert response.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]


def test_a_body_larger_than_django_reads_is_a_scim_error(scim, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = scim.post("/Users", {"schemas": [USER_SCHEMA], "userName": "anna@zeist.nl", "displayName": "x" * 2000})

    assert response.status_code == 413
    assert response.json()["status"] == "413"


def test_a_form_instead_of_json_is_refused(scim):
    response = scim.post("/Users", "userName=anna", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415


# -- Logging ------------------------------------------------------------------------------------


def test_every_change_is_logged_without_secrets_or_addresses(scim, caplog):
    with caplog.at_level(logging.INFO, logger="provisioning"):
        anna = scim.create("anna@zeist.nl", **ANNA)
        scim.patch(f"/Users/{anna['id']}", {"op": "replace", "path": "displayName", "value": "Anna Jansen"})
        scim.patch(f"/Users/{anna['id']}", {"op": "replace", "path": "active", "value": False})
        scim.delete(f"/Users/{anna['id']}")

    messages = [record.getMessage() for record in caplog.records if record.name.startswith("provisioning")]
    user = User.objects.get()
    assert any(f"created account {user.pk}" in message for message in messages)
    assert any("['full_name']" in message for message in messages)
    assert any(f"deactivated account {user.pk}" in message for message in messages)
    assert any(f"removed account {user.pk}" in message for message in messages)
    text = "\n".join(messages)
    assert scim.secret not in text
    assert "anna@zeist.nl" not in text
    assert "Anna" not in text


def test_the_same_person_created_twice_at_once_is_a_conflict_not_an_error(scim, monkeypatch):
    """Two requests that both found no account: the second one's insert hits the unique email."""
    from provisioning import selectors

    monkeypatch.setattr(selectors, "email_owner", lambda *, email: None)
    scim.create("anna@zeist.nl", **ANNA)

    response = scim.post("/Users", {"schemas": [USER_SCHEMA], "userName": "anna@zeist.nl"})

    assert response.status_code == 409
    assert User.objects.count() == 1
