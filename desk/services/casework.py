"""Casework: register a case of any kind, perform the events its life cycle allows, reassign.

One use case per function, each one transaction (the caller's unit of work) that also writes its audit
entry. What a kind *is* (its forms, how a registration becomes rows, what each action changes, its
facts, its file lines) lives in its module under ``desk.services.kinds``; this module is generic over
the registry ``kinds.KINDS``. ``actions_for`` offers exactly the actions the kind's life cycle allows in
the case's status, ``perform`` refuses anything else. After every registration and event the deadlines
are recomputed from the rules (``desk.services.deadlines.recompute``; in a ``uow.batched()`` block, as each import
line is, once per case after its last event: ``recompute_after_event``).

Forms: every registration and action is a ``FormSpec``; the screens draw it and hand back raw strings;
``parse_values`` plus the kind's own checks turn them into values or raise ``FormInvalid``.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from sqlmodel import select

from desk.errors import PermissionDenied, TransitionNotAllowed, ValidationError
from desk.i18n import t
from desk.services import audit, casecore
from desk.services import deadlines as deadline_service
from desk.services.auth import Actor, Permission, parse_roles, require, require_kind, CASE_KINDS_BY_ROLE, Role
from desk.services.forms import FieldType, FormSpec, parse_values
from desk.services.kinds import KindAdapter, action_context, adapter, closing_day, detail_of, ends_case
from desk.services.labels import (CountryNames, DetailLine, action_label, action_title_key, display_value,  # noqa: F401
                                  field_label, status_label)
from desk.services.persons import reference_lookup
from models import Case, Country, InvitedPerson, Officer

__all__ = ["register", "perform", "reassign", "registration_form", "registration_initial", "action_form", "actions_for", "forms_for_case",
           "detail_of", "details_of", "detail_values", "country_names", "field_label", "display_value"]


def _not_future(values: dict, today: date, allowed: frozenset[str] | set[str] = frozenset(), fields=()) -> dict:
    errors = {}
    for spec in fields:
        v = values.get(spec.name)
        if spec.type == FieldType.DATE and isinstance(v, date) and v > today and spec.name not in allowed:
            errors[spec.name] = ValidationError("error.date_in_future", field=spec.name)
    return errors


def registration_form(kind: str) -> FormSpec:
    return adapter(kind).form


def registration_initial(uow, actor: Actor, kind: str, person_id: int | None) -> dict:
    """The values the kind's registration form opens with for this person (an asylum application of a
    person who applied before opens as "repeat")."""
    spec = adapter(kind)
    require_kind(uow, actor, str(spec.kind))
    return dict(spec.initial_values(uow, person_id)) if person_id else {}


def _snapshot(case: Case, detail) -> dict:
    data = {k: v for k, v in detail.model_dump().items() if k != "case_id"}
    data["status"] = case.status
    return data


def country_names(uow, code: str) -> CountryNames | None:
    """The country's names in both languages; None if the code is not in the reference table."""
    country = uow.session.get(Country, code)
    return CountryNames(code, country.name_lv, country.name_en) if country is not None else None


def details_of(uow, case: Case) -> list[DetailLine]:
    """The lines of the detail row for the case's file (stored values; the words: labels.detail_text);
    empty values left out."""
    spec = adapter(case.kind)
    out = []
    stored = detail_of(uow, case).model_dump()
    for name in spec.model.model_fields:  # in the order the model declares them (the order of events)
        value = stored.get(name)
        if name == "case_id" or name in spec.hidden or value is None or value == "":
            continue
        out.append(DetailLine(name, value, country=country_names(uow, value) if name == "partner_country" else None))
    return spec.detail_lines(uow, case, out)


def detail_values(uow, case: Case) -> dict:
    """The detail row's stored values by column (codes, dates, numbers), internal ids left out."""
    spec = adapter(case.kind)
    stored = detail_of(uow, case).model_dump()
    return {name: stored.get(name) for name in spec.model.model_fields
            if name != "case_id" and name not in spec.hidden}


def _derive_dates(uow, spec: KindAdapter, case: Case, detail) -> None:
    """What the rules derive and the file shows as data (the kind's ``derived``). The rules read other rows
    (a partner state's code, the asylum case's decision): the detail row's own changes are not flushed for
    them, so that they are written once, with what is derived (``uow.save_now``; issue 17)."""
    with uow.session.no_autoflush:
        derived = spec.derived(uow, case, detail)
    for column, value in derived.items():
        setattr(detail, column, value)


# --- register ------------------------------------------------------------------------------------------------


def register(uow, actor: Actor, kind: str, raw: dict) -> int:
    """Register a case of ``kind`` from the registration form's raw values; returns the case id."""
    spec = adapter(kind)
    code = str(spec.kind)
    require_kind(uow, actor, code, attempt="register")
    today = uow.clock.today()

    def all_checks(values):
        errors = _not_future(values, today, spec.register_future_ok, spec.form.fields)
        errors.update(spec.checks(uow, values) or {})
        return errors

    values = parse_values(spec.form, raw, lookup=reference_lookup(uow), extra_checks=all_checks)
    created = spec.create(uow, actor, values)
    case = casecore.open_case(uow, actor, kind=code, person_id=created.person_id, status=created.status,
                              opened_on=created.opened_on)
    detail = spec.model(case_id=case.id, **created.detail)
    _derive_dates(uow, spec, case, detail)  # derived from the values alone: inserted with them
    uow.add_now(detail)
    for pid in created.invited_person_ids:
        uow.add_now(InvitedPerson(invitation_case_id=case.id, person_id=pid))
    deadline_service.recompute_after_event(uow, case, detail)
    audit.record(uow, actor, "case.register", case_id=case.id, person_id=created.person_id, number=case.number,
                 kind=code, changes=audit.diff({}, _snapshot(case, detail)))
    return case.id


