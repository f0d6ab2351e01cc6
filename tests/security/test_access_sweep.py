"""Every door of the site, checked.

The walk takes every URL pattern from Django's resolver (the includes, Wagtail's admin and
``wagtail_urls`` too), so a new address cannot hide: each needs a rule in ``RULES`` or the
walk fails naming it. A rule says who may use the address: nobody without a sign-in
(``PUBLIC``, with the reason), anybody with the secret in the address (``TOKEN``), a signed-in
person about their own things, an HR adviser about their own organisation, a circle organiser
about their own circles, or nobody but editors and platform admins (the Wagtail admin).

Each address is filled with the ids of things that belong to someone else: a learner of
another organisation, that organisation's HR adviser, imports, exports and batches, and a
learning circle of another organiser. Then an anonymous visitor, a learner, an HR adviser of
another organisation and an organiser of another circle GET it and POST to it. Whoever is not
allowed, and everyone when the address names someone else's thing, must be refused: a login
redirect (to allauth's login, for the anonymous visitor only), 403 or 404 (405 when the method
is not taken at all). Never a 5xx, never a redirect loop, never someone else's data.
"""

import dataclasses
import re
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from circles.models import Attendance, Registration
from cms.services import ensure_site
from curriculum.models import Enrolment
from insights.models import ExportJob
from privacy.models import DataExport
from tests.assessments.factories import (
    AttemptFactory,
    InvitationFactory,
    PlanItemFactory,
    SelfAssessmentIndexPageFactory,
    SelfAssessmentPageFactory,
    StatementFactory,
)
from tests.careers.factories import (
    CareerStepFactory,
    CurrentRoleFactory,
    DevelopmentConversationFactory,
    RoleProfileIndexPageFactory,
    RoleProfilePageFactory,
)
from tests.certificates.factories import (
    CertificateFactory,
    CertificateTemplateFactory,
    RerenderBatchFactory,
    StatusListFactory,
)
from tests.circles.factories import (
    AttendanceFactory,
    CalendarFeedFactory,
    CircleInvitationFactory,
    CircleMemberFactory,
    FeedbackFactory,
    IntakeAnswerFactory,
    IntakeQuestionFactory,
    LearningCirclePageFactory,
    OrganiserFactory,
    RegistrationFactory,
    SessionFactory,
    SessionMaterialFactory,
)
from tests.cms.factories import ContentPageFactory
from tests.curriculum.factories import (
    AssignmentBatchFactory,
    AssignmentFactory,
    CatalogPageFactory,
    EnrolmentFactory,
    LearningPathFactory,
    LearningPathItemFactory,
    LearningTrackPageFactory,
    ModulePageFactory,
)
from tests.insights.factories import ExportJobFactory
from tests.invitations.factories import InvitationFactory as OrganisationInvitationFactory
from tests.invitations.factories import InvitationImportFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory
from tests.privacy.factories import DataExportFactory
from tests.provisioning.factories import ScimTokenFactory

# Rules -------------------------------------------------------------------------------------

ANONYMOUS, LEARNER, HR, ORGANISER = "anonymous", "learner", "hr", "organiser"
PROBES = (ANONYMOUS, LEARNER, HR, ORGANISER)
SIGNED_IN = frozenset({LEARNER, HR, ORGANISER})


@dataclasses.dataclass(frozen=True)
class Rule:
    """``allowed``: the probes that may use the address (about their own things only);
    ``public``: why anybody may (then ``hides`` lists the world's secrets it must not show);
    ``token``: the address carries a secret, which the walk fills with a wrong one."""

    allowed: frozenset = frozenset()
    public: str = ""
    token: str = ""
    hides: tuple[str, ...] = ()


def public(reason: str, *, hides: tuple[str, ...] = ()) -> Rule:
    return Rule(public=reason, hides=hides)


def token(reason: str) -> Rule:
    return Rule(token=reason)


def allowed(*roles: str) -> Rule:
    return Rule(allowed=frozenset(roles))


ADMIN = allowed()  # editors and platform admins: none of the probes
OWN = allowed(*SIGNED_IN)  # any signed-in person, about their own things
FOR_HR = allowed(HR)
FOR_ORGANISER = allowed(ORGANISER)
SIGNING_IN = "signing in, out, up or resetting a password: the way in itself"

