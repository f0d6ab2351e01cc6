"""What makes a person invitable: the checks every invitation passes, one typed in by HR or
ten thousand from a file. A problem is stored as a code with its details and put into words
when it is shown, in the reader's language."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.models import Membership, Organisation, User

from .files import COLUMN_LABELS, RawRow
from .models import EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, TEAM_MAX_LENGTH, Invitation

# The words a file may use for the one role HR can invite people in for now.
LEARNER_WORDS = {"", "deelnemer", "deelnemers", "learner", "learners"}
# A name is shown in the invitation mail: no web or mail address, no control characters.
_NOT_A_NAME = re.compile(r"://|www\.|@")
# Enough for any database's limit on the parameters of one query.
LOOKUP_CHUNK = 900

PROBLEMS = {
    "name_missing": _("Vul een naam in."),
    "name_too_long": _("De naam is langer dan %(max)s tekens."),
    "name_invalid": _("Vul alleen een naam in, zonder webadres, e-mailadres of onzichtbare tekens."),
    "email_missing": _("Vul een e-mailadres in."),
    "email_too_long": _("Het e-mailadres is langer dan %(max)s tekens."),
    "email_invalid": _("Dit is geen geldig e-mailadres."),
    "email_duplicate": _("Dit e-mailadres staat ook in rij %(line)s."),
    "team_too_long": _("De teamnaam is langer dan %(max)s tekens."),
    "team_invalid": _("De teamnaam bevat onzichtbare tekens."),
    "role_invalid": _(
        "Onbekende rol '%(role)s'. Je kunt voorlopig alleen deelnemers uitnodigen: laat de rol leeg of vul "
        "'deelnemer' in."
    ),
    "formula": _(
        "In de kolom %(column)s staat een formule. Zet er de waarde zelf in (kopiëren en plakken als waarden)."
    ),
    "already_invited": _("Deze persoon heeft al een openstaande uitnodiging van je organisatie."),
    "already_member": _("Deze persoon hoort al bij je organisatie."),
    "member_elsewhere": _(
        "Deze persoon hoort al bij een andere organisatie. Vraag de beheerder van Spil om hem of haar over te zetten."
    ),
}
# The field of the invite form each problem belongs to.
PROBLEM_FIELDS = {
    "name_missing": "full_name",
    "name_too_long": "full_name",
    "name_invalid": "full_name",
    "team_too_long": "team",
    "team_invalid": "team",
}


def describe(problem: dict) -> str:
    """A stored problem in words, in the active language."""
    params = dict(problem.get("params") or {})
    if "column" in params:
        params["column"] = str(COLUMN_LABELS.get(params["column"], params["column"]))
    template = PROBLEMS.get(problem.get("code"), _("Deze rij heeft een probleem."))
    return str(template) % params if params else str(template)


@dataclass
class Row:
    """A person to invite, cleaned: the name and team with their spaces tidied, the email
    address in lower case. Values stay as long as they were; ``stored`` cuts them to size."""

    line: int
    full_name: str
    email: str
    team: str
    role: str
    problems: list[dict] = field(default_factory=list)

    def stored(self) -> dict:
        return {
            "line": self.line,
            "full_name": self.full_name[:NAME_MAX_LENGTH],
            "email": self.email[:EMAIL_MAX_LENGTH],
            "team": self.team[:TEAM_MAX_LENGTH],
            "role": self.role[:40],
        }


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _has_control_characters(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") for ch in text)


def clean_row(raw: RawRow) -> Row:
    """The row's values tidied, with the problems one row shows on its own."""
    values = raw.values
    row = Row(
        line=raw.line,
        full_name=_tidy(values.get("name", "")),
        email=values.get("email", "").strip().lower(),
        team=_tidy(values.get("team", "")),
        role=_tidy(values.get("role", "")),
    )
    row.problems = [{"code": "formula", "params": {"column": name}} for name in raw.formulas]
    row.problems += _own_problems(row)
    return row


def _problem(code: str, **params) -> dict:
    return {"code": code, "params": params} if params else {"code": code}


