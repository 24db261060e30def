"""Every word on screen exists in Latvian and English (issue 2, item 8)."""
import re
import string
from pathlib import Path

import pytest

from desk.i18n import catalogue, set_language, t

ROOT = Path(__file__).resolve().parents[1]
ENTRIES = sorted(catalogue().items())


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("key, entry", ENTRIES, ids=[k for k, _ in ENTRIES])
def test_every_message_has_both_languages_with_the_same_placeholders(key, entry):
    assert set(entry) == {"lv", "en"}, key
    assert entry["lv"].strip() and entry["en"].strip(), key
    assert _fields(entry["lv"]) == _fields(entry["en"]), key


KEY_CALL = re.compile(r"""\b(?:t|_t|tr)\(\s*["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""")
ERROR_KEY = re.compile(r"""(?:Error|Denied|Found|Invalid|Refused|NotAllowed|Conflict)\(\s*["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""")
KEY_ATTR = re.compile(r"""(?:key|label_key|title_key|help_key)\s*=\s*["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""")


def _source_keys() -> set[tuple[str, str]]:
    found = set()
    for folder in ("desk", "screens", "seed"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name.endswith("_catalog.py"):
                continue
            text = path.read_text(encoding="utf-8")
            for pattern in (KEY_CALL, ERROR_KEY, KEY_ATTR):
                for key in pattern.findall(text):
                    found.add((str(path.relative_to(ROOT)), key))
    return found


def test_every_key_the_code_names_is_in_the_catalogue():
    missing = sorted(f"{path}: {key}" for path, key in _source_keys() if key not in catalogue())
    assert not missing, "keys missing from the catalogue:\n" + "\n".join(missing)


def test_latvian_is_the_default_and_english_one_setting_away():
    assert t("auth.bad_credentials") == "Nepareizs lietotājvārds vai parole."
    set_language("en")
    assert t("auth.bad_credentials") == "Wrong username or password."


def test_latvian_text_really_is_latvian():
    diacritics = set("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")
    with_marks = sum(1 for _, e in ENTRIES if diacritics & set(e["lv"]))
    assert with_marks > len(ENTRIES) // 3
