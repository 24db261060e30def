"""Peak memory with a big store open: a child process opens the store, logs in, looks a person up,
reads the officer's worklist; the parent reads the child's peak RSS (``resource.getrusage``).

    python bench/memory.py --db /tmp/big.db

Baseline: the same interpreter that only imports desk's services and opens the store (no query), and
a bare ``python -c pass``; both in a child process measured the same way. Read-only except for the
audit entries of the login and the search (one officer "bench.memory" is created if missing, with the
real argon2id cost, so the login's 64 MiB hash is in the figure as in an officer's session; the search is
for a surname taken from the store) - use a copy if the store must stay untouched. Prints a JSON line last.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

OPEN_ONLY = """
import sys
sys.path.insert(0, {repo!r})
from desk.services import search, views
from desk.store import open_store
store = open_store({db!r})
with store.reader() as uow:
    uow.session.connection()
"""

WORK = """
import os, sys
os.environ.pop("DESK_FAST_HASH", None)  # the real argon2id cost, as an officer's login pays it (64 MiB)
sys.path.insert(0, {repo!r})
sys.path.insert(0, {bench!r})
from desk.services import search, views
from desk.store import open_store
from registration import bench_officer
store = open_store({db!r})
actor = bench_officer(store, username="bench.memory", password="bench-memory-1")
with store.uow() as uow:
    hits = search.search(uow, actor, {query!r}, limit=50)  # a surname in the store, the screen's limit
with store.reader() as uow:
    rows = views.worklist(uow, actor, scope="office", limit=50)
    n = views.count_worklist(uow, actor, scope="office")
print(len(hits), len(rows), n)
"""


def peak_rss_mb(code: str) -> float:
    """Peak resident set of one child running ``code`` (Linux: ru_maxrss is in KiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # RUSAGE_CHILDREN reports the largest child so far: measure the smallest workload first
    return round(max(before, after) / 1024, 1)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the (big) SQLite store")
    args = parser.parse_args(argv)
    db = str(Path(args.db).resolve())
    bare = peak_rss_mb("pass")
    opened = peak_rss_mb(OPEN_ONLY.format(repo=str(REPO), db=db))
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        n = conn.execute("SELECT max(id) FROM person").fetchone()[0] or 1
        row = conn.execute("SELECT surname FROM person WHERE id >= ? ORDER BY id LIMIT 1", (n // 2,)).fetchone()
    query = row[0] if row else "Bērziņš"
    work = peak_rss_mb(WORK.format(repo=str(REPO), bench=str(REPO / "bench"), db=db, query=query))
    size_mb = round(Path(db).stat().st_size / 1_000_000, 1)
    result = {"store_mb": size_mb, "bare_python_mb": bare, "store_open_mb": opened,
              "search_and_worklist_mb": work, "ratio_to_open": round(work / opened, 2)}
    print(f"store file {size_mb} MB; peak RSS: bare python {bare} MB, desk with the store open {opened} MB, "
          f"after login + search + worklist {work} MB")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
