"""Read models for the screens: the worklist, deadlines due, a case's file, recent files, officers.

Every query is paged (``offset``/``limit``) and runs on an index: the store holds about a million
persons and a few hundred thousand cases, so nothing here loads a whole table. Only frozen dataclasses
leave this module, holding codes, enums, catalogue keys, dates and the structured parts of
``desk.services.labels``; the screens (and ``desk case show``) turn them into words when they draw, so a
language switch redraws what is held without reading again.

The top tier of the services: views reads what the write side (``casework``, ``kinds``, ``persons``,
``stays``) wrote and nothing else in ``desk.services`` imports it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import Date, Integer, bindparam, func, or_
from sqlmodel import select

from desk.clock import riga
from desk.i18n import get_language
from desk.rules.common import DeadlineState
from desk.text import fold
from desk.services import audit, casework, merge, notes, stays
from desk.services.auth import CASE_ROLES, Actor, Permission, ensure_live, parse_roles, require, require_kind
from desk.services.casecore import get_case
from desk.services.forms import FormSpec
from desk.services.kinds import adapter, rules_module
from desk.services.labels import (BecauseOf, CausedBy, DeadlineMoved, DetailLine, FieldChanged, HistoryPart,
                                  NoteWritten, OwnerChanged)
from desk.services.persons import PersonSummary, get_person, summaries, summary_of
from desk.services.statements import kept
from desk.services.stays import SchengenView, StayView
from models import AuditEntry, Case, Country, Deadline, IdentityDocument, InvitedPerson, Office, Officer, Person

SCOPES = ("mine", "office")
DUE_SOON_DAYS = 7
RECENTLY_MISSED_DAYS = 30  # a missed deadline not yet acted on stays on the "due" list this long


class DueState(StrEnum):
    """How near a case's next deadline is, for the worklist: drawn as the due date's colour, not as words."""

    OVERDUE = "overdue"
    TODAY = "today"
    SOON = "soon"  # within DUE_SOON_DAYS
    OPEN = "open"  # later than that
    NONE = "none"  # nothing due: no deadline open (the worklist's last run)


class WorklistOrder(StrEnum):
    """How the worklist is sorted: the nearest deadline first, or the case waiting longest first."""

    DUE = "due"  # next_due, then number; the cases with nothing due last
    WAITING = "waiting"  # opened_on, then number: opened longest ago first


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    kind: str
    status: str  # the code; its word is desk.services.labels.status_label(kind, status)
    person_id: int
    person_name: str
    opened_on: date
    owner_username: str
    office_code: str
    next_due: date | None
    next_due_state: DueState  # DueState.NONE: nothing due
    version: int


@dataclass(frozen=True)
class DeadlineRow:
    case_id: int
    case_number: str
    kind: str
    rule_id: str
    article: str
    title_key: str
    anchor_event_key: str
    anchor_date: date
    due_on: date
    state: DeadlineState
    consequence_key: str | None
    note_key: str | None
    verified: bool


@dataclass(frozen=True)
class HistoryRow:
    at_riga: datetime
    officer: str
    action: str  # the audit action code ("case.register", "case.accept", "case.note")
    parts: tuple[HistoryPart, ...]  # what changed; its words: labels.history_summary(kind, parts)


@dataclass(frozen=True)
class CaseFile:
    id: int
    number: str
    kind: str
    status: str
    person: PersonSummary
    owner_username: str
    owner_name: str
    office_code: str
    opened_on: date
    closed_on: date | None
    version: int
    details: list[DetailLine]
    deadlines: list[DeadlineRow]
    history: list[HistoryRow]
    related: list[CaseRow]
    actions: list[FormSpec]
    schengen: SchengenView | None  # for the kinds that show the Schengen 90/180 position (visas)
    notes: list[notes.NoteView] = field(default_factory=list)  # oldest first; also in ``history``
    values: dict = field(default_factory=dict)  # the detail row's stored values (codes, dates), for export


# --- dates -----------------------------------------------------------------------------------------------


def format_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def due_state(due: date | None, today: date) -> DueState:
    if due is None:
        return DueState.NONE
    if due < today:
        return DueState.OVERDUE
    if due == today:
        return DueState.TODAY
    if due <= today + timedelta(days=DUE_SOON_DAYS):
        return DueState.SOON
    return DueState.OPEN


# --- case rows ------------------------------------------------------------------------------------------


# The worklist's statements are built once per shape (scope, kinds, filters, order) and kept
# (desk.services.statements), the officer's ids and the dates as bound parameters.


def _built(key: tuple, build):
    return kept(("views",) + key, build)


def _row_query():
    """What a worklist line shows, as columns (no Case objects to build and track for a list)."""
    return (select(Case.id, Case.number, Case.kind, Case.status, Case.person_id, Case.opened_on, Case.next_due,
                   Case.version, Person.surname, Person.given_names, Officer.username, Office.code)
            .join(Person, Person.id == Case.person_id)
            .join(Office, Office.id == Case.office_id)
            .outerjoin(Officer, Officer.id == Case.owner_id))


def _rows(uow, result) -> list[CaseRow]:
    today = uow.clock.today()
    return [CaseRow(case_id, number, kind, status, person_id, f"{surname} {given}".strip(), opened_on,
                    username or "", office_code, next_due, due_state(next_due, today), version)
            for case_id, number, kind, status, person_id, opened_on, next_due, version, surname, given, username,
            office_code in result]


def case_rows(uow, case_ids: list[int]) -> list[CaseRow]:
    """Rows for the given cases, in the given order (no permission check: callers filter)."""
    if not case_ids:
        return []
    q = _built(("case_rows",), lambda: _row_query().where(Case.id.in_(bindparam("ids", expanding=True))))
    rows = {r.id: r for r in _rows(uow, uow.session.execute(q, {"ids": list(case_ids)}).all())}
    return [rows[i] for i in case_ids if i in rows]


def _visible_kinds(actor: Actor, kinds) -> list[str]:
    allowed = actor.case_kinds
    return sorted(allowed if not kinds else allowed & set(kinds))


@dataclass(frozen=True)
class WorklistFilter:
    """What the officer narrowed the worklist to, and its order; ``None`` is "any". Held by the home
    screen across its refreshes and handed to ``worklist`` / ``count_worklist`` as ``**arguments()``."""

    kind: str | None = None
    status: str | None = None  # a status code (of ``kind`` when one is chosen)
    due: DueState | None = None
    officer: str | None = None  # the owner's username (a supervisor's office scope)
    order: WorklistOrder = WorklistOrder.DUE

    @property
    def narrows(self) -> bool:
        return any(v is not None for v in (self.kind, self.status, self.due, self.officer))

    def arguments(self) -> dict:
        return {"kinds": (self.kind,) if self.kind else None, "statuses": (self.status,) if self.status else None,
                "due": self.due, "officer": self.officer, "order": self.order}


def _due_window(due: DueState):
    """The stored ``next_due`` of the cases in ``due`` (as ``due_state`` tells them apart): a range on
    the worklist indexes, which hold ``next_due`` after the owner or office and ``closed_on``.
    ``:today`` and ``:soon`` come from ``_params``."""
    today, soon = bindparam("today", type_=Date), bindparam("soon", type_=Date)
    return {DueState.OVERDUE: Case.next_due < today,
            DueState.TODAY: Case.next_due == today,
            DueState.SOON: (Case.next_due > today) & (Case.next_due <= soon),
            DueState.OPEN: Case.next_due > soon,
            DueState.NONE: Case.next_due.is_(None)}[DueState(due)]


def _owner_id(uow, username: str) -> int | None:
    return uow.session.exec(select(Officer.id).where(Officer.username == username)).first()


def _shape(actor: Actor, scope: str, kinds, open_only: bool, *, statuses=None, owner_id: int | None = None,
           due: DueState | None = None) -> tuple:
    """What a worklist statement depends on besides its parameters: the key it is kept under."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")
    return (scope, owner_id is not None, tuple(_visible_kinds(actor, kinds)), bool(open_only),
            tuple(sorted(set(statuses))) if statuses else (), DueState(due) if due is not None else None)


