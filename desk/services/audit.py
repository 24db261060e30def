"""The audit trail: who did or looked at what, when; append-only and hash-chained.

Each entry's hash is SHA-256 over its predecessor's hash and a canonical JSON of its own content, so
altering, removing or inserting an entry anywhere breaks the chain from there on; ``verify_chain``
names the first entry that does not fit. The store refuses UPDATE/DELETE on the table (triggers made by
the initial migration). Writers are serialised: SQLite write transactions start with BEGIN IMMEDIATE,
PostgreSQL takes a transaction-level advisory lock before reading the chain's last hash.
"""
from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Iterator

from sqlalchemy import func, insert, text
from sqlmodel import select

from desk.keys import keyed_hash
from desk.text import mask_personal_code
from desk.store import WRITE_LOCK_KEY, WRITE_LOCK_SQL
from models import AuditEntry

GENESIS = "0" * 64
_PG_AUDIT_LOCK = WRITE_LOCK_KEY  # desk.store takes it before a transaction's first write


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


def _last_entry(uow) -> tuple[int, str]:
    """(id, hash) of the chain's last entry, (0, GENESIS) for an empty chain; on PostgreSQL after taking
    the chain's lock (SQLite's write transaction holds the store's only write lock already)."""
    session = uow.session
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(WRITE_LOCK_SQL.replace("%s", ":k")), {"k": _PG_AUDIT_LOCK})
    last = session.execute(text("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")).first()
    return (last[0], last[1]) if last else (0, GENESIS)


# --- what the trail may hold of a person (issue 15 point 6) ----------------------------------------
#
# The trail is append-only and hash-chained: what goes in stays for as long as the trail is kept and
# cannot be corrected or erased. So an entry names persons by id (its person_id column, person ids in its
# detail) and never holds a personal code, a document number or a name in clear: whatever a caller
# passes under these keys, at any depth of the detail, is masked before it is hashed. A personal code
# keeps its birth-date half (DDMMYY-*****, as on paper), a document number its first two characters, a
# date of birth its year, a name becomes a keyed tag (the same name gives the same tag, so a change is
# still seen as a change, but the name cannot be read back without the key outside the store). See
# docs/privacy.md.

PERSONAL_CODE_KEYS = frozenset({"personal_code", "inviter_code"})
DOCUMENT_KEYS = frozenset({"document_number", "number_norm", "card_number", "document"})
NAME_KEYS = frozenset({"surname", "given_names", "original_name", "inviter_name", "also_known_as", "name_forms"})
BIRTH_DATE_KEYS = frozenset({"date_of_birth"})  # the year only: enough for a reader, not for a match
MASKED_KEYS = PERSONAL_CODE_KEYS | DOCUMENT_KEYS | NAME_KEYS | BIRTH_DATE_KEYS


def mask_document_number(number: str) -> str:
    text = str(number)
    return text[:2] + "*" * max(len(text) - 2, 3) if len(text) > 2 else "***"


def name_tag(name: str) -> str:
    return "~" + keyed_hash("audit.name", str(name), length=12)


def _masked(key: str, value):
    if value is None or value == "" or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple)) and key not in ("also_known_as",):
        return [_masked(key, v) for v in value]  # a diff's [before, after]
    if key in PERSONAL_CODE_KEYS:
        text = str(value)
        if "*" in text:
            return text  # masked already
        digits = "".join(ch for ch in text if ch.isdigit())
        return mask_personal_code(digits) if len(digits) == 11 else "***"
    if key in DOCUMENT_KEYS:
        return value if "*" in str(value) else mask_document_number(value)
    if key in NAME_KEYS:
        return value if str(value).startswith("~") else name_tag(value)
    if key in BIRTH_DATE_KEYS:
        text = value.isoformat() if isinstance(value, date) else str(value)
        return f"{text[:4]}-**-**"
    return value


def scrub(detail):
    """``detail`` with personal codes, document numbers and names masked wherever their keys appear."""
    if isinstance(detail, dict):
        return {k: (_masked(k, v) if k in MASKED_KEYS else scrub(v))
                for k, v in detail.items()}
    if isinstance(detail, (list, tuple)):
        return [scrub(v) for v in detail]
    return detail


def record(uow, actor, action: str, /, *, case_id: int | None = None, person_id: int | None = None,
           **detail) -> AuditEntry | None:
    """Append one entry for ``actor`` (an Actor, or None for the system) inside the caller's transaction;
    in a read (``audit.read``) the entry is kept and written right after it, in a short write of its own.
    Personal codes, document numbers and names in ``detail`` are masked first (``scrub``)."""
    later = getattr(uow, "audit_later", None)
    if later is not None:
        later.append((actor, action, case_id, person_id, detail))
        return None
    at = uow.clock.now()
    officer_id = getattr(actor, "id", None)
    username = getattr(actor, "username", None) or "system"
    body = canonical(scrub(detail))
    batch = getattr(uow, "batch", None)
    if batch is not None:  # chained and inserted with the block's other entries at its end (_append_all)
        batch.add("audit", _append_all, (actor, at, officer_id, username, action, case_id, person_id, body))
        return None
    _last_id, prev = _last_entry(uow)
    digest = entry_hash(prev, at, officer_id, username, action, case_id, person_id, body)
    entry = AuditEntry(
        at=at, officer_id=officer_id, officer_username=username, action=action, case_id=case_id,
        person_id=person_id, detail=body, prev_hash=prev, hash=digest, mac=entry_mac(digest),
    )
    uow.session.add(entry)
    uow.session.flush()
    if entry.id % CHECKPOINT_EVERY == 0:
        write_checkpoint(uow, actor, "every_n", head=entry)
    return entry


