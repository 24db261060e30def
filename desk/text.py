"""Text normalisation for names, identifiers and search (pure; no database).

``fold`` makes "Bērziņš", "berzins" and "BERZINS" equal and turns names in other scripts into Latin
(Иванов -> ivanov, محمد -> mhmd) with anyascii, so a name is found however it is typed.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from anyascii import anyascii

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# control characters, bidi overrides, and lone surrogates (a JSON "\ud800" escape: no database can store it)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def fold(text: str | None) -> str:
    """Lower case, no diacritics, Latin letters; words separated by one space."""
    if not text:
        return ""
    latin = anyascii(unicodedata.normalize("NFKC", text)).lower()
    return " ".join(_NON_ALNUM.sub(" ", latin).split())


def words(text: str | None) -> list[str]:
    return fold(text).split()


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text))


def clean_line(text: str | None) -> str:
    """A single-line field as typed: NFC, outer spaces gone, inner runs of spaces collapsed."""
    if text is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split())


def normalize_document_number(number: str | None) -> str:
    return re.sub(r"[^0-9A-Z]", "", anyascii(number or "").upper())


# Latvian personal code (personas kods): 11 digits, shown as DDMMYY-CNNNN.
# Old format: birth date DDMMYY, C = century (0: 1800s, 1: 1900s, 2: 2000s), check digit last:
# check = (1101 - sum(d_i * w_i)) mod 11 with weights 1,6,3,7,9,10,5,8,4,2.
# New format (from 1 July 2017): starts with 32, carries no birth date; only the digits are checked.
_WEIGHTS = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def normalize_personal_code(code: str | None) -> str:
    return re.sub(r"[\s-]", "", code or "")


def personal_code_valid(code: str | None) -> bool:
    digits = normalize_personal_code(code)
    if len(digits) != 11 or not digits.isdigit():
        return False
    if digits.startswith("32"):
        return True
    century = {"0": 1800, "1": 1900, "2": 2000}.get(digits[6])
    if century is None:
        return False
    try:
        date(century + int(digits[4:6]), int(digits[2:4]), int(digits[0:2]))
    except ValueError:
        return False
    check = (1101 - sum(int(d) * w for d, w in zip(digits[:10], _WEIGHTS))) % 11
    return check == int(digits[10])


def personal_code_birth_date(code: str) -> date | None:
    digits = normalize_personal_code(code)
    if not personal_code_valid(digits) or digits.startswith("32"):
        return None
    century = {"0": 1800, "1": 1900, "2": 2000}[digits[6]]
    return date(century + int(digits[4:6]), int(digits[2:4]), int(digits[0:2]))


def make_personal_code(born: date, serial: int) -> str:
    """A valid old-format code for ``born`` (used by the demo and scale data generators)."""
    century = {18: "0", 19: "1", 20: "2"}[born.year // 100]
    for bump in range(0, 1000):
        head = f"{born:%d%m%y}{century}{(serial + bump) % 1000:03d}"
        check = (1101 - sum(int(d) * w for d, w in zip(head, _WEIGHTS))) % 11
        if check < 10:
            return head + str(check)
    raise ValueError("no valid personal code")  # pragma: no cover


def format_personal_code(code: str) -> str:
    digits = normalize_personal_code(code)
    return f"{digits[:6]}-{digits[6:]}" if len(digits) == 11 else code


def mask_personal_code(code: str | None) -> str:
    """DDMMYY-***** : enough to tell people apart on paper, not enough to identify them."""
    if not code:
        return ""
    digits = code if len(code) == 11 else normalize_personal_code(code)  # stored codes are 11 digits already
    return f"{digits[:6]}-*****" if len(digits) == 11 else "***"


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_LV_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?")


def parse_date(value: str | date | None) -> date | None:
    """Dates as officers type them: 2026-11-22 or 22.11.2026 (also 22.11.26 is refused: ambiguous)."""
    from desk.errors import ValidationError

    if value is None or isinstance(value, date):
        return value
    s = value.strip()
    if not s:
        return None
    m = _ISO_DATE.fullmatch(s)
    parsed = None
    try:
        if m:
            parsed = date(int(m[1]), int(m[2]), int(m[3]))
        elif m := _LV_DATE.fullmatch(s):
            parsed = date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        pass
    if parsed is None:
        raise ValidationError("error.bad_date", value=s[:20])
    if not EARLIEST_DATE <= parsed <= LATEST_DATE:  # 0001-01-01 or 9999-12-31 overflow every period counted
        raise ValidationError("error.date_out_of_range", value=s[:20], low=EARLIEST_DATE.year, high=LATEST_DATE.year)
    return parsed


# Personal codes reach back to the 1800s (century digit 0); nothing desk counts runs past 2200.
EARLIEST_DATE = date(1800, 1, 1)
LATEST_DATE = date(2200, 12, 31)
