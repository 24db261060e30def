"""The supervisor's office worklist on a big store: first page + counts, next to raw SQL doing the same.

    python bench/worklist.py --db /tmp/big.db [--n 200]
    python bench/worklist.py --db postgresql+psycopg://postgres@127.0.0.1:5432/bench17 [--n 200]

What the home screen reads when a supervisor switches to "my office": ``views.worklist(scope="office",
limit=50)`` (the screen's PAGE) and ``views.counts_per_kind(scope="office")`` (the total is their sum),
in one read-only unit of work, for the office with the most open cases. The baseline is the same work
by hand on a plain driver connection (sqlite3 / psycopg) on the same store: the first 50 open cases of
the office in next-due order (cases with a date first, then those without, each off the index) joined
to their persons, owners and office, and the open cases per kind. The two run interleaved, taking
turns to go first. Targets: service p95 <= 20 ms and p50/p95 ratio <= 3; exit status 1 when one is
missed. It creates one supervisor (``bench.office.supervisor``) in that office if there is none.
Prints a JSON line last.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_P95_MS = 20.0
TARGET_RATIO = 3.0
PAGE = 50  # screens.home.PAGE

ROW = ("SELECT c.id, c.number, c.kind, c.status, c.person_id, c.opened_on, c.next_due, c.version, "
       "p.surname, p.given_names, o.username, f.code FROM case_file c JOIN person p ON p.id = c.person_id "
       "JOIN office f ON f.id = c.office_id LEFT JOIN officer o ON o.id = c.owner_id ")
PAGE_DATED = ROW + ("WHERE c.office_id = {p} AND c.closed_on IS NULL AND c.next_due IS NOT NULL "
                    "AND c.kind IN ({kinds}) ORDER BY c.next_due, c.number LIMIT {limit}")
PAGE_UNDATED = ROW + ("WHERE c.office_id = {p} AND c.closed_on IS NULL AND c.next_due IS NULL "
                      "AND c.kind IN ({kinds}) ORDER BY c.number LIMIT {limit}")
COUNTS = ("SELECT kind, count(*) FROM case_file WHERE office_id = {p} AND closed_on IS NULL "
          "AND kind IN ({kinds}) GROUP BY kind")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def supervisor_of(store, office_id: int):
    from sqlmodel import select

    from desk.services import auth
    from models import Office, Officer

    username, password = "bench.office.supervisor", "bench-pass-1"
    with store.uow() as uow:
        code = uow.session.get(Office, office_id).code
        officer = uow.session.exec(select(Officer).where(Officer.username == username)).first()
        if officer is None:
            auth.create_officer(uow, None, username=username, full_name="Bench Office Supervisor",
                                office_code=code, roles="supervisor", password=password, bootstrap=True)
        elif officer.office_id != office_id:
            officer.office_id = office_id
            uow.session.add(officer)
    with store.uow() as uow:
        return auth.login(uow, username, password)


def raw_connection(url: str):
    """(connection, placeholder) of the plain driver on the same store."""
    if url.startswith("postgresql"):
        import psycopg

        conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
        return conn, "%s"
    import sqlite3

    path = url.removeprefix("sqlite:///")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True), "?"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args(argv)
    os.environ.setdefault("DESK_FAST_HASH", "1")  # only the bench officer's login

    from sqlalchemy import func, select

    from desk.services import views
    from desk.store import open_store
    from models import Case

    store = open_store(args.db)
    with store.reader() as uow:
        office_id, open_n = uow.session.execute(
            select(Case.office_id, func.count()).where(Case.closed_on.is_(None))
            .group_by(Case.office_id).order_by(func.count().desc()).limit(1)).one()
        persons = uow.session.execute(select(func.count()).select_from(Case)).scalar_one()
    actor = supervisor_of(store, office_id)
    kinds = sorted(actor.case_kinds)
    conn, p = raw_connection(store.url)
    marks = ", ".join([p] * len(kinds))

    def service():
        with store.reader() as uow:
            rows = views.worklist(uow, actor, scope="office", offset=0, limit=PAGE)
            counts = views.counts_per_kind(uow, actor, scope="office")
        return rows, sum(counts.values())

    def raw():
        cur = conn.cursor()
        cur.execute(PAGE_DATED.format(p=p, kinds=marks, limit=PAGE), (office_id, *kinds))
        rows = cur.fetchall()
        if len(rows) < PAGE:
            cur.execute(PAGE_UNDATED.format(p=p, kinds=marks, limit=PAGE - len(rows)), (office_id, *kinds))
            rows += cur.fetchall()
        cur.execute(COUNTS.format(p=p, kinds=marks), (office_id, *kinds))
        return rows, sum(n for _k, n in cur.fetchall())

    svc_rows, svc_total = service()
    raw_rows, raw_total = raw()
    if [r.id for r in svc_rows] != [r[0] for r in raw_rows] or svc_total != raw_total:
        print("the service and the baseline disagree: the baseline is not the same work", file=sys.stderr)
        return 2
    times = {"service": [], "raw": []}
    for i in range(args.n):
        order = (("service", service), ("raw", raw)) if i % 2 == 0 else (("raw", raw), ("service", service))
        for name, fn in order:
            t0 = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - t0) * 1000)
    conn.close()
    store.dispose()
    out = {"engine": "postgresql" if store.url.startswith("postgresql") else "sqlite", "cases": persons,
           "office_open_cases": open_n, "n": args.n}
    for name, values in times.items():
        out[f"{name}_p50_ms"] = round(statistics.median(values), 3)
        out[f"{name}_p95_ms"] = round(pct(values, 0.95), 3)
    out["ratio_p50"] = round(out["service_p50_ms"] / out["raw_p50_ms"], 2)
    out["ratio_p95"] = round(out["service_p95_ms"] / out["raw_p95_ms"], 2)
    missed = []
    if out["service_p95_ms"] > TARGET_P95_MS:
        missed.append(f"service p95 {out['service_p95_ms']} ms > {TARGET_P95_MS} ms")
    if out["ratio_p50"] > TARGET_RATIO or out["ratio_p95"] > TARGET_RATIO:
        missed.append(f"ratio {out['ratio_p50']}/{out['ratio_p95']} > {TARGET_RATIO}")
    out["missed"] = missed
    print(f"office worklist, first page ({PAGE}) + counts per kind; {open_n:,} open cases in the office, "
          f"{persons:,} cases in the store ({out['engine']})")
    print(f"service: p50 {out['service_p50_ms']} ms, p95 {out['service_p95_ms']} ms")
    print(f"raw:     p50 {out['raw_p50_ms']} ms, p95 {out['raw_p95_ms']} ms")
    print(f"ratio p50 {out['ratio_p50']}, p95 {out['ratio_p95']}; targets: p95 <= {TARGET_P95_MS} ms, "
          f"ratio <= {TARGET_RATIO}" + ("; MISSED: " + "; ".join(missed) if missed else "; met"))
    print(json.dumps(out))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
