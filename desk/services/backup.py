"""Backups of an SQLite store, and restoring one, while the audit trail keeps count.

Backup: SQLite's online backup API (``sqlite3.Connection.backup``) on the engine's own raw connection,
copying every page in one step. That step runs inside one read transaction, so the copy is the store
as it was at one instant even while officers keep saving (WAL mode lets them write meanwhile). The
"store.backup_started" audit entry is written *before* the copy, so the backup contains the record of
itself and a store restored from it continues the same hash chain; "store.backup" is written in the store
only once the copy is in place, "store.backup_failed" if it is not (issue 16 point 6: a failed or killed
backup is never recorded as a backup). PostgreSQL stores are backed up with
``pg_dump``; ``backup`` refuses them with that guidance (``ops.backup_postgresql``).

Restore: the backup is first copied to a scratch file next to the target and checked there: SQLite's
``PRAGMA integrity_check``, a schema revision this program knows, and the whole audit hash chain. Only
then is it written over the target, again with the backup API (which takes the target's write lock,
so an open WAL and its readers stay consistent), and "store.restore" is appended to the restored trail.

**Which store is newer** (a restore over a newer store is refused unless ``force``): the target is
newer than the backup when any of these is later in the target than in the backup:

1. its last audit entry that records work (by id, then by time) - every change in desk writes one, so
   this is the rule that normally decides; logins, logouts, backups, restores and refusals do not count
   (the officer who took the backup logging out does not make the store newer than it);
2. its schema revision (a migration ran after the backup was taken);
3. the latest ``updated_at`` of a case (a safety net for a change that bypassed the services).

A target with no store in it (missing or empty file) is never newer. A refused restore is audited in
the target store ("store.restore_refused"); nothing else in it changes.

**Who, and which store** (issue 15 points 3 and 8): backups and restores are done by a named officer who
logs in and holds ``Permission.BACKUP``, never an anonymous system. A restore refuses a backup of another
store (its ``store_identity`` UUID differs) unless ``other_store``, and refuses while other officers have
live sessions on the target (``desk user end-sessions`` ends a forgotten one). What the restore replaces
of the target's trail is not silently dropped: every replaced entry is written to a 0600 JSONL file next
to the store, the store.* entries among them (refused restores, earlier backups) are appended again to
the restored trail, and the "store.restore" entry names how many entries were replaced, their ids and
their head hash; then the restored head is signed (a "restore" checkpoint), the outside checkpoints that
signed replaced entries move to a file of their own, and every session copied with the backup ends.
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
from desk.private import open_private, private_dir
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
    # the last entry that records work (not a login, logout, backup, restore or refusal): a backup taken
    # and the officer logging out after it do not make the store "newer" than that backup
    last_work_id: int | None = None
    last_work_at: datetime | None = None


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
    replaced_entries: int = 0        # the target's entries the restore replaced (summarised in its trail)
    replaced_file: str | None = None  # where they were written (0600 JSONL next to the store)


# --- facts ------------------------------------------------------------------------------------------


def store_facts(store) -> StoreFacts:
    from desk.store import current_revision

    revision = current_revision(store.engine)
    with store.reader() as uow:
        last = uow.session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
        count = uow.session.exec(select(func.count()).select_from(AuditEntry)).one()
        case_update = uow.session.exec(select(func.max(Case.updated_at))).one()
        work = uow.session.exec(select(AuditEntry).where(*_WORK).order_by(AuditEntry.id.desc()).limit(1)).first()
    if isinstance(case_update, str):  # SQLite's max() loses the column type
        case_update = datetime.fromisoformat(case_update)
    if case_update is not None and case_update.tzinfo is None:
        from datetime import timezone

        case_update = case_update.replace(tzinfo=timezone.utc)
    return StoreFacts(last.id if last else 0, last.at if last else None, revision, case_update, count,
                      work.id if work else 0, work.at if work else None)


# entries that are not work on the store's data: sessions, operations, refusals
_WORK = (AuditEntry.action.not_like("auth.%"), AuditEntry.action.not_like("store.%"),
         AuditEntry.action.not_like("audit.%"), AuditEntry.action != "refused")


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
    if target.last_work_id is not None and backup.last_work_id is not None:
        t_id, t_at, b_id, b_at = target.last_work_id, target.last_work_at, backup.last_work_id, backup.last_work_at
    else:
        t_id, t_at, b_id, b_at = target.last_audit_id, target.last_audit_at, backup.last_audit_id, backup.last_audit_at
    if t_id > b_id or (t_at and b_at and t_at > b_at):
        reasons.append("audit")
    if _revision_rank(target.revision) > _revision_rank(backup.revision):
        reasons.append("revision")
    if target.last_case_update and (backup.last_case_update is None
                                    or target.last_case_update > backup.last_case_update):
        reasons.append("cases")
    return reasons


# --- backup -----------------------------------------------------------------------------------------


def _require_operator(uow, actor: Actor | None, operation: str = "store.backup") -> None:
    """A backup or restore is done by a named, logged-in officer with ``Permission.BACKUP``; never by
    an anonymous system (a scheduled backup logs in as the officer it runs for)."""
    require(uow, actor, Permission.BACKUP, operation=operation)


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("ops.not_a_file")
    return Path(database)


def backup(store, dest: str | os.PathLike, actor: Actor) -> BackupInfo:
    """Copy the SQLite store to ``dest`` (a new file, or one that is overwritten) while others work."""
    if not store.is_sqlite:
        raise BackupError("ops.backup_postgresql")
    dest = Path(dest).expanduser().resolve()
    if dest == _sqlite_path(store.url).resolve():
        raise BackupError("ops.backup_onto_itself")
    if dest.is_dir():
        raise BackupError("ops.backup_is_directory")
    private_dir(dest.parent)  # a directory desk makes is the owner's alone (0700); the copy is 0600 (mkstemp)
    with store.uow() as uow:
        _require_operator(uow, actor)
        # in the copy: it was begun here, so a store restored from it continues the same chain
        audit.record(uow, actor, "store.backup_started", file=dest.name)
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
        with store.uow() as uow:  # what happened: begun, failed - never recorded as a backup made
            audit.record(uow, actor, "store.backup_failed", file=dest.name, error=type(exc).__name__)
        raise BackupError("ops.backup_failed") from exc
    finally:
        raw.close()
    facts = _facts_of_file(dest)
    with store.uow() as uow:  # only a copy that is in place is a backup (a killed one stays "begun")
        audit.record(uow, actor, "store.backup", file=dest.name, bytes=dest.stat().st_size)
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


class RestoreOtherStore(RestoreRefused):
    """The backup is of another store (another office's): only with ``other_store``."""

    key = "ops.restore_other_store"


class RestoreSessionsLive(RestoreRefused):
    key = "ops.restore_sessions_live"


def _identity_of(s) -> str:
    with s.reader() as uow:
        return audit.store_id(uow)


@dataclass(frozen=True)
class _Dropped:
    """What of the target's trail the restore replaces: kept as a summary in the restored trail, its
    store.* entries (refused and earlier restores) re-appended, and every entry in a 0600 JSONL file."""

    entries: int
    first_id: int | None
    last_id: int | None
    head: str | None
    kept: tuple[dict, ...]  # store.* entries, re-appended to the restored trail
    file: str | None


def _drop_tail(target_store, after_id: int, target_path: Path, now: datetime) -> _Dropped:
    """The target's entries after ``after_id`` (all of them for another store's backup), written out."""
    kept: list[dict] = []
    n, first, last, head = 0, None, None, None
    out = target_path.with_name(f"{target_path.stem}-dropped-audit-{now.strftime('%Y%m%dT%H%M%S')}.jsonl")
    with target_store.reader() as uow:
        rows = uow.session.exec(select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id))
        f = None
        try:
            for e in rows:
                if f is None:
                    f = open_private(out, "w")
                line = {"id": e.id, "at": e.at.isoformat(), "officer": e.officer_username, "action": e.action,
                        "case_id": e.case_id, "person_id": e.person_id, "detail": e.detail, "hash": e.hash}
                f.write(audit.canonical(line) + "\n")
                n += 1
                first = first if first is not None else e.id
                last, head = e.id, e.hash
                if e.action.startswith("store."):
                    kept.append({"action": e.action, "id": e.id, "at": e.at.isoformat(),
                                 "officer": e.officer_username, "detail": e.detail})
        finally:
            if f is not None:
                f.close()
    return _Dropped(n, first, last, head, tuple(kept), out.name if n else None)


