"""The demo store: built once (then reused), reproducibly (``random.Random(2026)``), with dates relative to
today so that deadlines are overdue, due today and upcoming whenever it is built.

Everything goes through the services (``persons.register_person``, ``casework.register``,
``casework.perform``) so the demo's deadlines and audit trail are exactly what the app would produce.
Every case kind is walked to every status of its life cycle (``desk.rules.<kind>.MACHINE``); Dublin
requests exist incoming and outgoing, of every request kind, under both regimes (registration before
and after 1 July 2026). Cases belong to the demo officer of the kind's role, so each officer sees a
full worklist.
"""
from __future__ import annotations

import itertools
import random
from collections import deque
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterator

from dateutil.relativedelta import relativedelta

from desk.rules.asylum import APR_APPLIES_FROM
from models import CaseKind
from seed.accounts import DEMO_OFFICE, DEMO_OFFICERS, demo_path  # noqa: F401 (re-exported: the demo's names)
from seed.values import raw_values

# progress(step, fraction): ``step`` is a catalogue key (``demo.step.*``, worded by the screen that shows it),
# ``fraction`` how much of the whole build is done, 0 to 1 (the login screen's progress bar; issue 18 point 10)
Progress = Callable[[str, float], None]
PERSONS_SHARE = (0.05, 0.75)  # the persons take most of the time (each goes through the duplicate check)
CASES_SHARE = (0.75, 0.98)


def no_progress(_step: str, _fraction: float) -> None:
    return None

DEMO_PERSONS = 2000
DEMO_SEED = 2026
KIND_ROLE = {"asylum": "asylum", "dublin": "asylum", "permit": "residence", "visa": "residence",
             "invitation": "reception", "return": "return"}


def has_demo(store) -> bool:
    from sqlmodel import select

    from models import Officer

    with store.reader() as uow:
        return uow.session.exec(select(Officer.id).where(Officer.username == DEMO_OFFICERS[0][0])).first() is not None


def ensure_demo_store(db, progress: Progress = no_progress, *, reset: bool = False, persons: int | None = None):
    """Open the demo store at ``db`` (a path or URL), building the demo first if it is not there; ``reset``
    (``desk demo --reset``) throws an SQLite demo store away and builds it anew."""
    from desk.store import open_store, resolve_url

    url = resolve_url(db)
    if reset:
        remove_demo_file(url)
    progress("demo.step.opening", 0.0)
    store = open_store(url, allow_incomplete_seed=True)
    if store.seed_unfinished():  # a build stopped half-way (Ctrl+C, the window closed): begun anew
        store.dispose()
        remove_demo_file(url)
        store = open_store(url)
    elif has_demo(store):
        progress("demo.step.reusing", 1.0)
        return store
    build_demo(store, persons=persons or DEMO_PERSONS, progress=progress)
    return store


def remove_demo_file(url: str) -> None:
    """Delete the demo store's SQLite file (and its -wal/-shm): only a file, only the demo's own name, so a
    ``--reset`` with a mistyped ``--db`` cannot delete an office's store."""
    from desk.errors import StoreError

    if not url.startswith("sqlite:///"):
        raise StoreError("demo.reset_sqlite_only")
    path = Path(url.removeprefix("sqlite:///"))
    if path.name != demo_path().name:
        raise StoreError("demo.reset_not_demo")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- building -------------------------------------------------------------------------------------


def build_demo(store, *, persons: int = DEMO_PERSONS, seed: int = DEMO_SEED,
               progress: Progress = no_progress) -> dict:
    """Reference data, officers, persons, and cases of every kind in every status; returns counts."""
    from desk.services import auth, persons as person_service
    from seed.reference import load_reference

    from sqlalchemy import insert, update

    from models import SeedRun

    rng = random.Random(seed)
    runs = SeedRun.__table__
    with store.uow() as uow:
        # begun before the first row and finished after the last: a build stopped half-way is seen as such
        # (``Store.seed_unfinished``) and built anew, never reused as if it were the whole demo
        run_id = uow.session.execute(insert(runs).values(started_at=uow.clock.now(), persons=persons)
                                     .returning(runs.c.id)).scalar_one()
    with store.uow() as uow:
        load_reference(uow.session)
        for username, password, role, full_name in DEMO_OFFICERS:
            office = DEMO_OFFICE
            auth.create_officer(uow, None, username=username, full_name=full_name, office_code=office, roles=role,
                                password=password, bootstrap=True)
    progress("demo.step.officers", PERSONS_SHARE[0])
    actors = {}
    with store.uow() as uow:
        for username, password, role, _name in DEMO_OFFICERS:
            actors.setdefault(role, auth.login(uow, username, password))
    today = uow.clock.today()
    person_ids = _persons(store, actors["reception"], rng, persons, today, person_service, progress)
    counts = _cases(store, actors, rng, person_ids, today, progress)
    _duplicates(store, actors, today)
    with store.uow() as uow:  # the seed's own logins end with it: no session is left open in the store
        for actor in actors.values():
            auth.end_session(uow, actor, "seed")
        uow.session.execute(update(runs).where(runs.c.id == run_id).values(finished_at=uow.clock.now()))
    progress("demo.step.done", 1.0)
    return counts


