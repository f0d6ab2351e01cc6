"""A person's data: exported for them, erased at their request, anonymised when the retention
period of the organisations they left has passed. What each model contributes is declared in
``privacy.registry``."""

import datetime
import json
import logging
import tempfile
import zipfile

from auditlog.context import disable_auditlog
from django.contrib.auth.hashers import make_password
from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from people.models import ErasureCertificates, User

from . import registry, selectors
from .models import KEEP_EXPORTS, DataExport, Departure, Erasure
from .registry import Erasing

logger = logging.getLogger(__name__)

# What an erased account is called from then on (a name kept in the database, as any name).
ANONYMOUS_NAME = "Gewiste gebruiker"
# Never in an export, whatever the registry says: secrets and the hashes that stand in for them.
SECRET_FIELDS = {"password", "token_hash", "key_hash", "session_key", "checkin_code"}


def anonymous_email(user: User) -> str:
    return f"gewist-{user.pk}@gewist.invalid"


# Export


@transaction.atomic
def request_export(*, user: User, request=None) -> DataExport:
    """Queue an export of everything of the person; one that is still being made is returned
    instead of a second."""
    from audit.events import Action, record

    from .tasks import run_data_export

    pending = selectors.pending_export(user=user)
    if pending is not None:
        return pending
    export = DataExport.objects.create(user=user, filename=f"spil-mijn-gegevens-{timezone.localdate():%Y-%m-%d}.zip")
    record(Action.DATA_EXPORT, actor=user, subject=export, request=request, step="requested")
    transaction.on_commit(lambda: run_data_export.delay(export.pk))
    return export


def record_download(*, export: DataExport, request=None) -> None:
    from audit.events import Action, record

    DataExport.objects.filter(pk=export.pk).update(downloaded_at=timezone.now())
    record(Action.DATA_EXPORT, actor=export.user, subject=export, request=request, step="downloaded")


def serialise(row: models.Model, entry: registry.Entry) -> dict:
    """One row as JSON: its own values, the ids of what it points to (with the name of a
    thing, never of another person), without secrets."""
    data = {"id": row.pk}
    for field in row._meta.concrete_fields:
        if field.primary_key or field.name in SECRET_FIELDS or field.name in entry.exclude:
            continue
        if entry.fields and field.name not in entry.fields:
            continue
        value = field.value_from_object(row)
        if field.is_relation:
            data[field.name] = value
            if value is not None and field.related_model is not User:
                data[f"{field.name}_label"] = str(getattr(row, field.name))
        elif isinstance(field, models.FileField):
            data[field.name] = value.name if value else ""
        else:
            data[field.name] = value
    if isinstance(row, User):
        data["groups"] = list(row.groups.values_list("name", flat=True))
    return data


def export_data(*, user: User) -> dict[str, dict[str, list[dict]]]:
    """Per export file, per model, the person's rows."""
    files: dict[str, dict[str, dict[int, dict]]] = {name: {} for name in registry.export_files()}
    for entry in registry.entries():
        if not isinstance(entry.export, str):
            continue
        rows = files[entry.export].setdefault(entry.model, {})
        for row in entry.rows(user=user):
            rows.setdefault(row.pk, serialise(row, entry))
    return {name: {model: list(rows.values()) for model, rows in models_.items()} for name, models_ in files.items()}


def write_zip(*, user: User, file, progress=None) -> int:
    """Write the person's export into ``file``: one JSON file per kind of data, and the PDFs of
    their certificates. Returns the number of files written."""
    from certificates.models import Certificate

    data = export_data(user=user)
    written = 0
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LEESMIJ.txt", _readme(user=user))
        for name, content in data.items():
            archive.writestr(f"{name}.json", json.dumps(content, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False))
            written += 1
            if progress:
                progress(written)
        for certificate in Certificate.objects.filter(user=user).exclude(pdf="").order_by("pk"):
            try:
                with certificate.pdf.open("rb") as pdf:
                    archive.writestr(f"certificaten/{certificate.number}.pdf", pdf.read())
            except FileNotFoundError:
                logger.warning("privacy export: PDF of certificate %s is missing", certificate.pk)
        written += 1
        if progress:
            progress(written)
    return written


