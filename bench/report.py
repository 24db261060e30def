"""The day's report on a big store, for a day with 5,000 events.

    python bench/report.py --db /tmp/big.db [--events 5000] [--repeat 3] [--in-place]

A seeded store spreads ten years of work thin (a few hundred events a day), so the benchmark first
makes a busy day: on a COPY of the store (SQLite backup API, next to the original; ``--in-place``
writes into ``--db`` itself) it registers ``--events / 2`` persons with an asylum case each, through
the services with the clock set to that day (each registration writes two audit entries: person and
case, so ``--events`` audit events, plus the cases, deadlines and counters they bring). Then it
times ``desk.services.report.daily_report(uow, supervisor, day, office=...)`` - all offices, and the
busy office alone - ``--repeat`` times each in a fresh read-only unit of work, and reports the median
and the best. There is no baseline: the figure is absolute. Prints a JSON line last.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from datetime import date, datetime, time as dtime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def make_busy_day(store, actor, day: date, events: int) -> float:
    """Register events/2 persons with an asylum case on ``day``; returns the seconds it took."""
    from desk import clock as desk_clock
    from desk.clock import RIGA, FixedClock
    from desk.services import casework, persons

    fixed = FixedClock(datetime.combine(day, dtime(8, 0), tzinfo=RIGA))
    old = desk_clock.set_clock(fixed)
    t0 = time.perf_counter()
    try:
        for i in range(events // 2):
            fixed.advance(seconds=2)  # spread over the working day
            with store.uow() as uow:
                pid = persons.register_person(uow, actor, {
                    "surname": "Busy", "given_names": f"Day {i}", "citizenship": "AFG",
                    "date_of_birth": "1995-05-05"}, allow_duplicate=True)
            with store.uow() as uow:
                casework.register(uow, actor, "asylum", {"person_id": str(pid), "lodged_on": day.isoformat(),
                                                         "registered_on": day.isoformat()})
    finally:
        desk_clock.set_clock(old)
    return time.perf_counter() - t0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--day", type=date.fromisoformat, help="the busy day (default: yesterday in Riga)")
    parser.add_argument("--in-place", action="store_true", help="write the busy day into --db itself")
    args = parser.parse_args(argv)
    os.environ.setdefault("DESK_FAST_HASH", "1")

    from desk.clock import today
    from desk.services import report
    from desk.store import open_store
    from registration import bench_officer

    source = Path(args.db).resolve()
    tmp = None
    if args.in_place:
        path = source
    else:
        tmp = tempfile.TemporaryDirectory(prefix="desk-report-", dir=source.parent)
        path = Path(tmp.name) / "busy.db"
        t0 = time.perf_counter()
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, closing(sqlite3.connect(path)) as dst:
            src.backup(dst)
        print(f"copied the store in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    try:
        store = open_store(str(path))
        actor = bench_officer(store)
        day = args.day or (today() - timedelta(days=1))
        built = make_busy_day(store, actor, day, args.events)
        print(f"{args.events} events on {day} written in {built:.1f} s", file=sys.stderr)
        timings: dict[str, list[float]] = {"all offices": [], f"office {actor.office_code}": []}
        for _ in range(args.repeat):
            for label, office in (("all offices", "all"), (f"office {actor.office_code}", actor.office_code)):
                t0 = time.perf_counter()
                with store.reader() as uow:
                    report.daily_report(uow, actor, day, office=office)
                timings[label].append(time.perf_counter() - t0)
        with store.reader() as uow:
            from sqlalchemy import func
            from sqlmodel import select

            from models import Person
            persons_n = uow.session.exec(select(func.count()).select_from(Person)).one()
        store.dispose()
    finally:
        if tmp:
            tmp.cleanup()
    out = {"persons": persons_n, "events": args.events, "day": day.isoformat(), "repeat": args.repeat}
    for label, values in timings.items():
        key = "all" if label == "all offices" else "office"
        out[f"{key}_median_s"] = round(statistics.median(values), 3)
        out[f"{key}_best_s"] = round(min(values), 3)
        print(f"daily report, {label}: median {out[key + '_median_s']} s, best {out[key + '_best_s']} s")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