RULES: dict[str, Rule] = {
    # The site shell.
    "health": public("load balancers poll it; it names services and their state, no data"),
    "set_language": public("switches the language of the visitor's own session"),
    "sitemap": public("lists the public pages only (restricted pages are left out)"),
    "favicon.ico": public("a redirect to a static file"),
    "learner_dashboard": OWN,
    "hr_dashboard": FOR_HR,
    "admin_login": public("where the admin sends people it refuses: the login or a 403 page"),
    "^admin/password_reset/": public("a redirect to allauth's password reset"),
    "_util/login/": public("a redirect to allauth's login"),
    "^_util/authenticate_with_password/": public("shared page passwords are switched off: always 404"),
    "^documents/authenticate_with_password/": public("shared document passwords are switched off: always 404"),
    "wagtailcore_authenticate_with_password": public("shadowed by the 404 above (tests/cms/test_authentication_urls)"),
    "wagtailcore_login": public("shadowed by the redirect to allauth above"),
    "wagtail_serve": public(
        "Wagtail's pages; a restricted page checks its restriction (the walk asks for one that needs a group)",
        hides=("Geheime pagina-inhoud",),
    ),
    "wagtaildocs_serve": public(
        "Wagtail's documents; one in a restricted collection is served after a permission check"
        " (the walk asks for one that needs a group)",
        hides=("Geheim document",),
    ),
    "wagtaildocs_authenticate_with_password": public("shadowed by the 404 above"),
    # allauth: the ways in are public, the account's own pages need a sign-in.
    "account_login": public(SIGNING_IN),
    "account_logout": public(SIGNING_IN),
    "account_inactive": public(SIGNING_IN),
    "account_signup": public(SIGNING_IN),
    "account_reauthenticate": OWN,
    "account_email": OWN,
    "account_email_verification_sent": public(SIGNING_IN),
    "account_change_password": OWN,
    "account_set_password": OWN,
    "account_reset_password": public(SIGNING_IN),
    "account_confirm_login_code": public(SIGNING_IN),
    "account_confirm_email": public("the key in the address is checked by allauth; a wrong one shows a notice"),
    "account_reset_password_from_key_done": public(SIGNING_IN),
    "account_reset_password_from_key": public(
        "the key in the address is checked by allauth; a wrong one shows a notice"
    ),
    "account_reset_password_done": public(SIGNING_IN),
    "mfa_index": OWN,
    "mfa_authenticate": public("the second step of signing in, for the session's pending login only"),
    "mfa_reauthenticate": OWN,
    "mfa_activate_totp": OWN,
    "mfa_deactivate_totp": OWN,
    "mfa_view_recovery_codes": OWN,
    "mfa_generate_recovery_codes": OWN,
    "mfa_download_recovery_codes": OWN,
    "mfa_list_webauthn": OWN,
    "mfa_add_webauthn": OWN,
    "mfa_reauthenticate_webauthn": OWN,
    "mfa_remove_webauthn": OWN,
    "mfa_edit_webauthn": OWN,
    "socialaccount_login_cancelled": public(SIGNING_IN),
    "socialaccount_login_error": public(SIGNING_IN),
    "socialaccount_signup": public("signing up after single sign-on, for the session's pending login only"),
    "socialaccount_connections": OWN,
    "accounts/social/login/cancelled/": public("a redirect inside allauth"),
    "accounts/social/login/error/": public("a redirect inside allauth"),
    "accounts/social/signup/": public("a redirect inside allauth"),
    "accounts/social/connections/": public("a redirect inside allauth"),
    "openid_connect_login": public("starts single sign-on with an organisation's identity provider"),
    "openid_connect_callback": public("the identity provider's answer, checked against the session's state"),
    "usersessions_list": OWN,
    "sso:login": public("asks for the email address to find the organisation's identity provider"),
    # Learning circles.
    "circles:organiser:dashboard": FOR_ORGANISER,
    "circles:organiser:circle": FOR_ORGANISER,
    "circles:organiser:circle_csv": FOR_ORGANISER,
    "circles:organiser:circle_xlsx": FOR_ORGANISER,
    "circles:organiser:attendance": FOR_ORGANISER,
    "circles:organiser:session_csv": FOR_ORGANISER,
    "circles:organiser:session_xlsx": FOR_ORGANISER,
    "circles:organiser:walk_in": FOR_ORGANISER,
    "circles:organiser:remove_walk_in": FOR_ORGANISER,
    "circles:organiser:check_in_code": FOR_ORGANISER,
    "circles:organiser:feedback": FOR_ORGANISER,
    "circles:organiser:report": FOR_ORGANISER,
    "circles:organiser:add_material": FOR_ORGANISER,
    "circles:organiser:remove_material": FOR_ORGANISER,
    "circles:participation:check_in": OWN,
    "circles:participation:feedback": OWN,
    "circles:participation:material": OWN,
    "circles:participation:intake": OWN,
    "circles:session": public(
        "a session of a published circle is announced to all; its online link only to who has a place",
        hides=("https://meet.example.org/geheim",),
    ),
    "circles:session_ics": public(
        "the calendar entry of a public session, without the online link unless one has a place",
        hides=("https://meet.example.org/geheim",),
    ),
    "circles:register": OWN,
    "circles:unregister": OWN,
    "circles:session_create": FOR_ORGANISER,
    "circles:session_copy": FOR_ORGANISER,
    "circles:session_edit": FOR_ORGANISER,
    "circles:session_move": FOR_ORGANISER,
    "circles:session_cancel": FOR_ORGANISER,
    "circles:circle_feed": public(
        "a published circle's calendar of sessions, without online links",
        hides=("https://meet.example.org/geheim",),
    ),
    "circles:personal_feed": token("a person's own calendar at a secret address (for calendar apps)"),
    "circles:my_calendar": OWN,
    "circles:reset_feed": OWN,
    "circles:join": OWN,
    "circles:leave": OWN,
    "circles:invitations": FOR_ORGANISER,
    "circles:invitation_withdraw": FOR_ORGANISER,
    # SCIM: a bearer token of the organisation, 401 without.
    "provisioning:base": token("SCIM for identity providers: a bearer token of the organisation"),
    "provisioning:endpoint": token("SCIM for identity providers: a bearer token of the organisation"),
    # HR insights and exports.
    "insights:exports": FOR_HR,
    "insights:export_job": FOR_HR,
    "insights:export_download": FOR_HR,
    "insights:export_retry": FOR_HR,
    "insights:export": FOR_HR,
    # Career readiness.
    "readiness:next_steps": OWN,
    "readiness:role": OWN,
    # Invitations to the platform.
    "invitations:list": FOR_HR,
    "invitations:upload": FOR_HR,
    "invitations:example_file": FOR_HR,
    "invitations:resend": FOR_HR,
    "invitations:revoke": FOR_HR,
    "invitations:import": FOR_HR,
    "invitations:import_confirm": FOR_HR,
    "invitations:import_discard": FOR_HR,
    "invitations:import_retry": FOR_HR,
    "invitations:import_progress": FOR_HR,
    "invitations:accept": token("an invitation link: the secret in it is the invitation"),
    # People.
    "people:hr_people": FOR_HR,
    "people:hr_person_team": FOR_HR,
    "people:hr_person_remove": FOR_HR,
    # Careers.
    "careers:mine": OWN,
    "careers:conversations": OWN,
    "careers:request_conversation": OWN,
    "careers:withdraw_conversation": OWN,
    "careers:person": FOR_HR,
    "careers:confirm": FOR_HR,
    "careers:hr_conversations": FOR_HR,
    "careers:hr_conversation": FOR_HR,
    "careers:plan_conversation": FOR_HR,
    # Learning.
    "curriculum:enrol": OWN,
    "curriculum:restart": OWN,
    "curriculum:withdraw_request": OWN,
    "curriculum:assign": FOR_HR,
    "curriculum:batch": FOR_HR,
    "curriculum:batch_progress": FOR_HR,
    "curriculum:batch_retry": FOR_HR,
    "curriculum:status_table": FOR_HR,
    "curriculum:requests": FOR_HR,
    "curriculum:request_deadline": FOR_HR,
    "curriculum:decide": FOR_HR,
    # Self-assessments.
    "assessments:start": OWN,
    "assessments:step": OWN,
    "assessments:result": OWN,
    "assessments:share": OWN,
    "assessments:invite": OWN,
    "assessments:rate": token("a colleague's second look, behind a single-use secret link"),
    "assessments:plan_add": OWN,
    "assessments:plan_remove": OWN,
    "assessments:hr_overview": FOR_HR,
    "assessments:hr_result": FOR_HR,
    # Certificates: verification is public by design, the PDFs are not.
    "certificates:lookup": public("anyone may check a certificate by its number (rate limited)"),
    "certificates:check": public("anyone may check a signed credential"),
    "certificates:verify": token("a certificate's verification page, at the address printed on it"),
    "certificates:status_list": public("the signed revocation list verifiers fetch (no names)"),
    "certificates:achievement": public("describes a track or path, no person"),
    "certificates:badge": token("an Open Badge, at the address inside the badge"),
    "certificates:badge_image": token("an Open Badge's image, at the address inside the badge"),
    "certificates:issuer": public("the issuer's public profile for Open Badges"),
    "certificates:my_pdf": OWN,
    "certificates:hr_list": FOR_HR,
    "certificates:hr_pdf": FOR_HR,
    "certificates:revoke": FOR_HR,
    "certificates:rerender": ADMIN,
    "certificates:rerender_batch": ADMIN,
    "certificates:retry_rerender": ADMIN,
    # Privacy: a person's own data export and erasure.
    "privacy:overview": OWN,
    "privacy:request_export": OWN,
    "privacy:export": OWN,
    "privacy:download": OWN,
    "privacy:erase": OWN,
}

