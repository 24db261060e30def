"""Identity is proven, not asserted (issue 15 point 2): the services accept only a live session issued by
auth.login, checked on every call, on SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import hashlib

import pytest
from sqlmodel import select

from desk.errors import PermissionDenied
from desk.services import audit, auth, search, views
from desk.services.auth import Actor, SessionEnded
from models import OfficerSession
from tests.conftest import PASSWORD


def _worklist(store, actor):
    with store.reader() as uow:
        return views.worklist(uow, actor)


def _refused(store, actor, key):
    with pytest.raises(SessionEnded) as info:
        _worklist(store, actor)
    assert info.value.key == key, info.value.key
    assert info.value.message() and "{" not in info.value.message()  # a sentence from the catalogue


def test_an_actor_built_by_hand_is_refused(store, actors):
    real = actors["supervisor"]
    _worklist(store, real)  # the real one works
    forged = Actor(real.id, real.username, real.full_name, real.office_id, real.office_code, real.roles)
    _refused(store, forged, "auth.session_invalid")
    guessed = dataclasses.replace(real, token="x" * 43)
    _refused(store, guessed, "auth.session_invalid")
    # a real token under more roles, or under another officer's name, proves nothing either
    raised = dataclasses.replace(actors["reception"], roles=frozenset({"supervisor"}))
    _refused(store, raised, "auth.session_invalid")
    other = dataclasses.replace(actors["asylum"], token=actors["reception"].token)
    _refused(store, other, "auth.session_invalid")
    _refused(store, dataclasses.replace(real, roles=frozenset()), "auth.session_invalid")
    with pytest.raises(SessionEnded):
        with store.reader() as uow:
            search.search(uow, forged, "Bērziņš", audit=False)
    with pytest.raises(SessionEnded):
        with store.lookup() as look:
            search.find_case_numbers(look, forged, "PAT-2026")


def test_a_refused_session_is_audited_without_the_claimed_name(store, actors):
    forged = dataclasses.replace(actors["supervisor"], token="")
    with pytest.raises(SessionEnded):
        with store.uow() as uow:
            auth.require(uow, forged, auth.Permission.REPORTS)
    with store.reader() as uow:
        last = audit.entries(uow, limit=1)[0]
    assert last.action == "auth.session_refused" and last.officer_username == "system"
    assert last.detail == {"reason": "auth.session_invalid", "claimed_officer_id": forged.id}


def test_only_the_tokens_sha256_is_stored(store, actors):
    actor = actors["asylum"]
    assert len(actor.token) >= 43 and actor.token not in repr(actor)
    with store.reader() as uow:
        rows = uow.session.exec(select(OfficerSession).where(OfficerSession.officer_id == actor.id)).all()
    assert [r.token_hash for r in rows] == [hashlib.sha256(actor.token.encode()).hexdigest()]
    assert rows[0].roles == "asylum" and rows[0].ended_at is None


def test_disabling_an_officer_ends_their_open_session_at_the_next_call(store, actors):
    asylum = actors["asylum"]
    _worklist(store, asylum)
    with store.uow() as uow:
        auth.disable_officer(uow, actors["administrator"], "patverums")
    _refused(store, asylum, "auth.session_ended")


def test_a_password_reset_ends_the_session_and_forces_a_change(store, actors):
    asylum = actors["asylum"]
    with store.uow() as uow:
        auth.set_password(uow, actors["administrator"], "patverums", "admin-chose-this-1")
    _refused(store, asylum, "auth.session_ended")
    with pytest.raises(auth.AuthError) as info:
        with store.uow() as uow:
            auth.login(uow, "patverums", "admin-chose-this-1")
    assert info.value.key == "auth.password_change_required"
    with store.uow() as uow:
        fresh = auth.change_password(uow, "patverums", "admin-chose-this-1", "my-own-secret-1")
    _worklist(store, fresh)
    with store.uow() as uow:
        auth.login(uow, "patverums", "my-own-secret-1")


def test_a_change_behind_the_services_back_still_ends_the_session(store, actors):
    """Sessions end when the officer's row changes even without the service that ends them (a change
    made in the database directly): the check compares the officer as they are now."""
    asylum = actors["asylum"]
    from sqlalchemy import text

    with store.uow() as uow:
        uow.session.execute(text("UPDATE officer SET roles = 'asylum,return' WHERE username = 'patverums'"))
    _refused(store, asylum, "auth.session_revoked")
    return_officer = actors["return"]
    with store.uow() as uow:
        uow.session.execute(text("UPDATE officer SET roles = '' WHERE username = 'atgriesana'"))
    _refused(store, return_officer, "auth.session_revoked")
    reception = actors["reception"]
    with store.uow() as uow:
        uow.session.execute(text("UPDATE officer SET password_hash = 'x' WHERE username = 'recepcija'"))
    _refused(store, reception, "auth.session_revoked")


def test_logout_ends_the_session_and_a_second_logout_is_quiet(store, actors):
    asylum = actors["asylum"]
    with store.uow() as uow:
        auth.logout(uow, asylum)
    _refused(store, asylum, "auth.session_ended")
    with store.uow() as uow:
        auth.logout(uow, asylum)  # the app's quit after a logout: nothing to end, no error


def test_a_session_expires_after_a_shift(store, actors, fixed_clock):
    with store.uow() as uow:
        actor = auth.login(uow, "vaditajs", PASSWORD)
    fixed_clock.advance(hours=11, minutes=59)
    _worklist(store, actor)
    fixed_clock.advance(minutes=2)
    _refused(store, actor, "auth.session_expired")


def test_a_unit_of_work_checks_a_session_once(sqlite_store, sqlite_actors, monkeypatch):
    calls = []
    real = auth._session_problem
    monkeypatch.setattr(auth, "_session_problem", lambda *a: calls.append(1) or real(*a))
    with sqlite_store.reader() as uow:
        for _ in range(5):
            views.worklist(uow, sqlite_actors["supervisor"])
            views.count_worklist(uow, sqlite_actors["supervisor"])
    assert len(calls) == 1


def test_every_public_service_with_an_actor_checks_the_session():
    """The grep of the brief, kept: a function of desk.services that takes an actor and is not private
    calls require, require_kind or ensure_live itself, or hands the actor to one that does."""
    import ast
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[1] / "desk" / "services"
    checks = {"require", "require_kind", "ensure_live", "_require_operator"}
    delegating = {"case_file_by_number": "case_file", "daily_report": "resolve_scope",
                  "statistics": "resolve_scope", "import_file": "run",  # store.run(import_lines, ...)
                  "logout": None, "record_pick": "record_lookup",
                  "write_checkpoint": None, "create": None, "open_case": None, "touch": None,
                  "backup": "_require_operator", "restore": None, "ensure_live": None,
                  "end_session": None, "export_duplicates": "duplicate_pairs"}
    missing = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            if "actor" not in [a.arg for a in node.args.args + node.args.kwonlyargs]:
                continue
            called = {(n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", ""))
                      for n in ast.walk(node) if isinstance(n, ast.Call)}
            if called & checks:
                continue
            if node.name in delegating and (delegating[node.name] is None or delegating[node.name] in called):
                continue
            missing.append(f"{path.relative_to(root)}:{node.name}")
    assert not missing, missing


def test_administrators_see_no_case_data(store, actors):
    admin = actors["administrator"]
    assert not admin.can(auth.Permission.VIEW_PERSONS) and not admin.case_kinds
    with store.reader() as uow:
        assert views.worklist(uow, admin, scope="office") == []
        assert search.search(uow, admin, "Bērziņš", audit=False) == []
    with pytest.raises(PermissionDenied):
        with store.reader() as uow:
            views.person_file(uow, admin, 1)
