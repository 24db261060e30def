"""Scale data: a store of N persons with cases in proportion to PMLP's yearly volumes (DOMAIN.md).

Ten years of PMLP's work is about one million persons; ``build(store, persons=N)`` scales the yearly
volumes below to N and spreads the cases over ``years`` years ending today. Rows go in with bulk
inserts (SQLAlchemy Core ``insert`` with lists of dicts, one explicit transaction per batch), not
through the services, which would take hours for a million persons. Statuses come from walking each
kind's state machine (``desk.rules.<kind>.MACHINE``) with plausible gaps between events, so old cases
are closed and recent ones still open; deadlines are computed by the rules (through
``desk.services.deadlines.compute``) for open cases only. Case numbers use ``casecore.format_number``
and ``case_counter`` is moved on so that new registrations continue the sequence. One ``seed.load``
audit entry is appended at the end through the ordinary audit service, so the chain still verifies.

Nothing personal is printed: progress lines carry counts and rates only.
"""
from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from dateutil.relativedelta import relativedelta
from sqlalchemy import bindparam, func, insert, select, update

from desk.names import name_forms
from desk.rules.asylum import APR_APPLIES_FROM
from desk.services import audit, casecore, search
from desk.services.kinds import rules_module
from desk.text import fold, make_personal_code, normalize_document_number
from models import (
    AsylumApplication, Case, CaseCounter, Deadline, DublinRequest, IdentityDocument, Invitation, InvitedPerson,
    Office, Officer, Person, ResidencePermit, ReturnDecision, Stay, Visa,
)
from seed.names import make_name, pick_pool
from seed.reference import DUBLIN_PARTNERS, load_reference

# PMLP's yearly volumes (DOMAIN.md, "plan" column of the 2020 report): cases per year for ~100,000
# persons a year (ten years ~ one million persons).
YEARLY_VOLUME: dict[str, int] = {
    "permit": 45_700, "visa": 600, "invitation": 55_000, "asylum": 300, "dublin": 620, "return": 250,
}
PERSONS_PER_TEN_YEARS = 1_000_000
INVITED_PER_INVITATION = 1.3  # 39,793 persons named in 30,613 invitations and calls (2020)
DUBLIN_INCOMING_SHARE = 600 / 620  # 600 received, ~20 sent a year
BATCH = 20_000

# Median gap in days between two events of a case of each kind (drives how far a case got by today).
STEP_DAYS = {"asylum": 45, "dublin": 20, "permit": 25, "visa": 6, "invitation": 10, "return": 15}
RARE_ACTION_WORDS = ("withdraw", "expire", "lapse", "annul", "cancel", "remit", "court")


@dataclass
class ScaleReport:
    persons: int = 0
    documents: int = 0
    cases: dict[str, int] = field(default_factory=dict)
    statuses: dict[tuple[str, str], int] = field(default_factory=dict)
    open_cases: int = 0
    deadlines: int = 0
    deadline_failures: int = 0  # open cases whose rules raised (reported, never silent)
    failure_kinds: set[str] = field(default_factory=set)
    seconds: float = 0.0


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def case_counts(persons: int) -> dict[str, int]:
    """How many cases of each kind go with ``persons`` persons (ten years of PMLP's volumes per million)."""
    factor = persons / PERSONS_PER_TEN_YEARS * 10
    return {kind: max(1, round(volume * factor)) for kind, volume in YEARLY_VOLUME.items()}


# --- walking the state machines -------------------------------------------------------------------


def _machine(module, direction: str | None):
    """The life cycle to walk: a Dublin request's depends on its direction (desk.rules.dublin.machine_for)."""
    return module.machine_for(direction) if hasattr(module, "machine_for") else module.MACHINE


def _allowed(module, kind: str, status: str, sub: str | None, direction: str | None = None) -> list[str]:
    if kind == "dublin":
        return [str(a) for a in module.allowed_actions(status, sub, direction)]
    return list(module.MACHINE.allowed(status))


def _pick_action(rng: random.Random, actions: list[str]) -> str:
    weights = []
    for i, a in enumerate(actions):
        w = 0.04 if any(word in a for word in RARE_ACTION_WORDS) else (1.0 if i == 0 else 0.15)
        weights.append(w)
    return rng.choices(actions, weights=weights, k=1)[0]


