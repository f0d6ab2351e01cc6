"""During and after a session: attendance (by the organiser, a walk-in, or checking in with a
code), feedback, the intake poll, the report and the materials; and the reads that make
attendance count: a member's learning history with hours, and circle participation for HR.

Everything a person does here is tied to their account, never to a display name: the
organiser marks accounts from the registration list, a walk-in's email address links their
account when they have one, and a check-in counts for whoever is signed in.
"""

import datetime
import secrets
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, Max, OuterRef, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from common.throttle import Throttle
from curriculum import services as curriculum_services
from people.models import Membership, User
from people.selectors import users_visible_to_hr

from . import selectors
from .models import (
    Attendance,
    CircleMember,
    Feedback,
    IntakeAnswer,
    IntakeQuestion,
    LearningCirclePage,
    Registration,
    Session,
    SessionMaterial,
)

# Members can check in from a little before the start until the end of the session.
CHECK_IN_OPENS_BEFORE = datetime.timedelta(minutes=15)
# Six characters without look-alikes (no I, L, O, 0, 1): easy to read off a shared screen.
CHECK_IN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CHECK_IN_CODE_LENGTH = 6
# Attempts per person per session: plenty for typing errors, far too few to guess a code.
CHECK_IN_THROTTLE = Throttle("circle-check-in", window=600)
CHECK_IN_ATTEMPTS = 8
# Feedback is asked for once the session has ended, for this long.
FEEDBACK_OPEN_FOR = datetime.timedelta(days=30)
# The intake poll shows no aggregate of fewer answers: nobody can be picked out of it.
INTAKE_MIN_ANSWERS = 5
# Materials: what a session's slides, hand-outs and notes come in, at most this large.
MATERIAL_MAX_BYTES = 20 * 1024 * 1024
MATERIAL_EXTENSIONS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain",
    "csv": "text/csv",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}
# The first bytes of a file of each kind: a renamed program does not pass as a document.
MATERIAL_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    **dict.fromkeys(("docx", "xlsx", "pptx", "odt", "ods", "odp"), (b"PK\x03\x04",)),
}

PRESENT = Attendance.Status.PRESENT
ABSENT = Attendance.Status.ABSENT


# Who may do what ---------------------------------------------------------------------


def may_see_members_content(*, user: User, circle: LearningCirclePage) -> bool:
    """The report and the materials are for the circle's members and its organisers."""
    return selectors.is_member(circle=circle, user=user) or selectors.is_organiser(circle=circle, user=user)


def _require_organiser(*, actor: User, circle: LearningCirclePage) -> None:
    if not selectors.is_organiser(circle=circle, user=actor):
        raise PermissionDenied


# Attendance --------------------------------------------------------------------------


def check_in_window(*, session: Session) -> tuple[datetime.datetime, datetime.datetime]:
    return session.starts_at - CHECK_IN_OPENS_BEFORE, session.ends_at


def attendance_open(*, session: Session, now: datetime.datetime | None = None) -> bool:
    """The organiser records attendance from the moment members may check in, and later."""
    now = now or timezone.now()
    return not session.is_cancelled and now >= check_in_window(session=session)[0]


def _require_attendance_open(session: Session) -> None:
    if session.is_cancelled:
        raise ValidationError(_("Deze bijeenkomst is afgelast."))
    if not attendance_open(session=session):
        raise ValidationError(_("Aanwezigheid leg je vast vanaf een kwartier voor de start van de bijeenkomst."))


def _set_status(*, session: Session, user: User, status: str, method: str, actor: User) -> tuple[Attendance, bool]:
    """Write one person's attendance; returns the row and whether they now count as present
    where they did not before. Call inside a transaction."""
    attendance, created = Attendance.objects.select_for_update().get_or_create(
        session=session, user=user, defaults={"status": status, "method": method, "recorded_by": actor}
    )
    if created:
        return attendance, status == PRESENT
    if attendance.status == status:
        return attendance, False
    attendance.status = status
    attendance.method = method
    attendance.recorded_by = actor
    attendance.save(update_fields=["status", "method", "recorded_by", "recorded_at"])
    return attendance, status == PRESENT


