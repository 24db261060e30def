"""Hostile input: every service gets random and malicious values and answers only with domain errors.

Overlong strings, control characters, SQL fragments, impossible dates, wrong types (None, floats, bytes,
lists, huge integers) are mixed with plausible values, field by field, so that some calls get deep into
the service. Whatever happens, only ``desk.errors.DomainError`` may come out (any other exception fails
the test with Hypothesis' smallest falsifying input), its message must be in the catalogue, and a
refused call must leave no trace except the audit entries desk writes on purpose for refusals.
"""
from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func
from sqlmodel import select

from desk.errors import DomainError, FormInvalid, explain
from desk.i18n import has
from desk.services import auth, casework, persons, search, stays
from desk.services.forms import FieldType, FormSpec, parse_values
from models import AuditEntry, Case, CaseKind, Deadline, IdentityDocument, Person, Stay

from robust_helpers import PASSWORD as _unused  # noqa: F401  (keeps the helper module importable here)

KINDS = [str(k) for k in CaseKind]
TODAY = date(2026, 11, 22)
# refusals are audited on purpose, in a transaction of their own
INTENDED_AFTER_REFUSAL = ("refused", "auth.failed", "auth.locked")

SQL = ["'; DROP TABLE person; --", "Robert'); DROP TABLE case_file;--", "' OR '1'='1", "1; DELETE FROM audit_entry",
       "%", "_", "\\", "%' --", "\" OR \"\"=\"", "UNION SELECT password_hash FROM officer", "*", "NULL", "PAT-%"]
DATES = ["2026-02-30", "31.13.2026", "0000-00-00", "9999-99-99", "29.02.2025", "2026-11-31", "1.1.1",
         "-2026-01-01", "2026/11/22", "22.11.99999", "00.00.0000", "0001-01-01", "9999-12-31", "31.12.9999",
         "2026-1-1", "１２.１１.２０２６", "2026-11-22T10:00"]
ODD = ["", " ", "\x00", "\x1b[31m", "\u202e", "\ufeff", "\r\n", "\t", "NaN", "inf", "-1", "0", "1e309",
       "99999999999999999999", "-99999999999", "🙂" * 60, "Ā" * 5000, "x" * 100_000, "null", "None", "true",
       "PAT-2026-999999", "XXA", "lva", "LVA", "ZZZ", "DEU,POL", "1,2,3", "1 2", "0,0"]

hostile_text = st.one_of(
    st.sampled_from(SQL + DATES + ODD),
    st.text(max_size=40),
    st.text(min_size=250, max_size=3000),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp"]), max_size=10),
)
wrong_type = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.binary(max_size=16),
    st.lists(st.one_of(st.integers(), st.floats(), st.text(max_size=5), st.none()), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.dates(min_value=date(1, 1, 1)), st.datetimes(), st.just(object()),
)
hostile = st.one_of(hostile_text, wrong_type)
# Arguments that are not form values come from code, not from a keyboard: a screen passes text as str
# and ids as int. They still get the worst str / int / None values.
hostile_arg = st.one_of(hostile_text, st.none())
hostile_id = st.one_of(st.integers(), st.integers(min_value=2**63 - 2, max_value=2**70), st.none())

HYPOTHESIS = settings(max_examples=30, deadline=None, database=None, derandomize=True,
                      suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                             HealthCheck.data_too_large])


def plausible(field, person_ids) -> st.SearchStrategy:
    """A value that could pass this field's parsing, so the call gets past ``parse_values`` sometimes."""
    t = field.type
    if t == FieldType.DATE:
        d = st.dates(min_value=date(2020, 1, 1), max_value=TODAY)
        return st.one_of(d.map(date.isoformat), d.map(lambda x: x.strftime("%d.%m.%Y")))
    if t == FieldType.CHOICE:
        return st.sampled_from([c for c, _ in field.choices] or [""])
    if t == FieldType.BOOL:
        return st.sampled_from(["yes", "no", "", "jā"])
    if t == FieldType.INT:
        low = field.low if field.low is not None else 0
        high = field.high if field.high is not None else 40
        return st.integers(low, high).map(str)
    if t == FieldType.COUNTRY:
        return st.sampled_from(["DEU", "SYR", "LVA", "XXA", "POL", "ukr"])
    if t in (FieldType.PERSON, FieldType.PERSONS):
        return st.sampled_from([str(i) for i in person_ids])
    if t == FieldType.OFFICE:
        return st.just("RIG-CEN")
    if t == FieldType.OFFICER:
        return st.sampled_from(["vaditajs", "patverums"])
    if t == FieldType.PERSONAL_CODE:
        return st.sampled_from(["", "010190-10006", "32000000000", "123456-12345"])
    return st.text(alphabet=string.ascii_letters + "āčēģīķļņšūž ĀČ-'", max_size=min(field.max_length, 60))


