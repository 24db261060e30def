"""The queries behind the day's report and the statistics: who may see what (``resolve_scope``) and
every count, each written once and used by ``gather`` (one day) and ``statistics`` (a span of days).

Every query is bounded by an indexed column (case_file.opened_on, deadline (state, due_on), the audit
trail's primary key) so a day with thousands of events in a store of a million persons takes seconds.
What a kind decides and where it is recorded comes from its module (``KindAdapter.outcome``).
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import Date, and_, bindparam, case, func, or_
from sqlmodel import select

from desk.clock import RIGA
from desk.errors import NotFound
from desk.rules.common import DeadlineState
from desk.services.auth import Actor, Permission, ensure_live, require
from desk.services.decisions import DETAIL_MODELS, OUTCOMES as DECISIONS
from desk.services.statements import kept
from desk.services.report.figures import (
    ALL_OFFICES,
    KINDS,
    OUTCOMES,
    REGIMES,
    REPLY_OUTCOMES,
    REQUEST_KINDS,
    RETURN_KINDS,
    DeadlineItem,
    DublinFigures,
    KindFigures,
    OfficerActivity,
    ReturnFigures,
    Scope,
)
from desk.text import format_personal_code, mask_personal_code
from models import AuditEntry, Case, CaseKind, Deadline, DublinRequest, Office, Officer, Person, ReturnDecision

# Audit actions that are not case work: logging in, reading the trail, exporting this very report.
# They are left out of "activity per officer" so that exporting a report does not change it.
_NOT_ACTIVITY = ("auth.", "report.", "audit.", "stats.")


# --- permissions and scope ------------------------------------------------------------------------


def resolve_scope(uow, actor: Actor, *, office: str | None = None, for_officer: str | None = None) -> Scope:
    """Decide what ``actor`` may report on.

    * A supervisor (Permission.REPORTS) may report on any office (``office`` a code, or "all") and on any
      officer's cases (``for_officer``).
    * Any other officer who works on cases may export only their own work: ``for_officer`` must be
      themselves; the office is then their own.
    """
    ensure_live(uow, actor)  # the own-work path below asks no permission: the session is checked here
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


def case_scope(scope: Scope) -> list:
    """The scope's conditions on a case, its ids as bound parameters (``scope_params`` gives them), so that
    a statement holding them can be kept (``_built``) and serve every office and officer."""
    by_office, by_officer = _shape(scope)
    return ([Case.office_id == bindparam("office")] if by_office else []) + (
        [Case.owner_id == bindparam("officer")] if by_officer else [])


def scope_params(scope: Scope, **more) -> dict:
    """The parameters of ``case_scope`` (and of ``activity``'s scope), with ``more`` of a statement's own."""
    return {"office": scope.office_id, "officer": scope.officer_id, **more}


def _shape(scope: Scope) -> tuple[bool, bool]:
    return scope.office_id is not None, scope.officer_id is not None


# --- the figures ----------------------------------------------------------------------------------


def counted(*conds):
    """``count(*)`` of the rows that also meet ``conds``, as a sum: the conditions a query must not be
    planned on (the office, the kind, the other date of a case) go here, so that the query's WHERE holds
    only its narrow date range and the planner has one index to take. Without statistics on a fresh
    store SQLite otherwise walks the office's (or the kind's) every case to avoid a small sort."""
    if not conds:
        return func.count()
    return func.coalesce(func.sum(case((and_(*conds), 1), else_=0)), 0)


def _on_days(column, first, last, *, one_day: bool):
    """``column`` on one day (``one_day``: an equality with ``first``, one probe of its index) or from
    ``first`` to ``last``."""
    return column == first if one_day else and_(column >= first, column <= last)


# --- statements built once ----------------------------------------------------------------------
#
# A report sends some thirty statements; each is built once per shape - which scope, which kind, one day
# or a span - with its dates and the scope's ids as bound parameters, and kept (desk.services.statements):
# a report then costs what its queries cost. ``:office`` and ``:officer`` are the scope's; the other names
# are each statement's own.


def _built(key: tuple, build):
    return kept(("report",) + key, build)


def execute(uow, statement, params: dict):
    """A report statement on the unit's connection: Core, as every report statement selects columns, not
    objects (through the session, the ORM's result handling cost more than SQLite's own answer: a day's
    report of one office at 100,000 persons was 3.7x its raw replay; issue 17). After a flush, so that
    the unit's own changes are counted as a session's statement counts them."""
    uow.session.flush()
    return uow.session.connection().execute(statement, params)


def _run(uow, key: tuple, build, params: dict):
    return execute(uow, _built(key, build), params)


def _kinds_in_range(uow, scope: Scope, which: str, day: date) -> dict[str, int]:
    """Cases per kind among those in a narrow date range that meet more conditions and the scope:
    ``later`` - opened after ``day`` and open now; ``closed_after`` - closed after ``day`` and opened by
    then; ``closed_on`` - closed on ``day`` and opened by then."""
    def build():
        d = bindparam("day", type_=Date)
        narrow, when = {
            "later": (Case.opened_on > d, (Case.closed_on.is_(None),)),
            "closed_after": (Case.closed_on > d, (Case.opened_on <= d,)),
            "closed_on": (Case.closed_on == d, (Case.opened_on <= d,)),
        }[which]
        return select(*[counted(Case.kind == kind, *when, *case_scope(scope)) for kind in KINDS]).where(narrow)
    row = _run(uow, ("kinds_in_range", which, _shape(scope)), build, scope_params(scope, day=day)).one()
    return dict(zip(KINDS, (int(n) for n in row)))


def registrations(uow, scope: Scope, first: date, last: date) -> dict[tuple[str, date], int]:
    """Cases registered (``opened_on``) per (kind, day) from ``first`` to ``last``, in the scope."""
    def build():
        return (select(Case.kind, Case.opened_on, counted(*case_scope(scope)))
                .where(_on_days(Case.opened_on, bindparam("first", type_=Date),
                                bindparam("last", type_=Date), one_day=first == last))
                .group_by(Case.kind, Case.opened_on))
    rows = _run(uow, ("registrations", first == last, _shape(scope)), build,
                scope_params(scope, first=first, last=last))
    return {(str(kind), day): int(n) for kind, day, n in rows.all() if n}


def decisions(uow, scope: Scope, kind: str, first: date, last: date) -> dict[str, int]:
    """A kind's decisions recorded from ``first`` to ``last`` per outcome, in the scope; where the kind
    records them is its ``Outcome`` in desk.services.decisions (an outcome only of cases out of scope is
    not listed)."""
    def build():
        model, outcome = DETAIL_MODELS[CaseKind(kind)], DECISIONS[CaseKind(kind)]
        q = (select(outcome.value, counted(*case_scope(scope))).select_from(model)
             .join(Case, Case.id == model.case_id)
             .where(_on_days(outcome.day, bindparam("first", type_=Date), bindparam("last", type_=Date),
                             one_day=first == last)))
        if outcome.where is not None:
            q = q.where(outcome.where)
        return q.group_by(outcome.value)
    counts: dict[str, int] = {}
    rows = _run(uow, ("decisions", kind, first == last, _shape(scope)), build,
                scope_params(scope, first=first, last=last))
    for value, n in rows.all():
        if n:
            counts[str(value or "unknown")] = counts.get(str(value or "unknown"), 0) + int(n)
    return counts


def _decided(uow, scope: Scope, kind: str, day: date) -> tuple[tuple[str, int], ...]:
    """The day's decisions of a kind: the outcomes every report lists first (0 when none), then any other."""
    counts = decisions(uow, scope, kind, day, day)
    known = OUTCOMES[kind]
    return tuple((o, counts.get(o, 0)) for o in known) + tuple(
        (o, counts[o]) for o in sorted(counts) if o not in known)