def _where(shape: tuple) -> list:
    scope, by_owner, kinds, open_only, statuses, due = shape
    if scope == "mine":
        conds = [Case.owner_id == bindparam("me")]
    elif not by_owner:
        conds = [Case.office_id == bindparam("office")]
    else:  # one officer's cases within the office (the supervisor's filter): read off the owner's index;
        # "+ 0" keeps SQLite from walking the whole office's index instead (PostgreSQL plans it the same)
        conds = [(Case.office_id + 0) == bindparam("office")]
    if by_owner:
        conds.append(Case.owner_id == bindparam("owner"))
    conds.append(Case.kind.in_(kinds))
    if open_only:
        conds.append(Case.closed_on.is_(None))
    if statuses:
        conds.append(Case.status.in_(statuses))
    if due is not None:
        conds.append(_due_window(due))
    return conds


def _params(uow, actor: Actor, owner_id: int | None = None, **more) -> dict:
    today = uow.clock.today()
    return {"me": actor.id, "office": actor.office_id, "owner": owner_id, "today": today,
            "soon": today + timedelta(days=DUE_SOON_DAYS), **more}


def _filter_shape(uow, actor: Actor, scope: str, kinds, open_only: bool, statuses, due, officer):
    """The worklist's filters as (shape, owner id); None when the named officer does not exist (no rows)."""
    owner_id = None
    if officer:
        owner_id = _owner_id(uow, officer)
        if owner_id is None:
            return None
    return _shape(actor, scope, kinds, open_only, statuses=statuses, owner_id=owner_id, due=due), owner_id


