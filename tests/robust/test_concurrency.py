"""Eight officers at once on one store: every save either lands or is refused as a conflict.

Each of 8 processes (tests/robust/worker.py) logs in its own officer and performs DESK_STRESS_OPS
operations (default 40 here; 200 when run by hand) - registrations and saves on a few shared cases.
Afterwards: no operation ended in anything but success or ConflictError (no "database is locked"),
every registration is in the store, every case's version equals 1 + the saves that succeeded on it,
the audit trail holds exactly one entry per successful operation, and its hash chain verifies.
"""
from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import func
from sqlmodel import select

from desk.services import audit
from desk.store import open_store, sqlite_integrity_ok
from models import AuditEntry, Case

from robust_helpers import PASSWORD, add_officers, spawn

PROCESSES = 8
OPS = int(os.environ.get("DESK_STRESS_OPS", "40"))


def _run_officers(url: str) -> list[dict]:
    store = open_store(url)
    names = add_officers(store, PROCESSES)
    with store.reader() as uow:
        audit_before = uow.session.exec(select(func.count()).select_from(AuditEntry)).one()
    store.dispose()
    procs = [spawn("worker.py", url, name, PASSWORD, OPS, seed) for seed, name in enumerate(names)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, f"worker died: {err[-2000:]}"
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results, audit_before


def _check(url: str, results: list[dict], audit_before: int) -> None:
    other = [o for r in results for o in r["other"]]
    assert other == [], f"errors other than ConflictError reached the officer: {other[:5]}"
    registered = [c for r in results for c in r["registered"]]
    updates: dict[int, int] = {}
    for r in results:
        for case_id, n in r["updated"].items():
            updates[int(case_id)] = updates.get(int(case_id), 0) + n
    successes = len(registered) + sum(updates.values())
    conflicts = sum(r["conflicts"] for r in results)
    assert successes + conflicts + 0 <= PROCESSES * OPS
    assert successes > 0 and len(registered) > 0
    print(f"\n{successes} saved, {conflicts} conflicts")
    store = open_store(url)
    try:
        with store.reader() as uow:
            cases = {c.id: c.version for c in uow.session.exec(select(Case)).all()}
            assert sorted(cases) == sorted(registered), "a registration was lost or invented"
            for case_id, version in cases.items():
                assert version == 1 + updates.get(case_id, 0), f"case {case_id}: a save was lost"
            audit_after = uow.session.exec(select(func.count()).select_from(AuditEntry)).one()
            # one login per officer; a registration writes the person's and the case's entries, an update
            # one; nothing for a refused save
            assert audit_after - audit_before == PROCESSES + 2 * len(registered) + sum(updates.values())
            report = audit.verify_chain(uow)
            assert report.ok, report
        if store.is_sqlite:
            assert sqlite_integrity_ok(store.engine)
    finally:
        store.dispose()


def test_eight_officers_on_sqlite(sqlite_url):
    results, before = _run_officers(sqlite_url)
    _check(sqlite_url, results, before)


@pytest.mark.pg
def test_eight_officers_on_postgresql(pg_url):
    results, before = _run_officers(pg_url)
    _check(pg_url, results, before)
