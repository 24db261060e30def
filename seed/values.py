"""What an officer would type into a life-cycle action's form, for the seeds.

The demo seed hands these raw values to ``casework.perform``; the scale seed parses them with the same
``parse_values`` and hands them to the same ``ActionDef.apply``, so a seeded store holds what real work
would have written (issue 13). Every date is the event's day; a validity ends two years on for a
permit, 180 days on otherwise. A choice is the field's default or its first choice, or (``vary``) any of
its choices: a rules hook that refuses the values makes the seed try another action instead.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from desk.services.forms import FieldType, FormSpec, parse_values
from models import CaseKind

VALIDITY = {CaseKind.PERMIT: relativedelta(years=2)}
DEFAULT_VALIDITY = timedelta(days=180)
DATES_ALWAYS_GIVEN = ("notified_on", "valid_from")  # optional dates an officer fills in as a matter of course
DAYS_ALLOWED = 30


def raw_values(form: FormSpec, day: date, rng: random.Random, kind: str, *, vary: bool = False) -> dict:
    """The raw strings of ``form`` as an officer would fill them in on ``day``."""
    raw: dict = {}
    for f in form.fields:
        if f.type == FieldType.DATE:
            if f.name == "valid_until":
                raw[f.name] = (day + VALIDITY.get(CaseKind(kind), DEFAULT_VALIDITY)).isoformat()
            elif f.required or f.name in DATES_ALWAYS_GIVEN:
                raw[f.name] = day.isoformat()
        elif f.type == FieldType.CHOICE:
            codes = [code for code, _label in f.choices]
            raw[f.name] = rng.choice(codes) if (vary and codes) else (f.default or (codes[0] if codes else ""))
        elif f.type == FieldType.INT:
            raw[f.name] = str(f.default or (DAYS_ALLOWED if f.name == "days_allowed" else (f.low or 1)))
        elif f.type == FieldType.BOOL:
            raw[f.name] = False
        elif f.required:
            raw[f.name] = f"DEMO-{rng.randrange(10**5, 10**6)}"
    return raw


_PARSED: dict[tuple, dict] = {}  # (form id, raw items) -> what parse_values made of them
_PARSED_MAX = 200_000


def values(form: FormSpec, day: date, rng: random.Random, kind: str, *, vary: bool = False) -> tuple[dict, dict]:
    """(raw, parsed): the raw strings and the values ``casework.perform`` would parse from them.

    ``parse_values`` is a pure function of the form and the raw strings, and a million-person seed hands
    it the same ones again and again (an action whose only field is its day: one per day of ten years),
    so what it made of them is kept and handed out as a copy (issue 17: it was a seventh of the seed)."""
    raw = raw_values(form, day, rng, kind, vary=vary)
    key = (form.id, tuple(raw.items()))
    parsed = _PARSED.get(key)
    if parsed is None:
        parsed = parse_values(form, raw)
        if len(_PARSED) < _PARSED_MAX:
            _PARSED[key] = parsed
    return raw, dict(parsed)
