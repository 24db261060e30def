"""Registration throughput: registrations/s through the services next to raw sqlite3 inserts of the
same rows on the same file.

    python bench/registration.py [--n 500] [--db PATH]

A registration is what the officer's "new asylum application" does (a name and birth day drawn as applicants' are): register the person
(``persons.register_person``, with its duplicate check) and the case (``casework.register("asylum")``,
numbering, detail row, deadlines from the rules, two audit entries), each in its own unit of work, as
the screens do. The baseline inserts exactly the rows those registrations wrote (read back from the
store) into shadow tables of the same shape in the same file, one transaction per registration, with
plain ``sqlite3`` - no validation, no rules, no hashing. The ratio says what the services cost.

Without ``--db`` a fresh store in a temporary folder is used (nothing of yours is written); with
``--db`` the registrations are ADDED to that store, so use a copy. Prints a JSON line last.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import os
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_P95_MS = 20.0  # issue 17: a single registration through the services

TABLES = ("person", "case_file", "asylum_application", "deadline", "audit_entry", "identity_document")


def bench_officer(store, username: str = "bench.supervisor", password: str = "bench-pass-1"):
    """A supervisor to act as (created once in the store under test), logged in."""
    from sqlmodel import select

    from desk.services import auth
    from models import Office, Officer
    from seed.reference import load_reference

    with store.uow() as uow:
        if uow.session.exec(select(Office.id).limit(1)).first() is None:
            load_reference(uow.session)
        if uow.session.exec(select(Officer.id).where(Officer.username == username)).first() is None:
            office = uow.session.exec(select(Office.code).order_by(Office.id).limit(1)).first()
            auth.create_officer(uow, None, username=username, full_name="Bench Supervisor", office_code=office,
                                roles="supervisor", password=password, bootstrap=True)
    with store.uow() as uow:
        return auth.login(uow, username, password)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="registrations (default 500)")
    parser.add_argument("--db", help="an SQLite store to add to (default: a fresh temporary store)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DESK_FAST_HASH", "1")  # only the login's hash; registrations hash nothing

    from desk.services import casework, persons
    from desk.store import open_store
    from seed.names import make_name, pick_pool

    tmp = None
    if args.db:
        path = Path(args.db).resolve()
    else:
        tmp = tempfile.TemporaryDirectory(prefix="desk-bench-")
        path = Path(tmp.name) / "bench.db"
    store = open_store(str(path))
    actor = bench_officer(store)
    with sqlite3.connect(path) as conn:
        persons_before = conn.execute("SELECT count(*) FROM person").fetchone()[0]
        start_ids = {t: conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {t}").fetchone()[0] for t in TABLES}
    with store.reader() as uow:
        day = uow.clock.today() - timedelta(days=10)

    rng = random.Random(17)
    each = []
    t0 = time.perf_counter()
    for i in range(args.n):
        name = make_name(rng, pick_pool(rng, "asylum"))  # names and birth days as applicants' are spread
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(40 * 365))
        t1 = time.perf_counter()
        with store.uow() as uow:
            person_id = persons.register_person(uow, actor, {
                "surname": name.surname, "given_names": name.given_names, "citizenship": "SYR",
                "date_of_birth": born.isoformat(), "document_number": f"BN{i:07d}", "document_country": "SYR",
            }, allow_duplicate=True)
        with store.uow() as uow:
            casework.register(uow, actor, "asylum", {"person_id": str(person_id), "lodged_on": day.isoformat(),
                                                     "registered_on": day.isoformat(), "made_on": day.isoformat()})
        each.append((time.perf_counter() - t1) * 1000)
    service_s = time.perf_counter() - t0
    store.dispose()

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    rows = {}
    for t in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS bench_{t}")
        conn.execute(f"CREATE TABLE bench_{t} AS SELECT * FROM {t} WHERE 0")
        rows[t] = conn.execute(f"SELECT * FROM {t} WHERE rowid > ? ORDER BY rowid", (start_ids[t],)).fetchall()
    per_registration = {t: max(1, len(rows[t]) // args.n) for t in TABLES}
    t0 = time.perf_counter()
    for i in range(args.n):
        conn.execute("BEGIN IMMEDIATE")
        for t in TABLES:
            k = per_registration[t]
            chunk = rows[t][i * k:(i + 1) * k]
            if chunk:
                marks = ",".join("?" * len(chunk[0]))
                conn.executemany(f"INSERT INTO bench_{t} VALUES ({marks})", chunk)
        conn.execute("COMMIT")
    raw_s = time.perf_counter() - t0
    for t in TABLES:
        conn.execute(f"DROP TABLE bench_{t}")
    conn.close()
    if tmp:
        tmp.cleanup()

    result = {
        "registrations": args.n,
        "rows_per_registration": {t: round(len(rows[t]) / args.n, 2) for t in TABLES},
        "service_per_s": round(args.n / service_s, 1),
        "raw_per_s": round(args.n / raw_s, 1),
        "ratio": round((service_s / args.n) / (raw_s / args.n), 1),
        "service_ms_each": round(service_s * 1000 / args.n, 2),
        "service_p50_ms": round(statistics.median(each), 2),
        "service_p95_ms": round(sorted(each)[min(len(each) - 1, int(0.95 * len(each)))], 2),
        "store_persons": persons_before,
    }
    missed = result["service_p95_ms"] > TARGET_P95_MS
    print(f"services: {result['service_per_s']} registrations/s ({result['service_ms_each']} ms each)")
    print(f"raw sqlite3, same rows: {result['raw_per_s']} registrations/s; services/raw time ratio {result['ratio']}")
    print(f"one registration (person + case, two units of work): p50 {result['service_p50_ms']} ms, p95 "
          f"{result['service_p95_ms']} ms on a store of {persons_before:,} persons; target p95 <= {TARGET_P95_MS} ms"
          + (": MISSED" if missed else ": met"))
    result["missed"] = ["p95"] if missed else []
    print(json.dumps(result))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
