"""The trail holds no more personal data than it needs (issue 15 point 6): persons by id, personal codes
and document numbers masked, names as keyed tags, search queries masked; on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from desk.services import audit, persons, search
from models import AuditEntry

CODE = "010590-10006"  # born 1 May 1990
DOCUMENT = "LV1234567"


def _raw_details(store, action):
    """The stored JSON text itself, as whoever reads the database (or a backup of it) sees it."""
    with store.engine.connect() as conn:
        return [row[0] for row in conn.execute(text("SELECT detail FROM audit_entry WHERE action = :a ORDER BY id"),
                                               {"a": action})]


def test_a_registered_person_is_in_the_trail_by_id_only(store, actors, fixed_clock):
    raw = {"surname": "Bērziņš", "given_names": "Jānis", "date_of_birth": "1990-05-01", "citizenship": "UKR",
           "personal_code": CODE, "document_number": DOCUMENT}
    with store.uow() as uow:
        person_id = persons.register_person(uow, actors["reception"], raw)
    (stored,) = _raw_details(store, "person.register")
    for secret in ("Bērziņš", "Berzins", "Jānis", "10006", "1234567", "1990-05-01"):
        assert secret not in stored, secret
    assert "010590-*****" in stored and "LV*******" in stored
    with store.reader() as uow:
        (entry,) = [e for e in audit.entries(uow, limit=20) if e.action == "person.register"]
        assert entry.person_id == person_id
        changes = entry.detail["changes"]
        assert changes["surname"][1] == audit.name_tag("Bērziņš") != audit.name_tag("Bērziņa")
        assert changes["citizenship"] == [None, "UKR"]
        assert audit.verify_chain(uow).ok


@pytest.mark.parametrize("detail, secret", [
    ({"changes": {"inviter_code": [None, "311290-12345"]}}, "12345"),
    ({"changes": {"card_number": ["RP0012345", "RP0054321"]}}, "0012345"),
    ({"changes": {"inviter_name": [None, "SIA Ozols un Partneri"]}}, "Ozols"),
    ({"matched": {"7": [{"document_number": "AB9876543"}]}}, "9876543"),
])
def test_whatever_a_caller_passes_is_masked_before_it_is_hashed(sqlite_store, sqlite_actors, detail, secret):
    with sqlite_store.uow() as uow:
        audit.record(uow, sqlite_actors["residence"], "case.test", **detail)
    (stored,) = _raw_details(sqlite_store, "case.test")
    assert secret not in stored
    with sqlite_store.reader() as uow:
        assert audit.verify_chain(uow).ok


def test_a_search_is_kept_masked_where_it_is_a_code_or_a_document(store, actors):
    reception = actors["reception"]
    queries = [CODE, "01059010006", DOCUMENT, "C 1234-567", "Bērziņš 01.05.1990", "PAT-2026-000001", CODE]
    for q in queries:
        with store.uow() as uow:
            search.search(uow, reception, q)
    stored = _raw_details(store, "search")
    assert len(stored) == len(queries)
    for secret in ("10006", "1234567", "1234-567"):
        assert not any(secret in s for s in stored), secret
    with store.reader() as uow:
        found = [e.detail for e in audit.entries(uow, limit=50, newest_first=False) if e.action == "search"]
    assert [d["query"] for d in found] == ["010590-*****", "010590-*****", "LV*******", "C 12*****",
                                           "Bērziņš 01.05.1990", "PAT-2026-000001", "010590-*****"]
    assert found[0]["query_tag"] == found[-1]["query_tag"] != found[1]["query_tag"]  # found again, not read
    assert "query_tag" not in found[4] and "query_tag" not in found[5]


def test_no_entry_of_a_whole_working_day_holds_a_code_or_a_document(store, actors, fixed_clock):
    """A person registered, a case opened on them, their file read and searched: nothing in the trail
    reads back their code, their document number or their name."""
    from desk.services import casework, views

    raw = {"surname": "Ozoliņa", "given_names": "Marta", "date_of_birth": "1990-05-01", "citizenship": "UKR",
           "personal_code": CODE, "document_number": DOCUMENT}
    with store.uow() as uow:
        pid = persons.register_person(uow, actors["reception"], raw)
    with store.uow() as uow:
        case_id = casework.register(uow, actors["residence"], "permit", {
            "person_id": str(pid), "permit_kind": "temporary", "purpose": "employment", "applied_on": "2026-11-20"})
    with store.uow() as uow:
        views.case_file(uow, actors["residence"], case_id)
        views.person_file(uow, actors["reception"], pid)
        search.search(uow, actors["reception"], CODE)  # a name word typed stays (docs/privacy.md)
    with store.engine.connect() as conn:
        details = [r[0] for r in conn.execute(text("SELECT detail FROM audit_entry"))]
    blob = "\n".join(details)
    for secret in ("10006", "1234567", "Ozoliņa", "Ozolina", "Marta"):
        assert secret not in blob, secret
    assert AuditEntry.__tablename__ == "audit_entry"