def worklist(uow, actor: Actor, *, scope: str = "mine", kinds=None, offset: int = 0, limit: int = 50,
             open_only: bool = True, statuses=None, due: DueState | None = None, officer: str | None = None,
             order: WorklistOrder = WorklistOrder.DUE) -> list[CaseRow]:
    """The officer's (or the office's) cases, narrowed to ``kinds``, ``statuses``, a deadline state
    (``due``) and one owner (``officer``, a username), in ``order``: the nearest open deadline first,
    then by number, cases with nothing due last (``DUE``); or the case opened longest ago first, then by
    number (``WAITING``).

    The order is the stored ``Case.next_due`` (kept by the deadline recompute) then the number, which
    the worklist indexes hold in that order: the cases with a date and those without are read as two
    index-ordered runs (SQLite keeps NULL first in an index, so "NULLS LAST" on one run would sort the
    whole office in a temporary B-tree) and only the page is joined to persons and officers. A deadline
    state is a range of ``next_due`` on the same indexes (and skips the run it cannot be in); the
    waiting order reads ``ix_case_*_waiting`` (owner or office, ``closed_on``, ``opened_on``, number)."""
    ensure_live(uow, actor)  # issue 15: a live session, not just an Actor
    offset, limit = max(0, offset), max(0, min(limit, 500))
    if limit == 0:
        return []
    wanted = offset + limit
    found = _filter_shape(uow, actor, scope, kinds, open_only, statuses, due, officer)
    if found is None:
        return []
    shape, owner_id = found
    params = _params(uow, actor, owner_id, offset=offset)
    n = bindparam("n", type_=Integer)

    def ids(key: str, build, **more) -> list[int]:
        q = _built(("worklist", key, shape), lambda: build(select(Case.id).where(*_where(shape))))
        return list(uow.session.execute(q, {**params, **more}).scalars().all())

    if WorklistOrder(order) is WorklistOrder.WAITING:
        return case_rows(uow, ids("waiting", lambda q: q.order_by(Case.opened_on, Case.number)
                                  .offset(bindparam("offset", type_=Integer)).limit(n), n=limit))
    found_ids: list[int] = []
    if due is None or DueState(due) is not DueState.NONE:
        found_ids = ids("dated", lambda q: q.where(Case.next_due.is_not(None)).order_by(Case.next_due, Case.number)
                        .limit(n), n=wanted)
    if len(found_ids) < wanted and (due is None or DueState(due) is DueState.NONE):
        # ordered by (next_due, number) though next_due is NULL throughout: the index's own order, which
        # PostgreSQL does not see from "next_due IS NULL" alone (it would sort the run; migration 0021)
        found_ids += ids("undated", lambda q: q.where(Case.next_due.is_(None)).order_by(Case.next_due, Case.number)
                         .limit(n), n=wanted - len(found_ids))
    return case_rows(uow, found_ids[offset:wanted])


