"""Backups of an SQLite store, and restoring one, while the audit trail keeps count.

Backup: SQLite's online backup API (``sqlite3.Connection.backup``) on the engine's own raw connection,
copying every page in one step. That step runs inside one read transaction, so the copy is the store
as it was at one instant even while officers keep saving (WAL mode lets them write meanwhile). The
"store.backup" audit entry is written *before* the copy, so the backup contains the record of itself
and a store restored from it continues the same hash chain. PostgreSQL stores are backed up with
``pg_dump``; ``backup`` refuses them with that guidance (``ops.backup_postgresql``).

Restore: the backup is first copied to a scratch file next to the target and checked there: SQLite's
``PRAGMA integrity_check``, a schema revision this program knows, and the whole audit hash chain. Only
then is it written over the target, again with the backup API (which takes the target's write lock,
so an open WAL and its readers stay consistent), and "store.restore" is appended to the restored trail.

**Which store is newer** (a restore over a newer store is refused unless ``force``): the target is
newer than the backup when any of these is later in the target than in the backup:

1. its last audit entry (by id, then by time) - every change in desk writes one, so this is the rule
   that normally decides;
2. its schema revision (a migration ran after the backup was taken);
3. the latest ``updated_at`` of a case (a safety net for a change that bypassed the services).

A target with no store in it (missing or empty file) is never newer. A refused restore is audited in
the target store ("store.restore_refused"); nothing in it changes.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func
from sqlalchemy.engine import make_url
from sqlmodel import select

from desk.errors import DomainError, StoreError
from desk.services import audit
from desk.services.auth import Actor, Permission, require
from models import AuditEntry, Case

log = logging.getLogger(__name__)


class BackupError(StoreError):
    key = "ops.backup_failed"


class RestoreRefused(DomainError):
    """The target store has work the backup does not: restoring would lose it."""

    key = "ops.restore_newer"


@dataclass(frozen=True)
class StoreFacts:
    """What decides which of two stores is newer (see the module docstring)."""

    last_audit_id: int
    last_audit_at: datetime | None
    revision: str | None
    last_case_update: datetime | None
    audit_entries: int


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    bytes: int
    facts: StoreFacts


@dataclass(frozen=True)
class RestoreInfo:
    target: str
    facts: StoreFacts
    forced: bool
    overwrote_newer: bool
    audit_checked: int


# --- facts ------------------------------------------------------------------------------------------


def store_facts(store) -> StoreFacts:
    from desk.store import current_revision

    revision = current_revision(store.engine)
    with store.reader() as uow:
        last = uow.session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
        count = uow.session.exec(select(func.count()).select_from(AuditEntry)).one()
        case_update = uow.session.exec(select(func.max(Case.updated_at))).one()
    if isinstance(case_update, str):  # SQLite's max() loses the column type
        case_update = datetime.fromisoformat(case_update)
    if case_update is not None and case_update.tzinfo is None:
        from datetime import timezone

        case_update = case_update.replace(tzinfo=timezone.utc)
    return StoreFacts(last.id if last else 0, last.at if last else None, revision, case_update, count)


def _revision_rank(revision: str | None) -> int:
    """Position of ``revision`` in this program's migration history (-1 for none or unknown)."""
    if revision is None:
        return -1
    from alembic.script import ScriptDirectory

    from desk.store import _alembic_config

    order = [r.revision for r in ScriptDirectory.from_config(_alembic_config()).walk_revisions("base", "heads")]
    order.reverse()  # walk_revisions goes from head down
    return order.index(revision) if revision in order else -1


def newer_reasons(target: StoreFacts, backup: StoreFacts) -> list[str]:
    """Why ``target`` is newer than ``backup`` (empty: it is not)."""
    reasons = []
    if target.last_audit_id > backup.last_audit_id or (
        target.last_audit_at and backup.last_audit_at and target.last_audit_at > backup.last_audit_at
    ):
        reasons.append("audit")
    if _revision_rank(target.revision) > _revision_rank(backup.revision):
        reasons.append("revision")
    if target.last_case_update and (backup.last_case_update is None
                                    or target.last_case_update > backup.last_case_update):
        reasons.append("cases")
    return reasons


# --- backup -----------------------------------------------------------------------------------------


def _require_operator(uow, actor: Actor | None) -> None:
    """A backup or restore run by an officer needs the administrator's permission; ``None`` is the
    system (a scheduled job run by whoever may read the store's file anyway)."""
    if actor is not None:
        require(uow, actor, Permission.MANAGE_OFFICERS, operation="store.backup")


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("ops.not_a_file")
    return Path(database)


