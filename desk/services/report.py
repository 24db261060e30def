"""The day's report and the work in figures: what was registered, decided, missed and done on one day.

``daily_report(uow, actor, day, ...)`` gathers the facts of one legal day (Europe/Riga) from the case
tables, the kind detail tables, the deadline rows and the audit trail, checks that they add up
(``reconcile``: open yesterday + registered - closed = open today, per kind) and returns a frozen
``DailyReport``. ``render(report, fmt)`` turns it into bytes (JSON, CSV, XLSX or a printable HTML page);
``export(uow, actor, report, fmt, path)`` writes the file and audits who exported what.
``statistics(uow, actor, today)`` gives the figures behind the statistics screen.

The same store and day always give the same report, byte for byte, apart from the one line that says
when it was generated (every format keeps that on a line of its own, marked ``generated_at``).
The layout of every format is documented in docs/report-format.md.

Every query is bounded by an indexed column (case_file.opened_on, deadline (state, due_on), the audit
trail's primary key) so a day with thousands of events in a store of a million persons takes seconds.
"""
from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy import and_, case, func, or_, text
from sqlmodel import select

from desk.clock import RIGA
from desk.errors import DomainError, NotFound, ValidationError
from desk.i18n import label, t
from desk.i18n.citations import shown as cited
from desk.rules.calendar import next_working_day
from desk.private import write_private
from desk.services import audit
from desk.services.auth import Actor, Permission, require
from desk.services.kinds import adapter
from desk.services.labels import action_title_key, status_label
from desk.text import format_personal_code, mask_personal_code
from models import (
    AuditEntry,
    Case,
    CaseKind,
    Deadline,
    DublinRequest,
    Office,
    Officer,
    Person,
    ReturnDecision,
)

FORMATS = ("json", "csv", "xlsx", "html")
FORMAT_VERSION = 1
KINDS: tuple[str, ...] = tuple(k.value for k in CaseKind)
REQUEST_KINDS = ("take_charge", "take_back", "information")
REGIMES = ("dublin_iii", "ammr")
REPLY_OUTCOMES = ("accepted", "rejected")
RETURN_KINDS = ("voluntary", "forced")
# The outcomes every report lists (with 0 when none), per kind, so that the keys are stable
# (each kind's module says where its outcome is recorded: ``KindAdapter.outcome``).
OUTCOMES: dict[str, tuple[str, ...]] = {kind: adapter(kind).outcome().listed for kind in KINDS}
ALL_OFFICES = "all"
WITHIN_DAYS = 7
STATS_DAYS = 30
# Audit actions that are not case work: logging in, reading the trail, exporting this very report.
# They are left out of "activity per officer" so that exporting a report does not change it.
_NOT_ACTIVITY = ("auth.", "report.", "audit.", "stats.")

Progress = Callable[[int, int], None]


class ReconciliationFailed(DomainError):
    """The day's figures do not add up: nothing is written, the numbers are not printed."""

    key = "report.reconciliation_failed"


# --- what the report holds ----------------------------------------------------------------------


@dataclass(frozen=True)
class KindFigures:
    kind: str
    open_yesterday: int
    registered: int
    closed: int
    open_end_of_day: int
    decided: tuple[tuple[str, int], ...]  # (outcome, count), outcomes sorted

    @property
    def decided_total(self) -> int:
        return sum(n for _o, n in self.decided)


@dataclass(frozen=True)
class DublinFigures:
    received: tuple[tuple[str, str, int], ...]  # (request kind, regime, count), every pair present
    sent: tuple[tuple[str, str, int], ...]
    replies_given: tuple[tuple[str, int], ...]  # (accepted|rejected, count)
    replies_received: tuple[tuple[str, int], ...]
    tacit_acceptances: int
    transfers_done: int
    extensions: int


@dataclass(frozen=True)
class ReturnFigures:
    decisions: tuple[tuple[str, int], ...]  # (voluntary|forced, count)
    entry_bans: int


@dataclass(frozen=True)
class DeadlineItem:
    case_number: str
    kind: str
    rule_id: str
    article: str
    anchor_date: date
    due_on: date
    state: str
    owner: str
    personal_code: str  # masked unless the officer asked otherwise; "" when the person has none
    title_key: str = ""  # the rule's name in the catalogue (what the exports show instead of rule_id)


@dataclass(frozen=True)
class OfficerActivity:
    username: str
    full_name: str
    actions: tuple[tuple[str, int], ...]  # (audit action, count), sorted by action

    @property
    def total(self) -> int:
        return sum(n for _a, n in self.actions)


@dataclass(frozen=True)
class DailyReport:
    day: date
    office_code: str | None  # None: every office
    for_officer: str | None
    generated_at: datetime  # aware; shown in Europe/Riga
    generated_by: str
    personal_codes_shown: bool
    kinds: tuple[KindFigures, ...]
    dublin: DublinFigures
    returns: ReturnFigures
    missed: tuple[DeadlineItem, ...]
    next_working_day: date
    due_next_working_day: tuple[DeadlineItem, ...]
    due_within_7_days: tuple[DeadlineItem, ...]
    activity: tuple[OfficerActivity, ...]

    def kind(self, kind: str) -> KindFigures:
        return next(k for k in self.kinds if k.kind == kind)


@dataclass(frozen=True)
class Scope:
    """Whose work the report covers: one office (or all) and, optionally, one officer's cases."""

    office_id: int | None
    office_code: str | None
    officer_id: int | None
    officer_username: str | None


# --- permissions and scope ------------------------------------------------------------------------