# --- actions -------------------------------------------------------------------------------------------------


def _allowed(case: Case, detail) -> list[str]:
    return adapter(case.kind).allowed(case.status, detail.model_dump())


@lru_cache(maxsize=512)
def action_form(kind: str, action: str) -> FormSpec:
    """The form of ``action`` on a case of ``kind`` (immutable: made once, asked for at every action and
    at every step the scale seed tries)."""
    return FormSpec(f"{kind}.{action}", action_title_key(kind, action), adapter(kind).action(action).fields)


def forms_for_case(uow, case: Case) -> list[FormSpec]:
    return [action_form(case.kind, a) for a in _allowed(case, detail_of(uow, case))]


def actions_for(uow, actor: Actor, case_id: int) -> list[FormSpec]:
    """The forms of exactly the actions the case's life cycle allows in its current status."""
    case = casecore.get_case(uow, case_id)
    require_kind(uow, actor, case.kind, case_id=case.id)
    return forms_for_case(uow, case)


def _refuse(case: Case, action: str) -> TransitionNotAllowed:
    return TransitionNotAllowed(state=status_label(case.kind, case.status), action=action_label(case.kind, action))


def _not_before_opening(values: dict, opened_on: date, already: dict) -> dict:
    """An event of a case cannot happen before the case was opened (so a case never closes before it
    opens, and the day's figures add up). Event dates are the fields named ``*_on``."""
    return {name: ValidationError("error.before_opened", field=name, opened=opened_on.strftime("%d.%m.%Y"))
            for name, value in values.items()
            if name.endswith("_on") and isinstance(value, date) and value < opened_on and name not in already}


def perform(uow, actor: Actor, case_id: int, action: str, raw: dict, expected_version: int, *,
            cause: str | None = None) -> None:
    """Do one life-cycle ``action`` on a case: check the role, the life cycle, the officer's version and
    the values; change the status and the detail row; recompute the deadlines; close the case when a
    final status is reached; audit "case.<action>" with what changed."""
    case = casecore.get_case(uow, case_id)
    require_kind(uow, actor, case.kind, case_id=case.id, attempt=action)
    spec = adapter(case.kind)
    detail = detail_of(uow, case)
    if action not in _allowed(case, detail):
        raise _refuse(case, action)
    definition = spec.action(action)
    form = action_form(case.kind, action)
    today = uow.clock.today()

    def checks(v):
        errors = _not_future(v, today, definition.future_ok, form.fields)
        errors.update(_not_before_opening(v, case.opened_on, errors))
        return errors

    values = parse_values(form, raw, lookup=reference_lookup(uow), extra_checks=checks)
    casecore.ensure_current(uow, case, expected_version)  # a stale copy is told so before anything else
    before = _snapshot(case, detail)
    row = detail.model_dump()
    new_status = spec.next_status(case.status, action, row)
    applied = definition.apply(row, values, action_context(uow, spec, case, today))
    changes = {"status": str(new_status)}
    if ends_case(spec, case.status, new_status):
        changes["closed_on"] = closing_day(applied, values, today)
    case = casecore.touch(uow, actor, case, expected_version, **changes)
    for column, value in applied.changes.items():
        setattr(detail, column, value)
    _derive_dates(uow, spec, case, detail)
    uow.save_now(detail)  # what the action changed and what the rules derive from it, in one UPDATE
    deadline_service.recompute_after_event(uow, case, detail)
    after = _snapshot(case, detail)
    if case.closed_on is not None:
        after["closed_on"] = case.closed_on
    after.update(applied.audit_only)
    audit.record(uow, actor, f"case.{action}", case_id=case.id, person_id=case.person_id,
                 changes=audit.diff(before, after), **({"cause": cause} if cause else {}))
    for follow in spec.follow_ups(uow, case, action, detail):  # e.g. a transfer done ends the asylum case
        linked = casecore.get_case(uow, follow.case_id)
        perform(uow, actor, linked.id, follow.action, dict(follow.raw), linked.version, cause=case.number)


# --- reassignment -------------------------------------------------------------------------------------------


def reassign(uow, actor: Actor, case_ids: list[int], to_username: str) -> int:
    """A supervisor hands cases to another officer of the same office who may work on their kinds."""
    require(uow, actor, Permission.REASSIGN, cases=len(case_ids))
    target = uow.session.exec(select(Officer).where(Officer.username == (to_username or "").strip().lower())).first()
    if target is None or not target.active or target.office_id != actor.office_id:
        raise ValidationError("casework.reassign.bad_officer", field="to_username")
    kinds: set[str] = set()
    for role in parse_roles(target.roles):
        kinds |= CASE_KINDS_BY_ROLE.get(Role(role), frozenset())
    count = 0
    for case_id in dict.fromkeys(case_ids):
        case = casecore.get_case(uow, case_id)
        if case.office_id != actor.office_id:
            raise PermissionDenied("casework.reassign.other_office", number=case.number)
        if case.kind not in kinds:
            raise ValidationError("casework.reassign.officer_cannot", field="to_username",
                                  number=case.number, kind=t(f"kind.{case.kind}"))
        if case.owner_id == target.id:
            continue
        previous = uow.session.get(Officer, case.owner_id) if case.owner_id else None
        case = casecore.touch(uow, actor, case, None, owner_id=target.id)
        audit.record(uow, actor, "case.reassign", case_id=case.id, person_id=case.person_id,
                     **{"from": previous.username if previous else None, "to": target.username})
        count += 1
    return count
