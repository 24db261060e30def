"""Primitives every case kind shares: numbering, opening a case, and the optimistic lock.

Case numbers are ``PREFIX-YEAR-NNNNNN`` per kind and year, drawn from ``case_counter`` inside the
registering transaction; the counter only counts up, so a number is never reused.
"""
from __future__ import annotations

import sqlite3
from datetime import timezone
from functools import lru_cache

from sqlalchemy import bindparam, text, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import select

from desk.errors import ConflictError, NotFound
from desk.clock import riga
from models import Case, CaseCounter, CaseKind, Officer


def format_number(kind: str, year: int, seq: int) -> str:
    return f"{CaseKind(kind).prefix}-{year}-{seq:06d}"


_NEXT_SEQ = text(
    "INSERT INTO case_counter (kind, year, last_seq) VALUES (:k, :y, 1) "
    "ON CONFLICT (kind, year) DO UPDATE SET last_seq = case_counter.last_seq + 1 RETURNING last_seq")
# SQLite has UPSERT since 3.24 and RETURNING since 3.35; an older library takes the counter row through the
# session (a read of it, then a flush of its UPDATE; the write transaction holds the lock: BEGIN IMMEDIATE)
_SQLITE_UPSERT_RETURNING = sqlite3.sqlite_version_info >= (3, 35)


def next_number(uow, kind: str, year: int) -> tuple[str, int]:
    """The next number of ``kind`` in ``year``, in one statement (issue 17: the session's read and flush
    of the counter row were a tenth of an import line's registration)."""
    session = uow.session
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql" or _SQLITE_UPSERT_RETURNING:
        seq = session.execute(_NEXT_SEQ, {"k": kind, "y": year}).scalar_one()
    else:
        counter = session.get(CaseCounter, (kind, year))
        if counter is None:
            counter = CaseCounter(kind=kind, year=year, last_seq=0)
        counter.last_seq += 1
        session.add(counter)
        session.flush()
        seq = counter.last_seq
    return format_number(kind, year, seq), seq


def open_case(uow, actor, *, kind: str, person_id: int, status: str, opened_on, office_id: int | None = None,
              owner_id: int | None = None) -> Case:
    number, seq = next_number(uow, kind, opened_on.year)
    now = uow.clock.now()
    case = Case(number=number, kind=kind, year=opened_on.year, seq=seq, status=status, person_id=person_id,
                office_id=office_id if office_id is not None else actor.office_id,
                owner_id=owner_id if owner_id is not None else getattr(actor, "id", None),
                opened_on=opened_on, created_at=now, updated_at=now, updated_by_id=getattr(actor, "id", None))
    uow.add_now(case)  # written at once, without a flush (issue 17)
    return case


MAX_ID = 2**63 - 1  # the largest key either store holds (SQLite INTEGER, PostgreSQL BIGINT)


def is_record_id(value) -> bool:
    """A key the store could hold: a positive int (not a bool) that fits in 64 bits."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


def get_case(uow, case_id: int) -> Case:
    case = uow.session.get(Case, case_id) if is_record_id(case_id) else None
    if case is None:
        raise NotFound("error.case_not_found", number=str(case_id)[:24])
    return case


def case_by_number(uow, number: str) -> Case:
    case = uow.session.exec(select(Case).where(Case.number == number.strip().upper())).first()
    if case is None:
        raise NotFound("error.case_not_found", number=number.strip()[:24])
    return case


def conflict(uow, case: Case) -> ConflictError:
    """The refusal of a stale save, naming who changed the case and when: the time in Riga (HH:MM), and
    the day (DD.MM.YYYY) only when it was not today - "Changed by Anna Ozola at 10:42 — reload to see
    the change" (issue 14 point 10). ``officer`` and ``changed_at`` (aware, Riga) ride on the error too."""
    who = uow.session.get(Officer, case.updated_by_id) if case.updated_by_id else None
    at = riga(case.updated_at)
    name = who.full_name if who else "?"
    if at.date() == uow.clock.today():
        error = ConflictError(officer=name, at=at.strftime("%H:%M"))
    else:
        error = ConflictError("error.conflict_on", officer=name, on=at.strftime("%d.%m.%Y"), at=at.strftime("%H:%M"))
    error.changed_at = at
    return error


def ensure_current(uow, case: Case, expected_version: int | None) -> int:
    """The version the officer's copy was read at (``expected_version``, or the case's own for None);
    refused at once if the case has moved on since."""
    seen = case.version if expected_version is None else expected_version
    if case.version != seen:
        raise conflict(uow, case)
    return seen


@lru_cache(maxsize=32)
def _claim(columns: tuple[str, ...]):
    """``touch``'s UPDATE for a change of ``columns``, made once: building and caching a statement per
    event was a third of its cost (issue 17; once per import event)."""
    table = Case.__table__

    def param(name: str, column: str):
        return bindparam(name, type_=table.c[column].type)

    return (update(table).where(table.c.id == bindparam("case_id"), table.c.version == bindparam("seen"))
            .values(version=param("new_version", "version"), updated_at=param("now", "updated_at"),
                    updated_by_id=param("officer", "updated_by_id"),
                    **{column: param(f"new_{column}", column) for column in columns}))


def touch(uow, actor, case: Case, expected_version: int | None, **changes) -> Case:
    """Claim the right to change ``case`` and write ``changes`` (its own columns: status, closed_on,
    owner_id) with it: refuse if the officer's copy (``expected_version``) is stale.

    The UPDATE carries ``WHERE version = :seen``, so two officers saving at the same moment cannot
    both win even if both read the same version: the second one's UPDATE matches no row. The version,
    the time, the officer and the changes are one statement (issue 17: an event was two UPDATEs of the
    case, the claim and then its status through the session).
    """
    seen = ensure_current(uow, case, expected_version)
    now = uow.clock.now()
    officer = getattr(actor, "id", None)
    # a Core UPDATE on the session's connection, after the flush the session's own statement made: the
    # ORM's bulk-update handling cost three times the statement itself (issue 17; once per import event)
    uow.session.flush()
    result = uow.session.connection().execute(
        _claim(tuple(changes)), {"case_id": case.id, "seen": seen, "new_version": seen + 1, "now": now,
                                 "officer": officer, **{f"new_{column}": v for column, v in changes.items()}})
    if result.rowcount != 1:
        uow.session.expire(case)
        raise conflict(uow, uow.session.get(Case, case.id))
    # the row is now the officer's copy with these columns changed (the version matched, so no one
    # changed it since, and from here on the row is locked by this transaction): set them as stored
    # instead of reading the row back (a SELECT per action; per event line of an import)
    set_committed_value(case, "version", seen + 1)
    set_committed_value(case, "updated_at", now.astimezone(timezone.utc))  # as UTCDateTime reads it back
    set_committed_value(case, "updated_by_id", officer)
    for column, value in changes.items():
        set_committed_value(case, column, value)
    return case
