"""desk backup / desk restore: a consistent copy while officers work, and a restore that checks first."""
from __future__ import annotations

import shutil
import sqlite3
import time
from contextlib import closing
from datetime import datetime, timezone

import pytest
from sqlalchemy import func
from sqlmodel import select

from desk.cli import main as desk_main
from desk.errors import PermissionDenied
from desk.services import audit, backup
from desk.services.backup import BackupError, RestoreRefused, StoreFacts, newer_reasons
from desk.store import head_revision, open_store, sqlite_integrity_ok
from models import AuditEntry, Case

from robust_helpers import PASSWORD, add_officers, spawn


@pytest.fixture(autouse=True)
def _a_store_of_its_own(request):
    """Each test's store gets an identity of its own: the test stores are copies of one template, and a
    restore writes (and moves aside) the outside checkpoints of its store's identity, which other tests'
    stores would otherwise share."""
    if "sqlite_store" in request.fixturenames:
        _new_identity(request.getfixturevalue("sqlite_store"))


def _cases(url) -> int:
    s = open_store(url, upgrade=False)
    try:
        with s.reader() as uow:
            return uow.session.exec(select(func.count()).select_from(Case)).one()
    finally:
        s.dispose()


def _actions(url) -> list[str]:
    s = open_store(url, upgrade=False)
    try:
        with s.reader() as uow:
            return [e.action for e in audit.iter_all(uow)]
    finally:
        s.dispose()


def _check_copy(path) -> tuple[int, int]:
    """A backup file is a whole store: integrity, chain, and each case with its registration entry."""
    s = open_store(f"sqlite:///{path}", upgrade=False)
    try:
        assert sqlite_integrity_ok(s.engine)
        with s.reader() as uow:
            report = audit.verify_chain(uow)
            assert report.ok, report
            cases = uow.session.exec(select(func.count()).select_from(Case)).one()
            registered = uow.session.exec(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "case.register")).one()
        assert cases == registered, "a backup caught a registration half-way"
        return cases, report.checked
    finally:
        s.dispose()


def _register_some(url, n=3) -> None:
    """n registrations by the supervisor, each in its own unit of work with its audit entry."""
    from desk.services import auth, casecore
    from models import Person
    from datetime import date

    s = open_store(url)
    try:
        with s.uow() as uow:
            actor = auth.login(uow, "vaditajs", "demo-pass-1")
        for i in range(n):
            with s.uow() as uow:
                p = Person(surname="Kopija", given_names=f"N{i}", surname_folded="kopija", given_folded=f"n{i}",
                           citizenship="UKR")
                uow.session.add(p)
                uow.session.flush()
                case = casecore.open_case(uow, actor, kind="asylum", person_id=p.id, status="lodged",
                                          opened_on=date(2026, 11, 2))
                audit.record(uow, actor, "case.register", case_id=case.id, person_id=p.id)
        with s.uow() as uow:
            auth.logout(uow, actor, checkpoint=False)
    finally:
        s.dispose()


def _log_out(store, actors) -> None:
    """Everyone leaves: a restore refuses while other officers have live sessions."""
    from desk.services import auth

    for actor in actors.values():
        with store.uow() as uow:
            auth.logout(uow, actor, checkpoint=False)


def backup_actor(store):
    """The administrator logged in afresh (after _log_out ended the fixture's session)."""
    from desk.services import auth

    with store.uow() as uow:
        return auth.login(uow, "admin", "demo-pass-1")


def _restore(url, copy, **kwargs):
    return backup.restore(url, copy, "admin", "demo-pass-1", **kwargs)


def test_backup_is_a_checked_copy_that_records_itself(sqlite_store, sqlite_actors, tmp_path):
    _register_some(sqlite_store.url)
    info = backup.backup(sqlite_store, tmp_path / "copies" / "b1.db", sqlite_actors["administrator"])
    assert info.path.exists() and info.bytes > 0
    cases, checked = _check_copy(info.path)
    assert cases == 3 and checked == info.facts.audit_entries
    assert _actions(f"sqlite:///{info.path}")[-1] == "store.backup_started"  # the copy knows it was begun
    assert _actions(sqlite_store.url)[-2:] == ["store.backup_started", "store.backup"]  # and the store, made