# Two records of one person each, as they happen (issue 19): a Latvian form of the surname, a date with day and
# month swapped, another transliteration. Each record has a residence permit case, so a merge moves a case.
DEMO_DUPLICATES = (
    (("Ivanova", "Olga", "1990-03-12", "RUS", "75 1234567"), ("Ivanova", "Olga", "1990-12-03", "RUS", "75 7654321")),
    (("Shevchenko", "Taras", "1985-07-21", "UKR", "FE1357913"), ("Ševčenko", "Taras", "1985-07-21", "UKR", "FE2468024")),
    (("Müller", "Anna", "1979-02-14", "KAZ", "N09876543"), ("Millere", "Anna", "1979-02-14", "KAZ", "N01122334")),
)


def _duplicates(store, actors, today: date) -> None:
    from desk.services import casework, persons as person_service

    for first, second in DEMO_DUPLICATES:
        for surname, given, born, citizenship, document in (first, second):
            with store.uow() as uow:
                pid = person_service.register_person(uow, actors["reception"], {
                    "surname": surname, "given_names": given, "date_of_birth": born, "citizenship": citizenship,
                    "document_number": document}, allow_duplicate=True, reason="different_birth_date")
                casework.register(uow, actors["residence"], "permit", {
                    "person_id": str(pid), "permit_kind": "temporary", "purpose": "employment",
                    "applied_on": (today - timedelta(days=20)).isoformat()})


def _persons(store, actor, rng, n: int, today: date, service, progress: Progress = no_progress) -> list[int]:
    from desk.text import make_personal_code
    from seed.names import make_name, pick_pool

    mixes = ["permit"] * 45 + ["invitation"] * 20 + ["asylum"] * 12 + ["dublin"] * 6 + ["visa"] * 5 + \
        ["return"] * 6 + ["resident"] * 6
    ids: list[int] = []
    batch = 250
    for start in range(0, n, batch):
        with store.uow() as uow:
            for i in range(start, min(n, start + batch)):
                mix = rng.choice(mixes)
                name = make_name(rng, pick_pool(rng, mix))
                born = today - timedelta(days=int(rng.triangular(18 * 365, 70 * 365, 31 * 365)))
                raw = {"surname": name.surname, "given_names": name.given_names,
                       "original_name": name.original_name or "", "date_of_birth": born.isoformat(),
                       "sex": name.sex, "citizenship": name.citizenship}
                if name.citizenship == "LVA" or rng.random() < 0.3:
                    raw["personal_code"] = make_personal_code(born, i)
                if rng.random() < 0.9:
                    issuing = "LVA" if name.citizenship == "XXA" else name.citizenship
                    raw.update(document_kind="travel_document" if name.citizenship == "XXA" else "passport",
                               document_number=f"{issuing[:2]}{rng.randrange(10**6, 10**7)}",
                               document_country=issuing,
                               document_valid_until=(today + timedelta(days=rng.randrange(30, 3000))).isoformat())
                ids.append(service.register_person(uow, actor, raw, allow_duplicate=True))
        low, high = PERSONS_SHARE
        progress("demo.step.persons", low + (high - low) * len(ids) / max(n, 1))
    return ids


def _path_to(machine, status: str, start: str, allowed) -> list[str] | None:
    """The shortest list of actions from ``start`` to ``status`` (breadth first over the machine)."""
    queue, seen = deque([(start, [])]), {start}
    while queue:
        state, path = queue.popleft()
        if state == status:
            return path
        for action in allowed(state):
            nxt = str(machine.apply(state, action))
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, path + [action]))
    return None


# Gap in days between a case's events, and how long before today the last event happened: spread so
# that open deadlines fall before, on and after today.
LAST_EVENT_AGO = (1, 3, 6, 10, 16, 25, 34, 45, 58, 61, 75, 100)


