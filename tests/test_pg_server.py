"""The test command passes on a fresh machine: with no PostgreSQL server listening and no DESK_TEST_PG_URL,
the tests start a throwaway server of their own (tests/pg_server.py) and the PostgreSQL tests run."""
import os
import socket
import subprocess
import sys
from pathlib import Path

from tests import pg_server

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_explicit_url_is_used_as_given():
    chosen = pg_server.choose({"DESK_TEST_PG_URL": "postgresql+psycopg://u@db.example:6543/x"})
    assert (chosen.url, chosen.source, chosen.stop) == ("postgresql+psycopg://u@db.example:6543/x", "env", None)


def test_options_join_a_url_with_or_without_a_query():
    assert pg_server.with_options("postgresql://p@h/t", "-cx") == "postgresql://p@h/t?options=-cx"
    assert pg_server.with_options("postgresql://p@/t?host=/s", "-cx") == "postgresql://p@/t?host=/s&options=-cx"


def test_no_server_listening_starts_a_throwaway_one_and_the_pg_tests_run(tmp_path):
    port = _free_port()  # nothing listens here
    assert not pg_server.answers(f"postgresql://postgres@127.0.0.1:{port}/test")
    env = {k: v for k, v in os.environ.items() if k != "DESK_TEST_PG_URL"}
    env["DESK_TEST_PG_PROBE_URL"] = f"postgresql+psycopg://postgres@127.0.0.1:{port}/test"
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-p", "no:cacheprovider", "-rs",
         "tests/test_audit.py::test_pg_refuses_truncate", "tests/test_store.py::test_lookup_survives_a_postgresql_backend_that_went_away"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    text = out.stdout + out.stderr
    assert out.returncode == 0, text
    assert "2 passed" in text and "skipped" not in text, text
    header = next(line for line in text.splitlines() if line.startswith("PostgreSQL for the pg tests:"))
    assert "desk-test-pg-" in header and f":{port}" not in header, header
    # the throwaway server is gone afterwards
    data_dir = header.split("host=")[1].strip()
    assert not Path(data_dir).exists()