@dataclass(frozen=True)
class _Head:
    id: int
    hash: str


def _append_all(uow, entries: list[tuple]) -> None:
    """Extend the chain by ``entries`` in one pass (one read of the chain's last hash, one INSERT of them
    all): the hashes, MACs and checkpoints that appending them one by one with ``record`` gives."""
    last_id, prev = _last_entry(uow)
    rows = []
    for _actor, at, officer_id, username, action, case_id, person_id, body in entries:
        digest = entry_hash(prev, at, officer_id, username, action, case_id, person_id, body)
        rows.append({"at": at, "officer_id": officer_id, "officer_username": username, "action": action,
                     "case_id": case_id, "person_id": person_id, "detail": body, "prev_hash": prev,
                     "hash": digest, "mac": entry_mac(digest)})
        prev = digest
    table = AuditEntry.__table__
    if uow.session.get_bind().dialect.name == "sqlite":
        # the ids given, in one executemany: SQLite cannot promise RETURNING's order for several rows, so
        # asking for the ids back made SQLAlchemy send one INSERT per entry (issue 17: 3 per import line);
        # its write transaction holds the store's only write lock, so the next ids are the last one's
        ids = range(last_id + 1, last_id + 1 + len(rows))
        for entry_id, row in zip(ids, rows):
            row["id"] = entry_id
        uow.session.execute(insert(table), rows)
    else:
        ids = uow.session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                  rows).scalars().all()
    for entry_id, row, entry in zip(ids, rows, entries):
        if entry_id % CHECKPOINT_EVERY == 0:
            write_checkpoint(uow, entry[0], "every_n", head=_Head(entry_id, row["hash"]))


def read(store, fn, /, *args, **kwargs):
    """``fn(uow, *args, **kwargs)`` for a read that is audited (a case file opened, a person looked up):
    the reading runs in a read transaction, which holds up no other officer's save (issue 16 point 4), and
    the audit entries it makes are written right after it in one short write (``Store.run``: retried on a
    deadlock). If that write fails the result is not handed out: no read goes unrecorded."""
    with store.reader() as uow:
        uow.audit_later = []
        result = fn(uow, *args, **kwargs)
        entries = uow.audit_later
    if entries:
        store.run(_write_entries, entries)
    return result


def _write_entries(uow, entries) -> None:
    for actor, action, case_id, person_id, detail in entries:
        record(uow, actor, action, case_id=case_id, person_id=person_id, **detail)


# --- signatures and checkpoints (issue 15, point 5) ------------------------------------------------
#
# The hash chain alone proves nothing against whoever can write the store: they can re-hash it after
# an edit, append an entry, or cut the tail. So (1) every entry carries a MAC of its hash with a key
# kept outside the database (desk.keys); (2) a signed checkpoint (entry id, head hash) is written every
# CHECKPOINT_EVERY entries and at each shift end (logout), into the store's append-only
# audit_checkpoint table AND into a file next to the key (outside the store); a supervisor exports one
# with ``desk audit checkpoint --export FILE``. ``verify`` checks the chain, every MAC, every checkpoint
# it can find, and the append-only triggers, and says what it could not prove.

CHECKPOINT_EVERY = 500
GUARDS = {
    "sqlite": ("audit_entry_no_update", "audit_entry_no_delete", "audit_checkpoint_no_update",
               "audit_checkpoint_no_delete"),
    "postgresql": ("audit_entry_no_update", "audit_entry_no_truncate", "audit_checkpoint_no_update",
                   "audit_checkpoint_no_truncate"),
}


def entry_mac(digest: str) -> str:
    from desk.keys import sign

    return sign(f"entry\x00{digest}".encode())


def store_id(uow) -> str:
    return uow.session.execute(text("SELECT id FROM store_identity")).scalar() or ""


def _checkpoint_message(store: str, entry_id: int, head: str) -> bytes:
    return f"checkpoint\x00{store}\x00{entry_id}\x00{head}".encode()


def checkpoint_file(store: str):
    from desk.keys import key_path

    return key_path().parent / f"checkpoints-{store}.jsonl"


@dataclass(frozen=True)
class Checkpoint:
    store: str
    entry_id: int
    head: str
    at: str
    reason: str
    officer: str
    signature: str

    def as_json(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True)

    def signed(self) -> bool:
        from desk.keys import signature_ok

        return signature_ok(_checkpoint_message(self.store, self.entry_id, self.head), self.signature)


