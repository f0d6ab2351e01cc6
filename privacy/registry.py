"""Every model that holds something of a person, and what the export and the erasure do with it.

One ``Entry`` per link from a model to the person: ``link`` is the lookup from the model's rows to
the user (``"user"``, ``"enrolment__user"``), or for rows found by the person's email address a
``find`` function. ``export`` names the JSON file of the export the rows go into, or says why they
are not exported (``Skip``); ``erase`` is what the erasure does with the rows, or says why they are
kept as they are (``Keep``). ``tests/privacy/test_registry.py`` walks every model of the project
and of the libraries and fails when a link to the user model has no entry here: a new model with
a user field cannot be forgotten.

The erasure keeps learning records for the organisation's statistics: the rows stay, tied to the
anonymised account, with the free text the person wrote (or that was written about them) removed.
"""

import dataclasses
from collections.abc import Callable

from django.apps import apps
from django.db import models
from django.db.models import Q


@dataclasses.dataclass(frozen=True)
class Keep:
    """The rows are kept as they are during erasure; ``why`` says why that is safe."""

    why: str


@dataclasses.dataclass(frozen=True)
class Skip:
    """The rows are not in the export; ``why`` says why."""

    why: str


@dataclasses.dataclass
class Erasing:
    """What the erasure of one person knows while it runs."""

    user: models.Model
    email: str
    name: str
    anonymous_email: str
    anonymous_name: str
    actor: models.Model | None = None
    revoked: int = 0
    kept: int = 0

    @property
    def needles(self) -> list[str]:
        """The texts that must not remain: the email address, and the full name when it is
        specific enough to search for (a one-letter name would match everything)."""
        found = [self.email]
        if len(self.name.strip()) >= 4:
            found.append(self.name.strip())
        return [needle for needle in found if needle]


Operation = Callable[[models.QuerySet, Erasing], None]


@dataclasses.dataclass(frozen=True)
class Entry:
    model: str
    link: str
    export: str | Skip
    erase: Operation | Keep
    exclude: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    find: Callable[[models.Model, str], Q] | None = None

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def rows(self, *, user, email: str | None = None) -> models.QuerySet:
        """The person's rows; ``email`` is their address when it is no longer the account's."""
        manager = self.model_class._base_manager
        if self.find is not None:
            return manager.filter(self.find(user, user.email if email is None else email)).order_by("pk")
        return manager.filter(**{self.link: user.pk}).order_by("pk")


# Operations of the erasure. Each works on the person's rows of one model; updates are
# ``QuerySet.update()`` so that auditlog does not copy the old values into a new entry.


def delete_file_on_commit(file) -> None:
    """Delete a stored file once the erasure is committed: a rolled-back erasure keeps it."""
    from django.db import transaction

    if file:
        name, storage = file.name, file.storage
        transaction.on_commit(lambda: storage.delete(name))


def delete(rows: models.QuerySet, erasing: Erasing) -> None:
    for row in rows:
        for field in row._meta.concrete_fields:
            if isinstance(field, models.FileField):
                delete_file_on_commit(getattr(row, field.name))
        row.delete()


def clear(**values) -> Operation:
    """Replace the free text of the rows: ``clear(note="")``."""

    def operation(rows: models.QuerySet, erasing: Erasing) -> None:
        rows.update(**values)

    operation.__doc__ = f"clear {', '.join(values)}"
    return operation


def scrub(*fields: str) -> Operation:
    """Replace the person's name and email address where they occur in these text or JSON
    fields (log entries about the person), keeping the rest of the entry."""

    def operation(rows: models.QuerySet, erasing: Erasing) -> None:
        scrub_rows(rows.model._base_manager.all(), erasing, fields)

    return operation


