"""Separation of duties (issue 15 point 3): an administrator manages accounts, reads no case data, gives
themselves no role, cannot take an account over; supervisor needs a second person; the last
administrator stays; backups are a named officer's."""
from __future__ import annotations

import io

import pytest

from desk.cli import main
from desk.errors import AuthError, PermissionDenied, ValidationError
from desk.services import audit, auth, backup, views
from tests.conftest import PASSWORD


def _last(store, action):
    with store.reader() as uow:
        return next(e for e in audit.entries(uow, limit=50) if e.action == action)


def _login(store, username, password=PASSWORD):
    with store.uow() as uow:
        return auth.login(uow, username, password)


def test_an_administrator_gives_themselves_no_role(store, actors):
    admin = actors["administrator"]
    with pytest.raises(PermissionDenied) as info:
        with store.uow() as uow:
            auth.grant_role(uow, admin, "admin", "asylum")
    assert info.value.key == "auth.own_roles"
    with pytest.raises(PermissionDenied):
        with store.uow() as uow:
            auth.grant_role(uow, admin, "admin", "supervisor")
    with store.reader() as uow:
        assert auth.pending_grants(uow, admin) == []
    assert _last(store, "refused").detail["what"] == "officer.own_roles"


def test_supervisor_waits_for_a_second_person(store, actors):
    admin, asylum = actors["administrator"], actors["asylum"]
    with store.uow() as uow:
        grant_id = auth.grant_role(uow, admin, "patverums", "supervisor")
    assert grant_id is not None
    with store.reader() as uow:
        assert views.count_worklist(uow, asylum) == 0  # still working, still only asylum
    assert not _login(store, "patverums").can(auth.Permission.REPORTS)
    for who, key in ((admin, "auth.confirm_by_another"), (asylum, "auth.confirm_not_allowed"),
                     (actors["reception"], "auth.confirm_not_allowed")):
        with pytest.raises(PermissionDenied) as info:
            with store.uow() as uow:
                auth.confirm_grant(uow, who, grant_id)
        assert info.value.key == key
    with store.uow() as uow:
        assert auth.confirm_grant(uow, actors["supervisor"], grant_id) == "patverums"
    with pytest.raises(auth.SessionEnded):  # the roles a session holds are those of its login
        with store.reader() as uow:
            views.count_worklist(uow, asylum)
    assert _login(store, "patverums").can(auth.Permission.REPORTS)
    entry = _last(store, "officer.grant")
    assert entry.officer_username == "vaditajs"
    assert entry.detail == {"officer": "patverums", "role": "supervisor", "grant": grant_id, "asked_by": "admin"}
    with pytest.raises(Exception):
        with store.uow() as uow:
            auth.confirm_grant(uow, actors["supervisor"], grant_id)  # once only


def test_a_new_officer_asked_as_supervisor_gets_the_rest_now(store, actors):
    admin = actors["administrator"]
    with pytest.raises(ValidationError) as info:
        with store.uow() as uow:
            auth.create_officer(uow, admin, username="tikai", full_name="Tikai Vadītājs", office_code="RIG-CEN",
                                roles="supervisor", password="long-enough-1")
    assert info.value.key == "auth.confirmed_role_alone"
    with store.uow() as uow:
        auth.create_officer(uow, admin, username="jauns", full_name="Jauns Vadītājs", office_code="RIG-CEN",
                            roles="asylum,supervisor", password="long-enough-1")
    with store.reader() as uow:
        (grant,) = auth.pending_grants(uow, admin)
        (officer,) = [o for o in auth.list_officers(uow, admin) if o.username == "jauns"]
    assert (grant.username, grant.role, grant.requested_by) == ("jauns", "supervisor", "admin")
    assert officer.roles == ("asylum",)


def test_an_administrators_reset_forces_a_change_and_names_both(store, actors):
    with store.uow() as uow:
        auth.set_password(uow, actors["administrator"], "patverums", "admin-chose-this-1")
    entry = _last(store, "officer.password")
    assert entry.officer_username == "admin" and entry.detail == {"officer": "patverums", "reset": True}
    with pytest.raises(AuthError) as info:
        _login(store, "patverums", "admin-chose-this-1")
    assert info.value.key == "auth.password_change_required"
    assert "change-password" in info.value.message()
    with pytest.raises(ValidationError):  # the administrator's password is not kept as one's own
        with store.uow() as uow:
            auth.change_password(uow, "patverums", "admin-chose-this-1", "admin-chose-this-1")
    with store.uow() as uow:
        auth.change_password(uow, "patverums", "admin-chose-this-1", "my-own-secret-1")
    assert _last(store, "officer.password_changed").detail["after_reset"] is True
    assert _login(store, "patverums", "my-own-secret-1").username == "patverums"
    # an officer's own change needs no change afterwards
    with store.uow() as uow:
        auth.set_password(uow, actors["reception"], "recepcija", "reception-new-1")
    assert _login(store, "recepcija", "reception-new-1").username == "recepcija"


