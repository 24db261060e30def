"""Run every benchmark and write the performance record, docs/performance.md.

    python bench/run_all.py --db /tmp/big.db [--out docs/performance.md] [--quick]

``--db`` is the big store (``desk seed --persons 1000000 --db /tmp/big.db``). It is only read: the
benchmarks that write (the busy day of the report; the login and audited search of the memory run)
work on one copy made here with SQLite's backup API, next to the original, deleted at the end.
``--quick`` uses smaller samples (for trying the script on a small store). Each figure is written with
the exact command that produced it, as a ratio where a baseline exists. Never run from the tests.
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
BENCH = REPO / "bench"


def run(args: list[str]) -> tuple[str, dict | None, float, int]:
    """Run one benchmark; (its output, its JSON line if any, seconds, exit status)."""
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True)
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


def shown(args: list[str], path_names: dict[str, str]) -> str:
    text = "python " + " ".join(args)
    for real, name in path_names.items():
        text = text.replace(real, name)
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the big SQLite store (read only)")
    parser.add_argument("--out", default=str(REPO / "docs" / "performance.md"))
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    db = str(Path(args.db).resolve())
    n_lookup, n_reg, runs, events, repeat = (50, 200, 3, 1000, 2) if args.quick else (200, 1000, 10, 5000, 3)
    n_import = 1400 if args.quick else 10_000

    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        persons = conn.execute("SELECT count(*) FROM person").fetchone()[0]
        cases = conn.execute("SELECT count(*) FROM case_file").fetchone()[0]
    tmp = tempfile.TemporaryDirectory(prefix="desk-bench-", dir=Path(db).parent)
    work = str(Path(tmp.name) / "work.db")
    t0 = time.perf_counter()
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as src, closing(sqlite3.connect(work)) as dst:
        src.backup(dst)
    print(f"working copy made in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    names = {work: "COPY.db", db: args.db}

    steps = [
        ("Lookup", ["bench/lookup.py", "--db", db, "--n", str(n_lookup)],
         "Search service (a fresh store.lookup() per query, as the search screen) next to the nearest raw "
         "sqlite3 query on the same file; p50/p95 in ms and their ratio."),
        ("Office worklist", ["bench/worklist.py", "--db", work, "--n", str(n_lookup)],
         "The supervisor's office worklist as the home screen reads it (first page of 50 + open cases per "
         "kind, the busiest office) next to the same work on a plain sqlite3 connection; p50/p95 and ratio."),
        ("Registration throughput", ["bench/registration.py", "--n", str(n_reg)],
         "A person plus an asylum case per registration through the services (two units of work, duplicate "
         "check, numbering, deadlines, audit) on a fresh store, next to raw sqlite3 inserts of the same rows "
         "into shadow tables of the same file, one transaction per registration."),
        ("Import", ["bench/import_bench.py", "--n", str(n_import)],
         f"`desk import` of {n_import:,} generated lines of the example file's mix (importer.import_file on a fresh "
         "store) next to raw executemany of the rows it wrote into a second store of the same schema."),
        ("The day's report", ["bench/report.py", "--db", work, "--in-place", "--events", str(events),
                              "--repeat", str(repeat)],
         f"`daily_report` for a day given {events} audit events (registrations made through the services "
         "on the working copy), all offices and one office, next to the raw replay of the SQL it sent; `desk report` "
         "as a whole process."),
        ("Cold start", ["bench/startup.py", "--runs", str(runs), "--db", work],
         "Wall time of a fresh process from spawn to the first screen drawn (headless), desk (opening the "
         "big store) next to a bare Textual app started the same way; medians and their ratio."),
        ("Memory", ["bench/memory.py", "--db", work],
         "Peak RSS of a child process (resource.getrusage): bare python, desk with the big store open, and "
         "after login + search + worklist."),
    ]
    sections = []
    summary = []
    try:
        for title, cmd, what in steps:
            print(f"running {title} ...", file=sys.stderr, flush=True)
            out, data, elapsed, status = run(cmd)
            sections.append((title, shown(cmd, names), what, out, data, elapsed, status))
            summary.append((title, data))
    finally:
        tmp.cleanup()

    lines = [
        "# Performance record",
        "",
        f"Produced by `python bench/run_all.py --db {args.db}{' --quick' if args.quick else ''}` on "
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Do not edit by hand: run it again.",
        "",
        f"* store: {persons:,} persons, {cases:,} cases, {Path(db).stat().st_size / 1e9:.2f} GB "
        f"(`desk seed --persons {persons} --db {args.db}`)",
        f"* machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}",
        "* `COPY.db` below is a working copy of the store made by run_all (SQLite backup API) so that the "
        "benchmarks that write never touch the original.",
        "",
        "## Summary",
        "",
        "| figure | value | baseline | ratio |",
        "|---|---|---|---|",
    ]
    for title, data in summary:
        if not data:
            lines.append(f"| {title} | see below | | |")
        elif title == "Office worklist":
            lines.append(f"| office worklist, first page + counts ({data['office_open_cases']:,} open cases) | "
                         f"p50 {data['service_p50_ms']} ms, p95 {data['service_p95_ms']} ms | raw: p50 "
                         f"{data['raw_p50_ms']} ms, p95 {data['raw_p95_ms']} ms | {data['ratio_p50']}x / "
                         f"{data['ratio_p95']}x |")
        elif title == "Registration throughput":
            lines.append(f"| registrations/s through the services | {data['service_per_s']} "
                         f"({data['service_ms_each']} ms each) | raw sqlite3: {data['raw_per_s']}/s | "
                         f"{data['ratio']}x the time |")
        elif title == "Import":
            lines.append(f"| `desk import`, {data['lines']:,} lines | {data['import_s']} s, "
                         f"{data['import_lines_per_s']} lines/s | raw executemany of its rows: {data['raw_s']} s | "
                         f"{data['ratio']}x |")
        elif title == "The day's report":
            lines.append(f"| day's report, {data['events']} events, all offices | median {data['all_median_s']} s "
                         f"| raw replay of its SQL: {data.get('all_raw_median_s', '-')} s | "
                         f"{data.get('all_ratio', '-')}x |")
            lines.append(f"| day's report, one office | median {data['office_median_s']} s | raw replay of its SQL: "
                         f"{data.get('office_raw_median_s', '-')} s | {data.get('office_ratio', '-')}x |")
            if "whole_process_median_s" in data:
                lines.append(f"| `desk report`, whole process, one office | median {data['whole_process_median_s']} s "
                             f"| target 1 s | - |")
        elif title == "Cold start":
            lines.append(f"| cold start to the first screen | median {data['desk_median_s']} s | bare Textual "
                         f"app: {data['bare_median_s']} s | {data['ratio']}x |")
        elif title == "Memory":
            lines.append(f"| peak RSS, store open + login + search + worklist | {data['search_and_worklist_mb']} MB "
                         f"| store open only: {data['store_open_mb']} MB; bare python {data['bare_python_mb']} MB "
                         f"| {data['ratio_to_open']}x |")
    for title, cmd, what, out, data, elapsed, status in sections:
        lines += ["", f"## {title}", "", what, "", "```", cmd, "```", "", "```", out or "(no output)", "```"]
        if status == 1:
            lines.append("\nThe benchmark reported a missed target (exit status 1).")
        elif status not in (0,):
            lines.append(f"\nThe benchmark FAILED (exit status {status}); the figure above is not valid.")
        lines.append(f"\n({elapsed:.0f} s)")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
