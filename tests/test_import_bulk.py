"""The import's bulk path (issue 17) writes exactly what the one-by-one path writes, on SQLite and PostgreSQL.

``UnitOfWork.batched()`` (each import line is one such block) computes each touched case's deadlines once,
after its last event, and extends the audit chain by the line's entries in one pass. The same mixed file is
imported into two fresh stores with the same starting rows: once as the importer does it, once with
``batched`` switched off (every recompute and every audit entry written as it comes, as before). Every row
the import wrote must be the same in both - persons, documents, cases (next due date included), detail
rows, invited persons, notes, deadlines, audit entries with their hashes and MACs, checkpoints - and the
chain must verify.
"""
from __future__ import annotations

import json
import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from desk.services import audit, importer
from desk.store import UnitOfWork, open_store
from tests.conftest import _pg_schema_url, copy_template, populate, statements_sent

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "import-example.jsonl"

# every table an import writes to, with the columns compared (ordered by them); deadline ids are surrogate
# keys nothing refers to, renumbered by the bulk path (it writes each case's rows once, not after every event)
TABLES = {
    "person": None, "identity_document": None, "case_file": None, "asylum_application": None,
    "dublin_request": None, "residence_permit": None, "visa": None, "invitation": None,
    "return_decision": None, "invited_person": None, "case_note": None, "audit_entry": None,
    "deadline": "id", "audit_checkpoint": "signature",  # a checkpoint's signature names its store
}


def mixed_lines() -> list[str]:
    """The example file (every kind; events; a note; a Dublin request naming an earlier line), then the
    same again as new persons (``person_match: new``: the duplicate check finds the first copies and is
    overridden, which the audit records), then a line naming a person of an earlier line by ref."""
    first = EXAMPLE.read_text(encoding="utf-8").splitlines()
    again = []
    for raw in first:
        line = json.loads(raw)
        line["ref"] += "-2"
        line["person_match"] = "new"
        if isinstance(line["case"].get("asylum_case"), str):
            line["case"]["asylum_case"] += "-2"
        for person in line.get("persons") or [line.get("person")]:
            if isinstance(person, dict):
                person.pop("ref", None)
                if "document_number" in person:
                    person["document_number"] += "2"
                person.pop("personal_code", None)
        again.append(json.dumps(line, ensure_ascii=False))
    by_ref = json.dumps({"kind": "visa", "person": "ahmadi", "case": {"category": "D", "applied_on": "2026-11-03"},
                         "events": [{"action": "refuse", "values": {"decided_on": "2026-11-10", "reason": "visa.false_information",
                                                                    "notified_on": "2026-11-11"}}]})
    return first + ["", "# the same persons again, as new records"] + again + [by_ref]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def two_stores(request, tmp_path, sqlite_template):
    """Two fresh stores of the same engine with the same starting rows (reference data, officers)."""
    schemas = []
    if request.param == "sqlite":
        urls = []
        for name in ("bulk.db", "one_by_one.db"):
            copy_template(sqlite_template, tmp_path / name)
            urls.append(f"sqlite:///{tmp_path / name}")
    else:
        admin = create_engine(os.environ["DESK_TEST_PG_URL"], isolation_level="AUTOCOMMIT")
        schemas = [f"t_{uuid.uuid4().hex[:12]}" for _ in range(2)]
        with admin.connect() as conn:
            for schema in schemas:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        urls = [_pg_schema_url(schema) for schema in schemas]
    stores = [open_store(url) for url in urls]
    try:
        yield stores
    finally:
        for store in stores:
            store.dispose()
        if schemas:
            with admin.connect() as conn:
                for schema in schemas:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