# Whole includes with one rule, unless a pattern inside has a rule of its own.
PREFIX_RULES: dict[str, Rule] = {
    # Wagtail's admin: every screen (pages, snippets, viewsets, documents, images, reports,
    # settings, users) is for editors and platform admins; the rest get a clear 403.
    "admin/": ADMIN,
}
# Wagtail's admin screens that let anybody in, on purpose.
RULES.update(
    {
        "wagtailadmin_logout": public("signing out of the admin"),
        "wagtailadmin_password_reset": public("shadowed by the redirect to allauth's password reset"),
        "wagtailadmin_password_reset_done": public("shadowed by the redirect to allauth's password reset"),
        "wagtailadmin_password_reset_confirm": public("shadowed by the redirect to allauth's password reset"),
        "wagtailadmin_password_reset_complete": public("shadowed by the redirect to allauth's password reset"),
        "wagtailadmin_login": public("shadowed by admin_login above"),
        "wagtailadmin_sprite": public("the admin's icons, the same for everybody"),
        "wagtailadmin_javascript_catalog": public("the admin's JavaScript translations, the same for everybody"),
    }
)


# The world --------------------------------------------------------------------------------

FOREIGN_NAME = "Vreemde Deelnemer Zichtbaar"
FOREIGN_EMAIL = "vreemd.geheim@vreemd.example.org"
FOREIGN_ORGANISATION = "Gemeente Vreemdenburg"
FOREIGN_TEAM = "Geheim Team Vreemdenburg"
FOREIGN_ADVISER = "Vreemde Adviseur Zichtbaar"
SECRET_LINK = "https://meet.example.org/geheim"
# Things of the world that none of the four may see, wherever they look (unless public).
SECRETS = (
    FOREIGN_NAME,
    FOREIGN_EMAIL,
    FOREIGN_ORGANISATION,
    FOREIGN_TEAM,
    FOREIGN_ADVISER,
    "Geheim gesprek",
    "Geheime feedback",
    "geheim-materiaal",
    "Geheim certificaat",
)
WRONG_TOKEN = "dit-is-niet-het-geheim-0123456789abcdefghijklmnopqrstuvwxyz"
PDF = b"%PDF-1.4\n% Geheim certificaat\n"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[dict]:
    """One world for the module, rolled back after its last test: the four who knock, and
    everything of someone else they knock for."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def build_world() -> dict:
    home = ensure_site()
    own = OrganisationFactory(name="Gemeente Eigen", slug="eigen")
    foreign = OrganisationFactory(name=FOREIGN_ORGANISATION, slug="vreemdenburg")
    probes = {
        LEARNER: LearnerFactory(organisation=own, team="Eigen team").user,
        HR: HRAdviserFactory(organisation=own).user,
        ORGANISER: OrganiserFactory(organisation=own).user,
    }
    own_circle = LearningCirclePageFactory(title="Eigen kring", organisers=[probes[ORGANISER]])
    SessionFactory(circle=own_circle)

    victim = LearnerFactory(
        organisation=foreign, team=FOREIGN_TEAM, user__full_name=FOREIGN_NAME, user__email=FOREIGN_EMAIL
    ).user
    adviser = HRAdviserFactory(organisation=foreign, user__full_name=FOREIGN_ADVISER).user
    organiser = OrganiserFactory(organisation=foreign).user

    # Content everyone may see.
    catalog = CatalogPageFactory(parent=home)
    track = LearningTrackPageFactory(parent=catalog, title="Notuleren", leads_to_certificate=True)
    ModulePageFactory(parent=track)
    path = LearningPathFactory(title="Naar PMO")
    LearningPathItemFactory(path=path, track=track)
    profile = RoleProfilePageFactory(parent=RoleProfileIndexPageFactory(parent=home), title="PMO praktisch")
    scan = SelfAssessmentPageFactory(parent=SelfAssessmentIndexPageFactory(parent=home), title="Zelfscan")
    StatementFactory(page=scan)

    # The foreign learner's own things.
    requested = EnrolmentFactory(user=victim, track=track, status=Enrolment.Status.REQUESTED)
    certificate = CertificateFactory(user=victim, track=track)
    certificate.pdf.save(f"{certificate.number}.pdf", ContentFile(PDF))
    attempt = AttemptFactory(
        user=victim, assessment=scan, status="submitted", shared_with_organisation_at=timezone.now()
    )
    second_look = InvitationFactory(attempt=attempt)
    plan_item = PlanItemFactory(plan__user=victim, plan__target_profile=profile, track=track)
    conversation = DevelopmentConversationFactory(
        membership=victim.memberships.get(), target_profile=profile, message="Geheim gesprek"
    )
    CurrentRoleFactory(user=victim, profile=profile)
    CareerStepFactory(user=victim, to_profile=profile)
    feed = CalendarFeedFactory(user=victim)
    data_export = DataExportFactory(user=victim, status=DataExport.Status.DONE)
    data_export.file.save("spil-mijn-gegevens.zip", ContentFile(FOREIGN_NAME.encode()))
    webauthn = Authenticator.objects.create(user=victim, type=Authenticator.Type.WEBAUTHN, data={"name": "sleutel"})

    # The foreign organisation's HR work.
    AssignmentFactory(user=victim, organisation=foreign, track=track, assigned_by=adviser)
    batch = AssignmentBatchFactory(organisation=foreign, assigned_by=adviser, track=track)
    invitation = OrganisationInvitationFactory(organisation=foreign, invited_by=adviser, team=FOREIGN_TEAM)
    upload = InvitationImportFactory(organisation=foreign, uploaded_by=adviser)
    export = ExportJobFactory(adviser=adviser, organisation_ids=[foreign.pk], status=ExportJob.Status.DONE)
    export.file.save("spil-te-laat.csv", ContentFile(f"Naam\n{FOREIGN_NAME}\n".encode()))
    ScimTokenFactory(organisation=foreign)

    # The foreign organiser's circle, with the foreign learner in it.
    circle = LearningCirclePageFactory(title="Vreemde kring", organisers=[organiser])
    session = SessionFactory(circle=circle, online_url=SECRET_LINK, starts_at=timezone.now())
    CircleMemberFactory(circle=circle, user=victim)
    RegistrationFactory(session=session, user=victim, status=Registration.Status.REGISTERED)
    AttendanceFactory(session=session, user=victim, recorded_by=organiser)
    walk_in = AttendanceFactory(
        session=session, user=None, name=FOREIGN_NAME, method=Attendance.Method.WALK_IN, recorded_by=organiser
    )
    material = SessionMaterialFactory(session=session, url="https://example.org/geheim-materiaal")
    circle_invitation = CircleInvitationFactory(circle=circle, email=FOREIGN_EMAIL, invited_by=organiser)
    IntakeAnswerFactory(question=IntakeQuestionFactory(circle=circle), user=victim)
    FeedbackFactory(session=session, user=victim, comment="Geheime feedback")

    # The editors' things.
    template = CertificateTemplateFactory()
    rerender = RerenderBatchFactory(template=template)
    status_list = StatusListFactory()

    # A page and a document only a group may see (none of the four is in it).
    editors = Group.objects.create(name="Geheime groep")
    secret_page = ContentPageFactory(parent=home, title="Geheime pagina", introduction="Geheime pagina-inhoud")
    restriction = PageViewRestriction.objects.create(page=secret_page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(editors)
    # The root collection comes with a migration; a transactional test before this one may have flushed it.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    collection = root.add_child(name="Geheime stukken")
    restricted = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restricted.groups.add(editors)
    document = get_document_model().objects.create(title="Geheim document", collection=collection)
    document.file.save("geheim.txt", ContentFile(b"Geheim document"))

    return {
        "probes": probes,
        "foreign": foreign,
        "values": {
            # Things of someone else (an address naming one is refused to all four).
            "foreign": {
                "user_id": victim.pk,
                "enrolment_id": requested.pk,
                "certificate_id": certificate.pk,
                "attempt_id": attempt.pk,
                "item_id": plan_item.pk,
                "pk": conversation.pk,
                "circle_id": circle.pk,
                "session_id": session.pk,
                "attendance_id": walk_in.pk,
                "material_id": material.pk,
                "invitation_id": invitation.pk,
                "job_id": export.pk,
                "batch_id": batch.pk,
                "organisation_slug": foreign.slug,
                "organisation": foreign.slug,
                "template_id": template.pk,
                "export_id": data_export.pk,
            },
            # Things anybody may name: content, table keys, numbers.
            "shared": {
                "track_id": track.pk,
                "page_id": scan.pk,
                "profile_id": profile.pk,
                "number": 1,
                "key": "te-laat",
                "fmt": "csv",
                "kind": "leergang",
                "target_id": track.pk,
                "list_id": status_list.pk,
                "provider_id": "vreemdenburg",
                "uidb36": "1",
                "restriction_id": restricted.pk,
                "page_view_restriction_id": restriction.pk,
            },
            # Per address, where a name means something else there.
            "circles:invitation_withdraw": {"invitation_id": circle_invitation.pk},
            "invitations:import": {"job_id": upload.pk},
            "invitations:import_confirm": {"job_id": upload.pk},
            "invitations:import_discard": {"job_id": upload.pk},
            "invitations:import_retry": {"job_id": upload.pk},
            "invitations:import_progress": {"job_id": upload.pk},
            "certificates:rerender_batch": {"batch_id": rerender.pk},
            "certificates:retry_rerender": {"batch_id": rerender.pk},
            "certificates:achievement": {"pk": track.pk},
            "mfa_remove_webauthn": {"pk": webauthn.pk},
            "mfa_edit_webauthn": {"pk": webauthn.pk},
            "provisioning:endpoint": {"path": "Users"},
            "account_confirm_email": {"key": WRONG_TOKEN},
            "account_reset_password_from_key": {"key": WRONG_TOKEN},
        },
        "paths": {
            "wagtail_serve": secret_page.url_path.removeprefix(home.url_path).join(("/", "")).replace("//", "/"),
            "wagtaildocs_serve": f"/documents/{document.pk}/geheim.txt",
            "admin/^.*/$": "/admin/geen-scherm/",
        },
        "real_tokens": {"feed": feed.token, "second_look": second_look},
    }


# The walk ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Door:
    key: str  # the name (namespaced) or, without one, the route
    route: str
    levels: tuple  # the pattern of each level of the URL tree

    def __str__(self):
        return f"{self.key} ({self.route})"


def every_door(patterns=None, levels=(), namespace="") -> Iterator[Door]:
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from every_door(entry.url_patterns, (*levels, entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            route = "".join(str(level) for level in (*levels, entry.pattern))
            yield Door(f"{namespace}{entry.name}" if entry.name else route, route, (*levels, entry.pattern))


def rule_for(door: Door) -> Rule | None:
    if door.key in RULES:
        return RULES[door.key]
    for prefix, rule in PREFIX_RULES.items():
        if door.route.startswith(prefix):
            return rule
    return None


def kwarg_names(door: Door) -> list[str]:
    names = []
    for level in door.levels:
        text = str(level)
        names += re.findall(r"<(?:\w+:)?(\w+)>", text) + re.findall(r"\(\?P<(\w+)>", text)
    return names


ADMIN_SAMPLES = {"int": "1", "slug": "x", "str": "x", "path": "x", "uuid": "00000000-0000-0000-0000-000000000001"}


# A published circle and its sessions are open to all (circles span organisations): on the
# members' doors they name nothing private. On the organisers' doors they are someone else's.
MEMBERS_DOORS = {
    "circles:session",
    "circles:session_ics",
    "circles:circle_feed",
    "circles:register",
    "circles:unregister",
    "circles:join",
    "circles:leave",
    "circles:participation:check_in",
    "circles:participation:feedback",
    "circles:participation:intake",
}


def value_of(world: dict, door: Door, name: str, rule: Rule) -> tuple[str, bool]:
    """The value for one part of the address, and whether it names someone else's thing."""
    values = world["values"]
    if door.key in MEMBERS_DOORS and name in ("circle_id", "session_id"):
        return str(values["foreign"][name]), False
    if rule.token and name in ("token", "path", "organisation"):
        own = values.get(door.key, {})
        if name in own:
            return str(own[name]), False
        return (WRONG_TOKEN if name == "token" else str(values["foreign"].get(name, "x"))), False
    if name in values.get(door.key, {}):
        return str(values[door.key][name]), name in values["foreign"] and door.key not in ("certificates:achievement",)
    if name in values["foreign"]:
        return str(values["foreign"][name]), True
    if name in values["shared"]:
        return str(values["shared"][name]), False
    if door.route.startswith("admin/"):
        return "1", False  # the admin refuses before it reads anything
    raise LookupError(f"no value for <{name}> in {door}: add one to the world's values")