def walk(rng: random.Random, module, kind: str, start: str, opened_on: date, today: date,
         sub: str | None = None, direction: str | None = None) -> tuple[str, list[tuple[str, date]]]:
    """Apply plausible actions from ``start`` at increasing dates until a terminal state or today."""
    status, day, path = start, opened_on, []
    step = STEP_DAYS[kind]
    for _ in range(12):
        actions = _allowed(module, kind, status, sub, direction)
        if not actions:
            break
        next_day = day + timedelta(days=max(1, int(rng.expovariate(1 / step))))
        if next_day > today:
            break
        action = _pick_action(rng, actions)
        status = str(_machine(module, direction).apply(status, action))
        day = next_day
        path.append((action, day))
    return status, path


# --- detail rows per kind -------------------------------------------------------------------------
# Which detail column an action's date goes into (by the rules' action names); unknown actions leave
# only the status. Values that are not dates are set alongside.

ACTION_COLUMNS: dict[str, dict[str, dict]] = {
    "asylum": {
        "hold_interview": {"interview_on": "D"},
        "grant_refugee_status": {"decision": "refugee", "decision_on": "D", "notified_on": "D"},
        "grant_alternative_status": {"decision": "alternative", "decision_on": "D", "notified_on": "D"},
        "refuse": {"decision": "refused", "decision_on": "D", "notified_on": "D"},
        "leave_without_examination": {"decision": "left_without_examination", "decision_on": "D", "notified_on": "D"},
        "withdraw": {"decision": "withdrawn", "decision_on": "D"},
        "appeal": {"appeal_lodged_on": "D"},
        "become_final": {"final_on": "D"},
    },
    "dublin": {
        "send": {"sent_on": "D", "received_on": "D"},
        "answer": {"replied_on": "D"},
        "accept": {"reply": "accepted", "replied_on": "D", "accepted_on": "D"},
        "accept_tacitly": {"tacit": True},
        "reject": {"reply": "rejected", "replied_on": "D", "refusal_received_on": "D"},
        "request_reexamination": {"reexam_requested_on": "D"},
        "accept_on_reexamination": {"reexam_answered_on": "D", "reexam_result": "accepted", "accepted_on": "D"},
        "reject_on_reexamination": {"reexam_answered_on": "D", "reexam_result": "rejected"},
        "decide_transfer": {"transfer_decided_on": "D"},
        "schedule_transfer": {"transfer_scheduled_on": "D+14"},
        "extend_transfer": {"extension": "absconding", "extension_notified_on": "D"},
        "complete_transfer": {"transfer_done_on": "D"},
        # an incoming request: the requesting state's steps as Latvia records them
        "receive_reexamination": {"reexam_requested_on": "D"},
        "expect_transfer": {"transfer_scheduled_on": "D+14"},
        "record_arrival": {"transfer_done_on": "D"},
    },
    "permit": {
        "grant": {"decided_on": "D", "valid_from": "D", "valid_until": "D+730"},
        "refuse": {"decided_on": "D"},
        "issue": {"issued_on": "D"},
        "annul": {"annulled_on": "D"},
    },
    "visa": {
        "issue": {"decided_on": "D", "valid_from": "D", "valid_until": "D+90", "days_allowed": 90},
        "refuse": {"decided_on": "D"},
    },
    "invitation": {
        "approve": {"decided_on": "D", "valid_from": "D", "valid_until": "D+180"},
        "refuse": {"decided_on": "D"},
    },
    "return": {
        "notify": {"notified_on": "D"},
        "contest": {"contested_on": "D"},
        "depart": {"departed_on": "D"},
        "expel": {"departed_on": "D"},
    },
}
# Generic fallbacks: an action named like a detail column ("issue" -> issued_on, "decide" -> decided_on).
_SUFFIXES = ("d_on", "ed_on", "led_on", "_on")


def _generic_columns(model, action: str) -> dict:
    verb = action.split("_")[-1] if action.startswith(("record_", "mark_")) else action.split("_")[0]
    columns = set(model.__table__.columns.keys())
    for suffix in _SUFFIXES:
        name = verb + suffix
        if name in columns:
            return {name: "D"}
    if verb.endswith("e") and verb[:-1] + "ed_on" in columns:
        return {verb[:-1] + "ed_on": "D"}
    return {}