def _open_by_kind(uow, scope: Scope, days: tuple[date, ...]) -> dict[date, dict[str, int]]:
    """Cases open at the end of each of ``days``, per kind (opened by then and not closed by then),
    without walking every case the store ever held: a case open at the end of ``day`` is a case open
    now that was opened by then, or one closed after that day. So: the open cases now (the open cases'
    index), less those opened after the day, plus those closed after it - the last two are a few days'
    worth of cases (the opened_on and closed_on indexes) for the days a report is asked for."""
    open_now = {kind: n for kind, n in _run(
        uow, ("open_now", _shape(scope)),
        lambda: select(Case.kind, func.count()).where(Case.closed_on.is_(None), *case_scope(scope)).group_by(Case.kind),
        scope_params(scope)).all()}
    out = {}
    for day in days:
        later = _kinds_in_range(uow, scope, "later", day)
        closed_after = _kinds_in_range(uow, scope, "closed_after", day)
        out[day] = {kind: open_now.get(kind, 0) - later.get(kind, 0) + closed_after.get(kind, 0)
                    for kind in set(open_now) | set(closed_after)}
    return out


def kind_figures(uow, scope: Scope, day: date) -> tuple[KindFigures, ...]:
    yesterday = day - timedelta(days=1)
    opened = _open_by_kind(uow, scope, (yesterday, day))
    open_y, open_t = opened[yesterday], opened[day]
    registered = registrations(uow, scope, day, day)
    closed = _kinds_in_range(uow, scope, "closed_on", day)
    return tuple(
        KindFigures(kind, open_y.get(kind, 0), registered.get((kind, day), 0), closed.get(kind, 0),
                    open_t.get(kind, 0), _decided(uow, scope, kind, day))
        for kind in KINDS
    )