def resolve_scope(uow, actor: Actor, *, office: str | None = None, for_officer: str | None = None) -> Scope:
    """Decide what ``actor`` may report on.

    * A supervisor (Permission.REPORTS) may report on any office (``office`` a code, or "all") and on any
      officer's cases (``for_officer``).
    * Any other officer who works on cases may export only their own work: ``for_officer`` must be
      themselves; the office is then their own.
    """
    own_only = for_officer is not None and for_officer.strip().lower() == actor.username
    if not own_only or (office and office.strip().upper() != actor.office_code.upper()):
        require(uow, actor, Permission.REPORTS, report="daily")
    elif not actor.case_kinds:
        require(uow, actor, Permission.REPORTS, report="daily")
    office_id, office_code = actor.office_id, actor.office_code
    if office:
        if office.strip().lower() == ALL_OFFICES:
            office_id, office_code = None, None
        else:
            row = uow.session.exec(select(Office).where(Office.code == office.strip().upper())).first()
            if row is None:
                raise NotFound("error.unknown_office", field="office", code=office.strip()[:16])
            office_id, office_code = row.id, row.code
    officer_id = officer_username = None
    if for_officer:
        officer = uow.session.exec(select(Officer).where(Officer.username == for_officer.strip().lower())).first()
        if officer is None:
            raise NotFound("auth.unknown_officer", field="for_officer", username=for_officer.strip()[:40])
        officer_id, officer_username = officer.id, officer.username
    return Scope(office_id, office_code, officer_id, officer_username)


def _case_scope(scope: Scope) -> list:
    conds = []
    if scope.office_id is not None:
        conds.append(Case.office_id == scope.office_id)
    if scope.officer_id is not None:
        conds.append(Case.owner_id == scope.officer_id)
    return conds


# --- the figures ----------------------------------------------------------------------------------


def _open_on(day: date):
    """A case is open at the end of ``day`` if it was opened by then and not closed by then."""
    return and_(Case.opened_on <= day, or_(Case.closed_on.is_(None), Case.closed_on > day))


def _count_by_kind(uow, scope: Scope, *conds) -> dict[str, int]:
    q = select(Case.kind, func.count()).where(*conds, *_case_scope(scope)).group_by(Case.kind)
    return {kind: n for kind, n in uow.session.exec(q).all()}


def _counted(*conds):
    """``count(*)`` of the rows that also meet ``conds``, as a sum: the conditions a query must not be
    planned on (the office, the kind, the other date of a case) go here, so that the query's WHERE holds
    only its narrow date range and the planner has one index to take. Without statistics on a fresh
    store SQLite otherwise walks the office's (or the kind's) every case to avoid a small sort."""
    if not conds:
        return func.count()
    return func.coalesce(func.sum(case((and_(*conds), 1), else_=0)), 0)


def _kinds_in_range(uow, scope: Scope, narrow, *when) -> dict[str, int]:
    """Cases per kind among those in the date range ``narrow`` that meet ``when`` and the scope."""
    q = select(*[_counted(Case.kind == kind, *when, *_case_scope(scope)) for kind in KINDS]).where(narrow)
    return dict(zip(KINDS, (int(n) for n in uow.session.exec(q).one())))


def _decided(uow, scope: Scope, kind: str, day: date) -> tuple[tuple[str, int], ...]:
    spec = adapter(kind)
    outcome = spec.outcome()
    table, day_col, outcome_col, extra = spec.model, outcome.day, outcome.value, outcome.where
    q = (select(outcome_col, _counted(*_case_scope(scope))).select_from(table).join(Case, Case.id == table.case_id)
         .where(day_col == day))
    if extra is not None:
        q = q.where(extra)
    q = q.group_by(outcome_col)
    counts: dict[str, int] = {}
    for outcome, n in uow.session.exec(q).all():
        if n:  # an outcome only of cases out of scope is not listed
            counts[str(outcome or "unknown")] = counts.get(str(outcome or "unknown"), 0) + n
    known = OUTCOMES[kind]
    return tuple((o, counts.get(o, 0)) for o in known) + tuple(
        (o, counts[o]) for o in sorted(counts) if o not in known)


def _open_by_kind(uow, scope: Scope, days: tuple[date, ...]) -> dict[date, dict[str, int]]:
    """Cases open at the end of each of ``days``, per kind (what ``_open_on`` counts), without walking
    every case the store ever held: a case open at the end of ``day`` is a case open now that was
    opened by then, or one closed after that day. So: the open cases now (the open cases' index),
    less those opened after the day, plus those closed after it - the last two are a few days' worth
    of cases (the opened_on and closed_on indexes) for the days a report is asked for."""
    open_now = _count_by_kind(uow, scope, Case.closed_on.is_(None))
    out = {}
    for day in days:
        later = _kinds_in_range(uow, scope, Case.opened_on > day, Case.closed_on.is_(None))
        closed_after = _kinds_in_range(uow, scope, Case.closed_on > day, Case.opened_on <= day)
        out[day] = {kind: open_now.get(kind, 0) - later.get(kind, 0) + closed_after.get(kind, 0)
                    for kind in set(open_now) | set(closed_after)}
    return out


def kind_figures(uow, scope: Scope, day: date) -> tuple[KindFigures, ...]:
    yesterday = day - timedelta(days=1)
    opened = _open_by_kind(uow, scope, (yesterday, day))
    open_y, open_t = opened[yesterday], opened[day]
    registered = _kinds_in_range(uow, scope, Case.opened_on == day)
    closed = _kinds_in_range(uow, scope, Case.closed_on == day, Case.opened_on <= day)
    return tuple(
        KindFigures(kind, open_y.get(kind, 0), registered.get(kind, 0), closed.get(kind, 0), open_t.get(kind, 0),
                    _decided(uow, scope, kind, day))
        for kind in KINDS
    )


