"""Reads never take the write lock (issue 16 point 4), on SQLite and PostgreSQL.

Opening a case file went through a write transaction (SQLite's BEGIN IMMEDIATE) because it writes its
"case.view" entry, so a supervisor's slow office read held up every other officer's save. Now the reading
runs in a read transaction and only its audit entry is written, right after, in a short write
(``audit.read``): another officer saves while the read is still going on, and the read is still recorded.
"""
from __future__ import annotations

import threading

from desk.services import audit, persons, views
from tests.services.conftest import new_person
from tests.ui.conftest import new_asylum_case


def test_another_officer_saves_while_a_case_file_is_being_read(store, actors, fixed_clock):
    reader, writer = actors["asylum"], actors["reception"]
    pid = new_person(store, reader)
    case_id = new_asylum_case(store, reader, pid)
    saved = threading.Event()

    def save_meanwhile():
        with store.uow() as uow:
            persons.register_person(uow, writer, {"surname": "Ozola", "given_names": "Anna",
                                                  "date_of_birth": "1988-02-02", "citizenship": "UKR"})
        saved.set()

    def slow_read(uow, actor, cid):
        file = views.case_file(uow, actor, cid)
        other = threading.Thread(target=save_meanwhile)
        other.start()
        other.join(timeout=10)  # the read is still open: the save must not wait for it
        return file, saved.is_set()

    file, saved_during_read = audit.read(store, slow_read, reader, case_id)
    assert saved_during_read and file.id == case_id
    with store.reader() as uow:
        assert [e.action for e in audit.entries(uow, limit=2)][0] == "case.view"  # and the read is recorded
