"""An audit trail that cannot be rewritten unnoticed (issue 15, point 5): deleting the tail, re-hashing
the whole chain after an edit, appending a forged entry and dropping the guards all fail verify, on
SQLite and PostgreSQL; verify says what it could not prove."""
from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import select

from desk.cli import main
from desk.services import audit, auth
from models import AuditEntry

DROP_GUARDS = {
    "sqlite": ["DROP TRIGGER audit_entry_no_update", "DROP TRIGGER audit_entry_no_delete"],
    "postgresql": ["DROP TRIGGER audit_entry_no_update ON audit_entry",
                   "DROP TRIGGER audit_entry_no_truncate ON audit_entry"],
}


def _entries(store, actors, n):
    with store.uow() as uow:
        for i in range(n):
            audit.record(uow, actors["asylum"], "case.view", case_id=i + 1)


def _shift_end(store, actors):
    with store.uow() as uow:
        auth.logout(uow, actors["supervisor"])  # signs a checkpoint, inside the store and outside it


def _as_attacker(store, *statements, params=None):
    """What the store's owner can do with the database alone (no key): drop guards, edit rows."""
    with store.engine.begin() as conn:
        for s in DROP_GUARDS[store.engine.dialect.name]:
            conn.execute(text(s))
        for s in statements:
            conn.execute(text(s), params or {})


def _verdict(store, **kw):
    with store.reader() as uow:
        return audit.verify(uow, **kw)


def _keys(items):
    return [k for k, _ in items]


def test_an_untouched_trail_verifies_and_says_what_it_cannot_prove(store, actors):
    _entries(store, actors, 10)
    _shift_end(store, actors)
    v = _verdict(store)
    assert v.ok and v.problems == ()
    assert _keys(v.unproven) == []  # everything up to the shift-end checkpoint is anchored outside
    _entries(store, actors, 3)
    assert _keys(_verdict(store).unproven) == ["audit.v.tail"]


def test_deleting_the_tail_is_detected(store, actors):
    _entries(store, actors, 20)
    _shift_end(store, actors)
    with store.reader() as uow:
        last = uow.session.exec(text("SELECT max(id) FROM audit_entry")).scalar()
    _as_attacker(store, "DELETE FROM audit_entry WHERE id > :cut", params={"cut": last - 5})
    v = _verdict(store)
    assert not v.ok and "audit.v.truncated" in _keys(v.problems)
    assert "audit.v.guards" in _keys(v.problems)


def test_rehashing_the_whole_chain_after_an_edit_is_detected(store, actors):
    _entries(store, actors, 8)
    _shift_end(store, actors)
    with store.reader() as uow:
        rows = [(e.id, e.at, e.officer_id, e.officer_username, e.action, e.case_id, e.person_id, e.detail)
                for e in uow.session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()]
    prev, updates = audit.GENESIS, []
    for (id_, at, oid, user, action, case_id, person_id, detail) in rows:
        if id_ == 3:
            detail = '{"note":"nothing to see"}'
        h = audit.entry_hash(prev, at, oid, user, action, case_id, person_id, detail)
        updates.append({"id": id_, "d": detail, "p": prev, "h": h})
        prev = h
    with store.engine.begin() as conn:
        for s in DROP_GUARDS[store.engine.dialect.name]:
            conn.execute(text(s))
        for u in updates:
            conn.execute(text("UPDATE audit_entry SET detail = :d, prev_hash = :p, hash = :h WHERE id = :id"), u)
    with store.reader() as uow:
        assert audit.verify_chain(uow).reason == "signature"  # the hashes fit; the signatures do not
    v = _verdict(store)
    assert not v.ok and {"audit.v.chain", "audit.v.rewritten"} <= set(_keys(v.problems))


def test_a_forged_append_is_detected(store, actors):
    _entries(store, actors, 4)
    with store.reader() as uow:
        last = uow.session.exec(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        at = last.at
    h = audit.entry_hash(last.hash, at, None, "system", "case.view", 1, None, "{}")
    with store.engine.begin() as conn:  # a well-formed entry, hash and all - but no key to sign it
        conn.execute(text("INSERT INTO audit_entry (at, officer_id, officer_username, action, case_id, person_id, "
                          "detail, prev_hash, hash, mac) VALUES (:at, NULL, 'system', 'case.view', 1, NULL, '{}', "
                          ":p, :h, :m)"), {"at": at, "p": last.hash, "h": h, "m": "0" * 64})
    v = _verdict(store)
    assert not v.ok and v.problems[0] == ("audit.v.chain", {"id": last.id + 1, "reason": "signature"})


def test_a_checkpoint_from_another_key_is_refused(store, actors, tmp_path, monkeypatch):
    _entries(store, actors, 3)
    with store.uow() as uow:
        cp = audit.write_checkpoint(uow, None, "manual")
    forged = audit.Checkpoint(cp.store, cp.entry_id, cp.head, cp.at, cp.reason, cp.officer, "f" * 64)
    assert "audit.v.bad_checkpoint" in _keys(_verdict(store, exported=[forged]).problems)


def test_cli_checkpoint_export_then_verify_against_it(sqlite_store, sqlite_actors, tmp_path, monkeypatch, capsys):
    from desk.private import FILE_MODE
    from tests.conftest import PASSWORD

    db = sqlite_store.url.removeprefix("sqlite:///")
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    _entries(sqlite_store, sqlite_actors, 6)
    out = tmp_path / "checkpoint.json"
    assert main(["audit", "checkpoint", "--export", str(out), "--officer", "vaditajs", "--db", db]) == 0
    assert (out.stat().st_mode & 0o777) == FILE_MODE
    assert main(["audit", "checkpoint", "--officer", "patverums", "--db", db]) == 2  # supervisors only
    with sqlite_store.reader() as uow:
        outside = audit.checkpoint_file(audit.store_id(uow))
    outside.unlink()  # the attacker also removed the local anchor; the supervisor's copy remains
    cut = audit.read_checkpoints(out)[0].entry_id - 1  # cut the trail from before the exported head
    _as_attacker(sqlite_store, "DELETE FROM audit_entry WHERE id > :cut", params={"cut": cut})
    capsys.readouterr()
    assert main(["audit", "verify", "--db", db]) == 1  # the guards are gone: refused even without the export
    assert main(["audit", "verify", "--checkpoint", str(out), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "izdzēsts" in err