def attendance_list_user_ids(*, session: Session) -> set[int]:
    """The accounts an organiser can mark: everyone registered or on the waitlist, and
    everyone whose attendance is already recorded (a check-in, a walk-in with an account)."""
    registered = Registration.objects.filter(session=session).exclude(status=Registration.Status.CANCELLED)
    return set(registered.values_list("user_id", flat=True)) | set(
        Attendance.objects.filter(session=session, user__isnull=False).values_list("user_id", flat=True)
    )


@transaction.atomic
def record_attendance(
    *, actor: User, session: Session, by_user: dict[int, str], by_walk_in: dict[int, str] | None = None
) -> int:
    """The organiser's list: present or absent per account (``by_user``: user id -> status)
    and per walk-in without an account (``by_walk_in``: attendance id -> status). People who
    are not on the session's list are left alone, and so are rows whose status stays the
    same (a check-in keeps its method). Returns how many rows changed; a fixed number of
    queries, however long the list."""
    _require_organiser(actor=actor, circle=session.circle)
    _require_attendance_open(session)
    valid = {PRESENT, ABSENT}
    allowed = attendance_list_user_ids(session=session)
    wanted = {pk: status for pk, status in by_user.items() if pk in allowed and status in valid}
    existing = {
        a.user_id: a for a in Attendance.objects.select_for_update().filter(session=session, user_id__in=list(wanted))
    }
    now = timezone.now()
    new = [
        Attendance(session=session, user_id=pk, status=status, method=Attendance.Method.ORGANISER, recorded_by=actor)
        for pk, status in wanted.items()
        if pk not in existing
    ]
    changed = [a for pk, a in existing.items() if a.status != wanted[pk]]
    for attendance in changed:
        attendance.status = wanted[attendance.user_id]
        attendance.recorded_by = actor
        attendance.recorded_at = now
        if attendance.method != Attendance.Method.WALK_IN:
            attendance.method = Attendance.Method.ORGANISER
    walk_ins = [
        a
        for a in Attendance.objects.select_for_update().filter(
            session=session, user__isnull=True, pk__in=list(by_walk_in or {})
        )
        if by_walk_in[a.pk] in valid and by_walk_in[a.pk] != a.status
    ]
    for attendance in walk_ins:
        attendance.status = by_walk_in[attendance.pk]
        attendance.recorded_by = actor
        attendance.recorded_at = now
    # A member who checks in at this very moment keeps their check-in (ignore_conflicts).
    Attendance.objects.bulk_create(new, ignore_conflicts=True)
    Attendance.objects.bulk_update(changed + walk_ins, ["status", "method", "recorded_by", "recorded_at"])
    newly_present = [a.user_id for a in new + changed if a.user_id and a.status == PRESENT]
    _count_towards_track(circle=session.circle, user_ids=newly_present)
    return len(new) + len(changed) + len(walk_ins)


def account_with_email(email: str) -> User | None:
    """The active account whose login, or one of whose verified addresses, is ``email``."""
    return (
        User.objects.filter(
            Q(email__iexact=email) | Q(emailaddress__email__iexact=email, emailaddress__verified=True),
            is_active=True,
        )
        .distinct()
        .first()
    )


@transaction.atomic
def add_walk_in(*, actor: User, session: Session, name: str = "", email: str = "") -> Attendance:
    """Someone who came without being on the list. With the email address of an account,
    that account is marked present (the attendance counts for them); otherwise the walk-in is
    kept by name and email address."""
    _require_organiser(actor=actor, circle=session.circle)
    _require_attendance_open(session)
    name, email = name.strip(), email.strip()
    account = account_with_email(email) if email else None
    if account is not None:
        attendance, became_present = _set_status(
            session=session, user=account, status=PRESENT, method=Attendance.Method.WALK_IN, actor=actor
        )
        if became_present:
            _count_towards_track(circle=session.circle, user_ids=[account.pk])
        return attendance
    if not name:
        message = _("Er is geen account met dit e-mailadres. Vul ook de naam in.") if email else _("Vul de naam in.")
        raise ValidationError({"name": message})
    existing = (
        Attendance.objects.select_for_update().filter(session=session, user__isnull=True, email__iexact=email).first()
        if email
        else None
    )
    if existing is not None:
        existing.name, existing.status, existing.recorded_by = name, PRESENT, actor
        existing.save(update_fields=["name", "status", "recorded_by", "recorded_at"])
        return existing
    return Attendance.objects.create(
        session=session, name=name, email=email, status=PRESENT, method=Attendance.Method.WALK_IN, recorded_by=actor
    )


