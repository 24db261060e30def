"""Recompute the deadlines of open cases under the rules this program knows (issue 12).

When the law desk counts by changes (AMMR Art. 75(d) counting, the Asylum Procedure Regulation, the
Return Directive re-read), deadlines already stored were computed under the old reading. ``recompute_open``
walks the open cases in id order, in batches of one transaction each (an office keeps working while it
runs: no batch holds the store for long), recomputes each case's deadlines and next due date, and for each
case whose dates moved writes one audit entry ``case.deadlines.recompute`` naming every deadline that moved,
from which day to which, and why (``reason``, a catalogue key). The case's history shows that entry.

Running it twice changes nothing the second time: only moved dates are written to the history.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import select

from desk.services import audit
from desk.services.deadlines import recompute
from models import Case, Deadline

REASON_LAW_2026 = "rules.recompute.law_2026"  # the catalogue's words for "why"
BATCH = 500


@dataclass
class RecomputeResult:
    cases: int = 0  # open cases looked at
    moved: int = 0  # cases with at least one date that moved (each has a history entry)
    by_rule: dict[str, int] = field(default_factory=dict)  # rule id -> deadlines moved


def _snapshot(rows) -> dict[str, tuple]:
    return {r.rule_id: (r.title_key, r.due_on.isoformat()) for r in rows}


def recompute_case(uow, case: Case, *, reason: str = REASON_LAW_2026, dry_run: bool = False) -> list[list]:
    """Recompute one case; return the moves ``[rule id, title key, old due or None, new due or None]`` and,
    unless ``dry_run``, store them with an audit entry."""
    before = _snapshot(uow.session.exec(select(Deadline).where(Deadline.case_id == case.id)).all())
    if dry_run:
        from desk.services.deadlines import compute

        after = {d.rule_id: (d.rule.title_key, d.due.isoformat()) for d in compute(uow, case)}
    else:
        after = _snapshot(recompute(uow, case))
    moves = []
    for rule_id in sorted(set(before) | set(after)):
        old, new = before.get(rule_id), after.get(rule_id)
        if old is None or new is None or old[1] != new[1]:
            title = (new or old)[0]
            moves.append([rule_id, title, old[1] if old else None, new[1] if new else None])
    if moves and not dry_run:
        audit.record(uow, None, "case.deadlines.recompute", case_id=case.id, reason=reason, moved=moves)
    return moves


def recompute_open(store, *, kind: str | None = None, reason: str = REASON_LAW_2026, dry_run: bool = False,
                   batch: int = BATCH, progress=None) -> RecomputeResult:
    """Every open case (``closed_on`` empty), ``batch`` cases per transaction."""
    result = RecomputeResult()
    last_id = 0
    while True:
        with store.uow() as uow:
            query = select(Case).where(Case.closed_on.is_(None), Case.id > last_id)
            if kind:
                query = query.where(Case.kind == kind)
            cases = uow.session.exec(query.order_by(Case.id).limit(batch)).all()
            if not cases:
                break
            for case in cases:
                moves = recompute_case(uow, case, reason=reason, dry_run=dry_run)
                result.cases += 1
                if moves:
                    result.moved += 1
                    for rule_id, *_rest in moves:
                        result.by_rule[rule_id] = result.by_rule.get(rule_id, 0) + 1
            last_id = cases[-1].id
        if progress is not None:
            progress(result)
    return result
