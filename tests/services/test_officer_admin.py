"""Officer administration on screen (issue 18 point 8) needs, beside what ``desk user`` had: enabling a disabled
officer, clearing a lockout, and changing an officer's roles as one all-or-nothing change - each checked
and audited in desk.services.auth, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from desk.errors import AuthError, PermissionDenied, ValidationError
from desk.services import audit, auth
from tests.conftest import PASSWORD


def _last(store, action):
    with store.reader() as uow:
        return next((e for e in audit.entries(uow, limit=80) if e.action == action), None)


def _login(store, username, password=PASSWORD):
    with store.uow() as uow:
        return auth.login(uow, username, password)


def _officer(store, username):
    with store.reader() as uow:
        return next(o for o in auth.list_officers(uow, _login(store, "admin")) if o.username == username)


def test_a_disabled_officer_is_enabled_again_audited(store, actors):
    admin = actors["administrator"]
    with store.uow() as uow:
        auth.disable_officer(uow, admin, "patverums")
    with pytest.raises(AuthError):
        _login(store, "patverums")
    with store.uow() as uow:
        auth.enable_officer(uow, admin, "patverums")
    assert _login(store, "patverums").username == "patverums"
    entry = _last(store, "officer.enable")
    assert entry.detail["officer"] == "patverums" and entry.officer_username == "admin"
    assert _officer(store, "patverums").active


def test_only_an_administrator_enables_or_clears_a_lockout(store, actors):
    for who in ("supervisor", "asylum"):
        for fn in (auth.enable_officer, auth.clear_lockout):
            with pytest.raises(PermissionDenied):
                with store.uow() as uow:
                    fn(uow, actors[who], "patverums")
    assert _last(store, "refused").detail["what"] == "officers.manage"


def test_a_lockout_is_listed_and_cleared_before_it_runs_out(store, actors, fixed_clock):
    for _ in range(auth.MAX_FAILED_LOGINS):
        with pytest.raises(AuthError):
            _login(store, "patverums", "wrong-password")
    with pytest.raises(AuthError) as info:
        _login(store, "patverums")
    assert info.value.key == "auth.locked"
    locked = _officer(store, "patverums").locked_until
    assert locked is not None and locked == fixed_clock.now() + auth.LOCKOUT
    with store.uow() as uow:
        assert auth.clear_lockout(uow, actors["administrator"], "patverums") is True
    entry = _last(store, "officer.clear_lockout")
    assert entry.detail == {"officer": "patverums", "was_locked": True}
    assert _officer(store, "patverums").locked_until is None
    assert _login(store, "patverums").username == "patverums"
    with store.uow() as uow:  # nothing to clear: said so, still audited
        assert auth.clear_lockout(uow, actors["administrator"], "patverums") is False


def test_a_lockout_that_ran_out_is_not_listed(store, actors, fixed_clock):
    for _ in range(auth.MAX_FAILED_LOGINS):
        with pytest.raises(AuthError):
            _login(store, "patverums", "wrong-password")
    fixed_clock.advance(minutes=16)
    assert _officer(store, "patverums").locked_until is None


def test_the_list_says_who_must_change_the_password(store, actors):
    with store.uow() as uow:
        auth.set_password(uow, actors["administrator"], "patverums", "temporary-pass-1")
    assert _officer(store, "patverums").must_change_password
    assert not _officer(store, "patverums2").must_change_password


def test_roles_change_as_one_and_supervisor_waits(store, actors):
    admin = actors["administrator"]
    with store.uow() as uow:
        waiting = auth.change_roles(uow, admin, "patverums", ["residence", "supervisor"])
    assert len(waiting) == 1
    assert _officer(store, "patverums").roles == ("residence",)  # asylum taken, residence given, supervisor waits
    with store.reader() as uow:
        (grant,) = auth.pending_grants(uow, admin)
    assert (grant.id, grant.username, grant.role, grant.requested_by) == (waiting[0], "patverums", "supervisor", "admin")
    assert _last(store, "officer.revoke").detail == {"officer": "patverums", "role": "asylum"}
    assert _last(store, "officer.grant").detail == {"officer": "patverums", "role": "residence"}
    with pytest.raises(AuthError):  # the roles changed: the officer's session ended
        with store.uow() as uow:
            auth.ensure_live(uow, actors["asylum"])
    with store.uow() as uow:  # asked again: the same grant, not a second one
        assert auth.change_roles(uow, admin, "patverums", ["residence", "supervisor"]) == waiting


@pytest.mark.parametrize("roles, key", [
    (["supervisor"], "auth.confirmed_role_alone"),
    ([], "auth.no_role"),
    (["no-such-role"], "auth.unknown_role"),
])
def test_a_change_that_would_leave_no_role_saves_nothing(store, actors, roles, key):
    with pytest.raises(ValidationError) as info:
        with store.uow() as uow:
            auth.change_roles(uow, actors["administrator"], "patverums", roles)
    assert info.value.key == key and info.value.field == "roles"
    assert _officer(store, "patverums").roles == ("asylum",)
    with store.reader() as uow:
        assert auth.pending_grants(uow, actors["administrator"]) == []


def test_no_one_changes_their_own_roles_nor_leaves_no_administrator(store, actors):
    admin = actors["administrator"]
    with pytest.raises(PermissionDenied) as info:
        with store.uow() as uow:
            auth.change_roles(uow, admin, "admin", ["administrator", "asylum"])
    assert info.value.key == "auth.own_roles"
    with store.uow() as uow:
        auth.create_officer(uow, None, username="admin2", full_name="Otrs Administrators", office_code="RIG-CEN",
                            roles="administrator", password=PASSWORD, bootstrap=True)
    other = _login(store, "admin2")
    with store.uow() as uow:  # another administrator may take the role: one stays (admin2)
        auth.change_roles(uow, other, "admin", ["reception"])
    with store.reader() as uow:
        assert next(o for o in auth.list_officers(uow, other) if o.username == "admin").roles == ("reception",)


def test_the_command_line_enables_and_unlocks_through_the_same_services(tmp_path, monkeypatch, capsys):
    import io

    from desk.cli import main

    db = str(tmp_path / "s.db")
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("first-admin-pass\n"))
    assert main(["init", "--db", db, "--password-stdin"]) == 0
    monkeypatch.setenv("DESK_PASSWORD", "first-admin-pass")
    monkeypatch.setattr("sys.stdin", io.StringIO("temporary-pass-1\n"))
    assert main(["user", "add", "liga", "--name", "Līga", "--office", "RIG-CEN", "--roles", "asylum",
                 "--officer", "admin", "--password-stdin", "--db", db]) == 0
    assert main(["user", "disable", "liga", "--officer", "admin", "--db", db]) == 0
    capsys.readouterr()
    assert main(["user", "enable", "liga", "--officer", "admin", "--db", db, "--lang", "en"]) == 0
    assert "liga enabled again" in capsys.readouterr().out
    assert main(["user", "unlock", "liga", "--officer", "admin", "--db", db, "--lang", "en"]) == 0
    assert "liga was not locked" in capsys.readouterr().out
    assert main(["user", "list", "--officer", "admin", "--db", db]) == 0
    listed = capsys.readouterr().out
    assert "liga" in listed and "atslēgts" not in listed  # enabled: listed without "(disabled)"