def _readme(*, user: User) -> str:
    return "\n".join(
        [
            _("Je gegevens uit Spil"),
            "",
            _("Gemaakt op %(date)s voor %(email)s.")
            % {"date": f"{timezone.localtime():%Y-%m-%d %H:%M}", "email": user.email},
            _("Elk JSON-bestand bevat per soort gegeven de rijen die over jou gaan; 'certificaten' bevat de PDF's."),
            "",
        ]
    )


def export_parts() -> int:
    return len(registry.export_files()) + 1


def run_export(*, export_id: int) -> DataExport:
    """Build the ZIP in the private storage. Idempotent: a finished export is left alone; a run
    after a worker died midway writes the whole file again, in place of any saved before."""
    export = DataExport.objects.select_related("user").get(pk=export_id)
    if export.status == DataExport.Status.DONE:
        return export
    DataExport.mark_running(export.pk, total=export_parts())
    with tempfile.TemporaryFile() as file:
        written = write_zip(
            user=export.user, file=file, progress=lambda n: DataExport.mark_progress(export.pk, processed=n)
        )
        file.seek(0)
        export.file.storage.delete(export.file.field.generate_filename(export, export.filename))
        export.file.save(export.filename, File(file), save=False)
    DataExport.mark_done(export.pk, file=export.file.name, processed=written)
    export.refresh_from_db()
    return export


def delete_expired_exports(*, now: datetime.datetime) -> int:
    """Delete the files of exports finished more than ``KEEP_EXPORTS`` ago; the row stays.
    Idempotent: a file already gone is skipped."""
    deleted = 0
    for export in DataExport.objects.filter(finished_at__lt=now - KEEP_EXPORTS).exclude(file="").iterator():
        export.file.delete(save=False)
        DataExport.objects.filter(pk=export.pk).update(file="")
        deleted += 1
    return deleted


# Erasure


@transaction.atomic
def erase_person(
    *, user: User, reason: str = Erasure.Reason.REQUEST, actor: User | None = None, request=None
) -> Erasure:
    """Erase the person: their learning records stay for the organisation's statistics, tied to
    an anonymous account that can no longer sign in; their name, email address and free text
    go; their certificates stay verifiable without a name, or are revoked, as the organisation
    says; their sessions end. Idempotent: an erased account is left as it is."""
    from audit.events import Action, record

    user = User.objects.select_for_update().get(pk=user.pk)
    done = Erasure.objects.filter(user=user).first()
    if done is not None:
        return done
    organisations = list(user.memberships.values_list("organisation_id", flat=True).distinct())
    organisations += list(user.departures.values_list("organisation_id", flat=True))
    erasing = Erasing(
        user=user,
        email=user.email,
        name=user.full_name,
        anonymous_email=anonymous_email(user),
        anonymous_name=ANONYMOUS_NAME,
        actor=actor,
    )
    entries = registry.entries()
    last = [entry for entry in entries if entry.model == "people.User"]
    with disable_auditlog():
        for entry in [entry for entry in entries if entry not in last] + last:
            if callable(entry.erase):
                entry.erase(entry.rows(user=user, email=erasing.email), erasing)
    erasure = Erasure.objects.create(
        user=user, reason=reason, certificates_revoked=erasing.revoked, certificates_kept=erasing.kept
    )
    user.refresh_from_db()
    if actor is not None and actor.pk == user.pk:
        actor.refresh_from_db()  # the signed-in person's object: no old address in what is logged next
    action = Action.ERASURE if reason == Erasure.Reason.REQUEST else Action.RETENTION_ANONYMISED
    record(
        action,
        actor=actor,
        organisation=sorted(set(organisations)) or None,
        subject=user,
        request=request,
        reason=reason,
        certificates_revoked=erasing.revoked,
        certificates_kept=erasing.kept,
    )
    logger.info("privacy: account %s erased (%s)", user.pk, reason)
    return erasure


def anonymise_user(*, rows: models.QuerySet, erasing: Erasing) -> None:
    """The account row: no name, no address, no password, no rights; it can never sign in."""
    rows.update(
        email=erasing.anonymous_email,
        full_name=erasing.anonymous_name,
        password=make_password(None),
        is_active=False,
        is_staff=False,
        is_superuser=False,
        last_login=None,
    )
    erasing.user.groups.clear()
    erasing.user.user_permissions.clear()