def raw_for(form: FormSpec, person_ids) -> st.SearchStrategy:
    fields = {f.name: st.one_of(plausible(f, person_ids), plausible(f, person_ids), hostile) for f in form.fields}
    return st.fixed_dictionaries(fields, optional={"unexpected_field": hostile, "id": hostile})


# --- the store side -----------------------------------------------------------------------------------


def snapshot(store) -> tuple:
    """Row counts that a refused call must not change."""
    with store.reader() as uow:
        def count(model, *where):
            return select(func.count()).select_from(model).where(*where).scalar_subquery()
        return tuple(uow.session.exec(select(
            count(Person), count(IdentityDocument), count(Case), count(Stay), count(Deadline),
            count(AuditEntry, AuditEntry.action.not_in(INTENDED_AFTER_REFUSAL)))).one())


class _Undo(Exception):
    """Rolls back a call that succeeded, so every example starts from the same store."""


def attempt(store, work, what: str = "") -> bool:
    """Run ``work(uow)`` in a unit of work that is then rolled back: True if the service accepted the
    values; a DomainError is fine and must leave nothing behind; any other exception fails the test."""
    before = snapshot(store)
    try:
        with store.uow() as uow:
            work(uow)
            raise _Undo
    except _Undo:
        return True
    except DomainError as exc:
        assert snapshot(store) == before, f"{exc.key}: a refused call left a partial write"
        message = explain(exc)
        assert has(exc.key) and message and not message.startswith("["), f"no catalogue text for {exc.key}"
        if isinstance(exc, FormInvalid):
            for err in exc.errors.values():
                assert has(err.key), f"no catalogue text for {err.key}"
        return False
    except Exception as exc:
        raise AssertionError(f"{what or 'the service'} let {type(exc).__name__} escape instead of a DomainError "
                             f"(see the falsifying example below): {str(exc)[:300]}") from exc


@pytest.fixture
def world(sqlite_store, sqlite_actors, fixed_clock):
    """A store with two persons and (where the forms allow) one open case of every kind."""
    sup = sqlite_actors["supervisor"]
    with sqlite_store.uow() as uow:
        ids = [persons.register_person(uow, sup, {"surname": "Haddad", "given_names": "Omar", "citizenship": "SYR",
                                                  "date_of_birth": "1990-01-01"}),
               persons.register_person(uow, sup, {"surname": "Bērziņa", "given_names": "Anna", "citizenship": "UKR",
                                                  "document_number": "FA123456", "document_country": "UKR"})]
    cases = {}
    for kind in KINDS:
        case_id = _build_case(sqlite_store, sup, kind, ids[0])
        if case_id:
            cases[kind] = case_id
    with sqlite_store.reader() as uow:  # every case is in its first status, version 1: the forms it offers
        forms = {kind: casework.actions_for(uow, sup, case_id) or [FormSpec(f"{kind}.none", "")]
                 for kind, case_id in cases.items()}
    return {"store": sqlite_store, "actors": sqlite_actors, "sup": sup, "person_ids": ids, "cases": cases,
            "forms": forms}


def _base(field, person_id):
    t = field.type
    return {FieldType.DATE: "2026-11-02", FieldType.BOOL: "no", FieldType.COUNTRY: "DEU",
            FieldType.PERSON: str(person_id), FieldType.PERSONS: str(person_id), FieldType.OFFICE: "RIG-CEN",
            FieldType.CHOICE: field.choices[0][0] if field.choices else "",
            FieldType.INT: str(field.low if field.low is not None else 1)}.get(t, "Test")


def _build_case(store, actor, kind, person_id):
    form = casework.registration_form(kind)
    raw = {f.name: _base(f, person_id) if f.required else "" for f in form.fields}
    for _ in range(5):
        try:
            with store.uow() as uow:
                return casework.register(uow, actor, kind, raw)
        except FormInvalid as exc:
            for f in form.fields:
                if f.name in exc.errors:
                    raw[f.name] = _base(f, person_id)
    return None


# --- the tests ------------------------------------------------------------------------------------------


def test_every_kind_gets_a_case_to_attack(world):
    assert sorted(world["cases"]) == sorted(KINDS), "the hostile tests below would skip a case kind"


@HYPOTHESIS
@given(username=hostile_arg, password=hostile_arg)
def test_login(world, username, password):
    assert not attempt(world["store"], lambda uow: auth.login(uow, username, password), "auth.login")


@HYPOTHESIS
@given(data=st.data())
def test_parse_values_of_every_form(world, data):
    forms = [persons.PERSON_FORM, stays.STAY_FORM] + [casework.registration_form(k) for k in KINDS]
    form = data.draw(st.sampled_from(forms), label="form")
    raw = data.draw(raw_for(form, world["person_ids"]), label="raw")
    try:
        parse_values(form, raw, lookup=lambda kind, code: code in {"DEU", "SYR", "LVA", "XXA", "POL", "UKR", "RIG-CEN"})
    except DomainError:
        pass


