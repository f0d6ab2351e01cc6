"""Inviting, importing, resending, revoking and accepting, through the services."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError
from django.utils import timezone

from common.tokens import hash_token
from invitations import services
from invitations.models import ImportRow, Invitation, InvitationImport
from people.models import Membership, OutgoingEmail, User
from tests.people.factories import LearnerFactory, UserFactory

from .conftest import csv_bytes
from .factories import InvitationFactory, with_link

pytestmark = pytest.mark.django_db


def token_in(body: str) -> str:
    return body.split("/uitnodiging/", 1)[1].split("/", 1)[0]


def last_token() -> str:
    return token_in(OutgoingEmail.objects.order_by("-pk").first().body_text)


# One at a time ---------------------------------------------------------------------------


def test_invite_sends_a_mail_with_a_link_whose_hash_alone_is_stored(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite(
            adviser=world["hr"],
            organisation=world["zeist"],
            email=" Anne@Example.org ",
            full_name="Anne Jansen",
            team="PMO",
        )
    assert (invitation.email, invitation.full_name, invitation.team, invitation.role) == (
        "anne@example.org",
        "Anne Jansen",
        "PMO",
        Membership.Role.LEARNER,
    )
    assert invitation.status == Invitation.Status.OPEN
    assert invitation.expires_at.date() == (timezone.now() + datetime.timedelta(days=14)).date()
    (message,) = mail.outbox
    assert message.to == ["anne@example.org"]
    assert message.subject == "Gemeente Zeist nodigt je uit voor Spil"
    assert "Beste Anne Jansen," in message.body
    assert "Hanna Roos, HR-adviseur van Gemeente Zeist" in message.body
    assert "in het team PMO" in message.body
    assert "verloopt over 14 dagen" in message.body
    token = token_in(message.body)
    assert invitation.token_hash == hash_token(token)
    assert token not in invitation.token_hash


def test_invite_refuses_what_the_rules_refuse_per_field(world):
    LearnerFactory(organisation=world["utrecht"], user__email="elders@example.org")
    with pytest.raises(ValidationError) as caught:
        services.invite(
            adviser=world["hr"], organisation=world["zeist"], email="elders@example.org", full_name="www.x.nl"
        )
    assert caught.value.message_dict == {
        "full_name": ["Vul alleen een naam in, zonder webadres, e-mailadres of onzichtbare tekens."],
        "email": [
            "Deze persoon hoort al bij een andere organisatie. "
            "Vraag de beheerder van Spil om hem of haar over te zetten."
        ],
    }
    assert not Invitation.objects.exists()


def test_inviting_an_open_invitation_again_is_refused_an_expired_one_is_renewed(world):
    invitation = InvitationFactory(organisation=world["zeist"], email="anne@example.org")
    with pytest.raises(ValidationError, match="al een openstaande uitnodiging"):
        services.invite(adviser=world["hr"], organisation=world["zeist"], email="anne@example.org", full_name="Anne")
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(days=1))
    renewed = services.invite(
        adviser=world["hr"], organisation=world["zeist"], email="anne@example.org", full_name="Anne"
    )
    assert renewed.pk == invitation.pk
    assert (renewed.status, renewed.send_count) == (Invitation.Status.OPEN, 2)
    assert Invitation.objects.count() == 1


def test_an_adviser_invites_into_their_own_organisation_only(world):
    with pytest.raises(PermissionDenied):
        services.invite(adviser=world["hr_utrecht"], organisation=world["zeist"], email="a@example.org", full_name="A")
    learner = LearnerFactory(organisation=world["zeist"]).user
    with pytest.raises(PermissionDenied):
        services.invite(adviser=learner, organisation=world["zeist"], email="a@example.org", full_name="A")


def test_resend_makes_a_new_link_and_kills_the_old_one(world, django_capture_on_commit_callbacks):
    invitation, old = with_link(organisation=world["zeist"], expires_at=timezone.now() - datetime.timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        services.resend(adviser=world["hr"], invitation_id=invitation.pk)
    invitation.refresh_from_db()
    new = token_in(mail.outbox[-1].body)
    assert new != old
    assert (invitation.token_hash, invitation.status, invitation.send_count) == (hash_token(new), "open", 2)
    with pytest.raises(services.InvitationRefused) as caught:
        services.accept_with_new_account(token=old, full_name="X Y", password="een-lang-wachtwoord-1", language="nl")
    assert caught.value.reason == "unknown"


def test_resend_and_revoke_are_for_the_organisations_own_advisers(world):
    invitation = InvitationFactory(organisation=world["zeist"])
    for action in (services.resend, services.revoke):
        with pytest.raises(PermissionDenied):
            action(adviser=world["hr_utrecht"], invitation_id=invitation.pk)
    invitation.refresh_from_db()
    assert (invitation.send_count, invitation.revoked_at) == (1, None)


def test_revoke_kills_the_link_and_frees_the_address_for_a_new_invitation(world):
    invitation, token = with_link(organisation=world["zeist"], email="anne@example.org")
    services.revoke(adviser=world["hr"], invitation_id=invitation.pk)
    invitation.refresh_from_db()
    assert (invitation.status, invitation.revoked_by) == (Invitation.Status.REVOKED, world["hr"])
    with pytest.raises(ValidationError, match="al aangenomen of ingetrokken"):
        services.resend(adviser=world["hr"], invitation_id=invitation.pk)
    with pytest.raises(services.InvitationRefused) as caught:
        services.accept_with_new_account(token=token, full_name="Anne", password="een-lang-wachtwoord-1", language="nl")
    assert caught.value.reason == "revoked"
    again = services.invite(
        adviser=world["hr"], organisation=world["zeist"], email="anne@example.org", full_name="Anne"
    )
    assert again.pk != invitation.pk


def test_an_accepted_invitation_cannot_be_revoked(world):
    invitation = InvitationFactory(organisation=world["zeist"], accepted_at=timezone.now())
    with pytest.raises(ValidationError, match="Intrekken kan niet meer"):
        services.revoke(adviser=world["hr"], invitation_id=invitation.pk)


# From a file -----------------------------------------------------------------------------

GOOD_FILE = csv_bytes(
    "naam;e-mail;team;rol",
    "Anne Jansen;anne@example.org;PMO;deelnemer",
    "Bram de Wit;BRAM@example.org;;",
    "Carla Smit;carla@example.org;Programmabureau;learner",
    delimiter=";",
)


def preview(world, data=GOOD_FILE, adviser=None) -> InvitationImport:
    return services.preview_import(
        adviser=adviser or world["hr"], organisation=world["zeist"], data=data, file_name="mensen.csv"
    )


def test_a_preview_stores_the_rows_and_writes_no_invitation(world):
    job = preview(world)
    assert (job.row_count, job.problem_count, job.is_preview, job.uploaded_by) == (3, 0, True, world["hr"])
    assert list(job.rows.values_list("line", "full_name", "email", "team", "has_problems")) == [
        (2, "Anne Jansen", "anne@example.org", "PMO", False),
        (3, "Bram de Wit", "bram@example.org", "", False),
        (4, "Carla Smit", "carla@example.org", "Programmabureau", False),
    ]
    assert not Invitation.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_a_preview_is_for_the_advisers_own_organisation(world):
    with pytest.raises(PermissionDenied):
        preview(world, adviser=world["hr_utrecht"])
    assert not InvitationImport.objects.exists()


def test_a_file_that_cannot_be_read_stores_nothing(world):
    with pytest.raises(ValidationError, match="kopregel klopt niet"):
        preview(world, data=b"wie,waar\nAnne,Zeist\n")
    assert not InvitationImport.objects.exists()


def test_all_or_nothing_a_file_with_one_problem_cannot_be_confirmed(world):
    data = GOOD_FILE + b"Dirk;dirk@;;\r\n"
    job = preview(world, data=data)
    assert job.problem_count == 1
    with pytest.raises(ValidationError, match="Er is niemand uitgenodigd: 1 rij heeft een probleem"):
        services.confirm_import(adviser=world["hr"], job_id=job.pk)
    job.refresh_from_db()
    assert job.is_preview
    assert not Invitation.objects.exists()


def test_confirming_runs_the_import_and_mails_everyone(world, django_capture_on_commit_callbacks):
    job = preview(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_import(adviser=world["hr"], job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.processed, job.total, job.invited_count) == ("done", 3, 3, 3)
    invitations = Invitation.objects.order_by("email")
    assert [(i.email, i.team, i.import_job_id, i.invited_by) for i in invitations] == [
        ("anne@example.org", "PMO", job.pk, world["hr"]),
        ("bram@example.org", "", job.pk, world["hr"]),
        ("carla@example.org", "Programmabureau", job.pk, world["hr"]),
    ]
    assert sorted(message.to[0] for message in mail.outbox) == [i.email for i in invitations]
    for message in mail.outbox:
        invitation = Invitation.objects.get(email=message.to[0])
        assert invitation.token_hash == hash_token(token_in(message.body))


def test_confirming_twice_queues_once(world, django_capture_on_commit_callbacks):
    job = preview(world)
    with django_capture_on_commit_callbacks() as callbacks:
        services.confirm_import(adviser=world["hr"], job_id=job.pk)
        services.confirm_import(adviser=world["hr"], job_id=job.pk)
    assert len(callbacks) == 1


def test_another_organisations_adviser_cannot_confirm_discard_or_retry(world):
    job = preview(world)
    for action in (services.confirm_import, services.discard_import, services.retry_import):
        with pytest.raises(PermissionDenied):
            action(adviser=world["hr_utrecht"], job_id=job.pk)
    job.refresh_from_db()
    assert job.is_preview


def test_discard_throws_a_preview_away_but_keeps_a_confirmed_import(world):
    job = preview(world)
    assert services.discard_import(adviser=world["hr"], job_id=job.pk)
    assert not InvitationImport.objects.exists()
    assert not ImportRow.objects.exists()
    job = preview(world)
    services.confirm_import(adviser=world["hr"], job_id=job.pk)
    assert not services.discard_import(adviser=world["hr"], job_id=job.pk)
    assert InvitationImport.objects.filter(pk=job.pk).exists()


def test_the_run_is_idempotent_and_skips_what_it_already_invited(world):
    job = preview(world)
    InvitationImport.objects.filter(pk=job.pk).update(confirmed_at=timezone.now())
    services.run_import(job_id=job.pk, chunk_size=2)
    first = set(Invitation.objects.values_list("token_hash", flat=True))
    InvitationImport.objects.filter(pk=job.pk).update(status=InvitationImport.Status.RUNNING)
    services.run_import(job_id=job.pk)
    assert set(Invitation.objects.values_list("token_hash", flat=True)) == first
    assert OutgoingEmail.objects.count() == 3


def test_a_run_after_a_worker_died_midway_invites_the_rest(world, monkeypatch):
    job = preview(world)
    InvitationImport.objects.filter(pk=job.pk).update(confirmed_at=timezone.now())
    calls = []
    real = services._invite_chunk

    def dies_on_the_second_chunk(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("database went away")
        return real(**kwargs)

    monkeypatch.setattr(services, "_invite_chunk", dies_on_the_second_chunk)
    with pytest.raises(OperationalError):
        services.run_import(job_id=job.pk, chunk_size=2)
    assert Invitation.objects.count() == 2
    monkeypatch.setattr(services, "_invite_chunk", real)
    job = services.run_import(job_id=job.pk, chunk_size=2)
    assert (job.status, job.invited_count, Invitation.objects.count(), OutgoingEmail.objects.count()) == (
        "done",
        3,
        3,
        3,
    )


def test_when_the_world_changed_since_the_preview_nobody_is_invited(world):
    job = preview(world)
    InvitationImport.objects.filter(pk=job.pk).update(confirmed_at=timezone.now())
    LearnerFactory(organisation=world["utrecht"], user__email="bram@example.org")
    services.invite(adviser=world["hr"], organisation=world["zeist"], email="carla@example.org", full_name="Carla")
    job = services.run_import(job_id=job.pk)
    assert job.status == InvitationImport.Status.FAILED
    assert job.error.startswith("Sinds de voorvertoning is er iets veranderd: 2 rijen hebben nu een probleem.")
    assert "Er is niemand uitgenodigd." in job.error
    assert job.problem_count == 2
    assert dict(job.rows.filter(has_problems=True).values_list("email", "problems")) == {
        "bram@example.org": [{"code": "member_elsewhere"}],
        "carla@example.org": [{"code": "already_invited"}],
    }
    assert list(Invitation.objects.values_list("email", flat=True)) == ["carla@example.org"]
    assert not services.retry_import(adviser=world["hr"], job_id=job.pk), "no retry: the file needs fixing"


def test_an_import_renews_an_expired_invitation_of_the_same_address(world, django_capture_on_commit_callbacks):
    old = InvitationFactory(
        organisation=world["zeist"], email="anne@example.org", expires_at=timezone.now() - datetime.timedelta(days=3)
    )
    job = preview(world)
    assert job.problem_count == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_import(adviser=world["hr"], job_id=job.pk)
    old.refresh_from_db()
    assert (old.status, old.import_job_id, old.send_count, old.team) == ("open", job.pk, 2, "PMO")
    assert Invitation.objects.count() == 3


def test_a_preview_with_problems_keeps_each_rows_problems(world):
    LearnerFactory(organisation=world["zeist"], user__email="lid@example.org")
    data = csv_bytes(
        "naam,email,team,rol",
        ",zonder-naam@example.org,,",
        "Dubbel,anne@example.org,,",
        "Dubbel twee,anne@example.org,,",
        "Lid,lid@example.org,,",
        "Baas,baas@example.org,,HR",
        "Lang," + "x" * 100_000 + ",,",
    )
    job = preview(world, data=data)
    problems = dict(job.rows.values_list("line", "problems"))
    assert problems == {
        2: [{"code": "name_missing"}],
        3: [],
        4: [{"code": "email_duplicate", "params": {"line": 3}}],
        5: [{"code": "already_member"}],
        6: [{"code": "role_invalid", "params": {"role": "HR"}}],
        7: [{"code": "email_too_long", "params": {"max": 254}}],
    }
    assert job.problem_count == 5


# Accepting -------------------------------------------------------------------------------


def test_a_new_person_gets_an_account_with_the_invited_address_verified(world):
    invitation, token = with_link(organisation=world["zeist"], email="anne@example.org", team="PMO")
    user = services.accept_with_new_account(
        token=token, full_name="Anne Jansen", password="een-lang-wachtwoord-1", language="en"
    )
    assert (user.email, user.full_name, user.preferred_language) == ("anne@example.org", "Anne Jansen", "en")
    assert user.check_password("een-lang-wachtwoord-1")
    assert EmailAddress.objects.filter(user=user, email="anne@example.org", verified=True, primary=True).exists()
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.role, membership.team) == (world["zeist"], "learner", "PMO")
    invitation.refresh_from_db()
    assert (invitation.status, invitation.accepted_by) == (Invitation.Status.ACCEPTED, user)


def test_the_link_works_once(world):
    _invitation, token = with_link(organisation=world["zeist"])
    services.accept_with_new_account(token=token, full_name="Anne", password="een-lang-wachtwoord-1", language="nl")
    with pytest.raises(services.InvitationRefused) as caught:
        services.accept_with_new_account(token=token, full_name="Anne", password="een-lang-wachtwoord-1", language="nl")
    assert caught.value.reason == "used"
    assert User.objects.filter(memberships__organisation=world["zeist"], memberships__role="learner").count() == 1


def test_an_expired_link_is_refused(world):
    _invitation, token = with_link(
        organisation=world["zeist"], expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with pytest.raises(services.InvitationRefused) as caught:
        services.accept_with_new_account(token=token, full_name="Anne", password="een-lang-wachtwoord-1", language="nl")
    assert caught.value.reason == "expired"
    assert not Membership.objects.filter(role="learner").exists()


def test_a_new_account_is_not_made_where_one_exists(world):
    UserFactory(email="anne@example.org")
    _invitation, token = with_link(organisation=world["zeist"], email="anne@example.org")
    with pytest.raises(services.InvitationRefused) as caught:
        services.accept_with_new_account(token=token, full_name="Anne", password="een-lang-wachtwoord-1", language="nl")
    assert caught.value.reason == "account_exists"


def test_an_existing_account_accepts_with_its_own_address_or_a_verified_second_one(world):
    anne = UserFactory(email="anne@example.org")
    _invitation, token = with_link(organisation=world["zeist"], email="anne@example.org", team="PMO")
    membership = services.accept(user=anne, token=token)
    assert (membership.user, membership.organisation, membership.team) == (anne, world["zeist"], "PMO")
    bram = UserFactory(email="bram@prive.example.org")
    EmailAddress.objects.create(user=bram, email="bram@zeist.example.org", verified=True)
    _invitation, token = with_link(organisation=world["zeist"], email="bram@zeist.example.org")
    assert services.accept(user=bram, token=token).user == bram


def test_another_account_cannot_accept(world):
    carla = UserFactory(email="carla@example.org")
    EmailAddress.objects.create(user=carla, email="anne@example.org", verified=False)
    invitation, token = with_link(organisation=world["zeist"], email="anne@example.org")
    with pytest.raises(services.InvitationRefused) as caught:
        services.accept(user=carla, token=token)
    assert caught.value.reason == "wrong_account"
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.OPEN
    assert not Membership.objects.filter(user=carla).exists()


def test_a_member_of_another_organisation_cannot_accept(world):
    anne = LearnerFactory(organisation=world["utrecht"], user__email="anne@example.org").user
    _invitation, token = with_link(organisation=world["zeist"], email="anne@example.org")
    with pytest.raises(services.InvitationRefused) as caught:
        services.accept(user=anne, token=token)
    assert caught.value.reason == "member_elsewhere"
    assert not Membership.objects.filter(user=anne, organisation=world["zeist"]).exists()