def test_an_officer_the_administrator_added_chooses_their_own_password(store, actors):
    with store.uow() as uow:
        auth.create_officer(uow, actors["administrator"], username="jauns", full_name="Jauns Darbinieks",
                            office_code="RIG-CEN", roles="reception", password="long-enough-1")
    with pytest.raises(AuthError) as info:
        _login(store, "jauns", "long-enough-1")
    assert info.value.key == "auth.password_change_required"


def test_the_last_active_administrator_stays(store, actors):
    admin = actors["administrator"]
    with pytest.raises(PermissionDenied) as info:
        with store.uow() as uow:
            auth.disable_officer(uow, admin, "admin")
    assert info.value.key == "auth.last_administrator"
    with store.uow() as uow:
        auth.create_officer(uow, admin, username="admin2", full_name="Otrs Administrators", office_code="RIG-CEN",
                            roles="administrator", password="long-enough-1")
    with store.uow() as uow:
        auth.change_password(uow, "admin2", "long-enough-1", "admin2-own-pass")
    admin2 = _login(store, "admin2", "admin2-own-pass")
    with store.uow() as uow:
        auth.disable_officer(uow, admin2, "admin")  # two: one may go
    for attempt in (lambda uow: auth.disable_officer(uow, admin2, "admin2"),
                    lambda uow: auth.revoke_role(uow, admin2, "admin2", "administrator")):
        with pytest.raises(PermissionDenied):
            with store.uow() as uow:
                attempt(uow)
    with store.reader() as uow:
        assert [o.username for o in auth.list_officers(uow, admin2) if "administrator" in o.roles and o.active] \
            == ["admin2"]


def test_a_backup_is_a_named_officers_with_the_permission(sqlite_store, sqlite_actors, tmp_path):
    with pytest.raises(PermissionDenied):
        backup.backup(sqlite_store, tmp_path / "anonymous.db", None)
    with pytest.raises(PermissionDenied):
        backup.backup(sqlite_store, tmp_path / "asylum.db", sqlite_actors["asylum"])
    assert not (tmp_path / "anonymous.db").exists() and not (tmp_path / "asylum.db").exists()
    backup.backup(sqlite_store, tmp_path / "admin.db", sqlite_actors["administrator"])
    assert _last(sqlite_store, "store.backup").officer_username == "admin"


def _stdin(monkeypatch, *lines):
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))


def test_the_command_line_grant_needs_a_second_administrator(tmp_path, monkeypatch, capsys):
    db = str(tmp_path / "s.db")
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    _stdin(monkeypatch, "first-admin-pass")
    assert main(["init", "--db", db, "--password-stdin"]) == 0
    monkeypatch.setenv("DESK_PASSWORD", "first-admin-pass")
    for name, roles in (("admin2", "administrator"), ("liga", "asylum,supervisor")):
        _stdin(monkeypatch, "temporary-pass-1")
        assert main(["user", "add", name, "--name", name.title(), "--office", "RIG-CEN", "--roles", roles,
                     "--officer", "admin", "--password-stdin", "--db", db]) == 0
    capsys.readouterr()
    assert main(["user", "grants", "--officer", "admin", "--db", db]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    grant_id = line.split()[0]
    assert "liga" in line and "supervisor" in line
    assert main(["user", "confirm-grant", grant_id, "--officer", "admin", "--db", db, "--lang", "en"]) == 2
    assert "someone other than who asked" in capsys.readouterr().err
    monkeypatch.setenv("DESK_PASSWORD", "temporary-pass-1")
    assert main(["user", "confirm-grant", grant_id, "--officer", "admin2", "--db", db, "--lang", "en"]) == 2
    assert "change-password" in capsys.readouterr().err  # the administrator set admin2's password
    _stdin(monkeypatch, "admin2-own-pass")
    assert main(["user", "change-password", "--officer", "admin2", "--password-stdin", "--db", db]) == 0
    monkeypatch.setenv("DESK_PASSWORD", "admin2-own-pass")
    assert main(["user", "confirm-grant", grant_id, "--officer", "admin2", "--db", db]) == 0
    monkeypatch.setenv("DESK_PASSWORD", "first-admin-pass")
    capsys.readouterr()
    assert main(["user", "list", "--officer", "admin", "--db", db]) == 0
    assert "asylum,supervisor" in capsys.readouterr().out
    assert main(["user", "disable", "admin", "--officer", "admin", "--db", db]) == 0  # admin2 remains
    monkeypatch.setenv("DESK_PASSWORD", "admin2-own-pass")
    assert main(["user", "disable", "admin2", "--officer", "admin2", "--db", db, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "last active administrator" in err and err.count("\n") == 1
