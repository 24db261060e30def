"""The store: an engine from a URL, SQLite pragmas, schema migrations and the unit of work.

Nothing happens at import time. ``open_store(url)`` builds the engine, brings the schema up to date
with the Alembic migrations shipped in ``desk/migrations`` (refusing a store newer than this program)
and returns a ``Store`` whose ``uow()`` hands out units of work.

SQLite (the embedded default) runs in WAL mode with foreign keys on, a busy timeout and
``synchronous=NORMAL``. A unit of work that writes starts with ``BEGIN IMMEDIATE`` so that two officers
saving at once queue on the busy timeout instead of failing half-way with "database is locked".
PostgreSQL (``postgresql+psycopg://...``) runs the same code.
"""
from __future__ import annotations

import logging
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from pathlib import Path

from sqlalchemy import event, inspect, text
from sqlalchemy import bindparam
from sqlalchemy import insert as sa_insert
from sqlalchemy import update as sa_update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, create_engine

from desk import clock as _clock
from desk.errors import StoreError
from desk.places import default_path, demo_store_path
from desk.private import narrow, private_dir

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 30_000  # patient work (an import, a recompute) waits this long for the store
INTERACTIVE_WAIT_MS = 2_000  # while long work runs, an officer's save waits at most this long, then is told
MIGRATIONS = Path(__file__).with_name("migrations")


class StoreTooNew(StoreError):
    key = "store.too_new"


SQLITE_HEADER = b"SQLite format 3\x00"


def check_target(url: str, *, create: bool) -> None:
    """Refuse, before anything is opened or written, a URL that is not a store: an unknown scheme, a
    file that is not an SQLite database (a text file, /etc/passwd), a directory, or - unless ``create``
    (``desk init``, ``desk seed``) - a store file that does not exist yet: a mistyped ``--db`` must not
    quietly make a new empty store and show the officer an empty desk."""
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except Exception:
        raise StoreError("store.bad_url") from None
    if backend == "postgresql":
        return
    if backend != "sqlite":
        raise StoreError("store.bad_url")
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return  # in-memory or an SQLite URI (e.g. mode=ro): SQLite itself decides
    path = Path(database)
    if path.is_dir() or (path.exists() and not path.is_file()):
        raise StoreError("store.not_a_store")
    if not path.exists():
        if create:
            return
        raise StoreError("store.missing")
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError:
        raise StoreError("store.cannot_open") from None
    if head != SQLITE_HEADER and not (head == b"" and create):
        raise StoreError("store.not_a_store")


def resolve_url(db: str | os.PathLike | None = None, *, create: bool = False) -> str:
    """``--db`` (a path or a URL) wins, then ``DESK_DATABASE_URL``, then the user's store in their data
    directory; when there is none but ``desk demo`` has made its store, the demo store (a newcomer's
    ``desk find ...`` after ``desk demo`` finds the demo's persons; the command line says which store it
    opened, ``falls_back_to_demo``)."""
    if db:
        db = str(db)
        return db if "://" in db else f"sqlite:///{Path(db).expanduser().resolve()}"
    env = os.environ.get("DESK_DATABASE_URL")
    if env:
        return env
    if not create and falls_back_to_demo():  # never for desk init / desk seed: they make the user's store
        return f"sqlite:///{demo_store_path()}"
    return f"sqlite:///{default_path()}"