def _dublin_scope_query(scope: Scope, *cols):
    """The requests' figures, the scope counted (``counted``) rather than planned on: the requests of a
    day are a few rows of their own table, an office's cases are a hundred thousand."""
    return select(*cols, counted(*case_scope(scope))).select_from(DublinRequest).join(
        Case, Case.id == DublinRequest.case_id)


def dublin_figures(uow, scope: Scope, day: date, extensions: int) -> DublinFigures:
    params = scope_params(scope, day=day)
    d = bindparam("day", type_=Date)

    def by_kind_regime(direction: str, day_col) -> tuple[tuple[str, str, int], ...]:
        rows = _run(uow, ("dublin_by_kind", direction, _shape(scope)), lambda: (
            _dublin_scope_query(scope, DublinRequest.request_kind, DublinRequest.regime)
            .where(DublinRequest.direction == direction, day_col == d)
            .group_by(DublinRequest.request_kind, DublinRequest.regime)), params)
        counts = {(k, r): n for k, r, n in rows.all() if n}
        keys = [(k, r) for k in REQUEST_KINDS for r in REGIMES]
        keys += sorted(k for k in counts if k not in keys)
        return tuple((k, r, counts.get((k, r), 0)) for k, r in keys)

    def replies(direction: str) -> tuple[tuple[str, int], ...]:
        rows = _run(uow, ("dublin_replies", direction, _shape(scope)), lambda: (
            _dublin_scope_query(scope, DublinRequest.reply)
            .where(DublinRequest.direction == direction, DublinRequest.replied_on == d,
                   DublinRequest.reply.is_not(None))
            .group_by(DublinRequest.reply)), params)
        counts = {reply: n for reply, n in rows.all() if n}
        keys = list(REPLY_OUTCOMES) + sorted(k for k in counts if k not in REPLY_OUTCOMES)
        return tuple((k, counts.get(k, 0)) for k in keys)

    def count(name: str, *conds) -> int:
        return int(_run(uow, ("dublin_count", name, _shape(scope)),
                        lambda: _dublin_scope_query(scope).where(*conds), params).scalar_one())

    return DublinFigures(
        received=by_kind_regime("incoming", DublinRequest.received_on),
        sent=by_kind_regime("outgoing", DublinRequest.sent_on),
        replies_given=replies("incoming"),
        replies_received=replies("outgoing"),
        tacit_acceptances=count("tacit", DublinRequest.tacit.is_(True), DublinRequest.accepted_on == d),
        transfers_done=count("transfers", DublinRequest.transfer_done_on == d),
        extensions=extensions,
    )


def return_figures(uow, scope: Scope, day: date) -> ReturnFigures:
    params = scope_params(scope, day=day)

    def base(*cols):
        return (select(*cols, counted(*case_scope(scope))).select_from(ReturnDecision)
                .join(Case, Case.id == ReturnDecision.case_id)
                .where(ReturnDecision.issued_on == bindparam("day", type_=Date)))
    rows = _run(uow, ("returns", _shape(scope)),
                lambda: base(ReturnDecision.decision_kind).group_by(ReturnDecision.decision_kind), params)
    counts = {k: n for k, n in rows.all() if n}
    keys = list(RETURN_KINDS) + sorted(k for k in counts if k not in RETURN_KINDS)
    bans = int(_run(uow, ("return_bans", _shape(scope)),
                    lambda: base().where(ReturnDecision.ban_imposed.is_(True)), params).scalar_one())
    return ReturnFigures(tuple((k, counts.get(k, 0)) for k in keys), bans)