def fill(level, values: dict[str, str]) -> str:
    text = str(level)
    if "(?P<" in text or text.startswith("^"):
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m.group(1)], text)
        text = text.lstrip("^").removesuffix("\\Z").removesuffix("$")
        return text.replace("\\", "")
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], text)


def address_of(world: dict, door: Door, rule: Rule) -> tuple[str, bool]:
    """A concrete address for the door, and whether it names someone else's thing."""
    if door.key in world["paths"]:
        return world["paths"][door.key], False
    values, foreign = {}, False
    for name in kwarg_names(door):
        values[name], names_foreign = value_of(world, door, name, rule)
        foreign = foreign or names_foreign
    address = "/" + "".join(fill(level, values) for level in door.levels)
    if re.search(r"[()\[\]*+?|]", address):
        raise LookupError(f"{door}: cannot fill {address!r}; give its address in the world's paths")
    return address, foreign


REFUSED = (403, 404, 405)
LOGIN = "/accounts/login/"
ADMIN_REFUSAL = "Je account heeft daar geen toegang toe"


def knock(client: Client, method: str, address: str):
    """The response, after following redirects inside the site (at most five hops): a chain
    that comes back to where it began, or goes on, is a loop."""
    send = client.post if method == "POST" else client.get
    cache.clear()  # no rate limit trips over the walk's hundreds of requests
    seen = [address] if method == "GET" else []  # a POST may redirect to its own page to show it
    response = send(address)
    while response.status_code in (301, 302, 303, 307, 308) and len(seen) < 5:
        location = response["Location"]
        parts = urlsplit(location)
        if parts.netloc and parts.netloc != "testserver":
            break  # off the site: the identity provider's login, for one
        if parts.path == LOGIN or location in seen:
            break
        seen.append(location)
        response = client.get(location)
    return response, seen


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    return content.decode("utf-8", "replace")