def falls_back_to_demo(db: str | os.PathLike | None = None) -> bool:
    """No store was named, the user has no store of their own, and the demo store is there."""
    return (not db and not os.environ.get("DESK_DATABASE_URL") and not default_path().exists()
            and demo_store_path().exists())


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _private_store_file(path: Path) -> None:
    """The store file is 0600 from its first byte (SQLite gives its -wal and -shm files the store's
    mode); a store of ours made before this rule is narrowed when opened."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    elif path.stat().st_uid == os.getuid():
        for suffix in ("", "-wal", "-shm"):
            narrow(f"{path}{suffix}")


def make_engine(url: str) -> Engine:
    """``hide_parameters``: a failing statement's error text never carries the row's values (names,
    personal codes) into a log or onto the screen."""
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            private_dir(Path(database).parent)  # 0700: the store's directory is the owner's alone
            _private_store_file(Path(database))
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                               hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):
            options = conn.get_execution_options()
            short = options.get("desk_write") and not options.get("desk_patient") and _long_work_under_way(conn)
            conn.exec_driver_sql(f"PRAGMA busy_timeout={INTERACTIVE_WAIT_MS if short else BUSY_TIMEOUT_MS}")
            conn.exec_driver_sql(f"BEGIN {'IMMEDIATE' if options.get('desk_write') else 'DEFERRED'}")

        return engine
    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    event.listen(engine, "begin", _chain_lock_not_taken)
    event.listen(engine, "before_cursor_execute", _chain_lock_first)
    return engine


# One lock order for every writing transaction on PostgreSQL (issue 16 point 2): the audit chain's lock
# (every unit that writes appends an audit entry, which takes it) is taken before the transaction's first
# write, so a transaction never holds a row lock (a case counter, a case) while it waits for the chain,
# and no two can wait for each other in a circle. Reads take nothing: a read-only unit, or the read part of
# a writing one, runs beside every other officer's work. SQLite gets the same order from BEGIN IMMEDIATE.
WRITE_LOCK_KEY = 0x6465736B  # "desk": the audit chain's advisory lock (desk.services.audit)
# The lock is the pair (desk, the store's schema): an advisory lock belongs to the whole database, and two
# stores kept as schemas of one database (a training store beside the live one; each test's store) have
# two chains, so neither waits for the other's writers.
WRITE_LOCK_SQL = "SELECT pg_advisory_xact_lock(%s, hashtext(current_schema()))"
_WRITES = ("INSERT", "UPDATE", "DELETE", "MERGE")


def _long_work_under_way(conn) -> bool:
    """Long work (an import) is registered in store_activity: an officer's save then waits at most
    INTERACTIVE_WAIT_MS and is told whose work holds the store. Officers among themselves wait as long as
    BUSY_TIMEOUT_MS: their saves take milliseconds."""
    try:
        return conn.exec_driver_sql("SELECT 1 FROM store_activity LIMIT 1").first() is not None
    except DBAPIError:  # a store not migrated yet (the migrations themselves)
        return False


def _chain_lock_not_taken(conn) -> None:
    conn.info["desk_chain_locked"] = False
    options = conn.get_execution_options()
    if options.get("desk_write") and not options.get("desk_patient") and _long_work_under_way(conn):
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {INTERACTIVE_WAIT_MS}")  # then 55P03: busy


def _chain_lock_first(conn, cursor, statement, parameters, context, executemany) -> None:
    if conn.info.get("desk_chain_locked", True) or not conn.get_execution_options().get("desk_write"):
        return
    head = statement.lstrip()[:8].upper()
    if head.startswith(_WRITES) or (head.startswith("SELECT") and " FOR UPDATE" in statement.upper()):
        conn.info["desk_chain_locked"] = True
        cursor.execute(WRITE_LOCK_SQL, (WRITE_LOCK_KEY,))


def _alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def alembic_head() -> str:
    """Alembic's own head of the migration scripts (what ``head_revision`` must agree with)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    """This program's newest schema revision, read off the migration files' names (``NNNN_what.py``, one
    linear chain whose revision ids are the numbers; tests/test_store.py holds it to Alembic's own head), so
    that opening a store that is up to date - every start of every command - does not import Alembic."""
    return max(path.name[:4] for path in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


def _stored_revision(engine: Engine) -> str | None:
    """The store's schema revision as Alembic keeps it (None: a new store or not desk's)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> None:
    """Upgrade the schema to this program's head; refuse a store written by a newer program."""
    if _stored_revision(engine) == head_revision():
        return  # up to date: the common case, answered without Alembic (issue 17: start-up time)
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    current = current_revision(engine)
    if current is not None:
        try:
            script.get_revision(current)
        except Exception:
            raise StoreTooNew(revision=current) from None
        if current == script.get_current_head():
            return
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


LOOKUP_CONNECTIONS_KEPT = 4  # the search screen and the palette look up at once; more is never needed


