import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import baking


class LookupForm(forms.Form):
    number = forms.CharField(
        label=_("Certificaatnummer"), max_length=32, help_text=_("Bijvoorbeeld SPIL-2026-0001-ABCD.")
    )
    surname = forms.CharField(label=_("Achternaam van de houder"), max_length=120)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van intrekking"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Openbaar, op de verificatiepagina en in de intrekkingslijst, staat alleen dat het certificaat "
            "is ingetrokken en op welke datum. De reden zien alleen de HR-adviseurs van de organisatie, "
            "de beheerders van Spil en de deelnemer zelf, op Mijn Spil."
        ),
    )


# The largest credential, pasted or uploaded (a JSON file or a baked PNG), that the check accepts.
CREDENTIAL_MAX_BYTES = 512 * 1024
# Deeper than any credential is nested: deeper input is refused before anything walks it.
CREDENTIAL_MAX_DEPTH = 32
NUL_CHARACTER = _("Dit credential bevat een NUL-teken. Een echt credential bevat dat niet.")


def _too_large() -> str:
    message = _("Dit is groter dan %(size)s kB: te groot voor een credential. Spil controleert tot %(size)s kB.")
    return message % {"size": CREDENTIAL_MAX_BYTES // 1024}


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _structure_problem(value):
    """Why a parsed JSON value cannot be checked (nested too deeply, a NUL character), or ""."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if depth > CREDENTIAL_MAX_DEPTH:
            return _("Dit credential is te diep genest. Een echt credential ziet er zo niet uit.")
        if isinstance(item, dict):
            if any("\x00" in key for key in item):
                return NUL_CHARACTER
            pending.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            pending.extend((child, depth + 1) for child in item)
        elif isinstance(item, str) and "\x00" in item:
            return NUL_CHARACTER
    return ""


def parse_credential_json(text: str) -> dict:
    """The credential in ``text`` as a JSON object; a ValidationError with a sentence the
    person can act on when it is no JSON, no object, or hostile."""
    if "\x00" in text:
        raise ValidationError(NUL_CHARACTER, code="nul")
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        raise ValidationError(
            _("Dit is geen geldige JSON. Neem het hele credential over, van de eerste { tot en met de laatste }."),
            code="json",
        ) from None
    if not isinstance(value, dict):
        raise ValidationError(
            _("Dit is wel JSON, maar geen credential: een credential begint met { en eindigt met }."), code="object"
        )
    if problem := _structure_problem(value):
        raise ValidationError(problem, code="structure")
    return value


def credential_from_file(data: bytes) -> dict:
    """The credential in an uploaded file: a baked PNG badge or a JSON file."""
    if data.startswith(baking.SIGNATURE):
        try:
            credential = baking.unbake(data)
        except ValueError:
            raise ValidationError(
                _(
                    "Deze PNG-afbeelding is beschadigd of onvolledig, of de badge erin is niet te lezen. "
                    "Download de badge opnieuw bij de uitgever."
                ),
                code="png",
            ) from None
        if credential is None:
            raise ValidationError(
                _(
                    "In deze afbeelding zit geen Open Badges-credential. Kies de badge-afbeelding die je van "
                    "Spil kreeg, of het .json-bestand van het credential."
                ),
                code="no_credential",
            )
        if problem := _structure_problem(credential):
            raise ValidationError(problem, code="structure")
        return credential
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or not text.lstrip().startswith(("{", "[")):
        raise ValidationError(
            _(
                "Spil kan dit bestand niet lezen. Kies een .json-bestand met een Open Badges-credential "
                "of een badge-afbeelding (PNG)."
            ),
            code="file_type",
        )
    return parse_credential_json(text)


class CredentialCheckForm(forms.Form):
    """An Open Badges credential to check: pasted as JSON, or uploaded as a .json file or
    a baked PNG badge. Exactly one of the two; ``cleaned_data["parsed"]`` is the credential
    as a JSON object, not yet checked."""

    all_optional = True  # one of the two is needed: neither is marked "(niet verplicht)"

    credential = forms.CharField(
        label=_("Plak het credential"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "autocomplete": "off"}),
        help_text=format_lazy(
            _("De hele JSON-tekst van de Open Badge. Hoogstens {size} kB."),
            size=CREDENTIAL_MAX_BYTES // 1024,
        ),
    )
    credential_file = forms.FileField(
        label=_("Of kies een bestand"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".json,.jsonld,.png,application/json,application/ld+json,image/png"}),
        help_text=format_lazy(
            _("Een credential als .json-bestand, of een badge-afbeelding (PNG). Hoogstens {size} kB."),
            size=CREDENTIAL_MAX_BYTES // 1024,
        ),
    )

    def clean_credential(self):
        text = self.cleaned_data["credential"]
        if len(text.encode()) > CREDENTIAL_MAX_BYTES:
            raise ValidationError(_too_large(), code="too_large")
        return text

    def clean_credential_file(self):
        upload = self.cleaned_data["credential_file"]
        if upload and upload.size > CREDENTIAL_MAX_BYTES:
            raise ValidationError(_too_large(), code="too_large")
        return upload

    @property
    def used_field(self) -> str:
        """The field the credential came from: where a message about it belongs."""
        return "credential_file" if self.files.get("credential_file") else "credential"

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        text, upload = data.get("credential", ""), data.get("credential_file")
        if upload and text.strip():
            self.add_error(
                "credential_file",
                _("Je hebt ook een credential geplakt. Plak een credential of kies een bestand, niet allebei."),
            )
        elif upload:
            try:
                data["parsed"] = credential_from_file(upload.read(CREDENTIAL_MAX_BYTES + 1))
            except ValidationError as error:
                self.add_error("credential_file", error)
        elif text.strip():
            try:
                data["parsed"] = parse_credential_json(text)
            except ValidationError as error:
                self.add_error("credential", error)
        else:
            self.add_error("credential", _("Plak een credential of kies een bestand."))
        return data
