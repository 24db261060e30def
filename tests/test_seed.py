"""Demo and scale data: reproducible, complete (every kind in every status), deadlines around today,
officers that can log in; the bulk loader keeps PMLP's proportions and the audit chain."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desk.services import audit, auth
from desk.services.kinds import rules_module
from desk.store import open_store
from models import Case, CaseCounter, Country, Deadline, DublinRequest, Office, Person
from seed import demo, scale
from seed.reference import load_reference

DEMO_PERSONS = 150  # the full demo has 2,000; the cases (every status) do not depend on the number


def _build(tmp_path, name):
    store = open_store(tmp_path / name)
    demo.build_demo(store, persons=DEMO_PERSONS)
    return store


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """Built once for this module (it takes seconds), on the same fixed clock as ``fixed_clock``."""
    from datetime import datetime

    from desk import clock as desk_clock
    from desk.clock import RIGA, FixedClock

    old = desk_clock.set_clock(FixedClock(datetime(2026, 11, 22, 10, 0, tzinfo=RIGA)))
    try:
        store = _build(tmp_path_factory.mktemp("demo"), "demo.db")
    finally:
        desk_clock.set_clock(old)
    yield store
    store.dispose()


def _cases(store):
    with store.reader() as uow:
        return [tuple(r) for r in uow.session.execute(
            select(Case.number, Case.kind, Case.status, Case.opened_on, Case.closed_on).order_by(Case.number))]


def test_demo_is_reproducible(tmp_path, fixed_clock, demo_store):
    again = _build(tmp_path, "again.db")
    try:
        assert _cases(demo_store) == _cases(again)
        with demo_store.reader() as a, again.reader() as b:
            q = select(Person.surname, Person.given_names, Person.date_of_birth).order_by(Person.id)
            assert a.session.execute(q).all() == b.session.execute(q).all()
    finally:
        again.dispose()


def test_demo_holds_no_latvian_eu_or_associated_citizen_in_an_asylum_dublin_or_return_case(demo_store):
    """Issue 14 point 5: Protocol No 24 and Geneva Art. 1A(2) (asylum), Reg. 604/2013 Art. 2(a) (Dublin),
    Dir. 2008/115/EC Art. 2(3) (return): none of these cases concerns a citizen of the EU, the EEA or CH."""
    with demo_store.reader() as uow:
        rows = uow.session.execute(
            select(Case.kind, Person.citizenship, Country.eu_member, Country.dublin_partner)
            .join(Person, Person.id == Case.person_id).join(Country, Country.code == Person.citizenship)
            .where(Case.kind.in_(("asylum", "dublin", "return")))).all()
    assert {kind for kind, *_ in rows} == {"asylum", "dublin", "return"}
    wrong = [(kind, code) for kind, code, eu, partner in rows if code == "LVA" or eu or partner]
    assert wrong == []


def test_demo_has_every_kind_in_every_status(demo_store):
    seen = {(kind, status) for _n, kind, status, _o, _c in _cases(demo_store)}
    for kind in ("asylum", "dublin", "permit", "visa", "invitation", "return"):
        module = rules_module(kind)
        assert module is not None, kind
        for status in module.MACHINE.states:
            assert (kind, str(status)) in seen, (kind, status)


def test_demo_dublin_both_regimes_directions_and_kinds(demo_store):
    with demo_store.reader() as uow:
        rows = uow.session.execute(select(DublinRequest.regime, DublinRequest.direction,
                                          DublinRequest.request_kind, Case.status)
                                   .join(Case, Case.id == DublinRequest.case_id)).all()
    combos = {(r, d, k) for r, d, k, _s in rows}
    for regime in ("dublin_iii", "ammr"):
        for direction in ("incoming", "outgoing"):
            for kind in ("take_charge", "take_back", "information"):
                assert (regime, direction, kind) in combos, (regime, direction, kind)
    statuses = {s for *_x, s in rows}
    for s in ("draft", "sent", "accepted", "tacitly_accepted", "rejected", "reexamination_requested",
              "reexamination_lapsed", "transfer_decided", "transfer_scheduled", "transferred", "transfer_extended",
              "expired", "withdrawn", "answered"):
        assert s in statuses, s


def test_demo_deadlines_overdue_today_and_upcoming(demo_store, fixed_clock):
    today = fixed_clock.today()
    with demo_store.reader() as uow:
        dues = [d for (d,) in uow.session.execute(
            select(Deadline.due_on).join(Case, Case.id == Deadline.case_id)
            .where(Deadline.done_on.is_(None), Deadline.state.in_(("open", "missed")), Case.closed_on.is_(None)))]
    assert any(d < today for d in dues)
    assert today in dues
    assert any(today < d <= today + timedelta(days=7) for d in dues)


def test_demo_officers_log_in_and_own_cases(demo_store):
    with demo_store.uow() as uow:
        for username, password, role, _name in demo.DEMO_OFFICERS:
            actor = auth.login(uow, username, password)
            assert role in actor.roles
            if role in ("reception", "residence", "asylum", "return") and username != "patverums2":
                owned = uow.session.execute(select(func.count()).select_from(Case)
                                            .where(Case.owner_id == actor.id)).scalar_one()
                assert owned > 0, username
    with demo_store.reader() as uow:
        assert audit.verify_chain(uow).ok


def test_ensure_demo_store_reuses(tmp_path, fixed_clock, demo_store):
    before = _cases(demo_store)
    messages = []
    again = demo.ensure_demo_store(demo_store.url, progress=lambda step, done: messages.append((step, done)))
    try:
        assert _cases(again) == before
        assert messages == [("demo.step.opening", 0.0), ("demo.step.reusing", 1.0)]
    finally:
        again.dispose()


def test_reference_twice_adds_nothing(sqlite_store):
    with sqlite_store.uow() as uow:
        first = load_reference(uow.session)
    with sqlite_store.uow() as uow:
        second = load_reference(uow.session)
        n = uow.session.execute(select(func.count()).select_from(Country)).scalar_one()
        offices = uow.session.execute(select(func.count()).select_from(Office)).scalar_one()
    assert first["countries"] == n > 200 and first["offices"] == offices
    assert second == {"offices": 0, "countries": 0, "purposes": 0, "reasons": 0}


def _check_scale(store, report, persons):
    expected = scale.case_counts(persons)
    assert report.persons == persons
    with store.reader() as uow:
        assert uow.session.execute(select(func.count()).select_from(Person)).scalar_one() == persons
        per_kind = dict(uow.session.execute(select(Case.kind, func.count()).group_by(Case.kind)).all())
        assert per_kind == expected
        # permits and invitations dominate, as in PMLP's figures; asylum, Dublin, return are rare
        assert per_kind["invitation"] > per_kind["permit"] > 50 * per_kind["asylum"]
        coded = uow.session.execute(select(func.count()).select_from(Person)
                                    .where(Person.personal_code.is_not(None))).scalar_one()
        assert 0.3 * persons < coded < 0.5 * persons
        counters = {(k, y): s for k, y, s in uow.session.execute(select(CaseCounter.kind, CaseCounter.year,
                                                                         CaseCounter.last_seq))}
        top = dict(uow.session.execute(select(Case.kind, func.max(Case.number)).group_by(Case.kind)).all())
        for kind, number in top.items():
            _prefix, year, seq = number.split("-")
            assert counters[(kind, int(year))] == int(seq)
        assert uow.session.execute(select(func.count()).select_from(Deadline)).scalar_one() > 0
        assert audit.verify_chain(uow).ok
        assert [e.action for e in audit.entries(uow, limit=5)][0] == "seed.load"


def test_scale_seed_command_proportions_and_chain(tmp_path, fixed_clock, capsys):
    from desk.cli import main

    db = tmp_path / "scale.db"
    assert main(["seed", "--persons", "2000", "--db", str(db)]) == 0
    out = capsys.readouterr()
    assert "persons" in out.out and "seed: done" in out.err
    assert "WARNING" not in out.err  # every open case got its deadlines
    store = open_store(db)
    try:
        with store.reader() as uow:
            n = uow.session.execute(select(func.count()).select_from(Person)).scalar_one()
        assert n == 2000
        _check_scale(store, scale.ScaleReport(persons=2000), 2000)
        # new registrations continue the sequence
        from desk.services import casecore
        with store.uow() as uow:
            kind, year = "asylum", fixed_clock.today().year
            last = uow.session.get(CaseCounter, (kind, year))
            before = last.last_seq if last else 0
            _number, seq = casecore.next_number(uow, kind, year)
            assert seq == before + 1
    finally:
        store.dispose()


@pytest.mark.pg
def test_scale_bulk_path_on_postgresql(pg_url, fixed_clock):
    store = open_store(pg_url)
    try:
        report = scale.build(store, persons=800, progress=lambda _m: None)
        _check_scale(store, report, 800)
        assert report.deadline_failures == 0
        with store.engine.connect() as conn:  # planned by statistics from the start, not after autovacuum
            analysed = conn.exec_driver_sql("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL "
                                            "AND last_vacuum IS NOT NULL AND schemaname = current_schema()"
                                            ).scalars().all()
        # ... and vacuumed, so that the worklist's counts read their partial index alone (migration 0021)
        assert {"person", "case_file", "deadline"} <= set(analysed)
        # the ids' sequences moved past the loaded rows: an officer's first registration is not refused
        from desk.services import casework, persons

        with store.uow() as uow:
            office = uow.session.execute(select(Office.code).order_by(Office.id)).scalars().first()
            auth.create_officer(uow, None, username="pec.ieladi", full_name="Pēc Ielādes", office_code=office,
                                roles="asylum", password="after-the-load-1", bootstrap=True)
        with store.uow() as uow:
            actor = auth.login(uow, "pec.ieladi", "after-the-load-1")
        with store.uow() as uow:
            pid = persons.register_person(uow, actor, {"surname": "Pēc", "given_names": "Ielādes", "citizenship": "AFG",
                                                       "date_of_birth": "1990-01-01"}, allow_duplicate=True)
            casework.register(uow, actor, "asylum", {"person_id": str(pid), "lodged_on": "2026-11-20",
                                                     "registered_on": "2026-11-20", "made_on": "2026-11-20"})
    finally:
        store.dispose()


def test_a_demo_build_stopped_half_way_is_built_anew_not_reused(tmp_path, fixed_clock):
    """Ctrl+C or a closed window during the first ``desk demo``: the next start sees the unfinished build
    (its seed_run row) and builds the demo again instead of showing half a demo as if it were whole."""
    from sqlalchemy import insert

    from models import SeedRun

    path = tmp_path / "demo.db"
    store = open_store(path)
    with store.uow() as uow:
        load_reference(uow.session)
        uow.session.execute(insert(SeedRun.__table__).values(started_at=uow.clock.now(), persons=30))
    store.dispose()
    steps = []
    again = demo.ensure_demo_store(str(path), lambda step, _f: steps.append(step), persons=30)
    try:
        assert "demo.step.persons" in steps and steps[-1] == "demo.step.done"
        assert not again.seed_unfinished() and demo.has_demo(again)
    finally:
        again.dispose()


def test_reset_rebuilds_the_demo_and_touches_no_other_store(tmp_path, fixed_clock):
    from desk.errors import StoreError

    path = tmp_path / "demo.db"
    first = demo.ensure_demo_store(str(path), persons=30)
    with first.uow() as uow:
        uow.session.add(Office(code="ZZZ-TMP", name_lv="vecais", name_en="old", town="Rīga"))
    first.dispose()
    rebuilt = demo.ensure_demo_store(str(path), reset=True, persons=30)
    try:
        with rebuilt.reader() as uow:
            assert uow.session.execute(select(Office).where(Office.code == "ZZZ-TMP")).first() is None
        assert demo.has_demo(rebuilt)
    finally:
        rebuilt.dispose()
    office = tmp_path / "office.db"
    office.write_bytes(b"")
    with pytest.raises(StoreError) as refused:
        demo.ensure_demo_store(str(office), reset=True)
    assert refused.value.key == "demo.reset_not_demo" and office.exists()
    with pytest.raises(StoreError) as refused:
        demo.ensure_demo_store("postgresql+psycopg://127.0.0.1/test", reset=True)
    assert refused.value.key == "demo.reset_sqlite_only"


def test_the_bulk_writer_stores_what_sqlalchemy_would(store_url, fixed_clock):
    """``scale._write`` puts rows through the driver's executemany with each column type's own conversion.
    What it stores must be what ``conn.execute(insert(table), rows)`` stores: the same text for an aware
    datetime in SQLite (no "+00:00" suffix the ORM would not read back as written), dates, flags,
    JSON-ish text and NULLs, so that a seeded store is read exactly as one typed in on the screens."""
    from datetime import date, datetime, timezone

    from sqlalchemy import insert

    from desk.clock import now

    store = open_store(store_url)
    try:
        with store.uow() as uow:
            load_reference(uow.session)
        at = datetime(2026, 11, 22, 8, 0, 0, tzinfo=timezone.utc)  # microsecond 0: isoformat would drop it
        people = [{"id": 9001 + i, "surname": s, "given_names": "Līga", "surname_folded": s.lower(),
                   "given_folded": "liga", "date_of_birth": date(1990, 1, 2 + i), "sex": "F",
                   "citizenship": "UKR", "created_at": at if i == 0 else now(), "version": 1}
                  for i, s in enumerate(("Bērziņa", "Ozola"))]
        with store.engine.connect() as conn:
            with conn.begin():
                scale._write(conn, Person, people[:1])
                conn.execute(insert(Person.__table__), [{**scale._template(Person), **people[1]}])
                scale._write(conn, Person, [{**people[1], "id": 9101}])
                conn.execute(insert(Person.__table__), [{**scale._template(Person), **people[0], "id": 9100}])
            rows = {r[0]: tuple(r[1:]) for r in conn.exec_driver_sql(
                "SELECT id, created_at, date_of_birth, surname, original_name, personal_code FROM person "
                "WHERE id IN (9001, 9002, 9100, 9101)")}
        assert rows[9001] == rows[9100]  # written by _write / by SQLAlchemy, the same values
        assert rows[9002] == rows[9101]
        with store.uow() as uow:  # and the ORM reads them back as it wrote them
            read = uow.session.get(Person, 9001)
            assert read.created_at == at and read.date_of_birth == date(1990, 1, 2)
    finally:
        store.dispose()


def _name_index(store) -> list[tuple]:
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "postgresql":
            sql = "SELECT person_id, original, names::text, surname::text FROM person_search ORDER BY person_id"
        else:
            sql = "SELECT rowid, surname, given, original, forms FROM person_fts ORDER BY rowid"
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def test_the_seeded_name_index_is_what_a_rebuild_makes_without_one(store_url, fixed_clock, monkeypatch):
    """The person table's triggers index every person the seed writes, with the name forms it computed
    (desk.names, as the ORM listener would): the seed does not rebuild the index afterwards (that was
    a second indexing of every person, a minute of a million-person seed), and what the triggers left
    is exactly what ``desk reindex`` makes from the person table."""
    from desk.services import search

    rebuilt = []
    real = search.rebuild_index
    monkeypatch.setattr(search, "rebuild_index", lambda uow: rebuilt.append(1) or real(uow))
    store = open_store(store_url)
    try:
        scale.build(store, persons=300, progress=lambda _m: None)
        assert rebuilt == []
        seeded = _name_index(store)
        assert len(seeded) == 300
        with store.uow() as uow:
            real(uow)
        assert _name_index(store) == seeded
    finally:
        store.dispose()
