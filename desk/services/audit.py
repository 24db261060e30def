"""The audit trail: who did or looked at what, when; append-only and hash-chained.

Each entry's hash is SHA-256 over its predecessor's hash and a canonical JSON of its own content, so
altering, removing or inserting an entry anywhere breaks the chain from there on; ``verify_chain``
names the first entry that does not fit. The store refuses UPDATE/DELETE on the table (triggers made by
the initial migration). Writers are serialised: SQLite write transactions start with BEGIN IMMEDIATE,
PostgreSQL takes a transaction-level advisory lock before reading the chain's last hash.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Iterator

from sqlalchemy import text
from sqlmodel import select

from models import AuditEntry

GENESIS = "0" * 64
_PG_AUDIT_LOCK = 0x6465736B  # "desk"


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    officer_username: str
    action: str
    case_id: int | None
    person_id: int | None
    detail: dict


def _jsonable(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    return str(value)


def canonical(detail: dict) -> str:
    return json.dumps(detail, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_jsonable)


def entry_hash(prev_hash: str, at: datetime, officer_id, officer_username, action, case_id, person_id, detail: str) -> str:
    content = json.dumps(
        [prev_hash, at.astimezone(timezone.utc).isoformat(timespec="microseconds"), officer_id,
         officer_username, action, case_id, person_id, detail],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def _last_hash(uow) -> str:
    session = uow.session
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
    last = session.execute(text("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1")).scalar()
    return last or GENESIS


def record(uow, actor, action: str, /, *, case_id: int | None = None, person_id: int | None = None,
           **detail) -> AuditEntry:
    """Append one entry for ``actor`` (an Actor, or None for the system) inside the caller's transaction."""
    at = uow.clock.now()
    officer_id = getattr(actor, "id", None)
    username = getattr(actor, "username", None) or "system"
    body = canonical(detail)
    prev = _last_hash(uow)
    entry = AuditEntry(
        at=at, officer_id=officer_id, officer_username=username, action=action, case_id=case_id,
        person_id=person_id, detail=body, prev_hash=prev,
        hash=entry_hash(prev, at, officer_id, username, action, case_id, person_id, body),
    )
    uow.session.add(entry)
    uow.session.flush()
    return entry


def diff(before: dict, after: dict) -> dict:
    """The fields that changed, as {"field": [before, after]}."""
    keys = sorted(set(before) | set(after))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str | None = None


def verify_chain(uow, batch: int = 5000) -> ChainReport:
    """Recompute every hash in id order; report the first entry that does not fit."""
    prev = GENESIS
    checked = 0
    last_id = 0
    while True:
        rows = uow.session.exec(
            select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
        ).all()
        if not rows:
            return ChainReport(ok=True, checked=checked)
        for e in rows:
            if e.prev_hash != prev:
                return ChainReport(False, checked, e.id, "prev_hash")
            expected = entry_hash(prev, e.at, e.officer_id, e.officer_username, e.action, e.case_id,
                                  e.person_id, e.detail)
            if expected != e.hash:
                return ChainReport(False, checked, e.id, "hash")
            prev = e.hash
            checked += 1
            last_id = e.id
        uow.session.expunge_all()


def entries(uow, *, case_id: int | None = None, officer_username: str | None = None,
            person_id: int | None = None, limit: int = 200, newest_first: bool = True) -> list[AuditView]:
    q = select(AuditEntry)
    if case_id is not None:
        q = q.where(AuditEntry.case_id == case_id)
    if person_id is not None:
        q = q.where(AuditEntry.person_id == person_id)
    if officer_username is not None:
        q = q.where(AuditEntry.officer_username == officer_username)
    q = q.order_by(AuditEntry.id.desc() if newest_first else AuditEntry.id).limit(limit)
    return [
        AuditView(e.id, e.at, e.officer_username, e.action, e.case_id, e.person_id, json.loads(e.detail))
        for e in uow.session.exec(q).all()
    ]


def iter_all(uow) -> Iterator[AuditView]:
    for e in uow.session.exec(select(AuditEntry).order_by(AuditEntry.id)):
        yield AuditView(e.id, e.at, e.officer_username, e.action, e.case_id, e.person_id, json.loads(e.detail))
