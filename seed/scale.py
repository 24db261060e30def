"""Scale data: a store of N persons with cases in proportion to PMLP's yearly volumes (DOMAIN.md).

Ten years of PMLP's work is about one million persons; ``build(store, persons=N)`` scales the yearly
volumes below to N and spreads the cases over ``years`` years ending today. Rows go in with bulk
inserts (SQLAlchemy Core ``insert`` with lists of dicts, one explicit transaction per batch), not
through the services, which would take hours for a million persons. What the rows hold comes from the
case kinds themselves (``desk.services.kinds``): each registration row starts in its kind's
``first_status`` and walks the kind's life cycle (``allowed`` / ``next_status``) with plausible gaps
between events; every step is one action's form filled in as an officer would (``seed.values``), parsed
by that form and applied by the kind's own ``ActionDef.apply`` in ``casework.perform``'s context, with
its closing day and its follow-ups (a completed transfer ends the asylum application). So a seeded
store reports exactly the outcomes real work would (``tests/test_seed_paths.py`` replays seeded cases
through ``perform`` and compares). Only the registration rows are drawn here, one sampler per kind
(``REGISTRATIONS``), in PMLP's proportions. Deadlines are computed by the rules (through
``desk.services.deadlines.compute``) for open cases only. Case numbers use ``casecore.format_number``
and ``case_counter`` is moved on so that new registrations continue the sequence. One ``seed.load``
audit entry is appended at the end through the ordinary audit service, so the chain still verifies.

Nothing personal is printed: progress lines carry counts and rates only.
"""
from __future__ import annotations

import random
import sys
from bisect import bisect_left, bisect_right
import time
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Callable

from dateutil.relativedelta import relativedelta
from pydantic_core import PydanticUndefined
from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlmodel import Session

from desk import clock as desk_clock
from desk.errors import FormInvalid
from desk.names import name_forms
from desk.rules.asylum import APR_APPLIES_FROM
from desk.rules.dublin import AMMR_APPLIES_FROM
from desk.services import audit, casecore, casework
from desk.services import deadlines as deadline_service
from desk.services.auth import CASE_KINDS_BY_ROLE, Role
from desk.services.forms import parse_values
from desk.services.kinds import KINDS, KindAdapter, action_context, closing_day, ends_case
from desk.services.kinds.base import FollowUp
from desk.services.kinds.invitation import PURPOSES_OF_KIND
from desk.text import fold, make_personal_code, normalize_document_number
from models import (
    AsylumApplication, Case, CaseCounter, CaseKind, Deadline, DublinRequest, IdentityDocument, Invitation,
    InvitedPerson, Office, Officer, Person, ResidencePermit, ReturnDecision, SeedRun, Stay, Visa,
)
from seed import values as seed_values
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
    paths: dict | None = None  # build(keep_paths=True): case id -> (registration row, steps walked)


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def case_counts(persons: int) -> dict[str, int]:
    """How many cases of each kind go with ``persons`` persons (ten years of PMLP's volumes per million)."""
    factor = persons / PERSONS_PER_TEN_YEARS * 10
    return {kind: max(1, round(volume * factor)) for kind, volume in YEARLY_VOLUME.items()}


# --- walking the life cycles ----------------------------------------------------------------------
# Each case walks its kind's life cycle with plausible gaps between events. Every step is a real action:
# the values an officer would type (seed.values), parsed by the action's form and applied by the kind's own
# ``ActionDef.apply`` with ``casework.perform``'s context, status and closing day, so the detail row holds
# what real work would have written. An action its rules refuse on that day (a tacit acceptance before the
# reply period ended, a transfer after its limit) is not taken; another allowed one is tried.


@dataclass(frozen=True)
class Step:
    """One action of a seeded case: its name, its day, the raw form values and what they parsed to."""

    action: str
    day: date
    raw: dict
    values: dict