RETRIES = 3
RETRY_PAUSE_S = 0.05
BUSY_ACTIVITIES = ("import",)  # long work with a sentence of its own (store.busy_<what>)
# PostgreSQL's SQLSTATEs for a transaction it broke off to let another go on: deadlock_detected,
# serialization_failure; SQLite's "database is locked" once busy_timeout has passed
_TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})


def _sqlstate(driver_error) -> str | None:
    """PostgreSQL's SQLSTATE of a driver's error (psycopg: ``sqlstate``, psycopg2: ``pgcode``); None for SQLite."""
    return getattr(driver_error, "sqlstate", None) or getattr(driver_error, "pgcode", None)


def _disk_full(exc: BaseException | None) -> bool:
    """The database could not write for want of space - SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100) -
    here or in what led to this error (SQLite undoes the transaction itself, so the next statement fails with
    "no such savepoint")."""
    seen = 0
    while exc is not None and seen < 8:
        orig = getattr(exc, "orig", exc)
        if _sqlstate(orig) == "53100" or "database or disk is full" in str(orig) or "No space left" in str(orig):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _busy(exc: DBAPIError) -> bool:
    """Another officer's long work holds the store: SQLite's "database is locked" after the busy wait,
    PostgreSQL's lock_not_available (55P03) after lock_timeout."""
    orig = exc.orig
    return _sqlstate(orig) == "55P03" or (isinstance(exc, OperationalError) and "database is locked" in str(orig))


def _transient(exc: DBAPIError) -> bool:
    return _sqlstate(exc.orig) in _TRANSIENT_SQLSTATES


class StoreBusy(StoreError):
    """The store stayed busy (another officer's long work) through every retry."""

    key = "store.busy"


@dataclass
class Store:
    url: str
    engine: Engine
    _lookup_free: list = field(default_factory=list, repr=False)
    retried: int = 0  # units of work ``run`` retried after a deadlock or serialisation failure

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def uow(self, *, write: bool = True, patient: bool = False) -> "UnitOfWork":
        return UnitOfWork(self, write=write, patient=patient)

    def run(self, fn, /, *args, write: bool = True, patient: bool = False, **kwargs):
        """``fn(uow, *args, **kwargs)`` in one unit of work, the whole unit retried (at most ``RETRIES``
        more times, after a short pause) when the database broke it off to resolve a deadlock or a
        serialisation conflict, so the officer never sees either; still busy after that, the officer is
        told the store is busy (``StoreBusy``), never shown a driver's error."""
        for attempt in range(RETRIES + 1):
            try:
                with UnitOfWork(self, write=write, patient=patient) as uow:
                    return fn(uow, *args, **kwargs)
            except DBAPIError as exc:
                if _busy(exc):  # waited INTERACTIVE_WAIT_MS already: tell the officer, and who is at work
                    raise self.busy() from None
                if not _transient(exc):
                    raise
                if attempt == RETRIES:
                    raise self.busy() from None
                self.retried += 1
                time.sleep(RETRY_PAUSE_S * (attempt + 1))

    def busy(self) -> "StoreBusy":
        """The store is busy: with the long work under way and whose it is, when it is known."""
        try:
            with self.engine.connect() as conn:
                row = conn.execute(text("SELECT what, officer_username FROM store_activity "
                                        "ORDER BY started_at DESC LIMIT 1")).first()
        except DBAPIError:
            row = None
        if row is None:
            return StoreBusy()
        return StoreBusy(f"store.busy_{row[0]}" if row[0] in BUSY_ACTIVITIES else "store.busy_with",
                         what=row[0], officer=row[1])

    def reader(self) -> "UnitOfWork":
        return UnitOfWork(self, write=False)

    def lookup(self) -> "Lookup":
        return Lookup(self)

    def seed_unfinished(self) -> bool:
        """A load (``desk seed``, the demo's build) began on this store and never finished."""
        return _seed_unfinished(self.engine)

    def dispose(self) -> None:
        while self._lookup_free:
            self._lookup_free.pop().close()
        self.engine.dispose()

    def _take_lookup_connection(self, *, fresh: bool = False):
        """(DBAPI connection, whether it was kept from an earlier lookup)."""
        if not fresh:
            try:
                return self._lookup_free.pop(), True  # list.pop and list.append are atomic: no lock needed
            except IndexError:
                pass
        proxied = self.engine.raw_connection()  # made with the engine's settings (the SQLite pragmas) ...
        dbapi = proxied.driver_connection
        proxied.detach()  # ... then the store's own, outside the pool
        if self.is_sqlite:
            dbapi.execute("PRAGMA query_only = ON")  # set once: switching it re-prepares every statement
        else:
            dbapi.autocommit = True
            dbapi.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        return dbapi, False

    def _give_back_lookup_connection(self, dbapi, *, healthy: bool) -> None:
        if healthy and len(self._lookup_free) < LOOKUP_CONNECTIONS_KEPT:
            self._lookup_free.append(dbapi)
        else:
            try:
                dbapi.close()
            except Exception:  # a connection that failed may fail to close as well; it is gone either way
                log.warning("a lookup connection did not close cleanly")