def count_worklist(uow, actor: Actor, *, scope: str = "mine", kinds=None, open_only: bool = True, statuses=None,
                   due: DueState | None = None, officer: str | None = None,
                   order: WorklistOrder = WorklistOrder.DUE) -> int:
    """How many cases ``worklist`` reaches with the same filters (``order`` is accepted and ignored, so
    both take ``WorklistFilter.arguments()``)."""
    ensure_live(uow, actor)  # issue 15: a live session, not just an Actor
    found = _filter_shape(uow, actor, scope, kinds, open_only, statuses, due, officer)
    if found is None:
        return 0
    shape, owner_id = found
    q = _built(("count", shape), lambda: select(func.count()).select_from(Case).where(*_where(shape)))
    return int(uow.session.execute(q, _params(uow, actor, owner_id)).scalar_one())


def counts_per_kind(uow, actor: Actor, *, scope: str = "mine") -> dict[str, int]:
    """Open cases per kind the officer may see (kinds with none are 0)."""
    ensure_live(uow, actor)  # issue 15: a live session, not just an Actor
    shape = _shape(actor, scope, None, True)
    q = _built(("per_kind", shape),
               lambda: select(Case.kind, func.count()).where(*_where(shape)).group_by(Case.kind))
    counts = {k: 0 for k in _visible_kinds(actor, None)}
    for kind, n in uow.session.execute(q, _params(uow, actor)).all():
        counts[kind] = int(n)
    return counts


# --- deadlines --------------------------------------------------------------------------------------------


def deadline_row(d: Deadline, case_number: str, kind: str) -> DeadlineRow:
    return DeadlineRow(
        d.case_id, case_number, kind, d.rule_id, d.article, d.title_key, d.anchor_event_key, d.anchor_date,
        d.due_on, DeadlineState(d.state), d.consequence_key or None, d.note_key or None, d.verified,
    )


def deadlines_due(uow, actor: Actor, *, today: date, within_days: int = DUE_SOON_DAYS, scope: str = "mine",
                  limit: int = 200) -> list[DeadlineRow]:
    """Open deadlines overdue, due today or within ``within_days``, plus recently missed ones not yet
    done; overdue first (by due date, then case number)."""
    ensure_live(uow, actor)  # issue 15: a live session, not just an Actor
    horizon = today + timedelta(days=within_days)
    q = (select(Deadline, Case.number, Case.kind).join(Case, Case.id == Deadline.case_id)
         .where(or_((Deadline.state == DeadlineState.OPEN.value) & (Deadline.due_on <= horizon),
                    (Deadline.state == DeadlineState.MISSED.value) & Deadline.done_on.is_(None)
                    & (Deadline.due_on >= today - timedelta(days=RECENTLY_MISSED_DAYS)))))
    q = q.where(*_where(_shape(actor, scope, None, True))).order_by(Deadline.due_on, Case.number, Deadline.id)
    return [deadline_row(d, number, kind)
            for d, number, kind in uow.session.execute(q.limit(limit), _params(uow, actor)).all()]


def deadlines_of(uow, case: Case) -> list[DeadlineRow]:
    rows = uow.session.exec(select(Deadline).where(Deadline.case_id == case.id)
                            .order_by(Deadline.due_on, Deadline.id)).all()
    return [deadline_row(d, case.number, case.kind) for d in rows]


# --- a case's file ----------------------------------------------------------------------------------------


def cases_of_person(uow, actor: Actor, person_id: int, *, limit: int = 200) -> list[CaseRow]:
    """The person's cases of the kinds the officer may see: as the main person and as an invited person."""
    ensure_live(uow, actor)  # issue 15: a live session, not just an Actor
    kinds = _visible_kinds(actor, None)
    invited = select(InvitedPerson.invitation_case_id).where(InvitedPerson.person_id == person_id)
    q = (_row_query().where(or_(Case.person_id == person_id, Case.id.in_(invited)))
         .where(Case.kind.in_(kinds)).order_by(Case.opened_on.desc(), Case.id.desc()).limit(limit))
    return _rows(uow, uow.session.exec(q).all())