@transaction.atomic
def remove_walk_in(*, actor: User, session: Session, attendance_id: int) -> bool:
    """Take a walk-in without an account off the list (a typing error, a double entry)."""
    _require_organiser(actor=actor, circle=session.circle)
    deleted, _rows = Attendance.objects.filter(
        session=session, pk=attendance_id, user__isnull=True, method=Attendance.Method.WALK_IN
    ).delete()
    return bool(deleted)


def _new_code() -> str:
    return "".join(secrets.choice(CHECK_IN_CODE_ALPHABET) for _position in range(CHECK_IN_CODE_LENGTH))


def check_in_code(*, actor: User, session: Session) -> str:
    """The session's check-in code for the organiser to show; made the first time it is asked."""
    _require_organiser(actor=actor, circle=session.circle)
    if not session.checkin_code:
        Session.objects.filter(pk=session.pk, checkin_code="").update(checkin_code=_new_code())
        session.checkin_code = Session.objects.values_list("checkin_code", flat=True).get(pk=session.pk)
    return session.checkin_code


def renew_check_in_code(*, actor: User, session: Session) -> str:
    """A new code, for when the old one went round outside the session. Who already checked
    in stays checked in."""
    _require_organiser(actor=actor, circle=session.circle)
    session.checkin_code = _new_code()
    Session.objects.filter(pk=session.pk).update(checkin_code=session.checkin_code)
    return session.checkin_code


def normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()


