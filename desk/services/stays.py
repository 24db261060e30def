"""Stays in the Schengen area and the 90/180 rule (Schengen Borders Code Art. 6(1)).

A person's entries and exits are recorded on their file; the counting itself is the rules' own
(``desk.rules.visas.days_used`` / ``days_remaining`` / ``last_day_of_stay``). Stays covered by a
residence permit or a D visa are recorded with ``counts_for_90_180`` off and are left out.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import select

from desk.errors import FormInvalid, NotFound, ValidationError
from desk.rules import visas
from desk.rules.common import RuleError
from desk.services import audit
from desk.services.auth import Actor, Permission, require
from desk.services.forms import FieldSpec, FieldType, FormSpec, parse_values
from desk.services.persons import get_person
from models import Stay

STAY_FORM = FormSpec("stay.record", "stay.record.title", (
    FieldSpec("entry_on", "stay.field.entry_on", FieldType.DATE, required=True),
    FieldSpec("exit_on", "stay.field.exit_on", FieldType.DATE),
    FieldSpec("counts_for_90_180", "stay.field.counts_for_90_180", FieldType.BOOL, default="yes",
              help_key="stay.help.counts_for_90_180"),
))
EXIT_FORM = FormSpec("stay.exit", "stay.exit.title", (
    FieldSpec("exit_on", "stay.field.exit_on", FieldType.DATE, required=True),
))
MAX_STAYS = 500  # a person's stays, newest first; the 90/180 window needs only the last 180 days


@dataclass(frozen=True)
class StayView:
    id: int
    entry_on: date
    exit_on: date | None
    counts_for_90_180: bool
    days: int  # days present in this stay (entry and exit days both count); open stays up to today


@dataclass(frozen=True)
class SchengenView:
    days_used: int
    days_remaining: int
    on: date


def _rows(uow, person_id: int) -> list[Stay]:
    return list(uow.session.exec(select(Stay).where(Stay.person_id == person_id)
                                 .order_by(Stay.entry_on.desc(), Stay.id.desc()).limit(MAX_STAYS)).all())


def _counted(uow, person_id: int) -> list[tuple[date, date | None]]:
    return [(s.entry_on, s.exit_on) for s in _rows(uow, person_id) if s.counts_for_90_180]


def stays_of(uow, person_id: int) -> list[StayView]:
    today = uow.clock.today()
    out = []
    for s in _rows(uow, person_id):
        end = s.exit_on or max(today, s.entry_on)
        out.append(StayView(s.id, s.entry_on, s.exit_on, s.counts_for_90_180, (end - s.entry_on).days + 1))
    return out


def schengen_view(uow, person_id: int, on: date) -> SchengenView:
    """Days used in the 180 days ending ``on`` and days still remaining (Schengen Borders Code Art. 6(1))."""
    stays = _counted(uow, person_id)
    return SchengenView(visas.days_used(stays, on), visas.days_remaining(stays, on), on)


def planned_last_day(uow, person_id: int, entry_on: date) -> date:
    """The last day a person entering on ``entry_on`` may stay within 90 days in any 180."""
    stays = [(a, b) for a, b in _counted(uow, person_id) if a < entry_on]
    try:
        return visas.last_day_of_stay(stays, entry_on)
    except RuleError as exc:
        raise ValidationError(exc.key, field="entry_on", **exc.params) from None


def _check_overlap(uow, person_id: int, entry_on: date, exit_on: date | None, skip: int | None = None) -> dict:
    for s in _rows(uow, person_id):
        if s.id == skip:
            continue
        s_end = s.exit_on or date.max
        end = exit_on or date.max
        # leaving and re-entering on the same day is allowed (counts once, Art. 6(1))
        if entry_on < s_end and s.entry_on < end:
            return {"entry_on": ValidationError("stay.overlap", field="entry_on")}
    return {}


def record_stay(uow, actor: Actor, person_id: int, raw: dict) -> int:
    """Record an entry (and, if known, the exit) on a person's file; returns the stay's id."""
    require(uow, actor, Permission.EDIT_PERSONS, person_id=person_id)
    get_person(uow, person_id)
    today = uow.clock.today()

    def checks(v):
        errors = {}
        for name in ("entry_on", "exit_on"):
            if v.get(name) and v[name] > today:
                errors[name] = ValidationError("error.date_in_future", field=name)
        if v.get("exit_on") and v["exit_on"] < v["entry_on"]:
            errors["exit_on"] = ValidationError("stay.exit_before_entry", field="exit_on")
        if not errors:
            errors.update(_check_overlap(uow, person_id, v["entry_on"], v.get("exit_on")))
        return errors

    values = parse_values(STAY_FORM, raw, extra_checks=checks)
    stay = Stay(person_id=person_id, entry_on=values["entry_on"], exit_on=values.get("exit_on"),
                counts_for_90_180=bool(values["counts_for_90_180"]))
    uow.session.add(stay)
    uow.session.flush()
    audit.record(uow, actor, "person.stay", person_id=person_id,
                 changes=audit.diff({}, {k: v for k, v in values.items() if v is not None}))
    return stay.id


def record_exit(uow, actor: Actor, stay_id: int, raw: dict) -> None:
    """Record the day a person left (the stay must still be open)."""
    require(uow, actor, Permission.EDIT_PERSONS, stay_id=stay_id)
    from desk.services.casecore import is_record_id

    stay = uow.session.get(Stay, stay_id) if is_record_id(stay_id) else None
    if stay is None:
        raise NotFound("stay.not_found")
    today = uow.clock.today()

    def checks(v):
        if stay.exit_on is not None:
            return {"exit_on": ValidationError("stay.already_left", field="exit_on")}
        if v["exit_on"] > today:
            return {"exit_on": ValidationError("error.date_in_future", field="exit_on")}
        if v["exit_on"] < stay.entry_on:
            return {"exit_on": ValidationError("stay.exit_before_entry", field="exit_on")}
        return _check_overlap(uow, stay.person_id, stay.entry_on, v["exit_on"], skip=stay.id)

    values = parse_values(EXIT_FORM, raw, extra_checks=checks)
    stay.exit_on = values["exit_on"]
    uow.session.add(stay)
    uow.session.flush()
    audit.record(uow, actor, "person.exit", person_id=stay.person_id,
                 changes=audit.diff({"exit_on": None}, {"exit_on": stay.exit_on}))


__all__ = ["STAY_FORM", "EXIT_FORM", "StayView", "SchengenView", "stays_of", "schengen_view", "planned_last_day",
           "record_stay", "record_exit", "FormInvalid"]