def write_checkpoint(uow, actor, reason: str, *, head: AuditEntry | _Head | None = None) -> Checkpoint | None:
    """Sign the chain's head now: a row in the store and, once committed, a line in the file outside it."""
    from desk.keys import sign
    from desk.private import open_private, private_dir
    from models import AuditCheckpoint

    if head is None:
        head = uow.session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
        if head is None:
            return None
    store = store_id(uow)
    username = getattr(actor, "username", None) or "system"
    at = uow.clock.now()
    signature = sign(_checkpoint_message(store, head.id, head.hash))
    uow.session.add(AuditCheckpoint(at=at, entry_id=head.id, head=head.hash, reason=reason,
                                    officer_username=username, signature=signature))
    cp = Checkpoint(store, head.id, head.hash, at.isoformat(), reason, username, signature)

    def keep_outside() -> None:
        path = checkpoint_file(store)
        try:
            private_dir(path.parent)
            with open_private(path, "a") as f:
                f.write(cp.as_json() + "\n")
        except OSError:  # the store still holds it; verify says when no outside anchor was found
            pass

    hooks = getattr(uow, "after_commit", None)
    if hooks is not None:
        hooks.append(keep_outside)
    return cp


def read_checkpoints(path) -> list[Checkpoint]:
    out = []
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        return out
    for line in lines:
        try:
            data = json.loads(line)
            out.append(Checkpoint(**{k: data[k] for k in Checkpoint.__dataclass_fields__}))
        except (ValueError, KeyError, TypeError):
            out.append(Checkpoint("", 0, "", "", "unreadable", "", ""))
    return out


@dataclass(frozen=True)
class Verdict:
    ok: bool
    checked: int
    problems: tuple[tuple, ...]   # (catalogue key, params) - what is wrong
    unproven: tuple[tuple, ...]   # (catalogue key, params) - what could not be proven


def verify(uow, *, exported: list | None = None) -> Verdict:
    """The whole check: chain, signatures, checkpoints (in the store, in the file outside it, and any
    exported ones given), append-only guards; and what remains unproven."""
    from models import AuditCheckpoint

    problems: list[tuple] = []
    unproven: list[tuple] = []
    chain = verify_chain(uow)
    if not chain.ok:
        problems.append(("audit.v.chain", {"id": chain.first_bad_id, "reason": chain.reason}))
    last = uow.session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    last_id = last.id if last else 0
    unsigned = uow.session.exec(select(func.count()).select_from(AuditEntry).where(AuditEntry.mac.is_(None))).one()
    if unsigned:
        unproven.append(("audit.v.unsigned", {"n": unsigned}))
    store = store_id(uow)
    inside = [Checkpoint(store, c.entry_id, c.head, c.at.isoformat(), c.reason, c.officer_username, c.signature)
              for c in uow.session.exec(select(AuditCheckpoint).order_by(AuditCheckpoint.id)).all()]
    outside = read_checkpoints(checkpoint_file(store)) + list(exported or [])
    anchored = 0
    for cp in inside + outside:
        if cp.store != store:
            problems.append(("audit.v.other_store", {"id": cp.entry_id}))
            continue
        if not cp.signed():
            problems.append(("audit.v.bad_checkpoint", {"id": cp.entry_id}))
            continue
        if cp.entry_id > last_id:
            problems.append(("audit.v.truncated", {"id": cp.entry_id, "last": last_id}))
            continue
        row = uow.session.get(AuditEntry, cp.entry_id)
        if row is None or row.hash != cp.head:
            problems.append(("audit.v.rewritten", {"id": cp.entry_id}))
            continue
        if cp in outside:
            anchored = max(anchored, cp.entry_id)
    if not outside:
        unproven.append(("audit.v.no_outside", {}))
    elif last_id > anchored:
        unproven.append(("audit.v.tail", {"n": last_id - anchored, "id": anchored}))
    missing = sorted(set(GUARDS.get(uow.session.get_bind().dialect.name, ())) - _triggers(uow))
    if missing:
        problems.append(("audit.v.guards", {"names": ", ".join(missing)}))
    problems = list(dict.fromkeys((k, tuple(sorted(p.items()))) for k, p in problems))  # once each
    return Verdict(not problems, chain.checked, tuple((k, dict(p)) for k, p in problems), tuple(unproven))


def _triggers(uow) -> set[str]:
    if uow.session.get_bind().dialect.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    else:
        sql = ("SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
               "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND n.nspname = current_schema()")
    return {r[0] for r in uow.session.execute(text(sql)).all()}


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
    signed_seen = False
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
            if e.mac is not None or signed_seen:  # once entries are signed, every later one must be
                if e.mac is None or not hmac.compare_digest(e.mac, entry_mac(e.hash)):
                    return ChainReport(False, checked, e.id, "signature")
                signed_seen = True
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
