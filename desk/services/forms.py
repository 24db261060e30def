"""Form descriptions shared by the services and the screens.

A service describes what a registration or an action needs as a list of ``FieldSpec``; a screen draws
one generic modal form from it and hands back the raw strings the officer typed; the service parses and
validates them (``parse_values``) and raises ``FormInvalid`` with one message per wrong field, so
nothing is saved until the whole form is valid. Screens never learn the rules; services never draw.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desk.errors import DomainError, FormInvalid, ValidationError
from desk.text import clean_line, has_control_characters, parse_date


class FieldType(StrEnum):
    TEXT = "text"
    DATE = "date"          # 2026-11-22 or 22.11.2026
    INT = "int"
    BOOL = "bool"          # a checkbox
    CHOICE = "choice"      # one of ``choices`` (code, label_key)
    COUNTRY = "country"    # ISO alpha-3, type-ahead over Latvian/English names
    OFFICE = "office"      # office code, type-ahead
    OFFICER = "officer"    # username
    PERSON = "person"      # a person id, picked by search
    PERSONS = "persons"    # several person ids (an invitation names one or more persons)
    PERSONAL_CODE = "personal_code"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label_key: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (code, label_key)
    max_length: int = 200
    low: int | None = None
    high: int | None = None
    default: str = ""
    help_key: str | None = None


@dataclass(frozen=True)
class FormSpec:
    """A registration or an action: what it is called and what it asks for."""

    id: str                  # e.g. "register.asylum" or "dublin.record_reply"
    title_key: str
    fields: tuple[FieldSpec, ...] = field(default_factory=tuple)


def _parse_one(spec: FieldSpec, raw, lookup) -> object:
    if spec.type == FieldType.BOOL:
        if isinstance(raw, bool):
            return raw
        return str(raw).strip().lower() in {"1", "true", "yes", "jā", "ja", "x", "on"}
    if spec.type == FieldType.PERSONS:
        ids = raw if isinstance(raw, (list, tuple)) else [p for p in re.split(r"[,\s]+", str(raw or "")) if p]
        try:
            out = [int(i) for i in ids]
        except (TypeError, ValueError):
            raise ValidationError("error.invalid", field=spec.name) from None
        if spec.required and not out:
            raise ValidationError("error.required", field=spec.name)
        return out
    if raw is None:
        text = ""
    elif isinstance(raw, (date, int)) and not isinstance(raw, bool):
        text = raw.isoformat() if isinstance(raw, date) else str(raw)
    elif isinstance(raw, str):
        text = raw
    else:
        raise ValidationError("error.invalid", field=spec.name)
    if has_control_characters(text):
        raise ValidationError("error.bad_characters", field=spec.name)
    text = clean_line(text)
    if not text:
        if spec.required:
            raise ValidationError("error.required", field=spec.name)
        return None
    if len(text) > spec.max_length:
        raise ValidationError("error.too_long", field=spec.name, n=spec.max_length)
    if spec.type == FieldType.DATE:
        try:
            return parse_date(text)
        except ValidationError as exc:
            raise ValidationError(exc.key, field=spec.name, **exc.params) from None
    if spec.type in (FieldType.INT, FieldType.PERSON):
        if not re.fullmatch(r"-?\d{1,9}", text):
            raise ValidationError("error.bad_number", field=spec.name)
        value = int(text)
        if (spec.low is not None and value < spec.low) or (spec.high is not None and value > spec.high):
            raise ValidationError("error.out_of_range", field=spec.name, low=spec.low, high=spec.high)
        return value
    if spec.type == FieldType.CHOICE:
        codes = {c for c, _ in spec.choices}
        if text not in codes:
            raise ValidationError("error.bad_choice", field=spec.name, value=text[:40])
        return text
    if spec.type == FieldType.COUNTRY:
        code = text.upper()
        if lookup is not None and not lookup("country", code):
            raise ValidationError("error.unknown_country", field=spec.name, code=text[:40])  # as typed
        return code
    if spec.type == FieldType.OFFICE:
        code = text.upper()
        if lookup is not None and not lookup("office", code):
            raise ValidationError("error.unknown_office", field=spec.name, code=code[:16])
        return code
    if spec.type == FieldType.PERSONAL_CODE:
        from desk.text import normalize_personal_code, personal_code_valid

        if not personal_code_valid(text):
            raise ValidationError("error.bad_personal_code", field=spec.name)
        return normalize_personal_code(text)
    return text


def parse_values(form: FormSpec, raw: dict, *, lookup=None, extra_checks=None) -> dict:
    """Parse every field; collect every error; raise ``FormInvalid`` if any. ``lookup(kind, code)``
    tells whether a country/office code exists; ``extra_checks(values) -> dict[field, DomainError]``
    adds cross-field checks (date order, rule limits) once each field parsed."""
    values: dict = {}
    errors: dict[str, DomainError] = {}
    unknown = set(raw) - {f.name for f in form.fields}
    for name in sorted(unknown):
        errors[name] = ValidationError("error.invalid", field=name)
    for spec in form.fields:
        try:
            values[spec.name] = _parse_one(spec, raw.get(spec.name, spec.default), lookup)
        except DomainError as exc:
            exc.field = spec.name
            errors[spec.name] = exc
    if extra_checks is not None:
        errors.update(_cross_checks(extra_checks, values, errors))
    if errors:
        raise FormInvalid(errors)
    return values


def _cross_checks(extra_checks, values: dict, errors: dict) -> dict:
    """The checks across fields, run even when a field is wrong, so that the officer reads every mistake
    at once (issue 14 point 11): a field that did not parse counts as empty, a check that needs it is
    skipped, and a field keeps its own error first."""
    if not errors:
        return dict(extra_checks(values) or {})
    partial = {**values, **{name: None for name in errors}}
    try:
        found = extra_checks(partial) or {}
    except FormInvalid as exc:
        found = exc.errors
    except (KeyError, TypeError, ValueError, AttributeError):
        return {}  # a check that needs a field in error waits for it
    return {name: err for name, err in found.items() if name not in errors}