def scrub_rows(rows: models.QuerySet, erasing: Erasing, fields: tuple[str, ...]) -> int:
    from django.db.models import TextField
    from django.db.models.functions import Cast

    condition = Q()
    annotations = {}
    for name in fields:
        field = rows.model._meta.get_field(name)
        lookup = name
        if isinstance(field, models.JSONField):
            lookup = f"_privacy_{name}"
            annotations[lookup] = Cast(name, TextField())
        for needle in erasing.needles:
            condition |= Q(**{f"{lookup}__icontains": needle})
    if not erasing.needles:
        return 0
    changed = 0
    for row in rows.annotate(**annotations).filter(condition).only("pk", *fields):
        values = {name: _replace(getattr(row, name), erasing) for name in fields}
        rows.model._base_manager.filter(pk=row.pk).update(**values)
        changed += 1
    return changed


def _replace(value, erasing: Erasing):
    import re

    if isinstance(value, str):
        for needle, replacement in ((erasing.email, erasing.anonymous_email), (erasing.name, erasing.anonymous_name)):
            if needle in erasing.needles:
                value = re.sub(re.escape(needle), replacement, value, flags=re.IGNORECASE)
        return value
    if isinstance(value, dict):
        return {_replace(key, erasing): _replace(item, erasing) for key, item in value.items()}
    if isinstance(value, list):
        return [_replace(item, erasing) for item in value]
    return value


def _custom(name: str) -> Operation:
    """An operation of privacy.services (looked up late: services imports this module)."""

    def operation(rows: models.QuerySet, erasing: Erasing) -> None:
        from . import services

        getattr(services, name)(rows=rows, erasing=erasing)

    operation.__name__ = name
    return operation


def _by_email(field: str):
    def find(user, email: str) -> Q:
        return Q(**{f"{field}__iexact": email}) if email else Q(pk__in=[])

    return find


def _about_user(user, email: str) -> Q:
    """Audit entries whose subject is the account."""
    from django.contrib.contenttypes.models import ContentType

    return Q(subject_type=ContentType.objects.get_for_model(user, for_concrete_model=False), subject_id=str(user.pk))


STATISTICS = "een leergegeven: blijft voor de statistiek van de organisatie, aan het geanonimiseerde account"
ABOUT_OTHERS = (
    "vastgelegd over een ander of over inhoud, in de rol van adviseur, organisator of redacteur; "
    "wat de persoon deed staat in audit.json"
)
POINTS_TO_ACCOUNT = "wijst naar het geanonimiseerde account; er staat geen naam of e-mailadres in"
CONTENT = "inhoud van de site (pagina's, afbeeldingen, documenten): die blijft, zonder naam van de maker"
UPLOADING = "een tijdelijk bestand tijdens het uploaden in het beheer, daarna verwijderd"