def reconcile(figures: tuple[KindFigures, ...]) -> None:
    """Open yesterday + registered - closed must equal open today for every kind; otherwise the store
    holds contradictory dates (a case closed before it was opened, a closing date moved...) and the
    report refuses to print numbers that do not add up."""
    for f in figures:
        expected = f.open_yesterday + f.registered - f.closed
        if expected != f.open_end_of_day:
            raise ReconciliationFailed(kind=label("kind", f.kind), open_yesterday=f.open_yesterday,
                                       registered=f.registered, closed=f.closed, open_today=f.open_end_of_day)


def _terminal_statuses(kind: str) -> frozenset[str]:
    return adapter(kind).terminal


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
    return [row[0] for row in uow.session.execute(_STATUSES_OF_KIND, {"kind": kind})]


def reconcile_statuses(uow, scope: Scope, day: date, figures: tuple[KindFigures, ...]) -> None:
    """For today, the cases open by their dates must be exactly the cases whose status is not final:
    a final status without a closing date (or a closing date on a live case) is refused too.

    Checked case by case rather than by counting the live cases of the whole store: a case opened by
    ``day`` that is open by its dates with a final status, or closed by its dates with a live one, is a
    contradiction; both are ranges of the (kind, status, closed_on) index. Only when one is found are
    the live cases counted, for the message."""
    for f in figures:
        terminal = sorted(_terminal_statuses(f.kind))
        if not terminal:
            continue
        live = [s for s in _statuses_stored(uow, f.kind) if s not in terminal]

        def count(*conds) -> int:
            return int(uow.session.exec(select(_counted(Case.opened_on <= day, *_case_scope(scope)))
                                        .select_from(Case).where(Case.kind == f.kind, *conds)).one())

        # two ranges of the index (an OR of them would walk every final case of the kind)
        final_but_open = (count(Case.status.in_(terminal), Case.closed_on.is_(None))
                          + count(Case.status.in_(terminal), Case.closed_on > day))
        live_but_closed = count(Case.status.in_(live), Case.closed_on <= day) if live else 0
        if final_but_open or live_but_closed:
            raise ReconciliationFailed("report.status_mismatch", kind=label("kind", f.kind),
                                       open_today=f.open_end_of_day,
                                       live=count(Case.status.not_in(terminal)))


def _dublin_scope_query(scope: Scope, *cols):
    """The requests' figures, the scope counted (``_counted``) rather than planned on: the requests of a
    day are a few rows of their own table, an office's cases are a hundred thousand."""
    return select(*cols, _counted(*_case_scope(scope))).select_from(DublinRequest).join(
        Case, Case.id == DublinRequest.case_id)


def dublin_figures(uow, scope: Scope, day: date, extensions: int) -> DublinFigures:
    def by_kind_regime(direction: str, day_col) -> tuple[tuple[str, str, int], ...]:
        q = (_dublin_scope_query(scope, DublinRequest.request_kind, DublinRequest.regime)
             .where(DublinRequest.direction == direction, day_col == day)
             .group_by(DublinRequest.request_kind, DublinRequest.regime))
        counts = {(k, r): n for k, r, n in uow.session.exec(q).all() if n}
        keys = [(k, r) for k in REQUEST_KINDS for r in REGIMES]
        keys += sorted(k for k in counts if k not in keys)
        return tuple((k, r, counts.get((k, r), 0)) for k, r in keys)

    def replies(direction: str) -> tuple[tuple[str, int], ...]:
        q = (_dublin_scope_query(scope, DublinRequest.reply)
             .where(DublinRequest.direction == direction, DublinRequest.replied_on == day,
                    DublinRequest.reply.is_not(None))
             .group_by(DublinRequest.reply))
        counts = {reply: n for reply, n in uow.session.exec(q).all() if n}
        keys = list(REPLY_OUTCOMES) + sorted(k for k in counts if k not in REPLY_OUTCOMES)
        return tuple((k, counts.get(k, 0)) for k in keys)

    def count(*conds) -> int:
        return int(uow.session.exec(_dublin_scope_query(scope).where(*conds)).one())

    return DublinFigures(
        received=by_kind_regime("incoming", DublinRequest.received_on),
        sent=by_kind_regime("outgoing", DublinRequest.sent_on),
        replies_given=replies("incoming"),
        replies_received=replies("outgoing"),
        tacit_acceptances=count(DublinRequest.tacit.is_(True), DublinRequest.accepted_on == day),
        transfers_done=count(DublinRequest.transfer_done_on == day),
        extensions=extensions,
    )


def return_figures(uow, scope: Scope, day: date) -> ReturnFigures:
    in_scope = _counted(*_case_scope(scope))
    base = select(ReturnDecision.decision_kind, in_scope).select_from(ReturnDecision).join(
        Case, Case.id == ReturnDecision.case_id).where(ReturnDecision.issued_on == day)
    counts = {k: n for k, n in uow.session.exec(base.group_by(ReturnDecision.decision_kind)).all() if n}
    keys = list(RETURN_KINDS) + sorted(k for k in counts if k not in RETURN_KINDS)
    bans = int(uow.session.exec(
        select(in_scope).select_from(ReturnDecision).join(Case, Case.id == ReturnDecision.case_id)
        .where(ReturnDecision.issued_on == day, ReturnDecision.ban_imposed.is_(True))).one())
    return ReturnFigures(tuple((k, counts.get(k, 0)) for k in keys), bans)


