"""`desk import` throughput: a generated import file through the service next to raw inserts of the rows
that import wrote, in the same run.

    python bench/import_bench.py [--n 10000] [--db PATH | --db postgresql+psycopg://postgres@127.0.0.1:5432/test]

The file: ``--n`` lines of the realistic mix of docs/import-example.jsonl (per block of seven lines an
asylum application with two events and a note, an outgoing Dublin request naming that line's case, an
incoming Dublin request, a permit granted and issued, a visa issued, an invitation of two persons approved,
a return decision notified), every person distinct (serial names, document numbers, personal codes), the
dates moved to end near today and spread over two months. It is imported with
``importer.import_file`` (what ``desk import FILE`` does after logging in: read the file, mark the long
work, one unit of work for the file, every line validated by the services, deadlines, audit entries).

The baseline: every row that import left in the store (persons, documents, cases, detail rows, deadlines,
notes, audit entries, checkpoints ...) read back and inserted as it is into a second store of the same
schema - same indexes, search triggers and foreign keys, same starting rows - with the plain driver
(sqlite3 / psycopg ``executemany``, one statement per table, one transaction): no validation, no rules, no
hashing. The ratio import time / raw time says what the import costs above the write floor.
Target: ratio <= 3 (issue 17); exit status 1 when it is missed. Prints a JSON line last.

``--db``: without it, a fresh SQLite store in a temporary folder. An SQLite path: the store is COPIED twice
(SQLite backup API) next to it and only the copies are written. A PostgreSQL URL: two throwaway schemas
are made in that database (fresh stores), and dropped at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import sys
import tempfile
import time
import uuid
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "docs" / "import-example.jsonl"
EXAMPLE_TODAY = date(2026, 11, 22)  # the example's dates are written for this day (tests/conftest.py clock)
TARGET_RATIO = 3.0
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _shift(values: dict, days: int) -> None:
    """The case's and the events' dates moved by ``days`` (a person's dates stay as they are)."""
    for key, value in values.items():
        if isinstance(value, str) and _DATE.fullmatch(value):
            values[key] = (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def _surname(i: int, k: int) -> str:
    """A made-up surname of seven letters for person ``i`` of template line ``k`` (consonant, vowel, ...)."""
    import random

    rng = random.Random(i * 31 + k)
    return "".join(rng.choice("bcdfghjklmnprstvz" if n % 2 == 0 else "aeiou") for n in range(7)).capitalize()


def generate_lines(n: int, today: date) -> list[str]:
    """``n`` valid import lines: the example's kinds in turn, every person and reference distinct."""
    from desk.text import make_personal_code
    from seed.names import serial_name

    template = [json.loads(line) for line in EXAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    base_shift = (today - EXAMPLE_TODAY).days
    out: list[str] = []
    block = 0
    while len(out) < n:
        tag = serial_name(block)
        shift = base_shift - (block % 60)  # two months of lodging days, never in the future
        for k, line in enumerate(template):
            if len(out) == n:
                break
            data = json.loads(json.dumps(line))
            data["ref"] = f"{data['ref']}-{block}"
            people = data.get("persons") or ([data["person"]] if isinstance(data.get("person"), dict) else [])
            for j, person in enumerate(people):
                person["surname"] = _surname(block * 10 + j, k)  # no two alike: no possible duplicates
                person["given_names"] = f"{_surname(block * 10 + j, k + 100)[:5]} {tag}"
                person.pop("original_name", None)  # the example's one name in its own script would match
                if "ref" in person:
                    person["ref"] = f"{person['ref']}-{block}"
                if "document_number" in person:
                    person["document_number"] = f"{person['document_number'][:2]}{block:07d}{k}{j}"
                if "date_of_birth" in person:  # a namesake born the same day would be a possible duplicate
                    born = date.fromisoformat(person["date_of_birth"]) + timedelta(days=block % 9000)
                    person["date_of_birth"] = born.isoformat()
                if "personal_code" in person:
                    born = date(1960, 1, 1) + timedelta(days=block % 15000)
                    person["date_of_birth"] = born.isoformat()
                    person["personal_code"] = make_personal_code(born, block)
            case = data["case"]
            for key in ("asylum_case", "sponsor_case"):
                if isinstance(case.get(key), str):
                    case[key] = f"{case[key]}-{block}"
            if "partner_reference" in case:
                case["partner_reference"] = f"{case['partner_reference']}-{block}"
            for event in data.get("events", []):
                values = event.get("values", {})
                if "card_number" in values:
                    values["card_number"] = f"RP{block:07d}"
            _shift(case, shift)
            for event in data.get("events", []):
                _shift(event.get("values", {}), shift)
            out.append(json.dumps(data, ensure_ascii=False))
        block += 1
    return out


# --- the stores -------------------------------------------------------------------------------------------


def _pg_schema_url(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


class Stores:
    """Two stores with the same schema and the same starting rows: one to import into, one for the raw rows."""

    def __init__(self, db: str | None):
        self.db = db
        self.tmp = None
        self.schemas: list[str] = []
        self.pg = bool(db and db.startswith("postgresql"))

    def make(self) -> tuple[str, str]:
        from desk.store import open_store

        if self.pg:
            from sqlalchemy import create_engine, text

            admin = create_engine(self.db, isolation_level="AUTOCOMMIT")
            tag = uuid.uuid4().hex[:8]
            self.schemas = [f"bench_import_{tag}", f"bench_raw_{tag}"]
            with admin.connect() as conn:
                for schema in self.schemas:
                    conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            admin.dispose()
            urls = [_pg_schema_url(self.db, s) for s in self.schemas]
            for url in urls:
                store = open_store(url)
                _bench_officer(store)
                store.dispose()
            return urls[0], urls[1]
        if self.db:
            source = Path(self.db).resolve()
            self.tmp = tempfile.TemporaryDirectory(prefix="desk-import-bench-", dir=source.parent)
        else:
            self.tmp = tempfile.TemporaryDirectory(prefix="desk-import-bench-")
            source = Path(self.tmp.name) / "template.db"
            store = open_store(str(source))
            store.dispose()
        store = open_store(str(source)) if not self.db else None
        if store is not None:
            _bench_officer(store)
            store.dispose()
        paths = [Path(self.tmp.name) / "import.db", Path(self.tmp.name) / "raw.db"]
        for path in paths:
            with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
                    closing(sqlite3.connect(path)) as dst:
                src.backup(dst)
        if self.db:  # the bench officer in the copies only, never in the given store
            for path in paths:
                store = open_store(str(path))
                _bench_officer(store)
                store.dispose()
        return f"sqlite:///{paths[0]}", f"sqlite:///{paths[1]}"

    def drop(self) -> None:
        if self.schemas:
            from sqlalchemy import create_engine, text

            admin = create_engine(self.db, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                for schema in self.schemas:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()
        if self.tmp is not None:
            self.tmp.cleanup()


def _bench_officer(store):
    from registration import bench_officer  # bench/registration.py: a supervisor, logged in

    return bench_officer(store)


def _tables():
    """(table, integer primary key column, columns) in foreign-key order, for the tables an import writes to."""
    from sqlmodel import SQLModel

    from models import AuditEntry  # the tables registered with SQLModel's metadata

    assert AuditEntry.__table__.metadata is SQLModel.metadata

    out = []
    for table in SQLModel.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and str(pk[0].type) == "INTEGER":
            out.append((table.name, pk[0].name, [c.name for c in table.columns]))
    return out


def _driver(url: str):
    if url.startswith("postgresql"):
        import psycopg

        libpq = url.replace("postgresql+psycopg://", "postgresql://", 1)
        return psycopg.connect(libpq), "%s"
    conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn, "?"


def _high_water(url: str) -> dict[str, int]:
    conn, _p = _driver(url)
    try:
        cur = conn.cursor()
        marks = {}
        for table, pk, _cols in _tables():
            cur.execute(f"SELECT coalesce(max({pk}), 0) FROM {table}")
            marks[table] = cur.fetchone()[0]
        return marks
    finally:
        conn.close()


def _new_rows(url: str, before: dict[str, int]) -> dict[str, tuple[list[str], list[tuple]]]:
    conn, p = _driver(url)
    try:
        cur = conn.cursor()
        rows = {}
        for table, pk, cols in _tables():
            cur.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE {pk} > {p} ORDER BY {pk}", (before[table],))
            found = cur.fetchall()
            if found:
                rows[table] = (cols, found)
        return rows
    finally:
        conn.close()


RAW_CHUNK = 5000  # rows per executemany: one pipeline of 100,000 inserts stalled psycopg for minutes


def raw_insert(url: str, rows: dict[str, tuple[list[str], list[tuple]]]) -> float:
    """Insert ``rows`` as they are, one executemany per table, one transaction; seconds."""
    conn, p = _driver(url)
    try:
        cur = conn.cursor()
        t0 = time.perf_counter()
        if p == "?":
            cur.execute("BEGIN IMMEDIATE")
        for table, (cols, found) in rows.items():
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join([p] * len(cols))})"
            for start in range(0, len(found), RAW_CHUNK):  # psycopg pipelines an executemany whole
                cur.executemany(sql, found[start:start + RAW_CHUNK])
        if p == "?":
            cur.execute("COMMIT")
        else:
            conn.commit()
        return time.perf_counter() - t0
    finally:
        conn.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="import lines (default 10,000)")
    parser.add_argument("--db", help="an SQLite store to copy, or a PostgreSQL URL (two throwaway schemas)")
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the import to FILE")
    parser.add_argument("--keep", action="store_true", help="keep the stores (prints where they are)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DESK_FAST_HASH", "1")  # only the bench officer's login; import hashes no password

    from desk.services import audit, importer
    from desk.store import open_store

    stores = Stores(args.db)
    try:
        import_url, raw_url = stores.make()
        store = open_store(import_url)
        actor = _bench_officer(store)
        with store.reader() as uow:
            today = uow.clock.today()
        lines = generate_lines(args.n, today)
        folder = Path(stores.tmp.name) if stores.tmp else Path(tempfile.gettempdir())
        path = folder / f"bench-import-{os.getpid()}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        before = _high_water(import_url)
        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        t0 = time.perf_counter()
        result = importer.import_file(store, actor, path)
        import_s = time.perf_counter() - t0
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(args.profile)
        if not stores.tmp:
            path.unlink()
        with store.reader() as uow:
            chain = audit.verify_chain(uow)
        store.dispose()
        if not chain.ok:
            print(f"the audit chain does not verify after the import: {chain}", file=sys.stderr)
            return 2
        rows = _new_rows(import_url, before)
        raw_s = raw_insert(raw_url, rows)
        if _new_rows(raw_url, before).keys() != rows.keys():
            print("the raw copy does not hold the same tables' rows", file=sys.stderr)
            return 2
        if args.keep:
            stores.schemas, stores.tmp = [], None
            print(f"kept: {import_url} {raw_url}", file=sys.stderr)
    finally:
        stores.drop()

    out = {
        "engine": "postgresql" if stores.pg else "sqlite",
        "lines": result.lines, "cases": len(result.case_numbers), "persons": result.persons_created,
        "rows": {t: len(r[1]) for t, r in rows.items()},
        "import_s": round(import_s, 2), "raw_s": round(raw_s, 3),
        "import_lines_per_s": round(result.lines / import_s, 1),
        "raw_lines_per_s": round(result.lines / raw_s, 1),
        "ratio": round(import_s / raw_s, 2),
    }
    out["missed"] = [f"ratio {out['ratio']} > {TARGET_RATIO}"] if out["ratio"] > TARGET_RATIO else []
    total_rows = sum(out["rows"].values())
    print(f"desk import, {out['lines']:,} lines ({out['cases']:,} cases, {out['persons']:,} persons, "
          f"{total_rows:,} rows) on {out['engine']}")
    print(f"import: {out['import_s']} s, {out['import_lines_per_s']} lines/s")
    print(f"raw:    {out['raw_s']} s, {out['raw_lines_per_s']} lines/s (the same rows, executemany, one transaction)")
    print(f"ratio {out['ratio']}; target <= {TARGET_RATIO}" + ("; MISSED" if out["missed"] else "; met"))
    print(json.dumps(out))
    return 1 if out["missed"] else 0


if __name__ == "__main__":
    sys.exit(main())
