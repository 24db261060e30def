"""Officers, passwords, lockout and roles - enforced in the services (issue 4)."""

import pytest
from sqlmodel import select

from desk.errors import AuthError, PermissionDenied, ValidationError
from desk.services import audit, auth
from models import Officer
from tests.conftest import PASSWORD


def test_password_is_hashed_with_argon2id_and_verifies(store, actors):
    with store.reader() as uow:
        row = uow.session.exec(select(Officer).where(Officer.username == "patverums")).one()
    assert row.password_hash.startswith("$argon2id$")
    assert PASSWORD not in row.password_hash
    assert auth.verify_password(row.password_hash, PASSWORD)
    assert not auth.verify_password(row.password_hash, PASSWORD + "x")
    assert not auth.verify_password("not a hash", PASSWORD)


def _try_login(store, password):
    with store.uow() as uow:
        return auth.login(uow, "patverums", password)


def test_five_wrong_passwords_lock_for_fifteen_minutes(store, actors, fixed_clock):
    for _ in range(4):
        with pytest.raises(AuthError) as info:
            _try_login(store, "wrong")
        assert info.value.key == "auth.bad_credentials"
    with pytest.raises(AuthError):
        _try_login(store, "wrong")  # the fifth
    with pytest.raises(AuthError) as info:  # now even the right password is refused
        _try_login(store, PASSWORD)
    assert info.value.key == "auth.locked" and info.value.params["minutes"] == 15
    fixed_clock.advance(minutes=14, seconds=59)
    with pytest.raises(AuthError):
        _try_login(store, PASSWORD)
    fixed_clock.advance(seconds=2)
    assert _try_login(store, PASSWORD).username == "patverums"
    with store.reader() as uow:
        actions = [e.action for e in audit.entries(uow, newest_first=False, limit=1000)]
    assert actions.count("auth.failed") == 4 and actions.count("auth.locked") == 1


def test_a_success_resets_the_failure_count(store, actors, fixed_clock):
    for _ in range(4):
        with pytest.raises(AuthError):
            _try_login(store, "wrong")
    _try_login(store, PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthError):
            _try_login(store, "wrong")
    assert _try_login(store, PASSWORD).username == "patverums"


def test_unknown_and_disabled_officers_get_the_same_message(store, actors):
    with pytest.raises(AuthError) as unknown:
        with store.uow() as uow:
            auth.login(uow, "nobody", PASSWORD)
    with store.uow() as uow:
        auth.disable_officer(uow, actors["administrator"], "patverums")
    with pytest.raises(AuthError) as disabled:
        _try_login(store, PASSWORD)
    assert unknown.value.key == disabled.value.key == "auth.bad_credentials"


@pytest.mark.parametrize("role, kind, allowed", [
    ("reception", "invitation", True), ("reception", "asylum", False),
    ("residence", "permit", True), ("residence", "visa", True), ("residence", "dublin", False),
    ("asylum", "asylum", True), ("asylum", "dublin", True), ("asylum", "return", False),
    ("return", "return", True), ("return", "permit", False),
    ("supervisor", "asylum", True), ("supervisor", "return", True),
    ("administrator", "asylum", False), ("administrator", "invitation", False),
])
def test_roles_decide_case_kinds(sqlite_store, sqlite_actors, role, kind, allowed):
    actor = sqlite_actors[role]
    assert actor.can_work_on(kind) is allowed


def test_refused_action_is_a_domain_error_and_is_audited(store, actors):
    reception = actors["reception"]
    with pytest.raises(PermissionDenied) as info:
        with store.uow() as uow:
            auth.require_kind(uow, reception, "asylum", case="PAT-2026-000001")
    assert "asylum" in info.value.message()
    with store.reader() as uow:
        last = audit.entries(uow, limit=1)[0]
    assert last.action == "refused" and last.officer_username == "recepcija"
    assert last.detail["what"] == "case.asylum"


def test_administrator_manages_officers_but_others_cannot(store, actors):
    with store.uow() as uow:
        auth.create_officer(uow, actors["administrator"], username="jauns", full_name="Jauns Darbinieks",
                            office_code="DAU", roles="reception", password="long-enough-1")
    with pytest.raises(PermissionDenied):
        with store.uow() as uow:
            auth.create_officer(uow, actors["supervisor"], username="cits", full_name="Cits",
                                office_code="DAU", roles="reception", password="long-enough-1")
    with store.reader() as uow:
        names = [o.username for o in auth.list_officers(uow, actors["administrator"])]
    assert "jauns" in names and "cits" not in names


@pytest.mark.parametrize("field, values", [
    ("password", {"password": "short"}),
    ("roles", {"roles": "janitor"}),
    ("username", {"username": "bad name!"}),
    ("office", {"office_code": "NOPE"}),
])
def test_bad_officer_input_names_the_field(sqlite_store, sqlite_actors, field, values):
    args = dict(username="jauns", full_name="Jauns", office_code="RIG-CEN", roles="reception",
                password="long-enough-1")
    args.update(values)
    with pytest.raises((ValidationError, Exception)) as info:
        with sqlite_store.uow() as uow:
            auth.create_officer(uow, sqlite_actors["administrator"], **args)
    assert getattr(info.value, "field", None) == field