def check(world: dict, door: Door, rule: Rule, who: str, client: Client, method: str) -> str | None:
    """What is wrong with what ``who`` got from the door; None when it is right."""
    address, foreign = address_of(world, door, rule)
    if door.key == "wagtail_serve" or door.key == "wagtaildocs_serve":
        foreign = True  # they hold a page and a document of a group none of the four is in
    response, hops = knock(client, method, address)
    status = response.status_code
    where = f"{who} {method} {address} ({door.key})"
    if status >= 500:
        return f"{where}: {status}"
    if status in (301, 302, 303, 307, 308):
        location = response["Location"]
        if len(hops) >= 5 or location in hops:
            return f"{where}: a redirect loop through {hops}"
        to_login = urlsplit(location).path == LOGIN
    else:
        to_login = False
    body = "" if status in (301, 302, 303, 307, 308) else body_of(response)

    must_refuse = not rule.public and (foreign or rule.token or who not in rule.allowed)
    if door.key in ("wagtail_serve", "wagtaildocs_serve"):
        must_refuse = True
    if rule.public and not must_refuse:
        shown = [secret for secret in rule.hides if secret in body]
        return f"{where}: a public page shows {shown}" if shown else None
    if must_refuse:
        if who == ANONYMOUS and to_login:
            return None
        if door.key.startswith("provisioning:") and status == 401:
            return None
        if status in REFUSED:
            if door.route.startswith("admin/") and who != ANONYMOUS and status == 403 and ADMIN_REFUSAL not in body:
                return f"{where}: 403 without saying why"
            leaked = [secret for secret in SECRETS if secret in body]
            return f"{where}: refused but shows {leaked}" if leaked else None
        if to_login:
            return f"{where}: a signed-in person sent to the login page (a loop waiting to happen)"
        return f"{where}: not refused ({status}{' -> ' + response['Location'] if status in (301, 302, 303) else ''})"
    # Allowed, about their own things: whatever the page, nothing of the world's secrets.
    leaked = [secret for secret in SECRETS if secret in body]
    return f"{where}: shows {leaked}" if leaked else None


