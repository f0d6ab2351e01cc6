"""The problems a row can have, alone, within its file, and against the database."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from invitations import rules
from invitations.files import RawRow
from tests.people.factories import LearnerFactory, UserFactory

from .factories import InvitationFactory

pytestmark = pytest.mark.django_db


def row(name="Anne Jansen", email="anne@example.org", team="", role="", *, line=2, formulas=()):
    return rules.clean_row(
        RawRow(line=line, values={"name": name, "email": email, "team": team, "role": role}, formulas=list(formulas))
    )


def codes(checked) -> list[str]:
    return [problem["code"] for problem in checked.problems]


def test_a_good_row_is_tidied():
    checked = row(name="  Anne \n  Jansen ", email=" Anne@Example.ORG ", team=" PMO\t bureau ", role="Deelnemer")
    assert (checked.full_name, checked.email, checked.team, checked.problems) == (
        "Anne Jansen",
        "anne@example.org",
        "PMO bureau",
        [],
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"name": ""}, ["name_missing"]),
        ({"name": "x" * 201}, ["name_too_long"]),
        ({"name": "Klik https://evil.example"}, ["name_invalid"]),
        ({"name": "Anne\u202eJansen"}, ["name_invalid"]),
        ({"email": ""}, ["email_missing"]),
        ({"email": "anne@"}, ["email_invalid"]),
        ({"email": "a" * 250 + "@example.org"}, ["email_too_long"]),
        ({"team": "t" * 121}, ["team_too_long"]),
        ({"team": "PMO\x07"}, ["team_invalid"]),
        ({"role": "HR-adviseur"}, ["role_invalid"]),
        ({"name": "", "email": "nope"}, ["name_missing", "email_invalid"]),
    ],
)
def test_the_problems_of_one_row(fields, expected):
    assert codes(row(**fields)) == expected


def test_a_formula_is_a_problem_that_names_its_column():
    checked = row(name="", formulas=["name"])
    assert codes(checked) == ["formula", "name_missing"]
    assert rules.describe(checked.problems[0]) == (
        "In de kolom naam staat een formule. Zet er de waarde zelf in (kopiëren en plakken als waarden)."
    )


def test_a_too_long_value_is_stored_cut_short():
    checked = row(name="x" * 100_000)
    assert len(checked.stored()["full_name"]) == 200
    assert rules.describe(checked.problems[0]) == "De naam is langer dan 200 tekens."


def test_an_address_twice_in_the_file_is_a_problem_of_the_second(world):
    rows = [row(line=2), row(email="ANNE@example.org", line=7), row(email="bram@example.org", line=8)]
    rules.check_rows(organisation=world["zeist"], rows=rows)
    assert [codes(r) for r in rows] == [[], ["email_duplicate"], []]
    assert rules.describe(rows[1].problems[0]) == "Dit e-mailadres staat ook in rij 2."


def test_what_the_database_knows(world):
    zeist, utrecht = world["zeist"], world["utrecht"]
    InvitationFactory(organisation=zeist, email="open@example.org")
    InvitationFactory(
        organisation=zeist, email="verlopen@example.org", expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    InvitationFactory(organisation=zeist, email="ingetrokken@example.org", revoked_at=timezone.now())
    InvitationFactory(organisation=utrecht, email="elders-uitgenodigd@example.org")
    LearnerFactory(organisation=zeist, user__email="lid@example.org")
    LearnerFactory(organisation=utrecht, user__email="elders@example.org")
    second = UserFactory(email="hoofdadres@example.org")
    LearnerFactory(organisation=utrecht, user=second)
    EmailAddress.objects.create(user=second, email="Tweede@Example.org", verified=True)
    UserFactory(email="zonder-organisatie@example.org")
    emails = [
        "open@example.org",
        "verlopen@example.org",
        "ingetrokken@example.org",
        "elders-uitgenodigd@example.org",
        "lid@example.org",
        "elders@example.org",
        "tweede@example.org",
        "zonder-organisatie@example.org",
        "nieuw@example.org",
    ]
    rows = [row(email=email, line=i) for i, email in enumerate(emails, start=2)]
    rules.check_rows(organisation=zeist, rows=rows)
    assert {r.email: codes(r) for r in rows} == {
        "open@example.org": ["already_invited"],
        "verlopen@example.org": [],  # inviting again renews it
        "ingetrokken@example.org": [],
        "elders-uitgenodigd@example.org": [],  # another organisation's business, not shown here
        "lid@example.org": ["already_member"],
        "elders@example.org": ["member_elsewhere"],
        "tweede@example.org": ["member_elsewhere"],  # a verified second address of a member elsewhere
        "zonder-organisatie@example.org": [],
        "nieuw@example.org": [],
    }


def test_the_database_is_asked_in_chunks_a_few_queries_each(world, django_assert_max_num_queries, monkeypatch):
    monkeypatch.setattr(rules, "LOOKUP_CHUNK", 10)
    rows = [row(email=f"p{i}@example.org", line=i) for i in range(35)]
    with django_assert_max_num_queries(4 * 3 + 1):
        rules.check_rows(organisation=world["zeist"], rows=rows)
