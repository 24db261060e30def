"""Deadlines: recomputed from the rules on every event and stored with their explanation.

``recompute`` builds the case kind's facts from the detail row, asks ``desk.rules.<kind>.deadlines``
what is due, and replaces the case's ``Deadline`` rows (rule, article, anchor event and date, due date,
state, consequence, note). The rules are the only place that knows a period; each kind's module in
``desk.services.kinds`` maps its stored columns to the rules' facts.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import delete, update
from sqlmodel import select

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


def recompute(uow, case: Case, detail=None) -> list[Deadline]:
    """Replace the case's deadline rows with what the rules say today."""
    computed = compute(uow, case, detail)
    uow.session.execute(delete(Deadline).where(Deadline.case_id == case.id))
    now = uow.clock.now()
    rows = [_row(case.id, d, now) for d in computed]
    for row in rows:
        uow.session.add(row)
    uow.session.flush()
    return rows


def stored(uow, case_id: int) -> list[Deadline]:
    return list(uow.session.exec(select(Deadline).where(Deadline.case_id == case_id)
                                 .order_by(Deadline.due_on, Deadline.id)).all())


def refresh_states(uow, today: date) -> int:
    """Flip open deadlines whose due day has passed to missed; returns how many (uses ix_deadline_state_due)."""
    result = uow.session.execute(
        update(Deadline).where(Deadline.state == "open", Deadline.due_on < today)
        .values(state="missed").execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)