def restore(url: str, source: str | os.PathLike, officer: str, password: str, *, force: bool = False,
            other_store: bool = False) -> RestoreInfo:
    """Replace the SQLite store at ``url`` by the backup ``source`` (see the module docstring).

    ``officer`` logs in (with ``password``) on the target store, or, when there is none yet, on the
    checked copy of the backup; they need ``Permission.BACKUP``. Refused, and audited in the target:
    a newer target (unless ``force``), a backup of another store (unless ``other_store``), other
    officers' live sessions on the target. What the restore replaces of the target's trail is kept
    (``_Dropped``), and every session restored with the backup is ended."""
    from desk.services import auth
    from desk.store import is_sqlite, open_store

    if not is_sqlite(url):
        raise BackupError("ops.restore_postgresql")
    source = Path(source).expanduser().resolve()
    target_path = _sqlite_path(url).resolve()
    if not source.is_file():
        raise BackupError("ops.backup_missing", file=source.name)
    if source == target_path:
        raise BackupError("ops.backup_onto_itself")
    private_dir(target_path.parent)
    scratch = Path(tempfile.mkstemp(prefix=".desk-restore-", suffix=".db", dir=target_path.parent)[1])
    dropped: _Dropped | None = None
    same_store = True
    try:
        try:
            with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
                    closing(sqlite3.connect(scratch)) as copy:
                src.backup(copy)
        except sqlite3.DatabaseError as exc:
            if "full" in str(exc):  # no room for the checked copy: say so, not "this is no store"
                raise BackupError("ops.restore_disk_full") from exc
            raise BackupError("ops.backup_unreadable") from exc
        facts, checked = check_backup(scratch)
        current = target_facts(url)  # before this restore's own login writes to the target
        reasons = newer_reasons(current, facts) if current is not None else []
        copy_store = open_store(f"sqlite:///{scratch}", upgrade=False)
        try:
            backup_identity = _identity_of(copy_store)
            if current is None:  # no store here yet: the officer proves themselves on the backup itself
                with copy_store.uow() as uow:
                    actor = auth.login(uow, officer, password)
                with copy_store.uow() as uow:
                    _require_operator(uow, actor, "store.restore")
        finally:
            copy_store.dispose()
        if current is not None:
            target_store = open_store(url, upgrade=False)
            try:
                with target_store.uow() as uow:
                    actor = auth.login(uow, officer, password)
                with target_store.uow() as uow:
                    _require_operator(uow, actor, "store.restore")
                target_identity = _identity_of(target_store)
                same_store = target_identity == backup_identity
                with target_store.reader() as uow:
                    others = auth.live_sessions(uow, other_than=actor)
                refusal = None
                if others:
                    refusal = RestoreSessionsLive(n=others)
                elif not same_store and not other_store:
                    refusal = RestoreOtherStore()
                elif reasons and same_store and not force:
                    from desk.i18n import t

                    refusal = RestoreRefused(reasons=", ".join(t(f"ops.reason.{r}") for r in reasons))
                if refusal is not None:
                    with target_store.uow() as uow:
                        audit.record(uow, actor, "store.restore_refused", file=source.name, refusal=refusal.key,
                                     reasons=reasons, other_sessions=others, other_store=not same_store)
                        auth.end_session(uow, actor, "refused")  # the refused restore's own login ends
                    raise refusal
                with target_store.uow() as uow:
                    now = uow.clock.now()
                dropped = _drop_tail(target_store, facts.last_audit_id if same_store else 0, target_path, now)
            finally:
                target_store.dispose()
            if not same_store:
                reasons = []  # another store's trail is not "newer work" of this one: it is replaced whole
        if not target_path.exists():  # a new store file is 0600 from its first byte (SQLite uses the umask)
            open_private(target_path, "ab").close()
        with closing(sqlite3.connect(scratch)) as copy, \
                closing(sqlite3.connect(target_path, timeout=30)) as target:
            copy.backup(target)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    if dropped is not None and dropped.entries and same_store:
        _supersede_checkpoints(backup_identity, facts.last_audit_id, now)
    restored = open_store(url)  # brings an older backup's schema up to this program's
    try:
        with restored.uow() as uow:
            auth.end_all_sessions(uow, "restore")  # sessions copied with the backup are no one's now
            for entry in (dropped.kept if dropped else ()):
                audit.record(uow, actor, entry["action"], kept_from_replaced_trail=entry)
            audit.record(uow, actor, "store.restore", file=source.name, forced=bool(force and reasons),
                         over_newer=reasons, backup_last_audit_id=facts.last_audit_id,
                         other_store=bool(dropped is not None and other_store and not same_store),
                         replaced_trail=None if dropped is None or not dropped.entries else {
                             "entries": dropped.entries, "first_id": dropped.first_id, "last_id": dropped.last_id,
                             "head": dropped.head, "file": dropped.file})
            if dropped is not None and dropped.entries:
                audit.write_checkpoint(uow, actor, "restore")
    finally:
        restored.dispose()
    return RestoreInfo(str(target_path), facts, bool(force), bool(reasons), checked,
                       dropped.entries if dropped else 0, dropped.file if dropped else None)


def _supersede_checkpoints(identity: str, keep_upto: int, now: datetime) -> None:
    """The outside checkpoints past ``keep_upto`` signed entries this restore replaced: they move to a
    file of their own (kept, not deleted), so ``verify`` checks the restored chain against those that
    still describe it, and the "restore" checkpoint written next signs the new head."""
    path = audit.checkpoint_file(identity)
    if not path.exists():
        return
    points = audit.read_checkpoints(path)
    keep = [cp for cp in points if cp.entry_id <= keep_upto and cp.reason != "unreadable"]
    if len(keep) == len(points):
        return
    aside = path.with_name(f"{path.stem}.replaced-{now.strftime('%Y%m%dT%H%M%S')}.jsonl")
    with open_private(aside, "a") as f:
        f.write(path.read_text(encoding="utf-8"))
    with open_private(path, "w") as f:
        f.writelines(cp.as_json() + "\n" for cp in keep)