def _deadline_items(uow, scope: Scope, day: date, *conds, show_codes: bool) -> tuple[DeadlineItem, ...]:
    """Deadline rows not done by the end of ``day``; their state is given as at the end of that day
    (missed once the due day is over, open before), whatever the row says now."""
    q = (select(Deadline, Case.number, Case.kind, Officer.username, Person.personal_code)
         .join(Case, Case.id == Deadline.case_id)
         .join(Person, Person.id == Case.person_id)
         .join(Officer, Officer.id == Case.owner_id, isouter=True)
         .where(Deadline.state.in_(("open", "met", "missed")), _not_done_by(day), *conds, *_case_scope(scope))
         .order_by(Deadline.due_on, Case.number, Deadline.rule_id))
    out = []
    for d, number, kind, owner, code in uow.session.exec(q).all():
        shown = (format_personal_code(code) if show_codes else mask_personal_code(code)) if code else ""
        state = "missed" if d.due_on <= day else "open"
        out.append(DeadlineItem(number, kind, d.rule_id, d.article, d.anchor_date, d.due_on, state,
                                owner or "", shown, d.title_key))
    return tuple(out)


def _not_done_by(day: date):
    return or_(Deadline.done_on.is_(None), Deadline.done_on > day)


def _riga_day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=RIGA).astimezone(timezone.utc)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=RIGA).astimezone(timezone.utc)
    return start, end


def _audit_of_day(uow, day: date, *conds):
    """Conditions for the day's audit entries (Riga calendar day), served by the ix_audit_at index."""
    start, end = _riga_day_bounds(day)
    return [AuditEntry.at >= start, AuditEntry.at < end, *conds]


def activity(uow, scope: Scope, day: date) -> tuple[OfficerActivity, ...]:
    conds = _audit_of_day(uow, day, *[~AuditEntry.action.startswith(p) for p in _NOT_ACTIVITY])
    whose = []  # counted, not planned on: an officer's whole trail is far longer than one day of everyone's
    if scope.office_id is not None:
        whose.append(Officer.office_id == scope.office_id)
    if scope.officer_id is not None:
        whose.append(AuditEntry.officer_id == scope.officer_id)
    q = (select(AuditEntry.officer_username, AuditEntry.action, _counted(*whose))
         .select_from(AuditEntry)
         .join(Officer, Officer.id == AuditEntry.officer_id)
         .where(*conds))
    q = q.group_by(AuditEntry.officer_username, AuditEntry.action)
    per: dict[str, dict[str, int]] = {}
    for username, action, n in uow.session.exec(q).all():
        if n:
            per.setdefault(username, {})[action] = int(n)
    names = dict(uow.session.exec(select(Officer.username, Officer.full_name)
                                  .where(Officer.username.in_(list(per)))).all()) if per else {}
    return tuple(OfficerActivity(u, names.get(u, ""), tuple(sorted(per[u].items()))) for u in sorted(per))


