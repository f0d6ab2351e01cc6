"""What lands in the audit log without anyone calling ``record``: sign-ins, failed sign-ins and
sign-outs (Django's auth signals, which allauth, SSO and the Wagtail login all send), and a copy of
every django-auditlog entry (memberships, roles, accounts, conversations, exports: see the
``audit.py`` of each app) with the organisation it concerns, so admins read one list and each
organisation's retention applies to the model changes as well."""

import contextvars
import logging

from auditlog.models import LogEntry
from auditlog.signals import pre_log
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .events import build, record
from .models import Action, AuditEvent

logger = logging.getLogger(__name__)

# The instance auditlog is about to log (``pre_log``), so the copy made when its entry is saved
# needs no query to find the organisation, also for an instance that is being deleted.
_logging_instance: contextvars.ContextVar = contextvars.ContextVar("audit_logging_instance", default=None)


def organisations_of_user(user) -> list[int]:
    from people.models import Membership

    if user is None or not getattr(user, "pk", None):
        return []
    return sorted(set(Membership.objects.filter(user_id=user.pk).values_list("organisation_id", flat=True)))


# Sign-ins


def on_logged_in(sender, request, user, **kwargs):
    record(Action.LOGIN, actor=user, organisation=organisations_of_user(user), request=request)


def on_logged_out(sender, request, user, **kwargs):
    if user is None:
        return
    record(Action.LOGOUT, actor=user, organisation=organisations_of_user(user), request=request)


def on_login_failed(sender, credentials, request=None, **kwargs):
    """Django passes the credentials with the password already masked; of them only an email
    address that belongs to an account is kept. What someone typed that matches no account is
    not stored: it may well be a password typed into the wrong field."""
    from people.models import User

    typed = str(credentials.get("email") or credentials.get("username") or "").strip()
    account = User.objects.filter(email__iexact=typed).first() if typed and len(typed) <= 254 else None
    if account is None:
        record(Action.LOGIN_FAILED, request=request, known_account=False)
        return
    record(
        Action.LOGIN_FAILED,
        organisation=organisations_of_user(account),
        subject=account,
        request=request,
        actor_label=account.email,
        known_account=True,
    )


# Copies of django-auditlog's entries


def remember_instance(sender, instance, action, **kwargs):
    _logging_instance.set(instance)


def action_for(entry: LogEntry, model) -> str:
    from insights.models import ExportJob
    from people.models import Membership, User

    changes = entry.changes or {}
    if model is Membership:
        if entry.action == LogEntry.Action.UPDATE and "role" in changes:
            return Action.ROLE_CHANGED
        return Action.MEMBERSHIP_CHANGED
    if model is User:
        if {"groups", "is_superuser", "is_staff"} & set(changes):
            return Action.ROLE_CHANGED
        return Action.ACCOUNT_CHANGED
    if model is ExportJob and entry.action == LogEntry.Action.CREATE:
        return Action.EXPORT_REQUESTED
    return Action.RECORD_CHANGED


def organisations_for(entry: LogEntry, instance, model) -> list:
    """The organisations an entry concerns: the membership's (before and after a move), a
    person's current ones, an export's, or the ``organisation`` of any other record."""
    from people.models import Membership, Organisation, User

    ids: set[int] = set()
    if model is Organisation and entry.object_pk:
        ids.add(int(entry.object_pk))
    elif model is User:
        ids.update(organisations_of_user(instance))
    if instance is not None:
        if getattr(instance, "organisation_id", None):
            ids.add(instance.organisation_id)
        listed = getattr(instance, "organisation_ids", None)
        if isinstance(listed, list | tuple):
            ids.update(pk for pk in listed if isinstance(pk, int))
    if model is Membership:
        fields = (entry.serialized_data or {}).get("fields", {})
        if isinstance(fields.get("organisation"), int):
            ids.add(fields["organisation"])
        moved = (entry.changes or {}).get("organisation")
        if isinstance(moved, list | tuple) and moved and moved[0] not in (None, "None"):
            ids.update(Organisation.objects.filter(name=moved[0]).values_list("pk", flat=True))
    return sorted(ids)


CHANGE_NAMES = {
    LogEntry.Action.CREATE: "create",
    LogEntry.Action.UPDATE: "update",
    LogEntry.Action.DELETE: "delete",
    LogEntry.Action.ACCESS: "access",
}


def copy_log_entry(sender, instance: LogEntry, created: bool, raw: bool = False, **kwargs):
    if not created or raw:
        return
    entry = instance
    try:
        model = entry.content_type.model_class()
        subject = _logging_instance.get()
        _logging_instance.set(None)
        if subject is None or type(subject) is not model or str(subject.pk) != str(entry.object_pk):
            subject = model._default_manager.filter(pk=entry.object_pk).first() if model else None
        events = build(
            action_for(entry, model),
            actor=entry.actor,
            organisation=organisations_for(entry, subject, model),
            log_entry=entry,
            actor_label=entry.actor_email or "",
            change=CHANGE_NAMES.get(entry.action, ""),
        )
        for event in events:
            event.subject_type_id = entry.content_type_id
            event.subject_id = str(entry.object_pk)[:64]
            event.subject_label = entry.object_repr[:255]
        with transaction.atomic():
            from .models import AuditEvent

            AuditEvent.objects.bulk_create(events)
    except Exception:
        logger.exception("Could not copy audit log entry %s", entry.pk)


def organisation_deleted(sender, instance, **kwargs):
    """Entries about an organisation's memberships are written while the organisation is
    being deleted (its memberships go first): they lose the link, not the transaction. Its
    name stays in the copied auditlog entry; the default retention applies from then on."""
    AuditEvent.objects.filter(organisation_id=instance.pk).update(organisation=None)


def connect() -> None:
    from people.models import Organisation

    post_delete.connect(organisation_deleted, sender=Organisation, dispatch_uid="audit_organisation_deleted")
    user_logged_in.connect(on_logged_in, dispatch_uid="audit_logged_in")
    user_logged_out.connect(on_logged_out, dispatch_uid="audit_logged_out")
    user_login_failed.connect(on_login_failed, dispatch_uid="audit_login_failed")
    pre_log.connect(remember_instance, dispatch_uid="audit_pre_log")
    post_save.connect(copy_log_entry, sender=LogEntry, dispatch_uid="audit_copy_log_entry")
