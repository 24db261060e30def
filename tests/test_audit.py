"""The audit trail is append-only and hash-chained (issue 4)."""
import sqlite3

import pytest
from sqlalchemy import text
from sqlmodel import select
from sqlalchemy.exc import DBAPIError

from desk.cli import main
from desk.services import audit


def _some_entries(store, actors, n=5):
    with store.uow() as uow:
        for i in range(n):
            audit.record(uow, actors["asylum"], "case.view", case_id=i + 1, note=f"look {i}")


def test_chain_verifies_on_a_fresh_store(store, actors):
    _some_entries(store, actors)
    with store.reader() as uow:
        report = audit.verify_chain(uow)
    assert report.ok and report.checked >= 5


@pytest.mark.parametrize("statement", [
    "UPDATE audit_entry SET action = 'nothing' WHERE id = 2",
    "DELETE FROM audit_entry WHERE id = 2",
])
def test_store_refuses_update_and_delete(store, actors, statement):
    _some_entries(store, actors)
    with pytest.raises(DBAPIError) as info:
        with store.engine.begin() as conn:
            conn.execute(text(statement))
    assert "append-only" in str(info.value)


def test_pg_refuses_truncate(pg_url):
    from desk.store import open_store

    s = open_store(pg_url)
    with pytest.raises(DBAPIError):
        with s.engine.begin() as conn:
            conn.execute(text("TRUNCATE audit_entry"))
    s.dispose()


def _tamper_sqlite(path, statement):
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER audit_entry_no_update")
    con.execute("DROP TRIGGER audit_entry_no_delete")
    con.execute(statement)
    con.commit()
    con.close()


@pytest.mark.parametrize("statement, first_bad", [
    ("UPDATE audit_entry SET detail = '{\"note\":\"forged\"}' WHERE id = 12", 12),
    ("UPDATE audit_entry SET officer_username = 'someone' WHERE id = 10", 10),
    ("DELETE FROM audit_entry WHERE id = 11", 12),
])
def test_verify_names_the_first_broken_entry(sqlite_url, sqlite_store, sqlite_actors, capsys, statement, first_bad):
    _some_entries(sqlite_store, sqlite_actors, n=10)
    path = sqlite_url.removeprefix("sqlite:///")
    assert main(["audit", "verify", "--db", path]) == 0
    sqlite_store.dispose()
    _tamper_sqlite(path, statement)
    assert main(["audit", "verify", "--db", path, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert f"#{first_bad}" in err


def test_pg_chain_breaks_when_an_entry_is_altered(pg_url):
    from desk.store import open_store
    from tests.conftest import populate

    s = open_store(pg_url)
    actors = populate(s)
    _some_entries(s, actors, n=6)
    with s.engine.begin() as conn:
        conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update"))
        target = conn.execute(text("SELECT max(id) - 2 FROM audit_entry")).scalar()
        conn.execute(text("UPDATE audit_entry SET detail = '{}' WHERE id = :i"), {"i": target})
    with s.reader() as uow:
        report = audit.verify_chain(uow)
    assert not report.ok and report.first_bad_id == target
    s.dispose()


def test_audit_show_lists_what_an_officer_did(sqlite_url, sqlite_store, sqlite_actors, capsys, monkeypatch):
    _some_entries(sqlite_store, sqlite_actors, n=3)
    monkeypatch.setenv("DESK_PASSWORD", "demo-pass-1")
    path = sqlite_url.removeprefix("sqlite:///")
    assert main(["audit", "show", "--db", path, "--officer", "patverums"]) == 0
    out = capsys.readouterr().out
    assert out.count("case.view") == 3 and "auth.login" in out
    assert "vaditajs" not in out  # only that officer's entries
    # and the CLI read itself is in the trail
    with sqlite_store.reader() as uow:
        assert audit.entries(uow, limit=1)[0].action == "audit.show"


def test_audit_show_of_another_officer_needs_a_supervisor(sqlite_url, sqlite_store, sqlite_actors, capsys, monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", "demo-pass-1")
    path = sqlite_url.removeprefix("sqlite:///")
    assert main(["audit", "show", "--db", path, "--officer", "patverums", "--of", "vaditajs"]) == 2
    assert main(["audit", "show", "--db", path, "--officer", "vaditajs", "--of", "patverums"]) == 0


def test_a_batch_of_entries_is_one_insert_and_chains_on_like_entries_one_by_one(store, actors, monkeypatch):
    """``uow.batched()`` appends its entries in one statement (issue 17: on SQLite, asking for the new
    ids back made one INSERT per entry, three per import line), with the ids, hashes and checkpoints
    that recording them one by one gives, before and after the batch."""
    from models import AuditCheckpoint, AuditEntry
    from tests.conftest import statements_sent

    with store.reader() as uow:
        start = audit.entries(uow, limit=1)[0].id  # the actors' own entries, before checkpoints every 4
    monkeypatch.setattr(audit, "CHECKPOINT_EVERY", 4)
    _some_entries(store, actors, 2)
    with statements_sent(store) as sent, store.uow() as uow, uow.batched():
        for i in range(7):
            audit.record(uow, actors["asylum"], "case.view", case_id=i + 1, note=f"batched {i}")
    _some_entries(store, actors, 2)
    assert len([s for s in sent if s.startswith("INSERT INTO audit_entry")]) == 1
    with store.reader() as uow:
        report = audit.verify_chain(uow)
        ids = [e.id for e in uow.session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()]
        checkpoints = sorted(c.entry_id for c in uow.session.exec(select(AuditCheckpoint)).all())
    assert report.ok and report.checked == len(ids)
    assert ids == list(range(ids[0], ids[0] + len(ids)))  # no gap, no id twice
    assert [i for i in ids if i % 4 == 0 and i > start] == [c for c in checkpoints if c > start]
    assert len(ids) - ids.index(start) - 1 == 2 + 7 + 2