def sign_in(client: Client, user) -> None:
    """Signed in a moment ago with a password, as allauth records it: the pages that ask for
    the password again (reauthentication) let them through to the check that matters."""
    client.force_login(user)
    session = client.session
    session["account_authentication_methods_user"] = str(user.pk)
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "email": user.email, "reauthenticated": True}
    ]
    session.save()


def signed_in_client(world: dict, who: str) -> Client:
    client = Client()
    if who != ANONYMOUS:
        sign_in(client, world["probes"][who])
    return client


def methods_for(world: dict, door: Door, rule: Rule, who: str) -> tuple[str, ...]:
    """GET and POST wherever a refusal is due; where the probe may come (a public door, or
    its own things), GET shows what it sees, and a POST would only act for itself."""
    if rule.public and who != ANONYMOUS:
        return ("GET",)
    if not rule.public and not rule.token and who in rule.allowed and not address_of(world, door, rule)[1]:
        return ("GET",)
    return ("GET", "POST")


def sweep(world: dict, who: str, doors: list[Door]) -> list[str]:
    client = signed_in_client(world, who)
    problems = []
    for door in doors:
        rule = rule_for(door)
        for method in methods_for(world, door, rule, who):
            # A POST in a savepoint: a door that wrongly opens changes nothing for the next.
            with transaction.atomic():
                problem = check(world, door, rule, who, client, method)
                transaction.set_rollback(method == "POST")
            if problem:
                problems.append(problem)
            if who != ANONYMOUS and "_auth_user_id" not in client.session:
                sign_in(client, world["probes"][who])  # signed out by the logout doors
    return problems


