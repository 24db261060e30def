"""Registrations to be killed half-way: ``python crash_worker.py URL USERNAME PASSWORD MODE N``.

MODE ``batch``: N registrations (person + asylum case + audit entry) in ONE unit of work, printing
``progress K`` after each; then ``committed``. Killed before that line, none of them may survive.
MODE ``singles``: N registrations, each its own unit of work, printing ``committed CASE_ID`` after
each commit. Killed at any moment, every registration in the store must be whole.
"""
from __future__ import annotations

import os
import sys
from datetime import date

os.environ.setdefault("DESK_FAST_HASH", "1")


def register(uow, actor, tag: str, i: int) -> int:
    from desk.services import audit, casecore
    from models import Person

    person = Person(surname=tag, given_names=f"N{i}", surname_folded=tag.lower(), given_folded=f"n{i}",
                    citizenship="AFG")
    uow.session.add(person)
    uow.session.flush()
    case = casecore.open_case(uow, actor, kind="asylum", person_id=person.id, status="lodged",
                              opened_on=date(2026, 11, 2))
    audit.record(uow, actor, "case.register", case_id=case.id, person_id=person.id)
    return case.id


def main(argv: list[str]) -> int:
    url, username, password, mode, n = argv[1], argv[2], argv[3], argv[4], int(argv[5])
    from desk.services import auth
    from desk.store import open_store

    store = open_store(url, upgrade=False)
    with store.uow() as uow:
        actor = auth.login(uow, username, password)
    print("ready", flush=True)
    if mode == "batch":
        with store.uow() as uow:
            for i in range(n):
                register(uow, actor, "Batch", i)
                print(f"progress {i}", flush=True)
        print("committed", flush=True)
    else:
        for i in range(n):
            with store.uow() as uow:
                case_id = register(uow, actor, "Single", i)
            print(f"committed {case_id}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
