"""One lock order for every transaction (issue 16 point 2), on PostgreSQL and SQLite.

Two officers at once: one registers a new person and a case in one unit of work (an import line, the
registration screen), the other registers a case for an existing person. On PostgreSQL each took the case
counter's row lock and the audit chain's lock in a different order, and 178 of 600 such pairs failed with a
raw ``DeadlockDetected``. Now every writing transaction takes the chain lock before its first write, so no
two desk transactions can wait for each other in a circle; and a unit of work that still meets a deadlock or
a serialisation failure is retried whole (``Store.run``), so the officer never sees either.
"""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import func
from sqlmodel import select

from desk.services import casework, persons
from models import Case
from tests.services.conftest import new_person

ROUNDS = 25


def test_registrations_in_opposite_lock_order_never_deadlock(store, actors, fixed_clock):
    actor = actors["residence"]
    existing = new_person(store, actor)
    errors: list[str] = []
    done = {"cases": 0}
    lock = threading.Lock()

    def new_person_and_case(uow, i):
        pid = persons.register_person(uow, actor, {"surname": "Koval", "given_names": f"Olena{chr(65 + i % 26)}",
                                                  "date_of_birth": "1991-04-02", "citizenship": "UKR",
                                                  "document_number": f"FE{i:07d}"}, allow_duplicate=True)
        casework.register(uow, actor, "permit", {"person_id": str(pid), "permit_kind": "temporary",
                                                 "purpose": "study", "applied_on": "2026-11-02"})

    def case_for_existing(uow, _i):
        casework.register(uow, actor, "permit", {"person_id": str(existing), "permit_kind": "temporary",
                                                 "purpose": "study", "applied_on": "2026-11-02"})

    def run(job, i, barrier):
        barrier.wait()
        try:
            store.run(job, i)
            with lock:
                done["cases"] += 1
        except Exception as exc:
            with lock:
                errors.append(exc.__class__.__name__)

    for i in range(ROUNDS):
        barrier = threading.Barrier(2)
        pair = [threading.Thread(target=run, args=(new_person_and_case, i, barrier)),
                threading.Thread(target=run, args=(case_for_existing, i, barrier))]
        for t in pair:
            t.start()
        for t in pair:
            t.join(timeout=60)
    assert errors == []
    assert store.retried == 0  # the lock order alone prevents the deadlock; the retry is the safety net
    with store.reader() as uow:
        assert uow.session.exec(select(func.count()).select_from(Case)).one() == done["cases"] == 2 * ROUNDS


@pytest.fixture
def second_pg_url():
    """Another fresh schema of the same test database (``pg_url`` gives one per test)."""
    from tests.conftest import fresh_pg_schema

    with fresh_pg_schema() as url:
        yield url


@pytest.mark.pg
def test_two_stores_in_one_database_do_not_wait_for_each_other(pg_url, second_pg_url):
    """The chain lock is the store's own (its schema's), not the database's: while one store's writer holds
    it, a writer of another store in another schema of the same database goes ahead at once."""
    import time

    from desk.services import audit
    from desk.store import open_store

    first, second = open_store(pg_url), open_store(second_pg_url)
    try:
        holding, release = threading.Event(), threading.Event()

        def hold():
            with first.uow() as uow:
                audit.record(uow, None, "test.hold")  # takes the first store's chain lock
                holding.set()
                release.wait(20)

        holder = threading.Thread(target=hold)
        holder.start()
        assert holding.wait(20)
        t0 = time.monotonic()
        with second.uow() as uow:
            audit.record(uow, None, "test.other_store")
        waited = time.monotonic() - t0
        release.set()
        holder.join(20)
        assert waited < 5, f"the second store waited {waited:.1f} s for the first one's writer"
    finally:
        first.dispose()
        second.dispose()