def test_a_failed_backup_is_not_recorded_as_a_backup(sqlite_store, sqlite_actors, tmp_path, monkeypatch):
    """Issue 16 point 6: a backup that fails (a full disk) leaves no file and is recorded as failed."""
    import errno

    def full(*_args):  # the copy cannot be put in place: no space left
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.os, "replace", full)
    with pytest.raises(backup.BackupError):
        backup.backup(sqlite_store, tmp_path / "copies" / "b1.db", sqlite_actors["administrator"])
    monkeypatch.undo()
    assert list((tmp_path / "copies").iterdir()) == []  # no half copy, no scratch file
    assert _actions(sqlite_store.url)[-2:] == ["store.backup_started", "store.backup_failed"]


def test_backup_needs_an_administrator(sqlite_store, sqlite_actors, tmp_path):
    with pytest.raises(PermissionDenied):
        backup.backup(sqlite_store, tmp_path / "b.db", sqlite_actors["asylum"])
    assert not (tmp_path / "b.db").exists()
    assert _actions(sqlite_store.url)[-1] == "refused"


def test_backup_while_another_process_writes(sqlite_store, sqlite_actors, tmp_path):
    admin = sqlite_actors["administrator"]
    names = add_officers(sqlite_store, 1)
    proc = spawn("worker.py", sqlite_store.url, names[0], PASSWORD, 1_000_000, 1)  # stopped below
    copies = []
    try:
        deadline = time.monotonic() + 60
        while len(copies) < 4 and time.monotonic() < deadline:
            time.sleep(0.25)
            if _cases(sqlite_store.url) == 0:
                continue
            copies.append(backup.backup(sqlite_store, tmp_path / f"live{len(copies)}.db", admin).path)
        running_during_copies = proc.poll() is None
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    assert running_during_copies, "the writer stopped before the backups were taken: the test proved nothing"
    counts = [_check_copy(p)[0] for p in copies]
    assert len(counts) == 4 and counts[0] > 0
    assert counts == sorted(counts) and counts[0] < counts[-1], "the writer did not write during the backups"
    assert sqlite_integrity_ok(sqlite_store.engine)


def test_restore_refuses_a_newer_store_then_forces(sqlite_store, sqlite_actors, tmp_path):
    url = sqlite_store.url
    _register_some(url, 2)
    copy = backup.backup(sqlite_store, tmp_path / "b.db", sqlite_actors["administrator"]).path
    _register_some(url, 2)  # the store moves on after the backup
    _log_out(sqlite_store, sqlite_actors)
    sqlite_store.dispose()
    with pytest.raises(RestoreRefused) as info:
        _restore(url, copy)
    assert "--force" in info.value.message()
    assert _cases(url) == 4 and _actions(url)[-1] == "store.restore_refused"
    result = _restore(url, copy, force=True)
    assert result.overwrote_newer and result.forced
    assert _cases(url) == 2
    assert _actions(url)[-1] == "store.restore"
    s = open_store(url)
    with s.reader() as uow:
        assert audit.verify_chain(uow).ok
    assert sqlite_integrity_ok(s.engine)
    s.dispose()


def test_restore_of_the_latest_backup_needs_no_force_and_into_a_new_file(sqlite_store, sqlite_actors, tmp_path):
    _register_some(sqlite_store.url, 2)
    _log_out(sqlite_store, sqlite_actors)
    admin = backup_actor(sqlite_store)
    copy = backup.backup(sqlite_store, tmp_path / "b.db", admin).path
    _log_out(sqlite_store, {"admin": admin})
    sqlite_store.dispose()
    _restore(sqlite_store.url, copy)  # nothing happened since: not newer
    fresh = f"sqlite:///{tmp_path / 'elsewhere' / 'new.db'}"
    info = _restore(fresh, copy)  # no store there: the administrator logs in on the backup itself
    assert not info.overwrote_newer
    assert _cases(fresh) == 2 and _actions(fresh)[-1] == "store.restore"


