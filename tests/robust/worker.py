"""One officer hammering the store: run as ``python worker.py URL USERNAME PASSWORD OPS SEED``.

Each operation is either a registration through the services (persons.register_person and
casework.register: a new person and an asylum case, two audit entries) or an update of
one of the first few cases (read the version, then save with ``casecore.touch``, audited), chosen at
random, so that eight of these running at once collide on the same cases. Every outcome is counted
and printed as one JSON line on stdout:

``{"registered": [case ids], "updated": {case id: n}, "conflicts": n, "other": ["ExcClass: msg", ...]}``

An operation that ends in anything but success or ``ConflictError`` lands in ``other``; the test
requires ``other`` to be empty ("database is locked" would land there).
"""
from __future__ import annotations

import json
import os
import random
import sys

os.environ.setdefault("DESK_FAST_HASH", "1")

HOT_CASES = 6  # updates aim at the lowest case ids, so officers really do collide


def main(argv: list[str]) -> int:
    url, username, password, ops, seed = argv[1], argv[2], argv[3], int(argv[4]), int(argv[5])
    from desk.errors import ConflictError
    from desk.services import audit, auth, casecore, casework, persons
    from desk.store import open_store
    from seed.names import serial_name
    from models import Case
    from sqlmodel import select

    rng = random.Random(seed)
    store = open_store(url, upgrade=False)
    with store.uow() as uow:
        actor = auth.login(uow, username, password)
    registered: list[int] = []
    updated: dict[int, int] = {}
    conflicts = 0
    other: list[str] = []
    for i in range(ops):
        try:
            if rng.random() < 0.4:
                def register(uow):  # the registration an officer makes: person and case, one transaction
                    person_id = persons.register_person(uow, actor, {
                        "surname": f"Stress {serial_name(seed)}", "given_names": f"N {serial_name(i)}", "citizenship": "SYR",
                        "date_of_birth": "1990-01-01"}, allow_duplicate=True)
                    return casework.register(uow, actor, "asylum", {
                        "person_id": str(person_id), "lodged_on": "2026-11-02", "registered_on": "2026-11-02",
                        "made_on": "2026-11-02"})
                registered.append(store.run(register))  # as the screens run it: retried whole on a deadlock
            else:
                with store.reader() as uow:
                    ids = uow.session.exec(select(Case.id).order_by(Case.id).limit(HOT_CASES)).all()
                    if not ids:
                        continue
                    case_id = rng.choice(ids)
                    seen = uow.session.get(Case, case_id).version
                def save(uow):
                    case = casecore.touch(uow, actor, casecore.get_case(uow, case_id), seen)
                    audit.record(uow, actor, "case.note", case_id=case_id, version=case.version)
                store.run(save)
                updated[case_id] = updated.get(case_id, 0) + 1
        except ConflictError as exc:
            conflicts += 1
            if not exc.message():
                other.append("ConflictError without a message")
        except Exception as exc:  # noqa: BLE001 - the point is to catch whatever escapes
            other.append(f"{type(exc).__name__}: {str(exc)[:200]}")
    retried = store.retried
    store.dispose()
    print(json.dumps({"registered": registered, "updated": updated, "conflicts": conflicts, "other": other,
                      "retried": retried}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
