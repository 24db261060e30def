"""The stored next due date of a case (``Case.next_due``, the worklist's order, migration 0007) stays
what its deadline rows say after every kind of write, on SQLite and PostgreSQL: registration of every
kind, life-cycle actions (a deadline met, a new one, the case closed), reassignment, the daily flip of
open to missed, the bulk import, the scale seed's bulk path, the upgrade of a store written before the
column existed, and ``desk reindex``."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text, update

from desk.services import casework, deadlines, importer
from desk.store import open_store
from models import Case, Deadline
from tests.services.conftest import new_person


def _mismatches(store) -> list[tuple]:
    """(case id, stored next_due, what the deadline rows say) for every case where they differ."""
    with store.reader() as uow:
        rows = uow.session.execute(select(Case.id, Case.next_due, deadlines.pending_due(Case.id)
                                          .correlate(Case))).all()
    return [tuple(r) for r in rows if r[1] != r[2]]


def _dated(store) -> int:
    with store.reader() as uow:
        return len(uow.session.execute(select(Case.id).where(Case.next_due.is_not(None))).all())


def _register(store, actor, kind, raw):
    with store.uow() as uow:
        return casework.register(uow, actor, kind, raw)


def _perform(store, actor, case_id, action, raw=None):
    with store.reader() as uow:
        version = uow.session.get(Case, case_id).version
    with store.uow() as uow:
        casework.perform(uow, actor, case_id, action, raw or {}, version)


def _next_due(store, case_id):
    with store.reader() as uow:
        return uow.session.get(Case, case_id).next_due


def test_next_due_follows_registrations_actions_reassignment_and_the_daily_flip(cw):
    store, actors = cw
    a, r = actors["asylum"], actors["residence"]
    pid = new_person(store, a)
    asylum_id = _register(store, a, "asylum", {"person_id": pid, "lodged_on": "2026-03-02",
                                               "registered_on": "2026-03-03"})
    with store.reader() as uow:
        number = uow.session.get(Case, asylum_id).number
    dublin_id = _register(store, a, "dublin", {"direction": "outgoing", "request_kind": "take_charge",
                                               "partner_country": "DEU", "asylum_case": number,
                                               "sent_on": "2026-09-25"})
    permit_id = _register(store, r, "permit", {"person_id": pid, "permit_kind": "temporary", "purpose": "study",
                                              "applied_on": "2026-11-10"})
    visa_id = _register(store, r, "visa", {"person_id": pid, "category": "C", "applied_on": "2026-11-21"})
    assert _mismatches(store) == []
    assert _next_due(store, asylum_id) is not None
    assert _next_due(store, permit_id) == date(2026, 12, 10)  # APL s. 64(1): the decision, a month after 10 Nov

    _perform(store, a, dublin_id, "reject", {"replied_on": "2026-11-10"})
    assert _next_due(store, dublin_id) == date(2026, 12, 1)  # 1560/2003 Art. 5(2): re-examination in 3 weeks
    _perform(store, a, dublin_id, "request_reexamination", {"requested_on": "2026-11-20"})
    assert _next_due(store, dublin_id) == date(2026, 12, 4)  # the request met, the partner's reply due
    _perform(store, r, permit_id, "grant", {"decided_on": "2026-11-20", "valid_from": "2026-12-01",
                                            "valid_until": "2027-11-30"})
    assert _next_due(store, permit_id) == date(2027, 11, 30)  # decided in time; next: the validity's end
    _perform(store, r, visa_id, "issue", {"decided_on": "2026-11-22", "valid_from": "2026-11-22",
                                          "valid_until": "2027-01-15", "days_allowed": "40"})
    assert _mismatches(store) == []

    with store.uow() as uow:  # reassignment touches the case row, never its deadlines
        before = _next_due(store, asylum_id)
        casework.reassign(uow, actors["supervisor"], [asylum_id], "patverums2")
    assert _next_due(store, asylum_id) == before and _mismatches(store) == []

    with store.uow() as uow:  # the daily flip: open -> missed keeps a deadline pending
        deadlines.refresh_states(uow, date(2028, 1, 1))
    assert _mismatches(store) == []


def test_next_due_after_a_case_is_closed(cw):
    store, actors = cw
    a = actors["asylum"]
    pid = new_person(store, a)
    cid = _register(store, a, "asylum", {"person_id": pid, "made_on": "2026-11-02",
                                          "registered_on": "2026-11-02", "lodged_on": "2026-11-03"})
    assert _next_due(store, cid) is not None
    _perform(store, a, cid, "withdraw", {"withdrawn_on": "2026-11-20"})
    with store.reader() as uow:
        assert uow.session.get(Case, cid).closed_on is not None
    assert _mismatches(store) == []


def test_next_due_after_a_bulk_import(store, actors, fixed_clock):
    from tests.test_import import example_lines

    with store.uow() as uow:
        result = importer.import_lines(uow, actors["supervisor"], example_lines())
    assert result.case_numbers and _dated(store) > 0
    assert _mismatches(store) == []


def test_next_due_after_the_scale_seed(store, fixed_clock):
    from seed import scale

    scale.build(store, persons=300, progress=lambda _m: None)
    assert _dated(store) > 0
    assert _mismatches(store) == []


def test_upgrade_and_reindex_fill_next_due_from_the_stored_deadlines(store_url, fixed_clock, tmp_path):
    """A store written before migration 0007 (deadline rows, no column) gets the column filled on
    upgrade; ``desk reindex`` refills it for a store whose column was lost or written by another tool."""
    from alembic import command

    from desk.cli import main
    from desk.store import _alembic_config
    from seed import scale

    store = open_store(store_url)
    try:
        scale.build(store, persons=200, progress=lambda _m: None)
        with store.engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0006")
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM deadline")).scalar() > 0
    finally:
        store.dispose()
    store = open_store(store_url)  # upgrades to head
    try:
        assert _dated(store) > 0 and _mismatches(store) == []
        with store.engine.begin() as conn:
            conn.execute(update(Case).values(next_due=date(2000, 1, 1)))
            conn.execute(update(Case).where(Case.id.in_(select(Deadline.case_id).limit(1)))
                         .values(next_due=None))
        assert _mismatches(store)
        assert main(["reindex", "--db", store.url]) == 0
        assert _mismatches(store) == []
    finally:
        store.dispose()
