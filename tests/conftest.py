"""Shared fixtures: stores on SQLite (a temp file) and PostgreSQL (a schema of its own per test),
a fixed clock, and officers of every role."""
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("DESK_FAST_HASH", "1")  # cheaper argon2id in tests only (see desk.services.auth)
# the audit key and the incident log of the test run: never the developer's own (desk.keys, desk.incidents)
_RUN_DIR = Path(tempfile.gettempdir()) / f"desk-tests-{os.getuid()}"
os.environ.setdefault("DESK_AUDIT_KEY_FILE", str(_RUN_DIR / "audit.key"))
os.environ.setdefault("DESK_LOG_DIR", str(_RUN_DIR / "log"))
from sqlalchemy import create_engine, text

from desk import clock as desk_clock
from desk.clock import RIGA, FixedClock
from desk.i18n import set_language

from tests import pg_server

# Which PostgreSQL server: DESK_TEST_PG_URL, else the machine's, else a throwaway one (tests/pg_server.py).
# The controller decides in pytest_configure; workers inherit DESK_TEST_PG_URL.
PG_URL = os.environ.get("DESK_TEST_PG_URL", pg_server.DEFAULT_URL)
_PG_STOP = []
PASSWORD = "demo-pass-1"
ROLE_USERS = {
    "reception": "recepcija", "residence": "uzturesanas", "asylum": "patverums", "return": "atgriesana",
    "supervisor": "vaditajs", "administrator": "admin",
}


def pytest_configure(config):
    global PG_URL
    if hasattr(config, "workerinput"):  # an xdist worker: the controller chose already
        return
    chosen = pg_server.choose()
    os.environ["DESK_TEST_PG_URL"] = PG_URL = chosen.url
    if chosen.stop is not None:
        _PG_STOP.append(chosen.stop)


def pytest_xdist_auto_num_workers(config):
    """``-n auto`` (pyproject's addopts): one worker more than the machine has cores, at most 4. Most of a UI
    test's time is spent asleep (Pilot waits for the app to go idle, the subprocess tests wait for a child), so
    on CI's 2 cores 3 workers finish the suite in about 5.5 min where 2 took 7.5."""
    return min(4, (os.cpu_count() or 1) + 1)


def pytest_unconfigure(config):
    while _PG_STOP:
        _PG_STOP.pop()()


def pytest_report_header(config):
    return f"PostgreSQL for the pg tests: {PG_URL}"


@pytest.fixture(autouse=True)
def _latvian_by_default():
    set_language("lv")
    yield
    set_language("lv")


@pytest.fixture
def fixed_clock():
    """22 November 2026, 10:00 in Riga; ``fixed_clock.advance(minutes=...)`` moves it."""
    fc = FixedClock(datetime(2026, 11, 22, 10, 0, tzinfo=RIGA))
    old = desk_clock.set_clock(fc)
    yield fc
    desk_clock.set_clock(old)


def _pg_schema_url(schema: str) -> str:
    return pg_server.with_options(PG_URL, f"-csearch_path%3D{schema}")


@contextmanager
def statements_sent(store):
    """Every statement ``store``'s engine sends inside the block, whitespace folded: a list, filled as it runs."""
    from sqlalchemy import event

    sent: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        sent.append(" ".join(statement.split()))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)


@contextmanager
def fresh_pg_schema():
    """The URL of a new schema of the test database, dropped on leaving (one store per schema)."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _pg_schema_url(schema)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def pg_url():
    """A fresh PostgreSQL schema for one test; dropped afterwards."""
    with fresh_pg_schema() as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'desk.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def store_url(request, tmp_path):
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'desk.db'}"
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """An empty SQLite store at the head revision, built by the migrations once per test session; each
    test's SQLite store starts as a copy of it (the migrations from empty are tested on their own in
    tests/test_store.py)."""
    from desk.store import open_store

    path = tmp_path_factory.mktemp("template") / "desk.db"
    open_store(path).dispose()
    return path


def copy_template(template, target) -> None:
    """A store of its own from the template: a copy with a new identity, as a store made by the
    migrations has. The copies would otherwise share one, and with it the file of signed checkpoints
    outside the store (desk.services.audit.checkpoint_file): one test's checkpoints would be another's
    "rewritten" trail when the two run in the same worker."""
    import sqlite3
    from contextlib import closing

    shutil.copyfile(template, target)
    with closing(sqlite3.connect(target)) as conn, conn:
        conn.execute("UPDATE store_identity SET id = ?", (str(uuid.uuid4()),))


def _open(url, template=None):
    from desk.store import is_sqlite, open_store

    if template is not None and is_sqlite(url):
        target = Path(url.removeprefix("sqlite:///"))
        if not target.exists():
            copy_template(template, target)
    return open_store(url)


@pytest.fixture
def store(store_url, sqlite_template):
    s = _open(store_url, sqlite_template)
    yield s
    s.dispose()


@pytest.fixture
def sqlite_store(sqlite_url, sqlite_template):
    s = _open(sqlite_url, sqlite_template)
    yield s
    s.dispose()


def populate(store) -> dict:
    """Reference data and one officer per role (all in office RIG-CEN, plus a second asylum officer)."""
    from desk.services import auth
    from seed.reference import load_reference

    with store.uow() as uow:
        load_reference(uow.session)
        for role, username in ROLE_USERS.items():
            auth.create_officer(uow, None, username=username, full_name=f"{username.title()} Demo",
                                office_code="RIG-CEN", roles=role, password=PASSWORD, bootstrap=True)
        auth.create_officer(uow, None, username="patverums2", full_name="Otra Patvēruma", office_code="RIG-CEN",
                            roles="asylum", password=PASSWORD, bootstrap=True)
    actors = {}
    with store.uow() as uow:
        for role, username in ROLE_USERS.items():
            actors[role] = auth.login(uow, username, PASSWORD)
        actors["asylum2"] = auth.login(uow, "patverums2", PASSWORD)
    return actors


@pytest.fixture
def actors(store):
    return populate(store)


@pytest.fixture
def sqlite_actors(sqlite_store):
    return populate(sqlite_store)