def _related(uow, actor: Actor, case: Case) -> list[CaseRow]:
    ids = adapter(case.kind).related_case_ids(uow, case)
    linked = [r for r in case_rows(uow, ids) if actor.can_work_on(r.kind)]
    seen = {case.id} | {r.id for r in linked}
    others = [r for r in cases_of_person(uow, actor, case.person_id) if r.id not in seen]
    return linked + others


def _history_parts(detail: dict) -> list[HistoryPart]:
    """What an audit entry of a case changed, as parts (the words: labels.history_summary)."""
    parts: list[HistoryPart] = []
    changes = detail.get("changes") or {}
    for name, pair in changes.items():
        if not isinstance(pair, list) or len(pair) != 2 or name.endswith("_id"):
            continue  # internal keys (asylum_case_id ...) are shown on the file in words, not here
        parts.append(FieldChanged(name, pair[0], pair[1]))
    if detail.get("to"):
        parts.append(OwnerChanged(detail.get("from") or "", detail["to"]))
    for move in detail.get("moved") or ():  # desk recompute: which deadline moved, from when to when, why
        if isinstance(move, list) and len(move) == 4:
            _rule_id, title_key, old, new = move
            parts.append(DeadlineMoved(title_key, date.fromisoformat(old) if old else None,
                                       date.fromisoformat(new) if new else None))
    if detail.get("cause"):  # done because of a step on a linked case (desk.services.kinds FollowUp)
        parts.append(CausedBy(str(detail["cause"])))
    if detail.get("reason"):
        parts.append(BecauseOf(str(detail["reason"])))
    return parts


def history_of(uow, case_id: int, *, limit: int = 200) -> list[HistoryRow]:
    entries = [e for e in audit.entries(uow, case_id=case_id, limit=limit) if e.action != "case.view"]
    written = notes.notes_by_id(uow, [e.detail.get("note_id") for e in entries if e.action == "case.note"])
    out = []
    for e in entries:
        if e.action == "case.note":  # the note's text is in its own row (the audit holds its id and hash)
            note = written.get(e.detail.get("note_id"))
            parts: list[HistoryPart] = [NoteWritten(note.id, note.text, note.corrects_id)] if note else []
        else:
            parts = _history_parts(e.detail)
        out.append(HistoryRow(riga(e.at), e.officer_username, e.action, tuple(parts)))
    return out


def case_file(uow, actor: Actor, case_id: int) -> CaseFile:
    """Everything on a case's file. Audited as "case.view" (also read by ``recent_files``)."""
    case = get_case(uow, case_id)
    require_kind(uow, actor, case.kind, case_id=case.id)
    owner = uow.session.get(Officer, case.owner_id) if case.owner_id else None
    office = uow.session.get(Office, case.office_id)
    schengen = None
    if adapter(case.kind).shows_schengen:
        schengen = stays.schengen_view(uow, case.person_id, uow.clock.today())
    result = CaseFile(
        id=case.id, number=case.number, kind=case.kind, status=case.status, person=summary_of(uow, case.person_id),
        owner_username=owner.username if owner else "", owner_name=owner.full_name if owner else "",
        office_code=office.code if office else "", opened_on=case.opened_on, closed_on=case.closed_on,
        version=case.version, details=casework.details_of(uow, case), deadlines=deadlines_of(uow, case),
        history=history_of(uow, case.id), related=_related(uow, actor, case),
        actions=casework.forms_for_case(uow, case), schengen=schengen, notes=notes.notes_of(uow, case.id),
        values=casework.detail_values(uow, case),
    )
    audit.record(uow, actor, "case.view", case_id=case.id, person_id=case.person_id)
    return result


def case_file_by_number(uow, actor: Actor, number: str) -> CaseFile:
    """``case_file`` for a case named by its number (the command line): the same checks and audit."""
    from desk.services.casecore import case_by_number

    return case_file(uow, actor, case_by_number(uow, number).id)