def test_restore_checks_the_backup_first(sqlite_store, sqlite_actors, tmp_path):
    _register_some(sqlite_store.url, 1)
    copy = backup.backup(sqlite_store, tmp_path / "b.db", sqlite_actors["administrator"]).path
    sqlite_store.dispose()
    before = _actions(sqlite_store.url)
    # a backup whose audit trail was edited (the store's triggers dropped to allow it)
    tampered = tmp_path / "tampered.db"
    shutil.copy(copy, tampered)
    with closing(sqlite3.connect(tampered)) as conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("UPDATE audit_entry SET detail = '{\"forged\":1}' WHERE id = 2")
        conn.commit()
    with pytest.raises(BackupError) as info:
        _restore(sqlite_store.url, tampered, force=True)
    assert info.value.key == "ops.backup_chain_broken"
    # a file that is not a store at all, and one cut in half
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 1000)
    with pytest.raises(BackupError):
        _restore(sqlite_store.url, junk, force=True)
    cut = tmp_path / "cut.db"
    cut.write_bytes(copy.read_bytes()[: copy.stat().st_size // 2])
    with pytest.raises(BackupError):
        _restore(sqlite_store.url, cut, force=True)
    assert _actions(sqlite_store.url) == before, "a refused restore changed the store"


AT = datetime(2026, 11, 22, 10, tzinfo=timezone.utc)
LATER = datetime(2026, 11, 22, 11, tzinfo=timezone.utc)


@pytest.mark.parametrize("target, copy, reasons", [
    (StoreFacts(10, AT, head_revision(), AT, 10), StoreFacts(10, AT, head_revision(), AT, 10), []),
    (StoreFacts(11, LATER, head_revision(), AT, 11), StoreFacts(10, AT, head_revision(), AT, 10), ["audit"]),
    (StoreFacts(10, AT, head_revision(), AT, 10), StoreFacts(11, LATER, head_revision(), LATER, 11), []),
    (StoreFacts(10, AT, head_revision(), LATER, 10), StoreFacts(10, AT, head_revision(), AT, 10), ["cases"]),
    (StoreFacts(10, AT, head_revision(), AT, 10), StoreFacts(10, AT, None, AT, 10), ["revision"]),
    (StoreFacts(0, None, head_revision(), None, 0), StoreFacts(10, AT, head_revision(), AT, 10), []),
])
def test_which_store_is_newer(target, copy, reasons):
    assert newer_reasons(target, copy) == reasons


def test_cli_backup_and_restore(sqlite_store, sqlite_actors, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", "demo-pass-1")
    path = sqlite_store.url.removeprefix("sqlite:///")
    dest = tmp_path / "cli.db"
    assert desk_main(["--db", path, "backup", str(dest), "--officer", "admin"]) == 0
    assert dest.exists() and "cli.db" in capsys.readouterr().out
    _register_some(sqlite_store.url, 1)
    _log_out(sqlite_store, sqlite_actors)
    sqlite_store.dispose()
    assert desk_main(["--db", path, "restore", str(dest), "--officer", "admin"]) == 2
    assert "--force" in capsys.readouterr().err
    assert desk_main(["--db", path, "restore", str(dest), "--force", "--officer", "admin"]) == 0
    assert _cases(sqlite_store.url) == 0


@pytest.mark.pg
def test_cli_backup_on_postgresql_points_to_pg_dump(pg_url, tmp_path, capsys):
    open_store(pg_url).dispose()
    assert desk_main(["--db", pg_url, "--lang", "en", "backup", str(tmp_path / "x.db")]) != 0
    err = capsys.readouterr().err
    assert "pg_dump" in err and "postgres@" not in err
    assert not (tmp_path / "x.db").exists()


# --- issue 15 point 8: whose store, who else is in it, and a trail that keeps the restore ----------


def _new_identity(store) -> str:
    """A store of its own (the test stores are copies of one template, so they share one identity)."""
    import uuid

    from sqlalchemy import text

    new = str(uuid.uuid4())
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE store_identity SET id = :id"), {"id": new})
    return new


def _other_office_backup(tmp_path, name="other.db"):
    """A backup of another store: its own identity, its own administrator 'admin'."""
    from tests.conftest import populate

    url = f"sqlite:///{tmp_path / ('src-' + name)}"
    other = open_store(url)
    try:
        _new_identity(other)
        _log_out(other, populate(other))
        admin = backup_actor(other)
        path = backup.backup(other, tmp_path / name, admin).path
        _log_out(other, {"admin": admin})
        return path
    finally:
        other.dispose()


def _verify(url):
    s = open_store(url)
    try:
        with s.reader() as uow:
            return audit.verify(uow)
    finally:
        s.dispose()


def test_restore_refuses_another_stores_backup_unless_told(sqlite_store, sqlite_actors, tmp_path):
    mine = _new_identity(sqlite_store)
    _log_out(sqlite_store, sqlite_actors)
    theirs = _other_office_backup(tmp_path)
    url = sqlite_store.url
    sqlite_store.dispose()
    with pytest.raises(backup.RestoreOtherStore) as info:
        _restore(url, theirs, force=True)  # --force is about newer work, not about whose store
    assert "--other-store" in info.value.message()
    assert _actions(url)[-1] == "store.restore_refused" and _cases(url) == 0
    s = open_store(url)
    with s.reader() as uow:
        assert audit.store_id(uow) == mine
    s.dispose()
    result = _restore(url, theirs, other_store=True)
    assert result.replaced_entries > 0
    actions = _actions(url)
    assert actions[-1] == "store.restore" and "store.restore_refused" in actions
    s = open_store(url)
    with s.reader() as uow:
        last = audit.entries(uow, limit=1)[0]
        assert audit.store_id(uow) != mine and audit.verify_chain(uow).ok
    s.dispose()
    assert last.officer_username == "admin" and last.detail["other_store"] is True
    assert last.detail["replaced_trail"]["entries"] == result.replaced_entries


def test_restore_refuses_while_others_are_logged_in(sqlite_store, sqlite_actors, tmp_path):
    _new_identity(sqlite_store)
    copy = backup.backup(sqlite_store, tmp_path / "b.db", sqlite_actors["administrator"]).path
    with pytest.raises(backup.RestoreSessionsLive) as info:
        _restore(sqlite_store.url, copy)
    assert info.value.params["n"] == len(sqlite_actors)
    assert _actions(sqlite_store.url)[-1] == "store.restore_refused"
    others = {k: v for k, v in sqlite_actors.items() if k != "asylum"}
    _log_out(sqlite_store, others)
    with pytest.raises(backup.RestoreSessionsLive):
        _restore(sqlite_store.url, copy)
    with sqlite_store.uow() as uow:  # a terminal left logged in: the administrator ends its session
        assert auth_end(uow, sqlite_actors, "patverums") == 1
    _restore(sqlite_store.url, copy, force=True)


def auth_end(uow, actors, username):
    from desk.services import auth

    admin = auth.login(uow, "admin", "demo-pass-1")
    n = auth.end_sessions(uow, admin, username)
    auth.end_session(uow, admin, "test")
    return n


def test_a_forced_restore_keeps_its_refusal_and_itself_and_the_chain_verifies(sqlite_store, sqlite_actors,
                                                                               tmp_path):
    import os
    import stat

    from desk.services import auth

    _new_identity(sqlite_store)
    url = sqlite_store.url
    _register_some(url, 1)
    copy = backup.backup(sqlite_store, tmp_path / "b.db", sqlite_actors["administrator"]).path
    _register_some(url, 2)
    with sqlite_store.uow() as uow:
        auth.logout(uow, sqlite_actors["supervisor"])  # a shift end: a signed checkpoint outside the store
    _log_out(sqlite_store, sqlite_actors)
    sqlite_store.dispose()
    with pytest.raises(RestoreRefused):
        _restore(url, copy)
    before = _actions(url)
    result = _restore(url, copy, force=True)
    after = _actions(url)
    assert _cases(url) == 1
    # the refusal (written to the store the restore replaced) and the forced restore are in the trail
    assert after[-2:] == ["store.restore_refused", "store.restore"]
    assert before[-1] == "store.restore_refused"
    s = open_store(url)
    with s.reader() as uow:
        restore_entry, kept = audit.entries(uow, limit=2)
    s.dispose()
    assert restore_entry.detail["forced"] is True and restore_entry.officer_username == "admin"
    replaced = restore_entry.detail["replaced_trail"]
    # every entry after the backup's last one: the later work, the refusal, the forcing officer's login
    assert replaced["entries"] == result.replaced_entries == len(before) + 1 - result.facts.last_audit_id
    assert kept.detail["kept_from_replaced_trail"]["action"] == "store.restore_refused"
    dropped_file = (tmp_path / result.replaced_file)
    assert dropped_file.exists() and stat.S_IMODE(os.stat(dropped_file).st_mode) == 0o600
    assert len(dropped_file.read_text().splitlines()) == result.replaced_entries
    verdict = _verify(url)
    assert verdict.ok, verdict.problems


def test_sessions_copied_with_a_backup_end_at_restore(sqlite_store, sqlite_actors, tmp_path):
    from desk.services import views
    from desk.services.auth import SessionEnded

    _new_identity(sqlite_store)
    asylum = sqlite_actors["asylum"]
    copy = backup.backup(sqlite_store, tmp_path / "b.db", sqlite_actors["administrator"]).path  # asylum is live in it
    _log_out(sqlite_store, sqlite_actors)
    fresh = f"sqlite:///{tmp_path / 'new' / 'desk.db'}"
    _restore(fresh, copy)
    s = open_store(fresh)
    try:
        with pytest.raises(SessionEnded):
            with s.reader() as uow:
                views.worklist(uow, asylum)
    finally:
        s.dispose()
