"""Deadlines: recomputed from the rules on every event and stored with their explanation.

``recompute`` builds the case kind's facts from the detail row, asks ``desk.rules.<kind>.deadlines``
what is due, and replaces the case's ``Deadline`` rows (rule, article, anchor event and date, due date,
state, consequence, note). The rules are the only place that knows a period; each kind's module in
``desk.services.kinds`` maps its stored columns to the rules' facts.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func, update
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


def _row(case_id: int, d, now) -> Deadline:
    return Deadline(
        case_id=case_id, rule_id=d.rule_id, article=d.article, title_key=d.rule.title_key,
        anchor_event_key=d.anchor_event_key, anchor_date=d.anchor_date, due_on=d.due, state=str(d.state),
        done_on=d.done_on, consequence_key=d.consequence_key, note_key=d.note_key, verified=d.rule.verified,
        computed_at=now,
    )


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