ENTRIES: list[Entry] = [
    # The account itself and what signs it in.
    Entry("people.User", "pk", "account", _custom("anonymise_user"), exclude=("password",)),
    Entry("people.Membership", "user", "memberships", Keep(STATISTICS)),
    Entry("wagtailusers.UserProfile", "user", "account", delete),
    Entry("account.EmailAddress", "user", "account", delete),
    Entry("socialaccount.SocialAccount", "user", "account", delete, exclude=("extra_data",)),
    Entry("provisioning.ProvisionedAccount", "user", "memberships", _custom("unlink_provisioned")),
    Entry("privacy.Departure", "user", "memberships", delete),
    Entry("privacy.DataExport", "user", "account", delete),
    Entry("privacy.Erasure", "user", "account", Keep("het bewijs dat het account gewist is; zonder naam")),
    Entry("mfa.Authenticator", "user", "sessions", delete, exclude=("data",)),
    Entry("usersessions.UserSession", "user", "sessions", _custom("end_sessions"), exclude=("session_key", "data")),
    Entry("circles.CalendarFeed", "user", "circles", delete, exclude=("token",)),
    Entry("wagtailcore.APIToken", "user", "sessions", delete, exclude=("key_hash",)),
    # Careers: roles, steps, conversations.
    Entry("careers.CurrentRole", "user", "careers", Keep(STATISTICS)),
    Entry("careers.CurrentRole", "confirmed_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("careers.CareerStep", "user", "careers", clear(note="")),
    Entry("careers.CareerStep", "recorded_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("careers.DevelopmentConversation", "learner", "conversations", clear(message="", outcome_notes="")),
    Entry("careers.DevelopmentConversation", "adviser", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    # Curriculum: enrolments (and the requests among them), progress and reflections, assignments.
    Entry("curriculum.Enrolment", "user", "learning", clear(decision_reason="")),
    Entry("curriculum.Enrolment", "decided_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("curriculum.ModuleProgress", "enrolment__user", "learning", clear(reflections={})),
    Entry("curriculum.RequestReminder", "enrolment__user", "requests", Keep(STATISTICS)),
    Entry("curriculum.Assignment", "user", "assignments", Keep(STATISTICS)),
    Entry("curriculum.Assignment", "assigned_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("curriculum.ReminderSent", "assignment__user", "assignments", Keep(STATISTICS)),
    Entry("curriculum.AssignmentBatch", "person", "assignments", Keep(POINTS_TO_ACCOUNT)),
    Entry("curriculum.AssignmentBatch", "assigned_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("curriculum.DigestSent", "adviser", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    # Assessments.
    Entry("assessments.Attempt", "user", "assessments", Keep(STATISTICS)),
    Entry("assessments.Answer", "attempt__user", "assessments", Keep(STATISTICS)),
    Entry(
        "assessments.Invitation",
        "attempt__user",
        "assessments",
        _custom("forget_raters"),
        exclude=("token_hash",),
    ),
    Entry("assessments.RaterAnswer", "invitation__attempt__user", "assessments", Keep(STATISTICS)),
    Entry("assessments.DevelopmentPlan", "user", "assessments", Keep(STATISTICS)),
    Entry("assessments.PlanItem", "plan__user", "assessments", Keep(STATISTICS)),
    # Certificates: the organisation's ``erasure_certificates`` decides.
    Entry("certificates.Certificate", "user", "certificates", _custom("erase_certificates")),
    Entry("certificates.Certificate", "revoked_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("certificates.ExpiryReminder", "certificate__user", "certificates", Keep(STATISTICS)),
    Entry("certificates.RerenderBatch", "requested_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    # Learning circles.
    Entry("circles.CircleMember", "user", "circles", Keep(STATISTICS)),
    Entry("circles.IntakeAnswer", "user", "circles", clear(value="")),
    Entry("circles.Registration", "user", "circles", Keep(STATISTICS)),
    Entry("circles.Attendance", "user", "circles", _custom("forget_attendance")),
    Entry("circles.Attendance", "recorded_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("circles.Feedback", "user", "circles", clear(comment="")),
    Entry("circles.CircleInvitation", "invited_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("circles.CircleInvitation", "email", "circles", delete, find=_by_email("email")),
    Entry("circles.Session", "created_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("circles.LearningCirclePage", "organisers", Skip(CONTENT), Keep(POINTS_TO_ACCOUNT)),
    # Invitations to Spil.
    Entry(
        "invitations.Invitation", "accepted_by", "invitations", _custom("forget_invitations"), exclude=("token_hash",)
    ),
    Entry(
        "invitations.Invitation",
        "email",
        "invitations",
        _custom("forget_invitations"),
        exclude=("token_hash",),
        find=_by_email("email"),
    ),
    Entry("invitations.Invitation", "invited_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("invitations.Invitation", "revoked_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("invitations.InvitationImport", "uploaded_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry(
        "invitations.ImportRow",
        "email",
        "invitations",
        clear(full_name="", email="", team=""),
        find=_by_email("email"),
    ),
    Entry("provisioning.ScimToken", "created_by", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    Entry("insights.ExportJob", "adviser", Skip(ABOUT_OTHERS), Keep(POINTS_TO_ACCOUNT)),
    # Mail sent to the person.
    Entry("people.OutgoingEmail", "to", "emails", delete, find=_by_email("to")),
    # What was logged about the person: exported, and kept with their name and address replaced.
    Entry(
        "audit.AuditEvent",
        "actor",
        "audit",
        scrub("actor_label", "subject_label", "details"),
        fields=("created_at", "action", "actor_label", "organisation", "subject_label", "path", "details"),
    ),
    Entry(
        "audit.AuditEvent",
        "subject",
        "audit",
        scrub("actor_label", "subject_label", "details"),
        fields=("created_at", "action", "actor_label", "organisation", "subject_label", "path", "details"),
        find=_about_user,
    ),
    Entry(
        "auditlog.LogEntry",
        "actor",
        "audit",
        scrub("object_repr", "changes_text", "changes", "serialized_data", "additional_data", "actor_email"),
        fields=("timestamp", "action", "content_type", "object_repr", "changes"),
    ),
    Entry("admin.LogEntry", "user", "audit", scrub("object_repr", "change_message")),
    Entry("wagtailcore.ModelLogEntry", "user", "audit", scrub("label", "data")),
    Entry("wagtailcore.PageLogEntry", "user", "audit", scrub("label", "data")),
    # Wagtail: content the person edited stays; their own traces of editing go.
    Entry("wagtailcore.Page", "owner", "content", Keep(CONTENT), fields=("title", "url_path", "first_published_at")),
    Entry("wagtailcore.Page", "locked_by", Skip(CONTENT), Keep(CONTENT)),
    Entry("wagtailcore.Revision", "user", "content", Keep(CONTENT), fields=("created_at", "object_str")),
    Entry("wagtailcore.Comment", "user", "content", clear(text="")),
    Entry("wagtailcore.Comment", "resolved_by", Skip(CONTENT), Keep(CONTENT)),
    Entry("wagtailcore.CommentReply", "user", "content", clear(text="")),
    Entry("wagtailcore.PageSubscription", "user", "content", delete),
    Entry("wagtailcore.WorkflowState", "requested_by", "content", Keep(CONTENT)),
    Entry("wagtailcore.TaskState", "finished_by", "content", Keep(CONTENT)),
    Entry("wagtailcore.UploadedFile", "uploaded_by_user", Skip(UPLOADING), delete),
    Entry("wagtailadmin.EditingSession", "user", Skip("een teken dat iemand een pagina open heeft"), delete),
    Entry("wagtailadmin.FormState", "user", Skip("een onbewaard formulier in het beheer"), delete),
    Entry("wagtaildocs.Document", "uploaded_by_user", "content", Keep(CONTENT), fields=("title", "created_at")),
    Entry("wagtailimages.Image", "uploaded_by_user", "content", Keep(CONTENT), fields=("title", "created_at")),
]

# Models linked to the person through another model (not by a field to the user model), and
# handled above: their rows are found through that model.
INDIRECT = {
    "curriculum.ModuleProgress": "curriculum.Enrolment",
    "curriculum.RequestReminder": "curriculum.Enrolment",
    "curriculum.ReminderSent": "curriculum.Assignment",
    "assessments.Answer": "assessments.Attempt",
    "assessments.Invitation": "assessments.Attempt",
    "assessments.RaterAnswer": "assessments.Invitation",
    "assessments.PlanItem": "assessments.DevelopmentPlan",
    "certificates.ExpiryReminder": "certificates.Certificate",
}


def entries() -> list[Entry]:
    """The entries whose model is installed (a library's app may be left out in some settings)."""
    installed = []
    for entry in ENTRIES:
        try:
            apps.get_model(entry.model)
        except LookupError:
            continue
        installed.append(entry)
    return installed


def export_files() -> list[str]:
    return sorted({entry.export for entry in entries() if isinstance(entry.export, str)})