def end_sessions(*, rows: models.QuerySet, erasing: Erasing) -> None:
    """Every session of the person ends now (allauth's user sessions, and Django's behind them)."""
    from provisioning.services import end_sessions as end_all

    end_all(user=erasing.user)
    rows.delete()


def unlink_provisioned(*, rows: models.QuerySet, erasing: Erasing) -> None:
    """The identity provider's id of the person goes; the link stays, removed, so a new push
    from the identity provider makes a new account instead of reviving this one."""
    rows.update(external_id="", active=False, removed_at=Coalesce("removed_at", timezone.now()))


def forget_raters(*, rows: models.QuerySet, erasing: Erasing) -> None:
    """Who the person asked for feedback would say who the person was: names and addresses go,
    an unused invitation can no longer be used."""
    now = timezone.now()
    rows.filter(used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    rows.update(name="", email="")


def forget_attendance(*, rows: models.QuerySet, erasing: Erasing) -> None:
    rows.update(name="", email="")


def forget_invitations(*, rows: models.QuerySet, erasing: Erasing) -> None:
    """Invitations to the person: name and team go, the address becomes one that reaches
    nobody (unique per invitation, as a pending one must be), a pending one is revoked."""
    now = timezone.now()
    for invitation in rows:
        values = {"full_name": "", "team": "", "email": f"gewist-{erasing.user.pk}-{invitation.pk}@gewist.invalid"}
        if invitation.accepted_at is None and invitation.revoked_at is None:
            values["revoked_at"] = now
        rows.model._base_manager.filter(pk=invitation.pk).update(**values)


def erase_certificates(*, rows: models.QuerySet, erasing: Erasing) -> None:
    """The name leaves every certificate and its PDF goes (the PDF carries the name). Then, as
    the vouching organisation says: the certificate stays verifiable, its page saying the name
    is no longer shown, or it is revoked through the certificates service."""
    from certificates.services import revoke_on_erasure

    reason = _("Ingetrokken omdat de gegevens van de houder zijn gewist.")
    for certificate in rows.select_related("organisation"):
        registry.delete_file_on_commit(certificate.pdf)
        rows.model._base_manager.filter(pk=certificate.pk).update(holder_name="", pdf="")
        policy = certificate.organisation.erasure_certificates if certificate.organisation else ErasureCertificates.KEEP
        if policy == ErasureCertificates.REVOKE and certificate.revoked_at is None:
            revoke_on_erasure(certificate_id=certificate.pk, reason=reason, actor=erasing.actor)
            erasing.revoked += 1
        elif certificate.revoked_at is None:
            erasing.kept += 1


# Leavers and retention


def record_departure(*, user_id: int, organisation_id: int, how: str, left_at: datetime.datetime) -> None:
    """The person left the organisation (the first date counts). Skipped when the person or the
    organisation is gone meanwhile: a cascade from deleting them removes the membership too."""
    if not User.objects.filter(pk=user_id).exists():
        return
    from people.models import Organisation

    if not Organisation.objects.filter(pk=organisation_id).exists():
        return
    Departure.objects.get_or_create(
        user_id=user_id, organisation_id=organisation_id, defaults={"how": how, "left_at": left_at}
    )


def clear_departure(*, user_id: int, organisation_id: int, how: str | None = None) -> None:
    """The person is back: their learning records are no longer a leaver's."""
    departures = Departure.objects.filter(user_id=user_id, organisation_id=organisation_id)
    if how is not None:
        departures = departures.filter(how=how)
    departures.delete()


def anonymise_leavers(*, now: datetime.datetime) -> int:
    """Erase every person who left all their organisations longer ago than each of those
    organisations keeps leavers' records. Idempotent: an erased person is not found again.
    Returns how many were erased."""
    erased = 0
    for user in selectors.leavers_due(now=now):
        try:
            erase_person(user=user, reason=Erasure.Reason.RETENTION)
        except Exception:
            logger.exception("privacy: could not anonymise leaver %s", user.pk)
            continue
        erased += 1
    return erased