def doors(*, admin: bool) -> list[Door]:
    return [door for door in every_door() if door.route.startswith("admin/") == admin]


# The admin's screens every probe knocks on with GET and POST, to the end of the redirects.
# The whole admin (over 450 addresses) is walked by an anonymous visitor and a learner: the
# admin does not tell one signed-in person without access from another (none of the three has
# ``wagtailadmin.access_admin``), so the learner stands for the HR adviser and the organiser.
DEEP_ADMIN = (
    "wagtailadmin_home",
    "wagtailadmin_pages:edit",
    "wagtailsnippets_careers_competency:list",
    "organisations:index",
    "organisations:edit",
    "memberships:edit",
    "scim_tokens:add",
    "exports:index",
    "wagtaildocs:index",
    "wagtaildocs:edit",
    "wagtailimages:index",
    "wagtailimages:add",
    "wagtailusers_users:index",
    "wagtailadmin_reports:site_history",
)
ADMIN_LOGIN = "/admin/login/"


def first_answer(world: dict, door: Door, who: str, client: Client, method: str) -> str | None:
    """The admin's first answer to ``who``: a redirect to its login (which refuses or sends
    on to allauth, see below), a 403 saying why, or no such address or method."""
    address, _foreign = address_of(world, door, rule_for(door))
    cache.clear()
    response = (client.post if method == "POST" else client.get)(address)
    status = response.status_code
    where = f"{who} {method} {address} ({door.key})"
    if status in (302, 303) and urlsplit(response["Location"]).path in (ADMIN_LOGIN, LOGIN):
        return None
    if status == 403 and ADMIN_REFUSAL in body_of(response):
        return None
    if status in (404, 405):
        return None
    return f"{where}: {status} {response.get('Location', '')}"