def transfer_extensions(uow, scope: Scope, day: date) -> int:
    """Dublin transfer extensions recorded that day (the detail row keeps the reason, not the day:
    the day comes from the audit trail's case.extend_transfer entries)."""
    q = (select(_counted(Case.kind == CaseKind.DUBLIN, *_case_scope(scope))).select_from(AuditEntry)
         .join(Case, Case.id == AuditEntry.case_id)
         .where(*_audit_of_day(uow, day, AuditEntry.action == "case.extend_transfer")))
    return int(uow.session.exec(q).one())


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
    missed = _deadline_items(uow, scope, day, Deadline.due_on == day, show_codes=show_personal_codes)
    nwd = next_working_day(day + timedelta(days=1))
    due_next = _deadline_items(uow, scope, day, Deadline.due_on > day, Deadline.due_on <= nwd,
                               show_codes=show_personal_codes)
    tick(4, steps)
    due_week = _deadline_items(uow, scope, day, Deadline.due_on > day, Deadline.due_on <= day + timedelta(days=WITHIN_DAYS),
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


# --- formats ----------------------------------------------------------------------------------------


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _generated(report: DailyReport) -> str:
    return report.generated_at.astimezone(RIGA).isoformat(timespec="seconds")


def _deadline_json(d: DeadlineItem) -> dict:
    return {"case": d.case_number, "kind": d.kind, "rule": d.rule_id, "article": d.article,
            "anchor_date": _iso(d.anchor_date), "due_on": _iso(d.due_on), "state": d.state, "owner": d.owner,
            "personal_code": d.personal_code or None}


def as_dict(report: DailyReport) -> dict:
    """The report as plain data with the stable keys documented in docs/report-format.md."""
    return {
        "report": "desk.daily",
        "format_version": FORMAT_VERSION,
        "date": _iso(report.day),
        "generated_at": _generated(report),
        "generated_by": report.generated_by,
        "scope": {"office": report.office_code or ALL_OFFICES, "officer": report.for_officer},
        "personal_codes": "shown" if report.personal_codes_shown else "masked",
        "kinds": {
            k.kind: {"open_yesterday": k.open_yesterday, "registered": k.registered,
                     "decided": dict(k.decided), "decided_total": k.decided_total,
                     "closed": k.closed, "open_end_of_day": k.open_end_of_day}
            for k in report.kinds
        },
        "dublin": {
            "requests_received": _nested(report.dublin.received),
            "requests_sent": _nested(report.dublin.sent),
            "replies_given": dict(report.dublin.replies_given),
            "replies_received": dict(report.dublin.replies_received),
            "tacit_acceptances": report.dublin.tacit_acceptances,
            "transfers_done": report.dublin.transfers_done,
            "extensions": report.dublin.extensions,
        },
        "returns": {"decisions": dict(report.returns.decisions), "entry_bans": report.returns.entry_bans},
        "deadlines": {
            "missed": [_deadline_json(d) for d in report.missed],
            "next_working_day": _iso(report.next_working_day),
            "due_next_working_day": [_deadline_json(d) for d in report.due_next_working_day],
            "due_within_7_days": [_deadline_json(d) for d in report.due_within_7_days],
        },
        "activity": [{"officer": a.username, "name": a.full_name, "actions": dict(a.actions), "total": a.total}
                     for a in report.activity],
        "reconciliation": {
            k.kind: {"open_yesterday": k.open_yesterday, "registered": k.registered, "closed": k.closed,
                     "open_today": k.open_end_of_day, "ok": True}
            for k in report.kinds
        },
    }


def _nested(rows: tuple[tuple[str, str, int], ...]) -> dict:
    out: dict[str, dict[str, int]] = {}
    for kind, regime, n in rows:
        out.setdefault(kind, {})[regime] = n
    return out


def to_json(report: DailyReport) -> bytes:
    # indent=2 keeps "generated_at" on a line of its own
    return (json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


CSV_COLUMNS = ("section", "kind", "key", "count", "case", "rule", "article", "anchor_date", "due_on", "state",
               "officer", "personal_code")


def csv_rows(report: DailyReport) -> list[tuple]:
    """One row per fact; the columns that do not apply are empty (docs/report-format.md, "CSV")."""
    rows: list[tuple] = []

    def fact(section, kind="", key="", count="", officer=""):
        rows.append((section, kind, key, count, "", "", "", "", "", "", officer, ""))

    fact("meta", key="report", count="desk.daily")
    fact("meta", key="format_version", count=FORMAT_VERSION)
    fact("meta", key="date", count=_iso(report.day))
    fact("meta", key="generated_at", count=_generated(report))
    fact("meta", key="generated_by", count=report.generated_by)
    fact("meta", key="office", count=report.office_code or ALL_OFFICES)
    fact("meta", key="officer", count=report.for_officer or "")
    fact("meta", key="personal_codes", count="shown" if report.personal_codes_shown else "masked")
    for k in report.kinds:
        fact("cases", k.kind, "open_yesterday", k.open_yesterday)
        fact("cases", k.kind, "registered", k.registered)
        fact("cases", k.kind, "closed", k.closed)
        fact("cases", k.kind, "open_end_of_day", k.open_end_of_day)
        for outcome, n in k.decided:
            fact("decided", k.kind, outcome, n)
    for kind, regime, n in report.dublin.received:
        fact("dublin_received", kind, regime, n)
    for kind, regime, n in report.dublin.sent:
        fact("dublin_sent", kind, regime, n)
    for outcome, n in report.dublin.replies_given:
        fact("dublin_replies_given", "dublin", outcome, n)
    for outcome, n in report.dublin.replies_received:
        fact("dublin_replies_received", "dublin", outcome, n)
    fact("dublin", "dublin", "tacit_acceptances", report.dublin.tacit_acceptances)
    fact("dublin", "dublin", "transfers_done", report.dublin.transfers_done)
    fact("dublin", "dublin", "extensions", report.dublin.extensions)
    for kind, n in report.returns.decisions:
        fact("return_decisions", "return", kind, n)
    fact("return_decisions", "return", "entry_bans", report.returns.entry_bans)
    fact("meta", key="next_working_day", count=_iso(report.next_working_day))
    for section, items in (("deadline_missed", report.missed), ("deadline_next_working_day", report.due_next_working_day),
                           ("deadline_within_7_days", report.due_within_7_days)):
        for d in items:
            rows.append((section, d.kind, "", "", d.case_number, d.rule_id, d.article, _iso(d.anchor_date),
                         _iso(d.due_on), d.state, d.owner, d.personal_code))
    for a in report.activity:
        for action, n in a.actions:
            fact("activity", "", action, n, a.username)
    return rows


CSV_DIALECTS = ("semicolon", "comma")


def to_csv(report: DailyReport, dialect: str = "semicolon") -> bytes:
    """UTF-8 with a byte-order mark, so that Excel reads the Latvian letters; ``;`` between fields by
    default, the list separator of Latvian (and most European) Excel, which then opens the file in columns
    with a double click; ``dialect="comma"`` gives the RFC 4180 form for other tools."""
    if dialect not in CSV_DIALECTS:
        raise ValidationError("report.unknown_csv_dialect", field="csv_dialect", value=str(dialect)[:12])
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";" if dialect == "semicolon" else ",", lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(report))
    return "\ufeff".encode("utf-8") + buf.getvalue().encode("utf-8")


XLSX_DATE_FORMAT = "DD.MM.YYYY"
XLSX_TIME_FORMAT = "DD.MM.YYYY HH:MM:SS"


def xlsx_sheets(report: DailyReport) -> list[tuple[str, list[str], list[tuple]]]:
    """(sheet name, header row, data rows) for every section, in order, in the officer's language: words,
    never codes; dates as ``date`` (written as date cells), counts as ``int``."""
    kinds = [(label("kind", k.kind), k.open_yesterday, k.registered, k.decided_total, k.closed, k.open_end_of_day)
             for k in report.kinds]
    decided = [(label("kind", k.kind), _outcome_label(k.kind, outcome), n) for k in report.kinds
               for outcome, n in k.decided]
    d = report.dublin
    dublin = ([(t("report.dublin.received"), label("report.request_kind", k), label("report.regime", r), n)
               for k, r, n in d.received]
              + [(t("report.dublin.sent"), label("report.request_kind", k), label("report.regime", r), n)
                 for k, r, n in d.sent]
              + [(t("report.dublin.replies_given"), "", label("report.reply", o), n) for o, n in d.replies_given]
              + [(t("report.dublin.replies_received"), "", label("report.reply", o), n) for o, n in d.replies_received]
              + [(t("report.dublin.tacit"), "", "", d.tacit_acceptances),
                 (t("report.dublin.transfers"), "", "", d.transfers_done),
                 (t("report.dublin.extensions"), "", "", d.extensions)])
    returns = ([(label("report.return_kind", k), n) for k, n in report.returns.decisions]
               + [(t("report.entry_bans"), report.returns.entry_bans)])
    dl_head = [t("report.col.case"), t("report.col.kind"), t("report.col.rule"), t("report.col.article"),
               t("report.col.anchor_date"), t("report.col.due_on"), t("report.col.state"), t("report.col.officer"),
               t("report.col.personal_code")]

    def dl(items):
        return [(x.case_number, label("kind", x.kind), rule_words(x), cited(x.article), x.anchor_date, x.due_on,
                 state_words(x.state), x.owner, x.personal_code) for x in items]

    summary = [(t("report.screen.date"), report.day), (t("report.office"), report.office_code or t("report.all_offices")),
               (t("report.officer"), report.for_officer or ""),
               (t("report.exported_by"), report.generated_by),
               (t("report.col.personal_code"),
                t("report.codes_shown" if report.personal_codes_shown else "report.codes_masked")),
               (t("report.next_working_day"), report.next_working_day),
               (t("report.generated_at"), report.generated_at.astimezone(RIGA).replace(tzinfo=None)),
               (t("report.format_version"), FORMAT_VERSION)]
    counts = [t("report.col.open_yesterday"), t("report.col.registered"), t("report.col.decided"),
              t("report.col.closed"), t("report.col.open_end_of_day")]
    return [
        (t("report.sheet.summary"), [t("report.col.measure"), t("report.col.value")], summary),
        (t("report.sheet.cases"), [t("report.col.kind"), *counts], kinds),
        (t("report.sheet.decided"), [t("report.col.kind"), t("report.col.outcome"), t("report.col.count")], decided),
        (t("report.sheet.dublin"), [t("report.col.measure"), t("report.col.request_kind"), t("report.col.key"),
                                    t("report.col.count")], dublin),
        (t("report.sheet.returns"), [t("report.col.measure"), t("report.col.count")], returns),
        (t("report.sheet.missed"), dl_head, dl(report.missed)),
        (t("report.sheet.next_working_day"), dl_head, dl(report.due_next_working_day)),
        (t("report.sheet.within_7_days"), dl_head, dl(report.due_within_7_days)),
        (t("report.sheet.activity"), [t("report.col.officer"), t("report.col.name"), t("report.col.action"),
                                      t("report.col.count")],
         [(a.username, a.full_name, action_words(action), n) for a in report.activity for action, n in a.actions]),
        (t("report.sheet.reconciliation"), [t("report.col.kind"), t("report.col.open_yesterday"),
                                            t("report.col.registered"), t("report.col.closed"),
                                            t("report.col.open_end_of_day")],
         [(label("kind", k.kind), k.open_yesterday, k.registered, k.closed, k.open_end_of_day) for k in report.kinds]),
    ]


def _xlsx_width(value) -> int:
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    return len(str(value)) if value is not None else 0


def to_xlsx(report: DailyReport) -> bytes:
    """One sheet per section, named and headed in the officer's language; a bold, frozen header row;
    dates as real date cells shown DD.MM.YYYY (sortable and filterable in Excel); columns as wide as
    their longest value (within 8..60 characters)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    # fixed document properties so that the same report gives the same workbook
    fixed = datetime.combine(report.day, time(0))
    wb.properties.creator = "desk"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.lastModifiedBy = "desk"
    wb.properties.language = _lang()
    for name, header, rows in xlsx_sheets(report):
        ws = wb.create_sheet(_sheet_title(name))
        ws.append(list(header))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(list(row))
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, datetime):
                    cell.number_format = XLSX_TIME_FORMAT
                elif isinstance(cell.value, date):
                    cell.number_format = XLSX_DATE_FORMAT
        for i, column in enumerate(zip(header, *rows), start=1):
            width = max(_xlsx_width(v) for v in column)
            ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip_times(buf.getvalue(), fixed)


def _sheet_title(name: str) -> str:
    """Excel's limits on a sheet name: at most 31 characters, none of []:*?/\\ ."""
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name[:31].strip()


def _fixed_zip_times(data: bytes, when: datetime) -> bytes:
    """Rewrite the workbook's zip with fixed member times (openpyxl stamps the current time)."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the time of saving
                import re

                stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>",
                              body)
            dst.writestr(fixed, body)
    return out.getvalue()


_HTML_STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; margin: 1.5em; color: #000; }
h1 { font-size: 14pt; margin-bottom: 0.2em; } h2 { font-size: 12pt; margin-top: 1.2em; border-bottom: 1px solid #888; }
table { border-collapse: collapse; margin: 0.4em 0; } th, td { border: 1px solid #999; padding: 2px 6px; }
th { background: #eee; text-align: left; } td.n { text-align: right; } p.meta { margin: 0.1em 0; }
@media print { body { margin: 0; } h2 { page-break-after: avoid; } table { page-break-inside: auto; } }
""".strip()


def to_html(report: DailyReport) -> bytes:
    e = html.escape
    out: list[str] = []

    def table(header: list[str], rows: list[list], numeric_from: int = 99) -> None:
        out.append("<table>")
        out.append("<tr>" + "".join(f"<th>{e(str(h))}</th>" for h in header) + "</tr>")
        if not rows:
            out.append(f'<tr><td colspan="{len(header)}">{e(t("report.none"))}</td></tr>')
        for row in rows:
            cells = []
            for i, v in enumerate(row):
                cls = ' class="n"' if i >= numeric_from or isinstance(v, int) else ""
                cells.append(f"<td{cls}>{e('' if v is None else str(v))}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")

    def fmt(d: date | None) -> str:
        return d.strftime("%d.%m.%Y") if d else ""

    scope = report.office_code or t("report.all_offices")
    out.append("<!DOCTYPE html>")
    out.append(f'<html lang="{e(_lang())}"><head><meta charset="utf-8">')
    out.append(f"<title>{e(t('report.title'))} {fmt(report.day)}</title>")
    out.append(f"<style>{_HTML_STYLE}</style></head><body>")
    out.append(f"<h1>{e(t('report.title'))} {fmt(report.day)}</h1>")
    out.append(f'<p class="meta">{e(t("report.office"))}: {e(scope)}</p>')
    if report.for_officer:
        out.append(f'<p class="meta">{e(t("report.officer"))}: {e(report.for_officer)}</p>')
    out.append(f'<p class="meta">{e(t("report.exported_by"))}: {e(report.generated_by)}; '
               f'{e(t("report.codes_shown" if report.personal_codes_shown else "report.codes_masked"))}</p>')
    out.append(f'<p class="meta" data-key="generated_at">{e(t("report.generated_at"))}: '
               f'{e(report.generated_at.astimezone(RIGA).strftime("%d.%m.%Y %H:%M:%S"))}</p>')

    out.append(f"<h2>{e(t('report.section.cases'))}</h2>")
    table([t("report.col.kind"), t("report.col.open_yesterday"), t("report.col.registered"), t("report.col.decided"),
           t("report.col.closed"), t("report.col.open_end_of_day")],
          [[label("kind", k.kind), k.open_yesterday, k.registered, k.decided_total, k.closed, k.open_end_of_day]
           for k in report.kinds])
    out.append(f"<h2>{e(t('report.section.decided'))}</h2>")
    table([t("report.col.kind"), t("report.col.outcome"), t("report.col.count")],
          [[label("kind", k.kind), _outcome_label(k.kind, o), n] for k in report.kinds for o, n in k.decided])

    d = report.dublin
    out.append(f"<h2>{e(t('report.section.dublin'))}</h2>")
    table([t("report.col.measure"), t("report.col.request_kind"), t("report.col.regime"), t("report.col.count")],
          [[t("report.dublin.received"), label("report.request_kind", k), label("report.regime", r), n]
           for k, r, n in d.received]
          + [[t("report.dublin.sent"), label("report.request_kind", k), label("report.regime", r), n]
             for k, r, n in d.sent])
    table([t("report.col.measure"), t("report.col.count")],
          [[f"{t('report.dublin.replies_given')}: {label('report.reply', o)}", n] for o, n in d.replies_given]
          + [[f"{t('report.dublin.replies_received')}: {label('report.reply', o)}", n] for o, n in d.replies_received]
          + [[t("report.dublin.tacit"), d.tacit_acceptances], [t("report.dublin.transfers"), d.transfers_done],
             [t("report.dublin.extensions"), d.extensions]])

    out.append(f"<h2>{e(t('report.section.returns'))}</h2>")
    table([t("report.col.measure"), t("report.col.count")],
          [[label("report.return_kind", k), n] for k, n in report.returns.decisions]
          + [[t("report.entry_bans"), report.returns.entry_bans]])

    dl_head = [t("report.col.case"), t("report.col.kind"), t("report.col.rule"), t("report.col.article"),
               t("report.col.anchor_date"), t("report.col.due_on"), t("report.col.state"), t("report.col.officer"),
               t("report.col.personal_code")]

    def dl(items):
        return [[x.case_number, label("kind", x.kind), rule_words(x), cited(x.article), fmt(x.anchor_date), fmt(x.due_on),
                 state_words(x.state), x.owner, x.personal_code] for x in items]

    out.append(f"<h2>{e(t('report.section.missed'))}</h2>")
    table(dl_head, dl(report.missed))
    out.append(f"<h2>{e(t('report.section.next_working_day', day=fmt(report.next_working_day)))}</h2>")
    table(dl_head, dl(report.due_next_working_day))
    out.append(f"<h2>{e(t('report.section.within_7_days'))}</h2>")
    table(dl_head, dl(report.due_within_7_days))

    out.append(f"<h2>{e(t('report.section.activity'))}</h2>")
    table([t("report.col.officer"), t("report.col.action"), t("report.col.count")],
          [[f"{a.username} ({a.full_name})", action_words(action), n] for a in report.activity
           for action, n in a.actions]
          + [[f"{a.username} ({a.full_name})", t("report.total"), a.total] for a in report.activity])

    out.append(f"<h2>{e(t('report.section.reconciliation'))}</h2>")
    table([t("report.col.kind"), t("report.col.open_yesterday"), t("report.col.registered"), t("report.col.closed"),
           t("report.col.open_end_of_day")],
          [[label("kind", k.kind), k.open_yesterday, k.registered, k.closed, k.open_end_of_day] for k in report.kinds])
    out.append("</body></html>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _lang() -> str:
    from desk.i18n import get_language

    return get_language()


def _outcome_label(kind: str, outcome: str) -> str:
    text = label("report.outcome", outcome)
    return text if text != outcome else status_label(kind, outcome)


def rule_words(item: DeadlineItem) -> str:
    """The deadline's rule by its name (``Atbilde uz pārņemšanas pieprasījumu``), not its id."""
    from desk.i18n import has

    return t(item.title_key) if item.title_key and has(item.title_key) else item.rule_id


def state_words(state: str) -> str:
    return label("report.state", state)


def action_words(action: str) -> str:
    """An audit action as words: ``case.accept`` -> the action's name from the rules' catalogue (the first
    kind that has it; the report counts actions over every kind), other actions from ours."""
    from desk.i18n import has

    if has(f"report.action.{action}"):
        return t(f"report.action.{action}")
    if action.startswith("case."):
        name = action.removeprefix("case.")
        for kind in KINDS:
            key = action_title_key(kind, name)
            if has(key):
                return t(key)
    return action


_RENDERERS = {"json": to_json, "csv": to_csv, "xlsx": to_xlsx, "html": to_html}


def render(report: DailyReport, fmt: str, *, csv_dialect: str = "semicolon") -> bytes:
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValidationError("report.unknown_format", field="format", value=str(fmt)[:10]) from None
    return to_csv(report, csv_dialect) if fmt == "csv" else renderer(report)


def export(uow, actor: Actor, report: DailyReport, fmt: str, path: str | Path | None = None, *,
           csv_dialect: str = "semicolon") -> bytes:
    """Render ``report`` as ``fmt``, write it to ``path`` (if given, atomically) and audit the export
    ("report.export": day, scope, format, whether personal codes were shown) in ``uow``'s transaction.
    Returns the bytes."""
    data = render(report, fmt, csv_dialect=csv_dialect)
    audit.record(uow, actor, "report.export", day=report.day.isoformat(), format=fmt,
                 office=report.office_code or ALL_OFFICES, for_officer=report.for_officer,
                 personal_codes="shown" if report.personal_codes_shown else "masked")
    if path is not None:
        target = Path(path)
        tmp = target.with_name(target.name + ".part")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_private(tmp, data)  # 0600 from the first byte: a report names persons
            tmp.replace(target)
        except OSError:
            raise DomainError("report.cannot_write", field="path", path=target.name[:80]) from None
    return data


# --- statistics for the charts ------------------------------------------------------------------------


@dataclass(frozen=True)
class Statistics:
    """The work in figures over the ``days`` days ending ``today`` (inclusive), for the actor's scope."""

    today: date
    days: tuple[date, ...]  # oldest first
    office_code: str | None
    registrations: tuple[tuple[str, tuple[int, ...]], ...]  # (kind, count per day aligned with ``days``)
    decisions: tuple[tuple[str, str, int], ...]  # (kind, outcome, count) over the period
    deadlines_met: tuple[int, ...]  # per day (by due date)
    deadlines_missed: tuple[int, ...]

    @property
    def total_registrations(self) -> int:
        return sum(sum(counts) for _k, counts in self.registrations)


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
    q = (select(Case.kind, Case.opened_on, func.count())
         .where(Case.opened_on >= first, Case.opened_on <= today, Case.kind.in_(visible), *_case_scope(scope))
         .group_by(Case.kind, Case.opened_on))
    per: dict[tuple[str, date], int] = {(k, d): n for k, d, n in uow.session.exec(q).all()}
    registrations = tuple((k, tuple(per.get((k, d), 0) for d in span)) for k in visible)
    decisions: list[tuple[str, str, int]] = []
    for kind in visible:
        outcome = adapter(kind).outcome()
        table, day_col, outcome_col, extra = adapter(kind).model, outcome.day, outcome.value, outcome.where
        dq = (select(outcome_col, func.count()).select_from(table).join(Case, Case.id == table.case_id)
              .where(day_col >= first, day_col <= today, *_case_scope(scope)))
        if extra is not None:
            dq = dq.where(extra)
        counts: dict[str, int] = {}
        for outcome, n in uow.session.exec(dq.group_by(outcome_col)).all():
            counts[str(outcome or "unknown")] = counts.get(str(outcome or "unknown"), 0) + n
        decisions.extend((kind, o, n) for o, n in sorted(counts.items()))
    dq = (select(Deadline.due_on, Deadline.state, func.count()).join(Case, Case.id == Deadline.case_id)
          .where(Deadline.state.in_(("met", "missed")), Deadline.due_on >= first, Deadline.due_on <= today,
                 Case.kind.in_(visible), *_case_scope(scope))
          .group_by(Deadline.due_on, Deadline.state))
    dl = {(d, s): n for d, s, n in uow.session.exec(dq).all()}
    return Statistics(
        today=today, days=span, office_code=scope.office_code, registrations=registrations,
        decisions=tuple(decisions),
        deadlines_met=tuple(dl.get((d, "met"), 0) for d in span),
        deadlines_missed=tuple(dl.get((d, "missed"), 0) for d in span),
    )
