"""Every interface string has an English translation, and the compiled catalogue is current."""

import gettext
import re
from pathlib import Path

from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


def po_entries() -> list[tuple[str, list[str]]]:
    entries = []
    for block in (LOCALE / "django.po").read_text(encoding="utf-8").split("\n\n"):
        if block.lstrip().startswith("#~"):
            continue
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.MULTILINE)
        if not msgid:
            continue
        text = "".join(re.findall(r'"(.*)"', msgid.group(1)))
        if text:
            translations = [
                "".join(re.findall(r'"(.*)"', m))
                for m in re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block, re.MULTILINE)
            ]
            entries.append((text, translations))
    return entries


def test_every_string_has_an_english_translation():
    untranslated = [msgid for msgid, translations in po_entries() if not all(translations)]
    assert not untranslated, f"untranslated: {untranslated}"


def unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def test_the_compiled_catalogue_holds_every_string():
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    keys = {key[0] if isinstance(key, tuple) else key for key in compiled}
    missing = [msgid for msgid, _ in po_entries() if unescape(msgid) not in keys]
    assert not missing, f"run `make messages` to compile: {missing}"
