"""Eight officers at once, 200 operations each, on SQLite and PostgreSQL (issue 16; not run in CI).

Each of 8 processes (tests/robust/worker.py) logs in its own officer and makes registrations (a person and an
asylum case in one unit of work) and saves on six shared cases, so that they collide. Reported per backend:
operations asked, stored, refused as conflicts (the officer is told who changed the case and when),
retried whole after a deadlock (Store.run), errors of any other kind that reached an officer, and what
the store holds afterwards: lost saves, duplicates, and whether the audit chain verifies.

    python bench/stress.py [--ops 200] [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests" / "robust")]

from sqlalchemy import create_engine, func, text  # noqa: E402
from sqlmodel import select  # noqa: E402

from desk.services import audit  # noqa: E402
from desk.store import open_store  # noqa: E402
from models import AuditEntry, Case  # noqa: E402
from robust_helpers import PASSWORD, add_officers, spawn  # noqa: E402

PROCESSES = 8


def run(url: str, ops: int) -> dict:
    store = open_store(url)
    names = add_officers(store, PROCESSES)
    with store.reader() as uow:
        audit_before = uow.session.exec(select(func.count()).select_from(AuditEntry)).one()
    store.dispose()
    started = time.monotonic()
    procs = [spawn("worker.py", url, name, PASSWORD, ops, seed) for seed, name in enumerate(names)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=1800)
        if p.returncode != 0:
            raise SystemExit(f"a worker died: {err[-500:]}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    seconds = time.monotonic() - started
    registered = [c for r in results for c in r["registered"]]
    updates: dict[int, int] = {}
    for r in results:
        for case_id, n in r["updated"].items():
            updates[int(case_id)] = updates.get(int(case_id), 0) + n
    store = open_store(url)
    with store.reader() as uow:
        cases = {c.id: c.version for c in uow.session.exec(select(Case)).all()}
        lost = sum(1 for cid, v in cases.items() if v != 1 + updates.get(cid, 0))
        lost += len(set(registered) - set(cases))
        duplicates = len(registered) - len(set(registered)) + len(set(cases) - set(registered))
        audit_after = uow.session.exec(select(func.count()).select_from(AuditEntry)).one()
        chain_ok = audit.verify_chain(uow).ok
    store.dispose()
    return {"asked": PROCESSES * ops, "stored": len(registered) + sum(updates.values()),
            "refused (conflict)": sum(r["conflicts"] for r in results), "retried": sum(r["retried"] for r in results),
            "other errors": sum(len(r["other"]) for r in results), "lost": lost, "duplicates": duplicates,
            "audit entries": audit_after - audit_before, "chain verifies": chain_ok, "seconds": round(seconds, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=200)
    parser.add_argument("--pg", default=os.environ.get("DESK_BENCH_PG_URL",
                                                       "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("sqlite", json.dumps(run(f"sqlite:///{tmp}/stress.db", args.ops), ensure_ascii=False))
    schema = f"stress_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        url = f"{args.pg}?options=-csearch_path%3D{schema}"
        print("postgresql", json.dumps(run(url, args.ops), ensure_ascii=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
