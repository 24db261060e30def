"""Eight officers register the same person at the same instant (issue 16 point 1), on SQLite and PostgreSQL.

The duplicate check reads, then inserts: on PostgreSQL all eight read "nobody" and eight persons were
stored. Now the store refuses a second person with the same personal code or the same document (unique
indexes, migration 0013), and ``register_person`` turns the refusal into the duplicate message the check
gives: one person stored, seven officers offered that person, no error of any other kind.
"""
from __future__ import annotations

import threading

from sqlalchemy import func
from sqlmodel import select

from desk.services import persons
from models import IdentityDocument, Person

OFFICERS = 8
RAW = {"surname": "Hassan", "given_names": "Amina", "date_of_birth": "1991-03-14", "citizenship": "SYR",
       "personal_code": "140391-11128", "document_number": "N01234567", "document_country": "SYR"}


def _race(store, actor, raw) -> list[str]:
    start = threading.Barrier(OFFICERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def officer():
        start.wait()
        try:
            with store.uow() as uow:
                persons.register_person(uow, actor, dict(raw))
            outcome = "stored"
        except persons.DuplicatePerson:
            outcome = "offered the existing person"
        except Exception as exc:  # anything else is a defect the officer would see
            outcome = f"error: {exc.__class__.__name__}"
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=officer) for _ in range(OFFICERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcomes


def _count(store, model) -> int:
    with store.reader() as uow:
        return uow.session.exec(select(func.count()).select_from(model)).one()


def test_the_same_person_registered_by_eight_officers_at_once_is_stored_once(store, actors):
    outcomes = _race(store, actors["reception"], RAW)
    assert sorted(outcomes) == ["offered the existing person"] * (OFFICERS - 1) + ["stored"]
    assert (_count(store, Person), _count(store, IdentityDocument)) == (1, 1)


def test_the_same_document_under_another_name_is_stored_once(store, actors):
    """No personal code (most foreigners have none): the document alone must hold."""
    raw = {k: v for k, v in RAW.items() if k != "personal_code"}
    outcomes = _race(store, actors["reception"], raw)
    assert sorted(outcomes) == ["offered the existing person"] * (OFFICERS - 1) + ["stored"]
    assert _count(store, Person) == 1
