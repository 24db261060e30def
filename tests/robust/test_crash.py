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
