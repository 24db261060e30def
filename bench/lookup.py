"""Lookup latency on a big store: the search service next to raw sqlite3 queries on the same file.

    python bench/lookup.py --db /tmp/big.db [--n 200] [--seed 1] [--audit]

For each query type (case number, personal code, document number, one-word name prefix, two-word name
with diacritics, partial case number) it draws ``--n`` real values from the store, runs each through
``desk.services.search.search(look, actor, query, limit=20)`` in a fresh ``store.lookup()`` per query,
as the search screen does, and through the nearest hand-written sqlite3 query (the baseline) on a
connection of its own, and prints p50 and p95 in milliseconds and the service/baseline ratio. A
baseline fetches what the officer is shown: a case with its person; a person found by personal code
or document with their cases (one LEFT JOIN); for names, the first 20 full-text matches with their
persons (the service reads up to 80 candidates and ranks them). Each query runs once through each,
interleaved, the two taking turns to go first. The "uow p95" column is the same search in a
read-only unit of work (the path of ``desk find``), for comparison. Targets: service p95 < 20 ms,
ratio <= 3 at p50 and at p95; the exit status is 1 when one is missed.
``--audit`` also times the audited search (a write unit of work appending one audit entry) - it
WRITES to the store, so use it on a copy.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_P95_MS = 20.0
TARGET_RATIO = 3.0

PERSON_COLS = "p.id, p.surname, p.given_names, p.original_name, p.date_of_birth, p.citizenship, p.personal_code"
CASE_COLS = "c.id, c.number, c.kind, c.status"
BASELINE = {
    "case number": f"SELECT c.id, c.number, c.kind, c.status, {PERSON_COLS} FROM case_file c "
                   "JOIN person p ON p.id = c.person_id WHERE c.number = ?",
    "partial case number": f"SELECT c.id, c.number, c.kind, c.status, {PERSON_COLS} FROM case_file c "
                           "JOIN person p ON p.id = c.person_id WHERE c.number >= ? AND c.number < ? "
                           "ORDER BY c.id DESC LIMIT 20",
    "personal code": f"SELECT {PERSON_COLS}, {CASE_COLS} FROM person p LEFT JOIN case_file c "
                     "ON c.person_id = p.id WHERE p.personal_code = ?",
    "document number": f"SELECT {PERSON_COLS}, {CASE_COLS} FROM identity_document d JOIN person p "
                       "ON p.id = d.person_id LEFT JOIN case_file c ON c.person_id = p.id WHERE d.number_norm = ?",
    "name prefix (1 word)": f"SELECT {PERSON_COLS} FROM person_fts f JOIN person p ON p.id = f.rowid "
                            "WHERE person_fts MATCH ? LIMIT 20",
    "name, 2 words with diacritics": f"SELECT {PERSON_COLS} FROM person_fts f JOIN person p ON p.id = f.rowid "
                                     "WHERE person_fts MATCH ? LIMIT 20",
}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def sample(conn: sqlite3.Connection, n: int, rng: random.Random) -> dict[str, list[tuple[str, tuple]]]:
    """(query as typed, baseline parameters) pairs drawn from the store."""
    from desk.text import fold

    max_case = conn.execute("SELECT max(id) FROM case_file").fetchone()[0]
    max_person = conn.execute("SELECT max(id) FROM person").fetchone()[0]

    def some(sql: str, top: int, k: int) -> list[tuple]:
        out = []
        tries = 0
        while len(out) < k and tries < k * 50:
            tries += 1
            row = conn.execute(sql, (rng.randint(1, top),)).fetchone()
            if row is not None and all(v is not None for v in row):
                out.append(row)
        return out

    cases = some("SELECT number FROM case_file WHERE id >= ? ORDER BY id LIMIT 1", max_case, n)
    codes = some("SELECT personal_code FROM person WHERE id >= ? AND personal_code IS NOT NULL ORDER BY id LIMIT 1",
                 max_person, n)
    docs = some("SELECT number, number_norm FROM identity_document WHERE id >= ? ORDER BY id LIMIT 1",
                conn.execute("SELECT max(id) FROM identity_document").fetchone()[0] or 1, n)
    names = some("SELECT surname, given_names, surname_folded, given_folded FROM person WHERE id >= ? "
                 "ORDER BY id LIMIT 1", max_person, n * 5)
    accented = [r for r in names if fold(r[0]) != r[0].lower() or fold(r[1]) != r[1].lower()][:n] or names[:n]
    out: dict[str, list[tuple[str, tuple]]] = {}
    out["case number"] = [(c[0], (c[0],)) for c in cases]
    partial = [c[0][:-2] for c in cases]  # "PAT-2026-0000" : the first four of six digits
    out["partial case number"] = [(p, (p, p[:-1] + chr(ord(p[-1]) + 1))) for p in partial]
    out["personal code"] = [(f"{c[0][:6]}-{c[0][6:]}", (c[0],)) for c in codes]
    out["document number"] = [(d[0], (d[1],)) for d in docs]
    out["name prefix (1 word)"] = [(r[2].split()[0][:4], (f'"{r[2].split()[0][:4]}"*',)) for r in names[:n]]
    two = []
    for r in accented:
        given = r[1].split()[0]
        two.append((f"{given} {r[0]}", (f'"{fold(given)}"* AND "{r[2].split()[0]}"*',)))
    out["name, 2 words with diacritics"] = two
    return out


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - start) * 1000


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="an SQLite store built with `desk seed`")
    parser.add_argument("--n", type=int, default=200, help="queries per type (default 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--audit", action="store_true", help="also time the audited search (writes to the store)")
    args = parser.parse_args(argv)

    from registration import bench_officer
    from desk.services.search import search
    from desk.store import open_store

    store = open_store(args.db)
    actor = bench_officer(store)  # a logged-in supervisor: the services refuse an Actor built by hand
    raw = sqlite3.connect(args.db)
    raw.execute("PRAGMA query_only = ON")
    persons = raw.execute("SELECT count(*) FROM person").fetchone()[0]
    n_cases = raw.execute("SELECT count(*) FROM case_file").fetchone()[0]
    rng = random.Random(args.seed)
    queries = sample(raw, args.n, rng)

    def service(q: str) -> None:
        with store.lookup() as look:
            search(look, actor, q, limit=20, audit=False)

    def in_uow(q: str) -> None:
        with store.reader() as uow:
            search(uow, actor, q, limit=20, audit=False)

    def audited(q: str) -> None:
        with store.uow() as uow:
            search(uow, actor, q, limit=20, audit=True)

    def baseline(sql: str, params: tuple) -> None:
        raw.execute(sql, params).fetchall()

    print(f"store: {args.db}  persons: {persons:,}  cases: {n_cases:,}  queries per type: {args.n}")
    header = (f"{'query type':<32}{'svc p50':>9}{'svc p95':>9}{'raw p50':>9}{'raw p95':>9}{'ratio p50':>10}"
              f"{'ratio p95':>10}{'uow p95':>9}")
    if args.audit:
        header += f"{'audited p95':>12}"
    print(header + "   (ms)")
    failed = False
    for name, pairs in queries.items():
        if not pairs:
            print(f"{name:<32} no sample in this store")
            continue
        for q, params in pairs[:5]:  # warm the caches the same way for both
            service(q)
            in_uow(q)
            baseline(BASELINE[name], params)
        svc, base, uow, aud = [], [], [], []
        for i, (q, params) in enumerate(pairs):  # interleaved, so both see the same machine load ...
            if i % 2:  # ... and taking turns to go first, so neither always finds the other's pages in the OS cache
                svc.append(timed(service, q))
                base.append(timed(baseline, BASELINE[name], params))
            else:
                base.append(timed(baseline, BASELINE[name], params))
                svc.append(timed(service, q))
            uow.append(timed(in_uow, q))
            if args.audit:
                aud.append(timed(audited, q))
        s50, s95, b50, b95 = pct(svc, .5), pct(svc, .95), pct(base, .5), pct(base, .95)
        r50, r95 = s50 / max(b50, 1e-3), s95 / max(b95, 1e-3)
        line = f"{name:<32}{s50:>9.2f}{s95:>9.2f}{b50:>9.2f}{b95:>9.2f}{r50:>10.1f}{r95:>10.1f}{pct(uow, .95):>9.2f}"
        if args.audit:
            line += f"{pct(aud, .95):>12.2f}"
        over = [what for what, bad in (("p95", s95 >= TARGET_P95_MS), ("ratio", max(r50, r95) > TARGET_RATIO)) if bad]
        failed |= bool(over)
        print(line + (f"   <- {' and '.join(over)} over target" if over else ""))
    print(f"targets: service p95 < {TARGET_P95_MS:.0f} ms; ratio <= {TARGET_RATIO:.0f}x the raw baseline "
          "(a ratio is noisy when the raw query takes well under a millisecond)")
    raw.close()
    store.dispose()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
