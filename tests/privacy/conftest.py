"""A person with something in every corner of Spil, for the export and erasure tests."""

import dataclasses

import pytest
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.core.files.base import ContentFile

from audit.events import Action, record
from people.models import ErasureCertificates, Membership
from tests.assessments.factories import (
    AnswerFactory,
    AttemptFactory,
    DevelopmentPlanFactory,
    PlanItemFactory,
    RaterAnswerFactory,
)
from tests.assessments.factories import (
    InvitationFactory as RaterInvitationFactory,
)
from tests.careers.factories import (
    CareerStepFactory,
    CurrentRoleFactory,
    DevelopmentConversationFactory,
    RoleProfilePageFactory,
)
from tests.certificates.factories import CertificateFactory
from tests.circles.factories import (
    AttendanceFactory,
    CalendarFeedFactory,
    CircleInvitationFactory,
    CircleMemberFactory,
    FeedbackFactory,
    IntakeAnswerFactory,
    IntakeQuestionFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.curriculum.factories import (
    AssignmentFactory,
    EnrolmentFactory,
    LearningTrackPageFactory,
    ModuleProgressFactory,
)
from tests.invitations.factories import ImportRowFactory, InvitationFactory
from tests.people.factories import (
    HRAdviserFactory,
    MembershipFactory,
    OrganisationFactory,
    OutgoingEmailFactory,
    UserFactory,
)
from tests.provisioning.factories import ProvisionedAccountFactory

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
REFLECTION = "Mijn eigen reflectie over de module"


@dataclasses.dataclass
class Person:
    user: object
    organisation: object
    certificate: object
    enrolment: object


@pytest.fixture
def person(db) -> Person:
    """A learner with rows in every model the registry knows of the learner's own side."""
    organisation = OrganisationFactory(erasure_certificates=ErasureCertificates.KEEP)
    user = UserFactory(full_name="Annemarie Zonderland", email="annemarie.zonderland@example.org")
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.LEARNER, team="Team Zonderland")
    HRAdviserFactory(organisation=organisation)
    ProvisionedAccountFactory(user=user, organisation=organisation, external_id="entra-zonderland")
    # One track, one role and one circle for everything: pages are the slow part of a fixture.
    track = LearningTrackPageFactory(leads_to_certificate=True)
    profile = RoleProfilePageFactory()
    session = SessionFactory()
    circle = session.circle
    enrolment = EnrolmentFactory(user=user, track=track, decision_reason="Goedgekeurd voor Annemarie Zonderland")
    ModuleProgressFactory(enrolment=enrolment, reflections={"vraag": REFLECTION})
    AssignmentFactory(user=user, organisation=organisation, track=track)
    CurrentRoleFactory(user=user, profile=profile)
    CareerStepFactory(user=user, to_profile=profile, note="Stap van Annemarie Zonderland")
    DevelopmentConversationFactory(
        learner=user, organisation=organisation, target_profile=profile, message="Vraag van Annemarie"
    )
    attempt = AttemptFactory(user=user)
    AnswerFactory(attempt=attempt)
    invitation = RaterInvitationFactory(attempt=attempt, name="Bram Beoordelaar")
    RaterAnswerFactory(invitation=invitation)
    plan = DevelopmentPlanFactory(user=user, target_profile=profile)
    PlanItemFactory(plan=plan, track=track)
    certificate = CertificateFactory(
        user=user, track=track, organisation=organisation, organisation_name=organisation.name
    )
    certificate.pdf.save(f"{certificate.number}.pdf", ContentFile(b"%PDF-1.4 Annemarie Zonderland"), save=True)
    CircleMemberFactory(user=user, circle=circle)
    IntakeAnswerFactory(user=user, question=IntakeQuestionFactory(circle=circle), value="Over Annemarie")
    RegistrationFactory(user=user, session=session)
    AttendanceFactory(user=user, session=session, name=user.full_name, email=user.email)
    FeedbackFactory(user=user, session=session, comment="Groet, Annemarie Zonderland")
    CalendarFeedFactory(user=user)
    CircleInvitationFactory(circle=circle, email=user.email)
    InvitationFactory(organisation=organisation, email=user.email, full_name=user.full_name)
    ImportRowFactory(email=user.email, full_name=user.full_name)
    OutgoingEmailFactory(to=user.email, body_text="Beste Annemarie Zonderland,")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": TOTP_SECRET})
    UserSession.objects.create(user=user, ip="192.0.2.10", session_key="sessie-van-annemarie", user_agent="Firefox")
    record(Action.ROLE_CHANGED, actor=user, organisation=organisation, subject=user, note=user.full_name)
    return Person(user=user, organisation=organisation, certificate=certificate, enrolment=enrolment)


@pytest.fixture
def holder(db) -> Person:
    """A learner of an organisation with one certificate (with its PDF), and nothing more."""
    organisation = OrganisationFactory(erasure_certificates=ErasureCertificates.KEEP)
    user = UserFactory(full_name="Bertha Certificaathouder", email="bertha@example.org")
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.LEARNER)
    certificate = CertificateFactory(user=user, organisation=organisation, organisation_name=organisation.name)
    certificate.pdf.save(f"{certificate.number}.pdf", ContentFile(b"%PDF-1.4 Bertha"), save=True)
    return Person(user=user, organisation=organisation, certificate=certificate, enrolment=None)