def apply_path(kind: str, model, row: dict, path: list[tuple[str, date]]) -> None:
    explicit = ACTION_COLUMNS.get(kind, {})
    columns = set(model.__table__.columns.keys())
    for action, day in path:
        spec = explicit.get(action) or _generic_columns(model, action)
        for column, value in spec.items():
            if column not in columns:
                continue
            if value == "D":
                value = day
            elif isinstance(value, str) and value.startswith("D+"):
                value = day + timedelta(days=int(value[2:]))
            if column == "received_on" and row.get("direction") == "incoming":
                continue
            row[column] = value


# --- the loader -----------------------------------------------------------------------------------


class _Loader:
    def __init__(self, store, rng: random.Random, today: date, years: int, progress: Callable[[str], None]):
        self.store, self.rng, self.today, self.years, self.progress = store, rng, today, years, progress
        self.rows: dict[str, list[dict]] = {}
        self.report = ScaleReport()
        self.started = time.monotonic()
        self.now = None

    def add(self, table, row: dict) -> None:
        self.rows.setdefault(table.__tablename__ if hasattr(table, "__tablename__") else table.name, []).append(row)

    def flush(self, conn) -> None:
        order = [Person, IdentityDocument, Stay, Case, AsylumApplication, DublinRequest, ResidencePermit, Visa,
                 Invitation, InvitedPerson, ReturnDecision, Deadline]
        if conn.in_transaction():  # the reads before (max ids, counters) autobegan one
            conn.commit()
        with conn.begin():
            for model in order:
                rows = self.rows.pop(model.__tablename__, None)
                if rows:
                    template = _template(model)
                    conn.execute(insert(model.__table__), [{**template, **row} for row in rows])
        self.rows.clear()

    def tick(self, what: str, done: int, total: int) -> None:
        elapsed = time.monotonic() - self.started
        rate = self.report.persons / elapsed if elapsed else 0.0
        self.progress(f"seed: {what} {done:,}/{total:,}; persons {self.report.persons:,} "
                      f"({rate:,.0f}/s), elapsed {elapsed:,.1f} s")


_TEMPLATES: dict[str, dict] = {}


def _template(model) -> dict:
    """Every column of ``model`` with its default (executemany needs the same keys in every row)."""
    out = _TEMPLATES.get(model.__tablename__)
    if out is None:
        from pydantic_core import PydanticUndefined

        out = {}
        for name in model.__table__.columns.keys():
            info = model.model_fields.get(name)
            default = None if info is None else info.default
            out[name] = None if default is PydanticUndefined else default
        _TEMPLATES[model.__tablename__] = out
    return out


def _max_id(conn, model) -> int:
    return conn.execute(select(func.coalesce(func.max(model.id), 0))).scalar_one()


def build(store, *, persons: int, years: int = 10, seed: int = 1, today: date | None = None,
          progress: Callable[[str], None] = _stderr) -> ScaleReport:
    """Fill ``store`` with ``persons`` persons and their cases; returns counts. Adds to what is there."""
    from desk import clock

    today = today or clock.today()
    rng = random.Random(seed)
    loader = _Loader(store, rng, today, years, progress)
    loader.now = clock.now()
    with store.uow() as uow:
        load_reference(uow.session)
    engine = store.engine
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            raw = conn.connection.driver_connection
            raw.execute("PRAGMA synchronous=OFF")
            raw.execute("PRAGMA cache_size=-400000")
            raw.execute("PRAGMA temp_store=MEMORY")
        try:
            _load(conn, loader, persons)
        finally:
            if conn.in_transaction():
                conn.rollback()
            if sqlite:
                raw.execute("PRAGMA synchronous=NORMAL")
                raw.execute("PRAGMA cache_size=-2000")
    report = loader.report
    with store.uow() as uow:
        audit.record(uow, None, "seed.load", persons=report.persons, cases=sum(report.cases.values()),
                     seed=seed, years=years)
    _rebuild_search_index(store, progress)
    report.seconds = time.monotonic() - loader.started
    if report.deadline_failures:
        progress(f"seed: WARNING: {report.deadline_failures:,} open cases got no deadlines "
                 f"({', '.join(sorted(report.failure_kinds))})")
    progress(f"seed: done: {report.persons:,} persons, {sum(report.cases.values()):,} cases, "
             f"{report.deadlines:,} deadlines in {report.seconds:,.1f} s")
    return report