# The tests --------------------------------------------------------------------------------


def test_every_url_pattern_has_a_rule():
    missing = [str(door) for door in every_door() if rule_for(door) is None]
    assert not missing, "URL patterns without an access rule in RULES:\n" + "\n".join(missing)


def test_every_rule_names_a_url_pattern():
    keys = {door.key for door in every_door()}
    stale = sorted(set(RULES) - keys)
    assert not stale, f"rules for URL patterns that are gone: {stale}"


def test_the_walk_reaches_the_admin_and_wagtails_own_urls():
    keys = {door.key for door in every_door()}
    for expected in (
        "wagtailadmin_home",
        "wagtailsnippets_careers_competency:list",
        "organisations:index",
        "wagtaildocs:index",
        "wagtailimages:index",
        "wagtailadmin_reports:site_history",
        "wagtail_serve",
        "wagtaildocs_serve",
        "provisioning:endpoint",
        "circles:personal_feed",
    ):
        assert any(key.endswith(expected) for key in keys), expected


@pytest.mark.django_db
@pytest.mark.parametrize("who", PROBES)
def test_no_door_opens_to_someone_who_may_not_use_it(world, who):
    problems = sweep(world, who, doors(admin=False))
    assert not problems, f"{len(problems)} doors:\n" + "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("who", [ANONYMOUS, LEARNER])
def test_every_screen_of_the_wagtail_admin_refuses_who_may_not_use_it(world, who):
    """Anonymous: GET and POST; the learner: GET (the admin's check does not look at the method)."""
    client = signed_in_client(world, who)
    problems = []
    for door in doors(admin=True):
        if rule_for(door).public:
            continue
        for method in ("GET", "POST") if who == ANONYMOUS else ("GET",):
            problems.append(first_answer(world, door, who, client, method))
    problems = [problem for problem in problems if problem]
    assert not problems, f"{len(problems)} admin screens:\n" + "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("who", PROBES)
def test_deep_admin_screens_end_in_the_login_or_a_clear_403(world, who):
    chosen = [door for door in every_door() if door.key in DEEP_ADMIN]
    assert {door.key for door in chosen} == set(DEEP_ADMIN)
    problems = sweep(world, who, chosen)
    assert not problems, f"{len(problems)} admin screens:\n" + "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("who", PROBES)
def test_the_admin_sends_the_anonymous_to_the_login_and_tells_the_signed_in_why_not(world, who):
    client = signed_in_client(world, who)
    response = client.get("/admin/snippets/", follow=True)  # a loop raises RedirectCycleError
    if who == ANONYMOUS:
        assert response.redirect_chain[-1][0].startswith(f"{LOGIN}?next=")
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert ADMIN_REFUSAL in response.content.decode()
        assert len(response.redirect_chain) == 1
