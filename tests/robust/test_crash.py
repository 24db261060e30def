"""SIGKILL in the middle of work: the store stays whole, holds all or none of each transaction,
and its audit chain verifies."""
from __future__ import annotations

import random
import signal
import time

from sqlalchemy import func
from sqlmodel import select

from desk.services import audit
from desk.store import open_store, sqlite_integrity_ok
from models import AuditEntry, Case, Person

from robust_helpers import PASSWORD, add_officers, spawn
from seed.names import serial_name


def _after_crash(url: str):
    """Open the store as the next officer would (recovering the WAL) and check it."""
    store = open_store(url)
    assert sqlite_integrity_ok(store.engine)
    with store.reader() as uow:
        report = audit.verify_chain(uow)
        assert report.ok, report
    return store


def _kill_when(proc, predicate, timeout=60) -> list[str]:
    lines = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
        if predicate(line.strip(), len(lines)):
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=30)
    return lines


def test_kill_in_the_middle_of_a_batch_leaves_none_of_it(sqlite_store):
    officer = add_officers(sqlite_store, 1)[0]
    proc = spawn("crash_worker.py", sqlite_store.url, officer, PASSWORD, "batch", 5000)
    lines = _kill_when(proc, lambda line, _: line == "progress 1500")
    assert proc.returncode == -signal.SIGKILL, "the batch finished before it could be killed"
    assert "committed" not in lines
    sqlite_store.dispose()
    store = _after_crash(sqlite_store.url)
    with store.reader() as uow:
        assert uow.session.exec(select(func.count()).select_from(Person).where(Person.surname == "Batch")).one() == 0
        assert uow.session.exec(select(func.count()).select_from(Case)).one() == 0
        assert uow.session.exec(select(func.count()).select_from(AuditEntry)
                                .where(AuditEntry.action == "case.register")).one() == 0
    store.dispose()


def test_kill_during_registrations_leaves_each_one_whole(sqlite_store):
    officer = add_officers(sqlite_store, 1)[0]
    rng = random.Random(20261122)
    for round_ in range(3):
        stop_after = rng.randint(20, 120)
        proc = spawn("crash_worker.py", sqlite_store.url, officer, PASSWORD, "singles", 100_000)
        lines = _kill_when(proc, lambda line, n: n > stop_after)
        assert proc.returncode == -signal.SIGKILL
        committed = {int(l.split()[1]) for l in lines if l.startswith("committed ")}
        store = _after_crash(sqlite_store.url)
        with store.reader() as uow:
            cases = {c.id: c.person_id for c in uow.session.exec(select(Case)).all()}
            registered = {e.case_id: e.person_id for e in uow.session.exec(
                select(AuditEntry).where(AuditEntry.action == "case.register")).all()}
            persons = set(uow.session.exec(select(Person.id).where(Person.surname == "Single")).all())
        store.dispose()
        assert committed <= set(cases), "a committed registration was lost"
        assert cases == registered, "a case without its audit entry, or the other way round"
        assert persons == set(cases.values()), "a person without the case registered with them"


def _import_file(path, n: int) -> None:
    """``n`` asylum applications, each with its own person, as an extract from an old register."""
    import json

    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({
                "kind": "asylum",
                "person_match": "new",  # similar names, one birthday: the fuzzy check would stop the import early
                "person": {"surname": "Imports", "given_names": f"Nr {serial_name(i)}", "date_of_birth": "1990-01-01",
                           "citizenship": "SYR", "document_kind": "passport", "document_number": f"IMP{i:07d}",
                           "document_country": "SYR"},
                "case": {"made_on": "2026-10-01", "registered_on": "2026-10-01", "lodged_on": "2026-10-02"},
            }) + "\n")


def test_kill_in_the_middle_of_desk_import_saves_none_of_the_file(sqlite_store, tmp_path):
    """SIGKILL to a real `desk import` process half-way through its file: the store is whole, holds
    nothing of the file (one transaction per file) and its audit chain verifies."""
    import subprocess
    import sys

    from desk.services import auth
    from robust_helpers import REPO, worker_env

    add_officers(sqlite_store, 1)
    with sqlite_store.uow() as uow:
        auth.create_officer(uow, None, username="importer", full_name="Import Supervisor", office_code="RIG-CEN",
                            roles="supervisor", password=PASSWORD, bootstrap=True)
    with sqlite_store.reader() as uow:
        entries_before = uow.session.exec(select(func.count()).select_from(AuditEntry)).one()
    extract = tmp_path / "extract.jsonl"
    _import_file(extract, 900)
    env = {**worker_env(), "DESK_PASSWORD": PASSWORD, "DESK_LANG": "en"}
    path = sqlite_store.url.removeprefix("sqlite:///")
    proc = subprocess.Popen([sys.executable, "-m", "desk.cli", "import", str(extract), "--officer", "importer",
                             "--db", path], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    seen = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        seen.append(line.strip())
        if line.startswith("import: line 300 "):  # a third of the way
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, f"the import ended before it could be killed: {seen[-3:]}"
    sqlite_store.dispose()
    store = _after_crash(sqlite_store.url)
    with store.reader() as uow:
        assert uow.session.exec(select(func.count()).select_from(Person).where(Person.surname == "Imports")).one() == 0
        assert uow.session.exec(select(func.count()).select_from(Case)).one() == 0
        # only the officer's login (its own transaction) may have been written before the kill
        new = uow.session.exec(select(AuditEntry.action).where(AuditEntry.id > entries_before)).all()
        assert set(new) <= {"auth.login"}, new
    store.dispose()
