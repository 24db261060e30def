"""A ``desk seed`` killed after its first batch (issue 16 point 5), on SQLite.

It left 20,000 cases and 21,000 persons with no audit entry and the case-number counter behind, so the
next registration in a seeded year failed with IntegrityError. Now the load is marked begun before its first
batch and finished after its audit entry: a store whose load never finished is refused on open, with one line
saying to seed it again; and the counters are written with every batch, so they always cover the numbers in
use.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from desk.errors import StoreError, explain
from desk.store import open_store

from robust_helpers import REPO

# seed.scale.BATCH is 20,000 cases; the child loads in batches of 2,000 so that the same path (a batch
# written, the load not finished) is reached in a second instead of ten
BATCH = 2_000
PERSONS = 5_000  # a little over one batch of cases


def test_a_seed_killed_after_its_first_batch_leaves_a_store_refused_on_open(tmp_path):
    db = tmp_path / "killed.db"
    code = ("import sys; import seed.scale; seed.scale.BATCH = %d; from desk.cli import main; "
            "sys.exit(main(['seed', '--persons', '%d', '--db', %r]))" % (BATCH, PERSONS, str(db)))
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        for line in proc.stderr:  # the first batch is in once the loader reports 20,000 cases
            if f"seed: cases {BATCH:,}/" in line:
                break
        else:
            pytest.fail("the seed ended before its first batch")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    raw = sqlite3.connect(db)
    try:
        cases, = raw.execute("SELECT count(*) FROM case_file").fetchone()
        assert cases >= BATCH  # the first batch was in
        behind = raw.execute(
            "SELECT c.kind, c.year FROM case_file c LEFT JOIN case_counter k ON k.kind = c.kind AND k.year = c.year "
            "GROUP BY c.kind, c.year HAVING max(c.seq) > coalesce(max(k.last_seq), 0)").fetchall()
        assert behind == []  # the counters cover every number stored
    finally:
        raw.close()
    with pytest.raises(StoreError) as refused:
        open_store(db)
    assert refused.value.key == "store.seed_incomplete"
    assert "desk seed" in explain(refused.value)
