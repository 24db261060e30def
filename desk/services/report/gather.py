"""``daily_report``: gather and check one legal day's figures (Europe/Riga) into a ``DailyReport``.

The facts come from the case tables, the kinds' detail tables, the deadline rows and the audit trail
(``queries``); they are checked (``checks``) before anything is returned. Writes nothing.
"""
from __future__ import annotations

from datetime import date, timedelta

from desk.errors import ValidationError
from desk.rules.calendar import next_working_day
from desk.services.auth import Actor
from desk.services.report.checks import reconcile, reconcile_statuses
from desk.services.report.figures import WITHIN_DAYS, DailyReport, Progress
from desk.services.report.queries import (
    activity,
    deadline_items,
    dublin_figures,
    kind_figures,
    resolve_scope,
    return_figures,
    transfer_extensions,
)


def daily_report(uow, actor: Actor, day: date, *, office: str | None = None, for_officer: str | None = None,
                 show_personal_codes: bool = False, progress: Progress | None = None) -> DailyReport:
    """Gather and check one day's report. Raises PermissionDenied (audited), NotFound for an unknown
    office or officer, ReconciliationFailed when the figures do not add up. Writes nothing."""
    if not isinstance(day, date):
        raise ValidationError("error.bad_date", field="date", value=str(day)[:20])
    scope = resolve_scope(uow, actor, office=office, for_officer=for_officer)
    steps = 7
    tick = progress or (lambda _i, _n: None)
    tick(0, steps)
    kinds = kind_figures(uow, scope, day)
    tick(1, steps)
    reconcile(kinds)
    if day >= uow.clock.today():
        reconcile_statuses(uow, scope, day, kinds)
    tick(2, steps)
    dublin = dublin_figures(uow, scope, day, transfer_extensions(uow, scope, day))
    returns = return_figures(uow, scope, day)
    tick(3, steps)
    missed = deadline_items(uow, scope, day, due_after=None, due_by=day, show_codes=show_personal_codes)
    nwd = next_working_day(day + timedelta(days=1))
    due_next = deadline_items(uow, scope, day, due_after=day, due_by=nwd, show_codes=show_personal_codes)
    tick(4, steps)
    due_week = deadline_items(uow, scope, day, due_after=day, due_by=day + timedelta(days=WITHIN_DAYS),
                              show_codes=show_personal_codes)
    tick(5, steps)
    acts = activity(uow, scope, day)
    tick(6, steps)
    report = DailyReport(
        day=day, office_code=scope.office_code, for_officer=scope.officer_username,
        generated_at=uow.clock.now(), generated_by=actor.username, personal_codes_shown=show_personal_codes,
        kinds=kinds, dublin=dublin, returns=returns, missed=missed, next_working_day=nwd,
        due_next_working_day=due_next, due_within_7_days=due_week, activity=acts,
    )
    tick(7, steps)
    return report
