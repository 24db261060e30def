"""``statistics``: the work in figures over the last days, for the statistics screen's charts, counted by
the same queries as the day's report (``queries.registrations``, ``queries.decisions``), so a day's
registrations and decisions are the same number in both."""
from __future__ import annotations

from datetime import date, timedelta

from desk.rules.common import DeadlineState
from desk.services.auth import Actor, Permission
from desk.services.report.figures import KINDS, STATS_DAYS, Statistics
from desk.services.report.queries import deadlines_done, decisions, registrations, resolve_scope


def statistics(uow, actor: Actor, today: date, *, days: int = STATS_DAYS, office: str | None = None) -> Statistics:
    """Registrations per day by kind, decisions by outcome and deadlines met vs missed over the last
    ``days`` days. A supervisor sees their office (or ``office``, or "all"); any other officer sees
    their own cases only. Kinds the actor may not work on are left out."""
    if actor.can(Permission.REPORTS):
        scope = resolve_scope(uow, actor, office=office)
    else:
        scope = resolve_scope(uow, actor, for_officer=actor.username)
    first = today - timedelta(days=days - 1)
    span = tuple(first + timedelta(days=i) for i in range(days))
    visible = [k for k in KINDS if actor.can_work_on(k)]
    per = registrations(uow, scope, first, today)
    decided = [(kind, outcome, n) for kind in visible
               for outcome, n in sorted(decisions(uow, scope, kind, first, today).items())]
    done = deadlines_done(uow, scope, first, today, visible)
    return Statistics(
        today=today, days=span, office_code=scope.office_code,
        registrations=tuple((k, tuple(per.get((k, d), 0) for d in span)) for k in visible),
        decisions=tuple(decided),
        deadlines_met=tuple(done.get((d, DeadlineState.MET), 0) for d in span),
        deadlines_missed=tuple(done.get((d, DeadlineState.MISSED), 0) for d in span),
    )