class CheckInError(Exception):
    """Why a check-in did not count, in words for the member (``message``); ``retry_after``
    (seconds) when the attempts ran out."""

    def __init__(self, message: str, *, code: str, retry_after: int | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.retry_after = retry_after


def check_in_state(*, user: User, session: Session, now: datetime.datetime | None = None) -> str | None:
    """Why ``user`` cannot check in now (a code for ``CheckInError``), or None if they can."""
    now = now or timezone.now()
    opens, closes = check_in_window(session=session)
    if session.is_cancelled:
        return "cancelled"
    if not session.online_url:
        return "not_online"
    if not selectors.is_member(circle=session.circle, user=user):
        return "not_member"
    if now < opens:
        return "early"
    if now > closes:
        return "closed"
    return None


def check_in_refusal(code: str, session: Session) -> CheckInError:
    """The refusal for a ``check_in_state`` code, with its words for the member."""
    opens, _closes = check_in_window(session=session)
    messages = {
        "cancelled": _("Deze bijeenkomst is afgelast."),
        "not_online": _(
            "Bij een bijeenkomst op locatie legt de organisator de aanwezigheid vast; zelf inchecken kan niet."
        ),
        "not_member": _("Alleen leden van de leerkring kunnen inchecken. Word eerst lid van de leerkring."),
        "early": _("Inchecken kan vanaf %(time)s, een kwartier voor de start.")
        % {"time": timezone.localtime(opens).strftime("%H:%M")},
        "closed": _(
            "De bijeenkomst is afgelopen, dus inchecken kan niet meer. Was je erbij? Vraag de organisator je "
            "aanwezigheid vast te leggen."
        ),
        "wrong": _(
            "Deze code klopt niet. Kijk goed naar de code die de organisator laat zien: zes tekens, letters en "
            "cijfers. Is er een nieuwe code? Gebruik dan die."
        ),
    }
    return CheckInError(messages[code], code=code)


def check_in(*, user: User, session: Session, code: str, now: datetime.datetime | None = None) -> Attendance:
    """Check in to an online session with the code the organiser shows: present, for the
    account that is signed in. Raises ``CheckInError`` with a reason for the member."""
    if not CHECK_IN_THROTTLE.hit(f"{user.pk}:{session.pk}", limit=CHECK_IN_ATTEMPTS):
        seconds = CHECK_IN_THROTTLE.seconds_left()
        minutes = max(1, -(-seconds // 60))
        raise CheckInError(
            ngettext(
                "Je hebt te vaak een code geprobeerd. Probeer het over %(minutes)s minuut opnieuw.",
                "Je hebt te vaak een code geprobeerd. Probeer het over %(minutes)s minuten opnieuw.",
                minutes,
            )
            % {"minutes": minutes},
            code="throttled",
            retry_after=seconds,
        )
    refused = check_in_state(user=user, session=session, now=now)
    if refused:
        raise check_in_refusal(refused, session)
    current = Session.objects.values_list("checkin_code", flat=True).get(pk=session.pk)
    if not current or not secrets.compare_digest(normalise_code(code).encode(), current.encode()):
        raise check_in_refusal("wrong", session)
    with transaction.atomic():
        attendance, became_present = _set_status(
            session=session, user=user, status=PRESENT, method=Attendance.Method.CHECK_IN, actor=user
        )
        if became_present:
            _count_towards_track(circle=session.circle, user_ids=[user.pk])
    return attendance


def _count_towards_track(*, circle: LearningCirclePage, user_ids: list[int]) -> None:
    """Attendance counts: whoever has now attended the circle's required number of sessions
    completes its learning track, and the existing issuing gives the certificate."""
    if not user_ids or not circle.track_id or not circle.sessions_required:
        return
    reached = (
        Attendance.objects.filter(session__circle=circle, user_id__in=user_ids, status=PRESENT)
        .exclude(session__status=Session.Status.CANCELLED)
        .values("user_id")
        .annotate(n=Count("id"))
        .filter(n__gte=circle.sessions_required)
        .values_list("user_id", flat=True)
    )
    for user in User.objects.filter(pk__in=list(reached)):
        curriculum_services.complete_by_attendance(user=user, track=circle.track)


# Feedback ----------------------------------------------------------------------------


def feedback_state(*, user: User, session: Session, now: datetime.datetime | None = None) -> str | None:
    """Why ``user`` cannot give feedback on ``session`` (for the message), or None."""
    now = now or timezone.now()
    if session.is_cancelled:
        return "cancelled"
    if now < session.ends_at:
        return "not_yet"
    if now > session.ends_at + FEEDBACK_OPEN_FOR:
        return "closed"
    attendance = Attendance.objects.filter(session=session, user=user).values_list("status", flat=True).first()
    registered = Registration.objects.filter(session=session, user=user, status=Registration.Status.REGISTERED).exists()
    if attendance != PRESENT and not (registered and attendance is None):
        return "not_attended"
    if Feedback.objects.filter(session=session, user=user).exists():
        return "given"
    return None


FEEDBACK_REFUSALS = {
    "cancelled": gettext_lazy("Deze bijeenkomst is afgelast."),
    "not_yet": gettext_lazy("Feedback geven kan na afloop van de bijeenkomst."),
    "closed": gettext_lazy("Feedback geven kan tot een maand na de bijeenkomst."),
    "not_attended": gettext_lazy("Feedback geven kan alleen wie bij de bijeenkomst was."),
    "given": gettext_lazy("Je hebt al feedback gegeven op deze bijeenkomst. Dank je wel!"),
}


def give_feedback(*, user: User, session: Session, rating: int, comment: str = "") -> Feedback:
    """A rating of 1 to 5 and a comment, once per person per session."""
    refused = feedback_state(user=user, session=session)
    if refused:
        raise ValidationError(str(FEEDBACK_REFUSALS[refused]), code=refused)
    if not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Kies een waardering van 1 tot en met 5.")})
    try:
        with transaction.atomic():
            return Feedback.objects.create(session=session, user=user, rating=rating, comment=comment.strip()[:2000])
    except IntegrityError:
        raise ValidationError(str(FEEDBACK_REFUSALS["given"]), code="given") from None


@dataclass(frozen=True)
class FeedbackSummary:
    count: int
    average: float | None
    # (rating, count) for 5 down to 1.
    distribution: list[tuple[int, int]]
    # The comments, without names, oldest first.
    comments: list[str] = field(default_factory=list)


def _summary(ratings: Counter, comments: list[str]) -> FeedbackSummary:
    count = sum(ratings.values())
    average = round(sum(r * n for r, n in ratings.items()) / count, 1) if count else None
    return FeedbackSummary(
        count=count,
        average=average,
        distribution=[(rating, ratings.get(rating, 0)) for rating in range(5, 0, -1)],
        comments=comments,
    )


def feedback_summary(*, session: Session) -> FeedbackSummary:
    rows = list(Feedback.objects.filter(session=session).order_by("created_at", "pk").values_list("rating", "comment"))
    return _summary(Counter(r for r, _c in rows), [c for _r, c in rows if c.strip()])


def circle_feedback_summary(*, circle: LearningCirclePage) -> FeedbackSummary:
    """The ratings of all the circle's sessions together (no comments: those are per session)."""
    ratings = Counter(
        dict(
            Feedback.objects.filter(session__circle=circle)
            .values_list("rating")
            .annotate(n=Count("id"))
            .order_by("rating")
        )
    )
    return _summary(ratings, [])


# Report and materials ----------------------------------------------------------------


@transaction.atomic
def save_report(*, actor: User, session: Session, report: str, publish: bool) -> Session:
    """Keep the report; ``publish`` shows it to the members (and keeps it shown on later
    edits), publishing nothing is refused."""
    _require_organiser(actor=actor, circle=session.circle)
    session.report = report
    if publish and not report.strip():
        raise ValidationError({"report": _("Schrijf eerst het verslag.")})
    if publish and session.report_published_at is None:
        session.report_published_at = timezone.now()
    session.save(update_fields=["report", "report_published_at", "updated_at"])
    return session


@transaction.atomic
def withdraw_report(*, actor: User, session: Session) -> Session:
    """Hide a published report from the members again; the text stays for the organiser."""
    _require_organiser(actor=actor, circle=session.circle)
    session.report_published_at = None
    session.save(update_fields=["report_published_at", "updated_at"])
    return session


def check_material_file(upload: UploadedFile) -> None:
    """Refuse files that are too large, of a kind members cannot open safely, or whose
    content does not match their name."""
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in MATERIAL_EXTENSIONS:
        raise ValidationError(
            _("Dit soort bestand kun je niet delen. Kies een %(kinds)s.")
            % {"kinds": ", ".join(sorted(set(MATERIAL_EXTENSIONS) - {"jpeg"}))},
            code="kind",
        )
    if upload.size > MATERIAL_MAX_BYTES:
        raise ValidationError(
            _("Dit bestand is te groot: een bestand mag hoogstens %(mb)s MB zijn.")
            % {"mb": MATERIAL_MAX_BYTES // (1024 * 1024)},
            code="size",
        )
    signatures = MATERIAL_SIGNATURES.get(extension)
    if signatures:
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
        if not head.startswith(signatures):
            raise ValidationError(_("Dit bestand is geen echt .%(ext)s-bestand.") % {"ext": extension}, code="content")


@transaction.atomic
def add_material(
    *, actor: User, session: Session, title: str, upload: UploadedFile | None = None, url: str = ""
) -> SessionMaterial:
    """A file (kept in private storage, served only to members) or a link."""
    _require_organiser(actor=actor, circle=session.circle)
    if bool(upload) == bool(url):
        raise ValidationError(_("Voeg een bestand of een link toe, niet allebei."))
    if upload:
        check_material_file(upload)
    material = SessionMaterial(session=session, title=title.strip(), url=url)
    if upload:
        material.file.save(PurePath(upload.name).name, upload, save=False)
    material.save()
    return material


@transaction.atomic
def remove_material(*, actor: User, material: SessionMaterial) -> None:
    _require_organiser(actor=actor, circle=material.session.circle)
    if material.file:
        name = material.file.name
        storage = material.file.storage
        transaction.on_commit(lambda: storage.delete(name))
    material.delete()


def material_content_type(material: SessionMaterial) -> str:
    extension = PurePath(material.file.name).suffix.lower().lstrip(".")
    return MATERIAL_EXTENSIONS.get(extension, "application/octet-stream")


# Intake poll -------------------------------------------------------------------------


def intake_questions(*, circle: LearningCirclePage) -> list[IntakeQuestion]:
    return list(IntakeQuestion.objects.filter(circle=circle).order_by("sort_order", "pk"))


def intake_answers_of(*, user: User, circle: LearningCirclePage) -> dict[int, str]:
    return dict(IntakeAnswer.objects.filter(question__circle=circle, user=user).values_list("question_id", "value"))


@transaction.atomic
def save_intake_answers(*, user: User, circle: LearningCirclePage, answers: dict[int, str]) -> int:
    """A member's answers (question id -> answer); an answer can be changed later, and an
    empty one is taken back. Returns the number of answers kept."""
    if not selectors.is_member(circle=circle, user=user):
        raise PermissionDenied
    kept = 0
    for question in intake_questions(circle=circle):
        value = str(answers.get(question.pk, "")).strip()
        if not value:
            IntakeAnswer.objects.filter(question=question, user=user).delete()
            continue
        if question.kind == IntakeQuestion.Kind.CHOICE and value not in question.choice_list:
            raise ValidationError({str(question.pk): _("Kies een van de antwoorden.")})
        if question.kind == IntakeQuestion.Kind.NUMBER and not (value.isdigit() and int(value) <= 1000):
            raise ValidationError({str(question.pk): _("Vul een heel getal in, 0 of meer.")})
        IntakeAnswer.objects.update_or_create(question=question, user=user, defaults={"value": value})
        kept += 1
    return kept


@dataclass(frozen=True)
class IntakeResult:
    question: IntakeQuestion
    count: int
    # (answer or range, number of answers), in the order of the choices or from low to high.
    rows: list[tuple[str, int]]
    median: float | None = None

    @property
    def shown(self) -> bool:
        return self.count >= INTAKE_MIN_ANSWERS

    @property
    def rows_with_percent(self) -> list[tuple[str, int, int]]:
        return [(label, n, round(100 * n / self.count) if self.count else 0) for label, n in self.rows]


def _number_rows(values: list[int]) -> list[tuple[str, int]]:
    """Numbers in up to six ranges of equal width ("0-4", "5-9", ...); each number on its own
    when there are few different ones."""
    low, high = min(values), max(values)
    counts = Counter(values)
    if high - low < 8:
        return [(str(n), counts.get(n, 0)) for n in range(low, high + 1)]
    width = -(-(high - low + 1) // 6)
    rows = []
    for start in range(low, high + 1, width):
        end = start + width - 1
        rows.append((f"{start}-{end}", sum(n for value, n in counts.items() if start <= value <= end)))
    return rows


def intake_results(*, circle: LearningCirclePage) -> list[IntakeResult]:
    """Per question the number of answers and their distribution; a result with fewer than
    INTAKE_MIN_ANSWERS answers is not ``shown`` (its rows are empty)."""
    questions = intake_questions(circle=circle)
    values: dict[int, list[str]] = defaultdict(list)
    for question_id, value in IntakeAnswer.objects.filter(question__circle=circle).values_list("question_id", "value"):
        values[question_id].append(value)
    results = []
    for question in questions:
        answers = values.get(question.pk, [])
        if len(answers) < INTAKE_MIN_ANSWERS:
            results.append(IntakeResult(question=question, count=len(answers), rows=[]))
        elif question.kind == IntakeQuestion.Kind.NUMBER:
            numbers = [int(v) for v in answers if v.isdigit()]
            results.append(
                IntakeResult(
                    question=question,
                    count=len(numbers),
                    rows=_number_rows(numbers) if numbers else [],
                    median=statistics.median(numbers) if numbers else None,
                )
            )
        else:
            counts = Counter(answers)
            rows = [(choice, counts.get(choice, 0)) for choice in question.choice_list]
            # Answers to a choice the editor has since removed still count, under their own text.
            rows += sorted((value, n) for value, n in counts.items() if value not in question.choice_list)
            results.append(IntakeResult(question=question, count=len(answers), rows=rows))
    return results


# Reads: attendance that counts ---------------------------------------------------------


def attended_sessions(*, user: User) -> QuerySet[Session]:
    """The sessions ``user`` attended (recorded present; cancelled sessions do not count),
    newest first, with their circle; each session's ``hours`` is its length."""
    return (
        Session.objects.filter(attendance__user=user, attendance__status=PRESENT)
        .exclude(status=Session.Status.CANCELLED)
        .select_related("circle")
        .order_by("-starts_at")
    )


def attended_hours(*, user: User) -> float:
    return round(sum(session.hours for session in attended_sessions(user=user)), 2)


@dataclass(frozen=True)
class CircleParticipation:
    person: User
    circle: LearningCirclePage
    member_since: datetime.datetime | None
    left_at: datetime.datetime | None
    sessions_attended: int
    hours: float
    last_attended: datetime.datetime | None


@dataclass(frozen=True)
class ParticipationSummary:
    """The first rows of an adviser's circle participation, and totals over all of them."""

    rows: list[CircleParticipation]
    total_rows: int
    people: int
    hours: float


def circle_participation_summary(*, adviser: User, organisation=None, limit: int | None = None) -> ParticipationSummary:
    """Circle membership and attendance of the people of the adviser's own organisations
    (narrowed to ``organisation`` when given): one row per person and circle, by name, the
    first ``limit`` of them as objects, and the totals over all. A circle spans organisations;
    its other members never appear here. Four queries; people and circles are loaded as
    objects only for the rows shown, so a ministry's thousands of rows cost plain values."""
    people = users_visible_to_hr(adviser=adviser, organisation=organisation)
    names: dict[int, str] = {}
    titles: dict[int, str] = {}
    members = {}
    for user_id, circle_id, joined_at, left_at, name, title in CircleMember.objects.filter(user__in=people).values_list(
        "user_id", "circle_id", "joined_at", "left_at", "user__full_name", "circle__title"
    ):
        members[(user_id, circle_id)] = (joined_at, left_at)
        names[user_id], titles[circle_id] = name, title
    duration = ExpressionWrapper(F("session__ends_at") - F("session__starts_at"), output_field=DurationField())
    attended = {}
    for row in (
        Attendance.objects.filter(user__in=people, status=PRESENT)
        .exclude(session__status=Session.Status.CANCELLED)
        .values("user_id", "session__circle_id", "user__full_name", "session__circle__title")
        .annotate(n=Count("id"), length=Sum(duration), last=Max("session__starts_at"))
        .order_by()
    ):
        key = (row["user_id"], row["session__circle_id"])
        attended[key] = row
        names[key[0]], titles[key[1]] = row["user__full_name"], row["session__circle__title"]
    keys = members.keys() | attended.keys()
    if not keys:
        return ParticipationSummary([], 0, 0, 0.0)

    def hours(key) -> float:
        length = attended.get(key, {}).get("length") or datetime.timedelta()
        return round(length.total_seconds() / 3600, 2)

    ordered = sorted(keys, key=lambda key: (names[key[0]].lower(), key[0], titles[key[1]].lower()))
    shown = ordered if limit is None else ordered[:limit]
    users = User.objects.in_bulk({user_id for user_id, _c in shown})
    circles = LearningCirclePage.objects.in_bulk({circle_id for _u, circle_id in shown})
    rows = []
    for key in shown:
        joined_at, left_at = members.get(key, (None, None))
        stats = attended.get(key, {})
        rows.append(
            CircleParticipation(
                person=users[key[0]],
                circle=circles[key[1]],
                member_since=joined_at,
                left_at=left_at,
                sessions_attended=stats.get("n", 0),
                hours=hours(key),
                last_attended=stats.get("last"),
            )
        )
    return ParticipationSummary(
        rows=rows,
        total_rows=len(keys),
        people=len({user_id for user_id, _c in keys}),
        hours=round(sum(hours(key) for key in keys), 2),
    )


def circle_participation_for_hr(*, adviser: User, organisation=None) -> list[CircleParticipation]:
    """Every row of ``circle_participation_summary``."""
    return circle_participation_summary(adviser=adviser, organisation=organisation).rows


def is_present(*, user: User, session: Session) -> bool:
    return user.is_authenticated and Attendance.objects.filter(session=session, user=user, status=PRESENT).exists()


@dataclass(frozen=True)
class ListRow:
    """A line of a session's attendance list: an account, or a walk-in without one."""

    session: Session
    # "u<user id>" for an account, "w<attendance id>" for a walk-in without one.
    key: str
    name: str
    email: str
    organisations: str
    registration: str
    # An Attendance.Status, or "" while nothing is recorded.
    status: str
    method: str
    attendance_id: int | None
    is_walk_in: bool

    @property
    def status_label(self) -> str:
        return Attendance.Status(self.status).label if self.status else _("Niet vastgelegd")

    @property
    def hours(self) -> float:
        return self.session.hours if self.status == PRESENT else 0


def attendance_list(*, sessions: list[Session]) -> list[ListRow]:
    """The attendance list of each session, by session in the given order: everyone
    registered (by name), the waitlist (in its order), then everyone else whose attendance
    is recorded (check-ins and walk-ins), each with their organisations. Three queries,
    however many sessions and people."""
    registrations = list(
        Registration.objects.filter(session__in=sessions)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("user")
        .order_by("created_at", "pk")
    )
    records = list(Attendance.objects.filter(session__in=sessions).select_related("user").order_by("name", "pk"))
    organisations = organisations_on_lists(sessions=sessions)
    by_person = {(a.session_id, a.user_id): a for a in records if a.user_id}
    not_registered = _("Niet aangemeld")

    def row(session: Session, user: User, registration: Registration | None) -> ListRow:
        record = by_person.get((session.pk, user.pk))
        return ListRow(
            session=session,
            key=f"u{user.pk}",
            name=user.get_full_name(),
            email=user.email,
            organisations=", ".join(organisations.get(user.pk, [])),
            registration=registration.get_status_display() if registration else not_registered,
            status=record.status if record else "",
            method=record.get_method_display() if record else "",
            attendance_id=record.pk if record else None,
            is_walk_in=False,
        )

    def order(registration: Registration) -> tuple[bool, str]:
        if registration.status == Registration.Status.REGISTERED:
            return False, registration.user.full_name.lower()
        return True, ""

    registrations_of, records_of = defaultdict(list), defaultdict(list)
    for registration in registrations:
        registrations_of[registration.session_id].append(registration)
    for record in records:
        records_of[record.session_id].append(record)
    rows = []
    for session in sessions:
        listed = sorted(registrations_of[session.pk], key=order)
        on_list = {r.user_id for r in listed}
        rows += [row(session, r.user, r) for r in listed]
        rows += [row(session, a.user, None) for a in records_of[session.pk] if a.user_id and a.user_id not in on_list]
        rows += [
            ListRow(
                session=session,
                key=f"w{a.pk}",
                name=a.name,
                email=a.email,
                organisations="",
                registration=not_registered,
                status=a.status,
                method=a.get_method_display(),
                attendance_id=a.pk,
                is_walk_in=True,
            )
            for a in records_of[session.pk]
            if a.user_id is None
        ]
    return rows


def organisations_on_lists(*, sessions: list[Session]) -> dict[int, list[str]]:
    """The names of the organisations of everyone on the lists of ``sessions`` (registered,
    on the waitlist, or with recorded attendance), per user id. One query."""
    on_list = Q(
        Exists(
            Registration.objects.filter(session__in=sessions, user=OuterRef("user")).exclude(
                status=Registration.Status.CANCELLED
            )
        )
    ) | Q(Exists(Attendance.objects.filter(session__in=sessions, user=OuterRef("user"))))
    names: dict[int, list[str]] = defaultdict(list)
    for user_id, name in (
        Membership.objects.filter(on_list).order_by("organisation__name").values_list("user_id", "organisation__name")
    ):
        if name not in names[user_id]:
            names[user_id].append(name)
    return dict(names)


def attendance_by_session(*, sessions: list[Session]) -> dict[int, dict[str, int]]:
    """Per session: present, absent and walk-ins, in one query."""
    result = {s.pk: {"present": 0, "absent": 0, "walk_ins": 0} for s in sessions}
    rows = (
        Attendance.objects.filter(session__in=sessions)
        .values("session_id")
        .annotate(
            present=Count("id", filter=Q(status=PRESENT)),
            absent=Count("id", filter=Q(status=ABSENT)),
            walk_ins=Count("id", filter=Q(method=Attendance.Method.WALK_IN, status=PRESENT)),
        )
        .order_by()
    )
    for row in rows:
        result[row["session_id"]] = {key: row[key] for key in ("present", "absent", "walk_ins")}
    return result