def _rebuild_search_index(store, progress) -> None:
    progress("seed: rebuilding the search index")
    try:
        with store.uow() as uow:
            search.rebuild_index(uow)
    except Exception as exc:  # the data is in; say so and let `desk` rebuild the index later
        progress(f"seed: WARNING: search index not rebuilt ({exc.__class__.__name__})")


_DOC_PREFIX = {"LVA": "LV", "RUS": "75", "UKR": "FE", "BLR": "MP", "SYR": "N0", "IRQ": "A", "AFG": "P0",
               "IND": "Z", "UZB": "FA", "VNM": "C", "NGA": "A0", "GEO": "1", "TUR": "U", "XXA": "XA"}


class _People:
    """Hands out person ids: a new person (generated for the kind of work) or someone already loaded."""

    def __init__(self, loader: _Loader, conn, target: int, slots: int):
        self.loader, self.target = loader, target
        self.first_id = _max_id(conn, Person) + 1
        self.next_id = self.first_id
        self.doc_id = _max_id(conn, IdentityDocument) + 1
        self.p_new = min(1.0, target / max(1, slots))
        self._fold: dict[str, str] = {}
        self._forms: dict[tuple, str] = {}

    @property
    def created(self) -> int:
        return self.next_id - self.first_id

    def folded(self, text: str) -> str:
        out = self._fold.get(text)
        if out is None:
            out = self._fold[text] = fold(text)
        return out

    def forms(self, surname: str, given: str, original: str | None) -> str:
        """desk.names.name_forms (what the ORM listener writes), once per name: bulk rows skip the ORM."""
        key = (surname, given, original)
        out = self._forms.get(key)
        if out is None:
            out = self._forms[key] = name_forms(surname, given, original)
        return out

    def get(self, mix: str, *, born_before: date) -> int:
        rng = self.loader.rng
        if self.created == 0 or (self.created < self.target and rng.random() < self.p_new):
            return self.new(mix, born_before=born_before)
        return rng.randrange(self.first_id, self.next_id)

    def new(self, mix: str, *, born_before: date) -> int:
        loader, rng = self.loader, self.loader.rng
        name = make_name(rng, pick_pool(rng, mix))
        pid = self.next_id
        self.next_id += 1
        age_days = int(rng.triangular(18 * 365, 70 * 365, 32 * 365)) if mix != "asylum" or rng.random() > 0.15 \
            else rng.randrange(2 * 365, 18 * 365)
        born = born_before - timedelta(days=age_days)
        code = make_personal_code(born, pid % 1000) if (rng.random() < 0.4 and born.year >= 1900) else None
        loader.add(Person, {
            "id": pid, "surname": name.surname, "given_names": name.given_names, "original_name": name.original_name,
            "surname_folded": self.folded(name.surname), "given_folded": self.folded(name.given_names),
            "name_forms": self.forms(name.surname, name.given_names, name.original_name),
            "date_of_birth": born, "sex": name.sex, "citizenship": name.citizenship, "personal_code": code,
            "created_at": loader.now, "version": 1,
        })
        loader.report.persons += 1
        if rng.random() < 0.92:
            issuing = name.citizenship if name.citizenship != "XXA" else "LVA"
            kind = "travel_document" if name.citizenship == "XXA" else ("id_card" if rng.random() < 0.1 else "passport")
            number = f"{_DOC_PREFIX.get(issuing, 'P')}{pid * 7919 % 10_000_000:07d}"
            loader.add(IdentityDocument, {
                "id": self.doc_id, "person_id": pid, "kind": kind, "number": number,
                "number_norm": normalize_document_number(number), "issuing_country": issuing,
                "valid_until": born_before + timedelta(days=rng.randrange(-400, 3650)),
            })
            self.doc_id += 1
            loader.report.documents += 1
        return pid


def _sorted_days(rng: random.Random, n: int, first: date, last: date) -> list[date]:
    span = (last - first).days
    return [first + timedelta(days=d) for d in sorted(rng.randrange(span + 1) for _ in range(n))]