def _rows(store) -> dict[str, list[tuple]]:
    out = {}
    with store.engine.connect() as conn:
        for table, left_out in TABLES.items():
            names = [r[0] for r in conn.execute(text(f"SELECT * FROM {table} WHERE 1 = 0")).cursor.description]
            columns = [c for c in names if c != left_out]
            out[table] = [tuple(r) for r in conn.execute(text(
                f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(columns)}"))]
    return out


@contextmanager
def _not_batched(self):
    yield None


def _import(store, actor, lines):
    with store.uow() as uow:
        return importer.import_lines(uow, actor, lines)


def _import_watched(store, actor, lines):
    """``_import``, and every statement the engine sent meanwhile (whitespace folded)."""
    with statements_sent(store) as sent:
        return _import(store, actor, lines), sent


def test_the_bulk_path_writes_exactly_the_rows_of_the_one_by_one_path(two_stores, fixed_clock, monkeypatch):
    monkeypatch.setattr(audit, "CHECKPOINT_EVERY", 7)  # a few checkpoints inside the file's entries
    bulk, one_by_one = two_stores
    lines = mixed_lines()
    bulk_actor = populate(bulk)["supervisor"]
    plain_actor = populate(one_by_one)["supervisor"]
    with monkeypatch.context() as switched_off:
        switched_off.setattr(UnitOfWork, "batched", _not_batched)
        plain = _import(one_by_one, plain_actor, lines)
    batched = _import(bulk, bulk_actor, lines)
    assert batched == plain and batched.lines == 15 and batched.persons_created == 14
    got, expected = _rows(bulk), _rows(one_by_one)
    assert {t: len(r) for t, r in got.items()} == {t: len(r) for t, r in expected.items()}
    for table in TABLES:
        assert got[table] == expected[table], table
    assert len(got["deadline"]) > 20 and len(got["audit_checkpoint"]) >= 5
    with bulk.reader() as uow:
        chain = audit.verify_chain(uow)
        trail = audit.entries(uow, limit=1000, newest_first=False)
    assert chain.ok and chain.checked == len(got["audit_entry"])
    actions = [e.action for e in trail]
    assert actions.count("case.register") == 15 and actions.count("person.register") == 14
    assert actions.count("case.note") == 2 and actions[-1] == "import"


def test_a_bad_line_leaves_no_queued_write_behind(two_stores, fixed_clock):
    """A line that fails half-way (its case registered, an event refused) takes its queued deadlines and
    audit entries with it; the next lines' errors are still reported; nothing is saved; and a good
    import afterwards chains on from the store's last entry."""
    store = two_stores[0]
    actor = populate(store)["supervisor"]
    with store.reader() as uow:
        entries_before = len(audit.entries(uow, limit=10_000))
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[0])
    bad["events"].append({"action": "hold_interview", "values": {"interview_on": "2026-05-13"}})  # twice
    broken = [json.dumps(bad, ensure_ascii=False)] + lines[1:3] + ['{"kind": "visa"}']
    with pytest.raises(importer.ImportFailed) as failed:
        _import(store, actor, broken)
    assert [e.line for e in failed.value.errors] == [1, 2, 4]  # line 2 names line 1's case: gone with it
    with store.reader() as uow:
        assert len(audit.entries(uow, limit=10_000)) == entries_before
    _import(store, actor, lines)
    with store.reader() as uow:
        assert audit.verify_chain(uow).ok


def test_the_import_reads_back_no_person_or_case_it_holds(two_stores, fixed_clock):
    """A person registered by a line, or a case its events change, is found in the session by the checks
    and events that follow (importer._holding; casecore.touch sets the version it wrote), not read back
    from the store with a SELECT of the whole row each time - what the one-by-one services did, because
    the session's identity map drops an object once the service that made it returns its id."""
    store = two_stores[0]
    actor = populate(store)["supervisor"]
    result, sent = _import_watched(store, actor, mixed_lines())
    rows_read = [table for flat in sent for table in ("person", "case_file")  # session.get's reload by id
                 if flat.endswith((f"FROM {table} WHERE {table}.id = ?",
                                   f"FROM {table} WHERE {table}.id = %(pk_1)s::INTEGER"))]
    assert result.lines == 15
    assert rows_read == []


def _with_bad_lines(lines: list[str]) -> list[str]:
    """``lines`` with a bad line in the second chunk of four (an event its case's status does not allow)
    and an unknown kind at the end: every other line good."""
    out = list(lines)
    bad = json.loads(out[5])
    bad["events"] = [{"action": "no_such_action", "values": {}}]
    out[5] = json.dumps(bad, ensure_ascii=False)
    return out + ['{"kind": "spaceship", "case": {}}']


def test_lines_go_a_chunk_at_a_time_and_a_bad_one_still_alone(two_stores, fixed_clock, monkeypatch):
    """Issue 17: a savepoint per line cost two statements and the session's bookkeeping per line. Good
    lines go ``CHUNK_LINES`` at a time under one savepoint; a chunk with a bad line is rolled back and
    imported line by line. The rows of a good file, and the bad lines of a bad one with their reasons,
    are those of a savepoint per line (a chunk of one)."""
    chunked, per_line = two_stores
    actors = {"chunked": populate(chunked)["supervisor"], "per_line": populate(per_line)["supervisor"]}
    lines = mixed_lines()
    good = len([raw for raw in lines if raw.strip() and not raw.startswith("#")])
    failures, savepoints = {}, {}
    for name, store in (("chunked", chunked), ("per_line", per_line)):  # both stores the same history (ids)
        for size in (4, 1):
            monkeypatch.setattr(importer, "CHUNK_LINES", size)
            with pytest.raises(importer.ImportFailed) as failed:
                _import(store, actors[name], _with_bad_lines(lines))
            failures[name, size] = [(e.line, e.reason) for e in failed.value.errors]
    for name, store, size in (("chunked", chunked, 4), ("per_line", per_line, 1)):
        monkeypatch.setattr(importer, "CHUNK_LINES", size)
        _result, sent = _import_watched(store, actors[name], lines)
        # the lines' (or chunks'): a new person has none of their own (uow.add_unless_taken)
        savepoints[name] = sum(1 for flat in sent if flat.upper().startswith("SAVEPOINT"))
    assert savepoints["per_line"] - savepoints["chunked"] == good - -(-good // 4)
    assert failures["chunked", 4] == failures["chunked", 1] == failures["per_line", 4]
    failures["chunked"] = failures["chunked", 4]
    assert [line for line, _ in failures["chunked"]] == [6, len(lines) + 1]
    got, expected = _rows(chunked), _rows(per_line)
    for table in TABLES:
        if table != "audit_checkpoint":
            assert got[table] == expected[table], table


def test_a_reference_to_a_bad_lines_person_is_a_bad_reference(two_stores, fixed_clock):
    """A bad line is undone with everything it named: a later line naming its person by ``ref`` is told
    that the reference is unknown (it was handed the id of a person rolled back with the line)."""
    store = two_stores[0]
    actor = populate(store)["supervisor"]
    first = json.loads(EXAMPLE.read_text(encoding="utf-8").splitlines()[0])  # the asylum line, person "ahmadi"
    first["events"].append({"action": "hold_interview", "values": {"interview_on": "2026-05-13"}})  # twice
    later = {"kind": "visa", "person": first["person"]["ref"], "case": {"category": "D", "applied_on": "2026-11-03"}}
    with pytest.raises(importer.ImportFailed) as failed:
        _import(store, actor, [json.dumps(first, ensure_ascii=False), json.dumps(later)])
    errors = {e.line: e.reason for e in failed.value.errors}
    assert set(errors) == {1, 2}
    assert errors[2] == importer.t("import.bad_reference", ref=first["person"]["ref"])


def test_a_chunks_deadlines_and_audit_entries_are_written_once_at_its_end(two_stores, fixed_clock, monkeypatch):
    """A chunk of good lines is one ``uow.batched()`` block: the deadlines of every case it touched are
    replaced in one DELETE and one INSERT at its end, not line by line (the rows are those of the
    one-by-one path: test_the_bulk_path_writes_exactly_the_rows_of_the_one_by_one_path)."""
    store = two_stores[0]
    actor = populate(store)["supervisor"]
    monkeypatch.setattr(importer, "CHUNK_LINES", 4)
    result, sent = _import_watched(store, actor, mixed_lines())
    deletes = [flat for flat in sent if flat.startswith("DELETE FROM deadline")]
    heads = [flat for flat in sent if "FROM audit_entry ORDER BY id DESC LIMIT 1" in flat]  # the chain's last entry
    assert result.lines == 15 and len(deletes) == 4  # 15 lines, 4 chunks
    assert len(heads) == 4 + 1  # and the import's own entry at the end