def open_store(db: str | os.PathLike | None = None, *, upgrade: bool = True, create: bool = True,
               allow_incomplete_seed: bool = False) -> Store:
    """``create=False`` (every command but ``desk init``/``seed``) refuses a store file that is not
    there yet (see ``check_target``). A store whose scale load never finished is refused
    (``store.seed_incomplete``) unless ``allow_incomplete_seed`` (for a look at what is there)."""
    url = resolve_url(db, create=create)
    check_target(url, create=create)
    try:
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError):
        raise StoreError("store.bad_url") from None
    except OSError:
        raise StoreError("store.cannot_open") from None
    if upgrade:
        try:
            migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        except DBAPIError as exc:  # OperationalError, DatabaseError ("file is not a database") ...
            engine.dispose()
            log.info("cannot open the store: %s", exc.__class__.__name__)  # the sentence says it
            raise StoreError("store.cannot_open") from exc
    if not allow_incomplete_seed and _seed_unfinished(engine):
        engine.dispose()
        raise StoreError("store.seed_incomplete")
    return Store(url=url, engine=engine)


def _seed_unfinished(engine: Engine) -> bool:
    """A scale load (``desk seed``) began on this store and never finished: its data is partial."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("seed_run"):
            return False  # not migrated (upgrade=False on an old store)
        return conn.execute(text("SELECT 1 FROM seed_run WHERE finished_at IS NULL LIMIT 1")).first() is not None


class Batch:
    """Writes a unit of work may do once, at the end of a block, instead of as they come (issue 17): the
    services queue them by name with the function that writes them all (``UnitOfWork.batched``). A queue
    keyed by a name per item (a case id) keeps each key once, in the order first queued, with its latest
    item: "recompute this case's deadlines" asked after every event of a case is done once, after the
    last. Nothing here knows what is queued; the services do (desk.services.audit, .deadlines)."""

    def __init__(self):
        self._queues: dict[str, tuple] = {}  # name -> (writer, dict key -> item); in the order first queued

    def add(self, name: str, writer, item, key=None) -> None:
        """Queue ``item`` for ``writer(uow, items)``; with a ``key``, a later item of the same key replaces it."""
        queue = self._queues.setdefault(name, (writer, {}))[1]
        if key is None:
            key = ("item", len(queue))
        else:
            queue.pop(key, None)  # the latest item, in the place of the latest request
        queue[key] = item

    def flush(self, uow) -> None:
        while self._queues:  # a writer may queue more (an audit entry of a recompute): written in turn
            name = next(iter(self._queues))
            writer, queue = self._queues.pop(name)
            if queue:
                writer(uow, list(queue.values()))

    def discard(self) -> None:
        self._queues.clear()


class UnitOfWork:
    """One transaction: ``with store.uow() as uow: ...`` commits on success and rolls back on any error.

    ``uow.session`` is the SQLModel session; ``uow.clock`` the clock; ``uow.after_rollback`` a list of
    callables run in fresh transactions after a rollback (used to audit a refused action).

    Why desk commits on a clean exit instead of cosmicpython's explicit ``uow.commit()`` in the service:

    - The caller owns the transaction, not the service. One ``with store.uow()`` is one thing the officer
      did: a screen's worker (``screens.base.ServiceCalls.call``), one ``desk`` command, or a whole import
      file. Services compose inside it (the importer runs ``casework.register`` and ``perform`` for every
      line, all or nothing), so a service that committed itself would save half of its caller's work.
    - In desk every refusal is an exception: a person's mistake is a domain error (STYLE: "nothing is
      half-saved"), a bug is any other error. No service returns normally from work it wants undone, the
      one case an explicit commit protects against; so leaving the ``with`` block without an exception is
      exactly "the use case succeeded", and anything raised, even after a flush, rolls everything back
      (tests/test_store.py shows it on SQLite and PostgreSQL).
    - The one deliberate exception is ``auth``: a login attempt is counted and committed whatever happens
      next in its unit (a brute-force counter must survive the refusal it causes).

    So a service never commits and never swallows its own failure; it raises. ``after_commit`` callables
    run only once the transaction is committed (files, never SQL).
    """

    def __init__(self, store: Store, *, write: bool = True, patient: bool = False):
        self.store = store
        self.write = write
        self.patient = patient  # long work (an import) that waits for the others as long as it must
        self.clock = _clock.clock()
        self.session: Session | None = None
        self.after_rollback: list = []
        self.after_commit: list = []  # callables run once the transaction is committed (files, never SQL)
        self.audit_later: list | None = None  # a read's audit entries, written after it (audit.read)
        self.verified_tokens: set[str] = set()  # sessions already found live in this unit (desk.services.auth)
        self.batch: Batch | None = None  # writes queued until the end of a ``batched()`` block

    @contextmanager
    def batched(self):
        """A block whose deadline recomputes and audit entries are written once, at its end (issue 17):
        the deadlines of each case it touched computed once, after its last event; its audit entries
        hashed into the chain in one pass and inserted in one statement - the same rows and the same
        hashes as written one by one. Leaving the block with an exception writes none of it (the caller
        rolls its savepoint or the unit back). Within the block nothing may read a queued write back
        (the deadlines of a case it touched, the chain's last entry); nested blocks belong to the outer one."""
        if self.batch is not None:
            yield self.batch
            return
        self.batch = batch = Batch()
        try:
            yield batch
            self.batch = None
            batch.flush(self)
        finally:
            self.batch = None
            batch.discard()

    def __enter__(self) -> "UnitOfWork":
        bind = (self.store.engine.execution_options(desk_write=True, desk_patient=self.patient) if self.write
                else self.store.engine)
        self.session = Session(bind=bind, expire_on_commit=False, autoflush=True)
        if self.write and not self.store.is_sqlite:
            self.session.connection()
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        assert self.session is not None
        try:
            if exc_type is None:
                self.session.commit()
                hooks, self.after_commit = self.after_commit, []
                for hook in hooks:
                    hook()
            else:
                try:
                    self.session.rollback()
                except DBAPIError as again:  # the database already undid it (a full disk): the first error
                    log.warning("rollback after %s failed too: %s", exc_type.__name__, again.__class__.__name__)
        except DBAPIError as failed:
            if _disk_full(failed):  # nothing was saved; say so in a sentence, not a driver's error
                raise StoreError("store.disk_full") from None
            raise
        finally:
            self.session.close()
            self.session = None
        if exc_type is not None and issubclass(exc_type, DBAPIError):
            if _disk_full(exc):
                raise StoreError("store.disk_full") from None
            if _busy(exc):  # held up by long work past the wait: say so, and whose, not the driver's error
                raise self.store.busy() from None
        if exc_type is not None and self.after_rollback:
            hooks, self.after_rollback = self.after_rollback, []
            for hook in hooks:
                with UnitOfWork(self.store) as again:
                    hook(again)
        return False

    def flush(self) -> None:
        self.session.flush()

    def insert_unless_taken(self, table, values: dict) -> int | None:
        """One row into ``table`` (a model's ``__table__``) unless a unique index already holds its key:
        the new row's id, or None when an index refused it (``INSERT ... ON CONFLICT DO NOTHING``). No
        savepoint is needed to go on after the refusal, as it is after a failed INSERT (PostgreSQL aborts
        the transaction). The row is not in the session (``session.get`` reads it); column defaults apply."""
        return self._insert(_insert_or_nothing(self.dialect, table), values)

    def add_now(self, obj) -> None:
        """A new ORM object inserted at once and put in the session as if it had been read from the store:
        the ORM's flush of one object was 0.3-0.45 ms of every registration, a prepared Core INSERT is
        0.08 ms (issue 17). As a flush does, the model's ``before_insert`` listeners run first (derived
        columns: a person's name forms) and None values are left to the column defaults; those
        attributes are then read from the store when asked for. A refused row raises as a flush would."""
        self._add(obj, _insert_plain)

    def add_unless_taken(self, obj) -> bool:
        """``add_now`` unless a unique index already holds the object's key (``insert_unless_taken``): True
        when added; False when refused, and the object is not in the session."""
        return self._add(obj, partial(_insert_or_nothing, self.dialect))

    def save_now(self, obj) -> None:
        """The changed columns of an object of the session written at once with one UPDATE by its key, a
        statement made once per set of columns, and noted as stored: the ORM's flush of one changed detail
        row was a quarter of an import event (issue 17). The model's ``before_update`` listeners run first,
        as a flush runs them. Nothing changed: nothing is sent."""
        state = inspect(obj)
        if not state.persistent:  # not yet written (or not the session's): the flush's own work
            self.session.flush()
            return
        if not state.committed_state:
            return
        mapper = state.mapper
        mapper.dispatch.before_update(mapper, self.session.connection(), state)  # as the flush calls them
        columns = [(attribute, column) for attribute, column in _own_columns(mapper)
                   if attribute in state.committed_state]
        params = {f"key_{c.key}": getattr(obj, mapper.get_property_by_column(c).key) for c in mapper.primary_key}
        params.update({f"new_{column.key}": getattr(obj, attribute) for attribute, column in columns})
        # the row is only this object's: the session's other pending changes are flushed when next needed
        result = self.session.connection().execute(
            _update_by_key(mapper.local_table, tuple(column for _, column in columns)), params)
        if result.rowcount != 1:  # as the flush says it: the row is not there
            raise StaleDataError(f"UPDATE of {mapper.local_table.name} matched {result.rowcount} rows")
        for attribute, _column in columns:
            set_committed_value(obj, attribute, getattr(obj, attribute))

    def _insert(self, statement, values: dict) -> int | None:
        self.session.flush()  # the session's own pending rows first: the new row may refer to them
        result = self.session.connection().execute(statement, values)
        if result.rowcount == 0:  # SQLite: nothing inserted (its last row id is then an older row's)
            return None
        key = result.inserted_primary_key  # PostgreSQL: None when its RETURNING brought no row back
        return key[0] if key is not None else None

    def _add(self, obj, statement_for) -> bool:
        state = inspect(obj)
        mapper = state.mapper
        mapper.dispatch.before_insert(mapper, self.session.connection(), state)  # as the flush calls them
        values, filled = {}, []
        for attribute, column in _own_columns(mapper):
            value = getattr(obj, attribute)
            if value is not None:
                values[column.key] = value
            elif column.default is not None or column.server_default is not None:
                filled.append(attribute)  # the store gives it a value: read when asked for
        key = mapper.primary_key[0].key
        new_id = self._insert(statement_for(mapper.local_table), values)
        if new_id is None:
            return False
        setattr(obj, key, new_id)
        make_transient_to_detached(obj)  # every attribute as given is now the row as stored
        self.session.add(obj)
        # and new in this transaction, as a flush's insert notes it (Session._register_altered): a rollback
        # of it (an import chunk's savepoint) takes the object out of the session with its row
        self.session._transaction._new[state] = True
        if filled:
            self.session.expire(obj, [a for a in filled if a != key])
        return True

    def execute(self, statement, params=None):
        return self.session.execute(statement, params or {})

    @property
    def dialect(self) -> str:
        return self.store.engine.dialect.name

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Plain SQL (``?`` placeholders) in this unit of work's transaction, after a flush so the
        unit's own unsaved changes are seen; rows as tuples. See ``Lookup``."""
        self.session.flush()
        dbapi = self.session.connection().connection.driver_connection
        return _run(dbapi, self.dialect, sql, params)


@lru_cache(maxsize=64)
def _own_columns(mapper) -> tuple:
    """(attribute, column) of every column of a mapped class's own table (what add_now inserts and
    save_now may update)."""
    return tuple((prop.key, prop.columns[0]) for prop in mapper.column_attrs
                 if prop.columns[0].table is mapper.local_table)


@lru_cache(maxsize=256)
def _update_by_key(table, columns: tuple):
    """``UPDATE table SET columns WHERE <primary key>``, bound as ``key_<column>`` and ``new_<column>``."""
    return (sa_update(table).where(*(c == bindparam(f"key_{c.key}", type_=c.type) for c in table.primary_key))
            .values({c.key: bindparam(f"new_{c.key}", type_=c.type) for c in columns}))


@lru_cache(maxsize=64)
def _insert_plain(table):
    return sa_insert(table)


@lru_cache(maxsize=64)
def _insert_or_nothing(dialect: str, table):
    """``INSERT INTO table ... ON CONFLICT DO NOTHING`` in the engine's own dialect (the PostgreSQL one is
    imported only where it is the engine: it brings asyncio with it)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing()


@lru_cache(maxsize=256)
def _for_dialect(sql: str, dialect: str) -> str:
    """``?`` placeholders as the driver wants them (psycopg: ``%s``, with a literal ``%`` doubled)."""
    if dialect == "sqlite":
        return sql
    return sql.replace("%", "%%").replace("?", "%s")


def _run(dbapi, dialect: str, sql: str, params: tuple) -> list[tuple]:
    if dialect == "sqlite":
        if date in map(type, params):  # sqlite3's date adapter is deprecated; dates are ISO text
            params = tuple(v.isoformat() if type(v) is date else v for v in params)
        return dbapi.execute(sql, params).fetchall()  # the cursor is freed when the rows are read
    cur = dbapi.cursor()
    try:
        cur.execute(_for_dialect(sql, dialect), params)
        return cur.fetchall()
    finally:
        cur.close()


class Lookup:
    """A read-only unit for lookups that must answer between two keystrokes (the search screen).

    ``with store.lookup() as look: look.rows(sql, params)``: plain SQL through the driver, rows as
    tuples - no session, no ORM, no statement compilation, no pool bookkeeping. A unit of work costs
    about 0.3 ms before its first row; this costs a few microseconds, which matters when the lookup
    itself (a case by its number, a person by personal code) takes SQLite some 20 microseconds.

    The connections are the store's own lookup connections, kept apart from the pool and switched to
    read-only once when they are made (SQLite ``PRAGMA query_only``, PostgreSQL read-only
    transactions), so nothing done through a lookup can write. They run in autocommit: each statement
    sees one consistent snapshot, so every line of the answer (a case joined to its person) is whole;
    the search needs no more than that. A connection that saw an error is closed, not reused; a kept
    PostgreSQL connection the server dropped meanwhile is replaced and the statement run again.
    """

    def __init__(self, store: Store):
        self.store = store
        self.dialect = store.engine.dialect.name
        self._dbapi = None
        self._kept = False  # the connection was kept from an earlier lookup (it may have gone stale)
        self.verified_tokens: set[str] = set()  # sessions already found live (desk.services.auth)

    def __enter__(self) -> "Lookup":
        self._dbapi, self._kept = self.store._take_lookup_connection()
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        dbapi, self._dbapi = self._dbapi, None
        self.store._give_back_lookup_connection(dbapi, healthy=exc_type is None)
        return False

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            return _run(self._dbapi, self.dialect, sql, params)
        except Exception:
            if not (self._kept and getattr(self._dbapi, "broken", False)):
                raise
        # A kept PostgreSQL connection whose server went away (a restart, an idle timeout): the pool
        # would have pinged it; here it is replaced once and the statement run again.
        log.warning("a kept lookup connection was broken; opening a new one")
        self.store._give_back_lookup_connection(self._dbapi, healthy=False)
        self._dbapi, self._kept = self.store._take_lookup_connection(fresh=True)
        return _run(self._dbapi, self.dialect, sql, params)


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()


def sqlite_integrity_ok(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