def _load(conn, loader: _Loader, persons: int) -> None:
    from desk.services import deadlines as deadline_service

    rng, today = loader.rng, loader.today
    counts = case_counts(persons)
    slots = sum(counts.values()) + round(counts["invitation"] * (INVITED_PER_INVITATION - 1))
    people = _People(loader, conn, persons, slots)
    offices = {code: oid for oid, code in conn.execute(select(Office.id, Office.code))}
    office_ids = list(offices.values())
    main_office = offices.get("RIG-MIG") or office_ids[0]
    asylum_office = offices.get("RIG-PAT") or main_office
    owners = _owners_by_kind(conn)
    counters = {(k, y): s for k, y, s in conn.execute(select(CaseCounter.kind, CaseCounter.year, CaseCounter.last_seq))}
    case_id = _max_id(conn, Case) + 1
    invited_id = _max_id(conn, InvitedPerson) + 1
    stay_id = _max_id(conn, Stay) + 1
    deadline_id = _max_id(conn, Deadline) + 1
    first_day = today - relativedelta(years=loader.years)
    total_cases = sum(counts.values())
    done = 0
    open_cases: list[tuple] = []
    recent_asylum: list[int] = []
    partners = sorted(DUBLIN_PARTNERS - {"LVA"})
    purposes = ["employment"] * 40 + ["study"] * 15 + ["family"] * 20 + ["business"] * 5 + ["eu_citizen"] * 8 + \
        ["investment"] * 3 + ["research"] * 2 + ["repatriate"] * 2 + ["international_protection"] * 1 + ["other"] * 4

    for kind in ("invitation", "permit", "visa", "asylum", "dublin", "return"):
        module = rules_module(kind)
        if module is None:
            loader.progress(f"seed: no rules for {kind} yet; its cases are skipped")
            continue
        model = {"asylum": AsylumApplication, "dublin": DublinRequest, "permit": ResidencePermit, "visa": Visa,
                 "invitation": Invitation, "return": ReturnDecision}[kind]
        n = counts[kind]
        for opened_on in _sorted_days(rng, n, first_day, today):
            cid = case_id
            case_id += 1
            year = opened_on.year
            seq = counters.get((kind, year), 0) + 1
            counters[(kind, year)] = seq
            mix = "permit" if kind == "invitation" else kind
            sub = direction = None
            detail: dict = {"case_id": cid}
            if kind == "dublin":
                direction = "incoming" if rng.random() < DUBLIN_INCOMING_SHARE else "outgoing"
                sub = rng.choices(["take_charge", "take_back", "information"], [200, 75, 44])[0]
                lodged = opened_on - timedelta(days=rng.randrange(5, 50))
                detail.update(direction=direction, request_kind=sub, partner_country=rng.choice(partners),
                              regime="ammr" if lodged >= date(2026, 7, 1) else "dublin_iii",
                              lodged_on=lodged, registered_on=lodged, detained=False, tacit=False, out_of_time=False,
                              partner_reference=f"DN-{cid:08d}")
                if direction == "incoming":
                    detail.update(sent_on=opened_on - timedelta(days=1), received_on=opened_on)
                start = str(module.initial_status(direction))
                if recent_asylum and direction == "outgoing":
                    detail["asylum_case_id"] = rng.choice(recent_asylum)
            else:
                start = str(module.MACHINE.initial)
            status, path = walk(rng, module, kind, start, opened_on, today, sub, direction)
            person_id = people.get(mix, born_before=opened_on)
            if kind == "invitation":
                detail.update(invitation_kind="call" if rng.random() < 0.69 else "invitation",
                              inviter_kind="company" if rng.random() < 0.6 else "person",
                              submitted_on=opened_on, purpose=rng.choice(purposes))
                if detail["inviter_kind"] == "company":
                    detail.update(inviter_name=f"SIA \"{rng.choice(_COMPANIES)}\"",
                                  inviter_code=f"40{rng.randrange(10**8, 10**9)}")
                else:
                    inviter = make_name(rng, "latvian")
                    detail.update(inviter_name=f"{inviter.given_names} {inviter.surname}")
                named = [person_id]
                extra = 1 if rng.random() < 0.25 else 0
                extra += 1 if rng.random() < 0.05 else 0
                for _ in range(extra):
                    other = people.get(mix, born_before=opened_on)
                    if other not in named:
                        named.append(other)
                for pid in named:
                    loader.add(InvitedPerson, {"id": invited_id, "invitation_case_id": cid, "person_id": pid})
                    invited_id += 1
            elif kind == "permit":
                purpose = rng.choice(purposes)
                pk = "eu_registration" if purpose == "eu_citizen" else rng.choices(
                    ["temporary", "permanent", "eu_long_term"], [85, 12, 3])[0]
                detail.update(permit_kind=pk, issue_type=rng.choices(["first", "re_registration", "re_issue"],
                                                                      [27, 63, 10])[0],
                              purpose=purpose, right_to_work=purpose in ("employment", "business", "family"),
                              applied_on=opened_on)
            elif kind == "visa":
                cat = "D" if rng.random() < 0.99 else "C"
                detail.update(category=cat, entries=rng.choice(["single", "multiple"]), applied_on=opened_on,
                              extension_reason="unforeseen_circumstances")
                entry = opened_on - timedelta(days=rng.randrange(20, 80))
                loader.add(Stay, {"id": stay_id, "person_id": person_id, "entry_on": entry, "exit_on": None,
                                  "counts_for_90_180": cat == "C", "note": None})
                stay_id += 1
            elif kind == "asylum":
                detail.update(application_type="repeat" if rng.random() < 0.18 else "first",
                              procedure="accelerated" if rng.random() < 0.2 else "regular",
                              lodged_on=opened_on, registered_on=opened_on + timedelta(days=rng.randrange(0, 3)),
                              decision_extended_months=0, unaccompanied_minor=rng.random() < 0.03,
                              accommodation="Mucenieki" if rng.random() < 0.7 else None,
                              regime="asylum_law", made_on=None)
                if opened_on >= APR_APPLIES_FROM:
                    # Reg. 2024/1348 Arts. 26-28, 79(3): made and registered on the opening day, lodged after
                    # (the same random draws as before, so the rest of the data does not move)
                    detail.update(regime="apr", made_on=opened_on, lodged_on=detail["registered_on"],
                                  registered_on=opened_on)
                if (today - opened_on).days < 200:
                    recent_asylum.append(cid)
            elif kind == "return":
                voluntary = rng.random() < 155 / 167
                detail.update(decision_kind="voluntary" if voluntary else "forced",
                              grounds=rng.choice(["overstay", "no_visa", "no_permit", "visa_free_breach"]),
                              issued_on=opened_on, notified_on=opened_on + timedelta(days=rng.randrange(0, 4)),
                              ban_imposed=not voluntary or rng.random() < 0.2)
                if voluntary:
                    detail["departure_days"] = rng.randrange(7, 31)
                    detail["depart_by"] = detail["notified_on"] + timedelta(days=detail["departure_days"])
                if detail["ban_imposed"]:
                    detail["ban_years"] = rng.choice([1, 2, 3])
            apply_path(kind, model, detail, path)
            terminal = status in module.MACHINE.terminal_states() or (
                kind == "dublin" and status in {str(s) for s in module.TERMINAL_STATUSES})
            closed_on = path[-1][1] if (terminal and path) else None
            office = asylum_office if kind in ("asylum", "dublin") else (
                main_office if rng.random() < 0.5 else rng.choice(office_ids))
            owner = rng.choice(owners[kind]) if owners.get(kind) else None
            case_row = {
                "id": cid, "number": casecore.format_number(kind, year, seq), "kind": kind, "year": year, "seq": seq,
                "status": status, "person_id": person_id, "office_id": office, "owner_id": owner,
                "opened_on": opened_on, "closed_on": closed_on, "created_at": loader.now, "updated_at": loader.now,
                "updated_by_id": None, "version": 1 + len(path),
            }
            loader.add(Case, case_row)
            loader.add(model, detail)
            loader.report.cases[kind] = loader.report.cases.get(kind, 0) + 1
            loader.report.statuses[(kind, status)] = loader.report.statuses.get((kind, status), 0) + 1
            if closed_on is None:
                loader.report.open_cases += 1
                open_cases.append((case_row, detail))
            done += 1
            if done % BATCH == 0:
                loader.flush(conn)  # first: the rules read rows of the batch (an invitation's invited persons)
                deadline_id = _deadlines(conn, loader, deadline_service, open_cases, deadline_id)
                open_cases = []
                loader.tick("cases", done, total_cases)
        loader.flush(conn)
        deadline_id = _deadlines(conn, loader, deadline_service, open_cases, deadline_id)
        open_cases = []
        loader.tick(f"{kind} cases done;", done, total_cases)
    while people.created < persons:
        people.new(rng.choice(["permit", "resident", "visa"]), born_before=today)
        if len(loader.rows.get("person", ())) >= BATCH:
            loader.flush(conn)
            loader.tick("persons", people.created, persons)
    loader.flush(conn)
    _save_counters(conn, counters)
    conn.commit()


