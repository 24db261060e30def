"""Run every benchmark and write the performance record, docs/performance.md.

    python bench/run_all.py --db /tmp/big.db [--db /tmp/small.db] [--lookup-db /tmp/5m.db]
        [--pg postgresql+psycopg://...] [--quick]

``--db`` names an SQLite store built by ``desk seed`` (give two, e.g. 100,000 and 1,000,000 persons, to see
which costs grow with the store). The lookup runs on it as it is (adding only the bench supervisor's
officer row and login); the benchmarks that write (the busy day of the report, the worklist's bench
supervisor, the login and audited search of the memory run) work on a copy made here with SQLite's backup
API next to the original, deleted at the end. ``--lookup-db`` names an SQLite store too big to copy
(5,000,000 persons): only the lookup runs there, to show how lookups grow. ``--pg`` names a PostgreSQL
database loaded by ``desk seed`` the same way; the lookup, the worklist and the report run there too (the
report's busy day is written INTO that database). The store-independent figures (registration, import, cold
start) run once. ``--quick`` uses smaller samples. Each figure is written with the exact command that produced it,
as a ratio to a baseline measured in the same run; a benchmark that misses its target says so (exit 1).
Whatever follows the line ``<!-- by hand -->`` in the existing record (figures run by hand, such as
bench/stress.py's) is kept. Never run from the tests.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BY_HAND = "<!-- by hand -->"


def run(args: list[str]) -> tuple[str, dict | None, float, int]:
    """Run one benchmark; (its output, its JSON line if any, seconds, exit status)."""
    t0 = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - t0
    out = done.stdout.strip()
    data = None
    lines = out.splitlines()
    if lines and lines[-1].startswith("{"):
        try:
            data = json.loads(lines[-1])
            out = "\n".join(lines[:-1])
        except json.JSONDecodeError:
            pass
    if done.returncode not in (0, 1):
        out += "\n" + done.stderr.strip()[-3000:]
    return out, data, elapsed, done.returncode


def count(url: str) -> tuple[int, int]:
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
            return (conn.execute("SELECT count(*) FROM person").fetchone()[0],
                    conn.execute("SELECT count(*) FROM case_file").fetchone()[0])
    with closing(sqlite3.connect(f"file:{url}?mode=ro", uri=True)) as conn:
        return (conn.execute("SELECT count(*) FROM person").fetchone()[0],
                conn.execute("SELECT count(*) FROM case_file").fetchone()[0])


def _met(missed: bool | None) -> str:
    return "-" if missed is None else "missed" if missed else "met"


def summary_rows(title: str, data: dict | None) -> list[tuple[str, str, str, str, str]]:
    """(figure, measured, baseline, ratio, target met) lines of one benchmark's JSON."""
    if not data:
        return [(title, "see below", "", "", "-")]
    if title.startswith("Lookup"):
        return [(f"lookup: {name}", f"p50 {t['svc_p50_ms']} ms, p95 {t['svc_p95_ms']} ms",
                 f"raw p50 {t['raw_p50_ms']} ms, p95 {t['raw_p95_ms']} ms", f"{t['ratio_p50']}x / {t['ratio_p95']}x",
                 _met(bool(t["missed"]))) for name, t in data.get("types", {}).items()]
    if title.startswith("Office worklist"):
        return [(f"office worklist, first page + counts ({data['office_open_cases']:,} open cases)",
                 f"p50 {data['service_p50_ms']} ms, p95 {data['service_p95_ms']} ms",
                 f"raw p50 {data['raw_p50_ms']} ms, p95 {data['raw_p95_ms']} ms",
                 f"{data['ratio_p50']}x / {data['ratio_p95']}x", _met(bool(data["missed"])))]
    if title.startswith("Registration"):
        return [("one registration (person + case)", f"p50 {data['service_p50_ms']} ms, p95 {data['service_p95_ms']} ms",
                 f"raw sqlite3: {data['raw_per_s']}/s", f"{data['ratio']}x the time", _met(bool(data["missed"])))]
    if title.startswith("Import"):
        return [(f"import, {data['lines']:,} lines ({data['engine']})",
                 f"{data['import_s']} s ({data['import_lines_per_s']} lines/s)",
                 f"raw: {data['raw_s']} s", f"{data['ratio']}x", _met(bool(data["missed"])))]
    if title.startswith("Seed"):
        return [(f"`desk seed --persons {data['persons']:,}` ({data['engine']})", f"{data['seed_s']} s",
                 f"raw write floor: {data['floor_s']} s", f"{data['ratio']}x", _met(bool(data["missed"])))]
    if title.startswith("The day's report"):
        rows = [("day's report, all offices", f"median {data['all_median_s']} s",
                 f"raw replay: {data.get('all_raw_median_s', '-')} s", f"{data.get('all_ratio', '-')}x",
                 _met(data.get("all_ratio", 0) > 3)),
                ("day's report, one office", f"median {data['office_median_s']} s",
                 f"raw replay: {data.get('office_raw_median_s', '-')} s", f"{data.get('office_ratio', '-')}x",
                 _met(data.get("office_ratio", 0) > 3))]
        if "whole_process_median_s" in data:
            rows.append(("`desk report`, whole process", f"median {data['whole_process_median_s']} s", "target 1 s",
                         "-", _met(data["whole_process_median_s"] > 1.0)))
        return rows
    if title.startswith("Cold start"):
        return [(f"cold start to the first screen ({data.get('mode', 'headless')})", f"median {data['desk_median_s']} s",
                 f"bare Textual app: {data['bare_median_s']} s", f"{data['ratio']}x", _met(data["ratio"] > 1.5))]
    if title.startswith("Memory"):
        return [("peak RSS, login (argon2id) + search + worklist", f"{data['search_and_worklist_mb']} MB",
                 f"store open only: {data['store_open_mb']} MB; bare python {data['bare_python_mb']} MB",
                 f"{data['ratio_to_open']}x", "-")]
    return [(title, json.dumps(data)[:120], "", "", "-")]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", required=True,
                        help="an SQLite store (the lookup runs on it, the benches that write on a copy); repeatable")
    parser.add_argument("--pg", action="append", default=[], help="a PostgreSQL store's URL; repeatable")
    parser.add_argument("--lookup-db", action="append", default=[],
                        help="an SQLite store on which only the lookup runs (e.g. 5,000,000 persons); repeatable")
    parser.add_argument("--out", default=str(REPO / "docs" / "performance.md"))
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    n_lookup, n_reg, runs, events, repeat = (50, 200, 3, 1000, 2) if args.quick else (200, 500, 10, 5000, 3)
    n_import = 1400 if args.quick else 10_000
    # the seed at 100,000 persons even when quick: at 20,000 the process's start and the reference rows
    # are a fifth of the seed's time and none of the floor's (3.6x there, 2.8x at 100,000)
    n_seed, n_seed_pg = 100_000, (20_000 if args.quick else 100_000)
    dbs = [str(Path(d).resolve()) for d in args.db]

    sections = []  # (store label, title, shown command, what, output, data, seconds, status)
    stores = []  # (label, persons, cases, size)
    missed = 0

    def step(label, title, cmd, what, names):
        nonlocal missed
        print(f"running {title} on {label} ...", file=sys.stderr, flush=True)
        out, data, elapsed, status = run(cmd)
        missed += status != 0
        shown = "python " + " ".join(cmd)
        for real, name in names.items():
            shown = shown.replace(real, name)
        sections.append((label, title, shown, what, out, data, elapsed, status))

    def sqlite_store(db: str) -> str:
        """The store's label, its line noted for the record's head."""
        persons, cases = count(db)
        label = f"SQLite, {persons:,} persons"
        stores.append((label, persons, cases, f"{Path(db).stat().st_size / 1e9:.2f} GB"))
        return label

    for db in dbs:
        label = sqlite_store(db)
        tmp = tempfile.TemporaryDirectory(prefix="desk-bench-", dir=Path(db).parent)
        work = str(Path(tmp.name) / "work.db")
        t0 = time.perf_counter()
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as src, closing(sqlite3.connect(work)) as dst:
            src.backup(dst)
        print(f"working copy of {db} made in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        names = {work: "COPY.db", db: Path(db).name}
        try:
            step(label, "Lookup", ["bench/lookup.py", "--db", db, "--n", str(n_lookup)],
                 "The search service with the screen's limit (a fresh store.lookup() per query) next to the "
                 "nearest raw sqlite3 query on the same file; p50/p95 in ms and their ratio.", names)
            step(label, "Office worklist", ["bench/worklist.py", "--db", work, "--n", str(n_lookup)],
                 "The supervisor's office worklist as the home screen reads it (first page of 50 + open cases "
                 "per kind, the busiest office) next to the same work on a plain sqlite3 connection.", names)
            step(label, "The day's report", ["bench/report.py", "--db", work, "--in-place", "--events", str(events),
                                             "--repeat", str(repeat)],
                 f"`daily_report` for a day given {events} audit events (registrations through the services on "
                 "the working copy), all offices and one office, next to the raw replay of the SQL it sent; "
                 "`desk report` as a whole process.", names)
            step(label, "Memory", ["bench/memory.py", "--db", work],
                 "Peak RSS of a child process: bare python, desk with the store open, and after a login with "
                 "the real argon2id cost + a search + the worklist.", names)
            if db == dbs[0]:
                for mode in ([], ["--terminal"]):
                    step(label, "Cold start", ["bench/startup.py", "--runs", str(runs), "--db", work, *mode],
                         "From spawn to the first screen drawn, `desk --db` next to a bare Textual app started "
                         "the same way (headless, and with --terminal in a tmux pane); medians and ratio.", names)
        finally:
            tmp.cleanup()

    for db in (str(Path(d).resolve()) for d in args.lookup_db):
        # a store too big to copy for the benches that write (5,000,000 persons): only its lookups
        step(sqlite_store(db), "Lookup", ["bench/lookup.py", "--db", db, "--n", str(n_lookup)],
             "The search service with the screen's limit next to the nearest raw sqlite3 query on the same file "
             "(only the lookup runs on a store this size).", {db: Path(db).name})

    for url in args.pg:
        persons, cases = count(url)
        label = f"PostgreSQL, {persons:,} persons"
        stores.append((label, persons, cases, "-"))
        names = {url: "PG_URL"}
        step(label, "Lookup", ["bench/lookup.py", "--db", url, "--n", str(n_lookup)],
             "The search service with the screen's limit next to the nearest raw psycopg query.", names)
        step(label, "Office worklist", ["bench/worklist.py", "--db", url, "--n", str(n_lookup)],
             "The office worklist (first page + counts) next to the same work on a plain psycopg connection.", names)
        step(label, "The day's report", ["bench/report.py", "--db", url, "--events", str(events),
                                         "--repeat", str(repeat)],
             f"`daily_report` for a day given {events} audit events (written into the database), next to the "
             "raw psycopg replay of the SQL it sent; `desk report` as a whole process.", names)

    step("a fresh store", "Registration", ["bench/registration.py", "--n", str(n_reg)],
         "A person plus an asylum case per registration through the services (two units of work, duplicate "
         "check, numbering, deadlines, audit), names and birth days drawn as applicants' are, next to raw "
         "sqlite3 inserts of the same rows, one transaction per registration.", {})
    step("a fresh store", "Import", ["bench/import_bench.py", "--n", str(n_import)],
         f"`desk import` of {n_import:,} generated lines (importer.import_file on a fresh store) next to raw "
         "executemany of the rows it wrote into a second store of the same schema.", {})

    step("a fresh store", "Seed", ["bench/seed_bench.py", "--persons", str(n_seed)],
         f"`desk seed --persons {n_seed:,}` as a whole process into a fresh SQLite store next to the raw write "
         "floor: the rows it left written by sqlite3 executemany into a second store of the same schema.", {})
    if args.pg:
        step("a fresh PostgreSQL schema", "Seed", ["bench/seed_bench.py", "--persons", str(n_seed_pg), "--db", args.pg[0]],
             f"`desk seed --persons {n_seed_pg:,}` into a throwaway schema next to psycopg executemany of the same "
             "rows into a second one.", {args.pg[0]: "PG_URL"})

    lines = [
        "# Performance record",
        "",
        f"Produced by `python bench/run_all.py {' '.join('--db ' + Path(d).name for d in dbs)}"
        f"{''.join(' --lookup-db ' + Path(d).name for d in args.lookup_db)}"
        f"{' --pg PG_URL' * len(args.pg)}{' --quick' if args.quick else ''}` on "
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Do not edit above the by-hand line: run it again.",
        "",
        f"* machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}",
    ]
    for label, persons, cases, size in stores:
        lines.append(f"* {label}: {cases:,} cases, {size} (`desk seed --persons {persons}`)")
    lines += ["* `COPY.db` is a working copy of the store made by run_all, so that the benchmarks that write never "
              "touch the original. Ratios are to a baseline measured in the same run on the same store.", "",
              "## Summary", "", "| store | figure | measured | baseline | ratio | target |", "|---|---|---|---|---|---|"]
    for label, title, _cmd, _what, _out, data, _s, status in sections:
        for figure, measured, baseline, ratio, met in summary_rows(title, data):
            lines.append(f"| {label} | {figure} | {measured} | {baseline} | {ratio} | "
                         f"{met if status in (0, 1) else 'FAILED'} |")
    for label, title, cmd, what, out, data, elapsed, status in sections:
        lines += ["", f"## {title} ({label})", "", what, "", "```", cmd, "```", "", "```", out or "(no output)", "```"]
        if status == 1:
            lines.append("\nThe benchmark reported a missed target (exit status 1).")
        elif status != 0:
            lines.append(f"\nThe benchmark FAILED (exit status {status}); the figure above is not valid.")
        lines.append(f"\n({elapsed:.0f} s)")
    out_path = Path(args.out)
    kept = ""
    if out_path.exists() and BY_HAND in out_path.read_text(encoding="utf-8"):
        kept = out_path.read_text(encoding="utf-8").split(BY_HAND, 1)[1]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text("\n".join(lines) + "\n\n" + BY_HAND + kept.rstrip() + "\n", encoding="utf-8")
    print(f"wrote {out_path}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
