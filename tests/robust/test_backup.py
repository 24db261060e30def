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
    finally:
        s.dispose()


def test_backup_is_a_checked_copy_that_records_itself(sqlite_store, sqlite_actors, tmp_path):
    _register_some(sqlite_store.url)
    info = backup.backup(sqlite_store, tmp_path / "copies" / "b1.db", sqlite_actors["administrator"])
    assert info.path.exists() and info.bytes > 0
    cases, checked = _check_copy(info.path)
    assert cases == 3 and checked == info.facts.audit_entries
    assert _actions(f"sqlite:///{info.path}")[-1] == "store.backup"
    assert _actions(sqlite_store.url)[-1] == "store.backup"


def test_backup_needs_an_administrator(sqlite_store, sqlite_actors, tmp_path):
    with pytest.raises(PermissionDenied):
        backup.backup(sqlite_store, tmp_path / "b.db", sqlite_actors["asylum"])
    assert not (tmp_path / "b.db").exists()
    assert _actions(sqlite_store.url)[-1] == "refused"


def test_backup_while_another_process_writes(sqlite_store, tmp_path):
    names = add_officers(sqlite_store, 1)
    proc = spawn("worker.py", sqlite_store.url, names[0], PASSWORD, 1_000_000, 1)  # stopped below
    copies = []
    try:
        deadline = time.monotonic() + 60
        while len(copies) < 4 and time.monotonic() < deadline:
            time.sleep(0.25)
            if _cases(sqlite_store.url) == 0:
                continue
            copies.append(backup.backup(sqlite_store, tmp_path / f"live{len(copies)}.db").path)
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
    copy = backup.backup(sqlite_store, tmp_path / "b.db").path
    _register_some(url, 2)  # the store moves on after the backup
    sqlite_store.dispose()
    with pytest.raises(RestoreRefused) as info:
        backup.restore(url, copy)
    assert "--force" in info.value.message()
    assert _cases(url) == 4 and _actions(url)[-1] == "store.restore_refused"
    result = backup.restore(url, copy, force=True)
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
    copy = backup.backup(sqlite_store, tmp_path / "b.db").path
    sqlite_store.dispose()
    backup.restore(sqlite_store.url, copy)  # nothing happened since: not newer
    fresh = f"sqlite:///{tmp_path / 'elsewhere' / 'new.db'}"
    info = backup.restore(fresh, copy)
    assert not info.overwrote_newer
    assert _cases(fresh) == 2 and _actions(fresh)[-1] == "store.restore"


def test_restore_checks_the_backup_first(sqlite_store, sqlite_actors, tmp_path):
    _register_some(sqlite_store.url, 1)
    copy = backup.backup(sqlite_store, tmp_path / "b.db").path
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
        backup.restore(sqlite_store.url, tampered, force=True)
    assert info.value.key == "ops.backup_chain_broken"
    # a file that is not a store at all, and one cut in half
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 1000)
    with pytest.raises(BackupError):
        backup.restore(sqlite_store.url, junk, force=True)
    cut = tmp_path / "cut.db"
    cut.write_bytes(copy.read_bytes()[: copy.stat().st_size // 2])
    with pytest.raises(BackupError):
        backup.restore(sqlite_store.url, cut, force=True)
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
