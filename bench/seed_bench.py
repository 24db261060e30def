"""`desk seed` against its raw write floor: the scale load as a whole process next to the plain driver
writing exactly the rows it left behind, in the same run.

    python bench/seed_bench.py [--persons 100000] [--db postgresql+psycopg://postgres@127.0.0.1:5432/test]

The seed: ``desk seed --persons N`` (a child process, timed from spawn to exit) into a fresh store that
holds the reference rows (offices, countries, officers: what ``desk seed`` loads first). It draws every
person and case, walks each case through its kind's actions as the rules allow, computes the open cases'
deadlines with the rules, writes everything in batches and rebuilds the search index.

The floor: a second fresh store with the same schema and the same reference rows (same indexes, search
triggers, foreign keys), into which every row the seed added (persons, documents, stays, cases, detail
rows, deadlines, counters, audit ...) is written as it is by the plain driver (sqlite3 / psycopg
``executemany``, one statement per table, one transaction): no drawing, no rules, no Python objects.
The rows are read back from the seeded store before the clock starts; only the writes are timed.
Target: seed time <= 3x the floor (issue 17); exit status 1 when it is missed. Prints a JSON line last.

``--db``: without it, fresh SQLite stores in a temporary folder. A PostgreSQL URL: two throwaway schemas
are made in that database and dropped at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_bench import _high_water, _new_rows, _pg_schema_url, raw_insert  # noqa: E402  the same floor

REPO = Path(__file__).resolve().parents[1]
TARGET_RATIO = 3.0


def _fresh(url: str) -> None:
    """A new store at ``url``: migrated, with the reference rows the seed starts from."""
    from desk.store import open_store
    from seed.reference import load_reference

    store = open_store(url)
    try:
        with store.uow() as uow:
            load_reference(uow.session)
    finally:
        store.dispose()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000, help="persons to seed (default 100,000)")
    parser.add_argument("--db", help="a PostgreSQL URL (two throwaway schemas); default: SQLite in a temp folder")
    args = parser.parse_args(argv)

    pg = bool(args.db and args.db.startswith("postgresql"))
    tmp = None
    schemas: list[str] = []
    if pg:
        from sqlalchemy import create_engine, text

        tag = uuid.uuid4().hex[:8]
        schemas = [f"bench_seed_{tag}", f"bench_floor_{tag}"]
        admin = create_engine(args.db, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for schema in schemas:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
        seed_url, floor_url = (_pg_schema_url(args.db, s) for s in schemas)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="desk-seed-bench-")
        seed_url, floor_url = (f"sqlite:///{Path(tmp.name) / name}" for name in ("seed.db", "floor.db"))
    try:
        for url in (seed_url, floor_url):
            _fresh(url)
        before = _high_water(seed_url)
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "desk.cli", "seed", "--persons", str(args.persons),
                               "--db", seed_url], env=env, capture_output=True)
        seed_s = time.perf_counter() - t0
        if done.returncode != 0:
            print(done.stderr.decode()[-800:], file=sys.stderr)
            return 2
        rows = _new_rows(seed_url, before)
        floor_s = raw_insert(floor_url, rows)
        if _new_rows(floor_url, before).keys() != rows.keys():
            print("the raw copy does not hold the same tables' rows", file=sys.stderr)
            return 2
    finally:
        if schemas:
            from sqlalchemy import create_engine, text

            admin = create_engine(args.db, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                for schema in schemas:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()
        if tmp is not None:
            tmp.cleanup()

    counted = {table: len(found) for table, (_cols, found) in rows.items()}
    out = {
        "engine": "postgresql" if pg else "sqlite", "persons": args.persons, "rows": counted,
        "seed_s": round(seed_s, 2), "floor_s": round(floor_s, 2), "ratio": round(seed_s / floor_s, 2),
    }
    out["missed"] = [f"ratio {out['ratio']} > {TARGET_RATIO}"] if out["ratio"] > TARGET_RATIO else []
    total = sum(counted.values())
    print(f"desk seed --persons {args.persons:,} on {out['engine']}: {total:,} rows "
          f"({counted.get('case_file', 0):,} cases, {counted.get('deadline', 0):,} deadlines)")
    print(f"seed (whole process): {out['seed_s']} s, {total / seed_s:,.0f} rows/s")
    print(f"floor: {out['floor_s']} s, {total / floor_s:,.0f} rows/s (the same rows, executemany, one transaction)")
    print(f"ratio {out['ratio']}; target <= {TARGET_RATIO}" + ("; MISSED" if out["missed"] else "; met"))
    print(json.dumps(out))
    return 1 if out["missed"] else 0


if __name__ == "__main__":
    sys.exit(main())