def recent_files(uow, actor: Actor, limit: int = 20) -> list[CaseRow]:
    """The officer's most recently opened case files (from the audit trail's "case.view" entries)."""
    ensure_live(uow, actor)  # issue 15: a live session, not just an Actor
    last = func.max(AuditEntry.id)
    q = (select(AuditEntry.case_id, last)
         .where(AuditEntry.officer_id == actor.id, AuditEntry.action == "case.view",
                AuditEntry.case_id.is_not(None))
         .group_by(AuditEntry.case_id).order_by(last.desc()).limit(limit))
    ids = [cid for cid, _ in uow.session.exec(q).all()]
    return [r for r in case_rows(uow, ids) if actor.can_work_on(r.kind)]


def officers_of_office(uow, actor: Actor) -> list[tuple[str, str]]:
    """(username, full name) of the active officers of the actor's office who work on cases."""
    require(uow, actor, Permission.REASSIGN)
    rows = uow.session.exec(select(Officer).where(Officer.office_id == actor.office_id, Officer.active.is_(True))
                            .order_by(Officer.username)).all()
    return [(o.username, o.full_name) for o in rows if parse_roles(o.roles) & CASE_ROLES]


@dataclass(frozen=True)
class WorklistChoices:
    """What the worklist's filter offers: the kinds the officer works on, each kind's status codes in
    the order of its rules, and (for a supervisor) the office's officers as (username, full name)."""

    kinds: list[str]
    statuses: dict[str, list[str]]
    officers: list[tuple[str, str]]


def worklist_choices(uow, actor: Actor) -> WorklistChoices:
    ensure_live(uow, actor)  # issue 15: a live session, not just an Actor
    kinds = _visible_kinds(actor, None)
    statuses = {kind: [s.value for s in rules_module(kind).Status] for kind in kinds}
    officers = officers_of_office(uow, actor) if actor.can(Permission.REASSIGN) else []
    return WorklistChoices(kinds, statuses, officers)


def country_options(uow) -> list[tuple[str, str]]:
    """(ISO alpha-3 code, name in the officer's language) for type-ahead, stateless and unknown included."""
    english = get_language() == "en"
    rows = uow.session.exec(select(Country)).all()
    return sorted(((c.code, c.name_en if english else c.name_lv) for c in rows), key=lambda p: fold(p[1]))


def office_options(uow) -> list[tuple[str, str]]:
    """(office code, name in the officer's language) for type-ahead."""
    english = get_language() == "en"
    return [(o.code, o.name_en if english else o.name_lv)
            for o in uow.session.exec(select(Office).order_by(Office.code)).all()]


# --- a person's file --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentView:
    id: int
    kind: str  # the code; its word: desk.i18n.label("person.document", kind)
    number: str
    issuing_country: str
    valid_until: date | None


@dataclass(frozen=True)
class PersonFile:
    summary: PersonSummary
    sex: str
    documents: list[DocumentView]
    stays: list[StayView]
    cases: list[CaseRow]
    schengen: SchengenView
    # the id asked for when it was merged into this person (its file is the survivor's), else None
    merged_away_id: int | None = None
    merges: tuple[merge.MergeView, ...] = ()  # the merges this record took part in, not undone, newest first


def person_file(uow, actor: Actor, person_id: int) -> PersonFile:
    """Everything on a person's file: identity, documents, stays, the cases the officer may see and the
    Schengen 90/180 position today. Audited as "person.view"."""
    require(uow, actor, Permission.VIEW_PERSONS, person_id=person_id)
    person = get_person(uow, person_id)  # a merged record's id: the survivor, whose rows these are now
    summary = summaries(uow, [person])[0]
    docs = uow.session.exec(select(IdentityDocument).where(IdentityDocument.person_id == person.id)
                            .order_by(IdentityDocument.id)).all()
    documents = [DocumentView(d.id, d.kind, d.number, d.issuing_country, d.valid_until) for d in docs]
    today = uow.clock.today()
    merged_away = person_id if person.id != person_id else None
    file = PersonFile(
        summary=summary, sex=person.sex, documents=documents,
        stays=stays.stays_of(uow, person.id),
        cases=cases_of_person(uow, actor, person.id),
        schengen=stays.schengen_view(uow, person.id, today),
        merged_away_id=merged_away,
        merges=tuple(merge.merges_of(uow, [person.id] + ([merged_away] if merged_away else []))),
    )
    audit.record(uow, actor, "person.view", person_id=person.id, **({"asked_for": merged_away} if merged_away else {}))
    return file
