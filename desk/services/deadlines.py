"""Deadlines: recomputed from the rules on every event and stored with their explanation.

``recompute`` builds the case kind's facts from the detail row, asks ``desk.rules.<kind>.deadlines``
what is due, and replaces the case's ``Deadline`` rows (rule, article, anchor event and date, due date,
state, consequence, note). The rules are the only place that knows a period; each kind's module in
``desk.services.kinds`` maps its stored columns to the rules' facts.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam, delete, func, insert, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import select

from desk.rules.common import DeadlineState
from desk.services.kinds import adapter, detail_of
from models import Case, Deadline


def facts_for(uow, case: Case, detail=None):
    """The rules' facts for ``case``, built by its kind (``desk.services.kinds``)."""
    if detail is None:
        detail = detail_of(uow, case)
    return adapter(case.kind).facts(uow, case, detail)


# --- storing ------------------------------------------------------------------------------------------------


def _values(case_id: int, d, now) -> dict:
    return dict(
        case_id=case_id, rule_id=d.rule_id, article=d.article, title_key=d.rule.title_key,
        anchor_event_key=d.anchor_event_key, anchor_date=d.anchor_date, due_on=d.due, state=str(d.state),
        done_on=d.done_on, consequence_key=d.consequence_key, note_key=d.note_key, verified=d.rule.verified,
        computed_at=now,
    )


def _row(case_id: int, d, now) -> Deadline:
    return Deadline(**_values(case_id, d, now))


def compute(uow, case: Case, detail=None) -> list:
    """The rules' ComputedDeadline list for ``case`` today (nothing stored)."""
    return list(adapter(case.kind).rules.deadlines(facts_for(uow, case, detail), uow.clock.today()))


# a deadline still to act on: open, or missed and not yet done (the stored codes: plain strings for any driver)
PENDING_STATES = (DeadlineState.OPEN.value, DeadlineState.MISSED.value)


def next_due_of(rows) -> date | None:
    """The case's most pressing deadline among ``rows`` (stored ``Deadline`` rows or plain dicts with
    ``due_on``/``state``/``done_on``): the earliest still open, or missed and not done. A missed reply or
    transfer is the first thing the officer must see, so overdue cases lead the worklist."""
    dues = []
    for row in rows:
        get = row.get if isinstance(row, dict) else row.__getattribute__
        if get("state") in PENDING_STATES and get("done_on") is None:
            dues.append(get("due_on"))
    return min(dues) if dues else None


def _set_next_due(uow, case: Case, value: date | None) -> None:
    if case.next_due != value:
        uow.session.execute(update(Case).where(Case.id == case.id).values(next_due=value)
                            .execution_options(synchronize_session=False))
    set_committed_value(case, "next_due", value)


def recompute(uow, case: Case, detail=None) -> list[Deadline]:
    """Replace the case's deadline rows with what the rules say today, and the case's stored next due
    date (``Case.next_due``, the worklist's order) with the earliest of them still to act on."""
    computed = compute(uow, case, detail)
    uow.session.execute(delete(Deadline).where(Deadline.case_id == case.id))
    now = uow.clock.now()
    rows = [_row(case.id, d, now) for d in computed]
    for row in rows:
        uow.session.add(row)
    uow.session.flush()
    _set_next_due(uow, case, next_due_of(rows))
    return rows


def recompute_after_event(uow, case: Case, detail=None) -> None:
    """``recompute`` after a registration or an event: at once, or - in a ``uow.batched()`` block (an
    import) - once per case at the end of the block, after the case's last event (``_recompute_all``)."""
    batch = getattr(uow, "batch", None)
    if batch is None:
        recompute(uow, case, detail)
    else:
        batch.add("deadlines", _recompute_all, (case, detail), key=case.id)


def _recompute_all(uow, items: list[tuple]) -> None:
    """``recompute`` of every (case, detail) in three statements: one DELETE of their deadline rows, one
    INSERT of the new rows, one UPDATE of the next due dates that changed; the same rows ``recompute``
    writes case by case (but for their ids)."""
    session = uow.session
    session.flush()
    now = uow.clock.now()
    rows, moved = [], []
    for case, detail in items:
        computed = compute(uow, case, detail)
        mine = [_values(case.id, d, now) for d in computed]
        rows += mine
        value = next_due_of(mine)
        if case.next_due != value:
            moved.append({"b_id": case.id, "b_next_due": value})
        set_committed_value(case, "next_due", value)
    session.execute(delete(Deadline).where(Deadline.case_id.in_([case.id for case, _d in items]))
                    .execution_options(synchronize_session=False))
    if rows:
        session.execute(insert(Deadline.__table__), rows)
    if moved:
        table = Case.__table__
        session.connection().execute(update(table).where(table.c.id == bindparam("b_id"))
                                     .values(next_due=bindparam("b_next_due")), moved)


def pending_due(case_id_column):
    """``min(due_on)`` of a case's deadlines still to act on, correlated to ``case_id_column``: what
    ``Case.next_due`` holds (the tests and ``store_next_due`` compare and refill the column with it)."""
    return (select(func.min(Deadline.due_on))
            .where(Deadline.case_id == case_id_column, Deadline.state.in_(PENDING_STATES),
                   Deadline.done_on.is_(None))
            .scalar_subquery())


def store_next_due(conn) -> int:
    """Refill ``Case.next_due`` of every case from its stored deadline rows (``conn``: a Connection or a
    Session); for bulk loads that write deadline rows directly, and ``desk reindex``. Only rows that
    differ are written; returns how many."""
    wanted = pending_due(Case.id).correlate(Case)
    result = conn.execute(update(Case).where(Case.next_due.is_distinct_from(wanted))
                          .values(next_due=wanted).execution_options(synchronize_session=False))
    return int(result.rowcount or 0)


def stored(uow, case_id: int) -> list[Deadline]:
    return list(uow.session.exec(select(Deadline).where(Deadline.case_id == case_id)
                                 .order_by(Deadline.due_on, Deadline.id)).all())


def refresh_states(uow, today: date) -> int:
    """Flip open deadlines whose due day has passed to missed; returns how many (uses ix_deadline_state_due)."""
    result = uow.session.execute(
        update(Deadline).where(Deadline.state == DeadlineState.OPEN.value, Deadline.due_on < today)
        .values(state=DeadlineState.MISSED.value).execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)