@HYPOTHESIS
@given(data=st.data())
def test_register_person(world, data):
    raw = data.draw(raw_for(persons.PERSON_FORM, world["person_ids"]), label="raw")
    allow = data.draw(st.booleans(), label="allow_duplicate")
    use_existing = data.draw(st.one_of(st.sampled_from(world["person_ids"]), hostile_id), label="use")
    attempt(world["store"], lambda uow: persons.find_duplicates(uow, world["sup"], raw), "persons.find_duplicates")
    attempt(world["store"], lambda uow: persons.register_person(uow, world["sup"], raw, use_existing=use_existing,
                                                                allow_duplicate=allow), "persons.register_person")


@HYPOTHESIS
@given(data=st.data())
def test_register_every_kind(world, data):
    kind = data.draw(st.sampled_from(KINDS), label="kind")
    raw = data.draw(raw_for(casework.registration_form(kind), world["person_ids"]), label="raw")
    actor = data.draw(st.sampled_from(["supervisor", "supervisor", "asylum", "reception", "administrator"]))
    attempt(world["store"], lambda uow: casework.register(uow, world["actors"][actor], kind, raw), "casework.register")


@HYPOTHESIS
@given(kind=hostile_arg, raw=st.dictionaries(hostile_text, hostile, max_size=4))
def test_register_with_a_made_up_kind(world, kind, raw):
    attempt(world["store"], lambda uow: casework.register(uow, world["sup"], kind, raw), "casework.register")


@HYPOTHESIS
@given(data=st.data())
def test_perform(world, data):
    store, sup = world["store"], world["sup"]
    kind = data.draw(st.sampled_from(sorted(world["cases"])), label="kind")
    case_id = world["cases"][kind]
    form = data.draw(st.sampled_from(world["forms"][kind]), label="form")
    action = data.draw(st.one_of(st.just(form.id.split(".", 1)[1]), hostile_arg), label="action")
    raw = data.draw(raw_for(form, world["person_ids"]), label="raw")
    expected = data.draw(st.one_of(st.just(1), hostile_id), label="expected_version")
    target = data.draw(st.one_of(st.just(case_id), hostile_id), label="case_id")
    attempt(store, lambda uow: casework.perform(uow, sup, target, action, raw, expected), "casework.perform")


@HYPOTHESIS
@given(data=st.data())
def test_record_stay(world, data):
    raw = data.draw(raw_for(stays.STAY_FORM, world["person_ids"]), label="raw")
    person_id = data.draw(st.one_of(st.sampled_from(world["person_ids"]), hostile_id), label="person_id")
    attempt(world["store"], lambda uow: stays.record_stay(uow, world["sup"], person_id, raw), "stays.record_stay")


@HYPOTHESIS
@given(query=hostile_arg, limit=st.one_of(st.just(20), st.integers()),
       actor=st.sampled_from(["supervisor", "reception", "administrator"]))
def test_search(world, query, limit, actor):
    attempt(world["store"], lambda uow: search.search(uow, world["actors"][actor], query, limit=limit), "search.search")


ODD_IDS = [0, -1, 2**31, 2**63 - 1, 2**63, 10**30, None]


@pytest.mark.parametrize("bad_id", ODD_IDS, ids=str)
@pytest.mark.parametrize("call", ["views.person_file", "views.case_file", "casework.actions_for",
                                  "casework.perform", "stays.record_stay", "persons.register_person(use_existing)"])
def test_ids_that_do_not_exist(world, call, bad_id):
    """A record id typed or forged out of range is "not found", never a driver error."""
    from desk.services import views

    sup = world["sup"]
    if call.endswith("(use_existing)") and bad_id is None:
        return  # None is the documented "register a new person" (covered by test_register_person)
    work = {
        "views.person_file": lambda uow: views.person_file(uow, sup, bad_id),
        "views.case_file": lambda uow: views.case_file(uow, sup, bad_id),
        "casework.actions_for": lambda uow: casework.actions_for(uow, sup, bad_id),
        "casework.perform": lambda uow: casework.perform(uow, sup, bad_id, "withdraw", {}, 1),
        "stays.record_stay": lambda uow: stays.record_stay(uow, sup, bad_id, {"entry_on": "2026-11-01"}),
        "persons.register_person(use_existing)": lambda uow: persons.register_person(
            uow, sup, {"surname": "Haddad", "given_names": "Omar", "citizenship": "SYR"}, use_existing=bad_id),
    }[call]
    assert not attempt(world["store"], work, call)