def _own_problems(row: Row) -> list[dict]:
    problems = []
    if not row.full_name:
        problems.append(_problem("name_missing"))
    elif len(row.full_name) > NAME_MAX_LENGTH:
        problems.append(_problem("name_too_long", max=NAME_MAX_LENGTH))
    elif _NOT_A_NAME.search(row.full_name) or _has_control_characters(row.full_name):
        problems.append(_problem("name_invalid"))
    if not row.email:
        problems.append(_problem("email_missing"))
    elif len(row.email) > EMAIL_MAX_LENGTH:
        problems.append(_problem("email_too_long", max=EMAIL_MAX_LENGTH))
    else:
        try:
            validate_email(row.email)
        except ValidationError:
            problems.append(_problem("email_invalid"))
    if len(row.team) > TEAM_MAX_LENGTH:
        problems.append(_problem("team_too_long", max=TEAM_MAX_LENGTH))
    elif _has_control_characters(row.team):
        problems.append(_problem("team_invalid"))
    if row.role.lower() not in LEARNER_WORDS:
        problems.append(_problem("role_invalid", role=row.role[:40]))
    return problems


def has_valid_email(row: Row) -> bool:
    return not any(p["code"].startswith("email_") for p in row.problems)


def check_rows(*, organisation: Organisation, rows: list[Row], import_id: int | None = None) -> None:
    """Add to each row the problems that need the rest of the file or the database: an
    address twice in the file, and what ``database_problems`` finds."""
    first_line: dict[str, int] = {}
    for row in rows:
        if not has_valid_email(row):
            continue
        if row.email in first_line:
            row.problems.append(_problem("email_duplicate", line=first_line[row.email]))
        else:
            first_line[row.email] = row.line
    found = database_problems(organisation=organisation, emails=first_line, import_id=import_id)
    for row in rows:
        if has_valid_email(row) and row.email in found:
            row.problems.append(found[row.email])


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), LOOKUP_CHUNK):
        yield values[start : start + LOOKUP_CHUNK]


def database_problems(*, organisation: Organisation, emails: Iterable[str], import_id: int | None = None) -> dict:
    """Per address (lower case) the problem the database shows: an open invitation of this
    organisation (not one this import wrote itself), or an account that already belongs to
    this or another organisation. A pending invitation that expired is no problem: inviting
    the address again renews it."""
    emails = sorted(set(emails))
    found: dict[str, dict] = {}
    now = timezone.now()
    account_emails: dict[int, set[str]] = {}
    for chunk in _chunks(emails):
        pending = Invitation.objects.filter(
            organisation=organisation,
            email__in=chunk,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=now,
        )
        if import_id is not None:
            pending = pending.exclude(import_job_id=import_id)
        for email in pending.values_list("email", flat=True):
            found[email] = _problem("already_invited")
        accounts = User.objects.annotate(address=Lower("email")).filter(address__in=chunk)
        for user_id, address in accounts.values_list("pk", "address"):
            account_emails.setdefault(user_id, set()).add(address)
        addresses = EmailAddress.objects.annotate(address=Lower("email")).filter(address__in=chunk, verified=True)
        for user_id, address in addresses.values_list("user_id", "address"):
            account_emails.setdefault(user_id, set()).add(address)
    user_ids = list(account_emails)
    for start in range(0, len(user_ids), LOOKUP_CHUNK):
        memberships = Membership.objects.filter(user_id__in=user_ids[start : start + LOOKUP_CHUNK])
        for user_id, organisation_id in memberships.values_list("user_id", "organisation_id").distinct():
            code = "already_member" if organisation_id == organisation.pk else "member_elsewhere"
            for address in account_emails[user_id]:
                if found.get(address, {}).get("code") != "already_member":
                    found[address] = _problem(code)
    return found


def account_for(*, email: str) -> User | None:
    """The account that ``email`` signs in, or owns as a verified address."""
    email = email.strip().lower()
    user = User.objects.annotate(address=Lower("email")).filter(address=email).first()
    if user is not None:
        return user
    address = (
        EmailAddress.objects.annotate(address=Lower("email"))
        .filter(address=email, verified=True)
        .select_related("user")
        .first()
    )
    return address.user if address else None


def owns_address(*, user: User, email: str) -> bool:
    """Whether ``email`` is the account's login address or one of its verified addresses."""
    email = email.strip().lower()
    return (
        user.email.lower() == email
        or EmailAddress.objects.filter(Q(user=user, verified=True), email__iexact=email).exists()
    )