_COMPANIES = ("Baltijas Būve", "Rīgas Koks", "Latvijas Loģistika", "Ziemeļu IT", "Daugavas Pārtika", "Kurzemes Metāls",
              "Vidzemes Dārzi", "Amber Soft", "Nordic Transport", "Zemgales Grauds")


def _owners_by_kind(conn) -> dict[str, list[int]]:
    from desk.services.auth import CASE_KINDS_BY_ROLE, Role

    out: dict[str, list[int]] = {}
    for oid, roles in conn.execute(select(Officer.id, Officer.roles).where(Officer.active)):
        for role in roles.split(","):
            if role in ("supervisor", "administrator") or not role:
                continue
            for kind in CASE_KINDS_BY_ROLE.get(Role(role), ()):
                out.setdefault(str(kind), []).append(oid)
    return out


def _save_counters(conn, counters: dict[tuple[str, int], int]) -> None:
    existing = {(k, y) for k, y in conn.execute(select(CaseCounter.kind, CaseCounter.year))}
    table = CaseCounter.__table__
    new = [{"kind": k, "year": y, "last_seq": s} for (k, y), s in counters.items() if (k, y) not in existing]
    if new:
        conn.execute(insert(table), new)
    for (k, y), s in counters.items():
        if (k, y) in existing:
            conn.execute(table.update().where(table.c.kind == k, table.c.year == y).values(last_seq=s))