@lru_cache(maxsize=None)
def _cum_weights(actions: tuple[str, ...]) -> tuple[float, ...]:
    """How likely each allowed action is chosen, as ``random.choices``' cumulative weights (the same draw
    as with the weights themselves): the life cycle's first mostly, rare ones rarely."""
    return tuple(accumulate(0.04 if any(word in a for word in RARE_ACTION_WORDS) else (1.0 if i == 0 else 0.15)
                            for i, a in enumerate(actions)))


def _preference(rng: random.Random, actions: list[str]) -> list[str]:
    """The allowed actions, the one chosen first (``_cum_weights``)."""
    chosen = rng.choices(actions, cum_weights=_cum_weights(tuple(actions)), k=1)[0]
    return [chosen] + [a for a in actions if a != chosen]


def walk(rng: random.Random, spec: KindAdapter, case: Case, row: dict, today: date, facts_uow) -> list[Step]:
    """Apply plausible actions to ``case`` and its detail ``row`` (both changed in place) at increasing
    dates until no action is allowed or today is reached; returns the steps taken."""
    day, path = case.opened_on, []
    step = STEP_DAYS[case.kind]
    for _ in range(12):
        actions = spec.allowed(case.status, row)
        if not actions:
            break
        next_day = day + timedelta(days=max(1, int(rng.expovariate(1 / step))))
        if next_day > today:
            break
        taken = None
        for action in _preference(rng, actions):
            definition = spec.action(action)
            form = casework.action_form(case.kind, action)
            raw, values = seed_values.values(form, next_day, rng, case.kind, vary=True)
            try:
                applied = definition.apply(row, values, action_context(facts_uow, spec, case, next_day))
            except FormInvalid:
                continue
            taken = Step(action, next_day, raw, values), applied
            break
        if taken is None:
            break
        done, applied = taken
        status = spec.next_status(case.status, done.action, row)
        row.update(applied.changes)
        if ends_case(spec, case.status, status):
            case.closed_on = closing_day(applied, done.values, next_day)
        case.status = status
        day = next_day
        path.append(done)
    return path


# --- the loader -----------------------------------------------------------------------------------


class _Loader:
    def __init__(self, store, rng: random.Random, today: date, years: int, progress: Callable[[str], None],
                 keep_paths: bool = False):
        self.store, self.rng, self.today, self.years, self.progress = store, rng, today, years, progress
        self.rows: dict[str, list[dict]] = {}
        self.report = ScaleReport()
        self.started = time.monotonic()
        self.now = None
        self.ids: dict[str, int] = {}
        self.counters: dict[tuple[str, int], int] = {}  # the case numbers handed out, per kind and year
        self.paths: dict[int, tuple[dict, list[Step]]] | None = {} if keep_paths else None

    def next_id(self, model) -> int:
        """The next id of ``model``'s table (ids are handed out here: bulk inserts name them)."""
        name = _table_name(model)
        out = self.ids[name]
        self.ids[name] = out + 1
        return out

    def add(self, table, row: dict) -> None:
        self.rows.setdefault(_table_name(table), []).append(row)

    def flush(self, conn, counters: dict | None = None) -> None:
        order = [Person, IdentityDocument, Stay, Case, AsylumApplication, DublinRequest, ResidencePermit, Visa,
                 Invitation, InvitedPerson, ReturnDecision, Deadline]
        if conn.in_transaction():  # the reads before (max ids, counters) autobegan one
            conn.commit()
        with conn.begin():
            for model in order:
                rows = self.rows.pop(model.__tablename__, None)
                if rows:
                    _write(conn, model, rows)
            if self.counters:  # in the same transaction: the counters always cover the numbers stored
                _save_counters(conn, self.counters)
        self.rows.clear()

    def tick(self, what: str, done: int, total: int) -> None:
        elapsed = time.monotonic() - self.started
        rate = self.report.persons / elapsed if elapsed else 0.0
        self.progress(f"seed: {what} {done:,}/{total:,}; persons {self.report.persons:,} "
                      f"({rate:,.0f}/s), elapsed {elapsed:,.1f} s")