def _cases(store, actors, rng, person_ids: list[int], today: date, progress: Progress = no_progress) -> dict[str, int]:
    from desk.rules.dublin import AMMR_APPLIES_FROM
    from desk.services import casework
    from desk.services.kinds import rules_module
    from models import Case

    counts: dict[str, int] = {}
    order = rng.sample(person_ids, len(person_ids))
    people = itertools.cycle(order)  # a small demo reuses persons
    # asylum, Dublin and return cases concern third-country nationals and stateless persons only
    # (desk.rules.eligibility: Protocol No 24, Reg. 604/2013 Art. 2(a), Dir. 2008/115/EC Art. 2(3))
    foreign = set(_third_country_persons(store, person_ids))
    foreigners = itertools.cycle([pid for pid in order if pid in foreign])
    asylum_numbers: list[str] = []
    variant = 0

    def run(kind: str, raw: dict, path: list[str], first_day: date, step: int) -> int:
        actor = actors[KIND_ROLE[kind]]
        with store.uow() as uow:
            case_id = casework.register(uow, actor, kind, raw)
            day = first_day
            for action in path:
                day = min(today, day + timedelta(days=_gap(action, step)))
                version = uow.session.get(Case, case_id).version
                form = casework.action_form(kind, action)
                casework.perform(uow, actor, case_id, action, raw_values(form, day, rng, kind), version)
            counts[kind] = counts.get(kind, 0) + 1
            if kind == CaseKind.ASYLUM:
                asylum_numbers.append(uow.session.get(Case, case_id).number)
        return case_id

    groups = len(REGISTRATIONS) + 4  # each kind, then Dublin's two regimes in two directions
    done_groups = 0

    def group_done() -> None:
        nonlocal done_groups
        done_groups += 1
        low, high = CASES_SHARE
        progress("demo.step.cases", low + (high - low) * min(1.0, done_groups / groups))

    for kind, registration in REGISTRATIONS.items():
        module = rules_module(kind)
        start = str(module.MACHINE.initial)
        for status in module.MACHINE.states:
            path = _path_to(module.MACHINE, str(status), start, module.MACHINE.allowed)
            if path is None:
                continue
            for _copy in range(2):
                ago = LAST_EVENT_AGO[variant % len(LAST_EVENT_AGO)]
                variant += 1
                step = rng.randrange(5, 20)
                opened = today - timedelta(days=ago + step * len(path))
                person = next(foreigners) if kind in THIRD_COUNTRY_KINDS else next(people)
                raw = registration(opened, person, rng, people)
                run(kind, raw, path, opened, step)
        group_done()

    dublin = rules_module("dublin")
    for registered in (date(2026, 3, 2), None):  # Dublin III (before 1 July 2026) and AMMR (from today back)
        for direction in ("outgoing", "incoming"):
            for request_kind in ("take_charge", "take_back", "information"):
                start = str(dublin.initial_status(direction))
                allowed = lambda s, rk=request_kind, d=direction: [  # noqa: E731
                    str(a) for a in dublin.allowed_actions(s, rk, d)]
                machine = dublin.machine_for(direction)
                for status in machine.states:
                    path = _path_to(machine, str(status), start, allowed)
                    if path is None:
                        continue
                    ago = LAST_EVENT_AGO[variant % len(LAST_EVENT_AGO)]
                    variant += 1
                    step = 4
                    first = today - timedelta(days=ago + sum(_gap(a, step) for a in path))
                    reg = registered or max(AMMR_APPLIES_FROM + timedelta(days=1), first - timedelta(days=10))
                    reg = min(reg, first)
                    raw = {"direction": direction, "request_kind": request_kind,
                           "partner_country": rng.choice(["DEU", "POL", "LTU", "SWE", "ITA", "AUT"]),
                           "person_id": str(next(foreigners)), "lodged_on": reg.isoformat(),
                           "registered_on": reg.isoformat(), "hit_kind": "none",
                           "partner_reference": f"DN-{rng.randrange(10**6, 10**7)}"}
                    if direction == "incoming":
                        raw.update(sent_on=first.isoformat(), received_on=first.isoformat())
                    elif path and path[0] == "send":  # registered as sent: the case opens on the sending day
                        raw.update(sent_on=first.isoformat())
                        path = path[1:]
                    else:  # a draft opens today, so what happens to it happens today
                        first = today
                    run("dublin", raw, path, first, step)
            group_done()
    # deadlines exactly on today and just ahead: a Dublin III outgoing take charge request sent two months
    # ago is due for a reply today (Art. 22(1), Art. 42: no roll-forward); one sent a little later is upcoming
    for months_ago, days_more in ((2, 0), (2, -3), (2, 5)):
        sent = today - relativedelta(months=months_ago) - timedelta(days=days_more)
        raw = {"direction": "outgoing", "request_kind": "take_charge", "partner_country": "DEU",
               "person_id": str(next(foreigners)), "lodged_on": "2026-06-15", "registered_on": "2026-06-15",
               "hit_kind": "none", "sent_on": sent.isoformat()}
        run("dublin", raw, [], sent, 1)
    return counts


