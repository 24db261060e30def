"""The checks a report passes before a number is printed: the day's figures add up per kind
(``reconcile``) and, for today, the cases open by their dates are exactly those whose status is not
final (``reconcile_statuses``; the final statuses are each kind's, from its rules module)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlmodel import select

from desk.errors import DomainError
from desk.i18n import label
from desk.services.decisions import terminal as terminal_statuses
from desk.services.report.figures import KindFigures, Scope
from desk.services.report.queries import case_scope, counted, execute, scope_params
from models import Case


class ReconciliationFailed(DomainError):
    """The day's figures do not add up: nothing is written, the numbers are not printed."""

    key = "report.reconciliation_failed"


def reconcile(figures: tuple[KindFigures, ...]) -> None:
    """Open yesterday + registered - closed must equal open today for every kind; otherwise the store
    holds contradictory dates (a case closed before it was opened, a closing date moved...) and the
    report refuses to print numbers that do not add up."""
    for f in figures:
        expected = f.open_yesterday + f.registered - f.closed
        if expected != f.open_end_of_day:
            raise ReconciliationFailed(kind=label("kind", f.kind), open_yesterday=f.open_yesterday,
                                       registered=f.registered, closed=f.closed, open_today=f.open_end_of_day)


_STATUSES_OF_KIND = text("""
WITH RECURSIVE seen(status) AS (
    SELECT min(status) FROM case_file WHERE kind = :kind
    UNION ALL
    SELECT (SELECT min(c.status) FROM case_file c WHERE c.kind = :kind AND c.status > seen.status)
    FROM seen WHERE seen.status IS NOT NULL)
SELECT status FROM seen WHERE status IS NOT NULL""")


def _statuses_stored(uow, kind: str) -> list[str]:
    """Every status the store holds for ``kind``: one probe of the (kind, status) index per status (a
    loose index scan), not a walk through every case of the kind."""
    return [row[0] for row in execute(uow, _STATUSES_OF_KIND, {"kind": kind})]


def reconcile_statuses(uow, scope: Scope, day: date, figures: tuple[KindFigures, ...]) -> None:
    """For today, the cases open by their dates must be exactly the cases whose status is not final:
    a final status without a closing date (or a closing date on a live case) is refused too.

    Checked case by case rather than by counting the live cases of the whole store: a case opened by
    ``day`` that is open by its dates with a final status, or closed by its dates with a live one, is a
    contradiction; both are ranges of the (kind, status, closed_on) index. Only when one is found are
    the live cases counted, for the message."""
    for f in figures:
        terminal = sorted(terminal_statuses(f.kind))
        if not terminal:
            continue
        live = [s for s in _statuses_stored(uow, f.kind) if s not in terminal]

        def count(*conds) -> int:
            return int(execute(uow, select(counted(Case.opened_on <= day, *case_scope(scope)))
                               .select_from(Case).where(Case.kind == f.kind, *conds), scope_params(scope)).scalar_one())

        # two ranges of the index (an OR of them would walk every final case of the kind)
        final_but_open = (count(Case.status.in_(terminal), Case.closed_on.is_(None))
                          + count(Case.status.in_(terminal), Case.closed_on > day))
        live_but_closed = count(Case.status.in_(live), Case.closed_on <= day) if live else 0
        if final_but_open or live_but_closed:
            raise ReconciliationFailed("report.status_mismatch", kind=label("kind", f.kind),
                                       open_today=f.open_end_of_day,
                                       live=count(Case.status.not_in(terminal)))
