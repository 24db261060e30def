"""Helpers for the casework service tests: a fixed clock and a registered person."""
from __future__ import annotations

import pytest


@pytest.fixture
def cw(store, actors, fixed_clock):
    """(store, actors) on both backends with the clock at 22 Nov 2026."""
    return store, actors


@pytest.fixture
def cw_sqlite(sqlite_store, sqlite_actors, fixed_clock):
    return sqlite_store, sqlite_actors


def new_person(store, actor, surname="Bērziņš", given="Jānis", born="1990-05-01", doc="LV1234567", **extra):
    from desk.services import persons

    raw = {"surname": surname, "given_names": given, "date_of_birth": born, "citizenship": "UKR",
           "document_number": doc, **extra}
    with store.uow() as uow:
        return persons.register_person(uow, actor, raw)