THIRD_COUNTRY_KINDS = frozenset({CaseKind.ASYLUM, CaseKind.DUBLIN, CaseKind.RETURN})


def _third_country_persons(store, person_ids: list[int]) -> list[int]:
    """The persons an asylum application, a Dublin request and a return decision may all concern: neither
    Union citizens nor nationals of the states associated to Dublin / free movement (desk.rules.eligibility)."""
    from sqlmodel import select

    from desk.rules import eligibility
    from models import Country, Person

    with store.reader() as uow:
        rows = uow.session.exec(select(Person.id, Person.citizenship, Country.eu_member, Country.dublin_partner)
                                .join(Country, Country.code == Person.citizenship)).all()
    wanted = set(person_ids)
    out = []
    for pid, code, eu, partner in rows:
        nationality = eligibility.Nationality(code, bool(eu), bool(partner))
        if pid in wanted and eligibility.dublin_refusal(nationality) is None \
                and eligibility.return_refusal(nationality) is None and eligibility.asylum_refusal(nationality) is None:
            out.append(pid)
    return out


def _gap(action: str, step: int) -> int:
    """Days before ``action``: tacit acceptance only exists once the reply period (at most 2 months,
    Dublin III Art. 22(1)) has passed in silence."""
    return 70 if action == "accept_tacitly" else step


def _asylum(opened: date, person_id: int, rng: random.Random, people) -> dict:
    # not chosen: "repeat" when the person applied before (a small demo reuses persons), else "first"
    day = opened.isoformat()
    raw = {"person_id": str(person_id), "lodged_on": day, "registered_on": day,
           "application_type": "repeat" if rng.random() < 0.2 else "", "procedure": "regular",
           "accommodation": "Mucenieki"}
    if opened >= APR_APPLIES_FROM:  # Reg. 2024/1348 Arts. 26-28: made the day before it was registered
        raw["made_on"] = (opened - timedelta(days=1)).isoformat()
    return raw


def _permit(opened: date, person_id: int, rng: random.Random, people) -> dict:
    return {"person_id": str(person_id), "permit_kind": "temporary", "purpose": rng.choice(
        ["employment", "study", "family"]), "applied_on": opened.isoformat(), "issue_type": "first"}


def _visa(opened: date, person_id: int, rng: random.Random, people) -> dict:
    return {"person_id": str(person_id), "category": "D", "entries": "single", "applied_on": opened.isoformat(),
            "extension_reason": "unforeseen_circumstances"}


DEMO_PURPOSE = {"call": "employment", "invitation": "business"}  # a call supports a permit, an invitation a visa


def _invitation(opened: date, person_id: int, rng: random.Random, people) -> dict:
    named = [str(person_id)] + ([str(next(people))] if rng.random() < 0.3 else [])
    invitation_kind = rng.choice(["invitation", "call"])
    return {"invitation_kind": invitation_kind, "inviter_kind": "company",
            "inviter_name": "SIA \"Baltijas Būve\"", "inviter_code": "40003000000",
            "purpose": DEMO_PURPOSE[invitation_kind],
            "submitted_on": opened.isoformat(), "person_ids": ",".join(named)}


def _return(opened: date, person_id: int, rng: random.Random, people) -> dict:
    voluntary = rng.random() < 0.7
    raw = {"person_id": str(person_id), "decision_kind": "voluntary" if voluntary else "forced",
           "grounds": "overstay", "issued_on": opened.isoformat()}
    if voluntary:
        raw["departure_days"] = "30"
    else:
        raw.update(ban_imposed=True, ban_years="3")
    return raw


# The registration form's raw values of each kind walked status by status (Dublin requests have a walk of
# their own: both directions, every request kind, both regimes), in the order the demo registers them.
REGISTRATIONS: dict[CaseKind, Callable[[date, int, random.Random, Iterator[int]], dict]] = {
    CaseKind.ASYLUM: _asylum, CaseKind.PERMIT: _permit, CaseKind.VISA: _visa, CaseKind.INVITATION: _invitation,
    CaseKind.RETURN: _return,
}