class _ReadUow:
    """What ``desk.services.deadlines.compute`` needs: a session for reference look-ups and the clock."""

    def __init__(self, session, clock):
        self.session, self.clock = session, clock


def _deadlines(conn, loader: _Loader, service, open_cases: list[tuple], next_id: int) -> int:
    """Deadline rows for the open cases, computed by the rules as the services would."""
    if not open_cases:
        return next_id
    from sqlmodel import Session

    from desk import clock as desk_clock

    model_of = {"asylum": AsylumApplication, "dublin": DublinRequest, "permit": ResidencePermit, "visa": Visa,
                "invitation": Invitation, "return": ReturnDecision}
    next_due: list[dict] = []
    with Session(loader.store.engine) as session:
        uow = _ReadUow(session, _TodayClock(loader.today, desk_clock.clock()))
        for case_row, detail in open_cases:
            case = Case(**case_row)
            model = model_of[case.kind]
            columns = model.__table__.columns.keys()
            row = model(**{k: v for k, v in detail.items() if k in columns})
            try:
                computed = service.compute(uow, case, row)
            except Exception as exc:  # a rules module still being written must not stop a million-person load
                loader.report.deadline_failures += 1
                loader.report.failure_kinds.add(f"{case.kind}: {exc.__class__.__name__}")
                computed = []
            due = service.next_due_of([{"due_on": d.due, "state": str(d.state), "done_on": d.done_on}
                                       for d in computed])
            if due is not None:
                next_due.append({"case": case.id, "due": due})
            for d in computed:
                loader.add(Deadline, {
                    "id": next_id, "case_id": case.id, "rule_id": d.rule_id, "article": d.article,
                    "title_key": d.rule.title_key, "anchor_event_key": d.anchor_event_key,
                    "anchor_date": d.anchor_date, "due_on": d.due, "state": str(d.state), "done_on": d.done_on,
                    "consequence_key": d.consequence_key, "note_key": d.note_key, "verified": d.rule.verified,
                    "computed_at": loader.now,
                })
                next_id += 1
                loader.report.deadlines += 1
    if next_due:  # the cases are already stored (flushed before the rules ran): the worklist's order
        table = Case.__table__
        conn.execute(update(table).where(table.c.id == bindparam("case")).values(next_due=bindparam("due")),
                     next_due)
    return next_id


class _TodayClock:
    def __init__(self, today: date, base):
        self._today, self._base = today, base

    def today(self) -> date:
        return self._today

    def now(self):
        return self._base.now()