def backup(store, dest: str | os.PathLike, actor: Actor | None = None) -> BackupInfo:
    """Copy the SQLite store to ``dest`` (a new file, or one that is overwritten) while others work."""
    if not store.is_sqlite:
        raise BackupError("ops.backup_postgresql")
    dest = Path(dest).expanduser().resolve()
    if dest == _sqlite_path(store.url).resolve():
        raise BackupError("ops.backup_onto_itself")
    if dest.is_dir():
        raise BackupError("ops.backup_is_directory")
    dest.parent.mkdir(parents=True, exist_ok=True)
    with store.uow() as uow:
        _require_operator(uow, actor)
        audit.record(uow, actor, "store.backup", file=dest.name)
    scratch = Path(tempfile.mkstemp(prefix=".desk-backup-", suffix=".db", dir=dest.parent)[1])
    raw = store.engine.raw_connection()
    try:
        target = sqlite3.connect(scratch)
        try:
            raw.driver_connection.backup(target)  # pages=-1: all at once, one consistent snapshot
        finally:
            target.close()
        os.replace(scratch, dest)
    except (sqlite3.Error, OSError) as exc:
        log.error("backup failed: %s", type(exc).__name__)
        scratch.unlink(missing_ok=True)
        raise BackupError("ops.backup_failed") from exc
    finally:
        raw.close()
    facts = _facts_of_file(dest)
    return BackupInfo(dest, dest.stat().st_size, facts)


def _facts_of_file(path: Path) -> StoreFacts:
    from desk.store import open_store

    s = open_store(f"sqlite:///{path}", upgrade=False)
    try:
        return store_facts(s)
    finally:
        s.dispose()


# --- restore ----------------------------------------------------------------------------------------


def check_backup(path: Path) -> tuple[StoreFacts, int]:
    """Integrity, a known schema revision and the audit chain of an SQLite file; (facts, entries checked)."""
    from desk.store import open_store, sqlite_integrity_ok

    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            has_schema = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('audit_entry','alembic_version')"
            ).fetchone()[0] == 2
    except sqlite3.DatabaseError as exc:
        raise BackupError("ops.backup_unreadable") from exc
    if not ok:
        raise BackupError("ops.backup_corrupt")
    if not has_schema:
        raise BackupError("ops.backup_not_a_store")
    s = open_store(f"sqlite:///{path}", upgrade=False)
    try:
        if not sqlite_integrity_ok(s.engine):
            raise BackupError("ops.backup_corrupt")
        facts = store_facts(s)
        if _revision_rank(facts.revision) < 0:
            raise BackupError("ops.backup_unknown_revision", revision=str(facts.revision)[:40])
        with s.reader() as uow:
            report = audit.verify_chain(uow)
        if not report.ok:
            raise BackupError("ops.backup_chain_broken", id=report.first_bad_id)
        return facts, report.checked
    finally:
        s.dispose()


def target_facts(url: str) -> StoreFacts | None:
    """Facts of the store at ``url``, or None when there is no store there yet."""
    path = _sqlite_path(url)
    if not path.exists() or path.stat().st_size == 0:
        return None
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        if conn.execute("SELECT count(*) FROM sqlite_master WHERE name='audit_entry'").fetchone()[0] == 0:
            return None
    from desk.store import open_store

    s = open_store(url, upgrade=False)
    try:
        return store_facts(s)
    finally:
        s.dispose()


def restore(url: str, source: str | os.PathLike, *, force: bool = False, actor: Actor | None = None) -> RestoreInfo:
    """Replace the SQLite store at ``url`` by the backup ``source`` (see the module docstring)."""
    from desk.store import is_sqlite, open_store

    if not is_sqlite(url):
        raise BackupError("ops.restore_postgresql")
    source = Path(source).expanduser().resolve()
    target_path = _sqlite_path(url).resolve()
    if not source.is_file():
        raise BackupError("ops.backup_missing", file=source.name)
    if source == target_path:
        raise BackupError("ops.backup_onto_itself")
    target_path.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkstemp(prefix=".desk-restore-", suffix=".db", dir=target_path.parent)[1])
    try:
        try:
            with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
                    closing(sqlite3.connect(scratch)) as copy:
                src.backup(copy)
        except sqlite3.DatabaseError as exc:
            raise BackupError("ops.backup_unreadable") from exc
        facts, checked = check_backup(scratch)
        current = target_facts(url)
        reasons = newer_reasons(current, facts) if current is not None else []
        if current is not None:
            target_store = open_store(url, upgrade=False)
            try:
                with target_store.uow() as uow:
                    _require_operator(uow, actor)
                if reasons and not force:
                    with target_store.uow() as uow:
                        audit.record(uow, actor, "store.restore_refused", file=source.name, reasons=reasons)
                    from desk.i18n import t

                    raise RestoreRefused(reasons=", ".join(t(f"ops.reason.{r}") for r in reasons))
            finally:
                target_store.dispose()
        with closing(sqlite3.connect(scratch)) as copy, \
                closing(sqlite3.connect(target_path, timeout=30)) as target:
            copy.backup(target)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    restored = open_store(url)  # brings an older backup's schema up to this program's
    try:
        with restored.uow() as uow:
            audit.record(uow, actor, "store.restore", file=source.name, forced=bool(force and reasons),
                         over_newer=reasons, backup_last_audit_id=facts.last_audit_id)
    finally:
        restored.dispose()
    return RestoreInfo(str(target_path), facts, bool(force), bool(reasons), checked)
