"""A full disk during an import (issue 16 point 6), on SQLite.

It gave a 160-line traceback ("database or disk is full", then "no such savepoint"). Now the officer reads one
sentence - the disk is full, nothing was saved - and the store is as it was. The disk is filled the way SQLite
sees it: a page limit on the store's connections (PRAGMA max_page_count), so SQLite answers SQLITE_FULL.
"""
from __future__ import annotations

import json

import pytest
from sqlalchemy import event, func
from sqlmodel import select

from desk.errors import StoreError
from desk.services import importer
from models import AuditEntry, Case, Person


def _lines(n: int) -> str:
    out = []
    for i in range(n):
        out.append(json.dumps({"kind": "visa", "person": {"surname": "Koval", "given_names": f"Olena{chr(65 + i % 26)}",
                                                           "date_of_birth": "1991-04-02", "citizenship": "UKR",
                                                           "document_number": f"FE{i:07d}"},
                               "person_match": "new", "case": {"category": "D", "applied_on": "2026-11-02"}}))
    return "\n".join(out) + "\n"


def _count(store, model) -> int:
    with store.reader() as uow:
        return uow.session.exec(select(func.count()).select_from(model)).one()


def test_a_full_disk_during_an_import_says_so_and_saves_nothing(sqlite_store, sqlite_actors, fixed_clock, tmp_path):
    store = sqlite_store
    before = (_count(store, Person), _count(store, Case), _count(store, AuditEntry))
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    store.engine.dispose()  # the limit applies to every connection opened from now on
    event.listen(store.engine, "connect",
                 lambda dbapi, _record: dbapi.execute(f"PRAGMA max_page_count = {pages + 8}"))
    path = tmp_path / "big.jsonl"
    path.write_text(_lines(600), encoding="utf-8")
    with pytest.raises(StoreError) as full:
        importer.import_file(store, sqlite_actors["supervisor"], path)
    assert full.value.key == "store.disk_full"
    assert (_count(store, Person), _count(store, Case), _count(store, AuditEntry)) == before