_TEMPLATES: dict[type, dict] = {}
_TABLE_NAMES: dict[object, str] = {}
SEED_RUN = SeedRun.__table__


def _table_name(table) -> str:
    """The table name of a model class or a Table, looked up once: a model's ``__tablename__`` is a
    declared attribute, computed on every access (150,000 times in a 20,000-person seed)."""
    name = _TABLE_NAMES.get(table)
    if name is None:
        name = _TABLE_NAMES[table] = table.__tablename__ if hasattr(table, "__tablename__") else table.name
    return name


def _template(model) -> dict:
    """Every column of ``model`` with its default (executemany needs the same keys in every row)."""
    out = _TEMPLATES.get(model)
    if out is None:
        out = {}
        for name in model.__table__.columns.keys():
            info = model.model_fields.get(name)
            default = None if info is None else info.default
            out[name] = None if default is PydanticUndefined else default
        _TEMPLATES[model] = out
    return out


def _write(conn, model, rows: list[dict]) -> None:
    """``rows`` into ``model``'s table with one ``executemany`` of the driver in ``conn``'s transaction,
    every column's value converted by its SQLAlchemy type as ``conn.execute(insert(table), rows)`` would
    (a date to SQLite's text, a JSON column to its text ...). Through SQLAlchemy's executemany, building
    each row's parameters cost as much as the driver's own writing (issue 17: seed near its write floor)."""
    table = model.__table__
    names = list(table.columns.keys())
    template = _template(model)
    dialect = conn.dialect  # the dialect's own type (SQLite's DATETIME text), as the compiler binds it
    processors = [table.columns[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
           f"VALUES ({', '.join([mark] * len(names))})")
    values_of = itemgetter(*names)
    # (column, its processor, what it made of each value): a seed's rows share their values (one load
    # time in every created_at, ten years of days in the dates), so each distinct value is converted once
    converted = [(i, proc, {}) for i, proc in enumerate(processors) if proc is not None]
    params = []
    for row in rows:
        values = list(values_of({**template, **row}))
        for i, proc, made in converted:
            value = values[i]
            try:
                values[i] = made[value]
            except KeyError:
                values[i] = made[value] = proc(value)
            except TypeError:  # a value that cannot be a key (a list for a JSON column): converted as it is
                values[i] = proc(value)
        params.append(values)
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.executemany(sql, params)
    finally:
        cursor.close()


def _max_id(conn, model) -> int:
    return conn.execute(select(func.coalesce(func.max(model.id), 0))).scalar_one()


def build(store, *, persons: int, years: int = 10, seed: int = 1, today: date | None = None,
          progress: Callable[[str], None] = _stderr, keep_paths: bool = False) -> ScaleReport:
    """Fill ``store`` with ``persons`` persons and their cases; returns counts. Adds to what is there.
    ``keep_paths``: the report's ``paths`` holds each case's registration row and the steps it walked."""
    today = today or desk_clock.today()
    rng = random.Random(seed)
    loader = _Loader(store, rng, today, years, progress, keep_paths)
    loader.now = desk_clock.now()
    with store.uow() as uow:
        load_reference(uow.session)
        # committed before the first batch: a load killed half-way leaves a store refused on open
        run_id = uow.session.execute(insert(SEED_RUN).values(started_at=loader.now, persons=persons)
                                     .returning(SEED_RUN.c.id)).scalar_one()
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
    report.paths = loader.paths
    with store.uow() as uow:
        audit.record(uow, None, "seed.load", persons=report.persons, cases=sum(report.cases.values()),
                     seed=seed, years=years)
        uow.session.execute(update(SEED_RUN).where(SEED_RUN.c.id == run_id).values(finished_at=desk_clock.now()))
    _finish_postgresql(store, progress)
    report.seconds = time.monotonic() - loader.started
    if report.deadline_failures:
        progress(f"seed: WARNING: {report.deadline_failures:,} open cases got no deadlines "
                 f"({', '.join(sorted(report.failure_kinds))})")
    progress(f"seed: done: {report.persons:,} persons, {sum(report.cases.values()):,} cases, "
             f"{report.deadlines:,} deadlines in {report.seconds:,.1f} s")
    return report


def _finish_postgresql(store, progress) -> None:
    """What a bulk load owes PostgreSQL, whose rows got their ids from the loader, not from the tables'
    sequences:

    * every sequence moves past the highest id loaded - else the first person, case or audit entry an
      officer registers after ``desk seed`` collides with a loaded row and is refused;
    * the tables are vacuumed and their statistics gathered at once - autovacuum does both only some time
      after a load (until the vacuum, every index-only read such as the worklist's counts visits the table),
      and until then PostgreSQL takes a million-row store for an empty one (a personal code's person joined
      to their cases by a scan of every case: 14 ms at 100k persons, through desk and raw alike). SQLite's
      queries are written not to need statistics (desk.services.report.queries.counted) and get none."""
    if store.engine.dialect.name != "postgresql":
        return
    from sqlmodel import SQLModel

    progress("seed: moving the id sequences on, gathering the planner's statistics")
    with store.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        for table in SQLModel.metadata.sorted_tables:
            id_column = table.columns.get("id")
            if id_column is None or not id_column.primary_key or not id_column.autoincrement:
                continue
            sequence = conn.exec_driver_sql("SELECT pg_get_serial_sequence(%s, 'id')", (table.name,)).scalar()
            if sequence:
                conn.exec_driver_sql(f'SELECT setval(%s, COALESCE((SELECT max(id) FROM "{table.name}"), 1), '
                                     f'(SELECT max(id) FROM "{table.name}") IS NOT NULL)', (sequence,))
        conn.exec_driver_sql("VACUUM ANALYZE")  # the visibility map too: the worklist's counts read index-only


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
        self._codes: set[str] = {code for (code,) in conn.execute(select(Person.personal_code)
                                                                   .where(Person.personal_code.is_not(None)))}
        self._forms: dict[tuple, str] = {}

    def unique_code(self, born: date, pid: int) -> str | None:
        """A personal code no other person has (the store refuses a second one: uq_person_personal_code);
        None when the day's thousand serials are taken."""
        for bump in range(1000):
            code = make_personal_code(born, (pid + bump) % 1000)
            if code not in self._codes:
                self._codes.add(code)
                return code
        return None

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
        code = self.unique_code(born, pid) if (rng.random() < 0.4 and born.year >= 1900) else None
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


@dataclass
class _Draw:
    """What a kind's registration sampler may use and add to: the new case's id, opening day and person,
    the loader (side rows: stays, invited persons), the person source and the pool of recent asylum cases."""

    loader: "_Loader"
    people: "_People"
    rng: random.Random
    case_id: int
    opened_on: date
    person_id: int
    asylum: "_AsylumPool"
    partners: list[str]
    mix: str


PURPOSES = ["employment"] * 40 + ["study"] * 15 + ["family"] * 20 + ["business"] * 5 + ["eu_citizen"] * 8 + \
    ["investment"] * 3 + ["research"] * 2 + ["repatriate"] * 2 + ["international_protection"] * 1 + ["other"] * 4


# a call supports a residence permit (a permit's purposes), an invitation a visa (a visit's)
INVITATION_PURPOSES = {"call": [p for p in PURPOSES if p in PURPOSES_OF_KIND["call"]],
                       "invitation": ["tourism"] * 30 + ["visit"] * 40 + ["business"] * 20 + ["culture_sport"] * 5
                       + ["medical"] * 2 + ["official"] * 1 + ["other"] * 2}


def _invitation(d: _Draw) -> dict:
    rng = d.rng
    kind = "call" if rng.random() < 0.69 else "invitation"
    detail = dict(invitation_kind=kind, inviter_kind="company" if rng.random() < 0.6 else "person",
                  submitted_on=d.opened_on, purpose=rng.choice(INVITATION_PURPOSES[kind]))
    if detail["inviter_kind"] == "company":
        detail.update(inviter_name=f"SIA \"{rng.choice(_COMPANIES)}\"", inviter_code=f"40{rng.randrange(10**8, 10**9)}")
    else:
        inviter = make_name(rng, "latvian")
        detail.update(inviter_name=f"{inviter.given_names} {inviter.surname}")
    named = [d.person_id]
    extra = (1 if rng.random() < 0.25 else 0) + (1 if rng.random() < 0.05 else 0)
    for _ in range(extra):
        other = d.people.get(d.mix, born_before=d.opened_on)
        if other not in named:
            named.append(other)
    for pid in named:
        d.loader.add(InvitedPerson, {"id": d.loader.next_id(InvitedPerson), "invitation_case_id": d.case_id,
                                     "person_id": pid})
    return detail


def _permit(d: _Draw) -> dict:
    rng = d.rng
    purpose = rng.choice(PURPOSES)
    pk = "eu_registration" if purpose == "eu_citizen" else rng.choices(
        ["temporary", "permanent", "eu_long_term"], [85, 12, 3])[0]
    return dict(permit_kind=pk, issue_type=rng.choices(["first", "re_registration", "re_issue"], [27, 63, 10])[0],
                purpose=purpose, right_to_work=purpose in ("employment", "business", "family"),
                applied_on=d.opened_on)


def _visa(d: _Draw) -> dict:
    rng = d.rng
    cat = "D" if rng.random() < 0.99 else "C"
    detail = dict(category=cat, entries=rng.choice(["single", "multiple"]), applied_on=d.opened_on,
                  extension_reason="unforeseen_circumstances")
    entry = d.opened_on - timedelta(days=rng.randrange(20, 80))
    d.loader.add(Stay, {"id": d.loader.next_id(Stay), "person_id": d.person_id, "entry_on": entry, "exit_on": None,
                        "counts_for_90_180": cat == "C", "note": None})
    return detail


def _asylum(d: _Draw) -> dict:
    rng, opened_on = d.rng, d.opened_on
    detail = dict(application_type="repeat" if rng.random() < 0.18 else "first",
                  procedure="accelerated" if rng.random() < 0.2 else "regular",
                  lodged_on=opened_on, registered_on=opened_on + timedelta(days=rng.randrange(0, 3)),
                  decision_extended_months=0, unaccompanied_minor=rng.random() < 0.03,
                  accommodation="Mucenieki" if rng.random() < 0.7 else None, regime="asylum_law", made_on=None)
    if opened_on >= APR_APPLIES_FROM:
        # Reg. 2024/1348 Arts. 26-28, 79(3): made and registered on the opening day, lodged after
        detail.update(regime="apr", made_on=opened_on, lodged_on=detail["registered_on"], registered_on=opened_on)
    return detail


def _dublin(d: _Draw) -> dict:
    rng, opened_on, cid = d.rng, d.opened_on, d.case_id
    direction = "incoming" if rng.random() < DUBLIN_INCOMING_SHARE else "outgoing"
    lodged = opened_on - timedelta(days=rng.randrange(5, 50))
    detail = dict(direction=direction, request_kind=rng.choices(["take_charge", "take_back", "information"],
                                                               [200, 75, 44])[0],
                  partner_country=rng.choice(d.partners), regime="ammr" if lodged >= AMMR_APPLIES_FROM else "dublin_iii",
                  lodged_on=lodged, registered_on=lodged, detained=False, tacit=False, out_of_time=False,
                  partner_reference=f"DN-{cid:08d}")
    if direction == "incoming":
        detail.update(sent_on=opened_on - timedelta(days=1), received_on=opened_on)
    else:  # made for an asylum application lodged here shortly before and still open when it went out
        made_for = d.asylum.pick(rng, lodged, opened_on)
        if made_for is not None:
            detail["asylum_case_id"] = made_for
    return detail


def _return(d: _Draw) -> dict:
    rng = d.rng
    voluntary = rng.random() < 155 / 167
    detail = dict(decision_kind="voluntary" if voluntary else "forced",
                  grounds=rng.choice(["overstay", "no_visa", "no_permit", "visa_free_breach"]),
                  issued_on=d.opened_on, notified_on=d.opened_on + timedelta(days=rng.randrange(0, 4)),
                  ban_imposed=not voluntary or rng.random() < 0.2)
    if voluntary:
        detail["departure_days"] = rng.randrange(7, 31)
        detail["depart_by"] = detail["notified_on"] + timedelta(days=detail["departure_days"])
    if detail["ban_imposed"]:
        detail["ban_years"] = rng.choice([1, 2, 3])
    return detail


# How each kind's registration is drawn, in the order the kinds are loaded (an asylum application before
# the Dublin requests made for it); the name pool its persons come from; the office that handles it.
REGISTRATIONS: dict[CaseKind, Callable[[_Draw], dict]] = {
    CaseKind.INVITATION: _invitation, CaseKind.PERMIT: _permit, CaseKind.VISA: _visa, CaseKind.ASYLUM: _asylum,
    CaseKind.DUBLIN: _dublin, CaseKind.RETURN: _return,
}
NAME_POOL = {CaseKind.INVITATION: "permit"}
ASYLUM_OFFICE_KINDS = frozenset({CaseKind.ASYLUM, CaseKind.DUBLIN})
DUBLIN_MADE_FOR = CaseKind.ASYLUM  # an outgoing Dublin request is made for an asylum application here


class _AsylumPool:
    """The asylum applications an outgoing Dublin request may be made for: opened at most ``WINDOW`` before
    the request was lodged, still open (their walk, drawn first, ended in no final status) and not yet
    ended by an earlier transfer: so the transfer's follow-up finds them open, as real work would."""

    WINDOW = timedelta(days=200)

    def __init__(self) -> None:
        self.opened: list[date] = []  # in the order loaded: by opening day
        self.cases: list[int] = []
        self.ended: set[int] = set()

    def add(self, case_id: int, opened_on: date, closed_on: date | None) -> None:
        if closed_on is None:
            self.opened.append(opened_on)
            self.cases.append(case_id)

    def pick(self, rng: random.Random, lodged_on: date, sent_on: date) -> int | None:
        lo, hi = bisect_left(self.opened, lodged_on - self.WINDOW), bisect_right(self.opened, lodged_on)
        fits = [cid for cid in self.cases[lo:hi] if cid not in self.ended]
        return rng.choice(fits) if fits else None


def _plain(model, values: dict) -> SimpleNamespace:
    """A case or detail row as plain attributes, every column present (its default where ``values`` has
    none): what the kinds' rules and facts read of it. Constructing a mapped SQLModel instance for that
    (instrumented attributes, validation) was half of the seed's time; nothing here is added to a session."""
    return SimpleNamespace(**_full_row(model, values))


def _full_row(model, detail: dict) -> dict:
    """The detail row with every column (an action's ``apply`` and the rules' facts read any of them)."""
    return {**_template(model), **detail}


def _follow_up(conn, loader: "_Loader", follow: FollowUp, day: date, facts_uow) -> None:
    """A follow-up on a linked case already stored (a completed transfer ends the asylum application):
    applied as ``casework.perform`` would apply it on ``day``, written at once; its deadlines go with it."""
    case = facts_uow.session.get(Case, follow.case_id)
    spec = KINDS[CaseKind(case.kind)]
    detail = facts_uow.session.get(spec.model, case.id)
    definition = spec.action(follow.action)
    values = parse_values(casework.action_form(case.kind, follow.action), dict(follow.raw))
    row = detail.model_dump()
    status = spec.next_status(case.status, follow.action, row)
    applied = definition.apply(row, values, action_context(facts_uow, spec, case, day))
    closed_on = closing_day(applied, values, day) if ends_case(spec, case.status, status) else case.closed_on
    cases, details = Case.__table__, spec.model.__table__
    conn.execute(update(details).where(details.c.case_id == case.id).values(**applied.changes))
    conn.execute(update(cases).where(cases.c.id == case.id).values(
        status=status, closed_on=closed_on, next_due=None if closed_on else cases.c.next_due,
        version=cases.c.version + 1))
    if closed_on is not None:
        conn.execute(delete(Deadline.__table__).where(Deadline.__table__.c.case_id == case.id))
    conn.commit()
    facts_uow.session.close()
    loader.report.statuses[(case.kind, case.status)] -= 1
    loader.report.statuses[(case.kind, status)] = loader.report.statuses.get((case.kind, status), 0) + 1
    if case.closed_on is None and closed_on is not None:
        loader.report.open_cases -= 1


def _load(conn, loader: _Loader, persons: int) -> None:
    rng, today = loader.rng, loader.today
    counts = case_counts(persons)
    slots = sum(counts.values()) + round(counts["invitation"] * (INVITED_PER_INVITATION - 1))
    people = _People(loader, conn, persons, slots)
    offices = {code: oid for oid, code in conn.execute(select(Office.id, Office.code))}
    office_ids = list(offices.values())
    main_office = offices.get("RIG-MIG") or office_ids[0]
    asylum_office = offices.get("RIG-PAT") or main_office
    owners = _owners_by_kind(conn)
    counters = loader.counters
    counters.update({(k, y): s for k, y, s in conn.execute(select(CaseCounter.kind, CaseCounter.year,
                                                                  CaseCounter.last_seq))})
    for model in (Case, InvitedPerson, Stay, Deadline):
        loader.ids[model.__tablename__] = _max_id(conn, model) + 1
    first_day = today - relativedelta(years=loader.years)
    total_cases = sum(counts.values())
    done = 0
    open_cases: list[tuple] = []
    asylum = _AsylumPool()
    partners = sorted(DUBLIN_PARTNERS - {"LVA"})

    with Session(loader.store.engine) as session:
        facts_uow = _ReadUow(session, _TodayClock(today, desk_clock.clock()))
        for kind, registration in REGISTRATIONS.items():
            spec = KINDS[kind]
            model = spec.model
            for opened_on in _sorted_days(rng, counts[kind], first_day, today):
                cid = loader.next_id(Case)
                year = opened_on.year
                seq = counters.get((kind, year), 0) + 1
                counters[(kind, year)] = seq
                mix = NAME_POOL.get(kind, str(kind))
                person_id = people.get(mix, born_before=opened_on)
                draw = _Draw(loader, people, rng, cid, opened_on, person_id, asylum, partners, mix)
                detail: dict = {"case_id": cid, **registration(draw)}
                office = asylum_office if kind in ASYLUM_OFFICE_KINDS else (
                    main_office if rng.random() < 0.5 else rng.choice(office_ids))
                case = _plain(Case, dict(
                    id=cid, number=casecore.format_number(kind, year, seq), kind=str(kind), year=year, seq=seq,
                    status=spec.first_status(detail), person_id=person_id, office_id=office,
                    owner_id=rng.choice(owners[kind]) if owners.get(kind) else None, opened_on=opened_on))
                row = _full_row(model, detail)
                path = walk(rng, spec, case, row, today, facts_uow)
                row.update(spec.derived(facts_uow, case, _plain(model, row)))
                for done_step in path:  # what the law makes follow on a linked case (casework.perform)
                    for follow in spec.follow_ups(facts_uow, case, done_step.action, _plain(model, row)):
                        _follow_up(conn, loader, follow, done_step.day, facts_uow)
                        asylum.ended.add(follow.case_id)
                case_row = {
                    "id": cid, "number": case.number, "kind": case.kind, "year": year, "seq": seq,
                    "status": case.status, "person_id": person_id, "office_id": office, "owner_id": case.owner_id,
                    "opened_on": opened_on, "closed_on": case.closed_on, "created_at": loader.now,
                    "updated_at": loader.now, "updated_by_id": None, "version": 1 + len(path),
                }
                if loader.paths is not None:
                    loader.paths[cid] = (dict(detail), path)
                loader.add(Case, case_row)
                loader.add(model, row)
                if kind == DUBLIN_MADE_FOR:
                    asylum.add(cid, opened_on, case.closed_on)
                loader.report.cases[kind] = loader.report.cases.get(kind, 0) + 1
                loader.report.statuses[(kind, case.status)] = loader.report.statuses.get((kind, case.status), 0) + 1
                if case.closed_on is None:
                    loader.report.open_cases += 1
                    open_cases.append((case_row, row))
                done += 1
                if done % BATCH == 0:
                    loader.flush(conn)  # first: the rules read rows of the batch (an invitation's invited persons)
                    session.close()  # the next read sees them
                    _deadlines(conn, loader, open_cases)
                    open_cases = []
                    loader.tick("cases", done, total_cases)
            loader.flush(conn)
            session.close()
            _deadlines(conn, loader, open_cases)
            loader.flush(conn)  # the deadlines too: a follow-up on one of these cases replaces them
            open_cases = []
            loader.tick(f"{kind} cases done;", done, total_cases)
    while people.created < persons:
        people.new(rng.choice(["permit", "resident", "visa"]), born_before=today)
        if len(loader.rows.get("person", ())) >= BATCH:
            loader.flush(conn)
            loader.tick("persons", people.created, persons)
    loader.flush(conn)
    conn.commit()


_COMPANIES = ("Baltijas Būve", "Rīgas Koks", "Latvijas Loģistika", "Ziemeļu IT", "Daugavas Pārtika", "Kurzemes Metāls",
              "Vidzemes Dārzi", "Amber Soft", "Nordic Transport", "Zemgales Grauds")


def _owners_by_kind(conn) -> dict[str, list[int]]:
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


def _deadlines(conn, loader: _Loader, open_cases: list[tuple]) -> None:
    """Deadline rows for the open cases, computed by the rules as the services would."""
    if not open_cases:
        return
    next_due: list[dict] = []
    with Session(loader.store.engine) as session:
        uow = _ReadUow(session, _TodayClock(loader.today, desk_clock.clock()))
        for case_row, detail in open_cases:
            case = _plain(Case, case_row)
            row = _plain(KINDS[CaseKind(case.kind)].model, detail)
            try:
                computed = deadline_service.compute(uow, case, row)
            except Exception as exc:  # a rules module still being written must not stop a million-person load
                loader.report.deadline_failures += 1
                loader.report.failure_kinds.add(f"{case.kind}: {exc.__class__.__name__}")
                computed = []
            due = deadline_service.next_due_of([{"due_on": d.due, "state": str(d.state), "done_on": d.done_on}
                                       for d in computed])
            if due is not None:
                next_due.append({"case": case.id, "due": due})
            for d in computed:
                loader.add(Deadline, {
                    "id": loader.next_id(Deadline), "case_id": case.id, "rule_id": d.rule_id, "article": d.article,
                    "title_key": d.rule.title_key, "anchor_event_key": d.anchor_event_key,
                    "anchor_date": d.anchor_date, "due_on": d.due, "state": str(d.state), "done_on": d.done_on,
                    "consequence_key": d.consequence_key, "note_key": d.note_key, "verified": d.rule.verified,
                    "computed_at": loader.now,
                })
                loader.report.deadlines += 1
    if next_due:  # the cases are already stored (flushed before the rules ran): the worklist's order
        table = Case.__table__
        conn.execute(update(table).where(table.c.id == bindparam("case")).values(next_due=bindparam("due")),
                     next_due)


class _TodayClock:
    def __init__(self, today: date, base):
        self._today, self._base = today, base

    def today(self) -> date:
        return self._today

    def now(self):
        return self._base.now()