def deadline_items(uow, scope: Scope, day: date, *, due_after: date | None, due_by: date,
                   show_codes: bool) -> tuple[DeadlineItem, ...]:
    """Deadline rows not done by the end of ``day`` and due by ``due_by`` - on that day when
    ``due_after`` is None, else after ``due_after``; their state is given as at the end of ``day``
    (missed once the due day is over, open before), whatever the row says now."""
    def build():
        by = bindparam("due_by", type_=Date)
        due = [Deadline.due_on == by] if due_after is None else [
            Deadline.due_on > bindparam("due_after", type_=Date), Deadline.due_on <= by]
        return (select(Deadline.due_on, Deadline.rule_id, Deadline.article, Deadline.anchor_date, Deadline.title_key,
                       Case.number, Case.kind, Officer.username, Person.personal_code)
                .join(Case, Case.id == Deadline.case_id)
                .join(Person, Person.id == Case.person_id)
                .join(Officer, Officer.id == Case.owner_id, isouter=True)
                .where(Deadline.state.in_((DeadlineState.OPEN, DeadlineState.MET, DeadlineState.MISSED)),
                       _not_done_by(bindparam("day", type_=Date)), *due, *case_scope(scope))
                .order_by(Deadline.due_on, Case.number, Deadline.rule_id))
    rows = _run(uow, ("deadline_items", due_after is None, _shape(scope)), build,
                scope_params(scope, day=day, due_by=due_by, due_after=due_after))
    out = []
    for due_on, rule_id, article, anchor_date, title_key, number, kind, owner, code in rows.all():
        shown = (format_personal_code(code) if show_codes else mask_personal_code(code)) if code else ""
        state = str(DeadlineState.MISSED if due_on <= day else DeadlineState.OPEN)
        out.append(DeadlineItem(number, kind, rule_id, article, anchor_date, due_on, state, owner or "", shown,
                                title_key))
    return tuple(out)


def _not_done_by(day):
    return or_(Deadline.done_on.is_(None), Deadline.done_on > day)


def deadlines_done(uow, scope: Scope, first: date, last: date, kinds: list[str]) -> dict[tuple[date, str], int]:
    """Deadlines met and missed per (due day, state) from ``first`` to ``last``, of cases of ``kinds``."""
    q = (select(Deadline.due_on, Deadline.state, func.count()).join(Case, Case.id == Deadline.case_id)
         .where(Deadline.state.in_((DeadlineState.MET, DeadlineState.MISSED)), Deadline.due_on >= first, Deadline.due_on <= last,
                Case.kind.in_(kinds), *case_scope(scope))
         .group_by(Deadline.due_on, Deadline.state))
    return {(d, s): n for d, s, n in execute(uow, q, scope_params(scope)).all()}


def _riga_day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=RIGA).astimezone(timezone.utc)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=RIGA).astimezone(timezone.utc)
    return start, end


def _audit_of_day(*conds):
    """Conditions for the day's audit entries (Riga calendar day: ``:start`` to ``:end``, from
    ``_day_params``), served by the ix_audit_at index."""
    return [AuditEntry.at >= bindparam("start"), AuditEntry.at < bindparam("end"), *conds]


def _day_params(scope: Scope, day: date) -> dict:
    start, end = _riga_day_bounds(day)
    return scope_params(scope, start=start, end=end)


def activity(uow, scope: Scope, day: date) -> tuple[OfficerActivity, ...]:
    by_office, by_officer = _shape(scope)

    def build():
        conds = _audit_of_day(*[~AuditEntry.action.startswith(p) for p in _NOT_ACTIVITY])
        whose = []  # counted, not planned on: an officer's whole trail is far longer than one day of everyone's
        if by_office:
            whose.append(Officer.office_id == bindparam("office"))
        if by_officer:
            whose.append(AuditEntry.officer_id == bindparam("officer"))
        return (select(AuditEntry.officer_username, AuditEntry.action, counted(*whose))
                .select_from(AuditEntry)
                .join(Officer, Officer.id == AuditEntry.officer_id)
                .where(*conds)
                .group_by(AuditEntry.officer_username, AuditEntry.action))
    per: dict[str, dict[str, int]] = {}
    for username, action, n in _run(uow, ("activity", by_office, by_officer), build, _day_params(scope, day)).all():
        if n:
            per.setdefault(username, {})[action] = int(n)
    names = dict(_run(uow, ("officer_names",), lambda: select(Officer.username, Officer.full_name).where(
        Officer.username.in_(bindparam("names", expanding=True))), {"names": list(per)}).all()) if per else {}
    return tuple(OfficerActivity(u, names.get(u, ""), tuple(sorted(per[u].items()))) for u in sorted(per))


def transfer_extensions(uow, scope: Scope, day: date) -> int:
    """Dublin transfer extensions recorded that day (the detail row keeps the reason, not the day:
    the day comes from the audit trail's case.extend_transfer entries)."""
    def build():
        return (select(counted(Case.kind == CaseKind.DUBLIN, *case_scope(scope))).select_from(AuditEntry)
                .join(Case, Case.id == AuditEntry.case_id)
                .where(*_audit_of_day(AuditEntry.action == "case.extend_transfer")))
    return int(_run(uow, ("transfer_extensions", _shape(scope)), build, _day_params(scope, day)).scalar_one())
